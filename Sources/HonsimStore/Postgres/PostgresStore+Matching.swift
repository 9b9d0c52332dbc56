import Foundation
import GRDB
import HonsimCore

/// Ranking, free volunteers, statistics, the plan and the dashboard's reads: the same SQL
/// as SQLite's where the dialects agree, and the same domain code after it.
extension PostgresStore {
    /// The commitments that matter for one request, as rows: active escorts near it, minutes
    /// in its week and month, completed escorts with its household (optionally one volunteer's).
    func loadRows(_ db: PGSQL, for request: EscortRequest, excludingRequest: Int64, volunteerID: Int64? = nil) async throws
        -> (busy: [(Int64, TimeSpan)], minutes: [(Int64, Bool, Int)], escorts: [(Int64, Int)]) {
        let span = request.span
        let buffer = Int64(rules.travelBuffer)
        let filter = volunteerID == nil ? "" : "AND volunteer_id = \(volunteerID ?? 0)"
        var busy: [(Int64, TimeSpan)] = []
        for row in try await db.rows("""
            SELECT volunteer_id, starts_at, ends_at FROM assignment
            WHERE state = 'active' AND starts_at > ? AND starts_at < ? AND request_id <> ? \(filter)
            """, [Stored.seconds(span.start) - 86_400, Stored.seconds(span.end) + buffer, excludingRequest]) {
            let clash = TimeSpan(start: Stored.date(row["starts_at"] as Int64), end: Stored.date(row["ends_at"] as Int64))
            if clash.conflicts(with: span, buffer: rules.travelBuffer) { busy.append((row["volunteer_id"], clash)) }
        }
        let holder = request.status.holdsVolunteer ? request.volunteerID : nil
        var minutes: [(Int64, Bool, Int)] = []
        let week = LoadPeriod.week(request.pickupAt, calendar: calendar), month = LoadPeriod.month(request.pickupAt, calendar: calendar)
        for (period, loads) in try await minutesByPeriod(db, [week, month], volunteerID: volunteerID) {
            for (id, value) in loads { minutes.append((id, period == week, id == holder ? value - request.expectedMinutes : value)) }
        }
        let escorts = try await db.rows("""
            SELECT volunteer_id, COUNT(*) AS n FROM assignment
            WHERE household_id = ? AND state = 'completed' \(filter) GROUP BY volunteer_id
            """, [request.householdID]).map { ($0["volunteer_id"] as Int64, $0["n"] as Int) }
        return (busy, minutes, escorts)
    }

    /// Each volunteer's minutes in the given periods (`W…` weeks, `M…` months), optionally one
    /// volunteer's. A month of a city is about 20,000 rows a period: read as one row of two
    /// arrays per period, which the driver decodes in one pass instead of cell by cell. Every
    /// aggregate of a group is fed the same rows in the same order, so the arrays line up.
    func minutesByPeriod(_ db: PGSQL, _ periods: [String], volunteerID: Int64? = nil) async throws
        -> [String: [(volunteer: Int64, minutes: Int)]] {
        let rows = try await db.stream("""
            SELECT period, array_agg(volunteer_id), array_agg(minutes) FROM volunteer_load
            WHERE period = ANY (string_to_array(?, ',')) \(volunteerID == nil ? "" : "AND volunteer_id = ?") GROUP BY period
            """, [periods.joined(separator: ",")] + (volunteerID.map { [$0] } ?? []))
        var result: [String: [(volunteer: Int64, minutes: Int)]] = [:]
        for try await (period, volunteers, minutes) in rows.decode((String, [Int64], [Int64]).self) {
            result[period] = zip(volunteers, minutes).map { (volunteer: $0, minutes: Int($1)) }
        }
        return result
    }

    func loads(_ db: PGSQL, for request: EscortRequest, excludingRequest: Int64, volunteerID: Int64? = nil) async throws -> [Int64: VolunteerLoad] {
        let rows = try await loadRows(db, for: request, excludingRequest: excludingRequest, volunteerID: volunteerID)
        var loads: [Int64: VolunteerLoad] = [:]
        for (id, span) in rows.busy { loads[id, default: VolunteerLoad()].busy.append(span) }
        for (id, isWeek, minutes) in rows.minutes {
            if isWeek { loads[id, default: VolunteerLoad()].minutesInWeek = minutes } else { loads[id, default: VolunteerLoad()].minutesInMonth = minutes }
        }
        for (id, times) in rows.escorts { loads[id, default: VolunteerLoad()].escortsWithHousehold = times }
        return loads
    }

    func cachedPool(_ db: PGSQL) async throws -> MatchPool {
        let revisions = try await db.rows("""
            SELECT value FROM meta WHERE key IN ('volunteers_revision', 'dongs_revision') ORDER BY key
            """).map { $0["value"] as String }.joined(separator: "/")
        if let cached = poolCache.withLock({ $0 }), cached.revisions == revisions { return cached.pool }
        let pool = MatchPool(volunteers: try await cachedVolunteers(db), dongs: try await cachedDongs(db))
        poolCache.withLock { $0 = (revisions, pool) }
        return pool
    }

