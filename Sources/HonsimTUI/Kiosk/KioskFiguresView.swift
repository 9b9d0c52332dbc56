import Foundation
import HonsimCore

/// This month's figures for the city and each gu: the city in the largest type that fits,
/// the gus below it as tiles when there is room and as a table when there is not, the whole
/// block centered in the space.
extension KioskViews {
    /// The figures a tile row shows, in order.
    func figureItems(_ figures: AreaStatistics) -> [(label: String, value: String)] {
        [(text(KioskText.requests), grouped(figures.requests)),
         (text(KioskText.completed), grouped(figures.completed)),
         (text(KioskText.fulfilment), figures.fulfilmentRate.map { "\(Int(($0 * 100).rounded()))%" } ?? "-"),
         (text(KioskText.hours), grouped(Int((Double(figures.volunteerMinutes) / 60).rounded()))),
         (text(KioskText.households), grouped(figures.householdsServed)),
         (text(KioskText.volunteers), grouped(figures.activeVolunteers))]
    }

    /// How the figures view is laid out at this size: the scales, and the rows each part takes.
    struct FiguresPlan {
        var perRow: Int
        var cityScale: Int?
        var cityTileHeight: Int
        var cityHeight: Int
        /// Nil: the gus go in a table.
        var guScale: Int?
        var guHeight: Int
        var total: Int { cityHeight + 1 + guHeight }
    }

    /// The largest type that fits: the city in one row of six tiles or two of three, whichever
    /// allows bigger digits, and the gus as tiles when there is room left for them.
    func plan(_ data: KioskData) -> FiguresPlan {
        let body = layout.body
        let city = figureItems(data.city).map(\.value)
        let guValues = data.gus.flatMap { figureItems($0.figures).map(\.value) }
        // Gus as tiles of their own only on a large screen, one row of six each.
        let guScale = layout.large ? commonScale(guValues, width: body.width / 6, height: tileHeight(scale: 1), maximum: 1) : nil
        let guTiles = data.gus.count * (1 + tileHeight(scale: guScale) + 1)
        let guTable = data.gus.count + 1
        let rowChoices = body.width >= 120 ? [city.count, 3] : [3]
        // Gus as tiles if the city still gets big digits beside them; else the city's digits win.
        for gusAsTiles in guScale == nil ? [false] : [true, false] {
            let guHeight = gusAsTiles ? guTiles : guTable
            for scale in stride(from: 3, through: 1, by: -1) {
                let height = tileHeight(scale: scale)
                for perRow in rowChoices {
                    let tileRows = (city.count + perRow - 1) / perRow
                    let cityHeight = 1 + tileRows * (height + 1)
                    guard commonScale(city, width: body.width / perRow, height: height, maximum: scale) == scale,
                          cityHeight + 1 + guHeight <= body.height else { continue }
                    return FiguresPlan(perRow: perRow, cityScale: scale, cityTileHeight: height, cityHeight: cityHeight,
                                       guScale: gusAsTiles ? guScale : nil, guHeight: guHeight)
                }
            }
        }
        // Too little room for big digits anywhere: figures as bold text.
        let perRow = rowChoices[0], tileRows = (city.count + perRow - 1) / perRow
        return FiguresPlan(perRow: perRow, cityScale: nil, cityTileHeight: 2, cityHeight: 1 + tileRows * 3, guScale: nil, guHeight: guTable)
    }

    func drawFigures(_ data: KioskData, into canvas: inout Canvas) {
        let body = layout.body
        if data.city.requests == 0 {
            centered([text(KioskText.noFigures)], roles: [.muted], into: &canvas)
            return
        }
        let plan = plan(data)
        var y = body.y + max(0, (body.height - plan.total) / 2)
        canvas.write(text(KioskText.city), x: body.x, y: y, style: theme.style(.title), clip: body)
        y += 1
        let items = figureItems(data.city)
        for start in stride(from: 0, to: items.count, by: plan.perRow) {
            let row = Array(items[start..<min(items.count, start + plan.perRow)])
            let width = body.width / plan.perRow * row.count
            tiles(row, rect: Rect(x: body.x, y: y, width: width, height: plan.cityTileHeight).intersection(body), scale: plan.cityScale,
                  into: &canvas)
            y += plan.cityTileHeight + 1
        }
        y += 1
        guard let guScale = plan.guScale else {
            drawGuTable(data, rect: Rect(x: body.x, y: y, width: body.width, height: body.maxY - y), into: &canvas)
            return
        }
        for gu in data.gus {
            canvas.write(gu.name, x: body.x, y: y, style: theme.style(.title), clip: body)
            tiles(figureItems(gu.figures), rect: Rect(x: body.x, y: y + 1, width: body.width, height: tileHeight(scale: guScale)).intersection(body),
                  scale: guScale, into: &canvas)
            y += 1 + tileHeight(scale: guScale) + 1
        }
    }

    /// The gus as a table of the same figures.
    private func drawGuTable(_ data: KioskData, rect: Rect, into canvas: inout Canvas) {
        let headings = figureItems(AreaStatistics()).map(\.label)
        let columns = [TableColumn(title: "", width: .flexible(minimum: 8))]
            + headings.map { TableColumn(title: $0, width: .fixed(max(7, DisplayWidth.of($0))), alignment: .right) }
        let rows = data.gus.map { gu in TableRow(cells: [gu.name] + figureItems(gu.figures).map(\.value)) }
        Table.draw(into: &canvas, rect: rect, columns: columns, rows: rows, selected: nil, focused: false, theme: theme, lines: state.lines)
    }
}
