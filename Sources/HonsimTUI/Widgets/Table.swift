import HonsimCore

public struct TableColumn: Hashable, Sendable {
    public enum Width: Hashable, Sendable {
        /// Exactly this many columns (fewer only when the table runs out of room).
        case fixed(Int)
        /// At least `minimum` columns, plus an equal share of the width the fixed columns leave.
        case flexible(minimum: Int)
    }

    public enum Alignment: Hashable, Sendable { case left, right }

    public var title: String
    public var width: Width
    public var alignment: Alignment

    public init(title: String, width: Width = .flexible(minimum: 1), alignment: Alignment = .left) {
        self.title = title
        self.width = width
        self.alignment = alignment
    }
}

public struct TableRow: Hashable, Sendable {
    public var cells: [String]
    /// A role per cell (nil: the row's), e.g. `.urgent` on a status cell. May be shorter than `cells`.
    public var cellRoles: [StyleRole?]
    /// A role for the whole row: `.urgent`, `.changed`, `.muted`.
    public var role: StyleRole?

    public init(cells: [String], cellRoles: [StyleRole?] = [], role: StyleRole? = nil) {
        self.cells = cells
        self.cellRoles = cellRoles
        self.role = role
    }
}

/// A table with a header row and a selected row, scrolled without any stored state: the same
/// (rows, selected, height) always draws the same screen, so `view` stays a pure function.
///
/// Scrolling: with `visibleRows` = height − 1 (the header), the first visible row is 0 while
/// the selection is on the first page, and `max(0, min(selected − (visibleRows − 1),
/// rows.count − visibleRows))` once it is past it: the selection sits on the last line.
///
/// Scroll indicator: when rows overflow, the rightmost column of the rect is kept for marks:
/// `↑` (ascii `^`) on the first visible row when rows are hidden above, `↓` (ascii `v`) on the
/// last visible row when rows are hidden below. A position such as "12/40" belongs in the
/// pane's frame badge.
public struct Table: Hashable, Sendable {
    public var columns: [TableColumn]
    public var rows: [TableRow]
    public var selected: Int?
    public var focused: Bool
    public var emptyMessage: String
    public var lines: LineSet

    public init(columns: [TableColumn], rows: [TableRow], selected: Int? = nil, focused: Bool = false,
                emptyMessage: String = "", lines: LineSet = .unicode) {
        self.columns = columns
        self.rows = rows
        self.selected = selected
        self.focused = focused
        self.emptyMessage = emptyMessage
        self.lines = lines
    }

    /// Column widths for `totalWidth` with one space between columns. Fixed columns get their
    /// width, flexible ones their minimum plus an equal share of what is left (the first ones
    /// get the odd columns). When that does not fit, columns are cut from the right: the last
    /// one that fits partly gets what remains, the ones after it 0 (and are not drawn).
    public static func columnWidths(_ columns: [TableColumn], totalWidth: Int) -> [Int] {
        guard totalWidth > 0, !columns.isEmpty else { return Array(repeating: 0, count: columns.count) }
        var fixed = 0, minimums = 0, flexibleCount = 0
        for column in columns {
            switch column.width {
            case .fixed(let n): fixed += max(0, n)
            case .flexible(let minimum): minimums += max(0, minimum); flexibleCount += 1
            }
        }
        let extra = max(0, totalWidth - (columns.count - 1) - fixed - minimums)
        var flexibleIndex = 0
        var left = totalWidth
        return columns.enumerated().map { index, column in
            var ideal: Int
            switch column.width {
            case .fixed(let n): ideal = max(0, n)
            case .flexible(let minimum):
                ideal = max(0, minimum) + extra / flexibleCount + (flexibleIndex < extra % flexibleCount ? 1 : 0)
                flexibleIndex += 1
            }
            if index > 0 {
                guard left >= 2 else { left = 0; return 0 }
                left -= 1
            }
            ideal = min(ideal, left)
            left -= ideal
            return ideal
        }
    }

    /// The first row shown; see the type's documentation.
    public static func firstVisibleRow(selected: Int?, rowCount: Int, visibleRows: Int) -> Int {
        guard let selected, visibleRows > 0, selected >= visibleRows else { return 0 }
        return max(0, min(selected - (visibleRows - 1), rowCount - visibleRows))
    }

    public func draw(into canvas: inout Canvas, rect: Rect, theme: Theme) {
        draw(into: &canvas, rect: rect, theme: theme, rowCount: rows.count) { rows[$0] }
    }

