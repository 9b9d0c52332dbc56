import Foundation
import HonsimCore

/// Draws the lifecycle forms, the new-request form and the box for a write that failed.
struct FormViews {
    let state: AppState
    let theme: Theme

    var t: (Phrase) -> String { { state.text($0) } }

    func drawAction(_ sheet: ActionForm, into canvas: inout Canvas) {
        let title = "\(DomainPhrases.action(sheet.action).text(state.language)) — #\(sheet.request.id)"
        let summary = AssignDialogView(state: state, theme: theme).requestLines(sheet.request)
        // Past the council's ceiling the payment is warned of as it is typed: the hours may then not count.
        var extra: [(String, StyleRole)] = []
        if let expenses = sheet.typedExpenses, let ceiling = state.data?.volunteerSettings.expenseCeilingWon,
           let warning = ExpenseRules.warning(expenses, ceiling: ceiling) {
            extra = warning.text(state.language).split(separator: ":", maxSplits: 1)
                .map { (String($0).trimmingCharacters(in: .whitespaces), StyleRole.warning) }
        }
        drawForm(sheet.form, title: title, body: summary, message: sheet.message, confirmingDiscard: sheet.confirmingDiscard,
                 extra: extra, into: &canvas)
    }

    func drawRequest(_ sheet: RequestForm, into canvas: inout Canvas) {
        // The household's matches under the form, while that field has the focus.
        var extra: [(String, StyleRole)] = []
        if sheet.focusedKey == "household" {
            for (index, household) in sheet.suggestions.enumerated() {
                extra.append(("  \(index == sheet.suggestionCursor ? "▸" : " ") \(state.householdLabel(household))",
                              index == sheet.suggestionCursor ? .selection : .dialog))
            }
        }
        drawForm(sheet.form, title: t(UIText.newRequestTitle), body: [], message: sheet.message,
                 confirmingDiscard: sheet.confirmingDiscard, extra: extra, into: &canvas)
    }

    func drawForm(_ form: FormState, title: String, body: [String], message: String?, confirmingDiscard: Bool,
                          extra: [(String, StyleRole)], into canvas: inout Canvas) {
        let buttons: [(key: String, label: String)] = [
            ("Tab/Enter", t(UIText.nextField)), ("Enter", t(UIText.save)), ("Esc", t(UIText.close)),
        ]
        let note: (String, StyleRole)? = confirmingDiscard ? (t(UIText.discardQuestion), .warning)
            : message.map { ($0, .error) } ?? (state.writing != nil ? (t(UIText.working), .muted) : nil)
        let width = min(canvas.width - 4, 90)
        let area = Dialog.draw(into: &canvas, title: title, body: body + (body.isEmpty ? [] : [""]), buttons: buttons, width: width,
                               contentHeight: form.fields.count + 1 + extra.count, lines: state.lines, theme: theme)
        guard area.height > 0 else { return }
        FormView(form: form, focused: !confirmingDiscard).draw(into: &canvas, rect: Rect(x: area.x, y: area.y, width: area.width,
                                                                                         height: min(area.height, form.fields.count)), theme: theme)
        var y = area.y + form.fields.count
        if let (text, role) = note, y < area.maxY {
            canvas.write(WidgetSupport.fit(text, area.width), x: area.x, y: y,
                         style: WidgetSupport.layer(theme.style(role), over: theme.style(.dialog)), clip: area)
        }
        y += 1
        for (text, role) in extra where y < area.maxY {
            canvas.write(WidgetSupport.fit(text, area.width), x: area.x, y: y, width: area.width, style: theme.style(role))
            y += 1
        }
    }

    func drawProblem(_ problem: WriteProblem, into canvas: inout Canvas) {
        var buttons: [(key: String, label: String)] = [("Esc", t(UIText.close))]
        if problem.retry != nil { buttons.insert(("Enter", t(UIText.retry)), at: 0) }
        let lines = problem.message.split(separator: "\n").map(String.init)
        Dialog.draw(into: &canvas, title: t(UIText.problemTitle), body: lines, buttons: buttons,
                    width: min(canvas.width - 8, max(40, lines.map(DisplayWidth.of).max() ?? 0)), lines: state.lines, theme: theme)
    }
}
