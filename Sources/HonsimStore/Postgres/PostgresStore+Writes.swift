import Foundation
import GRDB
import HonsimCore

/// The writes, each one transaction. Before reading what it checks, a write takes advisory
/// locks on the request and the volunteer it touches (`lock`), so two coordinators assigning
/// at once queue up and the second sees the first's result; the EXCLUDE constraint and the
/// partial unique index stand behind that for any other writer, raw SQL included.
extension PostgresStore {
    enum LockSpace: Int32 {
        case request = 1, volunteer = 2, store = 3, household = 4
    }

    /// Holds until the transaction ends.
    func lock(_ db: PGSQL, _ space: LockSpace, _ id: Int64) async throws {
        try await db.execute("SELECT pg_advisory_xact_lock(?::int, ?::int)", [Int64(space.rawValue), id])
    }

    func appendAudit(_ db: PGSQL, action: String, entity: String, id: String, dongCode: String?,
                     before: String?, after: String?, at: Date) async throws {
        try await db.execute("""
            INSERT INTO audit (at, "user", action, entity, entity_id, dong_code, before, after) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """, [Stored.cell(at), user, action, entity, id, dongCode, before, after])
    }

    func checkVersion(_ request: EscortRequest, expected: Int?) throws {
        guard let expected, expected != request.version else { return }
        throw StoreError.staleWrite(entity: "request", id: request.id, changedBy: request.updatedBy,
                                    changedAt: request.updatedAt, nowStatus: request.status.rawValue)
    }

    /// The request, read after its lock is held.
    func lockedRequest(_ db: PGSQL, id: Int64) async throws -> EscortRequest {
        try await lock(db, .request, id)
        return try await PostgresStore.fetchRequest(db, id: id)
    }

    @discardableResult
    public func assign(requestID: Int64, volunteerID: Int64, expectedVersion: Int?, override: Bool) async throws -> EscortRequest {
        try await write { [self] db in
            let now = now()
            let before = try await lockedRequest(db, id: requestID)
            try await authorize(db, toChange: before)
            if before.status.holdsVolunteer || before.status == .completed || before.status == .noShow, let holder = before.volunteerID {
                let name = (try? await PostgresStore.fetchVolunteer(db, id: holder).name) ?? "#\(holder)"
                throw StoreError.alreadyAssigned(requestID: requestID, volunteerName: name, by: before.updatedBy,
                                                 at: before.assignedAt ?? before.updatedAt)
            }
            try checkVersion(before, expected: expectedVersion)
            try await lock(db, .volunteer, volunteerID)
            let volunteer = try await PostgresStore.fetchVolunteer(db, id: volunteerID)
            let household = try await PostgresStore.fetchHousehold(db, id: before.householdID)
            let matcher = Matcher(request: before, household: household, dongs: try await cachedDongs(db), calendar: calendar, rules: rules)
            let load = try await loads(db, for: before, excludingRequest: requestID, volunteerID: volunteerID)[volunteerID] ?? VolunteerLoad()
            let judged = try SQLiteStore.judgeAssign(before, to: volunteer, matcher: matcher, load: load, override: override, at: now, by: user)
            if let clash = judged.clash {
                let other = try await db.value("""
                    SELECT request_id FROM assignment WHERE state = 'active' AND volunteer_id = ? AND starts_at = ?
                    """, [volunteerID, Stored.cell(clash.start)], as: Int64.self) ?? 0
                throw StoreError.doubleBooked(volunteerName: volunteer.name, otherRequestID: other, span: clash)
            }
            let after = judged.after
            try await insertAssignment(db, request: after, state: .active, minutes: after.expectedMinutes, at: now, by: user)
            try await db.execute("""
                UPDATE escort_request SET status = ?, volunteer_id = ?, assigned_at = ?, version = ?, updated_at = ?, updated_by = ?
                WHERE id = ?
                """, [after.status.rawValue, volunteerID, Stored.cell(now), after.version, Stored.cell(now), user, requestID])
            try await appendAudit(db, action: judged.overridden ? "assign (override)" : "assign", entity: "request",
                                  id: String(requestID), dongCode: after.dongCode,
                                  before: AuditJSON.encode(before), after: AuditJSON.encode(after), at: now)
            return after
        }
    }

