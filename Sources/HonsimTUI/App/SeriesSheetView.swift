import Foundation
import HonsimCore
import HonsimStore

/// Draws a series' page: what it is, its standing volunteer and pauses, its dates ahead with
/// their volunteers, what the last change did to them, and its history; a form on top when
/// one is open. Names as the screen shows them elsewhere.
struct SeriesSheetView {
    let state: AppState
    let theme: Theme

    var t: (Phrase) -> String { { state.text($0) } }

    func draw(_ sheet: SeriesSheet, into canvas: inout Canvas) {
        let keys = state.keymap.dialogs.series
        let width = min(canvas.width - 4, 100)
        guard let page = sheet.page else {
            Dialog.draw(into: &canvas, title: t(SeriesText.title), body: [t(SeriesText.loading)],
                        buttons: [(keys.label(.close), t(UIText.close))], width: width, lines: state.lines, theme: theme)
            return
        }
        var lines = self.lines(page, outcome: sheet.outcome)
        let room = max(3, canvas.height - 8)
        let offset = min(sheet.offset, max(0, lines.count - room))
        lines = Array(lines.dropFirst(offset).prefix(room))
        let buttons: [(key: String, label: String)] = [
            ("↑↓", t(RecordText.scroll)), (keys.label(.change), t(SeriesText.buttonChange)), (keys.label(.pause), t(SeriesText.buttonPause)),
            (keys.label(.resume), t(SeriesText.buttonResume)), (keys.label(.end), t(SeriesText.buttonEnd)),
            (keys.label(.assignVolunteer), t(SeriesText.buttonVolunteer)), ("Esc", t(UIText.close)),
        ]
        let title = "\(t(SeriesText.title)) #\(page.series.id) — \(state.householdName(page.household)) (#\(page.household.id))"
        Dialog.draw(into: &canvas, title: title, body: lines, buttons: buttons, width: width, lines: state.lines, theme: theme)
        if let form = sheet.form {
            FormViews(state: state, theme: theme).drawForm(form.form, title: "\(t(form.title)) — #\(page.series.id)",
                                                           body: [schedule(page.series.schedule)], message: form.message,
                                                           confirmingDiscard: form.confirmingDiscard, extra: [], into: &canvas)
        }
    }

    func schedule(_ schedule: SeriesSchedule) -> String {
        let language = state.language
        let days = schedule.weekdays.map { DomainPhrases.weekday($0).text(language) }.joined(separator: " ")
        let hours = String(format: "%g", Double(schedule.expectedMinutes) / 60)
        return "\(days) \(schedule.appointment) (\(t(SeriesText.pickup)) \(schedule.pickup)) · \(TerminalText.sanitize(schedule.hospital))"
            + (schedule.department.isEmpty ? "" : " \(TerminalText.sanitize(schedule.department))")
            + " · \(DomainPhrases.transport(schedule.transport).text(language)) · \(DomainPhrases.purpose(schedule.purpose).text(language))"
            + " · \(hours)\(language == .ko ? "" : " ")\(t(SeriesText.hours))"
    }

    /// The household's limits the dates ahead pass: a flag with the counts and the dates past
    /// each, never a refusal (the dates stay).
    func limitLines(_ limits: [RuleFinding], dates: [EscortRequest]) -> [String] {
        limits.flatMap { finding -> [String] in
            let past = SeriesLimitDates.dates(finding, of: dates).map { "\(CivilDate($0.appointmentAt, calendar: state.calendar))" }
            return ["! \(t(SeriesText.limitFlag)): \(SeriesLimitDates.phrase(finding).text(state.language))"]
                + (past.isEmpty ? [] : ["    \(t(SeriesText.limitDates)): \(past.joined(separator: ", "))"])
        }
    }

    func volunteerName(_ id: Int64, _ page: SeriesPage) -> String {
        "\(page.volunteerNames[id].map(TerminalText.sanitize) ?? "") #\(id)"
    }

    func stamp(_ date: Date) -> String {
        let day = CivilDate(date, calendar: state.calendar)
        let weekday = DomainPhrases.weekday(Weekday(date, calendar: state.calendar)).text(state.language)
        return "\(day) (\(weekday)) \(ClockTime(date, calendar: state.calendar))"
    }

    func lines(_ page: SeriesPage, outcome: SeriesOutcome?) -> [String] {
        let series = page.series
        var lines = [
            schedule(series.schedule),
            "\(series.startsOn) ~ \(series.endsOn?.description ?? t(SeriesText.openEnded))",
            "\(t(SeriesText.volunteer)): \(series.volunteerID.map { volunteerName($0, page) } ?? t(SeriesText.none))",
        ]
        for pause in series.pauses {
            lines.append("\(t(SeriesText.paused)): \(pause.from) ~ \(pause.to)" + (pause.reason.isEmpty ? "" : " (\(TerminalText.sanitize(pause.reason)))"))
        }
        lines += limitLines(page.limits, dates: page.dates)
        lines += ["", "[\(t(SeriesText.datesAhead)) \(page.dates.count)]"]
        lines += page.dates.map { request in
            let volunteer = request.volunteerID.map { " — \(volunteerName($0, page))" } ?? ""
            return "  \(stamp(request.appointmentAt))  #\(request.id) \(DomainPhrases.status(request.status).text(state.language))\(volunteer)"
        }
        if let outcome {
            lines += ["", "[\(t(SeriesText.lastChange))]"]
            let notes: [(Phrase, [SeriesDateNote])] = [
                (SeriesText.released, outcome.released), (SeriesText.cancelled, outcome.cancelled), (SeriesText.cannotTake, outcome.cannotTake),
            ]
            let plain: [(Phrase, [EscortRequest])] = [(SeriesText.made, outcome.made), (SeriesText.assigned, outcome.assigned), (SeriesText.kept, outcome.kept)]
            for (title, requests) in plain where !requests.isEmpty { lines.append("  \(t(title)): \(requests.count)") }
            for (title, list) in notes where !list.isEmpty {
                lines.append("  \(t(title)): \(list.count)")
                lines += list.map { "    \(stamp($0.request.appointmentAt)) #\($0.request.id): \(TerminalText.sanitize($0.reason.text(state.language)))" }
            }
            lines += limitLines(outcome.limits, dates: outcome.made).map { "  " + $0 }
        }
        lines += ["", "[\(t(SeriesText.changes))]"]
        lines += page.changes.map { change in
            let at = "\(CivilDate(change.at, calendar: state.calendar)) \(ClockTime(change.at, calendar: state.calendar))"
            let words = change.words { volunteerName($0, page) }.text(state.language)
            return "  \(at) \(TerminalText.sanitize(change.user)) · \(TerminalText.sanitize(words))"
        }
        return lines
    }
}
