import Foundation
import HonsimCore

/// One cell of the grid: a grapheme of display width 1 or 2, or the right half of a wide one.
public struct Cell: Hashable, Sendable {
    /// The grapheme drawn here; "" marks the continuation cell right of a wide grapheme.
    public var grapheme: String
    public var style: Style

    public init(_ grapheme: String = " ", style: Style = .plain) {
        self.grapheme = grapheme
        self.style = style
    }

    public var isContinuation: Bool { grapheme.isEmpty }
}

/// A rectangle of cells; widgets draw inside one and never outside it.
public struct Rect: Hashable, Sendable {
    public var x: Int
    public var y: Int
    public var width: Int
    public var height: Int

    public init(x: Int, y: Int, width: Int, height: Int) {
        self.x = x
        self.y = y
        self.width = max(0, width)
        self.height = max(0, height)
    }

    public var isEmpty: Bool { width <= 0 || height <= 0 }
    public var maxX: Int { x + width }
    public var maxY: Int { y + height }

    public func inset(by amount: Int) -> Rect {
        Rect(x: x + amount, y: y + amount, width: width - 2 * amount, height: height - 2 * amount)
    }

    public func intersection(_ other: Rect) -> Rect {
        let left = max(x, other.x), top = max(y, other.y)
        return Rect(x: left, y: top, width: min(maxX, other.maxX) - left, height: min(maxY, other.maxY) - top)
    }

    public func contains(x px: Int, y py: Int) -> Bool { px >= x && px < maxX && py >= y && py < maxY }

    /// The top `rows` rows, and the rest below.
    public func splitTop(_ rows: Int) -> (top: Rect, rest: Rect) {
        let rows = min(max(0, rows), height)
        return (Rect(x: x, y: y, width: width, height: rows), Rect(x: x, y: y + rows, width: width, height: height - rows))
    }

    /// The left `columns` columns, and the rest to the right.
    public func splitLeft(_ columns: Int) -> (left: Rect, rest: Rect) {
        let columns = min(max(0, columns), width)
        return (Rect(x: x, y: y, width: columns, height: height), Rect(x: x + columns, y: y, width: width - columns, height: height))
    }

    public func row(_ offset: Int) -> Rect { Rect(x: x, y: y + offset, width: width, height: offset < height ? 1 : 0) }
}

/// The screen as a grid of cells that knows display width: a Hangul syllable takes two
/// cells, the second a continuation. Text is sanitized on the way in, so nothing from the
/// store can steer the terminal, and a wide grapheme is never split at an edge.
public struct Canvas: Hashable, Sendable {
    public let width: Int
    public let height: Int
    public private(set) var cells: [Cell]

    public init(width: Int, height: Int, style: Style = .plain) {
        self.width = max(0, width)
        self.height = max(0, height)
        cells = Array(repeating: Cell(" ", style: style), count: self.width * self.height)
    }

    public var bounds: Rect { Rect(x: 0, y: 0, width: width, height: height) }

    public subscript(x: Int, y: Int) -> Cell {
        get { cells[y * width + x] }
        set { cells[y * width + x] = newValue }
    }

