import Foundation
import HonsimTUI

/// A key of the benchmark's script, with the label the report groups timings by.
struct ScriptKey {
    var label: String
    var key: Key
}

/// The keystroke-to-frame measurement of one run over the script.
struct KeystrokeSummary: Codable, Sendable {
    var name: String
    var keys: Int
    var p50Ms: Double
    var p99Ms: Double
    var maxMs: Double
    var targetMs: Double
    /// The key whose frame took longest, so a miss points at its cause.
    var slowestKey: String
    /// Median and max per key label, slowest median first.
    var byKey: [KeyTiming]
    /// `update` alone, to tell the state transition from the drawing.
    var updateP50Ms: Double
    var updateP99Ms: Double

    var meetsTarget: Bool { p99Ms <= targetMs }
}

struct KeyTiming: Codable, Sendable {
    var key: String
    var count: Int
    var medianMs: Double
    var maxMs: Double
}

/// What one frame costs on the wire at one terminal size.
struct FrameBytes: Codable, Sendable {
    var size: String
    /// The first frame: terminal set-up strings, clear and every cell.
    var firstFrame: Int64
    /// After ↓: the selection moves one row, so two rows repaint (the old and the new).
    var selectionDown: Int64
    var rowsChanged: Int
    var cellsChanged: Int
    /// The same frame again: ncurses must send nothing.
    var unchanged: Int64
    /// `invalidate()` then draw: what a resize or a redraw request costs.
    var fullRedraw: Int64
}

enum DashboardScenarios {
    /// A coordinator's session: move in the requests pane, filter by a hospital typed in Hangul
    /// one syllable at a time (as get_wch delivers composed syllables), sort, then the same in
    /// the volunteers pane (20,000 rows on the large store) and the statistics pane.
    static let round: [ScriptKey] = {
        func keys(_ labels: [String]) -> [ScriptKey] {
            labels.map { label in
                switch label {
                case "↓": ScriptKey(label: label, key: .down)
                case "PgDn": ScriptKey(label: label, key: .pageDown)
                case "Tab": ScriptKey(label: label, key: .tab)
                case "Enter": ScriptKey(label: label, key: .enter)
                case "Esc": ScriptKey(label: label, key: .escape)
                default: ScriptKey(label: label.count == 1 && !label.allSatisfy(\.isASCII) ? "한글" : label,
                                   key: .character(Character(label)))
                }
            }
        }
        return keys(["↓", "↓", "↓", "PgDn", "↓", "s", "/", "안", "양", "샘", "Enter", "↓", "Esc", "Tab",
                     "↓", "↓", "PgDn", "s", "/", "김", "Enter", "↓", "Esc", "Tab",
                     "↓", "]", "s", "↓", "Tab"])
    }()

    /// Times update + render (+ draw and flush when a terminal is given) for `count` keys of
    /// the script, cycled. The `.loadStatistics` effect of `]` is not performed: the runner
    /// runs it in the background and draws the frame before its result comes back.
    static func keystrokes(_ name: String, from start: AppState, theme: Theme, count: Int, warmups: Int,
                           terminal: NcursesTerminal?) -> KeystrokeSummary {
        var state = start
        terminal?.draw(renderFrame(state, theme: theme))
        var samples: [(label: String, ms: Double)] = []
        var updates: [Double] = []
        samples.reserveCapacity(count)
        for index in 0..<(warmups + count) {
            let step = round[index % round.count]
            let started = Measure.clock.now
            state = update(state, .key(step.key)).0
            let updated = Measure.clock.now
            let canvas = renderFrame(state, theme: theme)
            if let terminal {
                terminal.draw(canvas)
                terminal.flushOutput()
            }
            let ms = Measure.milliseconds(Measure.clock.now - started)
            if index >= warmups {
                samples.append((step.label, ms))
                updates.append(Measure.milliseconds(updated - started))
            }
        }
        updates.sort()
        let sorted = samples.map(\.ms).sorted()
        let byKey = Dictionary(grouping: samples, by: \.label).map { label, group in
            let values = group.map(\.ms).sorted()
            return KeyTiming(key: label, count: values.count, medianMs: Measure.percentile(values, 0.5), maxMs: values.last ?? 0)
        }.sorted { $0.medianMs > $1.medianMs }
        return KeystrokeSummary(
            name: name, keys: sorted.count, p50Ms: Measure.percentile(sorted, 0.5), p99Ms: Measure.percentile(sorted, 0.99),
            maxMs: sorted.last ?? 0, targetMs: DashboardBenchCommand.keystrokeTargetMs,
            slowestKey: samples.max { $0.ms < $1.ms }?.label ?? "", byKey: byKey,
            updateP50Ms: Measure.percentile(updates, 0.5), updateP99Ms: Measure.percentile(updates, 0.99))
    }

    /// Bytes ncurses writes for a first frame, a one-row change, no change and a full redraw,
    /// at the given size (the state is resized to it).
    static func frameBytes(width: Int, height: Int, state start: AppState, theme: Theme) throws -> FrameBytes {
        let path = NSTemporaryDirectory() + "honsim-bench-\(getpid())-\(width)x\(height).out"
        let terminal = try TerminalFile(path: path, width: width, height: height)
        defer { terminal.close() }
        let ncurses = terminal.ncurses
        let written = { () -> Int64 in ncurses.flushOutput(); return FileSizes.bytes(path) }

        var state = update(start, .resize(width: width, height: height)).0
        let first = renderFrame(state, theme: theme)
        ncurses.draw(first)
        let afterFirst = written()

        state = update(state, .key(.down)).0
        let moved = renderFrame(state, theme: theme)
        ncurses.draw(moved)
        let afterDown = written()

        ncurses.draw(moved)
        let afterSame = written()

        ncurses.invalidate()
        ncurses.draw(moved)
        let afterFull = written()

        let (rows, cells) = difference(first, moved)
        return FrameBytes(size: "\(width)x\(height)", firstFrame: afterFirst, selectionDown: afterDown - afterFirst,
                          rowsChanged: rows, cellsChanged: cells, unchanged: afterSame - afterDown, fullRedraw: afterFull - afterSame)
    }

