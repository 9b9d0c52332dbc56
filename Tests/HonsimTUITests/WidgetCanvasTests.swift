import Foundation
import HonsimCore
import HonsimTUI
import Testing

/// Canvas behaviour the widgets rely on, including the two fixes made for them.
@Suite("Widget: Canvas wide graphemes")
struct WidgetCanvasTests {
    @Test("a wide grapheme written one column left of another leaves no orphaned half")
    func shiftedWide() {
        var canvas = Canvas(width: 6, height: 1)
        canvas.write("가", x: 1, y: 0, style: .plain)
        canvas.write("나", x: 0, y: 0, style: .plain)
        #expect(canvas.line(0) == "나    ")
        #expect(!canvas[2, 0].isContinuation)
        #expect(gridProblems(canvas).isEmpty, "\(gridProblems(canvas))")
        var row = Canvas(width: 8, height: 1)
        row.write("가나다", x: 1, y: 0, style: .plain)
        row.write("라마", x: 0, y: 0, style: .plain)
        #expect(row.line(0) == "라마 다 ")
        #expect(gridProblems(row).isEmpty)
    }

    @Test("a wide grapheme cut by the clip's left edge leaves a space, not stale text")
    func leftClip() {
        var canvas = Canvas(width: 10, height: 1)
        canvas.fill(canvas.bounds, style: .plain, grapheme: "x")
        canvas.write("가나다", x: 1, y: 0, style: .plain, clip: Rect(x: 2, y: 0, width: 8, height: 1))
        #expect(canvas.line(0) == "xx 나다xxx")
        #expect(gridProblems(canvas).isEmpty)
    }

    @Test("writes stay in the clip and never split a wide grapheme, at any offset")
    func anyOffset() {
        for x in -3...9 {
            for clipX in 0...4 {
                var canvas = backdrop(width: 10, height: 1)
                canvas.write("안a양b시", x: x, y: 0, style: .plain, clip: Rect(x: clipX, y: 0, width: 4, height: 1))
                #expect(gridProblems(canvas).isEmpty, "x \(x) clip \(clipX): \(canvas.line(0))")
                for column in 0..<10 where !(clipX..<(clipX + 4)).contains(column) {
                    #expect(canvas[column, 0].grapheme == "." && canvas[column, 0].style == backdropStyle, "x \(x) clip \(clipX)")
                }
            }
        }
    }
}

/// The golden-snapshot helper itself: a missing golden or a mismatch must fail loudly.
@Suite("Widget: snapshot helper", .disabled(if: ProcessInfo.processInfo.environment["HONSIM_RECORD_SNAPSHOTS"] == "1"))
struct WidgetSnapshotHelperTests {
    static func screen(_ lines: [String]) -> Canvas {
        var canvas = Canvas(width: 12, height: lines.count)
        for (y, line) in lines.enumerated() { canvas.write(line, x: 0, y: y, style: .plain) }
        return canvas
    }

    @Test("a missing golden is written and recorded as an issue")
    func missingGolden() throws {
        let name = "widget-zz-helper-missing-\(UUID().uuidString)"
        let url = snapshotDirectory.appendingPathComponent("\(name).txt")
        defer { try? FileManager.default.removeItem(at: url) }
        withKnownIssue {
            assertSnapshot(Self.screen(["안양", "석수"]), named: name)
        } matching: { issue in
            issue.comments.contains { $0.rawValue.contains("Recorded snapshot") }
        }
        let written = try String(contentsOf: url, encoding: .utf8)
        #expect(written == "안양\n석수\n")
        assertSnapshot(Self.screen(["안양", "석수"]), named: name)
    }

    @Test("a mismatch names the first differing line, expected and actual")
    func mismatch() throws {
        let name = "widget-zz-helper-mismatch-\(UUID().uuidString)"
        let url = snapshotDirectory.appendingPathComponent("\(name).txt")
        defer { try? FileManager.default.removeItem(at: url) }
        try Data("안양\n석수\n관양\n".utf8).write(to: url)
        withKnownIssue {
            assertSnapshot(Self.screen(["안양", "석수", "인덕원"]), named: name)
        } matching: { issue in
            issue.comments.contains { $0.rawValue.contains("line 3") && $0.rawValue.contains("«관양»") && $0.rawValue.contains("«인덕원»") }
        }
        // Decomposed jamo look the same to String ==, not to a terminal.
        try Data("\u{1112}\u{1161}\u{11AB}\n".utf8).write(to: url)
        withKnownIssue {
            assertSnapshot(Self.screen(["한"]), named: name)
        } matching: { issue in
            issue.comments.contains { $0.rawValue.contains("line 1") }
        }
    }

    @Test("the grid check finds split and orphaned wide graphemes")
    func gridCheck() {
        var canvas = Canvas(width: 4, height: 1)
        canvas[1, 0] = Cell("")
        #expect(gridProblems(canvas).contains { $0.contains("continuation at (1, 0)") })
        var split = Canvas(width: 4, height: 1)
        split[3, 0] = Cell("안")
        #expect(gridProblems(split).contains { $0.contains("split") })
        #expect(gridProblems(Self.screen(["안양 석수"])).isEmpty)
        withKnownIssue { assertWellFormed(split) }
    }
}
