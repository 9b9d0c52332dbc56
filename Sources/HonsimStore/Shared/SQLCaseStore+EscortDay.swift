import Foundation
import GRDB
import HonsimCore

/// The escorts of a day, for the call list, the run sheets and the reminders: each with its
/// request, household, volunteer, calls, booking and messages, in the call list's order. A
/// city's day is thousands of escorts with thousands of calls and messages, so every part is
/// read by column position and grouped by request as the indexes give it, with no sort; the
/// call list's first screen reads what orders and counts the whole day, and only the escorts
/// it shows whole.
extension SQLCaseStore {
    public func escorts(on day: CivilDate) async throws -> EscortDay {
        try await read { [self] db in try await fetchEscortDay(db, day: day) }
    }

    public func escorts(on day: CivilDate, detailing count: Int) async throws -> EscortDay {
        try await read { [self] db in try await fetchEscortDay(db, day: day, detailing: count) }
    }

    /// All of a day's escorts, or, given `detailing`, the first so many of the call list's order
    /// and the whole day's summary.
    func fetchEscortDay(_ db: any StoreConnection, day: CivilDate, detailing: Int? = nil) async throws -> EscortDay {
        let start = day.start(in: calendar)
        let end = day.adding(days: 1, calendar: calendar).start(in: calendar)
        // The day's requests, as `r` in every statement.
        let window = "r.appointment_at >= ? AND r.appointment_at < ? AND r.status != 'cancelled'"
        let bounds: [(any DatabaseValueConvertible)?] = [Stored.cell(start), Stored.cell(end)]
        let dayRequests = "SELECT id FROM \(db.seen(.request)) r WHERE \(window)"
        let volunteers = try await cachedVolunteers(db)
        let escortRows = """
            SELECT \(SQLText.columns(EscortRequest.storedColumns, of: "r")), \(SQLText.columns(Household.storedColumns, of: "h")),
                   \(SQLText.columns(VehicleBooking.storedColumns, of: "b"))
            FROM \(db.seen(.request)) r JOIN \(db.seen(.household)) h ON h.id = r.household_id
                 LEFT JOIN vehicle_booking b ON b.request_id = r.id
            """
        var escorts: [DayEscort] = []
        guard let detailing else {
            // The calls first: an escort's place in the list depends on them, so that each escort
            // is made once, where it belongs. Then one pass over the day's rows.
            let attempts = try await Self.attempts(db, ContactAttempt.selectList, ofRequests: dayRequests, bounds)
            let messages = try await Self.messages(db, day: day, ofRequests: dayRequests, bounds)
            try await db.forEachRow(escortRows + " WHERE \(window)", bounds) { row in
                escorts.append(DayEscort(cells: row, volunteers: volunteers, attempts: attempts, messages: messages))
            }
            // Out of the closure's box, so that the day sorts the one list in place.
            let made = escorts
            escorts = []
            return EscortDay(day: day, escorts: made)
        }
        // A screen at a time: the day's order and counts from what the day's index holds of each
        // request (`request_by_time` covers these cells) and from who was called and what came
        // of it, then the first escorts whole. The households, notes and messages of the rest,
        // scattered over the store, are not read.
        let calls = try await Self.attempts(db, ContactAttempt.outcomeList, ofRequests: dayRequests, bounds)
        var marks: [EscortMark] = []
        try await db.forEachRow("""
            SELECT r.id, r.pickup_at, r.volunteer_id, r.assigned_at, r.transport, b.status
            FROM \(db.seen(.request)) r LEFT JOIN vehicle_booking b ON b.request_id = r.id WHERE \(window)
            """, bounds) { row in
            let id = row.integer(0)
            marks.append(EscortMark(id: id, pickupAt: Stored.date(row.integer(1)), hasVolunteer: !row.isNull(2),
                                    assignedAt: Stored.optionalDate(row.optionalInteger(3)),
                                    transport: Transport(rawValue: row.text(4)) ?? .publicTransport,
                                    booking: row.isNull(5) ? nil : BookingStatus(rawValue: row.text(5)) ?? .toBook,
                                    attempts: calls[id] ?? []))
        }
        let first = EscortDay.order(marks).prefix(detailing).map { marks[$0].id }
        try await SQLText.forEachChunk(of: first) { list, chunk in
            let attempts = try await Self.attempts(db, ContactAttempt.selectList, ofRequests: list, chunk)
            let messages = try await Self.messages(db, day: day, ofRequests: list, chunk)
            try await db.forEachRow(escortRows + " WHERE r.id IN (\(list))", chunk) { row in
                escorts.append(DayEscort(cells: row, volunteers: volunteers, attempts: attempts, messages: messages))
            }
        }
        let place = Dictionary(uniqueKeysWithValues: first.enumerated().map { ($1, $0) })
        let made = escorts.sorted { place[$0.request.id] ?? 0 < place[$1.request.id] ?? 0 }
        return EscortDay(day: day, first: made, of: EscortDay.Summary(marks))
    }

