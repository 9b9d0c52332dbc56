import Foundation
import GRDB
import HonsimCore

extension SQLiteStore {
    /// Inserts new pending requests (one, or every date of a weekly series) in one
    /// transaction: all of them or, when any is invalid, none.
    @discardableResult
    public func createRequests(_ drafts: [EscortRequest]) async throws -> [EscortRequest] {
        try await write { [self] db in
            let now = now()
            var issues: [DataIssue] = []
            var households: [Int64: Household] = [:]
            for (index, draft) in drafts.enumerated() {
                let household = households[draft.householdID] ?? (try? SQLiteStore.fetchHousehold(db, id: draft.householdID))
                households[draft.householdID] = household
                issues += SQLiteStore.draftIssues(draft, household: household, now: now, number: index + 1)
            }
            guard issues.isEmpty else { throw StoreError.invalidData(issues) }
            for household in households.values.compactMap({ $0 }) {
                try authorize(db, dongCode: household.dongCode,
                              act: Phrase(ko: "\(household.id)번 대상자의 요청을 만들", en: "make a request for household \(household.id)"))
            }
            var created: [EscortRequest] = []
            for draft in drafts {
                var request = SQLiteStore.newRequest(from: draft, dongCode: households[draft.householdID]?.dongCode, at: now, by: user)
                var values = request.storedValues
                values["id"] = nil
                try db.insert(into: "escort_request", values)
                request.id = db.lastInsertedRowID
                try appendAudit(db, action: "create", entity: "request", id: String(request.id), dongCode: request.dongCode,
                                before: nil, after: AuditJSON.encode(request), at: now)
                created.append(request)
            }
            return created
        }
    }

    /// A draft as a new pending request. The dong is the household's at the time of the
    /// request: statistics and scope go by it.
    static func newRequest(from draft: EscortRequest, dongCode: String?, at now: Date, by user: String) -> EscortRequest {
        var request = draft
        request.dongCode = dongCode ?? draft.dongCode
        request.status = .pending
        request.volunteerID = nil
        request.assignedAt = nil
        request.completion = nil
        request.cancelReason = nil
        request.createdAt = now
        request.updatedAt = now
        request.updatedBy = user
        request.version = 1
        return request
    }