    func insertAssignment(_ db: PGSQL, request: EscortRequest, state: Assignment.State, minutes: Int, at: Date, by: String,
                          endedAt: Date? = nil) async throws {
        guard let values = Assignment.storedValues(holding: request, state: state, minutes: minutes, at: at, by: by,
                                                   endedAt: endedAt, calendar: calendar) else { return }
        try await db.insert(into: "assignment", values)
    }

    @discardableResult
    public func perform(_ action: LifecycleAction, requestID: Int64, details: ActionDetails, expectedVersion: Int?) async throws -> EscortRequest {
        precondition(action != .assign, "assign goes through assign(requestID:volunteerID:)")
        return try await write { [self] db in
            try await applyLifecycle(db, action, requestID: requestID, details: details, expectedVersion: expectedVersion, checkAccess: true)
        }
    }

    /// One lifecycle move inside a transaction that is already open; `checkAccess` false is
    /// for a caller that authorized the whole change itself, as on SQLite.
    func applyLifecycle(_ db: PGSQL, _ action: LifecycleAction, requestID: Int64, details: ActionDetails, expectedVersion: Int?,
                        checkAccess: Bool) async throws -> EscortRequest {
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
        let ending = SQLiteStore.assignmentEnding(action, before: before, after: &after, details: details)
        if let state = ending.state {
            try await db.execute("""
                UPDATE assignment SET state = ?, minutes = COALESCE(?, minutes), ended_at = ?, ended_by = ?, reason = ?
                WHERE request_id = ? AND state = 'active'
                """, [state.rawValue, ending.minutes, Stored.cell(now), user, details.reason, requestID])
        }
        try await updateRequest(db, after, at: now)
        try await appendAudit(db, action: action.rawValue, entity: "request", id: String(requestID), dongCode: after.dongCode,
                              before: AuditJSON.encode(before), after: AuditJSON.encode(after), at: now)
        return after
    }

    func updateRequest(_ db: PGSQL, _ after: EscortRequest, at now: Date) async throws {
        try await db.execute("""
            UPDATE escort_request SET status = ?, volunteer_id = ?, assigned_at = ?, actual_minutes = ?, outcome = ?,
                doctor_notes = ?, follow_up = ?, cancel_reason = ?, version = ?, updated_at = ?, updated_by = ?
            WHERE id = ?
            """, [after.status.rawValue, after.volunteerID, Stored.seconds(after.assignedAt),
                  after.completion?.actualMinutes, after.completion?.outcome, after.completion?.doctorNotes,
                  after.completion?.followUp, after.cancelReason, after.version, Stored.cell(now), user, after.id])
    }

