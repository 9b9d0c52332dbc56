import HonsimCore
import HonsimTUI
import Testing

@Suite("Widget: HelpOverlay")
struct WidgetHelpOverlayTests {
    let theme = Theme.mono

    static let sections = [
        HelpSection(heading: "창 이동", entries: [
            HelpEntry(keys: "Tab", description: "다음 창"),
            HelpEntry(keys: "1 2 3", description: "요청 · 봉사자 · 통계"),
        ]),
        HelpSection(heading: "요청", entries: [
            HelpEntry(keys: "Enter", description: "자세히 보기"),
            HelpEntry(keys: "a", description: "봉사자 배정", enabled: false),
            HelpEntry(keys: "c", description: "요청 취소", enabled: false),
            HelpEntry(keys: "/", description: "검색"),
        ]),
        HelpSection(heading: "기타", entries: [
            HelpEntry(keys: "?", description: "도움말 닫기"),
            HelpEntry(keys: "q", description: "끝내기"),
        ]),
    ]
    static let help = HelpOverlay(title: "도움말 (읽기 전용)", sections: sections, footer: "Esc 닫기")

    @Test("a centered box over the screen; disabled entries greyed out")
    func disabledEntries() {
        var canvas = backdrop(width: 40, height: 16)
        Self.help.draw(into: &canvas, rect: canvas.bounds, theme: theme)
        assertSnapshot(canvas, named: "widget-help-readonly")
        assertWellFormed(canvas)
        #expect(Self.help.contentHeight == 13)
        let box = Self.help.box(in: canvas.bounds)
        #expect(box.height == 15 && box.y == 0 && box.x == (40 - box.width) / 2)
        let disabled = WidgetSupportStyle.layer(theme.style(.disabled), over: theme.style(.dialog))
        guard let assign = locate("봉사자 배정", in: canvas), let search = locate("검색", in: canvas)
        else { Issue.record("entries missing"); return }
        // Keys are padded to the widest ("Enter"), then two spaces.
        #expect(canvas[assign.x, assign.y].style == disabled)
        #expect(canvas[assign.x - 7, assign.y].grapheme == "a" && canvas[assign.x - 7, assign.y].style == disabled)
        #expect(canvas[search.x, search.y].style == theme.style(.dialog))
        #expect(canvas[search.x - 7, search.y].grapheme == "/" && canvas[search.x - 7, search.y].style != disabled)
        // The box hides what was below it, and nothing else.
        #expect(canvas[box.x + 1, box.y + 1].style != backdropStyle && canvas[box.x - 1, 5].grapheme == ".")
    }

    @Test("taller than the screen it scrolls by offset, clamped, showing the position")
    func scrolling() {
        let screen = Rect(x: 0, y: 0, width: 40, height: 8)
        #expect(Self.help.maxOffset(in: screen) == 13 - 6)
        var top = backdrop(width: 40, height: 8)
        Self.help.draw(into: &top, rect: screen, offset: 0, theme: theme)
        assertSnapshot(top, named: "widget-help-scroll-top")
        #expect(top.line(0).contains("1-6/13"))
        var down = backdrop(width: 40, height: 8)
        Self.help.draw(into: &down, rect: screen, offset: 5, theme: theme)
        #expect(down.line(0).contains("6-11/13") && down.line(1).contains("Enter"))
        var past = backdrop(width: 40, height: 8)
        Self.help.draw(into: &past, rect: screen, offset: 99, theme: theme)
        assertSnapshot(past, named: "widget-help-scroll-end")
        #expect(past.line(0).contains("8-13/13") && past.line(6).contains("끝내기"))
        var negative = backdrop(width: 40, height: 8)
        Self.help.draw(into: &negative, rect: screen, offset: -5, theme: theme)
        #expect(negative == top)
        var fits = backdrop(width: 40, height: 16)
        Self.help.draw(into: &fits, rect: fits.bounds, offset: 5, theme: theme)
        #expect(!fits.line(0).contains("/13") && fits.line(1).contains("창 이동"), "no scrolling when it fits")
    }

    @Test("draws only inside its rect, even when the rect is smaller than the help")
    func confined() {
        for rect in [Rect(x: 5, y: 2, width: 30, height: 8), Rect(x: 2, y: 1, width: 12, height: 4),
                     Rect(x: 0, y: 0, width: 40, height: 12)] {
            drawConfined(rect: rect) { canvas in Self.help.draw(into: &canvas, rect: rect, offset: 2, theme: theme) }
        }
        drawConfined(rect: Rect(x: 4, y: 4, width: 1, height: 1), expectsDrawing: false) { canvas in
            HelpOverlay.draw(into: &canvas, rect: Rect(x: 4, y: 4, width: 1, height: 1), title: "도움말", sections: Self.sections, theme: theme)
        }
        var whole = Canvas(width: 40, height: 16)
        HelpOverlay.draw(into: &whole, title: "도움말 (읽기 전용)", sections: Self.sections, footer: "Esc 닫기", theme: theme)
        var explicit = Canvas(width: 40, height: 16)
        Self.help.draw(into: &explicit, rect: explicit.bounds, theme: theme)
        #expect(whole == explicit, "no rect: the whole canvas")
    }
}

/// The layering rule the widgets use, restated for expectations (the real one is internal).
enum WidgetSupportStyle {
    static func layer(_ top: Style, over base: Style) -> Style {
        var result = base
        if top.foreground != .none { result.foreground = top.foreground }
        if top.background != .none { result.background = top.background }
        let both = base.attributes.contains(.reverse) && top.attributes.contains(.reverse)
        result.attributes.formUnion(top.attributes)
        if both { result.attributes.remove(.reverse) }
        return result
    }
}
