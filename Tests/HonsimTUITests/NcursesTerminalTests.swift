import CNcurses
import Foundation
import Testing
@testable import HonsimTUI

/// Every test that opens curses lives here: ncurses is global state, so they run one at a time.
@Suite("Ncurses terminal, headless", .serialized)
struct NcursesTerminalTests {
    /// A terminal writing into a temporary file, reading from /dev/null.
    final class Headless {
        let path: String
        let output: UnsafeMutablePointer<FILE>
        let input: UnsafeMutablePointer<FILE>
        let terminal: NcursesTerminal

        init(colors: Bool = true, ascii: Bool = false, termType: String = "xterm-256color") throws {
            path = NSTemporaryDirectory() + "honsim-ncurses-\(UUID().uuidString).out"
            output = try #require(fopen(path, "w"))
            input = try #require(fopen("/dev/null", "r"))
            terminal = try NcursesTerminal(lineDrawing: ascii, colors: colors, termType: termType, output: output, input: input)
        }

        /// Everything written so far.
        var bytes: [UInt8] {
            terminal.flushOutput()
            return (try? [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))) ?? []
        }

        func finish() {
            terminal.close()
            fclose(output)
            fclose(input)
            try? FileManager.default.removeItem(atPath: path)
        }
    }

    static func dashboard(width: Int, height: Int, clock: String = "10:31") -> Canvas {
        var canvas = Canvas(width: width, height: height)
        let accent = Style(foreground: .rgb(0, 135, 175), attributes: .bold)
        canvas.write("┌" + String(repeating: "─", count: width - 2) + "┐", x: 0, y: 0, style: accent)
        for y in 1..<(height - 1) {
            canvas.write("│", x: 0, y: y, style: accent)
            canvas.write("│", x: width - 1, y: y, style: accent)
        }
        canvas.write("└" + String(repeating: "─", count: width - 2) + "┘", x: 0, y: height - 1, style: accent)
        canvas.write("혼심 · 병원 동행 현황  \(clock)", x: 2, y: 1, style: Style(attributes: .bold))
        for row in 0..<(height - 4) {
            let text = "\(row + 1). 안양\(row % 31 + 1)동 홍*동 대기 — 정형외과 재활 14:00"
            canvas.write(text, x: 2, y: row + 3, style: row % 5 == 0 ? Style(foreground: .ansi(1)) : .plain)
        }
        return canvas
    }

    @Test("frames are Hangul and box drawing in UTF-8, and only the difference is sent")
    func differenceOnly() throws {
        let headless = try Headless()
        defer { headless.finish() }
        let terminal = headless.terminal
        #expect(terminal.width == 80 && terminal.height == 24)
        #expect(terminal.colorCount == 256 && terminal.usesColor)

        var canvas = Self.dashboard(width: terminal.width, height: terminal.height)
        terminal.draw(canvas)
        let first = headless.bytes.count
        let text = String(decoding: headless.bytes, as: UTF8.self)
        #expect(text.contains("혼심"))
        #expect(text.contains("안양"))
        #expect(text.contains("┌─"))
        #expect(text.contains("│"))

        terminal.draw(canvas)
        let identical = headless.bytes.count - first

        canvas.write("7. 충훈동 김*수 배정 — 한림대성심병원 신장내과 투석 09:30", x: 2, y: 9, width: 76, style: .plain)
        terminal.draw(canvas)
        let oneRow = headless.bytes.count - first - identical

        print("ncurses bytes: first frame \(first), identical frame \(identical), one-row change \(oneRow)")
        #expect(first > 2000)
        #expect(identical <= 16)
        #expect(oneRow > 0 && oneRow * 20 < first)
    }

    @Test("a wide character replaced by narrow ones, and back, leaves no half behind")
    func wideToNarrow() throws {
        let headless = try Headless()
        defer { headless.finish() }
        var canvas = Canvas(width: headless.terminal.width, height: headless.terminal.height)
        canvas.write("가나다", x: 0, y: 0, style: .plain)
        headless.terminal.draw(canvas)
        let before = headless.bytes.count
        canvas.write("ab", x: 0, y: 0, style: .plain)  // 가 (two cells) becomes a and b
        headless.terminal.draw(canvas)
        let change = String(decoding: headless.bytes.dropFirst(before), as: UTF8.self)
        #expect(change.contains("ab"))
        #expect(!change.contains("나"))  // the unchanged syllable is not sent again
    }

    @Test("styles degrade to the terminal's colors; colors off draws attributes only")
    func colors() throws {
        let colored = try Headless()
        var canvas = Canvas(width: 80, height: 24)
        canvas.write("긴급", x: 0, y: 0, style: Style(foreground: .rgb(215, 0, 0), attributes: .bold))
        colored.terminal.draw(canvas)
        let coloredText = String(decoding: colored.bytes, as: UTF8.self)
        colored.finish()
        #expect(coloredText.contains("\u{1B}[38;5;160m") || coloredText.contains("38;5;160"))

        let eight = try Headless(termType: "xterm")
        #expect(eight.terminal.colorCount == 8)
        eight.terminal.draw(canvas)
        let eightText = String(decoding: eight.bytes, as: UTF8.self)
        eight.finish()
        #expect(eightText.contains("\u{1B}[31m"))  // the nearest of 8: red

        let plain = try Headless(colors: false)
        #expect(plain.terminal.colorCount == 0 && !plain.terminal.usesColor)
        plain.terminal.draw(canvas)
        let plainText = String(decoding: plain.bytes, as: UTF8.self)
        plain.finish()
        #expect(plainText.contains("긴급"))
        #expect(!plainText.contains("38;5;"))
    }

    @Test("ascii line drawing turns box characters into + - |")
    func asciiLines() throws {
        let headless = try Headless(ascii: true)
        defer { headless.finish() }
        headless.terminal.draw(Self.dashboard(width: 80, height: 24))
        let text = String(decoding: headless.bytes, as: UTF8.self)
        #expect(!text.contains("─") && !text.contains("│"))
        #expect(text.contains("+---"))
        #expect(text.contains("혼심"))
    }

    @Test("close is idempotent, and a second terminal waits for the first to close")
    func closeTwice() throws {
        let headless = try Headless()
        #expect(throws: NcursesTerminalError.alreadyOpen) {
            _ = try NcursesTerminal(termType: "xterm-256color", output: headless.output, input: headless.input)
        }
        headless.terminal.close()
        headless.terminal.close()
        #expect(!headless.terminal.isOpen)
        #expect(headless.terminal.nextEvent(timeoutMilliseconds: 0) == nil)
        headless.terminal.draw(Canvas(width: 10, height: 2))  // ignored, no crash
        headless.finish()
        let again = try Headless()
        again.finish()
    }

    @Test("TERM=dumb, unknown or missing is refused with a message that says what to do",
          arguments: ["dumb", "no-such-terminal-honsim", ""])
    func unsupported(term: String) throws {
        let output = try #require(fopen("/dev/null", "w")), input = try #require(fopen("/dev/null", "r"))
        defer { fclose(output); fclose(input) }
        let error = #expect(throws: NcursesTerminalError.self) {
            _ = try NcursesTerminal(termType: term, output: output, input: input)
        }
        let message = error.map(String.init(describing:)) ?? ""
        #expect(message.contains("cannot show the dashboard"))
        #expect(message.contains("honsim --help"))
        if term == "dumb" { #expect(message.contains("TERM=dumb")) }
        #expect(honsim_tracked_screen() == nil)
    }

    @Test("SIGHUP while open is recorded for the main loop, not acted on in the handler")
    func signalRecorded() throws {
        let headless = try Headless()
        defer { headless.finish(); TerminalSignals.clear() }
        #expect(headless.terminal.pendingSignal == nil)
        #expect(honsim_raise(SIGHUP) == 0)
        // kill() delivers to whichever thread does not block the signal: wait for it a moment.
        for _ in 0..<100 where headless.terminal.pendingSignal == nil { usleep(10_000) }
        #expect(headless.terminal.pendingSignal == SIGHUP)
        #expect(headless.terminal.isOpen)
    }

    @Test("no input within the timeout is nil")
    func noInput() throws {
        let headless = try Headless()
        defer { headless.finish() }
        #expect(headless.terminal.nextEvent(timeoutMilliseconds: 10) == nil)
    }
}
