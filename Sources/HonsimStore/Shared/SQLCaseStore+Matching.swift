import Foundation
import GRDB
import HonsimCore

/// Ranking, free volunteers, the plan and the statistics: the rows each needs come from the
/// backend's own fastest reads (`volunteerLoads`, `poolLoads`, `planLoads`, `addRequestFacts`);
/// what is decided from them is HonsimCore's, the same for both.
extension SQLCaseStore {
    /// Ranks every volunteer for a request. The volunteers come prepared from the cache (a
    /// `MatchPool` of the ranking's columns); the loads from the backend; full records only for
    /// the volunteers the ranking lists.
    public func candidates(for requestID: Int64, eligibleLimit: Int = Ranking.listedEligible) async throws -> Ranking {
        try await read { [self] db in
            // Reads that do not wait on one another go together (`both`): on PostgreSQL each
            // round trip to the server is most of what a warm ranking costs.
            let (request, (household, kept)) = try await db.both({ db in
                try await SQLCaseStore.fetchRequest(db, id: requestID)
            }, { [self] db in
                try await db.both({ db in try await SQLCaseStore.fetchHousehold(db, ofRequest: requestID) }, { [self] db in try await cachedPool(db) })
            })
            let pool = kept.pool
            var matcher = Matcher(request: request, household: household, dongs: kept.dongs, calendar: calendar, rules: rules)
            matcher.seriesVolunteerID = try await SQLCaseStore.seriesVolunteer(db, of: request)
            let context = loadContext
            let (loads, conduct) = try await db.both({ db in
                try await db.poolLoads(for: request, pool: pool, context: context)
            }, { [self] db in
                try await householdConduct(db, of: request)
            })
            let shortlist = matcher.shortlist(pool: pool, loads: loads, eligibleLimit: eligibleLimit, nearMissLimit: StoreRules.nearMissLimit)
            let records = try await volunteerRecords(db, ids: shortlist.volunteerIDs(in: pool), of: kept)
            // The shown volunteers' counts are read while their candidates are made.
            let shown = StoreRules.shownVolunteers(shortlist, pool: pool, records: records)
            async let flags = conductFlags(db, conduct, volunteers: shown)
            var ranking = matcher.ranking(shortlist, pool: pool, loads: loads) { records[pool.volunteerIDs[$0]] }
            ranking.conduct = try await flags
            return ranking
        }
    }

    public func candidates(for requestID: Int64, among volunteerIDs: Set<Int64>) async throws -> Ranking {
        try await read { [self] db in
            let request = try await SQLCaseStore.fetchRequest(db, id: requestID)
            let household = try await SQLCaseStore.fetchHousehold(db, id: request.householdID)
            var matcher = Matcher(request: request, household: household, dongs: try await cachedDongs(db), calendar: calendar, rules: rules)
            matcher.seriesVolunteerID = try await SQLCaseStore.seriesVolunteer(db, of: request)
            let list = try await cachedVolunteers(db)
            let chosen = volunteerIDs.sorted().compactMap { StoreRules.volunteer(withID: $0, in: list) }
            let loads = try await db.volunteerLoads(for: request, excludingRequest: request.id, volunteerID: nil, context: loadContext)
            var ranking = matcher.rank(volunteers: chosen, loads: loads)
            ranking.conduct = try await conductFlags(db, request: request, volunteers: StoreRules.shownVolunteers(ranking))
            return ranking
        }
    }

