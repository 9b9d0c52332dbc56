import ArgumentParser
import Foundation
import HonsimCore
import HonsimStore

/// `honsim-bench generate`: a city-sized synthetic store, loaded through the public
/// `SQLiteStore.load` in one transaction, exactly as an import would be.
struct GenerateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "Write a large synthetic store (deterministic for a seed and --now)."
    )

    @Option(help: ArgumentHelp("The SQLite file to create.", valueName: "path"))
    var store: String

    @Option var dongs = 500
    @Option var households = 200_000
    @Option var volunteers = 20_000
    @Option var requests = 2_000_000
    @Option(help: "Seed of the random generator.") var seed: UInt64 = 1

    @Option(help: ArgumentHelp(
        "The generated world's present, ISO 8601 (2026-03-02T10:00:00+09:00); default: this hour.",
        valueName: "time"))
    var now: String?

    @Flag(help: "Delete an existing file at --store first.")
    var overwrite = false

    func validate() throws {
        guard dongs > 0, households > 0, volunteers > 0, requests >= 0 else {
            throw ValidationError("sizes must be positive")
        }
    }

    func run() async throws {
        let log = ProgressLog()
        let anchor = try presentTime()
        try prepareFile()
        let target = try SQLiteStore(path: store, create: true)
        let spec = GenerateSpec(dongs: dongs, households: households, volunteers: volunteers, requests: requests,
                                seed: seed, now: anchor)
        let stamp = ISO8601DateFormatter()
        stamp.timeZone = target.calendar.timeZone
        log.note("generating for now = \(stamp.string(from: anchor)), seed \(seed), into \(store)")

        var rng = SplitMix64(seed: seed)
        let population = Population.make(spec, calendar: target.calendar, rng: &rng)
        log.note("\(population.dongs.count) dongs in \(population.volunteersByGu.count) gus, "
            + "\(population.households.count) households, \(population.volunteers.count) volunteers")

        var generator = RequestGenerator(population: population, spec: spec, calendar: target.calendar)
        let generated = generator.generate(rng: &rng) { count in log.note("  \(count) requests") }
        let counts = RequestStatus.allCases.map { "\($0.rawValue) \(generator.statusCounts[$0] ?? 0)" }.joined(separator: ", ")
        log.note("\(generated.count) requests: \(counts)")
        if generator.demotedToPending > 0 {
            log.note("  \(generator.demotedToPending) future requests found no free volunteer and stay pending")
        }
        let generatedAt = log.elapsed

        var data = StoreData(dongs: population.dongs, households: population.households,
                             volunteers: population.volunteers, requests: generated)
        (data.attempts, data.bookings, data.messages) = DayBeforeGenerator.make(generated, now: anchor, calendar: target.calendar)
        log.note("the day before of the next \(DayBeforeGenerator.daysAhead) days: \(data.attempts.count) calls, "
            + "\(data.bookings.count) vehicle bookings, \(data.messages.count) reminders")
        log.note("loading through SQLiteStore.load (one transaction)…")
        let loadStarted = ContinuousClock.now
        try await target.load(data, replacingExisting: false)
        let loadTime = ContinuousClock.now - loadStarted
        let rows = Double(generated.count) / max(0.001, Measure.milliseconds(loadTime) / 1_000)
        log.note(String(format: "loaded in %.1f s (%.0f requests/s)", Measure.milliseconds(loadTime) / 1_000, rows))

        let size = FileSizes.bytes(store)
        let wal = FileSizes.bytes(store + "-wal")
        log.note(String(format: "done: generation %.1f s, load %.1f s, total %.1f s; ",
                        Measure.milliseconds(generatedAt) / 1_000, Measure.milliseconds(loadTime) / 1_000,
                        Measure.milliseconds(log.elapsed) / 1_000)
            + "file \(FileSizes.human(size)) (+ WAL \(FileSizes.human(wal)))")
    }

    /// The given --now, or the start of the current hour: runs within the same hour agree.
    private func presentTime() throws -> Date {
        if let now {
            let parser = ISO8601DateFormatter()
            guard let date = parser.date(from: now) else {
                throw ValidationError("--now must be ISO 8601 with a zone, like 2026-03-02T10:00:00+09:00")
            }
            return date
        }
        let seconds = Date().timeIntervalSince1970
        return Date(timeIntervalSince1970: seconds - seconds.truncatingRemainder(dividingBy: 3_600))
    }

    /// Refuses to build on top of an existing file unless told to replace it: loading
    /// with replacingExisting would first delete millions of rows, which is not what is measured.
    private func prepareFile() throws {
        let files = FileManager.default
        let folder = URL(fileURLWithPath: store).deletingLastPathComponent().path
        try files.createDirectory(atPath: folder, withIntermediateDirectories: true)
        guard files.fileExists(atPath: store) else { return }
        guard overwrite else { throw ValidationError("\(store) exists; pass --overwrite to replace it") }
        for suffix in ["", "-wal", "-shm"] where files.fileExists(atPath: store + suffix) {
            try files.removeItem(atPath: store + suffix)
        }
    }
}
