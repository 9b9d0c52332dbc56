import Foundation
import GRDB
import HonsimCore

extension SQLCaseStore {
    /// Calls, bookings and messages loaded with their requests (the demo's), as they are.
    func insertDayBefore(_ db: any StoreConnection, attempts: [ContactAttempt], bookings: [VehicleBooking], messages: [MessageRecord]) async throws {
        try await db.insert(into: "contact_attempt", columns: ["request_id", "party", "result", "note", "at", "called_by"],
                            rows: attempts.map { [$0.requestID, $0.party.rawValue, $0.result.rawValue, $0.note, Stored.cell($0.at), $0.by] })
        try await db.insert(into: "vehicle_booking", columns: ["request_id", "status", "reference", "vehicle", "updated_at", "updated_by"],
                            rows: bookings.map { [$0.requestID, $0.status.rawValue, $0.reference, $0.vehicle, Stored.cell($0.updatedAt ?? Date()), $0.updatedBy] })
        try await db.insert(into: "message_record", columns: MessageRecord.storedColumns.filter { $0 != "id" }, rows: messages.map {
            [$0.requestID, $0.day.description, $0.party.rawValue, $0.phone, $0.text, $0.state.rawValue, $0.exitStatus, $0.detail,
             Stored.cell($0.at), $0.by]
        })
    }
}
