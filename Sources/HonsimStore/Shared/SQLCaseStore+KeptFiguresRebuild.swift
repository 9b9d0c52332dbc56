import Foundation
import GRDB
import HonsimCore

/// The kept figures computed from the rows: the first time (a store from before them), after a
/// change of the dongs or a load too large to fold, and in `honsim check`, which compares them
/// with what is kept. One period at a time, so a city's store never holds more than one year's
/// volunteers and households in memory.
extension SQLCaseStore {
    public func bringKeptFiguresUpToDate() async throws {
        // An empty write: every write ends by folding, and a stale store is recomputed there.
        try await write { _ in }
    }

    func rebuildKeptFigures(_ db: any StoreConnection) async throws {
        for table in ["kept_figure", "kept_call_outcome", "kept_journal"] { try await db.execute("DELETE FROM \(table)", []) }
        let outcomes = try await everyCallOutcome(db)
        try await insertCallOutcomes(db, outcomes)
        let guOf = try await cachedDongs(db).guOf
        for period in try await keptPeriods(db) {
            let figures = try await recompute(db, period, outcomes: outcomes, guOf: guOf)
            try await KeptRecord.insert(figures.keys.sorted().compactMap { area in
                figures[area].map { KeptRecord(period: period.key, area: area, figures: $0) }
            }, into: db)
        }
        try await db.execute("""
            INSERT INTO meta (key, value) VALUES ('kept_figures', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value
            """, [try await keptFiguresState(db)])
    }

    /// Every kept figure against the rows, and every escort's calls against their kept outcome.
    func keptFigureViolations(_ db: any StoreConnection) async throws -> [InvariantViolation] {
        guard try await db.tableExists("kept_figure") else { return [] }
        var found: [InvariantViolation] = []
        let rule = "kept figures"
        // Figures not yet computed for the store as it is (an upgrade no writer has opened, rows
        // changed outside honsim) are never read: the statistics come from the rows until the
        // next write brings them up to date. Nothing is wrong until then.
        guard try await keptFiguresCurrent(db) else { return [] }
        let outcomes = try await everyCallOutcome(db)
        var kept: [Int64: CallOutcome] = [:]
        try await db.forEachRow("SELECT request_id, confirmed_day_before, unreached FROM kept_call_outcome", []) { row in
            kept[row.integer(0)] = CallOutcome(confirmedDayBefore: row.integer(1) != 0, unreached: row.integer(2) != 0)
        }
        for id in Set(outcomes.keys).union(kept.keys).sorted() where outcomes[id] != kept[id] {
            found.append(InvariantViolation(rule: rule, detail: "request \(id): calls kept as \(Self.words(kept[id])), the calls say \(Self.words(outcomes[id]))"))
        }
        let guOf = try await cachedDongs(db).guOf
        let periods = try await keptPeriods(db)
        for period in periods {
            let expected = try await recompute(db, period, outcomes: outcomes, guOf: guOf)
            var stored: [String: KeptRecord] = [:]
            for row in try await db.rows("SELECT \(KeptRecord.columns) FROM kept_figure WHERE period = ?", [period.key]) {
                let record = KeptRecord(row)
                stored[record.area] = record
            }
            for area in Set(expected.keys).union(stored.keys).sorted() {
                let should = expected[area] ?? KeptFigures()
                let record = stored[area]
                for difference in KeptRecord.differences(kept: record, rows: should) {
                    found.append(InvariantViolation(rule: rule, detail: "\(period.key) \(area): \(difference)"))
                }
            }
        }
        let known = Set(periods.map(\.key))
        for row in try await db.rows("SELECT DISTINCT period FROM kept_figure ORDER BY period") where !known.contains(row[0] as String) {
            found.append(InvariantViolation(rule: rule, detail: "\(row[0] as String): kept, but no request falls in it"))
        }
        return found
    }

