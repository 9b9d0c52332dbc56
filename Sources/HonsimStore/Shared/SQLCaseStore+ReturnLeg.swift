import Foundation
import GRDB
import HonsimCore

/// The return leg of an escort, as a request of its own linked to its outbound request.
///
/// Why a request and not a part of the outbound one: a leg needs its own volunteer, its own
/// lifecycle (confirmed, completed, released) and its own overlap check. As a request it has
/// all three from the one assign path, the one-active-assignment rule and the overlap guard
/// the database keeps, the call list and the statistics, unchanged; as a part of a request it
/// would need a second assignment per request, which those rules forbid.
extension SQLCaseStore {
    public func addReturnLeg(_ draft: ReturnLegDraft) async throws -> ReturnLegOutcome {
        try await write { [self] db in
            let now = now()
            var outbound = try await lockedRequest(db, id: draft.outboundID)
            try await authorize(db, toChange: outbound)
            var issues: [FieldIssue] = []
            if !outbound.returnTrip {
                issues.append(FieldIssue(field: "return_trip", message: Phrase(ko: "귀가 동행이 없는 요청입니다", en: "the request has no return trip")))
            }
            if try await db.value("SELECT 1 FROM return_leg WHERE outbound_id = ? OR request_id = ?", [outbound.id, outbound.id], as: Int.self) != nil {
                issues.append(FieldIssue(field: "request", message: Phrase(ko: "이미 귀가 구간이 있거나 그 자체가 귀가 구간입니다",
                                                                          en: "the request already has a return leg, or is one")))
            }
            if ![.pending, .assigned, .confirmed].contains(outbound.status) {
                issues.append(FieldIssue(field: "request", message: Phrase(ko: "끝난 요청입니다", en: "the request has ended")))
            }
            let pickupAt = ReturnLegRules.pickupAt(appointmentAt: outbound.appointmentAt, pickup: draft.pickup, whenCalled: draft.whenCalled,
                                                   calendar: calendar)
            issues += ReturnLegRules.issues(appointmentAt: outbound.appointmentAt, pickup: draft.pickup, whenCalled: draft.whenCalled,
                                            expectedMinutes: draft.expectedMinutes, calendar: calendar)
            guard issues.isEmpty else {
                throw StoreError.invalidData(issues.map { DataIssue(file: "return leg", line: Int(draft.outboundID), field: $0.field, message: $0.message) })
            }
            // The outbound escort now ends at the appointment: its volunteer's time after it is the leg's.
            let outboundMinutes = max(30, Int(outbound.appointmentAt.timeIntervalSince(outbound.pickupAt) / 60))
            let before = outbound
            outbound.expectedMinutes = outboundMinutes
            outbound.returnTrip = false
            outbound.version += 1
            if outbound.volunteerID != nil {
                try await db.execute("""
                    UPDATE assignment SET state = 'released', ended_at = ?, ended_by = ?, reason = ? WHERE request_id = ? AND state = 'active'
                    """, [Stored.cell(now), user, "return leg split off", outbound.id])
                try await insertAssignment(db, request: outbound, state: .active, minutes: outboundMinutes, at: now, by: user)
            }
            try await db.execute("""
                UPDATE escort_request SET expected_minutes = ?, return_trip = 0, version = ?, updated_at = ?, updated_by = ? WHERE id = ?
                """, [outboundMinutes, outbound.version, Stored.cell(now), user, outbound.id])
            try await appendAudit(db, action: "return leg split", entity: "request", id: String(outbound.id), dongCode: outbound.dongCode,
                                  before: AuditJSON.encode(before), after: AuditJSON.encode(outbound), at: now)
            var leg = StoreRules.newRequest(from: EscortRequest(
                id: 0, householdID: outbound.householdID, dongCode: outbound.dongCode, hospital: outbound.hospital,
                department: outbound.department, appointmentAt: pickupAt, pickupAt: pickupAt,
                pickupPlace: [outbound.hospital, outbound.department].filter { !$0.isEmpty }.joined(separator: " "), returnTrip: false,
                transport: outbound.transport, purpose: outbound.purpose, expectedMinutes: draft.expectedMinutes,
                notes: draft.whenCalled ? "귀가: 병원에서 연락 오면 출발 (when called)" : "귀가 (return)", createdAt: now),
                dongCode: outbound.dongCode, at: now, by: user)
            leg.id = try await db.insertReturningID(into: "escort_request", leg.storedValues)
            try await db.execute("INSERT INTO return_leg (request_id, outbound_id, when_called) VALUES (?, ?, ?)",
                                 [leg.id, outbound.id, draft.whenCalled ? 1 : 0])
            try await appendAudit(db, action: "create", entity: "request", id: String(leg.id), dongCode: leg.dongCode,
                                  before: nil, after: AuditJSON.encode(leg), at: now)
            var outcome = ReturnLegOutcome(outbound: outbound, leg: leg, whenCalled: draft.whenCalled)
            // The same volunteer by default, or the one named; each leg checked on its own.
            if let volunteerID = draft.volunteer.volunteerID(outbound: outbound) {
                do {
                    outcome.leg = try await assign(db, requestID: leg.id, volunteerID: volunteerID, expectedVersion: nil, override: false)
                } catch let error as StoreError {
                    outcome.refusal = Phrase(ko: error.message(.ko, calendar: calendar), en: error.message(.en, calendar: calendar))
                }
            }
            return outcome
        }
    }

