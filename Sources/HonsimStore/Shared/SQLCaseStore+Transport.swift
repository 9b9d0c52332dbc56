import Foundation
import GRDB
import HonsimCore

/// A request's transport changed, most often after the center refused the vehicle: written
/// once for both backends, as a change of the request (its version moves on, and the audit
/// holds it before and after under the entity `request`).
extension SQLCaseStore {
    @discardableResult
    public func changeTransport(requestID: Int64, to transport: Transport, expectedVersion: Int?) async throws -> EscortRequest {
        try await write { [self] db in
            let before = try await lockedRequest(db, id: requestID)
            try await authorize(db, toChange: before)
            if before.status.isEnd { throw StoreError.escortEnded(requestID: requestID, status: before.status.rawValue) }
            try checkVersion(before, expected: expectedVersion)
            guard transport != before.transport else { return before }
            let now = now()
            var after = before
            after.transport = transport
            after.version += 1
            after.updatedAt = now
            after.updatedBy = user
            try await db.execute("UPDATE escort_request SET transport = ?, version = ?, updated_at = ?, updated_by = ? WHERE id = ?",
                                 [transport.rawValue, after.version, Stored.cell(now), user, requestID])
            // A booking made for the former transport does not hold for the new one: the new one
            // starts at "to book" (or needs none). What it was stays in the audit.
            if let booking = try await SQLCaseStore.fetchBookings(db, requestIDs: [requestID])[requestID] {
                try await db.execute("DELETE FROM vehicle_booking WHERE request_id = ?", [requestID])
                try await appendAudit(db, action: "booking cleared", entity: "booking", id: String(requestID), dongCode: before.dongCode,
                                      before: AuditJSON.encode(booking), after: nil, at: now)
            }
            try await appendAudit(db, action: "transport", entity: "request", id: String(requestID), dongCode: after.dongCode,
                                  before: AuditJSON.encode(before), after: AuditJSON.encode(after), at: now)
            return after
        }
    }
}
