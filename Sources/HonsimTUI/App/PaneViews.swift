import Foundation
import HonsimCore
import HonsimStore

/// A table column that is shown only when the pane is wide enough: lower priority goes first.
struct PaneColumn {
    var column: TableColumn
    var priority: Int
    var value: (Int) -> String
    var role: ((Int) -> StyleRole?)? = nil
}

/// 12.5 from 12.46: Foundation's String(format:) is too slow to call for every cell of a frame.
func oneDecimal(_ value: Double) -> String {
    let tenths = Int((value * 10).rounded())
    return "\(tenths / 10).\(abs(tenths % 10))"
}

/// Keeps the most important columns that fit in `width`, in their original order.
/// A fixed column is at least as wide as its title in the screen's language ("household" is
/// wider than "대상자"), so that a header is dropped with its column rather than cut.
func fitColumns(_ columns: [PaneColumn], width: Int) -> [PaneColumn] {
    var kept = columns.map { item in
        var item = item
        if case .fixed(let n) = item.column.width { item.column.width = .fixed(max(n, DisplayWidth.of(item.column.title))) }
        return item
    }
    func needed(_ set: [PaneColumn]) -> Int {
        set.reduce(0) { total, item in
            switch item.column.width {
            case .fixed(let n): return total + n + 1
            case .flexible(let minimum): return total + minimum + 1
            }
        }
    }
    while needed(kept) > width, let drop = kept.enumerated().min(by: { $0.element.priority < $1.element.priority }) {
        kept.remove(at: drop.offset)
    }
    return kept
}

/// The three panes. Each draws a frame, a table of its rows, and the filter being typed.
struct PaneViews {
    let state: AppState
    let theme: Theme

    func frame(_ pane: Pane, into canvas: inout Canvas, rect: Rect, count: Int, badge extra: String?) -> Rect {
        var badge: [String] = []
        if let filter = state.filters[pane], !filter.isEmpty {
            badge.append("/\(filter)" + (filterReason(filter).map { " (\($0))" } ?? ""))
        }
        if let extra { badge.append(extra) }
        // No count while the pane's read is not back: "0" would say there are none.
        let loaded = DashboardPart.allCases.first { $0.pane == pane }.map { state.loads[$0] == .ready } ?? true
        let title = "\(pane.rawValue + 1) \(state.text(pane.title)) \(loaded ? String(count) : "…")"
        return PaneFrame.draw(into: &canvas, rect: rect, title: title, focused: state.focus == pane,
                              badge: badge.isEmpty ? nil : badge.joined(separator: " · "), lines: state.lines, theme: theme)
    }

    /// The inner rect less a line for the filter being typed, which is drawn there.
    func filterLine(_ pane: Pane, into canvas: inout Canvas, inner: Rect) -> Rect {
        guard state.focus == pane, let input = state.filterInput, inner.height > 2 else { return inner }
        let (table, line) = inner.splitTop(inner.height - 1)
        let prompt = "/ "
        canvas.write(prompt, x: line.x, y: line.y, style: theme.style(.accent))
        // Why rows match, when it is not in what they show, on the right of the line.
        let reason = filterReason(input.text).map { WidgetSupport.fit($0, max(0, (line.width - 2) / 2 - 1)) } ?? ""
        let reasonWidth = DisplayWidth.of(reason)
        TextInput.draw(into: &canvas, rect: Rect(x: line.x + 2, y: line.y, width: line.width - 2 - (reasonWidth > 0 ? reasonWidth + 1 : 0), height: 1),
                       state: input, placeholder: state.text(UIText.filter), focused: true, theme: theme)
        if reasonWidth > 0 { canvas.write(reason, x: line.maxX - reasonWidth, y: line.y, style: theme.style(.muted), clip: line) }
        return table
    }

    /// Why the filter matches rows whose shown text does not hold it; see `FilterReason`.
    func filterReason(_ filter: String) -> String? {
        guard let dongs = state.data?.dongs.dongs else { return nil }
        return FilterReason.describe(filter, dongs: dongs, language: state.language)
    }

