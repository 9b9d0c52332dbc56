import Foundation
import HonsimCore
import HonsimStore

/// Every open household, searchable by name (초성 too), dong and number, for the new-request
/// form. Loaded when the form first opens.
public struct HouseholdIndex: Sendable {
    public var households: [Household]
    var search: [SearchText]

    public init(households: [Household], dongs: DongDirectory) {
        self.households = households.filter { !$0.closed }.sorted { $0.name == $1.name ? $0.id < $1.id : $0.name < $1.name }
        self.search = self.households.map { household in
            SearchText([household.name, String(household.birthYear), "#\(household.id)"]
                + (dongs.dong(code: household.dongCode)?.allNames ?? []))
        }
    }

    func matches(_ text: String, limit: Int) -> [Household] {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if let id = Int64(trimmed.hasPrefix("#") ? String(trimmed.dropFirst()) : trimmed) {
            return households.filter { $0.id == id }
        }
        let query = SearchQuery(trimmed)
        guard !query.isEmpty else { return [] }
        var found: [Household] = []
        for (index, text) in search.enumerated() where text.matches(query) {
            found.append(households[index])
            if found.count == limit { break }
        }
        return found
    }
}

/// The new-request form: the household (found by search), hospital, date and time,
/// transport, purpose, and optionally a weekly repeat on chosen days, until a date or open-ended.
/// Each field is checked as it is typed; Enter on the last field saves one request, or a
/// standing series whose dates the store makes ahead (no limit to how many).
public struct RequestForm: Hashable, Sendable {
    public var form: FormState
    /// Households matching what is typed in the household field, best first.
    public var suggestions: [Household] = []
    public var suggestionCursor = 0
    public var household: Household?
    public var message: String?
    public var confirmingDiscard = false
    /// Errors are shown once a field was left or a save was tried, not while first typing.
    public var touched: Set<String> = []

    static let suggestionLimit = 5

    public init(language: Language) {
        let t = { (phrase: Phrase) in phrase.text(language) }
        form = FormState(fields: [
            FormField(key: "household", label: t(UIText.fieldHousehold), placeholder: t(UIText.placeholderHousehold)),
            FormField(key: "date", label: t(UIText.fieldDate), placeholder: t(UIText.placeholderDate)),
            FormField(key: "time", label: t(UIText.fieldTime), placeholder: "10:30"),
            FormField(key: "pickup", label: t(UIText.fieldPickup), placeholder: t(UIText.placeholderPickup)),
            FormField(key: "hospital", label: t(UIText.fieldHospital), placeholder: t(UIText.placeholderHospital)),
            FormField(key: "department", label: t(UIText.fieldDepartment), placeholder: t(UIText.placeholderOptional)),
            FormField(key: "transport", label: t(UIText.labelTransport),
                      kind: .choice(Transport.allCases.map { DomainPhrases.transport($0).text(language) })),
            FormField(key: "purpose", label: t(UIText.labelPurpose),
                      kind: .choice(Purpose.allCases.map { DomainPhrases.purpose($0).text(language) })),
            FormField(key: "hours", label: t(UIText.fieldHours), text: "3"),
            FormField(key: "repeat", label: t(UIText.fieldRepeat), placeholder: t(UIText.placeholderRepeat)),
            FormField(key: "until", label: t(UIText.fieldUntil), placeholder: t(UIText.placeholderUntil)),
            FormField(key: "notes", label: t(UIText.labelNotes), placeholder: t(UIText.placeholderOptional)),
        ])
    }

    var focusedKey: String { form.fields.indices.contains(form.focus) ? form.fields[form.focus].key : "" }

    /// What the form saves: one request, or a standing series.
    enum Draft {
        case once(EscortRequest)
        case series(StandingSeries)
    }

