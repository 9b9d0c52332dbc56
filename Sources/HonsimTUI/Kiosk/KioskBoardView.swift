import Foundation
import HonsimCore

/// Today's escorts by time: counts on top, then a page of the day's rows. Every name on it
/// was masked when the data was read.
extension KioskViews {
    /// Today's counts as the hall reads them: all of today's escorts, done, under way (a
    /// volunteer is on it), and still waiting for one.
    struct BoardCounts {
        var total = 0, completed = 0, underway = 0, waiting = 0, urgent = 0, vehicles = 0

        init(_ rows: [KioskBoardRow]) {
            total = rows.count
            for row in rows {
                if row.vehicleUnconfirmed { vehicles += 1 }
                switch row.status {
                case .completed: completed += 1
                case .assigned, .confirmed, .inProgress: underway += 1
                case .pending: waiting += 1; if row.urgent { urgent += 1 }
                case .cancelled, .noShow: break
                }
            }
        }
    }

    func drawBoard(_ data: KioskData, page: Int, into canvas: inout Canvas) {
        let body = layout.body
        let counts = BoardCounts(data.board)
        let (summary, rest) = body.splitTop(layout.boardSummaryHeight)
        if layout.large {
            let items = [(text(KioskText.today), grouped(counts.total)), (text(KioskText.completed), grouped(counts.completed)),
                         (text(KioskText.underway), grouped(counts.underway)), (text(KioskText.waiting), grouped(counts.waiting))]
            let rect = Rect(x: summary.x, y: summary.y, width: summary.width, height: summary.height - 1)
            tiles(items, rect: rect, scale: commonScale(items.map(\.1), width: rect.width / items.count, height: rect.height, maximum: 2),
                  into: &canvas)
        } else {
            drawCountsLine(counts, rect: summary.row(0), into: &canvas)
        }
        guard !data.board.isEmpty else {
            centered([text(KioskText.noEscortsToday)], roles: [.muted], into: &canvas)
            return
        }
        let perPage = layout.boardRowsPerPage
        let rows = Array(data.board.dropFirst(page * perPage).prefix(perPage))
        let ko = state.language == .ko
        // 차량 미확정 needs the room of its words, where a day has one.
        let statusWidth = rows.contains(where: \.vehicleUnconfirmed) ? 14 : (ko ? 6 : 11)
        let columns = [
            TableColumn(title: text(KioskText.colTime), width: .fixed(5)),
            TableColumn(title: text(KioskText.colHousehold), width: .fixed(ko ? 8 : 9)),
            TableColumn(title: text(KioskText.colDong), width: .fixed(8)),
            TableColumn(title: text(KioskText.colHospital), width: .flexible(minimum: 10)),
            TableColumn(title: text(KioskText.colVolunteer), width: .fixed(9)),
            TableColumn(title: text(KioskText.colStatus), width: .fixed(statusWidth)),
        ]
        let tableRows = rows.map { row -> TableRow in
            let status = row.urgent ? text(KioskText.urgent)
                : row.vehicleUnconfirmed ? text(KioskText.vehicleUnconfirmed)
                : DomainPhrases.status(row.status).text(state.language)
            return TableRow(cells: [ClockTime(row.appointmentAt, calendar: state.calendar).description, row.household, row.dong,
                                    row.hospital, row.volunteer, status],
                            cellRoles: [nil, nil, nil, nil, nil, statusRole(row)], role: rowRole(row))
        }
        Table.draw(into: &canvas, rect: rest, columns: columns, rows: tableRows, selected: nil, focused: false, theme: theme, lines: state.lines)
    }

    /// "오늘 23건 · 완료 5 · 진행 12 · 대기 6 (긴급 2)", the figures in the accent color.
    private func drawCountsLine(_ counts: BoardCounts, rect: Rect, into canvas: inout Canvas) {
        var parts: [(String, Int, StyleRole)] = [
            (text(KioskText.completed), counts.completed, .ok), (text(KioskText.underway), counts.underway, .accent),
            (text(KioskText.waiting), counts.waiting, .warning),
        ]
        if counts.urgent > 0 { parts.append((text(KioskText.urgent), counts.urgent, .urgent)) }
        if counts.vehicles > 0 { parts.append((text(KioskText.vehicleUnconfirmed), counts.vehicles, .urgent)) }
        var x = rect.x
        for (index, part) in parts.enumerated() {
            if index > 0 { x += canvas.write("  ·  ", x: x, y: rect.y, style: theme.style(.muted), clip: rect) }
            x += canvas.write(part.0 + " ", x: x, y: rect.y, style: theme.style(.normal), clip: rect)
            x += canvas.write(grouped(part.1), x: x, y: rect.y, style: WidgetSupport.layer(Style(attributes: .bold), over: theme.style(part.2)), clip: rect)
        }
    }

    private func statusRole(_ row: KioskBoardRow) -> StyleRole? {
        if row.urgent || row.vehicleUnconfirmed { return .urgent }
        switch row.status {
        case .completed: return .ok
        case .inProgress: return .accent
        case .pending: return .warning
        case .assigned, .confirmed, .cancelled, .noShow: return nil
        }
    }

    private func rowRole(_ row: KioskBoardRow) -> StyleRole? {
        if let until = state.changed[row.requestID], until > state.now { return .changed }
        return row.status == .cancelled || row.status == .noShow ? .muted : nil
    }
}
