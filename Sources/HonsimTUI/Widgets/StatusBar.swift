import HonsimCore

/// The bottom line, htop's function bar: left text (store and its state), key hints
/// ("? 도움말  / 검색"), right-aligned text (urgent count, user, time). Drawn in the first row
/// of the rect with one column of margin at each end.
///
/// When room runs out the right text wins (it carries the urgent count), then the left text,
/// which is cut with "…"; hints are dropped from the end, never cut.
public struct StatusBar: Sendable {
    public var left: String
    public var hints: [(key: String, label: String)]
    public var right: String

    /// Columns between two hints, and between the left text and the first hint.
    static let gap = 2

    public init(left: String = "", hints: [(key: String, label: String)] = [], right: String = "") {
        self.left = left
        self.hints = hints
        self.right = right
    }

    public func draw(into canvas: inout Canvas, rect: Rect, theme: Theme) {
        let row = rect.row(0)
        guard !row.isEmpty else { return }
        let bar = theme.style(.statusBar)
        canvas.fill(row, style: bar)
        let margin = row.width >= 3 ? 1 : 0
        let start = row.x + margin, end = row.maxX - margin

        let rightText = WidgetSupport.fit(right, end - start)
        let rightX = end - DisplayWidth.of(rightText)
        canvas.write(rightText, x: rightX, y: row.y, style: bar, clip: row)
        // Everything else ends a gap before the right text.
        let limit = rightText.isEmpty ? end : rightX - Self.gap

        let leftText = WidgetSupport.fit(left, limit - start)
        var x = start + canvas.write(leftText, x: start, y: row.y, style: bar, clip: row)
        if !leftText.isEmpty { x += Self.gap }
        WidgetSupport.drawHints(hints, x: x, y: row.y, limit: limit, gap: Self.gap,
                                keyStyle: theme.style(.statusKey), labelStyle: bar, clip: row, into: &canvas)
    }

    /// Draws a status bar in one call; see `draw(into:rect:theme:)`.
    public static func draw(into canvas: inout Canvas, rect: Rect, left: String = "",
                            hints: [(key: String, label: String)] = [], right: String = "", theme: Theme) {
        StatusBar(left: left, hints: hints, right: right).draw(into: &canvas, rect: rect, theme: theme)
    }
}
