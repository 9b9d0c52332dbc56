import ArgumentParser
import Foundation
import HonsimCore
import HonsimStore
import HonsimTUI

/// `honsim-bench dashboard`: what a coordinator feels on a city-sized store: the cost of a
/// frame, a keystroke to the next frame, the bytes a frame sends down a slow SSH link, and
/// the memory the dashboard holds.
struct DashboardBenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dashboard",
        abstract: "Measure the dashboard: frame time, keystroke to frame, bytes per frame, peak memory."
    )

    @Option(help: ArgumentHelp("The SQLite file to load the dashboard from.", valueName: "path"))
    var store: String
    @Option(help: "Measured frames, and measured keystrokes, after the warm-ups.") var iterations = 300
    @Option(help: "Unmeasured frames or keystrokes before each measurement.") var warmups = 10
    @Flag(help: "Print the results as JSON instead of a table.") var json = false
    @Flag(help: "Also print, at each memory point, the resident memory of each mapped file (to stderr).") var mappings = false

    /// A frame must leave nearly all of a 16 ms budget to the terminal and the link.
    static let frameTargetMs = 1.0
    /// A key must show its effect within one 60 Hz frame.
    static let keystrokeTargetMs = 16.0
    /// Several dashboards (office, SSH sessions, kiosk) share one small machine, and a city's
    /// dong offices all open theirs at nine.
    static let memoryTargetKB = 56 * 1024
    static let width = 200, height = 60

    /// How many rows of each kind DashboardData keeps in memory: what memory scales with.
    struct HeldRows: Codable {
        var dongs: Int
        var requests: Int
        var households: Int
        var volunteers: Int
        var volunteerSummaries: Int
        var busySpans: Int
        var weeklySeries: Int
    }

    struct MemoryReport: Codable {
        var points: [MemoryPoint]
        /// VmHWM once the state is loaded and frames rendered (the figure the target is for).
        var peakKB: Int
        /// VmHWM after the keystroke runs as well (the target is for it too).
        var peakAfterKeystrokesKB: Int
        var targetKB: Int
        var meetsTarget: Bool { max(peakKB, peakAfterKeystrokesKB) <= targetKB }
    }

    struct Report: Codable {
        var store: String
        var counts: StoreCounts
        var held: HeldRows
        var loadMs: Double
        var statisticsMs: Double
        var frames: [Summary]
        var keystrokes: [KeystrokeSummary]
        var bytes: [FrameBytes]
        var memory: MemoryReport
    }

    func validate() throws {
        guard iterations > 0, warmups >= 0 else { throw ValidationError("iterations must be positive") }
    }

    func run() async throws {
        guard FileManager.default.fileExists(atPath: store) else { throw ValidationError("no store at \(store)") }
        // As `honsim dashboard` does before it loads anything.
        ProcessMemory.limitArenas()
        let log = ProgressLog()
        var memory = [sample("start")]
        let opened = try SQLiteStore(path: store)
        memory.append(sample("store opened"))

        // Loaded as DashboardRunner does on start: the panes' data, then this month's
        // statistics with the 12-week trend, each delivered to `update` as an event.
        log.note("loading the dashboard state")
        let now = Date()
        var started = Measure.clock.now
        let data = try await DashboardLoader.load(opened, now: now)
        let loadMs = Measure.milliseconds(Measure.clock.now - started)
        memory.append(sample("panes loaded"))
        started = Measure.clock.now
        let statistics = try await opened.statistics(for: .thisMonth(now: now, calendar: opened.calendar), now: now)
        let weekly = try await opened.weeklyRequestCounts(weeks: 12, now: now)
        let statisticsMs = Measure.milliseconds(Measure.clock.now - started)
        // As the effect interpreter does once a statistics read is put together.
        ProcessMemory.releaseFreed()
        var state = AppState(width: Self.width, height: Self.height, language: .ko, calendar: opened.calendar, now: now,
                             storeLabel: opened.location, user: opened.user)
        state = update(state, .loaded(data)).0
        state = update(state, .statisticsLoaded(StatisticsData(report: statistics, weekly: weekly))).0
        memory.append(sample("statistics loaded"))
        let held = HeldRows(
            dongs: data.dongs.dongs.count, requests: data.requests.count, households: data.households.count,
            volunteers: data.volunteers.count, volunteerSummaries: data.summaries.count,
            busySpans: data.summaries.values.reduce(0) { $0 + $1.busy.count }, weeklySeries: weekly.count)

        log.note("rendering frames")
        let theme = ThemeLoader.builtInDefault
        let frames = await measureFrames(state, theme: theme)
        memory.append(sample("frames rendered"))
        let peakKB = memory.last?.peakKB ?? 0

        log.note("keystrokes")
        var keystrokes = [DashboardScenarios.keystrokes("update + render", from: state, theme: theme, count: iterations,
                                                        warmups: warmups, terminal: nil)]
        do {
            let path = NSTemporaryDirectory() + "honsim-bench-\(getpid())-keys.out"
            let terminal = try TerminalFile(path: path, width: Self.width, height: Self.height)
            defer { terminal.close() }
            keystrokes.append(DashboardScenarios.keystrokes("update + render + ncurses draw", from: state, theme: theme,
                                                            count: iterations, warmups: warmups, terminal: terminal.ncurses))
        }

        memory.append(sample("keystrokes run"))
        let peakAfterKeystrokesKB = memory.last?.peakKB ?? 0

        log.note("bytes per frame")
        let bytes = try [(Self.width, Self.height), (80, 24)].map { size in
            try DashboardScenarios.frameBytes(width: size.0, height: size.1, state: state, theme: theme)
        }
        memory.append(sample("end"))
        // What is live, not what malloc kept after the load's temporaries were freed; then
        // what one more DashboardData, and one more volunteer list, hold.
        MemoryPoint.trimMalloc()
        memory.append(sample("after malloc_trim"))
        let again = try await DashboardLoader.load(opened, now: now)
        MemoryPoint.trimMalloc()
        memory.append(sample("+ a 2nd DashboardData"))
        // The store caches its volunteer list and DashboardData shares it, so a second list
        // needs a second store (with its own SQLite connections and page cache).
        let second = try SQLiteStore(path: store)
        let volunteersAgain = try await second.volunteers()
        MemoryPoint.trimMalloc()
        memory.append(sample("+ 2nd store volunteers"))
        withExtendedLifetime((again, second, volunteersAgain)) {}
        log.note("done")

        let report = Report(store: store, counts: try await opened.counts(), held: held, loadMs: loadMs, statisticsMs: statisticsMs, frames: frames,
                            keystrokes: keystrokes, bytes: bytes,
                            memory: MemoryReport(points: memory, peakKB: peakKB, peakAfterKeystrokesKB: peakAfterKeystrokesKB,
                                                                 targetKB: Self.memoryTargetKB))
        print(json ? try Self.json(report) : Self.text(report), terminator: "")
    }

    /// The memory now; with `--mappings`, what each mapped file holds of it too.
    private func sample(_ label: String) -> MemoryPoint {
        let point = MemoryPoint.sample(label)
        if mappings {
            let top = MemoryPoint.byMapping().prefix(12).map { "\($0.name) \(String(format: "%.1f", Double($0.kB) / 1024))" }
            FileHandle.standardError.write(Data("memory at \(label) (MB): \(top.joined(separator: ", "))\n".utf8))
        }
        return point
    }

    /// The full frame at 200x60 and 80x24. The panes' lists are worked out when the data, a
    /// filter, a sort or the scope changes, not per frame, so a frame is drawing alone.
    private func measureFrames(_ state: AppState, theme: Theme) async -> [Summary] {
        let target = Self.frameTargetMs
        var small = state
        small.width = 80
        small.height = 24
        var results = [
            await Measure.run("full frame \(Self.width)x\(Self.height) (ko)", targetMs: target, warmups: warmups,
                              iterations: iterations, describe: Self.describe) { _ in renderFrame(state, theme: theme) },
        ]
        results.append(await Measure.run("full frame 80x24 (ko, tabs)", targetMs: target, warmups: warmups,
                                         iterations: iterations, describe: Self.describe) { _ in renderFrame(small, theme: theme) })
        return results
    }

    /// Wide cells in the frame, so a frame without Korean content shows up.
    private static func describe(_ canvas: Canvas) -> String {
        "\(canvas.cells.filter(\.isContinuation).count) wide cells"
    }

    private static func text(_ report: Report) -> String {
        let c = report.counts, h = report.held
        func ms(_ value: Double) -> String { String(format: "%8.2f", value) }
        func mb(_ kb: Int) -> String { String(format: "%7.1f MB", Double(kb) / 1024) }
        var out = """
            store: \(report.store)
            rows:  dongs \(c.dongs), households \(c.households), volunteers \(c.volunteers), requests \(c.requests) (pending \(c.pending))
            held:  requests \(h.requests), households \(h.households), volunteers \(h.volunteers), summaries \(h.volunteerSummaries) \
            (busy spans \(h.busySpans)), dongs \(h.dongs), weekly series \(h.weeklySeries)
            load:  DashboardLoader.load \(String(format: "%.0f", report.loadMs)) ms, statistics + weeklyRequestCounts \(String(format: "%.0f", report.statisticsMs)) ms

            1. Frame render (renderFrame into a Canvas)
            """ + "\n" + Measure.table(report.frames)
        out += "\n2. Keystroke to frame (\(report.keystrokes.first?.keys ?? 0) keys; target p99 < \(Int(keystrokeTargetMs)) ms)\n"
        out += "   run                                   p50      p99      max  verdict  slowest key  (update alone: p50, p99)\n"
        for k in report.keystrokes {
            out += "   " + k.name.padding(toLength: 32, withPad: " ", startingAt: 0) + ms(k.p50Ms) + " " + ms(k.p99Ms) + " "
                + ms(k.maxMs) + (k.meetsTarget ? "  ok       " : "  MISS     ") + k.slowestKey.padding(toLength: 13, withPad: " ", startingAt: 0)
                + String(format: "(%.2f, %.2f)", k.updateP50Ms, k.updateP99Ms) + "\n"
        }
        for k in report.keystrokes {
            out += "   per key, \(k.name) (median/max): "
                + k.byKey.map { "\($0.key) \(String(format: "%.2f/%.2f", $0.medianMs, $0.maxMs))" }.joined(separator: ", ") + "\n"
        }
        out += "\n3. Bytes written by ncurses (xterm-256color)\n"
        out += "   size     first frame   ↓ (rows/cells changed)   nothing changed   full redraw\n"
        for b in report.bytes {
            out += "   " + b.size.padding(toLength: 8, withPad: " ", startingAt: 0) + String(format: "%12d", b.firstFrame)
                + String(format: "%10d", b.selectionDown) + " (\(b.rowsChanged)/\(b.cellsChanged))".padding(toLength: 15, withPad: " ", startingAt: 0)
                + String(format: "%18d", b.unchanged) + String(format: "%14d", b.fullRedraw) + "\n"
        }
        let m = report.memory
        out += "\n4. Memory (target: peak < \(m.targetKB / 1024) MB once loaded and rendered)\n"
        out += "   point                       RSS   peak (VmHWM)     anonymous    file-backed   shared mem    of it SQLite\n"
        for p in m.points {
            out += "   " + p.label.padding(toLength: 22, withPad: " ", startingAt: 0) + [p.rssKB, p.peakKB, p.anonKB, p.fileKB, p.shmemKB, p.sqliteKB]
                .map { "  " + mb($0) }.joined() + "\n"
        }
        out += "   peak after loading and rendering: \(mb(m.peakKB).trimmingCharacters(in: .whitespaces)), after the keystrokes: "
            + "\(mb(m.peakAfterKeystrokesKB).trimmingCharacters(in: .whitespaces)) — \(m.meetsTarget ? "ok" : "MISS")\n"
        return out
    }

    private static func json(_ report: Report) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(report), as: UTF8.self) + "\n"
    }
}
