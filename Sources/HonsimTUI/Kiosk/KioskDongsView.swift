import Foundation
import HonsimCore

/// A line of the per-dong view: a gu's heading, or a dong's bar.
enum DongLine: Hashable {
    case gu(String)
    case dong(KioskDongRow)
}

/// The dongs in the city's order under their gu's heading, cut into pages of columns. A
/// column that begins in the middle of a gu repeats its heading, so no bar is read under the
/// wrong gu.
func dongPages(_ dongs: [KioskDongRow], layout: KioskLayout) -> [[[DongLine]]] {
    let perColumn = layout.dongLinesPerColumn
    guard perColumn >= 2 else { return [[dongs.map { .dong($0) }]] }
    var columns: [[DongLine]] = []
    var column: [DongLine] = []
    var gu: String?
    for dong in dongs {
        let newGu = dong.gu != gu
        // A heading never ends a column alone.
        if column.count + (newGu ? 2 : 1) > perColumn {
            columns.append(column)
            column = []
        }
        if newGu || column.isEmpty { column.append(.gu(dong.gu)) }
        column.append(.dong(dong))
        gu = dong.gu
    }
    if !column.isEmpty { columns.append(column) }
    let perPage = layout.dongColumns
    return stride(from: 0, to: columns.count, by: perPage).map { Array(columns[$0..<min(columns.count, $0 + perPage)]) }
}

extension KioskViews {
    /// Bars of this month's requests per dong: the completed part solid, the rest shaded, all
    /// on one scale for the whole city so that pages compare.
    func drawDongs(_ data: KioskData, page: Int, into canvas: inout Canvas) {
        let pages = dongPages(data.dongs, layout: layout)
        guard pages.indices.contains(page) else { return }
        let body = layout.body
        let largest = data.dongs.map(\.figures.requests).max() ?? 0
        let columnWidth = (body.width - (layout.dongColumns - 1) * 4) / layout.dongColumns
        for (index, column) in pages[page].enumerated() {
            let x = body.x + index * (columnWidth + 4)
            drawDongHeadings(rect: Rect(x: x, y: body.y, width: columnWidth, height: 1), into: &canvas)
            for (row, line) in column.enumerated() {
                let rect = Rect(x: x, y: body.y + 1 + row, width: columnWidth, height: 1)
                switch line {
                case .gu(let name): canvas.write(name, x: rect.x, y: rect.y, style: theme.style(.title), clip: rect)
                case .dong(let dong): drawDongBar(dong, largest: largest, rect: rect, into: &canvas)
                }
            }
        }
    }

    /// Columns of a dong's line: its name, the bar, completed of requested, the fulfilment rate
    /// (completed of those that ended, as the dashboard reckons it).
    static let nameWidth = 10, countWidth = 10, rateWidth = 7

    /// What the bar and the figures are, above each column.
    private func drawDongHeadings(rect: Rect, into canvas: inout Canvas) {
        let legend = state.lines == .unicode ? "█ \(text(KioskText.completed))  ░ \(text(KioskText.requests))"
            : "# \(text(KioskText.completed))  . \(text(KioskText.requests))"
        let style = theme.style(.muted)
        canvas.write(legend, x: rect.x + Self.nameWidth, y: rect.y, style: style, clip: rect)
        WidgetSupport.writeAligned(text(KioskText.dongCounts), x: rect.maxX - Self.rateWidth - Self.countWidth, y: rect.y, width: Self.countWidth,
                                   rightAligned: true, style: style, clip: rect, into: &canvas)
        WidgetSupport.writeAligned(text(KioskText.dongRate), x: rect.maxX - Self.rateWidth, y: rect.y, width: Self.rateWidth,
                                   rightAligned: true, style: style, clip: rect, into: &canvas)
    }

    private func drawDongBar(_ dong: KioskDongRow, largest: Int, rect: Rect, into canvas: inout Canvas) {
        let figures = dong.figures
        let nameWidth = Self.nameWidth
        WidgetSupport.writeAligned(dong.name, x: rect.x + 1, y: rect.y, width: nameWidth - 1, rightAligned: false,
                                   style: theme.style(.normal), clip: rect, into: &canvas)
        WidgetSupport.writeAligned("\(figures.completed)/\(figures.requests)", x: rect.maxX - Self.rateWidth - Self.countWidth, y: rect.y,
                                   width: Self.countWidth, rightAligned: true, style: theme.style(.normal), clip: rect, into: &canvas)
        WidgetSupport.writeAligned(figures.fulfilmentRate.map { "\(Int(($0 * 100).rounded()))%" } ?? "-", x: rect.maxX - Self.rateWidth,
                                   y: rect.y, width: Self.rateWidth, rightAligned: true, style: theme.style(.normal), clip: rect, into: &canvas)
        let barWidth = max(0, rect.width - nameWidth - Self.countWidth - Self.rateWidth - 2)
        guard largest > 0, barWidth > 0 else { return }
        let requested = Int((Double(figures.requests) / Double(largest) * Double(barWidth)).rounded())
        let done = BarChart.bar(fraction: Double(figures.completed) / Double(largest), width: barWidth, lines: state.lines)
        var style = theme.style(.chartBar)
        style.attributes.remove(.reverse)
        let used = canvas.write(done, x: rect.x + nameWidth, y: rect.y, style: style, clip: rect)
        let shade = state.lines == .unicode ? "░" : "."
        canvas.write(String(repeating: shade, count: max(0, requested - used)), x: rect.x + nameWidth + used, y: rect.y,
                     style: theme.style(.muted), clip: rect)
    }
}
