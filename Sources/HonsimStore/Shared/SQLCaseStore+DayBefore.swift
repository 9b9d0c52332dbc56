import Foundation
import GRDB
import HonsimCore

/// The day before: calls, vehicle bookings and reminder messages, written once for both
/// backends. Each write takes the request's lock, checks that this person may change the
/// request's dong and that the escort has not ended, and appends to the audit log under an
/// entity of its own (`call`, `booking`, `message`) with the request's id, so that undoing a
/// change to the request itself is not confused by them.
extension SQLCaseStore {
    public func contactAttempts(requestID: Int64) async throws -> [ContactAttempt] {
        try await read { db in try await SQLCaseStore.fetchAttempts(db, requestIDs: [requestID])[requestID] ?? [] }
    }

    @discardableResult
    public func recordAttempt(requestID: Int64, party: ContactParty, result: ContactResult, note: String) async throws -> ContactAttempt {
        try await write { [self] db in
            let request = try await lockedOpenRequest(db, id: requestID)
            let now = now()
            var attempt = ContactAttempt(requestID: requestID, party: party, result: result, note: note.trimmingSpaces(), at: now, by: user)
            attempt.id = try await db.insertReturningID(into: "contact_attempt", [
                "request_id": requestID, "party": party.rawValue, "result": result.rawValue, "note": attempt.note,
                "at": Stored.cell(now), "called_by": user,
            ])
            try await appendAudit(db, action: "call", entity: "call", id: String(requestID), dongCode: request.dongCode,
                                  before: nil, after: AuditJSON.encode(attempt), at: now)
            return attempt
        }
    }

    public func bookings(requestIDs: Set<Int64>) async throws -> [Int64: VehicleBooking] {
        guard !requestIDs.isEmpty else { return [:] }
        return try await read { db in try await SQLCaseStore.fetchBookings(db, requestIDs: requestIDs) }
    }

    @discardableResult
    public func setBooking(requestID: Int64, status: BookingStatus, reference: String, vehicle: String) async throws -> VehicleBooking {
        try await write { [self] db in
            let request = try await lockedOpenRequest(db, id: requestID)
            let reference = reference.trimmingSpaces()
            if status == .confirmed && reference.isEmpty { throw StoreError.bookingNeedsReference(requestID: requestID) }
            let now = now()
            let before = try await SQLCaseStore.fetchBookings(db, requestIDs: [requestID])[requestID]
            let after = VehicleBooking(requestID: requestID, status: status, reference: reference, vehicle: vehicle.trimmingSpaces(),
                                       updatedAt: now, updatedBy: user)
            let values: [String: (any DatabaseValueConvertible)?] = [
                "status": status.rawValue, "reference": after.reference, "vehicle": after.vehicle,
                "updated_at": Stored.cell(now), "updated_by": user,
            ]
            if before == nil {
                try await db.insert(into: "vehicle_booking", values.merging(["request_id": requestID]) { $1 })
            } else {
                let columns = values.keys.sorted()
                try await db.execute("UPDATE vehicle_booking SET \(columns.map { "\(SQLText.quoted($0)) = ?" }.joined(separator: ", ")) WHERE request_id = ?",
                                     columns.map { values[$0] ?? nil } + [requestID])
            }
            try await appendAudit(db, action: "booking", entity: "booking", id: String(requestID), dongCode: request.dongCode,
                                  before: AuditJSON.encode(before), after: AuditJSON.encode(after), at: now)
            return after
        }
    }

    public func messages(on day: CivilDate) async throws -> [MessageRecord] {
        try await read { db in try await SQLCaseStore.fetchMessages(db, day: day) }
    }

    @discardableResult
    public func recordMessage(_ message: MessageRecord, resend: Bool) async throws -> MessageRecord {
        try await write { [self] db in try await insertMessage(db, message, resend: resend) }
    }

    @discardableResult
    public func recordMessages(_ messages: [MessageRecord], resend: Bool) async throws -> [MessageRecord] {
        guard !messages.isEmpty else { return [] }
        return try await write { [self] db in
            var stored: [MessageRecord] = []
            stored.reserveCapacity(messages.count)
            for message in messages { stored.append(try await insertMessage(db, message, resend: resend)) }
            return stored
        }
    }