    /// What is wrong with a new request, located as "new request N" (the Nth date of a series).
    static func draftIssues(_ draft: EscortRequest, household: Household?, now: Date, number: Int) -> [DataIssue] {
        let issue = { (field: String, message: Phrase) in DataIssue(file: "new request", line: number, field: field, message: message) }
        var issues = Validation.request(draft).map { issue($0.field, $0.message) }
        if household == nil || household?.closed == true {
            issues.append(issue("household", Phrase(ko: "대상자 \(draft.householdID)번이 없거나 종결되었습니다",
                                                    en: "household \(draft.householdID) does not exist or is closed")))
        }
        if draft.appointmentAt < now {
            issues.append(issue("date", Phrase(ko: "지난 시각입니다", en: "that time has passed")))
        }
        return issues
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
                let current = try SQLiteStore.fetchRequest(db, id: target.requestID)
                try authorize(db, toChange: current)
                try checkVersion(current, expected: target.version)
                guard let last = try Row.fetchOne(db, sql: """
                    SELECT * FROM audit WHERE entity = 'request' AND entity_id = ? ORDER BY id DESC LIMIT 1
                    """, arguments: [String(target.requestID)]).map(AuditEntry.init(row:))
                else { throw StoreError.cannotUndo(requestID: target.requestID, reason: .nothingToUndo) }
                guard let after = try SQLiteStore.undoing(last, of: current, at: now, by: user) else {
                    // A request made by mistake goes away whole; the audit keeps what it was.
                    try db.execute(sql: "DELETE FROM escort_request WHERE id = ?", arguments: [current.id])
                    try appendAudit(db, action: "undo create", entity: "request", id: String(current.id), dongCode: current.dongCode,
                                    before: AuditJSON.encode(current), after: nil, at: now)
                    continue
                }
                try compensateAssignment(db, from: current, to: after, at: now)
                try db.execute(sql: """
                    UPDATE escort_request SET status = ?, volunteer_id = ?, assigned_at = ?, actual_minutes = ?, outcome = ?,
                        doctor_notes = ?, follow_up = ?, cancel_reason = ?, version = ?, updated_at = ?, updated_by = ?
                    WHERE id = ?
                    """, arguments: [after.status.rawValue, after.volunteerID, Stored.seconds(after.assignedAt),
                                     after.completion?.actualMinutes, after.completion?.outcome, after.completion?.doctorNotes,
                                     after.completion?.followUp, after.cancelReason, after.version, Stored.seconds(now), user,
                                     after.id])
                try appendAudit(db, action: "undo", entity: "request", id: String(after.id), dongCode: after.dongCode,
                                before: AuditJSON.encode(current), after: AuditJSON.encode(after), at: now)
                restored.append(after)
            }
            return restored
        }
    }

    /// The request as the undo of `last` (its latest audit entry) restores it, or nil when
    /// `last` created it and the undo removes it. Refused when the change was someone else's
    /// or is itself an undo. Both backends undo the same way.
    static func undoing(_ last: AuditEntry, of current: EscortRequest, at now: Date, by user: String) throws -> EscortRequest? {
        guard last.user == user else {
            throw StoreError.cannotUndo(requestID: current.id, reason: .someoneElses(user: last.user, at: last.at))
        }
        if last.action == "create" { return nil }
        guard last.action != "undo" && !last.action.hasPrefix("undo "),
              let before = AuditJSON.decode(EscortRequest.self, from: last.before)
        else { throw StoreError.cannotUndo(requestID: current.id, reason: .nothingToUndo) }
        var after = before
        after.version = current.version + 1
        after.updatedAt = now
        after.updatedBy = user
        return after
    }

    /// Brings the assignment rows in line with an undone move. A volunteer taken off (by
    /// release, cancel, no-show or complete) gets the escort back only if still free then:
    /// the overlap trigger guards inserts, so this re-check guards the update.
    private func compensateAssignment(_ db: Database, from current: EscortRequest, to restored: EscortRequest, at now: Date) throws {
        let holdsNow = current.status.holdsVolunteer, heldBefore = restored.status.holdsVolunteer
        if holdsNow && !heldBefore {
            // Undoing an assign: the escort ends as released, so the history still shows it.
            try db.execute(sql: """
                UPDATE assignment SET state = 'released', ended_at = ?, ended_by = ?, reason = 'undo'
                WHERE request_id = ? AND state = 'active'
                """, arguments: [Stored.seconds(now), user, current.id])
        } else if heldBefore && !holdsNow, let volunteerID = restored.volunteerID {
            let load = try loads(db, for: restored, excludingRequest: restored.id, volunteerID: volunteerID)[volunteerID] ?? VolunteerLoad()
            if let clash = load.busy.first(where: { $0.conflicts(with: restored.span, buffer: rules.travelBuffer) }) {
                let name = (try? SQLiteStore.fetchVolunteer(db, id: volunteerID).name) ?? "#\(volunteerID)"
                let other = try Int64.fetchOne(db, sql: """
                    SELECT request_id FROM assignment WHERE state = 'active' AND volunteer_id = ? AND starts_at = ?
                    """, arguments: [volunteerID, Stored.seconds(clash.start)]) ?? 0
                throw StoreError.doubleBooked(volunteerName: name, otherRequestID: other, span: clash)
            }
            guard let latest = try Int64.fetchOne(db, sql: """
                SELECT id FROM assignment WHERE request_id = ? AND volunteer_id = ? ORDER BY id DESC LIMIT 1
                """, arguments: [restored.id, volunteerID])
            else { throw StoreError.cannotUndo(requestID: restored.id, reason: .nothingToUndo) }
            try db.execute(sql: """
                UPDATE assignment SET state = 'active', minutes = ?, ended_at = NULL, ended_by = NULL, reason = NULL WHERE id = ?
                """, arguments: [restored.expectedMinutes, latest])
        }
    }

    public func auditLog(matching query: AuditQuery, limit: Int) async throws -> [AuditEntry] {
        try await read { db in
            var conditions: [String] = []
            var arguments: StatementArguments = []
            if let dongs = query.dongCodes {
                conditions.append("dong_code IN (\(dongs.map { _ in "?" }.joined(separator: ", ")))")
                _ = arguments.append(contentsOf: StatementArguments(dongs.sorted()))
            }
            if let user = query.user {
                conditions.append("user LIKE ? ESCAPE '\\'")
                _ = arguments.append(contentsOf: [SQLiteStore.likePattern(user)])
            }
            if let requestID = query.requestID {
                conditions.append("entity = 'request' AND entity_id = ?")
                _ = arguments.append(contentsOf: [String(requestID)])
            }
            let filter = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
            _ = arguments.append(contentsOf: [limit])
            return try Row.fetchAll(db, sql: "SELECT * FROM audit \(filter) ORDER BY id DESC LIMIT ?", arguments: arguments)
                .map(AuditEntry.init(row:))
        }
    }

    /// A LIKE pattern matching `text` anywhere, with its own % and _ taken literally.
    static func likePattern(_ text: String) -> String {
        "%" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "%", with: "\\%")
            .replacingOccurrences(of: "_", with: "\\_") + "%"
    }
}