    private static func words(_ outcome: CallOutcome?) -> String {
        guard let outcome, outcome != .none else { return "nothing" }
        return [outcome.confirmedDayBefore ? "confirmed the day before" : nil, outcome.unreached ? "unreached" : nil]
            .compactMap { $0 }.joined(separator: " and ")
    }

    /// One period's figures from its requests.
    private func recompute(_ db: any StoreConnection, _ period: KeptPeriod, outcomes: [Int64: CallOutcome],
                           guOf: @escaping (String) -> String?) async throws -> [String: KeptFigures] {
        let fold = Box(KeptPeriodFold(period: period.key, guOf: guOf))
        let days = Box(KeptDays(calendar: calendar))
        try await db.forEachRow("""
            SELECT id, \(Schema.keptColumns.joined(separator: ", ")) FROM \(db.seen(.request)) \(db.indexHint("request_by_time"))
            WHERE appointment_at >= ? AND appointment_at < ? ORDER BY appointment_at
            """, [period.from, period.until]) { row in
            guard let fact = KeptRow(row, from: 1)?.fact(days: &days.value, calls: outcomes[row.integer(0)] ?? .none) else { return }
            fold.value.add(fact)
        }
        return fold.value.result()
    }

    /// What the calls of every escort that had any came to.
    private func everyCallOutcome(_ db: any StoreConnection) async throws -> [Int64: CallOutcome] {
        var pickups: [Int64: Int64] = [:]
        try await db.forEachRow("""
            SELECT id, pickup_at FROM \(db.seen(.request)) WHERE id IN (SELECT request_id FROM \(db.seen(.call)))
            """, []) { pickups[$0.integer(0)] = $0.integer(1) }
        return try await callOutcomes(db, pickups: pickups)
    }

    /// Every week, month and year from the first appointment to the last.
    private func keptPeriods(_ db: any StoreConnection) async throws -> [KeptPeriod] {
        guard let row = try await db.one("SELECT MIN(appointment_at) AS first, MAX(appointment_at) AS last FROM \(db.seen(.request))"),
              let firstSeconds = row["first"] as Int64?, let lastSeconds = row["last"] as Int64?
        else { return [] }
        var days = KeptDays(calendar: calendar)
        let first = days.day(of: firstSeconds), last = days.day(of: lastSeconds)
        func period(_ key: String, _ from: CivilDate, _ until: CivilDate) -> KeptPeriod {
            KeptPeriod(key: key, from: Stored.seconds(from.start(in: calendar)), until: Stored.seconds(until.start(in: calendar)))
        }
        var periods: [KeptPeriod] = []
        var monday = first.adding(days: 1 - first.weekday.rawValue, calendar: calendar)
        while monday <= last {
            let next = monday.adding(days: 7, calendar: calendar)
            periods.append(period(KeptNames.period(.week(containing: monday)), monday, next))
            monday = next
        }
        for year in first.year ... last.year {
            for month in 1 ... 12 where (year, month) >= (first.year, first.month) && (year, month) <= (last.year, last.month) {
                let start = CivilDate(year: year, month: month, day: 1)
                let end = month == 12 ? CivilDate(year: year + 1, month: 1, day: 1) : CivilDate(year: year, month: month + 1, day: 1)
                periods.append(period(KeptNames.period(.month(year: year, month: month)), start, end))
            }
            periods.append(period(KeptNames.period(.year(year)), CivilDate(year: year, month: 1, day: 1), CivilDate(year: year + 1, month: 1, day: 1)))
        }
        return periods
    }

