import HonsimCore
import HonsimTUI
import Testing

@Suite("Widget: TextInput")
struct WidgetTextInputTests {
    let theme = Theme.mono

    static func typed(_ text: String) -> TextInputState {
        var state = TextInputState()
        for character in text {
            let consumed = state.handle(.character(character))
            #expect(consumed, "\(character)")
        }
        return state
    }

    @Test("editing keys: Hangul insert, backspace, delete, arrows, home/end, ctrl-u")
    func editing() {
        var state = Self.typed("석수동")
        #expect(state.text == "석수동" && state.cursor == 3)
        // (key, text after, cursor after)
        let steps: [(Key, String, Int)] = [
            (.left, "석수동", 2), (.character("2"), "석수2동", 3), (.backspace, "석수동", 2), (.delete, "석수", 2),
            (.delete, "석수", 2), (.home, "석수", 0), (.backspace, "석수", 0), (.left, "석수", 0),
            (.character("안"), "안석수", 1), (.end, "안석수", 3), (.right, "안석수", 3), (.control("a"), "안석수", 0),
            (.control("e"), "안석수", 3), (.left, "안석수", 2), (.control("u"), "", 0), (.backspace, "", 0),
        ]
        for (index, (key, text, cursor)) in steps.enumerated() {
            let consumed = state.handle(key)
            #expect(consumed, "step \(index): \(key)")
            #expect(state.text == text && state.cursor == cursor, "step \(index): \(key) gave \(state)")
        }
    }

    @Test("backspace at the end of the text keeps the cursor at the end")
    func backspaceAtTheEnd() {
        var state = Self.typed("석수2")
        _ = state.handle(.backspace)
        #expect(state.text == "석수" && state.cursor == 2)
        _ = state.handle(.backspace)
        _ = state.handle(.character("동"))
        #expect(state.text == "석동" && state.cursor == 2)
    }

    @Test("keys the field does not handle are left to the caller", arguments: [
        Key.enter, .escape, .tab, .backTab, .up, .down, .pageUp, .pageDown, .function(1), .control("c"),
        .character("\u{1B}"), .character("\u{7F}"), .character("\n"),
    ])
    func notConsumed(key: Key) {
        var state = TextInputState(text: "관양동", cursor: 1)
        let consumed = state.handle(key)
        #expect(!consumed)
        #expect(state == TextInputState(text: "관양동", cursor: 1))
    }

    @Test("cursor counts Characters: combining marks and conjoining jamo join the one before")
    func characters() {
        var state = Self.typed("e")
        let consumed = state.handle(.character("\u{301}"))
        #expect(consumed)
        #expect(state.text == "e\u{301}" && state.text.count == 1 && state.cursor == 1)
        var jamo = Self.typed("\u{1112}")
        _ = jamo.handle(.character("\u{1161}"))
        #expect(jamo.text.count == 1 && jamo.cursor == 1)
        #expect(TextInputState(text: "안양", cursor: 9).cursor == 2)
        #expect(TextInputState(text: "안양", cursor: -3).cursor == 0)
        #expect(TextInputState(text: "안양").cursor == 2)
        #expect(TextInputState(text: "\u{1B}[31m안양").text == "안양", "text from the store is sanitized")
    }

    @Test("an empty field shows the cursor, then the placeholder in muted")
    func placeholder() {
        var canvas = Canvas(width: 20, height: 1)
        TextInput.draw(into: &canvas, rect: canvas.bounds, state: TextInputState(), placeholder: "동 이름으로 찾기", theme: theme)
        assertSnapshot(canvas, named: "widget-input-placeholder")
        #expect(canvas.line(0).hasPrefix(" 동 이름으로 찾기"))
        #expect(canvas[0, 0].style.attributes.contains(.reverse))
        #expect(canvas[1, 0].style.attributes.contains(.dim) && !canvas[1, 0].style.attributes.contains(.reverse))
        #expect(canvas[19, 0].style == theme.style(.input))
        var unfocused = Canvas(width: 20, height: 1)
        TextInput.draw(into: &unfocused, rect: unfocused.bounds, state: TextInputState(), placeholder: "동 이름으로 찾기",
                       focused: false, theme: theme)
        #expect(unfocused.line(0).hasPrefix("동 이름으로 찾기") && !unfocused.cells.contains { $0.style.attributes.contains(.reverse) })
    }

