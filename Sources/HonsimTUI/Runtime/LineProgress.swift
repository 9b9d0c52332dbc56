import Foundation
import HonsimCore
import HonsimStore

/// A one-line progress bar on standard error for a long command (`honsim import`): redrawn in
/// place with a carriage return, at most ten times a second, and only when standard error is a
/// terminal, so a script's log never fills with bars.
public final class LineProgress: @unchecked Sendable {
    private let lock = NSLock()
    private let title: String
    private let language: Language
    private let lines: LineSet
    private let width: Int
    private let write: (String) -> Void
    private var lastDrawn: ContinuousClock.Instant?
    private var drawnAnything = false

    init(title: String, language: Language, lines: LineSet, width: Int, write: @escaping (String) -> Void) {
        self.title = title
        self.language = language
        self.lines = lines
        self.width = width
        self.write = write
    }

    /// Erases the rest of the line, where a longer line drawn before may have left characters.
    static let eraseToEnd = "\u{1B}[K"

    /// A bar on standard error when it is a terminal; nil otherwise.
    public static func onTerminal(title: String, language: Language) -> LineProgress? {
        guard isatty(STDERR_FILENO) == 1 else { return nil }
        var size = winsize()
        let columns = ioctl(STDERR_FILENO, UInt(TIOCGWINSZ), &size) == 0 && size.ws_col > 0 ? Int(size.ws_col) : 80
        // Hangul shows only under a UTF-8 locale; elsewhere the bar is drawn in ASCII.
        let utf8 = ["LC_ALL", "LC_CTYPE", "LANG"].compactMap { ProcessInfo.processInfo.environment[$0] }.first { !$0.isEmpty }?
            .lowercased().contains("utf") ?? false
        return LineProgress(title: title, language: language, lines: utf8 ? .unicode : .ascii, width: columns) { text in
            FileHandle.standardError.write(Data(text.utf8))
        }
    }

    /// The bar as an import's progress handler.
    public var handler: ImportProgress.Handler { { [self] progress in update(progress) } }

    public func update(_ progress: ImportProgress) {
        lock.lock()
        defer { lock.unlock() }
        let now = ContinuousClock.now
        let finished = progress.done >= progress.total
        if let last = lastDrawn, now - last < .milliseconds(100), !finished { return }
        lastDrawn = now
        drawnAnything = true
        write("\r" + LineProgress.render(title: title, phase: progress.label.text(language), done: progress.done,
                                         total: progress.total, width: width - 1, lines: lines) + LineProgress.eraseToEnd)
    }

    /// Ends the bar's line, leaving its last state on screen above what follows.
    public func finish() {
        lock.lock()
        defer { lock.unlock() }
        if drawnAnything { write("\n") }
        drawnAnything = false
    }

    /// "가져오기 · 쓰는 중 [████████▌           ]  42%  84,000/200,000", no wider than `width` columns.
    static func render(title: String, phase: String, done: Int, total: Int, width: Int, lines: LineSet) -> String {
        let fraction = total > 0 ? min(1, max(0, Double(done) / Double(total))) : 0
        let percent = "\(Int((fraction * 100).rounded(.down)))%"
        let counts = "\(Grouping.thousands(done))/\(Grouping.thousands(total))"
        let head = "\(title) · \(phase) "
        let tail = " " + String(repeating: " ", count: max(0, 4 - percent.count)) + percent + "  " + counts
        let barWidth = min(40, width - DisplayWidth.of(head) - DisplayWidth.of(tail) - 2)
        guard barWidth >= 5 else { return WidgetSupport.fit(head + percent, width) }
        let bar = BarChart.bar(fraction: fraction, width: barWidth, lines: lines)
        let empty = String(repeating: lines == .unicode ? " " : ".", count: max(0, barWidth - DisplayWidth.of(bar)))
        return head + "[" + bar + empty + "]" + tail
    }
}
