import Foundation
import GRDB
import HonsimCore

extension SQLiteStore {
    /// Runs one write transaction (BEGIN IMMEDIATE: the write lock is taken before anything is
    /// read, so the invariants checked inside hold until commit).
    func write<T: Sendable>(_ body: @Sendable @escaping (Database) throws -> T) async throws -> T {
        // The connection would refuse anyway; this says why in words.
        if readOnly { throw StoreError.access(.readOnlySession) }
        // An open connection keeps writing to a file that was deleted or moved away, and
        // the change would be lost with it: refuse instead, so the screen can offer a retry.
        guard FileManager.default.fileExists(atPath: location) else { throw StoreError.storeGone(path: location) }
        do {
            return try await pool.write(body)
        } catch let error as DatabaseError where error.message?.contains("double-booked") == true {
            // The trigger caught an overlap the checks before it should have: report it plainly.
            throw StoreError.integrity(reason: error.message ?? "double-booked")
        } catch let error as DatabaseError {
            throw SQLiteStore.translate(error, path: location)
        }
    }

    /// Now, to the second, as the rows store it.
    func now() -> Date { Stored.date(Stored.seconds(clock())) }

    func appendAudit(_ db: Database, action: String, entity: String, id: String, dongCode: String?,
                     before: String?, after: String?, at: Date) throws {
        try db.execute(sql: """
            INSERT INTO audit (at, user, action, entity, entity_id, dong_code, before, after) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [Stored.seconds(at), user, action, entity, id, dongCode, before, after])
    }

    /// Optimistic concurrency: the caller saw `expected`; if the row moved on, say who moved it.
    func checkVersion(_ request: EscortRequest, expected: Int?) throws {
        guard let expected, expected != request.version else { return }
        throw StoreError.staleWrite(entity: "request", id: request.id, changedBy: request.updatedBy,
                                    changedAt: request.updatedAt, nowStatus: request.status.rawValue)
    }

    @discardableResult
    public func assign(requestID: Int64, volunteerID: Int64, expectedVersion: Int?, override: Bool) async throws -> EscortRequest {
        try await write { [self] db in
            let now = now()
            let before = try SQLiteStore.fetchRequest(db, id: requestID)
            try authorize(db, toChange: before)
            if before.status.holdsVolunteer || before.status == .completed || before.status == .noShow, let holder = before.volunteerID {
                let name = (try? SQLiteStore.fetchVolunteer(db, id: holder).name) ?? "#\(holder)"
                throw StoreError.alreadyAssigned(requestID: requestID, volunteerName: name, by: before.updatedBy,
                                                 at: before.assignedAt ?? before.updatedAt)
            }
            try checkVersion(before, expected: expectedVersion)
            let volunteer = try SQLiteStore.fetchVolunteer(db, id: volunteerID)
            let household = try SQLiteStore.fetchHousehold(db, id: before.householdID)
            let matcher = Matcher(request: before, household: household, dongs: try cachedDongs(db), calendar: calendar, rules: rules)
            let load = try loads(db, for: before, excludingRequest: requestID, volunteerID: volunteerID)[volunteerID] ?? VolunteerLoad()
            let judged = try SQLiteStore.judgeAssign(before, to: volunteer, matcher: matcher, load: load, override: override, at: now, by: user)
            if let clash = judged.clash {
                let other = try Int64.fetchOne(db, sql: """
                    SELECT request_id FROM assignment WHERE state = 'active' AND volunteer_id = ? AND starts_at = ?
                    """, arguments: [volunteerID, Stored.seconds(clash.start)]) ?? 0
                throw StoreError.doubleBooked(volunteerName: volunteer.name, otherRequestID: other, span: clash)
            }
            let after = judged.after
            try insertAssignment(db, request: after, state: .active, minutes: after.expectedMinutes, at: now, by: user)
            try db.execute(sql: """
                UPDATE escort_request SET status = ?, volunteer_id = ?, assigned_at = ?, version = ?, updated_at = ?, updated_by = ?
                WHERE id = ?
                """, arguments: [after.status.rawValue, volunteerID, Stored.seconds(now), after.version, Stored.seconds(now), user, requestID])
            try appendAudit(db, action: judged.overridden ? "assign (override)" : "assign", entity: "request",
                            id: String(requestID), dongCode: after.dongCode,
                            before: AuditJSON.encode(before), after: AuditJSON.encode(after), at: now)
            return after
        }
    }

    func insertAssignment(_ db: Database, request: EscortRequest, state: Assignment.State, minutes: Int, at: Date, by: String,
                          endedAt: Date? = nil) throws {
        guard let values = Assignment.storedValues(holding: request, state: state, minutes: minutes, at: at, by: by,
                                                   endedAt: endedAt, calendar: calendar) else { return }
        try db.insert(into: "assignment", values)
    }

    @discardableResult
    public func perform(_ action: LifecycleAction, requestID: Int64, details: ActionDetails, expectedVersion: Int?) async throws -> EscortRequest {
        precondition(action != .assign, "assign goes through assign(requestID:volunteerID:)")
        return try await write { [self] db in
            try applyLifecycle(db, action, requestID: requestID, details: details, expectedVersion: expectedVersion, checkAccess: true)
        }
    }

    /// One lifecycle move inside a transaction that is already open. `checkAccess` false is for
    /// a caller that authorized the whole change itself (a volunteer's drop-outs, released by
    /// whoever may change that volunteer's record).
    func applyLifecycle(_ db: Database, _ action: LifecycleAction, requestID: Int64, details: ActionDetails, expectedVersion: Int?,
                        checkAccess: Bool) throws -> EscortRequest {
        let now = now()
        let before = try SQLiteStore.fetchRequest(db, id: requestID)
        if checkAccess { try authorize(db, toChange: before) }
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
            try db.execute(sql: """
                UPDATE assignment SET state = ?, minutes = COALESCE(?, minutes), ended_at = ?, ended_by = ?, reason = ?
                WHERE request_id = ? AND state = 'active'
                """, arguments: [state.rawValue, ending.minutes, Stored.seconds(now), user, details.reason, requestID])
        }
        try db.execute(sql: """
            UPDATE escort_request SET status = ?, volunteer_id = ?, assigned_at = ?, actual_minutes = ?, outcome = ?,
                doctor_notes = ?, follow_up = ?, cancel_reason = ?, version = ?, updated_at = ?, updated_by = ?
            WHERE id = ?
            """, arguments: [after.status.rawValue, after.volunteerID, Stored.seconds(after.assignedAt),
                             after.completion?.actualMinutes, after.completion?.outcome, after.completion?.doctorNotes,
                             after.completion?.followUp, after.cancelReason, after.version, Stored.seconds(now), user, requestID])
        try appendAudit(db, action: action.rawValue, entity: "request", id: String(requestID), dongCode: after.dongCode,
                        before: AuditJSON.encode(before), after: AuditJSON.encode(after), at: now)
        return after
    }

    /// How a lifecycle move ends the request's active assignment, if it does, and what it
    /// changes on the request besides its status. Both backends make the same move.
    static func assignmentEnding(_ action: LifecycleAction, before: EscortRequest, after: inout EscortRequest,
                                 details: ActionDetails) -> (state: Assignment.State?, minutes: Int?) {
        switch action {
        case .release:
            after.volunteerID = nil
            after.assignedAt = nil
            return (.released, nil)
        case .cancel:
            after.volunteerID = nil
            after.cancelReason = details.reason ?? ""
            return (before.status.holdsVolunteer ? .cancelled : nil, nil)
        case .noShow:
            return (.noShow, nil)
        case .complete:
            let completion = Completion(actualMinutes: details.actualMinutes ?? before.expectedMinutes, outcome: details.outcome,
                                        doctorNotes: details.doctorNotes, followUp: details.followUp)
            after.completion = completion
            return (.completed, completion.actualMinutes)
        case .confirm, .start, .assign:
            return (nil, nil)
        }
    }

    /// What an assign decides once the request, the volunteer and their load are read: a clash
    /// (which the caller names, by the other request), a refusal for the rules, or the request
    /// as assigned and whether an override was needed. Both backends judge the same way.
    static func judgeAssign(_ before: EscortRequest, to volunteer: Volunteer, matcher: Matcher, load: VolunteerLoad, override: Bool,
                            at now: Date, by user: String) throws -> (after: EscortRequest, overridden: Bool, clash: TimeSpan?) {
        let target: RequestStatus
        do throws(IllegalMove) { target = try Lifecycle.next(from: before.status, by: .assign) } catch {
            throw StoreError.illegalMove(requestID: before.id, error)
        }
        if let clash = load.busy.first(where: { $0.conflicts(with: before.span, buffer: matcher.rules.travelBuffer) }) {
            return (before, false, clash)
        }
        let exclusions = matcher.evaluate(volunteer, load: load).exclusions
        if !exclusions.isEmpty && (!override || exclusions.contains(where: { !$0.isOverridable })) {
            throw StoreError.excluded(volunteerName: volunteer.name, exclusions)
        }
        var after = before
        after.status = target
        after.volunteerID = volunteer.id
        after.assignedAt = now
        after.version += 1
        after.updatedAt = now
        after.updatedBy = user
        return (after, !exclusions.isEmpty, nil)
    }
}