    /// The statistics pane's figures from the kept rows: one row per area of the period, and
    /// the pending requests of the next 48 hours, which depend on the hour, read by their index.
    /// Nil where the kept figures are not those of the rows.
    func keptStatistics(_ db: any StoreConnection, for period: StatisticsPeriod, now: Date) async throws -> StatisticsReport? {
        guard try await keptFiguresCurrent(db) else { return nil }
        let directory = try await cachedDongs(db)
        let range = period.range(calendar: calendar)
        var byDong: [String: AreaStatistics] = [:]
        var byGu: [String: AreaStatistics] = [:]
        byDong.reserveCapacity(directory.dongs.count)
        var city = AreaStatistics()
        // Not the histograms: the median is kept beside them, and a year's histograms of 500
        // dongs would be half a million numbers to read. Row by row, as SQLite steps: a year's
        // 530 rows are not copied into a list first.
        try await db.forEachRow("SELECT \(KeptRecord.shownColumns) FROM kept_figure WHERE period = ?", [KeptNames.period(period)]) { row in
            let record = KeptRecord(row, withHistogram: false)
            let figures = record.figures.statistics(medianMinutes: record.median, urgentUnassigned: 0)
            if record.area == KeptNames.city { city = figures }
            else if record.area.hasPrefix("d:") { byDong[String(record.area.dropFirst(2))] = figures }
            else if record.area.hasPrefix("g:") { byGu[String(record.area.dropFirst(2))] = figures }
        }
        // Every dong and gu is shown, those with nothing counted as zeros.
        for dong in directory.dongs {
            if byDong[dong.code] == nil { byDong[dong.code] = AreaStatistics() }
            if byGu[dong.gu] == nil { byGu[dong.gu] = AreaStatistics() }
        }
        // Urgent: pending, the appointment no earlier than now and at most 48 hours on (as
        // StatisticsAccumulator has it), within the period. Stored times are whole seconds.
        let from = max(Int64(now.timeIntervalSince1970.rounded(.up)), Stored.seconds(range.start))
        let until = min(Int64((now.timeIntervalSince1970 + Urgency.window).rounded(.down)), Stored.seconds(range.end) - 1)
        if from <= until {
            let guOf = directory.guOf
            for row in try await db.rows("""
                SELECT dong_code, COUNT(*) AS n FROM \(db.seen(.request)) \(db.indexHint("request_pending_by_time"))
                WHERE status = 'pending' AND appointment_at >= ? AND appointment_at <= ? GROUP BY dong_code
                """, [from, until]) {
                let dong: String = row[0], count: Int = row[1]
                byDong[dong, default: AreaStatistics()].urgentUnassigned += count
                if let gu = guOf(dong) { byGu[gu, default: AreaStatistics()].urgentUnassigned += count }
                city.urgentUnassigned += count
            }
        }
        return StatisticsReport(period: period, byDong: byDong, byGu: byGu, city: city)
    }
}

extension SQLCaseStore {
    /// Requests per dong in each of the last `weeks` weeks, this week last, as the statistics
    /// pane's trend shows them: the kept weeks' rows of each dong, nil where the kept figures are
    /// not those of the rows. Kept weeks run Monday to Monday on the store's own calendar.
    func keptWeeklyCounts(_ db: any StoreConnection, weeks: Int, now: Date) async throws -> [String: [Int]]? {
        guard weeks > 0, try await keptFiguresCurrent(db) else { return nil }
        let today = CivilDate(now, calendar: calendar)
        var position: [String: Int] = [:]
        for week in 0..<weeks {
            let day = today.adding(days: -7 * (weeks - 1 - week), calendar: calendar)
            position[KeptNames.period(.week(containing: day))] = week
        }
        let periods = position.keys.sorted()
        var counts: [String: [Int]] = [:]
        try await db.forEachRow("""
            SELECT period, area, requests FROM kept_figure
            WHERE period IN (\(SQLText.marks(periods.count))) AND area LIKE 'd:%' AND requests > 0
            """, periods.map { $0 as (any DatabaseValueConvertible)? }) { row in
            guard let week = position[row.text(0)] else { return }
            counts[String(row.text(1).dropFirst(2)), default: Array(repeating: 0, count: weeks)][week] = Int(row.integer(2))
        }
        return counts
    }
}

/// A period's key and the stored times it covers.
struct KeptPeriod {
    var key: String
    var from: Int64
    var until: Int64
}