    /// Rows and cells that differ between two frames of one size.
    static func difference(_ a: Canvas, _ b: Canvas) -> (rows: Int, cells: Int) {
        var rows = 0, cells = 0
        for y in 0..<min(a.height, b.height) {
            let changed = (0..<min(a.width, b.width)).reduce(0) { $0 + (a[$1, y] == b[$1, y] ? 0 : 1) }
            cells += changed
            rows += changed > 0 ? 1 : 0
        }
        return (rows, cells)
    }
}

/// An NcursesTerminal of a given size whose output goes to a file, so bytes can be counted.
/// ncurses takes the size from LINES and COLUMNS when the output is not a tty.
final class TerminalFile {
    let ncurses: NcursesTerminal
    private let output: UnsafeMutablePointer<FILE>
    private let input: UnsafeMutablePointer<FILE>
    private let path: String
    private var closed = false

    init(path: String, width: Int, height: Int) throws {
        setenv("COLUMNS", "\(width)", 1)
        setenv("LINES", "\(height)", 1)
        guard let output = fopen(path, "w+") else { throw BenchError("cannot write \(path)") }
        guard let input = fopen("/dev/null", "r") else { fclose(output); throw BenchError("cannot read /dev/null") }
        do {
            ncurses = try NcursesTerminal(termType: "xterm-256color", output: output, input: input)
        } catch {
            fclose(output)
            fclose(input)
            throw error
        }
        self.output = output
        self.input = input
        self.path = path
        guard ncurses.width == width, ncurses.height == height else {
            close()
            throw BenchError("ncurses opened \(ncurses.width)x\(ncurses.height), not \(width)x\(height)")
        }
    }

    /// endwin writes to the file, so the terminal closes before the files do.
    func close() {
        guard !closed else { return }
        closed = true
        ncurses.close()
        fclose(output)
        fclose(input)
        unlink(path)
    }

    deinit { close() }
}

struct BenchError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// The process's memory from /proc/self/status: VmRSS now, VmHWM the peak so far, and VmRSS
/// split into anonymous pages (Swift objects, malloc, SQLite's page cache), file pages (code,
/// ICU data) and shared memory (SQLite's WAL index), to tell which one grows.
struct MemoryPoint: Codable, Sendable {
    var label: String
    var rssKB: Int
    var peakKB: Int
    var anonKB: Int
    var fileKB: Int
    var shmemKB: Int
    /// What SQLite has allocated, page caches of every connection first (`sqlite3_memory_used`).
    var sqliteKB: Int

    /// This process's memory, or another's (`process`: its pid), whose SQLite is not counted.
    static func sample(_ label: String, process: pid_t? = nil) -> MemoryPoint {
        let status = (try? String(contentsOfFile: "/proc/\(process.map(String.init) ?? "self")/status", encoding: .utf8)) ?? ""
        func field(_ name: String) -> Int {
            for line in status.split(separator: "\n") where line.hasPrefix(name + ":") {
                let parts = line.split(whereSeparator: \.isWhitespace)
                return parts.count > 1 ? Int(parts[1]) ?? 0 : 0
            }
            return 0
        }
        return MemoryPoint(label: label, rssKB: field("VmRSS"), peakKB: field("VmHWM"), anonKB: field("RssAnon"),
                           fileKB: field("RssFile"), shmemKB: field("RssShmem"), sqliteKB: process == nil ? Int(sqliteMemoryUsed() / 1024) : 0)
    }

    /// Resident pages per mapped file (its name alone) and for all anonymous mappings together,
    /// from /proc/self/smaps, largest first: which library's code and data the peak holds.
    static func byMapping() -> [(name: String, kB: Int)] {
        // Read to the end: procfs gives the file no size, and a sized read stops at the first page.
        let smaps = String(decoding: FileHandle(forReadingAtPath: "/proc/self/smaps")?.readDataToEndOfFile() ?? Data(), as: UTF8.self)
        var sizes: [String: Int] = [:]
        var current = "anonymous"
        for line in smaps.split(separator: "\n") {
            let fields = line.split(separator: " ", omittingEmptySubsequences: true)
            if let first = fields.first, first.contains("-"), first.allSatisfy({ $0.isHexDigit || $0 == "-" }) {
                current = fields.count > 5 ? String(fields[5].split(separator: "/").last ?? fields[5]) : "anonymous"
            } else if fields.first == "Rss:", fields.count > 1 {
                sizes[current, default: 0] += Int(fields[1]) ?? 0
            }
        }
        return sizes.map { ($0.key, $0.value) }.sorted { $0.kB > $1.kB }
    }

    /// sqlite3_memory_used(), found at run time like malloc_trim: the bench does not link SQLite itself.
    static func sqliteMemoryUsed() -> Int64 {
        typealias Used = @convention(c) () -> Int64
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "sqlite3_memory_used") else { return 0 }
        return unsafeBitCast(symbol, to: Used.self)()
    }

    /// glibc's malloc_trim(0), found at run time: Swift's Glibc module leaves malloc.h out.
    static func trimMalloc() {
        typealias Trim = @convention(c) (Int) -> Int32
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "malloc_trim") else { return }
        _ = unsafeBitCast(symbol, to: Trim.self)(0)
    }
}
