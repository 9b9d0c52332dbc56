import Foundation
import HonsimCore

/// Draws the call list: the day and its readiness at a glance, then a line per escort (time,
/// readiness, the household and its phone, how its side's calls went, the volunteer and
/// theirs, the vehicle). Names and phones as the screen shows them elsewhere: full where the
/// role and the dong scope allow, masked otherwise.
struct CallSheetView {
    let state: AppState
    let theme: Theme

    func draw(_ sheet: CallSheet, into canvas: inout Canvas) {
        let t = { (phrase: Phrase) in state.text(phrase) }
        let language = state.language
        let weekday = Weekday(sheet.day.start(in: state.calendar), calendar: state.calendar)
        let buttons: [(key: String, label: String)] = [
            ("v h f e", t(UIText.callsWhom)), ("y n m x c", t(UIText.callsResult)), ("[ ]", t(UIText.callsDay)),
            ("M S", t(UIText.messagesColumn)), ("Esc", t(UIText.close)),
        ]
        var body: [String] = []
        if let list = sheet.list {
            body.append(DomainPhrases.summary(list.summary, language: language))
            body += taskLines(list)
        } else {
            body.append(t(UIText.callsLoading))
        }
        if let party = sheet.party {
            // Whom to call for a family attempt: the household's family contact and their phone.
            let family = party == .family ? sheet.selected.flatMap(CallSheetLines(state: state).family).map { " " + $0 } ?? "" : ""
            body.append("\(DomainPhrases.party(party).text(language))\(family) → \(t(UIText.callsChooseResult))")
        }
        body += CallSheetLines(state: state).extra(sheet)
        let rect = Rect(x: 1, y: 1, width: canvas.width - 2, height: canvas.height - 2)
        let title = "\(t(UIText.callsTitle)) — \(sheet.day) (\(DomainPhrases.weekday(weekday).text(language)))"
        let area = Dialog(title: title, body: body + [""], buttons: buttons, width: rect.width - 4, contentHeight: rect.height - 6,
                          lines: state.lines)
            .draw(into: &canvas, rect: rect, theme: theme)
        if let note = sheet.note, area.y > rect.y + 1 {
            TextInput(state: note.input, placeholder: t(UIText.callsNote))
                .draw(into: &canvas, rect: Rect(x: area.x, y: area.y - 1, width: area.width, height: 1), theme: theme)
        }
        guard area.height > 1, let list = sheet.list else { return }
        let wide = area.width >= 100
        var columns = [
            TableColumn(title: t(UIText.colWhen), width: .fixed(5)),
            TableColumn(title: t(UIText.callsReady), width: .fixed(12)),
            TableColumn(title: t(UIText.colHousehold), width: .fixed(wide ? 22 : 8)),
            TableColumn(title: t(UIText.callsSide), width: .fixed(wide ? 14 : 10)),
            TableColumn(title: t(UIText.colVolunteer), width: .fixed(wide ? 22 : 8)),
            TableColumn(title: t(UIText.callsSide), width: .fixed(wide ? 14 : 10)),
        ]
        // The reminders' state has a column where there is room; the line above the table says
        // it for the selected escort at any width.
        if wide { columns.append(TableColumn(title: t(UIText.messagesColumn), width: .fixed(6))) }
        columns.append(TableColumn(title: t(UIText.callsVehicle), width: .flexible(minimum: 6)))
        Table.draw(into: &canvas, rect: area, columns: columns, rowCount: list.escorts.count, row: { index in
            let escort = list.escorts[index]
            let request = escort.request, sides = escort.sides
            let household = state.householdName(escort.household)
            let householdPhone = phone(escort.household.phone, full: state.showsFullDetails(of: escort.household))
            let volunteer = escort.volunteer.map { TerminalText.sanitize($0.name) } ?? "—"
            let volunteerPhone = escort.volunteer.map { phone($0.phone, full: !state.maskAll && state.access.seesFullDetails(dongCode: nil)) } ?? ""
            let vehicle = request.transport.needsBooking
                ? DomainPhrases.booking(escort.booking.status).text(language) + (escort.booking.reference.isEmpty ? "" : " \(escort.booking.reference)")
                : ""
            let role: StyleRole? = switch escort.readiness {
            case .needsAction, .noVolunteer: .urgent
            case .unreached: nil
            case .ready: .muted
            }
            var cells = [ClockTime(request.pickupAt, calendar: state.calendar).description,
                         DomainPhrases.readiness(escort.readiness).text(language),
                         wide ? "\(household) \(householdPhone)" : household,
                         DomainPhrases.side(sides.household, language: language),
                         wide ? "\(volunteer) \(volunteerPhone)" : volunteer,
                         DomainPhrases.side(sides.volunteer, language: language)]
            if wide { cells.append(CallSheetLines.messageState(escort).map { $0.text(language) } ?? "-") }
            var roles: [StyleRole?] = Array(repeating: nil, count: cells.count)
            cells.append(vehicle)
            roles.append(escort.vehicleOpen ? .urgent : nil)
            return TableRow(cells: cells, cellRoles: roles, role: role)
        }, selected: sheet.cursor, focused: true, theme: theme, emptyMessage: t(UIText.callsEmpty), lines: state.lines)
    }

    /// The vehicles still to book, as tasks: at most three lines, the rest counted.
    private func taskLines(_ list: EscortDay) -> [String] {
        let tasks = state.vehicleTasks(list)
        guard !tasks.isEmpty else { return [] }
        let shown = tasks.count > 3 ? Array(tasks.prefix(2)) : tasks
        var lines = shown.enumerated().map { ($0 == 0 ? state.text(UIText.vehicleTasks) + ": " : "  ") + $1 }
        if tasks.count > shown.count { lines.append("  \(state.text(UIText.vehicleTasksMore)) \(tasks.count - shown.count)") }
        return lines
    }

    private func phone(_ text: String, full: Bool) -> String {
        let clean = TerminalText.sanitize(text)
        return clean.isEmpty ? "" : full ? clean : Masking.phone(clean)
    }
}
