import Foundation
import HonsimCore

/// Draws the plan: what it covers and its total, then a line per proposal (ticked or not,
/// when, who for, the volunteer, the score and the reasons), then the requests nobody was
/// left for.
struct PlanView {
    let state: AppState
    let theme: Theme

    func draw(_ sheet: PlanSheet, into canvas: inout Canvas) {
        let t = { (phrase: Phrase) in state.text(phrase) }
        let buttons: [(key: String, label: String)] = [
            ("Enter", t(UIText.planAccept)), ("Space", t(UIText.planTick)), ("a", t(UIText.planTickAll)),
            ("- +", t(UIText.planDays)), ("Esc", t(UIText.close)),
        ]
        var body: [String] = []
        if let plan = sheet.plan {
            let total = plan.proposals.count + plan.unassigned.count
            body.append(state.language == .ko
                ? "앞으로 \(sheet.days)일 · 대기 \(total)건 중 \(plan.proposals.count)건 제안 · 점수 합계 \(plan.totalScore) · 선택 \(sheet.ticked.count)건"
                : "next \(sheet.days) days · \(plan.proposals.count) of \(total) pending proposed · total score \(plan.totalScore) · \(sheet.ticked.count) ticked")
        } else {
            body.append(t(UIText.planWorking))
        }
        body.append(t(UIText.planModel))
        let rect = Rect(x: 1, y: 1, width: canvas.width - 2, height: canvas.height - 2)
        let area = Dialog(title: "\(t(UIText.planTitle))\(state.scope.isEmpty ? "" : " — \(t(UIText.scope))")", body: body + [""],
                          buttons: buttons, width: rect.width - 4, contentHeight: rect.height - 6, lines: state.lines)
            .draw(into: &canvas, rect: rect, theme: theme)
        guard area.height > 1, let plan = sheet.plan else { return }
        let columns = [
            TableColumn(title: "", width: .fixed(3)),
            TableColumn(title: t(UIText.colWhen), width: .fixed(11)),
            TableColumn(title: t(UIText.colHousehold), width: .fixed(8)),
            TableColumn(title: t(UIText.colDong), width: .fixed(8)),
            TableColumn(title: t(UIText.labelVolunteer), width: .fixed(8)),
            TableColumn(title: t(UIText.colScore), width: .fixed(5), alignment: .right),
            TableColumn(title: t(UIText.colReasons), width: .flexible(minimum: 10)),
        ]
        let calendar = state.calendar
        let when = { (date: Date) in
            let day = CivilDate(date, calendar: calendar)
            return String(format: "%02d-%02d %@", day.month, day.day, ClockTime(date, calendar: calendar).description)
        }
        let household = { (id: Int64) in state.householdName(state.data?.households[id]) }
        Table.draw(into: &canvas, rect: area, columns: columns, rowCount: sheet.rowCount, row: { index in
            if index < plan.proposals.count {
                let proposal = plan.proposals[index]
                let request = proposal.request
                let reasons = DomainPhrases.reasons(of: proposal.candidate, language: state.language, withPoints: false).joined(separator: ", ")
                return TableRow(cells: [sheet.ticked.contains(request.id) ? "[x]" : "[ ]", when(request.appointmentAt),
                                        household(request.householdID), state.dongName(request.dongCode),
                                        proposal.candidate.volunteer.name, String(proposal.candidate.score), reasons],
                                role: request.isUrgent(now: state.now) ? .urgent : nil)
            }
            let request = plan.unassigned[index - plan.proposals.count]
            return TableRow(cells: ["", when(request.appointmentAt), household(request.householdID), state.dongName(request.dongCode),
                                    "—", "", t(UIText.planNobody)], role: .muted)
        }, selected: sheet.cursor, focused: true, theme: theme, emptyMessage: t(UIText.planEmpty), lines: state.lines)
    }
}