    public func candidates(for requestID: Int64) async throws -> Ranking {
        try await read { [self] db in
            let request = try await PostgresStore.fetchRequest(db, id: requestID)
            let household = try await PostgresStore.fetchHousehold(db, id: request.householdID)
            let pool = try await cachedPool(db)
            let matcher = Matcher(request: request, household: household, dongs: try await cachedDongs(db), calendar: calendar, rules: rules)
            let rows = try await loadRows(db, for: request, excludingRequest: request.id)
            var loads = PoolLoads(count: pool.count)
            for (id, span) in rows.busy { if let index = pool.index(of: id) { loads.addBusy(span, at: index) } }
            for (id, isWeek, minutes) in rows.minutes {
                guard let index = pool.index(of: id) else { continue }
                if isWeek { loads.minutesInWeek[index] = Int32(clamping: minutes) } else { loads.minutesInMonth[index] = Int32(clamping: minutes) }
            }
            for (id, times) in rows.escorts { if let index = pool.index(of: id) { loads.escortsWithHousehold[index] = Int32(clamping: times) } }
            return matcher.rank(pool: pool, loads: loads, nearMissLimit: SQLiteStore.nearMissLimit)
        }
    }

    public func candidates(for requestID: Int64, among volunteerIDs: Set<Int64>) async throws -> Ranking {
        try await read { [self] db in
            let request = try await PostgresStore.fetchRequest(db, id: requestID)
            let household = try await PostgresStore.fetchHousehold(db, id: request.householdID)
            let matcher = Matcher(request: request, household: household, dongs: try await cachedDongs(db), calendar: calendar, rules: rules)
            let list = try await cachedVolunteers(db)
            let chosen = volunteerIDs.sorted().compactMap { SQLiteStore.volunteer(withID: $0, in: list) }
            return matcher.rank(volunteers: chosen, loads: try await loads(db, for: request, excludingRequest: request.id))
        }
    }

    public func freeVolunteers(in span: TimeSpan) async throws -> [Volunteer] {
        try await read { [self] db in
            let weekday = Weekday(span.start, calendar: calendar)
            let start = ClockTime(span.start, calendar: calendar).minutes
            let day = CivilDate(span.start, calendar: calendar).description
            let buffer = Int64(rules.travelBuffer)
            let ids = try await db.rows("""
                SELECT DISTINCT w.volunteer_id FROM availability_window AS w
                JOIN volunteer AS v ON v.id = w.volunteer_id AND v.closed = 0
                WHERE w.weekday = ? AND w.start_minute <= ? AND w.end_minute >= ?
                  AND w.volunteer_id NOT IN (SELECT volunteer_id FROM day_off WHERE from_date <= ? AND to_date >= ?)
                  AND w.volunteer_id NOT IN (SELECT volunteer_id FROM assignment
                                             WHERE state = 'active' AND starts_at > ? AND starts_at < ? AND ends_at > ?)
                ORDER BY w.volunteer_id
                """, [weekday.rawValue, start, start + span.minutes, day, day,
                      Stored.seconds(span.start) - 86_400, Stored.seconds(span.end) + buffer, Stored.seconds(span.start) - buffer])
                .map { $0["volunteer_id"] as Int64 }
            let list = try await cachedVolunteers(db)
            return ids.compactMap { SQLiteStore.volunteer(withID: $0, in: list) }
        }
    }

    public func statistics(for period: StatisticsPeriod, now: Date) async throws -> StatisticsReport {
        try await read { [self] db in
            let range = period.range(calendar: calendar)
            let highest = try await db.one("SELECT (SELECT MAX(id) FROM volunteer) AS v, (SELECT MAX(id) FROM household) AS h")
            var accumulator = StatisticsAccumulator(dongs: try await cachedDongs(db), now: now,
                                                    maxVolunteerID: highest?["v"] ?? 0, maxHouseholdID: highest?["h"] ?? 0)
            // A month of a city is tens of thousands of rows. Decoding them one row at a time
            // cost the driver six times what the server spent; as one row of arrays, one per
            // column, it decodes each column in a single pass.
            let rows = try await db.stream("""
                SELECT array_agg(dong_code), array_agg(status), array_agg(appointment_at), array_agg(household_id),
                       array_agg(coalesce(volunteer_id, 0)),
                       array_agg(coalesce(greatest(0, assigned_at - created_at) / 60, -1)),
                       array_agg(coalesce(actual_minutes, 0))
                FROM escort_request WHERE appointment_at >= ? AND appointment_at < ?
                """, [Stored.cell(range.start), Stored.cell(range.end)])
            for try await (dongs, statuses, appointments, households, volunteers, assignMinutes, actualMinutes)
                in rows.decode(([String]?, [String]?, [Int64]?, [Int64]?, [Int64]?, [Int64]?, [Int64]?).self) {
                guard let dongs, let statuses, let appointments, let households, let volunteers, let assignMinutes, let actualMinutes
                else { continue }
                for index in dongs.indices {
                    let status = RequestStatus(rawValue: statuses[index]) ?? .pending
                    accumulator.add(RequestFact(
                        dongCode: dongs[index], status: status, appointmentAt: Stored.date(appointments[index]),
                        minutesToAssign: assignMinutes[index] < 0 ? nil : Int(assignMinutes[index]),
                        volunteerID: volunteers[index] == 0 ? nil : volunteers[index], householdID: households[index],
                        volunteerMinutes: status == .completed ? Int(actualMinutes[index]) : 0))
                }
            }
            return accumulator.report(period: period)
        }
    }