    func table(_ pane: Pane, into canvas: inout Canvas, rect: Rect, columns: [PaneColumn], count: Int,
               rowRole: (Int) -> StyleRole?, empty: String) {
        if count == 0, let part = DashboardPart.allCases.first(where: { $0.pane == pane }), case .failed = state.loads[part] {
            return drawFailure(part, into: &canvas, rect: rect)
        }
        let fitted = fitColumns(columns, width: rect.width)
        Table.draw(into: &canvas, rect: rect, columns: fitted.map(\.column), rowCount: count, row: { index in
            TableRow(cells: fitted.map { $0.value(index) }, cellRoles: fitted.map { $0.role?(index) }, role: rowRole(index))
        }, selected: state.selected(pane), focused: state.focus == pane, theme: theme, emptyMessage: empty, lines: state.lines)
    }

    /// Why a pane's first read failed, wrapped over as many lines as it needs: a store's
    /// message is longer than a narrow pane is wide.
    func drawFailure(_ part: DashboardPart, into canvas: inout Canvas, rect: Rect) {
        let lines = TerminalText.wrap(state.waitingText(part) ?? "", width: max(1, rect.width - 2), lines: max(1, rect.height - 1))
        let top = rect.y + max(0, (rect.height - lines.count) / 2)
        for (index, line) in lines.enumerated() {
            canvas.write(line, x: rect.x + 1, y: top + index, style: theme.style(.error), clip: rect)
        }
    }

    var emptyMessage: String {
        guard let data = state.data else { return state.waitingText(.requests) ?? state.text(UIText.loading) }
        if data.storeIsEmpty { return state.text(UIText.emptyStore) }
        return state.text(UIText.noMatch)
    }

    // MARK: Requests

    func drawRequests(into canvas: inout Canvas, rect: Rect) {
        let rows = state.visibleRequests
        let inner = filterLine(.requests, into: &canvas, inner: frame(.requests, into: &canvas, rect: rect, count: rows.count,
                                                                       badge: state.text(state.requestSort.phrase)))
        let households = state.data?.households ?? [:]
        let calendar = state.calendar
        let when = { (i: Int) -> String in
            // One question to the calendar per row, not one for the day and one for the time.
            let at = calendar.dateComponents([.month, .day, .hour, .minute], from: rows[i].appointmentAt)
            return zeroPadded(at.month ?? 0, 2) + "-" + zeroPadded(at.day ?? 0, 2) + " " + zeroPadded(at.hour ?? 0, 2) + ":" + zeroPadded(at.minute ?? 0, 2)
        }
        let columns = [
            PaneColumn(column: TableColumn(title: state.text(UIText.colWhen), width: .fixed(11)), priority: 100, value: when),
            PaneColumn(column: TableColumn(title: state.text(UIText.colHousehold), width: .fixed(8)), priority: 90) {
                state.householdName(households[rows[$0].householdID])
            },
            PaneColumn(column: TableColumn(title: state.text(UIText.colDong), width: .fixed(8)), priority: 80) { state.dongName(rows[$0].dongCode) },
            PaneColumn(column: TableColumn(title: state.text(UIText.colHospital), width: .flexible(minimum: 10)), priority: 70) {
                state.hospitalColumn(rows[$0])
            },
            // A booked transport says how its booking stands: 센터 확정, 택시 미예약.
            PaneColumn(column: TableColumn(title: state.text(UIText.colTransport), width: .fixed(state.language == .ko ? 12 : 11)), priority: 30,
                       value: { state.transportWord(rows[$0]) },
                       role: { state.needsVehicle(rows[$0]) ? .urgent : nil }),
            PaneColumn(column: TableColumn(title: state.text(UIText.colNeeds), width: .fixed(11)), priority: 50) {
                state.needTags(households[rows[$0].householdID]).joined(separator: "·")
            },
            // An urgent or overdue request is pending by definition, so its status says which instead.
            PaneColumn(column: TableColumn(title: state.text(UIText.colStatus), width: .fixed(state.language == .ko ? 6 : 11)), priority: 95,
                       value: {
                           rows[$0].isUrgent(now: state.now) ? state.text(UIText.urgent)
                               : rows[$0].isOverdue(now: state.now) ? state.text(UIText.overdue)
                               : DomainPhrases.status(rows[$0].status).text(state.language)
                       },
                       role: { rows[$0].isUrgent(now: state.now) || state.needsVehicle(rows[$0]) ? .urgent
                           : rows[$0].isOverdue(now: state.now) ? .warning : nil }),
        ]
        let empty = state.waitingText(.requests) ?? state.data.map { $0.storeIsEmpty ? state.text(UIText.emptyStore) : ($0.requests.isEmpty ? state.text(UIText.noOpenRequests) : state.text(UIText.noMatch)) } ?? state.text(UIText.loading)
        table(.requests, into: &canvas, rect: inner, columns: columns, count: rows.count, rowRole: { i in
            if let until = state.changed[rows[i].id], until > state.now { return .changed }
            return rows[i].isUrgent(now: state.now) || state.needsVehicle(rows[i]) ? .urgent : nil
        }, empty: empty)
    }

