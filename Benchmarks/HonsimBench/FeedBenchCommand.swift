import ArgumentParser
import Foundation
import HonsimCore
import HonsimStore

/// How soon a process learns of another's write: the change feed's latency on SQLite.
/// The writer is a second connection (a second `SQLiteStore` on the same file); PRAGMA
/// data_version, which the feed polls, moves for any other connection's commit, whichever
/// process it is in, so this is the latency another process sees.
struct FeedBenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "feed", abstract: "Measure the change feed: time from another connection's commit to the notice.")

    @Option(help: "Writes to time.") var writes = 40
    @Flag(help: "Print the results as JSON instead of a table.") var json = false
    @Option(help: ArgumentHelp("An empty PostgreSQL database to measure LISTEN/NOTIFY on instead (its role must be able to create roles).",
                               valueName: "postgres://…")) var store: String?

    func run() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("honsim-feed-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("feed.sqlite").path
        let reader: any CaseStore, writer: any CaseStore
        if let store {
            let url = try PostgresURL(store)
            reader = try await PostgresStore.open(url, create: true, timeZone: SQLiteStore.defaultTimeZone)
            var other = url
            other.user = "writer"
            try await prepare(reader)
            writer = try await PostgresStore.open(other)
        } else {
            reader = try SQLiteStore(path: path, user: "reader", create: true)
            try await prepare(reader)
            writer = try SQLiteStore(path: path, user: "writer")
        }

        let notices = AsyncStream<ContinuousClock.Instant>.makeStream()
        let watch = Task {
            for await _ in reader.changes() { notices.continuation.yield(ContinuousClock.now) }
        }
        defer { watch.cancel() }
        var iterator = notices.stream.makeAsyncIterator()
        try await Task.sleep(for: .milliseconds(300))  // the feed takes its first reading
        var latencies: [Duration] = []
        for request in 1...Int64(writes) {
            try await writer.assign(requestID: request, volunteerID: request, expectedVersion: nil, override: false)
            let committed = ContinuousClock.now
            guard let seen = await iterator.next() else { break }
            latencies.append(seen - committed)
            // Writes land at random points of the poll interval, as real ones do.
            try await Task.sleep(for: .milliseconds(Int.random(in: 20...180)))
        }
        let summary = Summary(name: "change feed latency", targetMs: 250, result: "\(latencies.count) writes", durations: latencies)
        try Measure.report([summary], json: json, note: store == nil
            ? "(milliseconds from the writer's commit to the reader's notice; the feed polls every \(SQLiteStore.changePollInterval))"
            : "(milliseconds from the writer's commit to the reader's notice, through LISTEN/NOTIFY)")
    }

    /// The requests, and the writer as another person: the creator is the store's admin.
    private func prepare(_ reader: any CaseStore) async throws {
        try await reader.load(Self.data(requests: writes, calendar: reader.calendar), replacingExisting: false)
        try await reader.addUser(name: "writer", role: .coordinator, dongs: ["석수2동"], displayName: "")
    }

    /// One dong, one volunteer per request (free all week), one pending request each, on
    /// separate days so that no assignment can clash.
    static func data(requests: Int, calendar: Calendar) -> StoreData {
        let dong = Dong(code: "41171-11", name: "석수2동", gu: "만안구")
        let allWeek = WeeklyAvailability(Weekday.allCases.map {
            AvailabilityWindow(weekday: $0, start: ClockTime(minutes: 0), end: ClockTime(minutes: 24 * 60))
        })
        let household = Household(id: 1, dongCode: dong.code, name: "김순자", birthYear: 1942, gender: .female)
        let start = CivilDate(Date(), calendar: calendar).adding(days: 1, calendar: calendar).start(in: calendar)
        let volunteers = (1...requests).map {
            Volunteer(id: Int64($0), dongCode: dong.code, name: "봉사자\($0)", gender: .female, weeklyCapMinutes: 40 * 60, availability: allWeek)
        }
        let pending = (1...requests).map { index in
            let pickup = start.addingTimeInterval(TimeInterval(index * 86_400 + 10 * 3600))
            return EscortRequest(id: Int64(index), householdID: 1, dongCode: dong.code, hospital: "한림대학교성심병원",
                                 appointmentAt: pickup.addingTimeInterval(3600), pickupAt: pickup, createdAt: Date(), updatedBy: "bench")
        }
        return StoreData(dongs: [dong], households: [household], volunteers: volunteers, requests: pending)
    }
}
