import Foundation
import GRDB
import HonsimCore

/// The rolling horizon of standing series: the dates each series has ahead, made when any
/// process opens the store and when a series is made, changed or resumed.
///
/// A city has tens of thousands of series, so their dates are made all together: the requests
/// in as few statements as the backend takes, then their links in `series_date`, many to a
/// statement. The link's key (series, day) makes each date once whichever process makes it:
/// a link that another process wrote first is skipped, and the request made for it is taken
/// back in the same transaction, unseen.
extension SQLCaseStore {
    /// The series with days not yet made before the horizon (`?`) and not ended before them.
    static let behindHorizon = "(made_until IS NULL OR made_until < ?) AND (ends_on IS NULL OR made_until IS NULL OR ends_on > made_until)"

    /// One series' days to make: `first` through `last`, those it has.
    struct SeriesSpan {
        let series: StandingSeries
        let first: CivilDate
        let last: CivilDate
    }

    /// Makes every series' dates up to `horizonDays` ahead that are not made yet, of the series
    /// this person may change; returns how many. A store that needs nothing is only read.
    @discardableResult
    public func extendSeries(horizonDays: Int) async throws -> Int {
        let now = now()
        let through = CivilDate(now, calendar: calendar).adding(days: horizonDays, calendar: calendar)
        // A read-only session makes nothing, and so asks nothing: a kiosk reads no series at all.
        guard !readOnly else { return 0 }
        let behind = try await read { db -> Bool in
            guard try await db.tableExists("standing_series") else { return false }
            return try await db.value("""
                SELECT EXISTS (SELECT 1 FROM \(db.seen(.series)) WHERE \(SQLCaseStore.behindHorizon))
                """, [through.description], as: Bool.self) ?? false
        }
        guard behind else { return 0 }
        return try await write { [self] db in
            let access = try await fetchAccess(db)
            guard access.role != .viewer else { return 0 }
            let series = try await db.rows("""
                SELECT * FROM \(db.seen(.series)) WHERE \(SQLCaseStore.behindHorizon) ORDER BY id
                """, [through.description]).map { StandingSeries(row: $0) }.filter { access.canChange(dongCode: $0.dongCode) }
            // A city's series gain tens of thousands of dates at once, into the largest table
            // and its indexes: SQLite's page cache is widened for it, as for a load.
            return try await db.bulkLoad {
                try await extend(db, series, through: through, at: now).values.reduce(0) { $0 + $1.count }
            }
        }
    }

    /// Makes one series' dates after its `madeUntil` through `through`, and moves it on.
    func extend(_ db: any StoreConnection, _ series: StandingSeries, through: CivilDate, at now: Date) async throws -> [EscortRequest] {
        try await extend(db, [series], through: through, at: now)[series.id] ?? []
    }

    /// Makes each series' dates after its `madeUntil` through `through`, moves them all on, and
    /// audits each series that gained dates; returns the dates made, by series.
    func extend(_ db: any StoreConnection, _ series: [StandingSeries], through: CivilDate, at now: Date) async throws
        -> [Int64: [EscortRequest]] {
        let today = CivilDate(now, calendar: calendar)
        let spans = series.map { series in
            SeriesSpan(series: series, first: max(series.madeUntil.map { $0.adding(days: 1, calendar: calendar) } ?? series.startsOn, today),
                       last: through)
        }
        let made = try await makeDates(db, spans, at: now)
        try await SQLText.forEachChunk(of: series.map(\.id)) { marks, ids in
            try await db.execute("""
                UPDATE standing_series SET made_until = ? WHERE id IN (\(marks)) AND (made_until IS NULL OR made_until < ?)
                """, [through.description] + ids + [through.description])
        }
        try await appendAudits(db, series.compactMap { series in
            guard let dates = made[series.id], !dates.isEmpty else { return nil }
            return auditCells(action: "series dates", entity: "series", id: String(series.id), dongCode: series.dongCode,
                               before: nil, after: dates.map { String($0.id) }.joined(separator: ","), at: now)
        })
        return made
    }

    /// Makes the series' dates from `first` through `last` that have no request yet.
    func makeDates(_ db: any StoreConnection, _ series: StandingSeries, from first: CivilDate, through last: CivilDate,
                   at now: Date) async throws -> [EscortRequest] {
        try await makeDates(db, [SeriesSpan(series: series, first: first, last: last)], at: now)[series.id] ?? []
    }

    /// Makes the dates of every span that have no request yet and are still ahead, each once
    /// even when another process makes them at the same moment; returns them by series, in
    /// date order.
    func makeDates(_ db: any StoreConnection, _ spans: [SeriesSpan], at now: Date) async throws -> [Int64: [EscortRequest]] {
        var drafts: [(seriesID: Int64, day: CivilDate, request: EscortRequest)] = []
        var starts: [CivilDate: Date] = [:]
        for span in spans {
            for day in span.series.dates(from: span.first, through: span.last, calendar: calendar) {
                let start = starts[day] ?? day.start(in: calendar)
                starts[day] = start
                let draft = span.series.request(on: start, at: now)
                guard draft.appointmentAt > now else { continue }
                drafts.append((span.series.id, day, StoreRules.newRequest(from: draft, dongCode: span.series.dongCode, at: now, by: user)))
            }
        }
        guard !drafts.isEmpty else { return [:] }
        var columns: [String] = []
        var rows: [[(any DatabaseValueConvertible)?]] = []
        rows.reserveCapacity(drafts.count)
        for draft in drafts {
            let values = draft.request.storedValues
            if columns.isEmpty { columns = values.keys.filter { $0 != "id" }.sorted() }
            rows.append(columns.map { values[$0] ?? nil })
        }
        let ids = try await db.insertReturningIDs(into: "escort_request", columns: columns, rows: rows)
        // The links, 300 to a statement (900 values, under either backend's limit on them).
        var linked = Set<Int64>()
        for start in stride(from: 0, to: drafts.count, by: 300) {
            let chunk = start..<min(start + 300, drafts.count)
            let rows = try await db.rows("""
                INSERT INTO series_date (series_id, on_date, request_id) VALUES \(Array(repeating: "(?, ?, ?)", count: chunk.count).joined(separator: ", "))
                ON CONFLICT DO NOTHING RETURNING request_id
                """, chunk.flatMap { index -> [(any DatabaseValueConvertible)?] in
                    [drafts[index].seriesID, drafts[index].day.description, ids[index]]
                })
            for row in rows { linked.insert(row[0] as Int64) }
        }
        // Another process made these dates first: the requests made here for them were never seen.
        try await SQLText.forEachChunk(of: ids.filter { !linked.contains($0) }) { marks, lost in
            try await db.execute("DELETE FROM escort_request WHERE id IN (\(marks))", lost)
        }
        var made: [Int64: [EscortRequest]] = [:]
        for (index, draft) in drafts.enumerated() where linked.contains(ids[index]) {
            var request = draft.request
            request.id = ids[index]
            made[draft.seriesID, default: []].append(request)
        }
        return made
    }
}