    /// Loads records in one transaction; replacing clears the cases but never the audit log.
    public func load(_ data: StoreData, replacingExisting: Bool) async throws {
        try await write { [self] db in
            try await authorizeAdmin(db, task: Phrase(ko: "자료 불러오기와 바꾸기", en: "load or replace the data"))
            try await lock(db, .store, 0)
            let now = now()
            let existing = try await db.value("SELECT (SELECT COUNT(*) FROM household) + (SELECT COUNT(*) FROM volunteer) + (SELECT COUNT(*) FROM escort_request)", as: Int.self) ?? 0
            if existing > 0 && !replacingExisting { throw StoreError.notEmpty(path: location) }
            // The volunteers' loads follow the assignments down through the trigger.
            for table in ["assignment", "escort_request", "day_off", "availability_window", "volunteer", "household", "dong_former_name", "dong"] {
                try await db.execute("DELETE FROM \(table)")
            }
            for (position, dong) in data.dongs.enumerated() {
                try await db.execute("INSERT INTO dong (code, name, gu, renamed_year, position) VALUES (?, ?, ?, ?, ?)",
                                     [dong.code, dong.name, dong.gu, dong.renamedYear, position])
                for former in dong.formerNames {
                    try await db.execute("INSERT INTO dong_former_name (name, dong_code) VALUES (?, ?)", [former, dong.code])
                }
            }
            let stamp: [String: (any DatabaseValueConvertible)?] = ["updated_at": Stored.cell(now), "updated_by": user]
            try await db.insert(into: "household", data.households.map { $0.storedValues.merging(stamp) { $1 } })
            try await insertVolunteers(db, data.volunteers, stamp: stamp)
            try await insertRequests(db, data.requests.sorted(by: { ($0.pickupAt, $0.id) < ($1.pickupAt, $1.id) }))
            try await PostgresStore.syncSequences(db)
            try await appendAudit(db, action: replacingExisting && existing > 0 ? "replace" : "load", entity: "store", id: location,
                                  dongCode: nil, before: nil,
                                  after: "{\"dongs\":\(data.dongs.count),\"households\":\(data.households.count),\"volunteers\":\(data.volunteers.count),\"requests\":\(data.requests.count)}",
                                  at: now)
        }
    }

    /// Records loaded under their own ids leave the id sequences behind; move them past.
    static func syncSequences(_ db: PGSQL) async throws {
        for table in ["household", "volunteer", "escort_request", "day_off", "assignment", "audit"] {
            try await db.execute("SELECT setval(pg_get_serial_sequence('\(table)', 'id'), GREATEST((SELECT MAX(id) FROM \(table)), 1), (SELECT MAX(id) FROM \(table)) IS NOT NULL)")
        }
    }

    /// Volunteers with their windows and days off, many to a statement.
    func insertVolunteers(_ db: PGSQL, _ volunteers: [Volunteer], stamp: [String: (any DatabaseValueConvertible)?]) async throws {
        try await db.insert(into: "volunteer", volunteers.map { $0.storedValues.merging(stamp) { $1 } })
        try await insertSchedules(db, volunteers)
    }

    /// Volunteers' windows and days off, inserted one way for loads, imports and saves.
    func insertSchedules(_ db: PGSQL, _ volunteers: [Volunteer]) async throws {
        try await db.insert(into: "availability_window", columns: ["volunteer_id", "weekday", "start_minute", "end_minute"],
                            rows: volunteers.flatMap { volunteer in
                                volunteer.availability.windows.map { [volunteer.id, $0.weekday.rawValue, $0.start.minutes, $0.end.minutes] }
                            })
        try await db.insert(into: "day_off", columns: ["volunteer_id", "from_date", "to_date", "reason"],
                            rows: volunteers.flatMap { volunteer in
                                volunteer.daysOff.map { [volunteer.id, $0.from.description, $0.to.description, $0.reason] }
                            })
    }

    /// Requests as they are, many to a statement, with the assignment of each that holds a
    /// volunteer or ended with one.
    func insertRequests(_ db: PGSQL, _ requests: [EscortRequest]) async throws {
        let stored = requests.map { SQLiteStore.storedForm(of: $0) }
        try await db.insert(into: "escort_request", stored.map { $0.0.storedValues })
        try await db.insert(into: "assignment", stored.compactMap { request, state in
            state.flatMap { state in
                Assignment.storedValues(holding: request, state: state, minutes: request.completion?.actualMinutes ?? request.expectedMinutes,
                                        at: request.assignedAt ?? request.createdAt, by: request.updatedBy,
                                        endedAt: state == .active ? nil : request.updatedAt, calendar: calendar)
            }
        })
    }

