import Foundation
import GRDB
import HonsimCore

/// The writes on requests, each one transaction. Before reading what it checks, a write takes
/// the locks of the request and the volunteer it touches (`StoreLock`), so two coordinators
/// assigning at once queue up and the second sees the first's result; the database's own
/// constraints stand behind that for any other writer.
extension SQLCaseStore {
    func appendAudit(_ db: any StoreConnection, action: String, entity: String, id: String, dongCode: String?,
                     before: String?, after: String?, at: Date) async throws {
        try await appendAudits(db, [auditCells(action: action, entity: entity, id: id, dongCode: dongCode, before: before, after: after, at: at)])
    }

    /// Many audit entries in one statement, each made by `auditCells`.
    func appendAudits(_ db: any StoreConnection, _ entries: [[(any DatabaseValueConvertible)?]]) async throws {
        try await db.insert(into: "audit", columns: SQLCaseStore.auditColumns, rows: entries)
    }

    /// The audit table's columns in the order `auditCells` gives them.
    static let auditColumns = ["at", "user", "action", "entity", "entity_id", "dong_code", "before", "after"]

    /// One audit entry's cells, in `auditColumns`' order: a write that appends thousands at once
    /// (the run sheets' access log of a city's day) makes no dictionary for each.
    func auditCells(action: String, entity: String, id: String, dongCode: String?, before: String?, after: String?,
                    at: Date) -> [(any DatabaseValueConvertible)?] {
        [Stored.cell(at), user, action, entity, id, dongCode, before, after]
    }

    /// Optimistic concurrency: the caller saw `expected`; if the row moved on, say who moved it.
    func checkVersion(_ request: EscortRequest, expected: Int?) throws {
        guard let expected, expected != request.version else { return }
        throw StoreError.staleWrite(entity: "request", id: request.id, changedBy: request.updatedBy,
                                    changedAt: request.updatedAt, nowStatus: request.status.rawValue)
    }

    /// The request, read after its lock is held.
    func lockedRequest(_ db: any StoreConnection, id: Int64) async throws -> EscortRequest {
        try await db.lock(.request(id))
        return try await SQLCaseStore.fetchRequest(db, id: id)
    }

    @discardableResult
    public func assign(requestID: Int64, volunteerID: Int64, expectedVersion: Int?, override: Bool) async throws -> EscortRequest {
        try await write { [self] db in
            try await assign(db, requestID: requestID, volunteerID: volunteerID, expectedVersion: expectedVersion, override: override)
        }
    }

    /// One assign inside a transaction that is already open: a single assign, or each date of
    /// a standing series given its volunteer.
    func assign(_ db: any StoreConnection, requestID: Int64, volunteerID: Int64, expectedVersion: Int?, override: Bool) async throws
        -> EscortRequest {
        let now = now()
        let before = try await lockedRequest(db, id: requestID)
        try await authorize(db, toChange: before)
        if before.status.holdsVolunteer || before.status == .completed || before.status == .noShow, let holder = before.volunteerID {
            let name = (try? await SQLCaseStore.fetchVolunteer(db, id: holder).name) ?? "#\(holder)"
            throw StoreError.alreadyAssigned(requestID: requestID, volunteerName: name, by: before.updatedBy,
                                             at: before.assignedAt ?? before.updatedAt)
        }
        try checkVersion(before, expected: expectedVersion)
        try await db.lock(.volunteer(volunteerID))
        let volunteer = try await SQLCaseStore.fetchVolunteer(db, id: volunteerID)
        let household = try await SQLCaseStore.fetchHousehold(db, id: before.householdID)
        let matcher = Matcher(request: before, household: household, dongs: try await cachedDongs(db), calendar: calendar, rules: rules)
        let load = try await db.volunteerLoads(for: before, excludingRequest: requestID, volunteerID: volunteerID,
                                               context: loadContext)[volunteerID] ?? VolunteerLoad()
        let judged = try StoreRules.judgeAssign(before, to: volunteer, matcher: matcher, load: load, override: override, at: now, by: user)
        if let clash = judged.clash {
            throw StoreError.doubleBooked(volunteerName: volunteer.name,
                                          otherRequestID: try await clashingRequest(db, volunteerID: volunteerID, at: clash),
                                          span: clash)
        }
        let after = judged.after
        try await insertAssignment(db, request: after, state: .active, minutes: after.expectedMinutes, at: now, by: user)
        try await updateRequest(db, after, at: now)
        try await appendAudit(db, action: judged.overridden ? "assign (override)" : "assign", entity: "request",
                              id: String(requestID), dongCode: after.dongCode,
                              before: AuditJSON.encode(before), after: AuditJSON.encode(after), at: now)
        return after
    }