    /// One message recorded under its request's lock, stamped with who and when, and audited.
    private func insertMessage(_ db: any StoreConnection, _ message: MessageRecord, resend: Bool) async throws -> MessageRecord {
        let request = try await lockedOpenRequest(db, id: message.requestID)
        if message.state == .sent && !resend, let sent = try await db.one("""
            SELECT at FROM \(db.seen(.message)) WHERE request_id = ? AND day = ? AND party = ? AND state = 'sent' ORDER BY id LIMIT 1
            """, [message.requestID, message.day.description, message.party.rawValue]) {
            throw StoreError.alreadySent(requestID: message.requestID, party: message.party.rawValue, day: message.day.description,
                                         at: Stored.date(sent["at"] as Int64))
        }
        let now = now()
        var stored = message
        stored.at = now
        stored.by = user
        stored.id = try await db.insertReturningID(into: "message_record", [
            "request_id": message.requestID, "day": message.day.description, "party": message.party.rawValue, "phone": message.phone,
            "body": message.text, "state": message.state.rawValue, "exit_status": message.exitStatus, "detail": message.detail,
            "at": Stored.cell(now), "sent_by": user,
        ])
        // The audit says what happened, not the text or the phone: those stay in the message's own row.
        let summary = "{\"day\":\"\(message.day)\",\"party\":\"\(message.party.rawValue)\",\"state\":\"\(message.state.rawValue)\""
            + (message.exitStatus.map { ",\"exit\":\($0)" } ?? "") + "}"
        try await appendAudit(db, action: "message", entity: "message", id: String(message.requestID), dongCode: request.dongCode,
                              before: nil, after: summary, at: now)
        return stored
    }

    /// The request under its lock, checked that this person may change it and that it has not ended.
    private func lockedOpenRequest(_ db: any StoreConnection, id: Int64) async throws -> EscortRequest {
        let request = try await lockedRequest(db, id: id)
        try await authorize(db, toChange: request)
        if request.status.isEnd { throw StoreError.escortEnded(requestID: id, status: request.status.rawValue) }
        return request
    }

    // MARK: Reads

    static func fetchAttempts(_ db: any StoreConnection, requestIDs: Set<Int64>) async throws -> [Int64: [ContactAttempt]] {
        var found: [Int64: [ContactAttempt]] = [:]
        try await SQLText.forEachChunk(of: requestIDs) { marks, chunk in
            found.merge(try await attempts(db, ContactAttempt.selectList, ofRequests: marks, chunk)) { $1 }
        }
        return found
    }

    static func fetchBookings(_ db: any StoreConnection, requestIDs: Set<Int64>) async throws -> [Int64: VehicleBooking] {
        var found: [Int64: VehicleBooking] = [:]
        try await SQLText.forEachChunk(of: requestIDs) { marks, chunk in
            for row in try await db.rows("SELECT * FROM vehicle_booking WHERE request_id IN (\(marks))", chunk) {
                let booking = VehicleBooking(row: row)
                found[booking.requestID] = booking
            }
        }
        return found
    }

    static func fetchMessages(_ db: any StoreConnection, day: CivilDate) async throws -> [MessageRecord] {
        try await db.rows("SELECT * FROM \(db.seen(.message)) WHERE day = ? ORDER BY at, id", [day.description]).compactMap { MessageRecord(row: $0) }
    }
}

extension VehicleBooking {
    /// The columns `init(requestID:cells:)` reads, in its order.
    static let storedColumns = ["status", "reference", "vehicle", "updated_at", "updated_by"]

    /// Status, reference, vehicle, when and by whom, from the first of `row`'s cells.
    init(requestID: Int64, cells row: some StoredRow) {
        self.init(requestID: requestID, status: BookingStatus(rawValue: row.text(0)) ?? .toBook, reference: row.text(1),
                  vehicle: row.text(2), updatedAt: Stored.date(row.integer(3)), updatedBy: row.text(4))
    }

    init(row: some StoredRow) {
        self.init(requestID: row["request_id"],
                  cells: NamedCells(base: row, names: VehicleBooking.storedColumns))
    }
}