    /// Moves a return leg's pickup (a time, or when called) and length. Its volunteer stays where
    /// they can still take it at the new time, else is released with the reason (`refusal`), as a
    /// series' moved date is; a pickup before the appointment is refused, naming the field.
    public func changeReturnLeg(legID: Int64, pickup: ClockTime?, whenCalled: Bool, expectedMinutes: Int,
                                expectedVersion: Int?) async throws -> ReturnLegOutcome {
        try await write { [self] db in
            let now = now()
            let leg = try await lockedRequest(db, id: legID)
            try await authorize(db, toChange: leg)
            try checkVersion(leg, expected: expectedVersion)
            guard let outboundID = try await db.value("SELECT outbound_id FROM return_leg WHERE request_id = ?", [legID], as: Int64.self) else {
                throw StoreError.invalidData([DataIssue(file: "return leg", line: Int(legID), field: "request",
                                                        message: Phrase(ko: "귀가 구간이 아닙니다", en: "the request is not a return leg"))])
            }
            let outbound = try await SQLCaseStore.fetchRequest(db, id: outboundID)
            var issues = ReturnLegRules.issues(appointmentAt: outbound.appointmentAt, pickup: pickup, whenCalled: whenCalled,
                                               expectedMinutes: expectedMinutes, calendar: calendar)
            if ![.pending, .assigned, .confirmed].contains(leg.status) {
                issues.append(FieldIssue(field: "request", message: Phrase(ko: "끝난 요청입니다", en: "the request has ended")))
            }
            guard issues.isEmpty else {
                throw StoreError.invalidData(issues.map { DataIssue(file: "return leg", line: Int(legID), field: $0.field, message: $0.message) })
            }
            var moved = leg
            moved.appointmentAt = ReturnLegRules.pickupAt(appointmentAt: outbound.appointmentAt, pickup: pickup, whenCalled: whenCalled,
                                                          calendar: calendar)
            moved.pickupAt = moved.appointmentAt
            moved.expectedMinutes = expectedMinutes
            let reason = Phrase(ko: "귀가 출발 변경", en: "return pickup changed")
            let (written, released) = try await reschedule(db, from: leg, to: moved, reason: reason, action: "return leg change", at: now)
            // The link is written anew rather than updated: the city-wide store's role may insert and
            // delete links, not update them.
            try await db.execute("DELETE FROM return_leg WHERE request_id = ?", [legID])
            try await db.execute("INSERT INTO return_leg (request_id, outbound_id, when_called) VALUES (?, ?, ?)",
                                 [legID, outboundID, whenCalled ? 1 : 0])
            return ReturnLegOutcome(outbound: outbound, leg: written, whenCalled: whenCalled,
                                    refusal: released.map { Phrase(ko: "\(reason.ko): \($0.ko)", en: "\(reason.en): \($0.en)") })
        }
    }

    /// The return leg of a request, or the outbound request of a leg: (outbound, leg, when called).
    public func returnLeg(of requestID: Int64) async throws -> (outbound: Int64, leg: Int64, whenCalled: Bool)? {
        try await read { db in
            guard try await db.tableExists("return_leg"),
                  let row = try await db.one("SELECT * FROM return_leg WHERE outbound_id = ? OR request_id = ?", [requestID, requestID])
            else { return nil }
            return (row["outbound_id"], row["request_id"], (row["when_called"] as Int64) != 0)
        }
    }

    public func returnLegs(requestIDs: Set<Int64>) async throws -> [ReturnLegLink] {
        guard !requestIDs.isEmpty else { return [] }
        return try await read { db in
            guard try await db.tableExists("return_leg") else { return [] }
            var found: Set<ReturnLegLink> = []
            try await SQLText.forEachChunk(of: requestIDs) { marks, chunk in
                for row in try await db.rows("SELECT * FROM return_leg WHERE outbound_id IN (\(marks)) OR request_id IN (\(marks))", chunk + chunk) {
                    found.insert(ReturnLegLink(outboundID: row["outbound_id"], legID: row["request_id"], whenCalled: (row["when_called"] as Int64) != 0))
                }
            }
            return found.sorted { $0.outboundID < $1.outboundID }
        }
    }
}
