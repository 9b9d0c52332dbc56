import ArgumentParser
import Foundation
import HonsimCore
import HonsimStore

/// `honsim-bench run`: times the queries behind the dashboard's panes against a store.
struct RunCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Measure the pane queries: pending queue, free volunteers, statistics (by dong and by category), candidates, the call list of a day."
    )

    @Option(help: ArgumentHelp("The store to measure: a SQLite file, or a postgres:// URL (the same queries, side by side).", valueName: "path|url"))
    var store: String

    @Option(help: "Measured iterations per query, after the warm-ups.") var iterations = 50
    @Option(help: "Unmeasured runs before each query's iterations.") var warmups = 3
    @Option(help: "Cold candidate calls, each on a newly opened store (no volunteer cache).") var coldRuns = 5
    @Flag(help: "Print the results as JSON instead of a table.") var json = false
    @Option(help: ArgumentHelp("Measure only these queries, e.g. for a profiler.", valueName: "cold,pending,free,statistics,categories,candidates,calls"))
    var only: String?
    @Flag(help: """
        Also time the first ranking after another process's commit (the kept minutes read again). \
        Each sample assigns and releases a pending request through a second connection: this changes the store.
        """)
    var afterCommits = false

    private func wanted(_ query: String) -> Bool {
        guard let only else { return true }
        return only.split(separator: ",").contains { $0.trimmingCharacters(in: .whitespaces) == query }
    }

    /// Targets on this machine: a pane must refresh well inside one frame of a slow link.
    static let queryTargetMs = 20.0
    static let rankingTargetMs = 10.0

    struct Report: Codable {
        var store: String
        var fileBytes: Int64
        var walBytes: Int64
        var counts: StoreCounts
        var results: [Summary]
    }

    func validate() throws {
        guard iterations > 0, warmups >= 0, coldRuns > 0 else { throw ValidationError("iterations and cold runs must be positive") }
    }

    func run() async throws {
        let isPostgres = PostgresURL.isPostgres(store)
        guard isPostgres || FileManager.default.fileExists(atPath: store) else { throw ValidationError("no store at \(store)") }
        let log = ProgressLog()
        let opened = try await open()
        // As `honsim` opens a store it may write to: what the store keeps (the figures, the
        // ranking pool) is made first if an upgrade or a change outside honsim left it behind.
        try await opened.bringKeptFiguresUpToDate()
        let counts = try await opened.counts()
        // Every pending request, to spread the candidate calls over the whole queue.
        let pending = try await opened.pendingRequests(limit: 10_000_000).map(\.id)
        guard !pending.isEmpty else { throw ValidationError("the store has no pending request to rank candidates for") }
        log.note("\(counts.requests) requests, \(pending.count) pending; measuring \(iterations) iterations after \(warmups) warm-ups")

        var results: [Summary] = []
        if wanted("cold") { results += try await coldCandidates(pending: pending) }
        if wanted("pending") {
            results.append(try await measure("pending queue (limit 200)", describe: { "\($0.count) rows" }) { _ in
                try await opened.pendingRequests(limit: 200)
            })
        }
        if wanted("free") {
            let windows = nextWeekWindows(calendar: opened.calendar)
            results.append(try await measure("free volunteers, weekday 10-13", describe: { "\($0.count) volunteers" }) { index in
                try await opened.freeVolunteers(in: windows[index % windows.count])
            })
        }
        if wanted("statistics") { results += try await measureStatistics(opened) }
        if wanted("categories") {
            // The statistics pane by eligibility category: one grouped read joined to the households' categories.
            let today = CivilDate(Date(), calendar: opened.calendar)
            let month = StatisticsPeriod.month(year: today.year, month: today.month)
            results.append(try await measure("statistics by category, month \(month.label)",
                                             describe: { "\($0.total.requests) requests, \($0.total.households) households" }) { _ in
                try await opened.categoryStatistics(for: month, dongCodes: nil)
            })
        }
        if wanted("candidates") {
            // Spread over the whole queue: near and far appointments, every kind of household.
            let step = max(1, pending.count / (warmups + iterations))
            results.append(try await measure("candidates (warm cache)", targetMs: Self.rankingTargetMs, describe: Self.describe) { index in
                try await opened.candidates(for: pending[(index * step) % pending.count])
            })
        }
        if wanted("calls") { results += try await measureCallList(opened) }
        if afterCommits { results.append(try await candidatesAfterCommits(opened, pending: pending)) }
        log.note("done")

        let report = Report(store: store, fileBytes: FileSizes.bytes(store), walBytes: FileSizes.bytes(store + "-wal"),
                            counts: counts, results: results)
        print(json ? try Self.json(report) : Self.text(report), terminator: "")
    }

    func measure<T>(_ name: String, targetMs: Double = RunCommand.queryTargetMs, describe: (T) -> String,
                            _ body: (Int) async throws -> T) async throws -> Summary {
        try await Measure.run(name, targetMs: targetMs, warmups: warmups, iterations: iterations, describe: describe, body)
    }

    /// The ranking a coordinator sees right after another's assignment: a second connection
    /// assigns a pending request and releases it again (two commits), then one ranking is timed.
    /// On PostgreSQL the second connection is a second store of the same person.
    private func candidatesAfterCommits(_ opened: any CaseStore, pending: [Int64]) async throws -> Summary {
        let writer: any CaseStore = PostgresURL.isPostgres(store) ? try await open() : try SQLiteStore(path: store, user: "bench")
        let step = max(1, pending.count / (iterations + 1))
        var durations: [Duration] = []
        var last: Ranking?
        for index in 0..<iterations {
            let changed = pending[(index * step + step / 2) % pending.count]
            if let volunteer = try await opened.candidates(for: changed).eligible.first {
                try await writer.assign(requestID: changed, volunteerID: volunteer.id, expectedVersion: nil, override: false)
                try await writer.perform(.release, requestID: changed, details: ActionDetails(reason: "benchmark"), expectedVersion: nil)
            }
            let started = Measure.clock.now
            last = try await opened.candidates(for: pending[(index * step) % pending.count])
            durations.append(Measure.clock.now - started)
        }
        return Summary(name: "candidates (after a commit)", targetMs: Self.rankingTargetMs,
                       result: last.map(Self.describe) ?? "", durations: durations)
    }

    /// The first ranking on a newly opened store, two ways, each sample on a store of its own:
    /// as `honsim candidates` meets it (nothing read yet: the ranking's columns of every
    /// volunteer, the records of those it shows), and as a dashboard does (its volunteers pane
    /// has read the list, which is not timed). The targets: 30 ms on SQLite, 60 on PostgreSQL.
    private func coldCandidates(pending: [Int64]) async throws -> [Summary] {
        let target = PostgresURL.isPostgres(store) ? 60.0 : 30.0
        var summaries: [Summary] = []
        for listRead in [false, true] {
            var durations: [Duration] = []
            var last: Ranking?
            for run in 0..<coldRuns {
                let fresh = try await open()
                if listRead { _ = try await fresh.volunteers() }
                let id = pending[(run * 7_919) % pending.count]
                let started = Measure.clock.now
                last = try await fresh.candidates(for: id)
                durations.append(Measure.clock.now - started)
            }
            summaries.append(Summary(name: listRead ? "candidates (first, list read)" : "candidates (first: new store)", targetMs: target,
                                     result: last.map(Self.describe) ?? "", durations: durations))
        }
        return summaries
    }

    private func open() async throws -> any CaseStore {
        if PostgresURL.isPostgres(store) { return try await PostgresStore.open(try PostgresURL(store)) }
        return try SQLiteStore(path: store)
    }

    private static func describe(_ ranking: Ranking) -> String {
        "\(ranking.eligible.count) of \(ranking.eligibleCount) eligible listed, \(ranking.excluded.count) excluded"
    }

    /// 10:00–13:00 on each weekday of next week, worked out once so the calendar's cost
    /// stays out of the timings.
    private func nextWeekWindows(calendar: Calendar) -> [TimeSpan] {
        let today = CivilDate(Date(), calendar: calendar)
        let weekday = Weekday(today.start(in: calendar), calendar: calendar)
        let monday = today.adding(days: 8 - weekday.rawValue, calendar: calendar)
        return (0..<5).map { offset in
            let start = monday.adding(days: offset, calendar: calendar).start(in: calendar)
            let from = calendar.date(byAdding: .hour, value: 10, to: start) ?? start
            return TimeSpan(start: from, minutes: 180)
        }
    }

    private static func text(_ report: Report) -> String {
        let c = report.counts
        return """
            store: \(report.store)  \(FileSizes.human(report.fileBytes)) (+ WAL \(FileSizes.human(report.walBytes)))
            rows:  dongs \(c.dongs), households \(c.households), volunteers \(c.volunteers), requests \(c.requests) \
            (pending \(c.pending)), assignments \(c.assignments), audit \(c.auditEntries)

            """ + Measure.table(report.results)
    }

    private static func json(_ report: Report) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(report), as: UTF8.self) + "\n"
    }
}