    /// Works out every field's error from what is typed; returns what to save when there is none.
    mutating func validate(language: Language, now: Date, calendar: Calendar, all: Bool) -> Draft? {
        let t = { (phrase: Phrase) in phrase.text(language) }
        var errors: [String: String] = [:]
        let today = CivilDate(now, calendar: calendar)
        if household == nil { errors["household"] = t(form.text("household").isEmpty ? UIText.errorRequired : UIText.errorNoHousehold) }
        let date = TypedInput.date(form.text("date"), today: today, calendar: calendar)
        if form.text("date").isEmpty { errors["date"] = t(UIText.errorRequired) } else if date == nil { errors["date"] = t(UIText.errorDate) }
        let time = TypedInput.time(form.text("time"))
        if form.text("time").isEmpty { errors["time"] = t(UIText.errorRequired) } else if time == nil { errors["time"] = t(UIText.errorTime) }
        var pickup = time.map { ClockTime(minutes: max(0, $0.minutes - 60)) }
        if !form.text("pickup").isEmpty {
            pickup = TypedInput.time(form.text("pickup"))
            if pickup == nil { errors["pickup"] = t(UIText.errorTime) } else if let time, let pickup, pickup > time { errors["pickup"] = t(UIText.errorPickupAfter) }
        }
        if form.text("hospital").isEmpty { errors["hospital"] = t(UIText.errorRequired) }
        let minutes = TypedInput.duration(form.text("hours"))
        if minutes.map({ !(30...16 * 60).contains($0) }) ?? true { errors["hours"] = t(UIText.errorHours) }
        let days = TypedInput.weekdays(form.text("repeat"))
        if days == nil { errors["repeat"] = t(UIText.errorWeekdays) }
        // A repeat with no end date is open-ended: the store makes its dates ahead as time goes.
        var until: CivilDate?
        if let days, !days.isEmpty, !form.text("until").isEmpty {
            until = TypedInput.date(form.text("until"), today: today, calendar: calendar)
            if until == nil { errors["until"] = t(UIText.errorDate) } else if let until, let date, until < date { errors["until"] = t(UIText.errorUntilBefore) }
        }
        if let date, let time, date.start(in: calendar).addingTimeInterval(TimeInterval(time.minutes * 60)) < now {
            errors["date"] = t(UIText.errorPast)
        }
        for index in form.fields.indices {
            let key = form.fields[index].key
            form.fields[index].error = (all || touched.contains(key)) ? errors[key] : nil
        }
        guard errors.isEmpty, let household, let date, let time, let pickup, let minutes else { return nil }
        let transport = Transport.allCases[form.field("transport")?.choice ?? 0]
        let purpose = Purpose.allCases[form.field("purpose")?.choice ?? 0]
        if let days, !days.isEmpty {
            // The first date's own weekday is part of the series, as the first date always was.
            let weekdays = days + [Weekday(date.start(in: calendar), calendar: calendar)]
            return .series(StandingSeries(
                householdID: household.id, dongCode: household.dongCode,
                schedule: SeriesSchedule(weekdays: weekdays, appointment: time, pickup: pickup, hospital: form.text("hospital"),
                                         department: form.text("department"), transport: transport, purpose: purpose, expectedMinutes: minutes),
                pickupPlace: household.address, notes: form.text("notes"), startsOn: date, endsOn: until))
        }
        let start = date.start(in: calendar)
        return .once(EscortRequest(
            id: 0, householdID: household.id, dongCode: household.dongCode, hospital: form.text("hospital"),
            department: form.text("department"), appointmentAt: start.addingTimeInterval(TimeInterval(time.minutes * 60)),
            pickupAt: start.addingTimeInterval(TimeInterval(pickup.minutes * 60)), pickupPlace: household.address,
            transport: transport, purpose: purpose, expectedMinutes: minutes, notes: form.text("notes"), createdAt: now))
    }

    mutating func failed(_ failure: WriteFailure, write: WriteRequest) {
        message = failure.message
        if !failure.ruleFindings.isEmpty { refusedByRules(failure.ruleFindings, language: failure.language) }
    }
}

extension AppState {
    mutating func openRequestForm() -> [Effect] {
        overlay = .newRequest(RequestForm(language: language))
        return householdIndex == nil ? [.loadHouseholds] : []
    }

}

extension RequestForm: Component {
    mutating func update(_ key: Key, _ around: Surroundings) -> Reply {
        let keys = around.keys.form
        if let answer = discardAnswer(key, &confirmingDiscard, around) { return answer }
        // In the household field ↑ and ↓ pick among the matches; Tab and Enter take the pick.
        if focusedKey == "household", !suggestions.isEmpty {
            switch around.keys.list.action(for: key, typing: true) {
            case .up?:
                suggestionCursor = max(0, suggestionCursor - 1)
                return .stay
            case .down?:
                suggestionCursor = min(suggestions.count - 1, suggestionCursor + 1)
                return .stay
            case .pageUp?, .pageDown?, .top?, .bottom?, nil: break
            }
            if around.keys.requestForm.matches(key, .pick, typing: true) {
                let chosen = suggestions[suggestionCursor]
                household = chosen
                form.setText("household", around.householdLabel(chosen))
                suggestions = []
            }
        }
        let left = focusedKey
        switch form.handle(key, bindings: keys) {
        case .edited:
            if left == "household" {
                household = nil
                suggestions = around.householdIndex?.matches(form.text("household"), limit: RequestForm.suggestionLimit) ?? []
                suggestionCursor = 0
            }
            _ = validate(language: around.language, now: around.now, calendar: around.calendar, all: false)
        case .moved:
            touched.insert(left)
            _ = validate(language: around.language, now: around.now, calendar: around.calendar, all: false)
        case .submit:
            guard !around.writeInFlight else { return .stay }
            guard let draft = validate(language: around.language, now: around.now, calendar: around.calendar, all: true) else {
                form.focusFirstError()
                return .stay
            }
            message = nil
            switch draft {
            case .once(let request): return .writing(.create([request], override: overrideReason))
            case .series(let series): return .writing(.series(.create(series)))
            }
        case .unhandled:
            if keys.matches(key, .back) { return escape(dirty: form.isDirty, confirming: &confirmingDiscard) }
        }
        return .stay
    }
}

extension AppState {
    /// How a household shows in the form: masked unless its dong is in the coordinator's scope.
    func householdLabel(_ household: Household) -> String {
        "\(householdName(household)) (\(household.birthYear), \(dongName(household.dongCode))) #\(household.id)"
    }

    mutating func householdsLoaded(_ households: [Household]) {
        guard let dongs = data?.dongs else { return }
        householdIndex = HouseholdIndex(households: households, dongs: dongs)
        if case .newRequest(var sheet) = overlay, sheet.household == nil {
            sheet.suggestions = householdIndex?.matches(sheet.form.text("household"), limit: RequestForm.suggestionLimit) ?? []
            overlay = .newRequest(sheet)
        }
    }
}