    /// The request whose active escort is the clash found, to name it in the refusal.
    func clashingRequest(_ db: any StoreConnection, volunteerID: Int64, at clash: TimeSpan) async throws -> Int64 {
        try await db.value("""
            SELECT request_id FROM assignment WHERE state = 'active' AND volunteer_id = ? AND starts_at = ?
            """, [volunteerID, Stored.cell(clash.start)], as: Int64.self) ?? 0
    }

    func insertAssignment(_ db: any StoreConnection, request: EscortRequest, state: Assignment.State, minutes: Int, at: Date, by: String,
                          endedAt: Date? = nil) async throws {
        guard let values = Assignment.storedValues(holding: request, state: state, minutes: minutes, at: at, by: by,
                                                   endedAt: endedAt, calendar: calendar) else { return }
        try await db.insert(into: "assignment", values)
    }

    func updateRequest(_ db: any StoreConnection, _ after: EscortRequest, at now: Date) async throws {
        try await db.execute("""
            UPDATE escort_request SET status = ?, volunteer_id = ?, assigned_at = ?, actual_minutes = ?, outcome = ?,
                doctor_notes = ?, follow_up = ?, cancel_reason = ?, version = ?, updated_at = ?, updated_by = ?
            WHERE id = ?
            """, [after.status.rawValue, after.volunteerID, Stored.seconds(after.assignedAt),
                  after.completion?.actualMinutes, after.completion?.outcome, after.completion?.doctorNotes,
                  after.completion?.followUp, after.cancelReason, after.version, Stored.cell(now), user, after.id])
    }

    @discardableResult
    public func perform(_ action: LifecycleAction, requestID: Int64, details: ActionDetails, expectedVersion: Int?) async throws -> EscortRequest {
        precondition(action != .assign, "assign goes through assign(requestID:volunteerID:)")
        return try await write { [self] db in
            try await applyLifecycle(db, action, requestID: requestID, details: details, expectedVersion: expectedVersion, checkAccess: true)
        }
    }

    /// One lifecycle move inside a transaction that is already open. `checkAccess` false is for
    /// a caller that authorized the whole change itself (a volunteer's drop-outs, released by
    /// whoever may change that volunteer's record).
    func applyLifecycle(_ db: any StoreConnection, _ action: LifecycleAction, requestID: Int64, details: ActionDetails,
                        expectedVersion: Int?, checkAccess: Bool) async throws -> EscortRequest {
        let now = now()
        let before = try await lockedRequest(db, id: requestID)
        if checkAccess { try await authorize(db, toChange: before) }
        try checkVersion(before, expected: expectedVersion)
        var after = before
        do throws(IllegalMove) { after.status = try Lifecycle.next(from: before.status, by: action) } catch {
            throw StoreError.illegalMove(requestID: requestID, error)
        }
        after.version += 1
        after.updatedAt = now
        after.updatedBy = user
        let ending = StoreRules.assignmentEnding(action, before: before, after: &after, details: details)
        if let state = ending.state {
            try await db.execute("""
                UPDATE assignment SET state = ?, minutes = COALESCE(?, minutes), ended_at = ?, ended_by = ?, reason = ?
                WHERE request_id = ? AND state = 'active'
                """, [state.rawValue, ending.minutes, Stored.cell(now), user, details.reason, requestID])
        }
        try await updateRequest(db, after, at: now)
        if action == .complete { try await recordExpenses(db, details.expenses, request: before, at: now) }
        try await appendAudit(db, action: action.rawValue, entity: "request", id: String(requestID), dongCode: after.dongCode,
                              before: AuditJSON.encode(before), after: AuditJSON.encode(after), at: now)
        return after
    }

    /// Inserts new pending requests (one, or every date of a weekly series) in one
    /// transaction: all of them or, when any is invalid or outside the council's rules (unless
    /// overridden, SQLCaseStore+CouncilRules.swift), none.
    @discardableResult
    public func createRequests(_ drafts: [EscortRequest]) async throws -> [EscortRequest] {
        try await createRequests(drafts, override: nil)
    }

    @discardableResult
    public func createRequests(_ drafts: [EscortRequest], override: RuleOverride?) async throws -> [EscortRequest] {
        try await write { [self] db in
            let now = now()
            var issues: [DataIssue] = []
            var households: [Int64: Household] = [:]
            for (index, draft) in drafts.enumerated() {
                var household = households[draft.householdID]
                if household == nil { household = try? await SQLCaseStore.fetchHousehold(db, id: draft.householdID) }
                households[draft.householdID] = household
                issues += StoreRules.draftIssues(draft, household: household, now: now, number: index + 1)
            }
            guard issues.isEmpty else { throw StoreError.invalidData(issues) }
            for household in households.values {
                try await authorize(db, dongCode: household.dongCode,
                                    act: Phrase(ko: "\(household.id)번 대상자의 요청을 만들", en: "make a request for household \(household.id)"))
            }
            let passed = try await enforceCouncilRules(db, drafts: drafts, override: override)
            var created: [EscortRequest] = []
            for draft in drafts {
                var request = StoreRules.newRequest(from: draft, dongCode: households[draft.householdID]?.dongCode, at: now, by: user)
                request.id = try await db.insertReturningID(into: "escort_request", request.storedValues)
                try await appendAudit(db, action: "create", entity: "request", id: String(request.id), dongCode: request.dongCode,
                                      before: nil, after: AuditJSON.encode(request), at: now)
                created.append(request)
            }
            for (householdID, findings) in passed {
                try await recordOverrides(db, householdID: householdID, findings: findings, created: created,
                                          reason: override?.reason.trimmingSpaces() ?? "", at: now)
            }
            return created
        }
    }