    /// The reversed cells of row 0: where the cursor is drawn.
    static func cursorCells(_ canvas: Canvas) -> [Int] {
        (0..<canvas.width).filter { canvas[$0, 0].style.attributes.contains(.reverse) }
    }

    @Test("long Hangul text scrolls by display width and keeps the cursor in view")
    func scrollingHangul() {
        let text = "안양시 만안구 석수동 주민센터"
        var end = Canvas(width: 12, height: 1)
        TextInput.draw(into: &end, rect: end.bounds, state: TextInputState(text: text), theme: theme)
        assertSnapshot(end, named: "widget-input-scroll-end")
        // Column 20 is the first grapheme boundary that leaves room for the cursor: 동 would be split.
        #expect(end.line(0) == "… 주민센터  ")
        #expect(Self.cursorCells(end) == [10])
        #expect(end[0, 0].style.attributes.contains(.dim))

        var home = Canvas(width: 12, height: 1)
        TextInput.draw(into: &home, rect: home.bounds, state: TextInputState(text: text, cursor: 0), theme: theme)
        assertSnapshot(home, named: "widget-input-scroll-home")
        #expect(home.line(0) == "안양시 만안 ", "cut before the wide 구 that would straddle the edge")
        #expect(Self.cursorCells(home) == [0, 1], "a wide grapheme under the cursor is reversed whole")

        var middle = Canvas(width: 12, height: 1)
        TextInput.draw(into: &middle, rect: middle.bounds, state: TextInputState(text: text, cursor: 9), theme: theme)
        assertSnapshot(middle, named: "widget-input-scroll-middle")
        #expect(Self.cursorCells(middle).count == 2 && middle[Self.cursorCells(middle)[0], 0].grapheme == "수")
    }

    @Test("at every width and cursor the grid is well formed and the cursor is on its character")
    func everyPosition() {
        let text = "aé석수2동 한림대병원 🏥 신장내과"
        let characters = Array(text)
        for width in 2...16 {
            for cursor in 0...characters.count {
                var canvas = Canvas(width: width, height: 1)
                TextInput.draw(into: &canvas, rect: canvas.bounds, state: TextInputState(text: text, cursor: cursor), theme: theme)
                #expect(gridProblems(canvas).isEmpty, "width \(width) cursor \(cursor)")
                let cells = Self.cursorCells(canvas)
                let expected = cursor < characters.count ? String(characters[cursor]) : " "
                #expect(cells.count == max(1, DisplayWidth.of(Character(expected))), "width \(width) cursor \(cursor): \(cells)")
                if let first = cells.first { #expect(canvas[first, 0].grapheme == expected, "width \(width) cursor \(cursor)") }
            }
        }
    }

    @Test("draws only in the first row of its rect")
    func confined() {
        let rect = Rect(x: 6, y: 4, width: 14, height: 3)
        drawConfined(rect: rect.row(0)) { canvas in
            TextInput.draw(into: &canvas, rect: rect, state: TextInputState(text: "평촌동 한림대학교성심병원", cursor: 4), theme: theme)
        }
        drawConfined(rect: rect.row(0)) { canvas in
            TextInput.draw(into: &canvas, rect: rect, state: TextInputState(), placeholder: "검색어를 입력하세요 (동, 이름, 병원)", theme: theme)
        }
        drawConfined(rect: Rect(x: 6, y: 4, width: 1, height: 1)) { canvas in
            TextInput.draw(into: &canvas, rect: Rect(x: 6, y: 4, width: 1, height: 1), state: TextInputState(text: "안양"), theme: theme)
        }
    }
}
