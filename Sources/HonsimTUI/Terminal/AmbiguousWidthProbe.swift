import Foundation

/// How wide the terminal draws East Asian ambiguous-width characters (`─`, `·`, `…`, arrows):
/// one column as most terminals, or two as PuTTY set to "treat CJK ambiguous characters as
/// wide", `xterm -cjk_width` and many Korean setups do. `auto` asks the terminal at start.
public enum AmbiguousWidth: String, CaseIterable, Sendable {
    case auto, narrow, wide

    /// The lines to draw with: ASCII on a wide terminal (or `--ascii`), box drawing otherwise.
    /// `probe` is asked only for `auto`; nil (no answer) counts as narrow, the common case.
    public func lines(ascii: Bool, probe: () -> AmbiguousWidth?) -> LineSet {
        let width = self == .auto ? (probe() ?? .narrow) : self
        if width == .wide { return .ambiguousWide }
        return ascii ? .ascii : .unicode
    }
}

/// Asks a terminal where its cursor went after one ambiguous-width character: it writes
/// CR, `─` and a cursor position request (ESC [ 6 n), and reads the report (ESC [ row ; col R).
/// Column 2 is narrow, 3 wide. The line is erased afterwards. Done before ncurses takes the
/// screen, on the terminal's own file descriptors, in raw mode so the report is not echoed.
public enum AmbiguousWidthProbe {
    /// The character asked about: a box line, the one whose width breaks a screen most.
    static let sample = "\u{2500}"
    static let request = "\r\(sample)\u{1B}[6n"
    static let erase = "\r\u{1B}[K"

    /// The width, or nil when the terminal did not answer within `timeoutMilliseconds` or
    /// answered something else.
    public static func probe(input: Int32, output: Int32, timeoutMilliseconds: Int = 300) -> AmbiguousWidth? {
        var saved = termios()
        let isTerminal = tcgetattr(input, &saved) == 0
        if isTerminal {
            var raw = saved
            raw.c_lflag &= ~tcflag_t(ICANON | ECHO)
            _ = tcsetattr(input, TCSANOW, &raw)
        }
        defer {
            if isTerminal { _ = tcsetattr(input, TCSANOW, &saved) }
        }
        guard write(request, to: output) else { return nil }
        let answer = readReport(from: input, timeoutMilliseconds: timeoutMilliseconds)
        _ = write(erase, to: output)
        guard let answer, let column = column(inReport: answer) else { return nil }
        switch column {
        case 2: return .narrow
        case 3: return .wide
        default: return nil
        }
    }

    /// The column of a cursor position report `ESC [ row ; col R` found in `bytes`.
    static func column(inReport bytes: [UInt8]) -> Int? {
        guard let escape = bytes.lastIndex(of: 0x1B), escape + 1 < bytes.count, bytes[escape + 1] == UInt8(ascii: "["),
              let end = bytes[escape...].firstIndex(of: UInt8(ascii: "R")) else { return nil }
        let body = String(decoding: bytes[(escape + 2)..<end], as: UTF8.self)
        let parts = body.split(separator: ";")
        guard parts.count == 2, Int(parts[0]) != nil else { return nil }
        return Int(parts[1])
    }

    private static func write(_ text: String, to fd: Int32) -> Bool {
        let bytes = Array(text.utf8)
        var sent = 0
        while sent < bytes.count {
            let n = bytes[sent...].withUnsafeBufferPointer { Foundation.write(fd, $0.baseAddress, $0.count) }
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else { return false }
            sent += n
        }
        return true
    }

    /// Bytes up to and including the report's `R`, or nil when it does not come in time.
    private static func readReport(from fd: Int32, timeoutMilliseconds: Int) -> [UInt8]? {
        var bytes: [UInt8] = []
        let deadline = Date().addingTimeInterval(Double(timeoutMilliseconds) / 1000)
        while true {
            let left = Int32(max(0, deadline.timeIntervalSinceNow * 1000))
            var poller = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            let ready = poll(&poller, 1, left)
            if ready < 0 && errno == EINTR { continue }
            guard ready > 0 else { return nil }
            var byte: UInt8 = 0
            guard read(fd, &byte, 1) == 1 else { return nil }
            bytes.append(byte)
            if byte == UInt8(ascii: "R"), bytes.contains(0x1B) { return bytes }
            if bytes.count > 64 { return nil }
        }
    }
}
