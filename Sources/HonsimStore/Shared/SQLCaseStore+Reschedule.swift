import Foundation
import GRDB
import HonsimCore

/// A request moved to a new time or place, for whatever moves it (a series changed from a date,
/// a return leg's pickup changed): written once, so every move keeps or releases its volunteer
/// by the same checks a single assign makes.
extension SQLCaseStore {
    /// Writes `moved` over `request`. Its volunteer stays when still free and allowed at the new
    /// time (the old time's assignment row ends and the new one begins), else is released with
    /// `reason`; returns the request as written and, when released, why.
    func reschedule(_ db: any StoreConnection, from request: EscortRequest, to moved: EscortRequest, reason: Phrase, action: String,
                    at now: Date) async throws -> (request: EscortRequest, released: Phrase?) {
        var moved = moved
        var released: Phrase?
        if let volunteerID = request.volunteerID {
            if let refusal = try await whyNot(db, moved, volunteerID: volunteerID) {
                let lifecycle = try await applyLifecycle(db, .release, requestID: request.id,
                                                         details: ActionDetails(reason: reason.ko), expectedVersion: nil, checkAccess: true)
                moved.status = lifecycle.status
                moved.volunteerID = nil
                moved.assignedAt = nil
                moved.version = lifecycle.version
                released = refusal
            } else {
                try await db.execute("""
                    UPDATE assignment SET state = 'released', ended_at = ?, ended_by = ?, reason = ? WHERE request_id = ? AND state = 'active'
                    """, [Stored.cell(now), user, reason.ko, request.id])
                try await insertAssignment(db, request: moved, state: .active, minutes: moved.expectedMinutes, at: now, by: user)
            }
        }
        moved.version += 1
        try await db.execute("""
            UPDATE escort_request SET hospital = ?, department = ?, appointment_at = ?, pickup_at = ?, transport = ?, purpose = ?,
                expected_minutes = ?, version = ?, updated_at = ?, updated_by = ? WHERE id = ?
            """, [moved.hospital, moved.department, Stored.cell(moved.appointmentAt), Stored.cell(moved.pickupAt),
                  moved.transport.rawValue, moved.purpose.rawValue, moved.expectedMinutes, moved.version, Stored.cell(now), user, moved.id])
        try await appendAudit(db, action: action, entity: "request", id: String(moved.id), dongCode: moved.dongCode,
                              before: AuditJSON.encode(request), after: AuditJSON.encode(moved), at: now)
        return (moved, released)
    }

    /// Why `volunteerID` could not take `request` as it now is (the checks of a single assign,
    /// with its own escort left out), or nil when they can.
    func whyNot(_ db: any StoreConnection, _ request: EscortRequest, volunteerID: Int64) async throws -> Phrase? {
        try await db.lock(.volunteer(volunteerID))
        let volunteer = try await SQLCaseStore.fetchVolunteer(db, id: volunteerID)
        let household = try await SQLCaseStore.fetchHousehold(db, id: request.householdID)
        let load = try await db.volunteerLoads(for: request, excludingRequest: request.id, volunteerID: volunteerID,
                                               context: loadContext)[volunteerID] ?? VolunteerLoad()
        if let clash = load.busy.first(where: { $0.conflicts(with: request.span, buffer: rules.travelBuffer) }) {
            let other = try await clashingRequest(db, volunteerID: volunteerID, at: clash)
            let error = StoreError.doubleBooked(volunteerName: volunteer.name, otherRequestID: other, span: clash)
            return Phrase(ko: error.message(.ko, calendar: calendar), en: error.message(.en, calendar: calendar))
        }
        let matcher = Matcher(request: request, household: household, dongs: try await cachedDongs(db), calendar: calendar, rules: rules)
        let exclusions = matcher.evaluate(volunteer, load: load).exclusions
        guard !exclusions.isEmpty else { return nil }
        let error = StoreError.excluded(volunteerName: volunteer.name, exclusions)
        return Phrase(ko: error.message(.ko, calendar: calendar), en: error.message(.en, calendar: calendar))
    }
}
