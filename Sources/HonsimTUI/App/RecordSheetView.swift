import Foundation
import HonsimCore
import HonsimStore

/// Draws the household and volunteer pages, their forms, the availability grid and the
/// drop-out list, each in a dialog box over the panes.
struct RecordSheetView {
    let state: AppState
    let theme: Theme

    var t: (Phrase) -> String { { state.text($0) } }

    func draw(_ sheet: RecordSheet, into canvas: inout Canvas) {
        switch sheet.mode {
        case .page, .confirmClose: drawPage(sheet, into: &canvas)
        case .form(let form): drawForm(form, sheet, into: &canvas)
        case .availability(let grid): drawGrid(grid, sheet, into: &canvas)
        case .dropOuts(_, let requests): drawDropOuts(requests, into: &canvas)
        }
    }

    func page(_ sheet: RecordSheet) -> RecordPage? {
        guard let dongs = state.data?.dongs else { return nil }
        if let record = sheet.household {
            return RecordPage.household(record, dongs: dongs, full: state.showsFullDetails(of: record.household), now: state.now,
                                        calendar: state.calendar, language: state.language)
        }
        if let record = sheet.volunteer {
            return RecordPage.volunteer(record, dongs: dongs, fullHousehold: state.showsFullDetails(of:), now: state.now,
                                        calendar: state.calendar, language: state.language)
        }
        return nil
    }

    func drawPage(_ sheet: RecordSheet, into canvas: inout Canvas) {
        let width = min(canvas.width - 4, 100)
        guard let page = page(sheet) else {
            Dialog.draw(into: &canvas, title: t(sheet.subject.map { if case .volunteer = $0 { RecordText.volunteerTitle } else { RecordText.householdTitle } } ?? RecordText.householdTitle),
                        body: [sheet.message ?? t(RecordText.loading)], buttons: [("Esc", t(UIText.close))], width: width, lines: state.lines, theme: theme)
            return
        }
        var lines = page.sections.flatMap { section in ["[\(section.title)]"] + (section.lines.isEmpty ? ["  -"] : section.lines.map { "  " + $0 }) + [""] }
        let room = max(3, canvas.height - 8)
        let offset = min(sheet.offset, max(0, lines.count - room))
        lines = Array(lines.dropFirst(offset).prefix(room))
        var buttons: [(key: String, label: String)] = [("↑↓", t(RecordText.scroll)), ("e", t(RecordText.edit)), ("n", t(RecordText.new))]
        if sheet.volunteer != nil { buttons.append(("w", t(RecordText.availability))) }
        let closed = sheet.household?.household.closed ?? sheet.volunteer?.volunteer.closed ?? false
        buttons += [("x", t(closed ? RecordText.reopen : RecordText.close)), ("Esc", t(UIText.close))]
        let footer: String? = sheet.mode == .confirmClose ? t(closed ? RecordText.reopenQuestion : RecordText.closeQuestion) : sheet.message
        Dialog.draw(into: &canvas, title: page.title, body: lines, buttons: buttons, footer: footer, width: width,
                    lines: state.lines, theme: theme)
    }

    func drawForm(_ form: RecordForm, _ sheet: RecordSheet, into canvas: inout Canvas) {
        let isHousehold: Bool
        if case .household = form.base { isHousehold = true } else { isHousehold = false }
        let title = form.isNew ? t(isHousehold ? RecordText.newHousehold : RecordText.newVolunteer)
            : page(sheet)?.title ?? t(isHousehold ? RecordText.householdTitle : RecordText.volunteerTitle)
        var body: [String] = []
        if form.theirs != nil, let dongs = state.data?.dongs {
            var copy = form
            if let mine = copy.validate(dongs: dongs, currentYear: CivilDate(state.now, calendar: state.calendar).year,
                                        language: state.language, only: []) {
                body = ["\(t(RecordText.conflictTitle)):"] + copy.differences(mine: mine, dongs: dongs, language: state.language) + [t(RecordText.conflictKeys), ""]
            }
        }
        let buttons: [(key: String, label: String)] = [("Tab/Enter", t(UIText.nextField)), ("Enter", t(UIText.save)), ("Esc", t(UIText.close))]
        let note: (String, StyleRole)? = form.confirmingDiscard ? (t(UIText.discardQuestion), .warning)
            : form.message.map { ($0, .error) } ?? (sheet.busy ? (t(UIText.working), .muted) : nil)
        let rules = ruleLine(form, sheet)
        let area = Dialog.draw(into: &canvas, title: title, body: body, buttons: buttons, width: min(canvas.width - 4, 96),
                               contentHeight: form.form.fields.count + 1 + (form.typedEligibility == nil ? 0 : 1), lines: state.lines, theme: theme)
        guard area.height > 0 else { return }
        FormView(form: form.form, focused: !form.confirmingDiscard && form.theirs == nil)
            .draw(into: &canvas, rect: Rect(x: area.x, y: area.y, width: area.width, height: min(area.height, form.form.fields.count)), theme: theme)
        var y = area.y + form.form.fields.count
        for (text, role) in [rules, note].compactMap({ $0 }) where y < area.maxY {
            canvas.write(WidgetSupport.fit(text, area.width), x: area.x, y: y,
                         style: WidgetSupport.layer(theme.style(role), over: theme.style(.dialog)), clip: area)
            y += 1
        }
    }

