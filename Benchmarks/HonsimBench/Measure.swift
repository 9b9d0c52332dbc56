import Foundation

/// The figures of one measured query, in milliseconds.
struct Summary: Codable, Sendable {
    var name: String
    var iterations: Int
    var minMs: Double
    var medianMs: Double
    var p95Ms: Double
    var maxMs: Double
    var targetMs: Double
    /// What the last call returned ("200 rows"), so a fast but empty answer shows up.
    var result: String

    var meetsTarget: Bool { p95Ms <= targetMs }

    init(name: String, targetMs: Double, result: String, durations: [Duration]) {
        let sorted = durations.map(Measure.milliseconds).sorted()
        self.name = name
        self.iterations = sorted.count
        self.minMs = sorted.first ?? 0
        self.maxMs = sorted.last ?? 0
        self.medianMs = Measure.percentile(sorted, 0.5)
        self.p95Ms = Measure.percentile(sorted, 0.95)
        self.targetMs = targetMs
        self.result = result
    }
}

enum Measure {
    static let clock = ContinuousClock()

    /// Prints the summaries as JSON, or as the table with a note under it saying what was timed.
    static func report(_ summaries: [Summary], json: Bool, note: String? = nil) throws {
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            print(String(decoding: try encoder.encode(summaries), as: UTF8.self))
        } else {
            print(table(summaries))
            if let note { print(note) }
        }
    }

    static func milliseconds(_ duration: Duration) -> Double {
        let parts = duration.components
        return Double(parts.seconds) * 1_000 + Double(parts.attoseconds) / 1e15
    }

    /// Nearest rank on sorted values; the median of an even count is the mean of the middle two.
    static func percentile(_ sorted: [Double], _ fraction: Double) -> Double {
        guard !sorted.isEmpty else { return 0 }
        if fraction == 0.5 && sorted.count % 2 == 0 {
            return (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
        }
        let rank = Int((fraction * Double(sorted.count)).rounded(.up))
        return sorted[min(sorted.count - 1, max(0, rank - 1))]
    }

    /// Runs `body` for the warm-ups (unmeasured, so caches and SQLite pages are warm as on a
    /// dashboard that has been open a while), then times each of the iterations.
    /// `body` gets the iteration number so callers can vary the input.
    static func run<T>(
        _ name: String, targetMs: Double, warmups: Int, iterations: Int,
        describe: (T) -> String, _ body: (Int) async throws -> T
    ) async rethrows -> Summary {
        for index in 0..<warmups { _ = try await body(index) }
        var durations: [Duration] = []
        durations.reserveCapacity(iterations)
        var last: T?
        for index in 0..<iterations {
            let started = clock.now
            let value = try await body(warmups + index)
            durations.append(clock.now - started)
            last = value
        }
        return Summary(name: name, targetMs: targetMs, result: last.map(describe) ?? "", durations: durations)
    }

    /// The table printed by `run`.
    static func table(_ summaries: [Summary]) -> String {
        let width = max(30, summaries.map(\.name.count).max() ?? 0)
        func pad(_ text: String, _ count: Int, left: Bool = false) -> String {
            let space = String(repeating: " ", count: max(0, count - text.count))
            return left ? text + space : space + text
        }
        func ms(_ value: Double) -> String { String(format: "%.2f", value) }
        var lines = [
            pad("query", width, left: true) + pad("n", 5) + pad("min", 10) + pad("median", 10) + pad("p95", 10)
                + pad("max", 10) + pad("target", 9) + "  verdict  result",
        ]
        lines.append(String(repeating: "-", count: lines[0].count + 12))
        for summary in summaries {
            lines.append(
                pad(summary.name, width, left: true) + pad("\(summary.iterations)", 5) + pad(ms(summary.minMs), 10)
                    + pad(ms(summary.medianMs), 10) + pad(ms(summary.p95Ms), 10) + pad(ms(summary.maxMs), 10)
                    + pad("<" + String(format: "%.0f", summary.targetMs), 9)
                    + (summary.meetsTarget ? "  ok       " : "  MISS     ") + summary.result)
        }
        lines.append("(milliseconds; verdict compares p95 with the target)")
        return lines.joined(separator: "\n") + "\n"
    }
}

/// Progress on standard error, stamped with the seconds since the command started, so the
/// table on standard output stays clean for pipes.
struct ProgressLog {
    private let started = ContinuousClock.now

    func note(_ text: String) {
        let seconds = Measure.milliseconds(ContinuousClock.now - started) / 1_000
        FileHandle.standardError.write(Data((String(format: "[%7.1fs] ", seconds) + text + "\n").utf8))
    }

    var elapsed: Duration { ContinuousClock.now - started }
}

/// Sizes of a store file and its write-ahead log.
enum FileSizes {
    static func bytes(_ path: String) -> Int64 {
        let attributes = try? FileManager.default.attributesOfItem(atPath: path)
        return (attributes?[.size] as? NSNumber)?.int64Value ?? 0
    }

    static func human(_ bytes: Int64) -> String {
        let units = ["B", "KB", "MB", "GB"]
        var value = Double(bytes)
        var unit = 0
        while value >= 1024 && unit < units.count - 1 {
            value /= 1024
            unit += 1
        }
        return unit == 0 ? "\(bytes) B" : String(format: "%.1f ", value) + units[unit]
    }
}
