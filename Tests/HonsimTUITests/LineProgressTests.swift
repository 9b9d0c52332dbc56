import Foundation
import HonsimCore
import HonsimStore
import Testing
@testable import HonsimTUI

/// The progress bar `honsim import` draws on a terminal.
@Suite("Line progress bar")
struct LineProgressTests {
    @Test func theBarShowsThePhaseTheShareAndTheCountsWithinTheWidth() {
        let line = LineProgress.render(title: "가져오기", phase: "쓰는 중", done: 84_000, total: 200_000, width: 79, lines: .unicode)
        #expect(line == "가져오기 · 쓰는 중 [███████████████▌                     ]  42%  84,000/200,000")
        #expect(DisplayWidth.of(line) == 79)
        let ascii = LineProgress.render(title: "import", phase: "reading", done: 1, total: 4, width: 60, lines: .ascii)
        #expect(ascii == "import · reading [########.......................]  25%  1/4" && ascii.count == 60)
        // Too narrow for a bar: the words and the share alone, cut to fit.
        let narrow = LineProgress.render(title: "가져오기", phase: "확인 중", done: 5, total: 10, width: 30, lines: .unicode)
        #expect(narrow == "가져오기 · 확인 중 50%" && DisplayWidth.of(narrow) <= 30)
    }

    @Test func updatesComeAtMostTenTimesASecondButTheLastAlwaysShows() {
        let written = Locked([String]())
        let bar = LineProgress(title: "import", language: .en, lines: .ascii, width: 60) { text in written.withLock { $0.append(text) } }
        bar.update(ImportProgress(phase: .writing, done: 1, total: 3))
        bar.update(ImportProgress(phase: .writing, done: 2, total: 3))
        bar.update(ImportProgress(phase: .writing, done: 3, total: 3))
        bar.finish()
        let lines = written.withLock { $0 }
        #expect(lines.count == 3)
        // Each draw goes back to the start of the line and erases what a longer one left.
        #expect(lines[0].hasPrefix("\rimport · writing [") && lines[0].hasSuffix(" 33%  1/3\u{1B}[K"))
        #expect(lines[1].hasSuffix("100%  3/3\u{1B}[K") && lines[2] == "\n")
    }
}

/// A value shared with a closure that may run on another thread.
final class Locked<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Value
    init(_ value: Value) { self.value = value }
    func withLock<T>(_ body: (inout Value) -> T) -> T {
        lock.lock()
        defer { lock.unlock() }
        return body(&value)
    }
}
