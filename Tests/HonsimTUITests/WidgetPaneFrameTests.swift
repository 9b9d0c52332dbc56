import HonsimCore
import HonsimTUI
import Testing

@Suite("Widget: LineSet and PaneFrame")
struct WidgetPaneFrameTests {
    let theme = Theme.mono

    @Test("every line character is one column; ascii ones are plain ASCII")
    func lineSets() {
        for set in LineSet.allCases {
            let all = [set.horizontal, set.vertical, set.topLeft, set.topRight, set.bottomLeft, set.bottomRight,
                       set.verticalRight, set.verticalLeft, set.horizontalDown, set.horizontalUp, set.cross,
                       set.arrowUp, set.arrowDown]
            for character in all { #expect(DisplayWidth.of(character) == 1, "\(set) \(character)") }
            if set == .ascii { #expect(all.allSatisfy { $0.unicodeScalars.allSatisfy(\.isASCII) }) }
        }
        #expect(LineSet.unicode.topLeft + LineSet.unicode.horizontal + LineSet.unicode.topRight == "┌─┐")
        #expect(LineSet.unicode.verticalRight + LineSet.unicode.verticalLeft + LineSet.unicode.horizontalDown
            + LineSet.unicode.horizontalUp == "├┤┬┴")
    }

    @Test("a focused frame: bold border and title, badge at the right, inner rect returned")
    func focused() {
        var canvas = Canvas(width: 30, height: 5)
        let inner = PaneFrame.draw(into: &canvas, rect: canvas.bounds, title: "1 요청 12", focused: true, badge: "12건", theme: theme)
        #expect(inner == Rect(x: 1, y: 1, width: 28, height: 3))
        assertSnapshot(canvas, named: "widget-frame-focused-badge")
        #expect(canvas[0, 0].style == theme.style(.borderFocused))
        #expect(canvas[0, 2].style == theme.style(.borderFocused))
        let title = locate("요청", in: canvas)
        #expect(title?.y == 0 && title?.x == 5)
        if let title { #expect(canvas[title.x, 0].style.attributes.contains(.bold)) }
        let badge = locate("12건", in: canvas)
        #expect(badge?.x == 30 - 2 - 1 - 4 && badge?.y == 0)
        if let badge { #expect(canvas[badge.x, 0].style == theme.style(.badge)) }
        assertWellFormed(canvas)
    }

    @Test("an unfocused frame has the plain border and no bold title")
    func unfocused() {
        var canvas = Canvas(width: 20, height: 4)
        PaneFrame(title: "자원봉사자", lines: .ascii).draw(into: &canvas, rect: canvas.bounds, theme: theme)
        assertSnapshot(canvas, named: "widget-frame-ascii-unfocused")
        #expect(canvas[0, 0].style == theme.style(.border))
        #expect(canvas[0, 0].grapheme == "+" && canvas[1, 1].grapheme == " " && canvas[19, 1].grapheme == "|")
        if let title = locate("자원봉사자", in: canvas) {
            #expect(!canvas[title.x, 0].style.attributes.contains(.bold))
        } else {
            Issue.record("title missing")
        }
    }

    @Test("a title longer than the frame is cut with … and the corners stay")
    func longTitle() {
        var canvas = Canvas(width: 20, height: 3)
        PaneFrame.draw(into: &canvas, rect: canvas.bounds, title: "석수2동 행정복지센터 병원동행 요청 목록", focused: true, theme: theme)
        assertSnapshot(canvas, named: "widget-frame-long-title")
        #expect(canvas.line(0).contains(" 석수2동 행정… "))
        #expect(canvas[0, 0].grapheme == "┌" && canvas[19, 0].grapheme == "┐")
        #expect(canvas[1, 0].grapheme == "─" && canvas[18, 0].grapheme == "─")
        assertWellFormed(canvas)
    }

    @Test("the badge gives way to the title when the frame is narrow")
    func badgeDropped() {
        var canvas = Canvas(width: 16, height: 3)
        PaneFrame.draw(into: &canvas, rect: canvas.bounds, title: "요청 목록", badge: "/석수2동 필터", theme: theme)
        #expect(canvas.line(0).contains("요청 목록"))
        #expect(!canvas.line(0).contains("석수"))
        var wide = Canvas(width: 40, height: 3)
        PaneFrame.draw(into: &wide, rect: wide.bounds, title: "요청 목록", badge: "/석수2동 필터", theme: theme)
        #expect(wide.line(0).contains("/석수2동 필터"))
        assertWellFormed(canvas)
    }

    @Test("draws only inside its rect, at every size")
    func confined() {
        let rect = Rect(x: 7, y: 3, width: 22, height: 6)
        let canvas = drawConfined(rect: rect) { canvas in
            PaneFrame.draw(into: &canvas, rect: rect, title: "통계 — 이번 달 동별 현황", focused: true, badge: "31개 동", theme: theme)
        }
        #expect(canvas[7, 3].grapheme == "┌" && canvas[28, 8].grapheme == "┘")
        #expect(canvas[8, 4] == backdrop(width: 1, height: 1)[0, 0], "the inside is left to the caller")
        for (width, height) in [(0, 0), (1, 1), (1, 6), (2, 2), (3, 3), (5, 2), (6, 1)] {
            let small = Rect(x: 3, y: 2, width: width, height: height)
            drawConfined(rect: small, expectsDrawing: false) { canvas in
                PaneFrame.draw(into: &canvas, rect: small, title: "요청", focused: true, badge: "3건", theme: theme)
            }
        }
    }
}
