import Foundation
import GRDB
import HonsimCore

extension SQLiteStore {
    /// Ranks every volunteer for a request. The volunteer list comes from the cache; the
    /// loads are three indexed reads: the active assignments near the request's time, the
    /// minutes per volunteer for its week and month, and past escorts with the household.
    public func candidates(for requestID: Int64) async throws -> Ranking {
        try await read { [self] db in
            let request = try SQLiteStore.fetchRequest(db, id: requestID)
            let household = try SQLiteStore.fetchHousehold(db, id: request.householdID)
            let matcher = Matcher(request: request, household: household, dongs: try SQLiteStore.fetchDongs(db),
                                  calendar: calendar, rules: rules)
            let volunteers = try cachedVolunteers(db).list
            let loads = try self.loads(db, for: request, excludingRequest: request.id)
            return matcher.rank(volunteers.map { ($0, loads[$0.id] ?? VolunteerLoad()) })
        }
    }

    /// The commitments that matter for one request, by volunteer.
    func loads(_ db: Database, for request: EscortRequest, excludingRequest: Int64, volunteerID: Int64? = nil) throws -> [Int64: VolunteerLoad] {
        var loads: [Int64: VolunteerLoad] = [:]
        let span = request.span
        let buffer = Int64(rules.travelBuffer)
        // An escort lasts at most 16 hours, so nothing starting a day earlier can reach this one.
        let volunteerFilter = volunteerID == nil ? "" : "AND volunteer_id = \(volunteerID ?? 0)"
        for row in try Row.fetchAll(db, sql: """
            SELECT volunteer_id, starts_at, ends_at FROM assignment
            WHERE state = 'active' AND starts_at > ? AND starts_at < ? AND request_id <> ? \(volunteerFilter)
            """, arguments: [Stored.seconds(span.start) - 86_400, Stored.seconds(span.end) + buffer, excludingRequest]) {
            let busy = TimeSpan(start: Stored.date(row["starts_at"] as Int64), end: Stored.date(row["ends_at"] as Int64))
            if busy.conflicts(with: span, buffer: rules.travelBuffer) { loads[row["volunteer_id"], default: VolunteerLoad()].busy.append(busy) }
        }
        let week = LoadPeriod.week(request.pickupAt, calendar: calendar)
        let month = LoadPeriod.month(request.pickupAt, calendar: calendar)
        for row in try Row.fetchAll(db, sql: """
            SELECT volunteer_id, period, minutes FROM volunteer_load WHERE period IN (?, ?) \(volunteerFilter)
            """, arguments: [week, month]) {
            let minutes: Int = row["minutes"]
            if (row["period"] as String) == week {
                loads[row["volunteer_id"], default: VolunteerLoad()].minutesInWeek = minutes
            } else {
                loads[row["volunteer_id"], default: VolunteerLoad()].minutesInMonth = minutes
            }
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
            let ids = try Int64.fetchAll(db, sql: """
                SELECT DISTINCT w.volunteer_id FROM availability_window AS w
                JOIN volunteer AS v ON v.id = w.volunteer_id AND v.closed = 0
                WHERE w.weekday = ? AND w.start_minute <= ? AND w.end_minute >= ?
                  AND NOT EXISTS (SELECT 1 FROM day_off AS d
                                  WHERE d.volunteer_id = w.volunteer_id AND d.from_date <= ? AND d.to_date >= ?)
                  AND NOT EXISTS (SELECT 1 FROM assignment AS a
                                  WHERE a.volunteer_id = w.volunteer_id AND a.state = 'active'
                                    AND a.starts_at > ? AND a.starts_at < ? AND a.ends_at > ?)
                ORDER BY w.volunteer_id
                """, arguments: [weekday.rawValue, start, start + span.minutes, day, day,
                                 Stored.seconds(span.start) - 86_400, Stored.seconds(span.end) + buffer,
                                 Stored.seconds(span.start) - buffer])
            let byID = try cachedVolunteers(db).byID
            return ids.compactMap { byID[$0] }
        }
    }

    /// One pass over the period's requests through a covering index.
    public func statistics(for period: StatisticsPeriod, now: Date) async throws -> StatisticsReport {
        try await read { [self] db in
            let range = period.range(calendar: calendar)
            var accumulator = StatisticsAccumulator(dongs: try SQLiteStore.fetchDongs(db), now: now)
            let statement = try db.cachedStatement(sql: """
                SELECT dong_code, status, appointment_at, household_id, volunteer_id, assigned_at, created_at, actual_minutes
                FROM escort_request INDEXED BY request_by_time
                WHERE appointment_at >= ? AND appointment_at < ?
                """)
            let cursor = try Row.fetchCursor(statement, arguments: [Stored.seconds(range.start), Stored.seconds(range.end)])
            while let row = try cursor.next() {
                let status = RequestStatus(rawValue: row[1]) ?? .pending
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
}
