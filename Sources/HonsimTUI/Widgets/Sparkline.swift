import HonsimCore

/// A one-row trend, e.g. requests per day over the last weeks: ▁▂▃▄▅▆▇█ (ascii " .:-=+*#"),
/// scaled from zero to the largest value shown, newest at the right.
public struct Sparkline: Hashable, Sendable {
    public var values: [Double]
    public var lines: LineSet

    public init(values: [Double], lines: LineSet = .unicode) {
        self.values = values
        self.lines = lines
    }

    static let unicodeLevels: [Character] = ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]
    static let asciiLevels: [Character] = [" ", ".", ":", "-", "=", "+", "*", "#"]

    /// The last `width` values, one character each. Zero, negative and non-finite values take
    /// the lowest level; a value above zero takes at least the second, so it never looks like
    /// zero. All zeros give a flat line of the lowest level.
    public static func render(_ values: [Double], width: Int, lines: LineSet) -> String {
        guard width > 0 else { return "" }
        let shown = values.suffix(width).map { $0.isFinite ? max(0, $0) : 0 }
        let levels = lines == .unicode ? unicodeLevels : asciiLevels
        let top = shown.max() ?? 0
        return String(shown.map { value -> Character in
            guard top > 0, value > 0 else { return levels[0] }
            let level = Int((value / top * Double(levels.count - 1)).rounded())
            return levels[min(levels.count - 1, max(1, level))]
        })
    }

    /// Draws in the first row of `rect`, left-aligned, in `.sparkline` style.
    public func draw(into canvas: inout Canvas, rect: Rect, theme: Theme) {
        let row = rect.row(0)
        guard !row.isEmpty else { return }
        canvas.write(Self.render(values, width: row.width, lines: lines), x: row.x, y: row.y,
                     style: theme.style(.sparkline), clip: row)
    }

    /// Draws a sparkline in one call; see `draw(into:rect:theme:)`.
    public static func draw(into canvas: inout Canvas, rect: Rect, values: [Double], lines: LineSet = .unicode,
                            theme: Theme) {
        Sparkline(values: values, lines: lines).draw(into: &canvas, rect: rect, theme: theme)
    }
}
