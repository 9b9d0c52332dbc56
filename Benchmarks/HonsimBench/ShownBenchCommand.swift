import ArgumentParser
import Foundation
import HonsimCore
import HonsimStore
import HonsimTUI

/// `honsim-bench shown`: from one coordinator's assign to another coordinator's dashboard
/// showing it, along the dashboard's own path: the change feed's notice, the reload of the
/// three parts side by side, `update` with the requests part and the frame drawn from it.
struct ShownBenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "shown", abstract: "Measure the time from an assign in one process to another dashboard showing it.")

    @Option(help: ArgumentHelp("A store to measure on, a SQLite file or a postgres:// URL (each assign is undone afterwards); a small new SQLite one when not given.", valueName: "path|url"))
    var store: String?
    @Option(help: "Assigns to time.") var writes = 20
    @Flag(help: "Print the results as JSON instead of a table.") var json = false

    static let targetMs = 1_000.0

    func run() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("honsim-shown-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let path: String
        // The writer must be an admin of the store: its creator ("setup", for a store made
        // here), or the OS user who made the store given (a generated one registers it).
        var writerName = OSUser.current
        if let store {
            path = store
        } else {
            writerName = "setup"
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            path = folder.appendingPathComponent("shown.sqlite").path
            let setup = try SQLiteStore(path: path, user: "setup", create: true)
            try await setup.load(FeedBenchCommand.data(requests: writes, calendar: setup.calendar), replacingExisting: false)
        }
        // Two sessions, as two coordinators' dashboards are: on PostgreSQL both log in as the
        // URL's role, each with a pool and a change feed of its own.
        let isPostgres = PostgresURL.isPostgres(path)
        let reader: any CaseStore = isPostgres ? try await PostgresStore.open(try PostgresURL(path)) : try SQLiteStore(path: path, user: "reader")
        let writer: any CaseStore = isPostgres ? try await PostgresStore.open(try PostgresURL(path)) : try SQLiteStore(path: path, user: writerName)
        var state = AppState(width: 200, height: 60, language: .ko, calendar: reader.calendar, now: Date(), storeLabel: path, user: "reader")
        state = update(state, .loaded(try await DashboardLoader.load(reader, now: Date()))).0

        // Pending requests on the reader's screen, each with a volunteer who may take it.
        var targets: [(request: Int64, volunteer: Int64)] = []
        for request in state.visibleRequests where request.status == .pending && targets.count < writes {
            if let best = try await writer.candidates(for: request.id).eligible.first { targets.append((request.id, best.volunteer.id)) }
        }

        let notices = AsyncStream<Void>.makeStream()
        let watch = Task { for await _ in reader.changes() { notices.continuation.yield(()) } }
        defer { watch.cancel() }
        var iterator = notices.stream.makeAsyncIterator()
        try await Task.sleep(for: .milliseconds(300))  // the feed takes its first reading

        var latencies: [Duration] = []
        for target in targets {
            let assigned = try await writer.assign(requestID: target.request, volunteerID: target.volunteer, expectedVersion: nil, override: false)
            let committed = ContinuousClock.now
            // Each notice reloads as the dashboard does (DashboardProgram): the requests part, the
            // volunteers part and the statistics, each read on its own at once. The requests pane
            // is drawn as soon as its part is back, and that frame is the one that shows the
            // assign; the other parts come in after it, before the next write.
            while await iterator.next() != nil {
                let now = Date()
                let period = state.period.period(now: now, calendar: reader.calendar)
                async let roster = DashboardLoader.roster(reader, now: now)
                async let report = reader.statistics(for: period, now: now)
                async let weekly = reader.weeklyRequestCounts(weeks: 12, now: now)
                state = update(state, .requestsLoaded(try await DashboardLoader.requests(reader, now: now))).0
                _ = renderFrame(state, theme: .mono)
                let shown = state.data?.requests.first(where: { $0.id == target.request })?.status == .assigned
                if shown { latencies.append(ContinuousClock.now - committed) }
                state = update(state, .volunteersLoaded(try await roster)).0
                state = update(state, .statisticsLoaded(StatisticsData(report: try await report, weekly: try await weekly))).0
                if shown { break }
            }
            if store != nil {
                try await writer.undo([UndoTarget(requestID: target.request, version: assigned.version)])
                _ = await iterator.next()
                state = update(state, .loaded(try await DashboardLoader.load(reader, now: Date()))).0
            }
            // Writes land at random points of the feed's poll interval, as real ones do.
            try await Task.sleep(for: .milliseconds(Int.random(in: 20...180)))
        }
        let counts = try await reader.counts()
        let summary = Summary(name: "assign shown on another dashboard", targetMs: Self.targetMs,
                              result: "\(latencies.count) assigns, \(counts.volunteers) volunteers, \(counts.requests) requests",
                              durations: latencies)
        let feed = isPostgres ? "the notice comes through LISTEN/NOTIFY at commit" : "the change feed sees the log grow within \(SQLiteStore.walWatchInterval) (and reads the data version every \(SQLiteStore.changePollInterval) in any case)"
        try Measure.report([summary], json: json, note: "(milliseconds from the assign's commit to a frame that shows it: \(feed), then the dashboard reloads; its loop adds at most 50 ms more waiting for a key)")
    }
}
