import Foundation
import HonsimCore
import HonsimStore

/// A form of the series page: change from a date, pause, resume, end, or set its volunteer.
/// Each field is checked as it is typed (dates, times, a pause that ends before it starts, a
/// pickup after the appointment), by the same rules the store applies again.
public struct SeriesForm: Hashable, Sendable {
    public enum Kind: Hashable, Sendable { case change, pause, resume, end, assign }

    public var kind: Kind
    public var form: FormState
    public var message: String?
    public var confirmingDiscard = false

    public init(kind: Kind, series: StandingSeries, language: Language, today: CivilDate) {
        self.kind = kind
        let t = { (phrase: Phrase) in phrase.text(language) }
        let schedule = series.schedule
        switch kind {
        case .change:
            form = FormState(fields: [
                FormField(key: "from", label: t(SeriesText.fieldFrom), placeholder: t(UIText.placeholderDate)),
                FormField(key: "days", label: t(SeriesText.fieldDays),
                          text: schedule.weekdays.map { DomainPhrases.weekday($0).text(language) }.joined(separator: " ")),
                FormField(key: "time", label: t(UIText.fieldTime), text: schedule.appointment.description),
                FormField(key: "pickup", label: t(UIText.fieldPickup), text: schedule.pickup.description),
                FormField(key: "hospital", label: t(UIText.fieldHospital), text: schedule.hospital),
                FormField(key: "department", label: t(UIText.fieldDepartment), text: schedule.department),
                FormField(key: "transport", label: t(UIText.labelTransport),
                          kind: .choice(Transport.allCases.map { DomainPhrases.transport($0).text(language) }),
                          choice: Transport.allCases.firstIndex(of: schedule.transport) ?? 0),
                FormField(key: "hours", label: t(UIText.fieldHours), text: String(format: "%g", Double(schedule.expectedMinutes) / 60)),
            ])
        case .pause:
            form = FormState(fields: [
                FormField(key: "from", label: t(SeriesText.fieldFrom), placeholder: t(UIText.placeholderDate)),
                FormField(key: "to", label: t(SeriesText.fieldTo), placeholder: t(UIText.placeholderDate)),
                FormField(key: "reason", label: t(UIText.fieldReason), placeholder: t(UIText.placeholderOptional)),
            ])
        case .resume:
            form = FormState(fields: [FormField(key: "from", label: t(SeriesText.fieldFrom), text: today.description)])
        case .end:
            form = FormState(fields: [
                FormField(key: "until", label: t(SeriesText.fieldLast), text: today.description),
                FormField(key: "reason", label: t(UIText.fieldReason), placeholder: t(UIText.placeholderOptional)),
            ])
        case .assign:
            form = FormState(fields: [
                FormField(key: "volunteer", label: t(SeriesText.fieldVolunteer), text: series.volunteerID.map(String.init) ?? "",
                          placeholder: t(SeriesText.placeholderVolunteer)),
            ])
        }
    }

    public var title: Phrase {
        switch kind {
        case .change: SeriesText.formChange
        case .pause: SeriesText.formPause
        case .resume: SeriesText.formResume
        case .end: SeriesText.formEnd
        case .assign: SeriesText.formAssign
        }
    }

    /// Every field's error from what is typed (shown where `all`, or once typed in); the write
    /// when there is none.
    mutating func validate(series: StandingSeries, around: Surroundings, all: Bool) -> SeriesWrite? {
        let t = { (phrase: Phrase) in phrase.text(around.language) }
        let today = CivilDate(around.now, calendar: around.calendar)
        var errors: [String: String] = [:]
        func date(_ key: String) -> CivilDate? {
            let typed = form.text(key)
            guard !typed.isEmpty else { errors[key] = t(UIText.errorRequired); return nil }
            guard let day = TypedInput.date(typed, today: today, calendar: around.calendar) else { errors[key] = t(UIText.errorDate); return nil }
            return day
        }
        var write: SeriesWrite?
        switch kind {
        case .change:
            let from = date("from")
            if let from, from < today { errors["from"] = t(UIText.errorPast) }
            let days = TypedInput.weekdays(form.text("days"))
            if days == nil { errors["days"] = t(UIText.errorWeekdays) }
            let time = TypedInput.time(form.text("time")), pickup = TypedInput.time(form.text("pickup"))
            if time == nil { errors["time"] = t(UIText.errorTime) }
            if pickup == nil { errors["pickup"] = t(UIText.errorTime) }
            let minutes = TypedInput.duration(form.text("hours"))
            if minutes == nil { errors["hours"] = t(UIText.errorHours) }
            if let days, let time, let pickup, let minutes {
                let schedule = SeriesSchedule(weekdays: days, appointment: time, pickup: pickup, hospital: form.text("hospital"),
                                              department: form.text("department"),
                                              transport: Transport.allCases[form.field("transport")?.choice ?? 0],
                                              purpose: series.schedule.purpose, expectedMinutes: minutes)
                for issue in SeriesValidation.schedule(schedule) where errors[issue.field] == nil { errors[issue.field] = t(issue.message) }
                if let from { write = .change(id: series.id, from: from, schedule: schedule, version: series.version) }
            }
        case .pause:
            let from = date("from"), to = date("to")
            if let from, from < today { errors["from"] = t(UIText.errorPast) }
            if let from, let to {
                for issue in SeriesValidation.pause(SeriesPause(from: from, to: to)) { errors[issue.field] = t(issue.message) }
                write = .pause(id: series.id, from: from, to: to, reason: form.text("reason"), version: series.version)
            }
        case .resume:
            if let from = date("from") {
                if from < today { errors["from"] = t(UIText.errorPast) }
                write = .resume(id: series.id, on: from, version: series.version)
            }
        case .end:
            if let last = date("until") { write = .end(id: series.id, last: last, reason: form.text("reason"), version: series.version) }
        case .assign:
            let typed = form.text("volunteer")
            let id = Int64(typed.hasPrefix("#") ? String(typed.dropFirst()) : typed)
            if typed.isEmpty || id == nil {
                errors["volunteer"] = t(SeriesText.errorVolunteer)
            } else if let id, let volunteers = around.data?.volunteers, !volunteers.contains(where: { $0.id == id && !$0.closed }) {
                errors["volunteer"] = t(SeriesText.errorNoVolunteer)
            }
            if let id { write = .assign(id: series.id, volunteerID: id, version: series.version) }
        }
        for index in form.fields.indices {
            let key = form.fields[index].key
            form.fields[index].error = (all || form.fields[index].error != nil || !form.fields[index].text.isEmpty) ? errors[key] : nil
        }
        return errors.isEmpty ? write : nil
    }

    mutating func update(_ key: Key, _ around: Surroundings, series: StandingSeries?) -> Reply {
        let keys = around.keys.form
        if let answer = discardAnswer(key, &confirmingDiscard, around) { return answer }
        guard let series else { return keys.matches(key, .back) ? .closing() : .stay }
        switch form.handle(key, bindings: keys) {
        case .edited, .moved:
            _ = validate(series: series, around: around, all: false)
        case .submit:
            guard !around.writeInFlight else { return .stay }
            guard let write = validate(series: series, around: around, all: true) else {
                form.focusFirstError()
                return .stay
            }
            message = nil
            return .writing(.series(write))
        case .unhandled:
            if keys.matches(key, .back) { return escape(dirty: form.isDirty, confirming: &confirmingDiscard) }
        }
        return .stay
    }
}
