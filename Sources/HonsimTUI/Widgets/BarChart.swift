import Foundation
import HonsimCore

public struct BarChartItem: Hashable, Sendable {
    public var label: String
    public var value: Double
    /// What is written right of the bar; nil: the value, without decimals when it is whole.
    public var valueText: String?
    /// A role for this bar; nil: `.chartBar` and `.chartBarAlt` alternate by row.
    public var role: StyleRole?

    public init(label: String, value: Double, valueText: String? = nil, role: StyleRole? = nil) {
        self.label = label
        self.value = value
        self.valueText = valueText
        self.role = role
    }

    var text: String {
        if let valueText { return valueText }
        guard value.isFinite else { return "-" }
        return value == value.rounded() ? String(format: "%.0f", value) : String(format: "%.1f", value)
    }
}

/// Horizontal bars, one item per row: a label column, the bar, the value right after it.
/// Unicode bars have eighth-column resolution (▏▎▍▌▋▊▉█); ascii bars are whole '#' columns.
/// Values are scaled to `maxValue`, or to the largest value when nil.
public struct BarChart: Hashable, Sendable {
    public var items: [BarChartItem]
    public var maxValue: Double?
    /// Width of the label column; nil: the longest label, at most a third of the rect.
    public var labelWidth: Int?
    public var lines: LineSet

    public init(items: [BarChartItem], maxValue: Double? = nil, labelWidth: Int? = nil, lines: LineSet = .unicode) {
        self.items = items
        self.maxValue = maxValue
        self.labelWidth = labelWidth
        self.lines = lines
    }

    static let partials = ["▏", "▎", "▍", "▌", "▋", "▊", "▉"]

    /// The bar for `fraction` (0...1, clamped) of `width` columns. A fraction above zero
    /// always shows at least the thinnest mark, so "1" never looks like "0".
    public static func bar(fraction: Double, width: Int, lines: LineSet) -> String {
        guard width > 0, fraction.isFinite, fraction > 0 else { return "" }
        let fraction = min(1, fraction)
        switch lines {
        case .unicode:
            let eighths = max(1, Int((fraction * Double(width) * 8).rounded()))
            let partial = eighths % 8 == 0 ? "" : partials[eighths % 8 - 1]
            return String(repeating: "█", count: eighths / 8) + partial
        case .ascii, .ambiguousWide:
            return String(repeating: "#", count: max(1, Int((fraction * Double(width)).rounded())))
        }
    }

    public func draw(into canvas: inout Canvas, rect: Rect, theme: Theme) {
        guard !rect.isEmpty, !items.isEmpty else { return }
        let normal = theme.style(.normal)
        let labelColumn = min(labelWidth ?? min(items.map { WidgetSupport.width($0.label) }.max() ?? 0, rect.width / 3),
                              rect.width)
        let valueColumn = items.map { WidgetSupport.width($0.text) }.max() ?? 0
        let barX = rect.x + labelColumn + (labelColumn > 0 ? 1 : 0)
        let barWidth = max(0, rect.maxX - barX - (valueColumn > 0 ? valueColumn + 1 : 0))
        let scale = maxValue ?? items.map(\.value).filter(\.isFinite).max() ?? 0

        for (index, item) in items.prefix(rect.height).enumerated() {
            let y = rect.y + index
            WidgetSupport.writeAligned(item.label, x: rect.x, y: y, width: labelColumn, rightAligned: false,
                                       style: normal, clip: rect, into: &canvas)
            var style = theme.style(item.role ?? (index % 2 == 0 ? .chartBar : .chartBarAlt))
            // Bars are glyphs drawn in the foreground: reversed, a full block would vanish.
            style.attributes.remove(.reverse)
            let bar = scale > 0 ? Self.bar(fraction: item.value / scale, width: barWidth, lines: lines) : ""
            let used = canvas.write(bar, x: barX, y: y, style: style, clip: rect)
            canvas.write(WidgetSupport.fit(item.text, valueColumn), x: barX + used + (used > 0 ? 1 : 0), y: y,
                         style: normal, clip: rect)
        }
    }

    /// Draws a bar chart in one call; see `draw(into:rect:theme:)`.
    public static func draw(into canvas: inout Canvas, rect: Rect, items: [BarChartItem], maxValue: Double? = nil,
                            labelWidth: Int? = nil, lines: LineSet = .unicode, theme: Theme) {
        BarChart(items: items, maxValue: maxValue, labelWidth: labelWidth, lines: lines)
            .draw(into: &canvas, rect: rect, theme: theme)
    }
}