    /// Each request's calls, oldest first, for the requests `requests` names (a subquery or a
    /// list of marks): `columns` are `ContactAttempt.selectList` or, where only their outcome
    /// counts, `outcomeList`. In the order of the request's index, so they come grouped and
    /// sorted without a sort (which, over a city's day, took longer than reading them).
    static func attempts(_ db: any StoreConnection, _ columns: String, ofRequests requests: String,
                         _ values: [(any DatabaseValueConvertible)?]) async throws -> [Int64: [ContactAttempt]] {
        var found: [Int64: [ContactAttempt]] = [:]
        try await db.forEachRow("""
            SELECT \(columns) FROM \(db.seen(.call)) WHERE request_id IN (\(requests)) ORDER BY request_id, at, id
            """, values) { row in
            let attempt = ContactAttempt(cells: row)
            found[attempt.requestID, default: []].append(attempt)
        }
        return found
    }

    /// Each request's reminder messages of `day`, oldest first, for the requests `requests` names.
    static func messages(_ db: any StoreConnection, day: CivilDate, ofRequests requests: String,
                         _ values: [(any DatabaseValueConvertible)?]) async throws -> [Int64: [MessageRecord]] {
        var found: [Int64: [MessageRecord]] = [:]
        try await db.forEachRow("""
            SELECT \(MessageRecord.selectList) FROM \(db.seen(.message))
            WHERE day = ? AND request_id IN (\(requests)) ORDER BY request_id, at, id
            """, [day.description] + values) { row in
            guard let message = MessageRecord(cells: row) else { return }
            found[message.requestID, default: []].append(message)
        }
        return found
    }
}

extension DayEscort {
    /// A row of the day's read: the request's cells, the household's, then the booking's.
    init(cells row: some StoredRow, volunteers: [Volunteer], attempts: [Int64: [ContactAttempt]], messages: [Int64: [MessageRecord]]) {
        let householdCells = EscortRequest.storedColumns.count
        let bookingCells = householdCells + Household.storedColumns.count
        let request = EscortRequest(cells: row)
        self.init(request: request, household: Household(cells: ShiftedCells(base: row, by: householdCells)),
                  volunteer: request.volunteerID.flatMap { StoreRules.volunteer(withID: $0, in: volunteers) },
                  attempts: attempts[request.id] ?? [],
                  booking: row.isNull(bookingCells) ? .unset(for: request)
                      : VehicleBooking(requestID: request.id, cells: ShiftedCells(base: row, by: bookingCells)),
                  messages: messages[request.id] ?? [])
    }
}

extension ContactAttempt {
    /// The columns `init(cells:)` reads, in its order.
    static let storedColumns = ["id", "request_id", "party", "result", "note", "at", "called_by"]
    static let selectList = storedColumns.joined(separator: ", ")
    /// The same cells without the note and the caller, empty: what an escort's readiness needs.
    static let outcomeList = "id, request_id, party, result, '', at, ''"

    init(row: some StoredRow) { self.init(cells: NamedCells(base: row, names: ContactAttempt.storedColumns)) }

    init(cells row: some StoredRow) {
        self.init(id: row.integer(0), requestID: row.integer(1), party: ContactParty(rawValue: row.text(2)) ?? .center,
                  result: ContactResult(rawValue: row.text(3)) ?? .noAnswer, note: row.text(4), at: Stored.date(row.integer(5)),
                  by: row.text(6))
    }
}

extension MessageRecord {
    /// The columns `init(cells:)` reads, in its order.
    static let storedColumns = ["id", "request_id", "day", "party", "phone", "body", "state", "exit_status", "detail", "at", "sent_by"]
    static let selectList = storedColumns.joined(separator: ", ")

    init?(row: some StoredRow) { self.init(cells: NamedCells(base: row, names: MessageRecord.storedColumns)) }

    init?(cells row: some StoredRow) {
        guard let day = CivilDate(iso: row.text(2)) else { return nil }
        self.init(id: row.integer(0), requestID: row.integer(1), day: day, party: ContactParty(rawValue: row.text(3)) ?? .household,
                  phone: row.text(4), text: row.text(5), state: State(rawValue: row.text(6)) ?? .failed,
                  exitStatus: row.optionalInteger(7).map { Int($0) }, detail: row.text(8), at: Stored.date(row.integer(9)),
                  by: row.text(10))
    }
}
