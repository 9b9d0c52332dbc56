import HonsimCore

/// Layout and styling helpers the widgets share; internal so the widget API stays small.
enum WidgetSupport {
    /// Text from the store made safe and cut to `width` columns with "…".
    static func fit(_ text: String, _ width: Int) -> String {
        TerminalText.truncate(TerminalText.sanitize(text), width: width)
    }

    static func width(_ text: String) -> Int { DisplayWidth.of(TerminalText.sanitize(text)) }

    /// A box of the given size centered in `area`, never larger than it.
    static func centered(width: Int, height: Int, in area: Rect) -> Rect {
        let w = min(max(0, width), area.width), h = min(max(0, height), area.height)
        return Rect(x: area.x + (area.width - w) / 2, y: area.y + (area.height - h) / 2, width: w, height: h)
    }

    /// `top` drawn over `base`: its colors where it names any, its attributes added, except
    /// that reverse over reverse cancels out. Without that, a selected row that is already
    /// reversed (urgent rows in the mono theme) would look exactly like an unselected one.
    static func layer(_ top: Style, over base: Style) -> Style {
        var result = base
        if top.foreground != .none { result.foreground = top.foreground }
        if top.background != .none { result.background = top.background }
        let bothReversed = base.attributes.contains(.reverse) && top.attributes.contains(.reverse)
        result.attributes.formUnion(top.attributes)
        if bothReversed { result.attributes.remove(.reverse) }
        return result
    }

    /// Writes `text` cut to `width` columns, left or right aligned, padding the rest of the
    /// cell in `style`. Everything stays inside `clip`.
    static func writeAligned(_ text: String, x: Int, y: Int, width: Int, rightAligned: Bool, style: Style,
                             clip: Rect, into canvas: inout Canvas) {
        guard width > 0 else { return }
        let cell = Rect(x: x, y: y, width: width, height: 1).intersection(clip)
        canvas.fill(cell, style: style)
        let fitted = fit(text, width)
        let offset = rightAligned ? width - DisplayWidth.of(fitted) : 0
        canvas.write(fitted, x: x + offset, y: y, style: style, clip: cell)
    }

    /// Key hints drawn as "key label" pairs separated by `gap` spaces, from `x` up to `limit`
    /// (exclusive). Hints that do not fit are dropped from the end. Returns the next free column.
    @discardableResult
    static func drawHints(_ hints: [(key: String, label: String)], x: Int, y: Int, limit: Int, gap: Int,
                          keyStyle: Style, labelStyle: Style, clip: Rect, into canvas: inout Canvas) -> Int {
        var column = x
        for (index, hint) in hints.enumerated() {
            let start = column + (index == 0 ? 0 : gap)
            let keyWidth = width(hint.key), labelWidth = width(hint.label)
            let total = keyWidth + (labelWidth > 0 ? 1 + labelWidth : 0)
            guard start + total <= limit else { break }
            canvas.write(hint.key, x: start, y: y, style: keyStyle, clip: clip)
            if labelWidth > 0 { canvas.write(hint.label, x: start + keyWidth + 1, y: y, style: labelStyle, clip: clip) }
            column = start + total
        }
        return column
    }

    /// The total width `drawHints` needs to show every hint.
    static func hintsWidth(_ hints: [(key: String, label: String)], gap: Int) -> Int {
        hints.enumerated().reduce(0) { total, item in
            let labelWidth = width(item.element.label)
            return total + (item.offset == 0 ? 0 : gap) + width(item.element.key) + (labelWidth > 0 ? 1 + labelWidth : 0)
        }
    }
}