/// A row of `kept_figure`.
struct KeptRecord {
    static let columns = """
        period, area, requests, completed, cancelled, no_shows, pending, volunteer_minutes, confirmed_day_before, unreached, \
        volunteers, households, median_minutes, assign_minutes
        """
    /// The columns the statistics pane shows: all but the histogram, which comes last.
    static let shownColumns = columns.replacingOccurrences(of: ", assign_minutes", with: "")
    var period: String
    var area: String
    var figures: KeptFigures
    var median: Int?
    /// False where the histogram's text is not one the store writes.
    var histogramReadable = true

    init(period: String, area: String, figures: KeptFigures) {
        self.period = period
        self.area = area
        self.figures = figures
        median = figures.medianMinutesToAssign
    }

    /// By position (the order of `columns`): the pane reads a year's 530 rows on every refresh.
    init(_ row: some StoredRow, withHistogram: Bool = true) {
        period = row.text(0)
        area = row.text(1)
        var figures = KeptFigures()
        figures.requests = Int(row.integer(2))
        figures.completed = Int(row.integer(3))
        figures.cancelled = Int(row.integer(4))
        figures.noShows = Int(row.integer(5))
        figures.pending = Int(row.integer(6))
        figures.volunteerMinutes = Int(row.integer(7))
        figures.confirmedDayBefore = Int(row.integer(8))
        figures.unreached = Int(row.integer(9))
        figures.volunteers = Int(row.integer(10))
        figures.households = Int(row.integer(11))
        median = row.isNull(12) ? nil : Int(row.integer(12))
        if withHistogram {
            let histogram = KeptHistogram.decode(row.text(13))
            figures.assignMinutes = histogram ?? [:]
            histogramReadable = histogram != nil
        }
        self.figures = figures
    }

    var values: [(any DatabaseValueConvertible)?] {
        [period, area, figures.requests, figures.completed, figures.cancelled, figures.noShows, figures.pending,
         figures.volunteerMinutes, figures.confirmedDayBefore, figures.unreached, figures.volunteers, figures.households,
         median, KeptHistogram.encode(figures.assignMinutes)]
    }

    static func insert(_ records: [KeptRecord], into db: any StoreConnection) async throws {
        guard !records.isEmpty else { return }
        let names = columns.split(separator: ",").map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
        try await db.insert(into: "kept_figure", columns: names, rows: records.map(\.values))
    }

    /// What a kept row says otherwise than the rows, in words; nothing when they agree.
    static func differences(kept record: KeptRecord?, rows should: KeptFigures) -> [String] {
        guard let record else { return ["not kept; the rows count \(should.requests) requests"] }
        let kept = record.figures
        var found: [String] = []
        let pairs: [(String, Int, Int)] = [
            ("requests", kept.requests, should.requests), ("completed", kept.completed, should.completed),
            ("cancelled", kept.cancelled, should.cancelled), ("no-shows", kept.noShows, should.noShows),
            ("pending", kept.pending, should.pending), ("volunteer minutes", kept.volunteerMinutes, should.volunteerMinutes),
            ("confirmed the day before", kept.confirmedDayBefore, should.confirmedDayBefore),
            ("unreached", kept.unreached, should.unreached), ("volunteers", kept.volunteers, should.volunteers),
            ("households", kept.households, should.households),
        ]
        for (name, have, want) in pairs where have != want { found.append("\(name) kept \(have), the rows say \(want)") }
        if !record.histogramReadable { found.append("minutes to assign kept as unreadable text") }
        else if kept.assignMinutes != should.assignMinutes { found.append("minutes to assign kept otherwise than the rows say") }
        if record.median != should.medianMinutesToAssign {
            found.append("median minutes to assign kept \(record.median.map(String.init) ?? "none"), the rows say \(should.medianMinutesToAssign.map(String.init) ?? "none")")
        }
        return found
    }
}