    // MARK: Volunteers

    func drawVolunteers(into canvas: inout Canvas, rect: Rect) {
        let indices = state.visibleVolunteerIndices
        let all = state.data?.volunteers ?? []
        // Only the rows on screen are asked for; each looks its volunteer up by position.
        let rows = { (row: Int) in all[Int(indices[row])] }
        var badge = state.text(state.volunteerSort.phrase)
        if let free = state.freeFor { badge = "\(state.text(UIText.freeOnly)) #\(free.requestID)" }
        let inner = filterLine(.volunteers, into: &canvas, inner: frame(.volunteers, into: &canvas, rect: rect, count: indices.count, badge: badge))
        let summaries = state.data?.summaries ?? [:]
        let expiring = state.data?.expiringVolunteers ?? []
        let week = thisWeek()
        let columns = [
            // "!" before the name: a credential lapses within 30 days, or has (the list: `e`).
            PaneColumn(column: TableColumn(title: state.text(UIText.colName), width: .fixed(8)), priority: 100) {
                (expiring.contains(rows($0).id) ? "!" : "") + rows($0).name
            },
            PaneColumn(column: TableColumn(title: state.text(UIText.colDong), width: .fixed(8)), priority: 90) { state.dongName(rows($0).dongCode) },
            PaneColumn(column: TableColumn(title: state.text(UIText.colSkills), width: .flexible(minimum: 8)), priority: 60) {
                (rows($0).skills.sorted().map { DomainPhrases.skill($0).text(state.language) } + (rows($0).hasCar ? [state.language == .ko ? "차량" : "car"] : []))
                    .joined(separator: "·")
            },
            PaneColumn(column: TableColumn(title: state.text(UIText.colWeek), width: .fixed(14)), priority: 80) {
                availabilityStrip(rows($0), summary: summaries[rows($0).id] ?? VolunteerSummary(), week: week)
            },
            PaneColumn(column: TableColumn(title: state.text(UIText.colAssignments), width: .fixed(6), alignment: .right), priority: 70) {
                String(summaries[rows($0).id]?.assignmentsThisWeek ?? 0)
            },
            PaneColumn(column: TableColumn(title: state.text(UIText.colHours), width: .fixed(7), alignment: .right), priority: 75) {
                oneDecimal(Double(summaries[rows($0).id]?.minutesThisMonth ?? 0) / 60)
            },
        ]
        table(.volunteers, into: &canvas, rect: inner, columns: columns, count: indices.count, rowRole: { _ in nil },
              empty: state.waitingText(.volunteers) ?? emptyMessage)
    }

    /// One mark per day of this week, Monday first: free all the hours asked, busy with an
    /// escort, no hours, or a day off. Each mark is followed by a space, so the days stand
    /// apart and line up under 월화수… (two columns a day) and "M T W …" alike.
    func availabilityStrip(_ volunteer: Volunteer, summary: VolunteerSummary, week: [CivilDate]) -> String {
        let calendar = state.calendar
        let ascii = state.lines.isASCII
        // Each escort's day once, not once for each day of the week: a frame draws dozens of rows.
        let busyDays = Set(summary.busy.map { CivilDate($0.start, calendar: calendar) })
        let marks: [String] = week.enumerated().map { offset, day in
            let weekday = Weekday(rawValue: offset + 1) ?? .mon
            if volunteer.dayOff(on: day) != nil { return ascii ? "x" : "×" }
            if !volunteer.availability.isFree(on: weekday) { return "." }
            return busyDays.contains(day) ? (ascii ? "*" : "▒") : (ascii ? "#" : "█")
        }
        return marks.map { $0 + " " }.joined()
    }

    /// The days of this week, Monday first, worked out once per frame.
    func thisWeek() -> [CivilDate] {
        let calendar = state.calendar
        let today = CivilDate(state.now, calendar: calendar)
        let monday = today.adding(days: -(Weekday(state.now, calendar: calendar).rawValue - 1), calendar: calendar)
        return (0..<7).map { monday.adding(days: $0, calendar: calendar) }
    }
}
