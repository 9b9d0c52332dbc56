import HonsimCore

/// Figures in large type for a screen read from across a hall: a 3x5 pixel font drawn with
/// half blocks (▀ ▄ █), so a pixel is one column by half a row, about square on a terminal.
/// `scale` multiplies the pixels: at 1 a digit takes 3 columns and 3 rows, at 2 six by five.
/// With ASCII lines (PuTTY and the like) a pixel is a whole '#' cell instead.
public enum BigDigits {
    /// Each glyph's rows of pixels, top first; '#' is ink. Punctuation is narrower than digits.
    static let glyphs: [Character: [String]] = [
        "0": ["###", "#.#", "#.#", "#.#", "###"],
        "1": [".#.", "##.", ".#.", ".#.", "###"],
        "2": ["###", "..#", "###", "#..", "###"],
        "3": ["###", "..#", ".##", "..#", "###"],
        "4": ["#.#", "#.#", "###", "..#", "..#"],
        "5": ["###", "#..", "###", "..#", "###"],
        "6": ["###", "#..", "###", "#.#", "###"],
        "7": ["###", "..#", "..#", ".#.", ".#."],
        "8": ["###", "#.#", "###", "#.#", "###"],
        "9": ["###", "#.#", "###", "..#", "###"],
        ":": [".", "#", ".", "#", "."],
        ".": [".", ".", ".", ".", "#"],
        ",": [".", ".", ".", "#", "#"],
        "%": ["#.#", "..#", ".#.", "#..", "#.#"],
        "-": ["...", "...", "###", "...", "..."],
        "/": ["..#", "..#", ".#.", "#..", "#.."],
        " ": ["..", "..", "..", "..", ".."],
    ]

    static let pixelRows = 5

    /// True when every character of `text` has a glyph.
    public static func canDraw(_ text: String) -> Bool { !text.isEmpty && text.allSatisfy { glyphs[$0] != nil } }

    /// Columns and rows `text` takes at `scale`, one scaled pixel between glyphs.
    public static func size(of text: String, scale: Int, lines: LineSet) -> (width: Int, height: Int) {
        let scale = max(1, scale)
        let pixels = text.reduce(0) { $0 + (glyphs[$1]?.first?.count ?? 0) } + max(0, text.count - 1)
        return (pixels * scale, rows(scale: scale, lines: lines))
    }

    static func rows(scale: Int, lines: LineSet) -> Int {
        switch lines {
        case .unicode: return (pixelRows * scale + 1) / 2
        case .ascii, .ambiguousWide: return pixelRows * max(1, scale / 2)
        }
    }

    /// The largest scale, up to `maximum`, at which `text` fits in `width` by `height`; nil
    /// when it does not fit even at 1 (the caller writes it as ordinary text then).
    public static func scale(fitting text: String, width: Int, height: Int, maximum: Int = 4, lines: LineSet) -> Int? {
        guard canDraw(text) else { return nil }
        return stride(from: maximum, through: 1, by: -1).first { scale in
            let size = size(of: text, scale: scale, lines: lines)
            return size.width <= width && size.height <= height
        }
    }

    /// The rows of text that draw `text`: what `draw` writes, for tests to read too.
    public static func render(_ text: String, scale: Int, lines: LineSet) -> [String] {
        let scale = max(1, scale)
        // The pixel grid, one scaled pixel of space between glyphs.
        var grid = Array(repeating: [Bool](), count: pixelRows * scale)
        for (index, character) in text.enumerated() {
            guard let glyph = glyphs[character] else { continue }
            for (row, pattern) in glyph.enumerated() {
                var pixels = pattern.flatMap { Array(repeating: $0 == "#", count: scale) }
                if index < text.count - 1 { pixels += Array(repeating: false, count: scale) }
                for copy in 0..<scale { grid[row * scale + copy] += pixels }
            }
        }
        let width = grid.first?.count ?? 0
        switch lines {
        case .ascii, .ambiguousWide:
            let stretch = max(1, scale / 2)
            return stride(from: 0, to: grid.count, by: scale).flatMap { row in
                Array(repeating: String(grid[row].map { $0 ? "#" : " " }), count: stretch)
            }
        case .unicode:
            return stride(from: 0, to: grid.count, by: 2).map { top in
                String((0..<width).map { x -> Character in
                    let upper = grid[top][x], lower = top + 1 < grid.count && grid[top + 1][x]
                    switch (upper, lower) {
                    case (true, true): return "█"
                    case (true, false): return "▀"
                    case (false, true): return "▄"
                    case (false, false): return " "
                    }
                })
            }
        }
    }

    /// Draws `text` with its top left at (x, y), inside `clip`. Returns the columns used.
    @discardableResult
    public static func draw(_ text: String, x: Int, y: Int, scale: Int, lines: LineSet, style: Style, clip: Rect,
                            into canvas: inout Canvas) -> Int {
        let rows = render(text, scale: scale, lines: lines)
        for (offset, row) in rows.enumerated() {
            canvas.write(row, x: x, y: y + offset, style: style, clip: clip)
        }
        return rows.first.map(DisplayWidth.of) ?? 0
    }
}