    public func freeVolunteers(in span: TimeSpan) async throws -> [Volunteer] {
        try await read { [self] db in
            let weekday = Weekday(span.start, calendar: calendar)
            let start = ClockTime(span.start, calendar: calendar).minutes
            let day = CivilDate(span.start, calendar: calendar).description
            let buffer = Int64(rules.travelBuffer)
            // The day-off and busy checks run once as subqueries (NOT IN), not once per window:
            // the busy one then reads only the small partial index of active assignments.
            var ids: [Int64] = []
            try await db.forEachRow("""
                SELECT DISTINCT w.volunteer_id FROM availability_window AS w
                JOIN \(db.seen(.volunteer)) AS v ON v.id = w.volunteer_id AND v.closed = 0
                WHERE w.weekday = ? AND w.start_minute <= ? AND w.end_minute >= ?
                  AND w.volunteer_id NOT IN (SELECT volunteer_id FROM day_off WHERE from_date <= ? AND to_date >= ?)
                  AND w.volunteer_id NOT IN (SELECT volunteer_id FROM assignment
                                             WHERE state = 'active' AND starts_at > ? AND starts_at < ? AND ends_at > ?)
                ORDER BY w.volunteer_id
                """, [weekday.rawValue, start, start + span.minutes, day, day,
                      Stored.seconds(span.start) - 86_400, Stored.seconds(span.end) + buffer, Stored.seconds(span.start) - buffer]) {
                ids.append($0[0])
            }
            let list = try await cachedVolunteers(db)
            return ids.compactMap { StoreRules.volunteer(withID: $0, in: list) }
        }
    }

    public func statistics(for period: StatisticsPeriod, now: Date) async throws -> StatisticsReport {
        try await read { [self] db in
            if let kept = try await keptStatistics(db, for: period, now: now) { return kept }
            return try await statisticsFromRows(db, for: period, now: now)
        }
    }

    /// The same figures folded afresh from every request of the period, whatever is kept: what
    /// the benchmark sets beside the kept figures.
    public func statisticsFromRows(for period: StatisticsPeriod, now: Date) async throws -> StatisticsReport {
        try await read { [self] db in try await statisticsFromRows(db, for: period, now: now) }
    }

    /// Every request of the period folded afresh: what the kept figures are checked against,
    /// and what is read where they are not those of the rows.
    func statisticsFromRows(_ db: any StoreConnection, for period: StatisticsPeriod, now: Date) async throws -> StatisticsReport {
        let range = period.range(calendar: calendar)
        let highest = try await db.one("SELECT (SELECT MAX(id) FROM \(db.seen(.volunteer))) AS v, (SELECT MAX(id) FROM \(db.seen(.household))) AS h")
        var accumulator = StatisticsAccumulator(dongs: try await cachedDongs(db), now: now,
                                                maxVolunteerID: highest?["v"] ?? 0, maxHouseholdID: highest?["h"] ?? 0)
        try await db.addRequestFacts(in: range, to: &accumulator)
        try await addCallFacts(db, in: range, to: &accumulator)
        return accumulator.report(period: period)
    }

    /// The calls of the day before, for the escorts of the period that held a volunteer and
    /// had any call: confirmed the day before, or still unreached by pickup (CallFigures).
    private func addCallFacts(_ db: any StoreConnection, in range: TimeSpan, to accumulator: inout StatisticsAccumulator) async throws {
        var escort: (id: Int64, dong: String, pickup: Date)?
        var attempts: [ContactAttempt] = []
        func finish(_ accumulator: inout StatisticsAccumulator) {
            guard let escort else { return }
            let dayStart = CivilDate(escort.pickup, calendar: calendar).start(in: calendar)
            accumulator.addCalls(dongCode: escort.dong, confirmedDayBefore: CallFigures.confirmedDayBefore(attempts, dayStart: dayStart),
                                 unreached: CallFigures.unreached(attempts, pickupAt: escort.pickup))
        }
        for row in try await db.rows("""
            SELECT r.id AS request_id, r.dong_code, r.pickup_at, a.id, a.party, a.result, a.note, a.at, a.called_by
            FROM \(db.seen(.request)) AS r JOIN \(db.seen(.call)) AS a ON a.request_id = r.id
            WHERE r.appointment_at >= ? AND r.appointment_at < ? AND r.status NOT IN ('pending', 'cancelled')
            ORDER BY r.id, a.at, a.id
            """, [Stored.cell(range.start), Stored.cell(range.end)]) {
            let id: Int64 = row["request_id"]
            if escort?.id != id {
                finish(&accumulator)
                escort = (id, row["dong_code"], Stored.date(row["pickup_at"] as Int64))
                attempts = []
            }
            attempts.append(ContactAttempt(row: row))
        }
        finish(&accumulator)
    }

