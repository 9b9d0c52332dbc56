import Foundation
import GRDB
import HonsimCore

extension SQLiteStore {
    /// How many excluded volunteers a ranking lists: enough for any dialog, few enough that
    /// ranking 20,000 volunteers does not build 19,000 candidates nobody reads.
    public static let nearMissLimit = 50

    /// Ranks every volunteer for a request. The volunteers come prepared from the cache (a
    /// `MatchPool`); the loads are the active escorts near the request's time and past escorts
    /// with the household, read by index, and every volunteer's minutes in the request's week
    /// and month, kept by pool index until the store changes (`periodMinutes`).
    public func candidates(for requestID: Int64) async throws -> Ranking {
        try await read { [self] db in
            let request = try SQLiteStore.fetchRequest(db, id: requestID)
            let household = try SQLiteStore.fetchHousehold(db, id: request.householdID)
            let pool = try cachedPool(db)
            let matcher = Matcher(request: request, household: household, dongs: try cachedDongs(db),
                                  calendar: calendar, rules: rules)
            var loads = PoolLoads(count: pool.count)
            loads.minutesInWeek = try periodMinutes(db, LoadPeriod.week(request.pickupAt, calendar: calendar), pool: pool)
            loads.minutesInMonth = try periodMinutes(db, LoadPeriod.month(request.pickupAt, calendar: calendar), pool: pool)
            // A request being re-ranked still holds its own volunteer's minutes: take them off.
            if request.status.holdsVolunteer, let holder = request.volunteerID, let index = pool.index(of: holder) {
                loads.minutesInWeek[index] -= Int32(clamping: request.expectedMinutes)
                loads.minutesInMonth[index] -= Int32(clamping: request.expectedMinutes)
            }
            try readBusy(db, for: request, excludingRequest: request.id) { id, span in
                if let index = pool.index(of: id) { loads.addBusy(span, at: index) }
            }
            try readEscorts(db, householdID: request.householdID) { id, times in
                if let index = pool.index(of: id) { loads.escortsWithHousehold[index] = Int32(clamping: times) }
            }
            return matcher.rank(pool: pool, loads: loads, nearMissLimit: SQLiteStore.nearMissLimit)
        }
    }

    /// The commitments that matter for one request, by volunteer (all, or only `volunteerID`).
    func loads(_ db: Database, for request: EscortRequest, excludingRequest: Int64, volunteerID: Int64? = nil) throws -> [Int64: VolunteerLoad] {
        var loads: [Int64: VolunteerLoad] = [:]
        try readBusy(db, for: request, excludingRequest: excludingRequest, volunteerID: volunteerID) { id, span in
            loads[id, default: VolunteerLoad()].busy.append(span)
        }
        let holder = request.status.holdsVolunteer ? request.volunteerID : nil
        for (period, isWeek) in [(LoadPeriod.week(request.pickupAt, calendar: calendar), true),
                                 (LoadPeriod.month(request.pickupAt, calendar: calendar), false)] {
            let rows = try Row.fetchCursor(statement(db, """
                SELECT volunteer_id, minutes FROM volunteer_load WHERE period = ? \(SQLiteStore.filter(volunteerID))
                """, cached: volunteerID == nil), arguments: [period])
            while let row = try rows.next() {
                let id: Int64 = row[0], value: Int = row[1]
                // A request being re-ranked still holds its own volunteer's minutes: take them off.
                let minutes = id == holder ? value - request.expectedMinutes : value
                if isWeek { loads[id, default: VolunteerLoad()].minutesInWeek = minutes } else { loads[id, default: VolunteerLoad()].minutesInMonth = minutes }
            }
        }
        try readEscorts(db, householdID: request.householdID, volunteerID: volunteerID) { id, times in
            loads[id, default: VolunteerLoad()].escortsWithHousehold = times
        }
        return loads
    }

    /// The active escorts that clash with a request, by volunteer, leaving out the
    /// excluded request's own.
    func readBusy(_ db: Database, for request: EscortRequest, excludingRequest: Int64, volunteerID: Int64? = nil,
                  _ found: (Int64, TimeSpan) -> Void) throws {
        let span = request.span
        let buffer = Int64(rules.travelBuffer)
        // The excluded request's own active escort is found by its unique index and skipped
        // below: asking for request_id in the scan would read each row of the table, where
        // the partial index of active escorts answers the rest on its own.
        var own = try Row.fetchOne(db.cachedStatement(sql: """
            SELECT volunteer_id, starts_at, ends_at FROM assignment WHERE request_id = ? AND state = 'active'
            """), arguments: [excludingRequest]).map { [$0[0] as Int64, $0[1] as Int64, $0[2] as Int64] }
        // An escort lasts at most 16 hours, so nothing starting a day earlier can reach this one.
        // Cursors read by column index: with 20,000 volunteers these rows add up.
        let rows = try Row.fetchCursor(statement(db, """
            SELECT volunteer_id, starts_at, ends_at FROM assignment INDEXED BY assignment_active_by_time
            WHERE state = 'active' AND starts_at > ? AND starts_at < ? \(SQLiteStore.filter(volunteerID))
            """, cached: volunteerID == nil), arguments: [Stored.seconds(span.start) - 86_400, Stored.seconds(span.end) + buffer])
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
    func readEscorts(_ db: Database, householdID: Int64, volunteerID: Int64? = nil, _ found: (Int64, Int) -> Void) throws {
        let rows = try Row.fetchCursor(statement(db, """
            SELECT volunteer_id, COUNT(*) FROM assignment
            WHERE household_id = ? AND state = 'completed' \(SQLiteStore.filter(volunteerID)) GROUP BY volunteer_id
            """, cached: volunteerID == nil), arguments: [householdID])
        while let row = try rows.next() { found(row[0], row[1]) }
    }

    /// The SQL that narrows a read to one volunteer, or nothing.
    private static func filter(_ volunteerID: Int64?) -> String {
        volunteerID.map { "AND volunteer_id = \($0)" } ?? ""
    }

    /// A statement kept for reuse when its text never varies; one naming a volunteer is not.
    private func statement(_ db: Database, _ sql: String, cached: Bool) throws -> Statement {
        cached ? try db.cachedStatement(sql: sql) : try db.makeStatement(sql: sql)
    }

    /// The volunteers prepared for ranking, made again only when a volunteer or a dong changed.
    func cachedPool(_ db: Database) throws -> MatchPool {
        let revisions = try Row.fetchAll(db, sql: """
            SELECT value FROM meta WHERE key IN ('volunteers_revision', 'dongs_revision') ORDER BY key
            """).map { $0[0] as String }.joined(separator: "/")
        if let cached = poolCache.withLock({ $0 }), cached.revisions == revisions { return cached.pool }
        let pool = MatchPool(volunteers: try cachedVolunteers(db), dongs: try cachedDongs(db))
        poolCache.withLock { $0 = (revisions, pool) }
        return pool
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