    /// Undoes this user's last change to each request by a compensating write: the request
    /// gets back its status, volunteer and record from before, and the audit log says so.
    /// Refused, for all of them, when any was changed since (by anyone), when its last change
    /// was someone else's, or when the volunteer it would get back is now busy then.
    @discardableResult
    public func undo(_ targets: [UndoTarget]) async throws -> [EscortRequest] {
        try await write { [self] db in
            let now = now()
            var restored: [EscortRequest] = []
            for target in targets {
                let current = try await lockedRequest(db, id: target.requestID)
                try await authorize(db, toChange: current)
                try checkVersion(current, expected: target.version)
                guard let last = try await db.one("""
                    SELECT * FROM audit WHERE entity = 'request' AND entity_id = ? ORDER BY id DESC LIMIT 1
                    """, [String(target.requestID)]).map({ AuditEntry(row: $0) })
                else { throw StoreError.cannotUndo(requestID: target.requestID, reason: .nothingToUndo) }
                guard let after = try StoreRules.undoing(last, of: current, at: now, by: user) else {
                    // A request made by mistake goes away whole; the audit keeps what it was.
                    try await db.execute("DELETE FROM escort_request WHERE id = ?", [current.id])
                    try await appendAudit(db, action: "undo create", entity: "request", id: String(current.id), dongCode: current.dongCode,
                                          before: AuditJSON.encode(current), after: nil, at: now)
                    continue
                }
                try await compensateAssignment(db, from: current, to: after, at: now)
                // An undone completion takes back the expenses recorded with it.
                if current.status == .completed && after.status != .completed {
                    try await db.execute("DELETE FROM escort_expense WHERE request_id = ?", [current.id])
                }
                try await updateRequest(db, after, at: now)
                try await appendAudit(db, action: "undo", entity: "request", id: String(after.id), dongCode: after.dongCode,
                                      before: AuditJSON.encode(current), after: AuditJSON.encode(after), at: now)
                restored.append(after)
            }
            return restored
        }
    }

    /// Brings the assignment rows in line with an undone move. A volunteer taken off (by
    /// release, cancel, no-show or complete) gets the escort back only if still free then:
    /// the database guards inserts, so this re-check guards the update.
    private func compensateAssignment(_ db: any StoreConnection, from current: EscortRequest, to restored: EscortRequest,
                                      at now: Date) async throws {
        let holdsNow = current.status.holdsVolunteer, heldBefore = restored.status.holdsVolunteer
        if holdsNow && !heldBefore {
            // Undoing an assign: the escort ends as released, so the history still shows it.
            try await db.execute("""
                UPDATE assignment SET state = 'released', ended_at = ?, ended_by = ?, reason = 'undo'
                WHERE request_id = ? AND state = 'active'
                """, [Stored.cell(now), user, current.id])
        } else if heldBefore && !holdsNow, let volunteerID = restored.volunteerID {
            try await db.lock(.volunteer(volunteerID))
            let load = try await db.volunteerLoads(for: restored, excludingRequest: restored.id, volunteerID: volunteerID,
                                                   context: loadContext)[volunteerID] ?? VolunteerLoad()
            if let clash = load.busy.first(where: { $0.conflicts(with: restored.span, buffer: rules.travelBuffer) }) {
                let name = (try? await SQLCaseStore.fetchVolunteer(db, id: volunteerID).name) ?? "#\(volunteerID)"
                throw StoreError.doubleBooked(volunteerName: name,
                                              otherRequestID: try await clashingRequest(db, volunteerID: volunteerID, at: clash), span: clash)
            }
            guard let latest = try await db.value("""
                SELECT id FROM assignment WHERE request_id = ? AND volunteer_id = ? ORDER BY id DESC LIMIT 1
                """, [restored.id, volunteerID], as: Int64.self)
            else { throw StoreError.cannotUndo(requestID: restored.id, reason: .nothingToUndo) }
            try await db.execute("""
                UPDATE assignment SET state = 'active', minutes = ?, ended_at = NULL, ended_by = NULL, reason = NULL WHERE id = ?
                """, [restored.expectedMinutes, latest])
        }
    }
}