    /// The plan's reads: every pending request of the window ranked against every volunteer,
    /// with the loads for all of them read in one pass rather than once per request.
    public func plan(dongCodes: Set<String>?, from: Date, until: Date) async throws -> Plan {
        try await read { [self] db in
            let now = now()
            let requests = try await db.rows("""
                SELECT * FROM \(db.seen(.request)) \(db.indexHint("request_by_status_time"))
                WHERE status = 'pending' AND appointment_at >= ? AND appointment_at < ?
                ORDER BY appointment_at, id
                """, [Stored.cell(from), Stored.cell(until)])
                .map { EscortRequest(row: $0) }
                .filter { dongCodes?.contains($0.dongCode) ?? true }
            guard !requests.isEmpty else { return Plan() }
            let households = try await SQLCaseStore.fetchHouseholds(db, ids: Set(requests.map(\.householdID)))
            let kept = try await cachedPool(db)
            let (pool, dongs) = (kept.pool, kept.dongs)
            let loads = try await db.planLoads(for: requests, pool: pool, context: loadContext)
            return try await StoreRules.plan(requests, households: households, pool: pool, dongs: dongs, loads: loads,
                                             calendar: calendar, rules: rules, now: now) { ids in
                try await volunteerRecords(db, ids: ids, of: kept).byID(ids)
            }
        }
    }

    // MARK: The dashboard's reads

    public func openRequests(until: Date, limit: Int) async throws -> [EscortRequest] {
        try await read { db in
            try await db.rows("""
                SELECT * FROM \(db.seen(.request)) \(db.indexHint("request_by_status_time"))
                WHERE status IN ('pending', 'assigned', 'confirmed', 'in_progress') AND appointment_at < ?
                ORDER BY appointment_at, id LIMIT ?
                """, [Stored.cell(until), limit]).map { EscortRequest(row: $0) }
        }
    }

    /// Folded as the rows arrive: a city's week is tens of thousands of them.
    public func volunteerSummaries(now: Date) async throws -> [Int64: VolunteerSummary] {
        try await read { [self] db in
            var folding = VolunteerSummaryReads.Folding(now: now, calendar: calendar)
            try await db.foldVolunteerSummaries(VolunteerSummaryReads.queries(now: now, calendar: calendar), into: &folding)
            return folding.summaries
        }
    }

    public func weeklyRequestCounts(weeks: Int, now: Date) async throws -> [String: [Int]] {
        try await read { [self] db in
            if let kept = try await keptWeeklyCounts(db, weeks: weeks, now: now) { return kept }
            return try await weeklyRequestCountsFromRows(db, weeks: weeks, now: now)
        }
    }

    /// The same counted from every request of the weeks (a city's twelve weeks are a quarter of
    /// a million): where the kept figures are not those of the rows, and what they are checked against.
    func weeklyRequestCountsFromRows(_ db: any StoreConnection, weeks: Int, now: Date) async throws -> [String: [Int]] {
        let query = VolunteerSummaryReads.weeklyCountsQuery(weeks: weeks, now: now, calendar: calendar,
                                                            requests: "\(db.seen(.request)) \(db.indexHint("request_by_time"))")
        return VolunteerSummaryReads.weeklyCounts(try await db.rows(query), weeks: weeks)
    }
}

/// A value that a row-by-row closure folds into, read once the rows are done.
final class Box<Value> {
    var value: Value
    init(_ value: Value) { self.value = value }
}