    /// Writes `text` from (x, y) within `clip` (the whole canvas by default), sanitized and cut
    /// at a grapheme boundary. A wide grapheme that would straddle the clip's right edge is
    /// left out and its cell padded with a space. Returns the columns used.
    @discardableResult
    public mutating func write(_ text: String, x: Int, y: Int, style: Style, clip: Rect? = nil) -> Int {
        let area = (clip ?? bounds).intersection(bounds)
        guard area.contains(x: max(x, area.x), y: y), y >= area.y, y < area.maxY else { return 0 }
        var column = x
        /// Places one grapheme; false once the clip's right edge is reached.
        func place(_ grapheme: String, columns: Int) -> Bool {
            if columns == 0 { return true }
            if column + columns > area.maxX {
                if column < area.maxX && column >= area.x { put(Cell(" ", style: style), x: column, y: y) }
                return false
            }
            // A wide grapheme straddling the clip's left edge: its right half is inside, and
            // gets a space rather than keeping whatever was there.
            if column < area.x && column + columns > area.x { put(Cell(" ", style: style), x: area.x, y: y) }
            if column >= area.x {
                put(Cell(grapheme, style: style), x: column, y: y)
                if columns == 2 { put(Cell("", style: style), x: column + 1, y: y) }
            }
            column += columns
            return true
        }
        let clean = TerminalText.sanitize(text)
        // Text of lone scalars (nearly all of it) skips finding grapheme boundaries.
        if DisplayWidth.isScalarByScalar(clean) {
            for scalar in clean.unicodeScalars where !place(String(scalar), columns: DisplayWidth.loneWidth(scalar) ?? 1) { break }
        } else {
            for character in clean where !place(String(character), columns: DisplayWidth.of(character)) { break }
        }
        return max(0, column - x)
    }

    /// Writes `text` cut to `width` columns with an ellipsis when it does not fit, and pads the
    /// rest with spaces in the same style. Returns the columns used by the text.
    @discardableResult
    public mutating func write(_ text: String, x: Int, y: Int, width: Int, style: Style, clip: Rect? = nil) -> Int {
        let fitted = TerminalText.truncate(TerminalText.sanitize(text), width: width)
        let used = write(fitted, x: x, y: y, style: style, clip: clip ?? bounds)
        if used < width { fill(Rect(x: x + used, y: y, width: width - used, height: 1).intersection(clip ?? bounds), style: style) }
        return used
    }

    public mutating func fill(_ rect: Rect, style: Style, grapheme: String = " ") {
        let area = rect.intersection(bounds)
        guard !area.isEmpty else { return }
        let cell = Cell(grapheme, style: style)
        // Only the edge cells can cut a wide grapheme in half; those inside are simply replaced.
        let edgesOnly = area.width > 2 && DisplayWidth.of(grapheme) == 1
        for y in area.y..<area.maxY {
            guard edgesOnly else {
                for x in area.x..<area.maxX { put(cell, x: x, y: y) }
                continue
            }
            put(cell, x: area.x, y: y)
            let row = y * width
            for index in (row + area.x + 1)..<(row + area.maxX - 1) { cells[index] = cell }
            put(cell, x: area.maxX - 1, y: y)
        }
    }

    /// Changes the style of a rectangle and keeps its text: selection bars, change marks.
    public mutating func restyle(_ rect: Rect, style: Style) {
        let area = rect.intersection(bounds)
        guard !area.isEmpty else { return }
        for y in area.y..<area.maxY {
            for x in area.x..<area.maxX { cells[y * width + x].style = style }
        }
    }

    /// Places one cell, first clearing a wide grapheme it would cut in half.
    private mutating func put(_ cell: Cell, x: Int, y: Int) {
        guard x >= 0, x < width, y >= 0, y < height else { return }
        let index = y * width + x
        if cells[index].isContinuation && x > 0 && !cell.isContinuation {
            cells[index - 1].grapheme = " "
        }
        // Overwriting the left half of a wide grapheme, with anything (a continuation too: a
        // wide grapheme written one column to the left), leaves no orphaned right half.
        if x + 1 < width, cells[index + 1].isContinuation,
           DisplayWidth.of(cells[index].grapheme) == 2 || cells[index].isContinuation {
            cells[index + 1].grapheme = " "
        }
        cells[index] = cell
    }

    /// The text of one row, continuation cells left out: what a person reads on that line.
    public func line(_ y: Int) -> String {
        guard y >= 0, y < height else { return "" }
        return cells[(y * width)..<((y + 1) * width)].reduce(into: "") { $0 += $1.grapheme }
    }

    /// Every row, trailing spaces trimmed: the golden-snapshot form of the screen.
    public var text: String {
        (0..<height).map { line($0).replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression) }.joined(separator: "\n")
    }
}