    @discardableResult
    public func createRequests(_ drafts: [EscortRequest]) async throws -> [EscortRequest] {
        try await write { [self] db in
            let now = now()
            var issues: [DataIssue] = []
            var households: [Int64: Household] = [:]
            for (index, draft) in drafts.enumerated() {
                var household = households[draft.householdID]
                if household == nil { household = try? await PostgresStore.fetchHousehold(db, id: draft.householdID) }
                households[draft.householdID] = household
                issues += SQLiteStore.draftIssues(draft, household: household, now: now, number: index + 1)
            }
            guard issues.isEmpty else { throw StoreError.invalidData(issues) }
            for household in households.values {
                try await authorize(db, dongCode: household.dongCode,
                                    act: Phrase(ko: "\(household.id)번 대상자의 요청을 만들", en: "make a request for household \(household.id)"))
            }
            var created: [EscortRequest] = []
            for draft in drafts {
                var request = SQLiteStore.newRequest(from: draft, dongCode: households[draft.householdID]?.dongCode, at: now, by: user)
                var values = request.storedValues
                values["id"] = nil
                let columns = values.keys.sorted()
                request.id = try await db.value("""
                    INSERT INTO escort_request (\(columns.joined(separator: ", "))) VALUES (\(columns.map { _ in "?" }.joined(separator: ", "))) RETURNING id
                    """, columns.map { values[$0] ?? nil }, as: Int64.self) ?? 0
                try await appendAudit(db, action: "create", entity: "request", id: String(request.id), dongCode: request.dongCode,
                                      before: nil, after: AuditJSON.encode(request), at: now)
                created.append(request)
            }
            return created
        }
    }

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
                    """, [String(target.requestID)]).map(AuditEntry.init(row:))
                else { throw StoreError.cannotUndo(requestID: target.requestID, reason: .nothingToUndo) }
                guard let after = try SQLiteStore.undoing(last, of: current, at: now, by: user) else {
                    try await db.execute("DELETE FROM escort_request WHERE id = ?", [current.id])
                    try await appendAudit(db, action: "undo create", entity: "request", id: String(current.id), dongCode: current.dongCode,
                                          before: AuditJSON.encode(current), after: nil, at: now)
                    continue
                }
                try await compensateAssignment(db, from: current, to: after, at: now)
                try await updateRequest(db, after, at: now)
                try await appendAudit(db, action: "undo", entity: "request", id: String(after.id), dongCode: after.dongCode,
                                      before: AuditJSON.encode(current), after: AuditJSON.encode(after), at: now)
                restored.append(after)
            }
            return restored
        }
    }

    private func compensateAssignment(_ db: PGSQL, from current: EscortRequest, to restored: EscortRequest, at now: Date) async throws {
        let holdsNow = current.status.holdsVolunteer, heldBefore = restored.status.holdsVolunteer
        if holdsNow && !heldBefore {
            try await db.execute("""
                UPDATE assignment SET state = 'released', ended_at = ?, ended_by = ?, reason = 'undo'
                WHERE request_id = ? AND state = 'active'
                """, [Stored.cell(now), user, current.id])
        } else if heldBefore && !holdsNow, let volunteerID = restored.volunteerID {
            try await lock(db, .volunteer, volunteerID)
            let load = try await loads(db, for: restored, excludingRequest: restored.id, volunteerID: volunteerID)[volunteerID] ?? VolunteerLoad()
            if let clash = load.busy.first(where: { $0.conflicts(with: restored.span, buffer: rules.travelBuffer) }) {
                let name = (try? await PostgresStore.fetchVolunteer(db, id: volunteerID).name) ?? "#\(volunteerID)"
                let other = try await db.value("""
                    SELECT request_id FROM assignment WHERE state = 'active' AND volunteer_id = ? AND starts_at = ?
                    """, [volunteerID, Stored.cell(clash.start)], as: Int64.self) ?? 0
                throw StoreError.doubleBooked(volunteerName: name, otherRequestID: other, span: clash)
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
