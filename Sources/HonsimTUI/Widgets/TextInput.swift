import HonsimCore

/// The text being typed in a one-line field (the `/` filter, a note) and where the cursor is,
/// counted in Characters: a Hangul syllable from the terminal's input method is one Character.
public struct TextInputState: Hashable, Sendable {
    public private(set) var text: String
    /// 0...text.count: the cursor sits before the Character at this index.
    public private(set) var cursor: Int

    /// `cursor` nil puts it at the end of `text`.
    public init(text: String = "", cursor: Int? = nil) {
        let clean = TerminalText.sanitize(text)
        self.text = clean
        self.cursor = min(max(0, cursor ?? clean.count), clean.count)
    }

    /// Edits for an editing key and returns true; returns false for every other key (Enter,
    /// Esc, Tab, arrows up and down), which the caller handles. An editing key that changes
    /// nothing (Backspace at the start) is still consumed, so it never leaks to the pane.
    public mutating func handle(_ key: Key) -> Bool {
        switch key {
        case .character(let character):
            // Control characters would be stripped from the screen anyway; they are not text.
            guard character.unicodeScalars.allSatisfy({ !($0.value < 0x20 || (0x7F...0x9F).contains($0.value)) })
            else { return false }
            insert(character)
        case .backspace:
            // Step back first: removing clamps the cursor to the shorter text, so at the end of
            // the text a step after it would move the cursor twice.
            if cursor > 0 { cursor -= 1; remove(at: cursor) }
        case .delete:
            if cursor < text.count { remove(at: cursor) }
        case .left: cursor = max(0, cursor - 1)
        case .right: cursor = min(text.count, cursor + 1)
        case .home, .control("a"): cursor = 0
        case .end, .control("e"): cursor = text.count
        case .control("u"): text = ""; cursor = 0
        default: return false
        }
        return true
    }

    /// Inserts by rebuilding the text, then counts the cursor again: a combining mark or a
    /// Hangul jamo joins the Character before it, so the count may grow by zero.
    private mutating func insert(_ character: Character) {
        let split = text.index(text.startIndex, offsetBy: cursor)
        let before = String(text[..<split]) + String(character)
        text = before + String(text[split...])
        cursor = min(before.count, text.count)
    }

    private mutating func remove(at index: Int) {
        text.remove(at: text.index(text.startIndex, offsetBy: index))
        cursor = min(cursor, text.count)
    }
}

/// Draws a TextInputState in one row: `.input` style, the cursor cell in reverse, the
/// placeholder in muted while the text is empty.
///
/// Horizontal scrolling is by display width and stateless: when text and cursor fit, the
/// field shows the text from its start; otherwise the cursor is kept at the right edge and
/// the first column shows "…" for what is scrolled out on the left. A wide grapheme is never
/// split at either edge.
public struct TextInput: Hashable, Sendable {
    public var state: TextInputState
    public var placeholder: String
    /// Without focus the cursor is not drawn.
    public var focused: Bool

    public init(state: TextInputState, placeholder: String = "", focused: Bool = true) {
        self.state = state
        self.placeholder = placeholder
        self.focused = focused
    }

    public func draw(into canvas: inout Canvas, rect: Rect, theme: Theme) {
        let row = rect.row(0)
        guard !row.isEmpty else { return }
        let input = theme.style(.input)
        var cursorStyle = input
        cursorStyle.attributes.formSymmetricDifference(.reverse)
        canvas.fill(row, style: input)

        if state.text.isEmpty {
            // The cursor first, then the placeholder, so the cursor never hides its first letter.
            let x = row.x + (focused ? 1 : 0)
            canvas.write(WidgetSupport.fit(placeholder, row.maxX - x), x: x, y: row.y,
                         style: WidgetSupport.layer(theme.style(.muted), over: input), clip: row)
            if focused { canvas.restyle(Rect(x: row.x, y: row.y, width: 1, height: 1), style: cursorStyle) }
            return
        }

        let characters = Array(state.text)
        let widths = characters.map { DisplayWidth.of($0) }
        let cursorX = widths.prefix(state.cursor).reduce(0, +)
        let cursorWidth = focused ? (state.cursor < characters.count ? max(1, widths[state.cursor]) : 1) : 0

        // Which character the field starts at, and where the text begins on screen.
        var firstIndex = 0
        var textX = row.x
        if cursorX + cursorWidth > row.width {
            // The "…" column only when the cursor's grapheme still fits beside it.
            let marker = row.width - 1 >= cursorWidth
            textX = row.x + (marker ? 1 : 0)
            let hidden = cursorX + cursorWidth - (row.maxX - textX)
            var column = 0
            while firstIndex < characters.count, column < hidden {
                column += widths[firstIndex]
                firstIndex += 1
            }
            if marker {
                canvas.write("…", x: row.x, y: row.y, style: WidgetSupport.layer(theme.style(.muted), over: input), clip: row)
            }
        }
        let visible = String(characters[firstIndex...])
        canvas.write(visible, x: textX, y: row.y, style: input, clip: row)

        guard focused else { return }
        let shownCursorX = textX + widths[firstIndex..<max(firstIndex, state.cursor)].reduce(0, +)
        let cursorRect = Rect(x: shownCursorX, y: row.y, width: cursorWidth, height: 1).intersection(row)
        canvas.restyle(cursorRect, style: cursorStyle)
    }

    /// Draws a text field in one call; see `draw(into:rect:theme:)`.
    public static func draw(into canvas: inout Canvas, rect: Rect, state: TextInputState, placeholder: String = "",
                            focused: Bool = true, theme: Theme) {
        TextInput(state: state, placeholder: placeholder, focused: focused).draw(into: &canvas, rect: rect, theme: theme)
    }
}
