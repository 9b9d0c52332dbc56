import HonsimCore
import HonsimTUI
import Testing

@Suite("Widget: StatusBar")
struct WidgetStatusBarTests {
    let theme = Theme.mono
    static let hints: [(key: String, label: String)] = [("?", "도움말"), ("/", "검색"), ("s", "정렬"), ("a", "배정"), ("q", "종료")]

    @Test("left text, key hints and right text on one row")
    func full() {
        var canvas = Canvas(width: 80, height: 1)
        StatusBar.draw(into: &canvas, rect: canvas.bounds, left: "안양 · 연결됨", hints: Self.hints, right: "긴급 3  kim  10:31", theme: theme)
        assertSnapshot(canvas, named: "widget-statusbar-full")
        #expect(canvas.line(0).hasPrefix(" 안양 · 연결됨  ? 도움말  / 검색  s 정렬  a 배정  q 종료"))
        #expect(canvas.line(0).hasSuffix("10:31 "), "one column of margin on the right")
        let key = locate("? 도움말", in: canvas)
        if let key {
            #expect(canvas[key.x, 0].style == theme.style(.statusKey))
            #expect(canvas[key.x + 2, 0].style == theme.style(.statusBar))
        } else {
            Issue.record("hint missing")
        }
        #expect(canvas[0, 0].style == theme.style(.statusBar) && canvas[79, 0].style == theme.style(.statusBar))
    }

    @Test("hints are dropped from the end when room runs out, never cut")
    func runsOutOfRoom() {
        var canvas = Canvas(width: 40, height: 1)
        StatusBar.draw(into: &canvas, rect: canvas.bounds, left: "안양 · 연결됨", hints: Self.hints, right: "긴급 3  10:31", theme: theme)
        assertSnapshot(canvas, named: "widget-statusbar-narrow")
        let line = canvas.line(0)
        #expect(line.contains("? 도움말") && !line.contains("검색") && !line.contains("종료"))
        #expect(line.hasSuffix("긴급 3  10:31 "))
        assertWellFormed(canvas)
        for width in 0...70 {
            var bar = Canvas(width: width, height: 1)
            StatusBar.draw(into: &bar, rect: bar.bounds, left: "안양 · 연결됨", hints: Self.hints, right: "긴급 3  kim  10:31", theme: theme)
            #expect(DisplayWidth.of(bar.line(0)) == width, "width \(width)")
            #expect(gridProblems(bar).isEmpty, "width \(width): \(gridProblems(bar))")
            // Each hint is all there or not at all.
            for hint in Self.hints where bar.line(0).contains(hint.label) { #expect(bar.line(0).contains("\(hint.key) \(hint.label)")) }
        }
    }

    @Test("the right text wins, then the left text is cut with …")
    func priorities() {
        var canvas = Canvas(width: 24, height: 1)
        StatusBar.draw(into: &canvas, rect: canvas.bounds, left: "postgres://안양시청 · 연결 끊김", hints: Self.hints,
                       right: "긴급 3  10:31", theme: theme)
        #expect(canvas.line(0) == " postgr…  긴급 3  10:31 ")
        var tiny = Canvas(width: 8, height: 1)
        StatusBar.draw(into: &tiny, rect: tiny.bounds, left: "안양", right: "긴급 3  10:31", theme: theme)
        #expect(tiny.line(0) == " 긴급 … ")
    }

    @Test("draws only in the first row of its rect")
    func confined() {
        let rect = Rect(x: 3, y: 9, width: 30, height: 2)
        let canvas = drawConfined(rect: Rect(x: 3, y: 9, width: 30, height: 1)) { canvas in
            StatusBar.draw(into: &canvas, rect: rect, left: "안양", hints: Self.hints, right: "박*수 10:31", theme: theme)
        }
        #expect(canvas.line(9).contains("안양  ? 도움말"))
        drawConfined(rect: Rect(x: 3, y: 9, width: 0, height: 1), expectsDrawing: false) { canvas in
            StatusBar.draw(into: &canvas, rect: Rect(x: 3, y: 9, width: 0, height: 1), left: "안양", theme: theme)
        }
    }
}
