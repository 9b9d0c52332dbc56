import Foundation
import GRDB
import HonsimCore

/// SQLite's reads of volunteers' loads and of the statistics' facts: cursors read by column
/// index through the indexes named, each a single piece of work on the transaction's thread.
/// With 20,000 volunteers these rows add up.
extension SQLiteConnection {
    func volunteerLoads(for request: EscortRequest, excludingRequest: Int64, volunteerID: Int64?,
                        context: LoadContext) async throws -> [Int64: VolunteerLoad] {
        try await channel.run { db in
            var loads: [Int64: VolunteerLoad] = [:]
            try SQLiteConnection.readBusy(db, for: request, excludingRequest: excludingRequest, volunteerID: volunteerID,
                                          rules: context.rules) { id, span in
                loads[id, default: VolunteerLoad()].busy.append(span)
            }
            let holder = request.status.holdsVolunteer ? request.volunteerID : nil
            for (period, isWeek) in [(LoadPeriod.week(request.pickupAt, calendar: context.calendar), true),
                                     (LoadPeriod.month(request.pickupAt, calendar: context.calendar), false)] {
                let rows = try Row.fetchCursor(SQLiteConnection.statement(db, """
                    SELECT volunteer_id, minutes FROM volunteer_load WHERE period = ? \(SQLiteConnection.filter(volunteerID))
                    """, cached: volunteerID == nil), arguments: [period])
                while let row = try rows.next() {
                    let id: Int64 = row[0], value: Int = row[1]
                    // A request being re-ranked still holds its own volunteer's minutes: take them off.
                    let minutes = id == holder ? value - request.expectedMinutes : value
                    if isWeek { loads[id, default: VolunteerLoad()].minutesInWeek = minutes } else { loads[id, default: VolunteerLoad()].minutesInMonth = minutes }
                }
            }
            try SQLiteConnection.readEscorts(db, householdID: request.householdID, volunteerID: volunteerID) { id, times in
                loads[id, default: VolunteerLoad()].escortsWithHousehold = times
            }
            return loads
        }
    }

    /// The loads are the active escorts near the request's time and past escorts with the
    /// household, read by index, and every volunteer's minutes in the request's week and month,
    /// kept by pool index until the store changes (`periodMinutes`).
    func poolLoads(for request: EscortRequest, pool: MatchPool, context: LoadContext) async throws -> PoolLoads {
        let cache = minutesCache
        return try await channel.run { db in
            var loads = PoolLoads(count: pool.count)
            loads.minutesInWeek = try SQLiteConnection.periodMinutes(db, LoadPeriod.week(request.pickupAt, calendar: context.calendar),
                                                                     pool: pool, cache: cache)
            loads.minutesInMonth = try SQLiteConnection.periodMinutes(db, LoadPeriod.month(request.pickupAt, calendar: context.calendar),
                                                                      pool: pool, cache: cache)
            // A request being re-ranked still holds its own volunteer's minutes: take them off.
            if request.status.holdsVolunteer, let holder = request.volunteerID, let index = pool.index(of: holder) {
                loads.minutesInWeek[index] -= Int32(clamping: request.expectedMinutes)
                loads.minutesInMonth[index] -= Int32(clamping: request.expectedMinutes)
            }
            try SQLiteConnection.readBusy(db, for: request, excludingRequest: request.id, rules: context.rules) { id, span in
                if let index = pool.index(of: id) { loads.addBusy(span, at: index) }
            }
            try SQLiteConnection.readEscorts(db, householdID: request.householdID) { id, times in
                if let index = pool.index(of: id) { loads.escortsWithHousehold[index] = Int32(clamping: times) }
            }
            return loads
        }
    }

    func planLoads(for requests: [EscortRequest], pool: MatchPool, context: LoadContext) async throws -> PlanLoads {
        let cache = minutesCache
        return try await channel.run { db in
            let window = PlanLoads.window(requests, buffer: context.rules.travelBuffer)
            var busy: [(volunteer: Int64, start: Int64, end: Int64)] = []
            let rows = try Row.fetchCursor(db, sql: """
                SELECT volunteer_id, starts_at, ends_at FROM assignment
                WHERE state = 'active' AND starts_at > ? AND starts_at < ?
                ORDER BY starts_at
                """, arguments: [window.low, window.high])
            while let row = try rows.next() { busy.append((row[0], row[1], row[2])) }
            // Kept by pool index until the store changes (`periodMinutes`).
            var minutes: [String: [Int32]] = [:]
            for period in PlanLoads.periods(requests, calendar: context.calendar) {
                minutes[period] = try SQLiteConnection.periodMinutes(db, period, pool: pool, cache: cache)
            }
            var escorts: [(household: Int64, volunteer: Int64, times: Int)] = []
            for chunk in SQLText.chunks(of: Set(requests.map(\.householdID))) {
                let rows = try Row.fetchCursor(db, sql: """
                    SELECT household_id, volunteer_id, COUNT(*) FROM assignment
                    WHERE household_id IN (\(SQLText.marks(chunk.count))) AND state = 'completed' GROUP BY household_id, volunteer_id
                    """, arguments: StatementArguments(chunk))
                while let row = try rows.next() { escorts.append((row[0], row[1], row[2])) }
            }
            return PlanLoads(pool: pool, travelBuffer: context.rules.travelBuffer, calendar: context.calendar, busy: busy,
                             minutes: minutes, escorts: escorts)
        }
    }