    public func plan(dongCodes: Set<String>?, from: Date, until: Date) async throws -> Plan {
        try await read { [self] db in
            let now = now()
            let requests = try await db.rows("""
                SELECT * FROM escort_request WHERE status = 'pending' AND appointment_at >= ? AND appointment_at < ?
                ORDER BY appointment_at, id
                """, [Stored.cell(from), Stored.cell(until)])
                .map(EscortRequest.init(row:))
                .filter { dongCodes?.contains($0.dongCode) ?? true }
            guard !requests.isEmpty else { return Plan() }
            let households = try await fetchHouseholds(db, ids: Set(requests.map(\.householdID)))
            let pool = try await cachedPool(db)
            let window = PlanLoads.window(requests, buffer: rules.travelBuffer)
            let busy = try await db.rows("""
                SELECT volunteer_id, starts_at, ends_at FROM assignment WHERE state = 'active' AND starts_at > ? AND starts_at < ?
                ORDER BY starts_at
                """, [window.low, window.high]).map { (volunteer: $0["volunteer_id"] as Int64, start: $0["starts_at"] as Int64, end: $0["ends_at"] as Int64) }
            let periods = PlanLoads.periods(requests, calendar: calendar).sorted()
            let minutes = try await minutesByPeriod(db, periods).mapValues { PlanLoads.byIndex($0, pool: pool) }
            let escorts = try await db.rows("""
                SELECT household_id, volunteer_id, COUNT(*) AS n FROM assignment
                WHERE household_id = ANY (string_to_array(?, ',')::bigint[]) AND state = 'completed' GROUP BY household_id, volunteer_id
                """, [Set(requests.map(\.householdID)).map(String.init).joined(separator: ",")])
                .map { (household: $0["household_id"] as Int64, volunteer: $0["volunteer_id"] as Int64, times: $0["n"] as Int) }
            let loads = PlanLoads(pool: pool, travelBuffer: rules.travelBuffer, calendar: calendar, busy: busy, minutes: minutes, escorts: escorts)
            return try SQLiteStore.plan(requests, households: households, pool: pool, dongs: try await cachedDongs(db), loads: loads,
                                        calendar: calendar, rules: rules, now: now)
        }
    }

    // MARK: The dashboard's reads

    public func households(ids: Set<Int64>) async throws -> [Int64: Household] {
        guard !ids.isEmpty else { return [:] }
        return try await read { [self] db in try await fetchHouseholds(db, ids: ids) }
    }

    func fetchHouseholds(_ db: PGSQL, ids: Set<Int64>) async throws -> [Int64: Household] {
        var found: [Int64: Household] = [:]
        for row in try await db.rows("SELECT * FROM household WHERE id = ANY (string_to_array(?, ',')::bigint[])",
                                     [ids.sorted().map(String.init).joined(separator: ",")]) {
            let household = Household(row: row)
            found[household.id] = household
        }
        return found
    }

    public func openRequests(until: Date, limit: Int) async throws -> [EscortRequest] {
        try await read { [self] db in
            try await db.rows("""
                SELECT * FROM escort_request
                WHERE status IN ('pending', 'assigned', 'confirmed', 'in_progress') AND appointment_at < ?
                ORDER BY appointment_at, id LIMIT ?
                """, [Stored.cell(until), limit]).map(EscortRequest.init(row:))
        }
    }

    public func volunteerSummaries(now: Date) async throws -> [Int64: VolunteerSummary] {
        try await read { [self] db in
            let queries = VolunteerSummaryReads.queries(now: now, calendar: calendar)
            var folding = VolunteerSummaryReads.Folding(now: now, calendar: calendar)
            for row in try await db.rows(queries.loads) { folding.addLoad(row) }
            for row in try await db.rows(queries.escorts) { folding.addEscorts(row) }
            for row in try await db.rows(queries.busy) { folding.addBusy(row) }
            return folding.summaries
        }
    }

    public func weeklyRequestCounts(weeks: Int, now: Date) async throws -> [String: [Int]] {
        try await read { [self] db in
            VolunteerSummaryReads.weeklyCounts(try await db.rows(VolunteerSummaryReads.weeklyCountsQuery(weeks: weeks, now: now, calendar: calendar)),
                                               weeks: weeks)
        }
    }
}
