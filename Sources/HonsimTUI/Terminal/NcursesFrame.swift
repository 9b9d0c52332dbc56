/// What to send to curses for one frame, worked out from the previous canvas and the new
/// one. Pure, so the wide/narrow edge cases are tested without a terminal.
enum FramePlan {
    /// The columns of row `y` whose cell must be written again, left to right. Continuation
    /// cells are never listed: curses advances over a wide character by itself. When a cell
    /// changes between wide and narrow, its neighbour is listed too, so no half of a wide
    /// character is left behind on the screen.
    static func columns(previous: Canvas?, current: Canvas, row y: Int, width: Int) -> [Int] {
        let width = min(width, current.width)
        guard width > 0, y >= 0, y < current.height else { return [] }
        guard let previous, previous.width == current.width, previous.height == current.height else {
            return (0..<width).filter { !isCovered(current, x: $0, y: y) }
        }
        var marked = [Bool](repeating: false, count: width)
        for x in 0..<width where previous[x, y] != current[x, y] {
            marked[x] = true
            // A continuation cell that changed, or a cell that used to be one: its left
            // neighbour is the wide character that covers (or covered) it.
            if x > 0, current[x, y].isContinuation || previous[x, y].isContinuation { marked[x - 1] = true }
            // (A wide character that became narrow needs no rule: its old right half changed
            // from a continuation to a cell of its own, so that cell is marked by itself.)
        }
        return (0..<width).filter { marked[$0] && !isCovered(current, x: $0, y: y) }
    }

    /// A continuation cell that really follows a wide character: curses draws it with that one.
    /// An orphan continuation (column 0, or after another continuation) is drawn as a space.
    static func isCovered(_ canvas: Canvas, x: Int, y: Int) -> Bool {
        canvas[x, y].isContinuation && x > 0 && !canvas[x - 1, y].isContinuation
    }

    /// Whether the cell at x is the left half of a wide character in this canvas.
    static func isWide(_ canvas: Canvas, x: Int, y: Int) -> Bool {
        x + 1 < canvas.width && canvas[x + 1, y].isContinuation && !canvas[x, y].isContinuation
    }
}

/// Turns a grapheme into what setcchar wants.
enum Glyph {
    /// setcchar takes at most CCHARW_MAX (5) wide characters: a spacing one and combining marks.
    static let maximumScalars = 5

    /// The grapheme's scalars as a NUL-ended wchar_t array. An empty grapheme (an orphan
    /// continuation) becomes a space.
    static func wideCharacters(_ grapheme: String) -> [Int32] {
        var result = grapheme.unicodeScalars.prefix(maximumScalars).map { Int32(bitPattern: $0.value) }
        if result.isEmpty { result = [0x20] }
        result.append(0)
        return result
    }

    /// Box-drawing and block characters as ASCII, for `lineDrawing: ascii` (PuTTY with a
    /// non-UTF-8 character set, fonts without the glyphs). Everything else is kept.
    static func asciiFallback(_ grapheme: String) -> String {
        guard let scalar = grapheme.unicodeScalars.first, grapheme.unicodeScalars.count == 1 else { return grapheme }
        return asciiLine(scalar) ?? grapheme
    }

    /// A box-drawing or block character as ASCII, or nil for any other.
    static func asciiLine(_ scalar: Unicode.Scalar) -> String? {
        switch scalar.value {
        case 0x2500, 0x2501, 0x2504, 0x2505, 0x2508, 0x2509, 0x254C, 0x254D, 0x2550, 0x2574, 0x2576, 0x2578, 0x257A:
            return "-"
        case 0x2502, 0x2503, 0x2506, 0x2507, 0x250A, 0x250B, 0x254E, 0x254F, 0x2551, 0x2575, 0x2577, 0x2579, 0x257B:
            return "|"
        case 0x2500...0x257F:
            return "+"
        case 0x2581, 0x2582:
            return "_"
        case 0x2591:
            return "."
        case 0x2592:
            return ":"
        case 0x2580...0x259F:
            return "#"
        default:
            return nil
        }
    }
}