    /// A hundred thousand small rows, read by position as SQLite steps.
    func availabilityWindows() async throws -> [Int64: [AvailabilityWindow]] {
        try await channel.run { db in
            var windows: [Int64: [AvailabilityWindow]] = [:]
            let rows = try Row.fetchCursor(db, sql: "SELECT volunteer_id, weekday, start_minute, end_minute FROM availability_window")
            while let row = try rows.next() {
                guard let weekday = Weekday(rawValue: row[1]) else { continue }
                windows[row[0], default: []].append(AvailabilityWindow(weekday: weekday, start: ClockTime(minutes: row[2]), end: ClockTime(minutes: row[3])))
            }
            return windows
        }
    }

    /// Row by row as SQLite steps.
    func foldVolunteerSummaries(_ queries: (loads: StoredQuery, escorts: StoredQuery, busy: StoredQuery),
                                into folding: inout VolunteerSummaryReads.Folding) async throws {
        let box = Box(folding)
        try await forEachRow(queries.loads.sql, queries.loads.arguments) { box.value.addLoad($0) }
        try await forEachRow(queries.escorts.sql, queries.escorts.arguments) { box.value.addEscorts($0) }
        try await forEachRow(queries.busy.sql, queries.busy.arguments) { box.value.addBusy($0) }
        folding = box.value
    }

    /// One pass over the period's requests through a covering index.
    func addRequestFacts(in range: TimeSpan, to accumulator: inout StatisticsAccumulator) async throws {
        let start = Stored.seconds(range.start), end = Stored.seconds(range.end)
        accumulator = try await channel.run { [accumulator] db in
            var accumulator = accumulator
            let statement = try db.cachedStatement(sql: """
                SELECT dong_code, status, appointment_at, household_id, volunteer_id, assigned_at, created_at, actual_minutes
                FROM escort_request INDEXED BY request_by_time
                WHERE appointment_at >= ? AND appointment_at < ?
                """)
            let cursor = try Row.fetchCursor(statement, arguments: [start, end])
            while let row = try cursor.next() {
                let status = RequestStatus(rawValue: row[1] as String) ?? .pending
                let assignedAt: Int64? = row[5]
                let createdAt: Int64 = row[6]
                accumulator.add(RequestFact(
                    dongCode: row[0], status: status, appointmentAt: Stored.date(row[2] as Int64),
                    minutesToAssign: assignedAt.map { Int(max(0, $0 - createdAt) / 60) },
                    volunteerID: row[4], householdID: row[3],
                    volunteerMinutes: status == .completed ? (row[7] as Int?) ?? 0 : 0))
            }
            return accumulator
        }
    }

    // MARK: The pieces

    /// The active escorts that clash with a request, by volunteer, leaving out the
    /// excluded request's own.
    static func readBusy(_ db: Database, for request: EscortRequest, excludingRequest: Int64, volunteerID: Int64? = nil,
                         rules: MatchRules, _ found: (Int64, TimeSpan) -> Void) throws {
        let span = request.span
        let buffer = Int64(rules.travelBuffer)
        // The excluded request's own active escort is found by its unique index and skipped
        // below: asking for request_id in the scan would read each row of the table, where
        // the partial index of active escorts answers the rest on its own.
        var own = try Row.fetchOne(db.cachedStatement(sql: """
            SELECT volunteer_id, starts_at, ends_at FROM assignment WHERE request_id = ? AND state = 'active'
            """), arguments: [excludingRequest]).map { [$0[0] as Int64, $0[1] as Int64, $0[2] as Int64] }
        // An escort lasts at most 16 hours, so nothing starting a day earlier can reach this one;
        // of those, only the ones still on (with the buffer) when this one starts come back: a
        // day's escorts of a city are thousands, its clashes with one escort hundreds.
        let rows = try Row.fetchCursor(statement(db, """
            SELECT volunteer_id, starts_at, ends_at FROM assignment INDEXED BY assignment_active_by_time
            WHERE state = 'active' AND starts_at > ? AND starts_at < ? AND ends_at > ? \(filter(volunteerID))
            """, cached: volunteerID == nil),
            arguments: [Stored.seconds(span.start) - 86_400, Stored.seconds(span.end) + buffer, Stored.seconds(span.start) - buffer - 1])
        while let row = try rows.next() {
            let volunteer: Int64 = row[0], start: Int64 = row[1], end: Int64 = row[2]
            if let skip = own, skip == [volunteer, start, end] {
                own = nil
                continue
            }
            let clash = TimeSpan(start: Stored.date(start), end: Stored.date(end))
            if clash.conflicts(with: span, buffer: rules.travelBuffer) { found(volunteer, clash) }
        }
    }

    /// Completed escorts with a household, by volunteer.
    static func readEscorts(_ db: Database, householdID: Int64, volunteerID: Int64? = nil, _ found: (Int64, Int) -> Void) throws {
        let rows = try Row.fetchCursor(statement(db, """
            SELECT volunteer_id, COUNT(*) FROM assignment
            WHERE household_id = ? AND state = 'completed' \(filter(volunteerID)) GROUP BY volunteer_id
            """, cached: volunteerID == nil), arguments: [householdID])
        while let row = try rows.next() { found(row[0], row[1]) }
    }

    /// The SQL that narrows a read to one volunteer, or nothing.
    private static func filter(_ volunteerID: Int64?) -> String {
        volunteerID.map { "AND volunteer_id = \($0)" } ?? ""
    }

    /// A statement kept for reuse when its text never varies; one naming a volunteer is not.
    private static func statement(_ db: Database, _ sql: String, cached: Bool) throws -> Statement {
        cached ? try db.cachedStatement(sql: sql) : try db.makeStatement(sql: sql)
    }
}