    /// Under a household form's fields: where the council's rules bite on the eligibility ticked,
    /// or, on a field of ticks, how to tick.
    private func ruleLine(_ form: RecordForm, _ sheet: RecordSheet) -> (String, StyleRole)? {
        guard let dongs = state.data?.dongs else { return nil }
        if let finding = form.eligibilityFinding(rules: sheet.rules, dongs: dongs) {
            return ("⚠ " + finding.phrase.text(state.language), .warning)
        }
        let focused = form.form.fields.indices.contains(form.form.focus) ? form.form.fields[form.form.focus] : nil
        if case .choices? = focused?.kind { return (t(HouseholdFormText.choicesHint), .muted) }
        return nil
    }

    func drawGrid(_ grid: AvailabilityGrid, _ sheet: RecordSheet, into canvas: inout Canvas) {
        let title = "\(page(sheet)?.title ?? "") — \(t(RecordText.availability))"
        let labelWidth = 4
        let contentHeight = 1 + 7 + 2 + 2
        let area = Dialog.draw(into: &canvas, title: title, body: [], buttons: [], footer: t(RecordText.gridHelp),
                               width: min(canvas.width - 4, 92), contentHeight: contentHeight, lines: state.lines, theme: theme)
        guard area.height > 0 else { return }
        let dialog = theme.style(.dialog)
        var header = ""
        for index in 0..<AvailabilityGrid.hours { header += String(format: "%02d ", AvailabilityGrid.firstHour + index) }
        canvas.write(WidgetSupport.fit(header, area.width - labelWidth), x: area.x + labelWidth, y: area.y, style: theme.style(.muted), clip: area)
        for (row, weekday) in Weekday.allCases.enumerated() {
            let y = area.y + 1 + row
            canvas.write(DomainPhrases.weekday(weekday).text(state.language), x: area.x, y: y, style: dialog, clip: area)
            for hour in 0..<AvailabilityGrid.hours {
                let on = grid.cells[row][hour]
                let here = !grid.editingDaysOff && row == grid.day && hour == grid.hour
                let style = here ? theme.style(.selection) : on ? WidgetSupport.layer(theme.style(.ok), over: dialog) : theme.style(.muted)
                canvas.write(on ? (state.lines.isASCII ? "##" : "██") : "··", x: area.x + labelWidth + hour * 3, y: y, style: style, clip: area)
            }
        }
        let offY = area.y + 9
        let label = t(RecordText.daysOffLabel)
        canvas.write(label, x: area.x, y: offY, style: grid.editingDaysOff ? WidgetSupport.layer(theme.style(.accent), over: dialog) : dialog, clip: area)
        TextInput.draw(into: &canvas, rect: Rect(x: area.x, y: offY + 1, width: area.width, height: 1).intersection(area),
                       state: grid.daysOff, focused: grid.editingDaysOff, theme: theme)
        if let error = grid.error ?? (sheet.busy ? t(UIText.working) : nil), offY + 2 < area.maxY {
            canvas.write(WidgetSupport.fit("⚠ " + error, area.width), x: area.x, y: offY + 2,
                         style: WidgetSupport.layer(theme.style(.error), over: dialog), clip: area)
        }
    }

    func drawDropOuts(_ requests: [EscortRequest], into canvas: inout Canvas) {
        let rows = requests.map { request -> String in
            // A household whose requests are beyond the loaded two weeks is named by its number.
            let household = state.data?.households[request.householdID].map(state.householdName)
                ?? "\(t(UIText.household)) #\(request.householdID)"
            let urgent = request.appointmentAt >= state.now && request.appointmentAt.timeIntervalSince(state.now) <= Urgency.window
            return "#\(request.id) \(RecordPage.when(request.pickupAt, state.calendar)) \(household) "
                + "\(state.dongName(request.dongCode)) \(TerminalText.sanitize(request.hospital))" + (urgent ? " · \(t(UIText.urgent))" : "")
        }
        Dialog.draw(into: &canvas, title: "\(t(RecordText.dropOutsTitle)) \(requests.count)", body: rows,
                    buttons: [("R", t(RecordText.dropOutsKeys))], width: min(canvas.width - 4, 90), lines: state.lines, theme: theme)
    }
}
