import ArgumentParser
import Foundation
import HonsimCore
import HonsimStore
import HonsimTUI

/// `honsim-bench kiosk-soak`: the kiosk for ten minutes of simulated time while another
/// connection changes the store every second, as a busy office would: does its memory stay
/// put? The kiosk runs as `honsim kiosk` does (its runner, a read-only store, the change
/// feed), on a memory terminal, its clock stepped a second at a time so ten minutes take
/// seconds. Each simulated second: one write (an assignment, or its release), the notice the
/// feed would bring, the read, and the frame.
struct KioskSoakCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kiosk-soak", abstract: "Run the kiosk for simulated minutes with a change every second; report memory at start and end.")

    @Option(help: "Simulated minutes.") var minutes = 10
    @Option(help: "Seconds each view stays, as `honsim kiosk --rotate`.") var rotate = 15
    @Option(help: "Terminal width.") var width = 160
    @Option(help: "Terminal height.") var height = 48
    @Option(help: ArgumentHelp("Folder of the demo CSV files (default: seeds/ of the package).", valueName: "folder")) var seeds: String?
    @Flag(help: "Print the results as JSON instead of a table.") var json = false

    struct Report: Codable {
        var simulatedSeconds: Int
        var size: String
        var requests: Int
        var writes: Int
        var refusedWrites: Int
        var loads: Int
        var frames: Int
        var changeToFrame: Summary
        var memory: [MemoryPoint]
        var growthKB: Int
    }

    func validate() throws {
        guard minutes > 0, rotate >= 3, width >= 80, height >= 24 else {
            throw ValidationError("minutes must be positive, rotate at least 3, and the size at least 80x24")
        }
    }

    func run() async throws {
        ProcessMemory.limitArenas()
        let log = ProgressLog()
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("honsim-soak-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("soak.sqlite").path

        log.note("seeding the demo store")
        let writer = try SQLiteStore(path: path, create: true)
        guard let seedFolder = seeds ?? PackageFolder.find("seeds") else { throw ValidationError("no seeds folder; give it with --seeds") }
        var reader = SeedReader(folder: seedFolder, calendar: writer.calendar)
        try await writer.load(reader.read(), replacingExisting: false)
        let pairs = try await Self.churn(writer, now: Date())
        guard !pairs.isEmpty else { throw ValidationError("no pending request with a free volunteer to churn") }
        log.note("\(pairs.count) requests to assign and release in turn")

        var now = Date()
        let terminal = MemoryTerminal(width: width, height: height)
        let runner = KioskRunner(
            connection: KioskConnection(open: { try SQLiteStore(path: path, readOnly: true) },
                                        isCurrent: { ($0 as? SQLiteStore)?.isStillAtItsPath ?? true }),
            terminal: terminal, theme: ThemeLoader.builtIn(named: "kiosk") ?? .mono,
            state: KioskState(width: width, height: height, language: .ko, calendar: writer.calendar, now: now,
                              rotateSeconds: TimeInterval(rotate)))
        defer { runner.stop() }
        runner.start(now: now)
        await runner.settle()

        var assigned = Set<Int64>()
        var writes = 0, refused = 0, loads = 0
        var latencies: [Duration] = []
        var memory: [MemoryPoint] = []
        let total = minutes * 60
        // One turn of the rotation first, unmeasured, so every view has been drawn once.
        let warmup = rotate * 3 + 1
        for second in 0..<(warmup + total) {
            if second == warmup { memory.append(.sample("start")) }
            now = now.addingTimeInterval(1)
            let pair = pairs[second % pairs.count]
            do {
                if assigned.contains(pair.request) {
                    try await writer.perform(.release, requestID: pair.request, details: ActionDetails(reason: "soak"), expectedVersion: nil)
                    assigned.remove(pair.request)
                } else {
                    try await writer.assign(requestID: pair.request, volunteerID: pair.volunteer, expectedVersion: nil, override: false)
                    assigned.insert(pair.request)
                }
                writes += 1
            } catch {
                refused += 1
            }
            let started = Measure.clock.now
            runner.post(.storeChanged)
            runner.step(now: now, waitMilliseconds: 0)
            await runner.settle()
            runner.step(now: now.addingTimeInterval(0.5), waitMilliseconds: 0)
            loads += 1
            if second >= warmup {
                latencies.append(Measure.clock.now - started)
                let elapsed = second - warmup + 1
                if elapsed % 60 == 0 {
                    memory.append(.sample(elapsed == total ? "end" : "minute \(elapsed / 60)"))
                    log.note("simulated minute \(elapsed / 60): RSS \(memory.last?.rssKB ?? 0) KB")
                }
            }
        }
        let counts = try await writer.counts()
        let report = Report(
            simulatedSeconds: total, size: "\(width)x\(height)", requests: counts.requests, writes: writes, refusedWrites: refused,
            loads: loads, frames: runner.framesDrawn,
            changeToFrame: Summary(name: "change to frame (read + draw)", targetMs: 1_000, result: "\(latencies.count) changes",
                                   durations: latencies),
            memory: memory, growthKB: (memory.last?.rssKB ?? 0) - (memory.first?.rssKB ?? 0))
        print(json ? try Self.json(report) : Self.text(report), terminator: "")
    }

    /// Pending requests from today on, each with a volunteer who can go, no volunteer twice:
    /// assigning and releasing them in turn never clashes.
    static func churn(_ store: SQLiteStore, now: Date) async throws -> [(request: Int64, volunteer: Int64)] {
        let today = CivilDate(now, calendar: store.calendar).start(in: store.calendar)
        let pending = try await store.requests(in: TimeSpan(start: today, minutes: 3 * 24 * 60)).filter { $0.status == .pending }
        var used = Set<Int64>()
        var pairs: [(Int64, Int64)] = []
        for request in pending.prefix(40) {
            let ranking = try await store.candidates(for: request.id)
            if let candidate = ranking.eligible.first(where: { !used.contains($0.volunteer.id) }) {
                used.insert(candidate.volunteer.id)
                pairs.append((request.id, candidate.volunteer.id))
            }
            if pairs.count == 12 { break }
        }
        return pairs
    }

    static func text(_ report: Report) -> String {
        func mb(_ kb: Int) -> String { String(format: "%6.1f MB", Double(kb) / 1024) }
        var out = """
            kiosk soak: \(report.simulatedSeconds / 60) simulated minutes at \(report.size), \(report.requests) requests in the store
            writes \(report.writes) (refused \(report.refusedWrites)), reads \(report.loads), frames \(report.frames)

            """ + Measure.table([report.changeToFrame])
        out += "\nmemory              RSS    peak (VmHWM)\n"
        for point in report.memory {
            out += "  " + point.label.padding(toLength: 12, withPad: " ", startingAt: 0) + "  " + mb(point.rssKB) + "  " + mb(point.peakKB) + "\n"
        }
        out += String(format: "growth from start to end: %+.1f MB\n", Double(report.growthKB) / 1024)
        return out
    }

    static func json(_ report: Report) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        return String(decoding: try encoder.encode(report), as: UTF8.self) + "\n"
    }
}
