import Foundation
import Testing
@testable import HonsimTUI

/// The cursor-position question honsim asks at start, against a fake terminal on pipes: one
/// that draws ambiguous characters wide, one that draws them narrow, and one that never answers.
@Suite("Ambiguous width probe", .serialized)
struct AmbiguousWidthProbeTests {
    /// A terminal on two pipes: it reads what honsim writes and, once it sees the cursor
    /// position request, answers with the column `answer` gives for the bytes drawn so far.
    final class FakeTerminal: @unchecked Sendable {
        let toTerminal: (read: Int32, write: Int32)
        let fromTerminal: (read: Int32, write: Int32)
        private let lock = NSLock()
        private var receivedBytes: [UInt8] = []

        init() throws {
            var a: [Int32] = [0, 0], b: [Int32] = [0, 0]
            guard pipe(&a) == 0, pipe(&b) == 0 else { throw CocoaError(.fileReadUnknown) }
            toTerminal = (a[0], a[1])
            fromTerminal = (b[0], b[1])
        }

        var received: [UInt8] { lock.withLock { receivedBytes } }

        /// Runs the terminal's side: `reply` turns the bytes before ESC[6n into an answer, or nil for silence.
        func serve(reply: @escaping @Sendable ([UInt8]) -> String?) -> Thread {
            let thread = Thread { [self] in
                var seen: [UInt8] = []
                var byte: UInt8 = 0
                while read(toTerminal.read, &byte, 1) == 1 {
                    seen.append(byte)
                    lock.withLock { receivedBytes = seen }
                    if seen.suffix(4) == Array("\u{1B}[6n".utf8) {
                        if let answer = reply(Array(seen.dropLast(4))) {
                            _ = Array(answer.utf8).withUnsafeBufferPointer { write(fromTerminal.write, $0.baseAddress, $0.count) }
                        }
                    }
                }
            }
            thread.start()
            return thread
        }

        func close() {
            for fd in [toTerminal.read, toTerminal.write, fromTerminal.read, fromTerminal.write] { Foundation.close(fd) }
        }
    }

    /// Where a terminal's cursor is after the text before the request: column 1 after CR,
    /// plus each character's width, ambiguous ones counting `ambiguous`.
    static func column(after bytes: [UInt8], ambiguous: Int) -> Int {
        let text = String(decoding: bytes, as: UTF8.self)
        let afterReturn = text.split(separator: "\r", omittingEmptySubsequences: false).last.map(String.init) ?? text
        return 1 + afterReturn.unicodeScalars.reduce(0) { $0 + ($1.isASCII ? 1 : ambiguous) }
    }

    func ask(ambiguous: Int?) throws -> (AmbiguousWidth?, [UInt8], TimeInterval) {
        let terminal = try FakeTerminal()
        defer { terminal.close() }
        _ = terminal.serve { bytes in
            ambiguous.map { "\u{1B}[7;\(Self.column(after: bytes, ambiguous: $0))R" }
        }
        let started = Date()
        let answer = AmbiguousWidthProbe.probe(input: terminal.fromTerminal.read, output: terminal.toTerminal.write,
                                               timeoutMilliseconds: 200)
        let elapsed = Date().timeIntervalSince(started)
        Thread.sleep(forTimeInterval: 0.05)  // the erase that follows reaches the fake terminal
        return (answer, terminal.received, elapsed)
    }

    @Test func aTerminalThatDrawsThemWideSaysColumnThree() throws {
        let (answer, received, _) = try ask(ambiguous: 2)
        #expect(answer == .wide)
        // What was asked about is an ambiguous character, and the line is erased afterwards.
        let text = String(decoding: received, as: UTF8.self)
        #expect(text.hasPrefix("\r─\u{1B}[6n"))
        #expect(text.hasSuffix("\r\u{1B}[K"))
    }

    @Test func aTerminalThatDrawsThemNarrowSaysColumnTwo() throws {
        #expect(try ask(ambiguous: 1).0 == .narrow)
    }

    @Test func aTerminalThatDoesNotAnswerIsNotWaitedForLong() throws {
        let (answer, received, elapsed) = try ask(ambiguous: nil)
        #expect(answer == nil)
        #expect(elapsed < 2)
        #expect(String(decoding: received, as: UTF8.self).hasSuffix("\r\u{1B}[K"))
    }

    @Test func reportsAreReadWhateverComesBeforeThem() {
        #expect(AmbiguousWidthProbe.column(inReport: Array("x\u{1B}[12;3R".utf8)) == 3)
        #expect(AmbiguousWidthProbe.column(inReport: Array("\u{1B}[3R".utf8)) == nil)
        #expect(AmbiguousWidthProbe.column(inReport: Array("junk".utf8)) == nil)
    }

    @Test func theSettingDecidesWhenSaidAndTheProbeWhenAuto() {
        #expect(AmbiguousWidth.wide.lines(ascii: false) { Issue.record("asked"); return nil } == .ambiguousWide)
        #expect(AmbiguousWidth.narrow.lines(ascii: false) { Issue.record("asked"); return nil } == .unicode)
        #expect(AmbiguousWidth.narrow.lines(ascii: true) { nil } == .ascii)
        #expect(AmbiguousWidth.auto.lines(ascii: false) { .wide } == .ambiguousWide)
        #expect(AmbiguousWidth.auto.lines(ascii: false) { nil } == .unicode)
        #expect(AmbiguousWidth.auto.lines(ascii: true) { .narrow } == .ascii)
    }
}
