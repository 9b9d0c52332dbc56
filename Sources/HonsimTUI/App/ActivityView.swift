import Foundation
import HonsimCore
import HonsimStore

/// Draws the activity view: the three filters on top, then the audit entries newest first,
/// each with when, who, what, which request and dong, and the change in words.
struct ActivityView {
    let state: AppState
    let theme: Theme

    func draw(_ log: ActivityLog, into canvas: inout Canvas) {
        let t = { (phrase: Phrase) in state.text(phrase) }
        let buttons: [(key: String, label: String)] = log.editingFilters
            ? [("Tab", t(UIText.nextField)), ("Enter/Esc", t(UIText.close))]
            : [("/", t(UIText.editFilters)), ("↑↓", ""), ("Esc", t(UIText.close))]
        let rect = Rect(x: 1, y: 1, width: canvas.width - 2, height: canvas.height - 2)
        let area = Dialog(title: t(UIText.activityTitle), buttons: buttons, width: rect.width - 4,
                          contentHeight: rect.height - 4, lines: state.lines).draw(into: &canvas, rect: rect, theme: theme)
        guard area.height > 2 else { return }
        // The filters side by side on one row.
        let third = area.width / 3
        for (index, field) in log.form.fields.enumerated() {
            var single = FormState(fields: [field])
            single.focus = 0
            FormView(form: single, focused: log.editingFilters && log.form.focus == index)
                .draw(into: &canvas, rect: Rect(x: area.x + index * third, y: area.y, width: third - 1, height: 1), theme: theme)
        }
        let table = Rect(x: area.x, y: area.y + 2, width: area.width, height: area.height - 2)
        guard let entries = log.entries else {
            canvas.write(t(UIText.loading), x: table.x, y: table.y, style: theme.style(.muted), clip: table)
            return
        }
        let columns = [
            TableColumn(title: t(UIText.colWhen), width: .fixed(11)),
            TableColumn(title: t(UIText.colUser), width: .fixed(10)),
            TableColumn(title: t(UIText.colAction), width: .fixed(10)),
            TableColumn(title: t(UIText.colRequest), width: .fixed(7), alignment: .right),
            TableColumn(title: t(UIText.colDong), width: .fixed(9)),
            TableColumn(title: t(UIText.colChange), width: .flexible(minimum: 10)),
        ]
        Table.draw(into: &canvas, rect: table, columns: columns, rowCount: entries.count, row: { index in
            row(entries[index])
        }, selected: log.editingFilters ? nil : log.cursor, focused: !log.editingFilters, theme: theme,
           emptyMessage: t(UIText.noEntries), lines: state.lines)
    }

    func row(_ entry: AuditEntry) -> TableRow {
        let calendar = state.calendar
        let day = CivilDate(entry.at, calendar: calendar)
        let when = String(format: "%02d-%02d %@", day.month, day.day, ClockTime(entry.at, calendar: calendar).description)
        let request = entry.entity == "request" ? "#\(entry.entityID)" : ""
        return TableRow(cells: [when, entry.user, AuditWords.action(entry.action).text(state.language), request,
                                entry.dongCode.map(state.dongName) ?? "", change(entry)])
    }

    /// The change in words: the status before and after, and the volunteer when it moved.
    func change(_ entry: AuditEntry) -> String {
        let before = entry.requestBefore, after = entry.requestAfter
        let status = { (request: EscortRequest?) in request.map { DomainPhrases.status($0.status).text(state.language) } ?? "—" }
        var text = before == nil && after == nil ? "" : "\(status(before)) → \(status(after))"
        let volunteer = { (id: Int64?) in id.flatMap { id in state.data?.volunteers.first { $0.id == id }?.name } }
        if before?.volunteerID != after?.volunteerID, let name = volunteer(after?.volunteerID) ?? volunteer(before?.volunteerID) {
            text += " · \(name)"
        }
        if let reason = after?.cancelReason, !reason.isEmpty, reason != before?.cancelReason { text += " · \(reason)" }
        if entry.entity != "request", let summary = entry.after { text = summary }
        return text
    }
}

/// The audit log's action names, in words.
enum AuditWords {
    static func action(_ name: String) -> Phrase {
        if let action = LifecycleAction(rawValue: name) { return DomainPhrases.action(action) }
        switch name {
        case "assign (override)": return Phrase(ko: "예외 배정", en: "override")
        case "create": return Phrase(ko: "등록", en: "created")
        case "undo": return Phrase(ko: "되돌리기", en: "undo")
        case "undo create": return Phrase(ko: "등록 취소", en: "undo create")
        case "load": return Phrase(ko: "자료 적재", en: "load")
        default: return Phrase(ko: name, en: name)
        }
    }
}
