import Foundation
import GRDB
import HonsimCore

extension SQLiteStore {
    /// How many excluded volunteers a ranking lists: enough for any dialog, few enough that
    /// ranking 20,000 volunteers does not build 19,000 candidates nobody reads.
    public static let nearMissLimit = 50

    /// Ranks every volunteer for a request. The volunteer list comes from the cache; the
    /// loads are three indexed reads: the active assignments near the request's time, the
    /// minutes per volunteer for its week and month, and past escorts with the household.
    public func candidates(for requestID: Int64) async throws -> Ranking {
        try await read { [self] db in
            let request = try SQLiteStore.fetchRequest(db, id: requestID)
            let household = try SQLiteStore.fetchHousehold(db, id: request.householdID)
            let matcher = Matcher(request: request, household: household, dongs: try cachedDongs(db),
                                  calendar: calendar, rules: rules)
            let volunteers = try cachedVolunteers(db)
            let loads = try self.loads(db, for: request, excludingRequest: request.id)
            return matcher.rank(volunteers: volunteers, loads: loads, nearMissLimit: SQLiteStore.nearMissLimit)
        }
    }

    /// The commitments that matter for one request, by volunteer.
    func loads(_ db: Database, for request: EscortRequest, excludingRequest: Int64, volunteerID: Int64? = nil) throws -> [Int64: VolunteerLoad] {
        var loads: [Int64: VolunteerLoad] = [:]
        if volunteerID == nil { loads.reserveCapacity(try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM volunteer") ?? 0) }
        let span = request.span
        let buffer = Int64(rules.travelBuffer)
        // An escort lasts at most 16 hours, so nothing starting a day earlier can reach this one.
        let volunteerFilter = volunteerID == nil ? "" : "AND volunteer_id = \(volunteerID ?? 0)"
        // Cursors read by column index: with 20,000 volunteers these rows are the bulk of the work.
        let busyRows = try Row.fetchCursor(db, sql: """
            SELECT volunteer_id, starts_at, ends_at FROM assignment
            WHERE state = 'active' AND starts_at > ? AND starts_at < ? AND request_id <> ? \(volunteerFilter)
            """, arguments: [Stored.seconds(span.start) - 86_400, Stored.seconds(span.end) + buffer, excludingRequest])
        while let row = try busyRows.next() {
            let busy = TimeSpan(start: Stored.date(row[1] as Int64), end: Stored.date(row[2] as Int64))
            if busy.conflicts(with: span, buffer: rules.travelBuffer) { loads[row[0], default: VolunteerLoad()].busy.append(busy) }
        }
        let week = LoadPeriod.week(request.pickupAt, calendar: calendar)
        let month = LoadPeriod.month(request.pickupAt, calendar: calendar)
        let loadRows = try Row.fetchCursor(db, sql: """
            SELECT volunteer_id, period = ?, minutes FROM volunteer_load WHERE period IN (?, ?) \(volunteerFilter)
            """, arguments: [week, week, month])
        while let row = try loadRows.next() {
            let id: Int64 = row[0], isWeek: Bool = row[1], minutes: Int = row[2]
            if isWeek { loads[id, default: VolunteerLoad()].minutesInWeek = minutes } else { loads[id, default: VolunteerLoad()].minutesInMonth = minutes }
        }
        for row in try Row.fetchAll(db, sql: """
            SELECT volunteer_id, COUNT(*) AS times FROM assignment
            WHERE household_id = ? AND state = 'completed' \(volunteerFilter) GROUP BY volunteer_id
            """, arguments: [request.householdID]) {
            loads[row["volunteer_id"], default: VolunteerLoad()].escortsWithHousehold = row["times"]
        }
        // A request being re-ranked still holds its own volunteer's minutes: take them off.
        if let holder = request.volunteerID, request.status.holdsVolunteer, var load = loads[holder] {
            load.minutesInWeek -= request.expectedMinutes
            load.minutesInMonth -= request.expectedMinutes
            loads[holder] = load
        }
        return loads
    }

    public func freeVolunteers(in span: TimeSpan) async throws -> [Volunteer] {
        try await read { [self] db in
            let weekday = Weekday(span.start, calendar: calendar)
            let start = ClockTime(span.start, calendar: calendar).minutes
            let day = CivilDate(span.start, calendar: calendar).description
            let buffer = Int64(rules.travelBuffer)
            // The day-off and busy checks run once as subqueries (NOT IN), not once per window:
            // the busy one then reads only the small partial index of active assignments.
            let ids = try Int64.fetchAll(db, sql: """
                SELECT DISTINCT w.volunteer_id FROM availability_window AS w
                JOIN volunteer AS v ON v.id = w.volunteer_id AND v.closed = 0
                WHERE w.weekday = ? AND w.start_minute <= ? AND w.end_minute >= ?
                  AND w.volunteer_id NOT IN (SELECT volunteer_id FROM day_off WHERE from_date <= ? AND to_date >= ?)
                  AND w.volunteer_id NOT IN (SELECT volunteer_id FROM assignment
                                             WHERE state = 'active' AND starts_at > ? AND starts_at < ? AND ends_at > ?)
                ORDER BY w.volunteer_id
                """, arguments: [weekday.rawValue, start, start + span.minutes, day, day,
                                 Stored.seconds(span.start) - 86_400, Stored.seconds(span.end) + buffer,
                                 Stored.seconds(span.start) - buffer])
            let list = try cachedVolunteers(db)
            return ids.compactMap { SQLiteStore.volunteer(withID: $0, in: list) }
        }
    }

    /// One pass over the period's requests through a covering index.
    public func statistics(for period: StatisticsPeriod, now: Date) async throws -> StatisticsReport {
        try await read { [self] db in
            let range = period.range(calendar: calendar)
            let maxVolunteer = try Int64.fetchOne(db, sql: "SELECT MAX(id) FROM volunteer") ?? 0
            let maxHousehold = try Int64.fetchOne(db, sql: "SELECT MAX(id) FROM household") ?? 0
            var accumulator = StatisticsAccumulator(dongs: try cachedDongs(db), now: now,
                                                    maxVolunteerID: maxVolunteer, maxHouseholdID: maxHousehold)
            let statement = try db.cachedStatement(sql: """
                SELECT dong_code, status, appointment_at, household_id, volunteer_id, assigned_at, created_at, actual_minutes
                FROM escort_request INDEXED BY request_by_time
                WHERE appointment_at >= ? AND appointment_at < ?
                """)
            let cursor = try Row.fetchCursor(statement, arguments: [Stored.seconds(range.start), Stored.seconds(range.end)])
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
            return accumulator.report(period: period)
        }
    }

    public func candidates(for requestID: Int64, among volunteerIDs: Set<Int64>) async throws -> Ranking {
        try await read { [self] db in
            let request = try SQLiteStore.fetchRequest(db, id: requestID)
            let household = try SQLiteStore.fetchHousehold(db, id: request.householdID)
            let matcher = Matcher(request: request, household: household, dongs: try cachedDongs(db),
                                  calendar: calendar, rules: rules)
            let list = try cachedVolunteers(db)
            let chosen = volunteerIDs.sorted().compactMap { SQLiteStore.volunteer(withID: $0, in: list) }
            let loads = try self.loads(db, for: request, excludingRequest: request.id)
            return matcher.rank(volunteers: chosen, loads: loads)
        }
    }
}