    /// Draws a table whose rows are made on demand: only the rows on screen are asked for, so
    /// a list of twenty thousand volunteers costs what its twenty-five visible rows cost.
    public static func draw(into canvas: inout Canvas, rect: Rect, columns: [TableColumn], rowCount: Int,
                            row: (Int) -> TableRow, selected: Int?, focused: Bool, theme: Theme,
                            emptyMessage: String = "", lines: LineSet = .unicode) {
        Table(columns: columns, rows: [], selected: selected, focused: focused, emptyMessage: emptyMessage, lines: lines)
            .draw(into: &canvas, rect: rect, theme: theme, rowCount: rowCount, rowAt: row)
    }

    func draw(into canvas: inout Canvas, rect: Rect, theme: Theme, rowCount: Int, rowAt: (Int) -> TableRow) {
        guard !rect.isEmpty else { return }
        let visibleRows = rect.height - 1
        let overflows = visibleRows > 0 && rowCount > visibleRows
        // The indicator column is taken only when it is needed and the table is wide enough.
        let indicator = overflows && rect.width >= 2
        let contentWidth = rect.width - (indicator ? 1 : 0)
        let widths = Self.columnWidths(columns, totalWidth: contentWidth)
        var starts: [Int] = []
        var x = rect.x
        for width in widths { starts.append(x); x += width > 0 ? width + 1 : 0 }

        let header = theme.style(.header)
        canvas.fill(rect.row(0), style: header)
        for (index, column) in columns.enumerated() where widths[index] > 0 {
            WidgetSupport.writeAligned(column.title, x: starts[index], y: rect.y, width: widths[index],
                                       rightAligned: column.alignment == .right, style: header, clip: rect, into: &canvas)
        }
        guard visibleRows > 0 else { return }
        guard rowCount > 0 else { return drawEmpty(into: &canvas, rect: rect, theme: theme) }

        let selectedRow = selected.map { min(max(0, $0), rowCount - 1) }
        let first = Self.firstVisibleRow(selected: selectedRow, rowCount: rowCount, visibleRows: visibleRows)
        let selectionStyle = theme.style(focused ? .selection : .selectionUnfocused)
        for line in 0..<min(visibleRows, rowCount - first) {
            let index = first + line, row = rowAt(index), y = rect.y + 1 + line
            let isSelected = index == selectedRow
            var rowStyle = theme.style(.normal)
            if let role = row.role { rowStyle = WidgetSupport.layer(theme.style(role), over: rowStyle) }
            let lineStyle = isSelected ? WidgetSupport.layer(selectionStyle, over: rowStyle) : rowStyle
            // The whole width, gaps included, so the selection reads as one bar.
            canvas.fill(rect.row(1 + line), style: lineStyle)
            for (column, spec) in columns.enumerated() where widths[column] > 0 {
                var style = rowStyle
                if column < row.cellRoles.count, let role = row.cellRoles[column] {
                    style = WidgetSupport.layer(theme.style(role), over: style)
                }
                if isSelected { style = WidgetSupport.layer(selectionStyle, over: style) }
                WidgetSupport.writeAligned(column < row.cells.count ? row.cells[column] : "", x: starts[column], y: y,
                                           width: widths[column], rightAligned: spec.alignment == .right,
                                           style: style, clip: rect, into: &canvas)
            }
            if indicator {
                let more = line == 0 && first > 0 ? lines.arrowUp
                    : (line == visibleRows - 1 && index < rowCount - 1 ? lines.arrowDown : "")
                if !more.isEmpty {
                    let style = isSelected ? lineStyle : WidgetSupport.layer(theme.style(.muted), over: lineStyle)
                    canvas.write(more, x: rect.maxX - 1, y: y, style: style, clip: rect)
                }
            }
        }
    }

    /// The empty message, centered in the rows area in muted style.
    private func drawEmpty(into canvas: inout Canvas, rect: Rect, theme: Theme) {
        let text = WidgetSupport.fit(emptyMessage, rect.width)
        guard !text.isEmpty else { return }
        let y = rect.y + 1 + (rect.height - 1 - 1) / 2
        let x = rect.x + (rect.width - DisplayWidth.of(text)) / 2
        canvas.write(text, x: x, y: y, style: theme.style(.muted), clip: rect)
    }

    /// Draws a table in one call; see `draw(into:rect:theme:)`.
    public static func draw(into canvas: inout Canvas, rect: Rect, columns: [TableColumn], rows: [TableRow],
                            selected: Int?, focused: Bool, theme: Theme, emptyMessage: String = "",
                            lines: LineSet = .unicode) {
        Table(columns: columns, rows: rows, selected: selected, focused: focused, emptyMessage: emptyMessage, lines: lines)
            .draw(into: &canvas, rect: rect, theme: theme)
    }
}
