import Foundation
import HonsimCore

/// Draws the assign dialog: the request in two lines, a line for what went wrong or the
/// override question, the search field while `/` is on, then the candidates: numbered
/// eligible ones with their reasons, and the excluded with why (△ may be overridden,
/// ✕ never).
struct AssignDialogView {
    let state: AppState
    let theme: Theme

    func draw(_ dialog: AssignDialog, into canvas: inout Canvas) {
        let t = { (phrase: Phrase) in state.text(phrase) }
        var body = requestLines(dialog.request)
        if let flag = householdFlag(dialog) { body.append(flag) }
        let notice: (String, StyleRole)?
        if let candidate = dialog.confirmingOverride {
            let reasons = DomainPhrases.exclusions(of: candidate, calendar: state.calendar, language: state.language).joined(separator: ", ")
            notice = ("\(candidate.volunteer.name): \(reasons) — \(t(UIText.overrideQuestion))", .warning)
        } else if let message = dialog.message {
            notice = (message + (dialog.retry != nil ? "  (\(t(UIText.retryHint)))" : ""), .error)
        } else if state.writing != nil {
            notice = (t(UIText.working), .muted)
        } else if dialog.search == nil, let ranking = dialog.ranking, ranking.listsFewerThanEligible {
            notice = (t(UIText.listedOf(ranking.eligible.count, ranking.eligibleCount)), .muted)
        } else {
            notice = nil
        }
        body.append("")
        let width = min(canvas.width - 4, 110)
        let contentHeight = max(3, canvas.height - body.count - 8)
        let buttons: [(key: String, label: String)] = [
            ("Enter", t(Action.assign.phrase)), ("1-9", t(UIText.pick)), ("/", t(UIText.searchName)), ("Esc", t(UIText.close)),
        ]
        let area = Dialog.draw(into: &canvas, title: "\(t(UIText.assignTitle)) — #\(dialog.requestID)", body: body,
                               buttons: buttons, width: width, contentHeight: contentHeight, lines: state.lines, theme: theme)
        guard area.height > 0 else { return }
        var top = area.y
        if let (text, role) = notice {
            // Over the blank line under the request: the eye is already there.
            canvas.write(WidgetSupport.fit(text, area.width), x: area.x, y: top - 1,
                         style: WidgetSupport.layer(theme.style(role), over: theme.style(.dialog)), clip: Rect(x: area.x, y: top - 1, width: area.width, height: 1))
        }
        if let search = dialog.search {
            let label = "\(t(UIText.searchName)): "
            let labelWidth = canvas.write(label, x: area.x, y: top, style: theme.style(.dialog), clip: area)
            TextInput.draw(into: &canvas, rect: Rect(x: area.x + labelWidth, y: top, width: max(1, area.width - labelWidth), height: 1),
                           state: search, focused: dialog.confirmingOverride == nil, theme: theme)
            top += 1
        }
        let rect = Rect(x: area.x, y: top, width: area.width, height: area.maxY - top)
        guard dialog.search != nil || dialog.ranking != nil else {
            canvas.write(t(UIText.loadingCandidates), x: rect.x, y: rect.y, style: theme.style(.muted), clip: rect)
            return
        }
        let rows = dialog.rows
        let columns = [
            TableColumn(title: "", width: .fixed(2), alignment: .right),
            TableColumn(title: t(UIText.colName), width: .fixed(8)),
            TableColumn(title: t(UIText.colDong), width: .fixed(10)),
            TableColumn(title: t(UIText.colScore), width: .fixed(5), alignment: .right),
            TableColumn(title: t(UIText.colReasons), width: .flexible(minimum: 10)),
        ]
        let shown = dialog.search == nil ? dialog.ranking : dialog.searchResults?.ranking
        let eligibleCount = shown?.eligible.count ?? 0
        let flags = shown?.conduct ?? ConductFlags()
        Table.draw(into: &canvas, rect: rect, columns: columns, rowCount: rows.count, row: { index in
            row(rows[index], eligible: index < eligibleCount, number: dialog.search == nil ? index + 1 : nil, flags: flags)
        }, selected: dialog.cursor, focused: dialog.confirmingOverride == nil, theme: theme,
           emptyMessage: t(dialog.search == nil ? UIText.noCandidates : UIText.noMatch), lines: state.lines)
    }

    /// A candidate's row; the first nine eligible are numbered for the digit keys, except
    /// while searching, when digits are typed into the search.
    func row(_ candidate: Candidate, eligible: Bool, number: Int?, flags: ConductFlags = ConductFlags()) -> TableRow {
        let dong = state.dongName(candidate.volunteer.dongCode)
        if eligible {
            let reasons = (volunteerFlag(candidate, flags).map { [$0] } ?? [])
                + DomainPhrases.reasons(of: candidate, language: state.language, withPoints: false)
            let label = number.map { $0 <= 9 ? String($0) : "" } ?? ""
            return TableRow(cells: [label, candidate.volunteer.name, dong, String(candidate.score), reasons.joined(separator: ", ")])
        }
        let reasons = ((volunteerFlag(candidate, flags).map { [$0] } ?? [])
            + DomainPhrases.exclusions(of: candidate, calendar: state.calendar, language: state.language)).joined(separator: ", ")
        return TableRow(cells: [candidate.isOverridable ? "△" : "✕", candidate.volunteer.name, dong, "", reasons],
                        role: candidate.isOverridable ? .warning : .disabled)
    }

    /// The request as the coordinator needs it to choose: when, where, who and what they need.
    func requestLines(_ request: EscortRequest) -> [String] {
        let calendar = state.calendar
        let household = state.data?.households[request.householdID]
        let when = "\(CivilDate(request.appointmentAt, calendar: calendar)) \(ClockTime(request.appointmentAt, calendar: calendar))"
        let pickup = "\(state.text(UIText.labelPickup)) \(ClockTime(request.pickupAt, calendar: calendar))"
        let first = "\(when) (\(pickup)) · \(request.hospital) \(request.department) · \(DomainPhrases.transport(request.transport).text(state.language))"
        var second = "\(state.text(UIText.household)) \(state.householdName(household)) · \(state.dongName(request.dongCode))"
        let needs = state.needTags(household)
        if !needs.isEmpty { second += " · " + needs.joined(separator: ", ") }
        second += " · \(DomainPhrases.status(request.status).text(state.language))"
        return [first, second]
    }

    /// The household's no-shows past the council's threshold, over the candidates: a flag with
    /// the counts that informs the choice and refuses nothing.
    func householdFlag(_ dialog: AssignDialog) -> String? {
        guard let counts = dialog.ranking?.conduct.household else { return nil }
        return "⚑ \(state.text(UIText.household)) \(state.text(counts.phrase))"
    }

    /// A volunteer's own flag, first among their reasons.
    func volunteerFlag(_ candidate: Candidate, _ flags: ConductFlags) -> String? {
        guard let counts = flags.volunteers[candidate.volunteer.id] else { return nil }
        return "⚑ " + state.text(counts.phrase)
    }
}
