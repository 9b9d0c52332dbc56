import Foundation
import HonsimCore
import HonsimStore

/// The outbound requests and their return legs among the listed requests, looked up either way.
public struct ReturnLegLinks: Sendable {
    private var byOutbound: [Int64: ReturnLegLink] = [:]
    private var byLeg: [Int64: ReturnLegLink] = [:]

    public init(_ links: [ReturnLegLink]) {
        for link in links {
            byOutbound[link.outboundID] = link
            byLeg[link.legID] = link
        }
    }

    /// The link of a request that has a return leg.
    public func leg(of outboundID: Int64) -> ReturnLegLink? { byOutbound[outboundID] }
    /// The link of a request that is a return leg.
    public func outbound(of legID: Int64) -> ReturnLegLink? { byLeg[legID] }
}

/// The return leg of the selected request (`L`): a pickup at the hospital at a time or when
/// called, its length, and who takes it — the way there's volunteer by default, another one
/// chosen in the assign dialog once the leg is made, or nobody yet. Checked as it is typed by
/// the store's own rules (`ReturnLegRules`); what the store refuses is shown beside its field.
public struct ReturnLegForm: Hashable, Sendable {
    public enum Volunteer: Int, CaseIterable, Hashable, Sendable { case same, other, none }

    /// The outbound request.
    public var request: EscortRequest
    /// The leg, when the form changes one already made (its volunteer then changes on its own row).
    public var leg: EscortRequest?
    public var form: FormState
    public var message: String?
    public var confirmingDiscard = false

    /// A new leg for `request`.
    public init(request: EscortRequest, volunteerName: String?, language: Language, calendar: Calendar) {
        self.request = request
        let t = { (phrase: Phrase) in phrase.text(language) }
        let held = ClockTime(request.appointmentAt.addingTimeInterval(ReturnLegRules.heldWhenCalled), calendar: calendar)
        let same = t(ReturnLegText.sameVolunteer) + (volunteerName.map { " (\(TerminalText.sanitize($0)))" } ?? "")
        form = FormState(fields: ReturnLegForm.timeFields(pickup: held, whenCalled: false, minutes: ReturnLegRules.defaultMinutes, language: language) + [
            FormField(key: "volunteer", label: t(ReturnLegText.fieldVolunteer),
                      kind: .choice([same, t(ReturnLegText.otherVolunteer), t(ReturnLegText.noVolunteer)])),
        ])
    }

    /// The leg `leg` of `request`, to move its pickup or length.
    public init(request: EscortRequest, leg: EscortRequest, whenCalled: Bool, language: Language, calendar: Calendar) {
        self.request = request
        self.leg = leg
        form = FormState(fields: ReturnLegForm.timeFields(pickup: ClockTime(leg.pickupAt, calendar: calendar), whenCalled: whenCalled,
                                                          minutes: leg.expectedMinutes, language: language))
    }

    static func timeFields(pickup: ClockTime, whenCalled: Bool, minutes: Int, language: Language) -> [FormField] {
        let t = { (phrase: Phrase) in phrase.text(language) }
        return [
            FormField(key: "when", label: t(ReturnLegText.fieldWhen), kind: .choice([t(ReturnLegText.atATime), t(ReturnLegText.whenCalled)]),
                      choice: whenCalled ? 1 : 0),
            FormField(key: "pickup", label: t(ReturnLegText.fieldPickup), text: pickup.description, placeholder: t(ReturnLegText.placeholderPickup)),
            FormField(key: "minutes", label: t(ReturnLegText.fieldMinutes), text: String(minutes)),
        ]
    }

    public var whenCalled: Bool { form.field("when")?.choice == 1 }
    public var volunteer: Volunteer { leg != nil ? .same : Volunteer(rawValue: form.field("volunteer")?.choice ?? 0) ?? .same }

    /// Every field's error from what is typed (shown where `all`, or once shown); the write when
    /// there is none. Another volunteer is chosen after the leg is made, in the assign dialog.
    mutating func validate(_ around: Surroundings, all: Bool) -> WriteRequest? {
        let t = { (phrase: Phrase) in phrase.text(around.language) }
        var errors: [String: String] = [:]
        let typed = form.text("pickup")
        let pickup = TypedInput.time(typed)
        if !whenCalled && !typed.isEmpty && pickup == nil { errors["pickup"] = t(UIText.errorTime) }
        let minutes = Int(form.text("minutes").trimmingCharacters(in: .whitespaces))
        if minutes == nil { errors["minutes"] = t(ReturnLegText.errorMinutes) }
        for issue in ReturnLegRules.issues(appointmentAt: request.appointmentAt, pickup: pickup, whenCalled: whenCalled,
                                           expectedMinutes: minutes ?? ReturnLegRules.defaultMinutes, calendar: around.calendar)
        where errors[issue.field] == nil {
            errors[issue.field] = t(issue.message)
        }
        for index in form.fields.indices {
            let key = form.fields[index].key
            form.fields[index].error = (all || form.fields[index].error != nil || !form.fields[index].text.isEmpty) ? errors[key] : nil
        }
        guard errors.isEmpty, let minutes else { return nil }
        if let leg {
            return .changeReturnLeg(legID: leg.id, pickup: whenCalled ? nil : pickup, whenCalled: whenCalled, minutes: minutes, version: leg.version)
        }
        let who: ReturnLegDraft.Volunteer = volunteer == .same ? .same : .none
        return .returnLeg(ReturnLegDraft(outboundID: request.id, pickup: whenCalled ? nil : pickup, whenCalled: whenCalled,
                                         expectedMinutes: minutes, volunteer: who))
    }

    /// The store refused: its words, and each field it names beside that field.
    mutating func failed(_ failure: WriteFailure, language: Language) {
        message = failure.formMessage(fields: Set(form.fields.map(\.key)), language: language)
        for (field, phrase) in failure.fieldIssues where form.index(of: field) != nil {
            form.setError(field, phrase.text(language))
        }
        form.focusFirstError()
    }
}

extension ReturnLegForm: Component {
    mutating func update(_ key: Key, _ around: Surroundings) -> Reply {
        let keys = around.keys.form
        if let answer = discardAnswer(key, &confirmingDiscard, around) { return answer }
        switch form.handle(key, bindings: keys) {
        case .edited, .moved:
            _ = validate(around, all: false)
        case .submit:
            guard !around.writeInFlight else { return .stay }
            guard let write = validate(around, all: true) else {
                form.focusFirstError()
                return .stay
            }
            message = nil
            return .writing(write)
        case .unhandled:
            if keys.matches(key, .back) { return escape(dirty: form.isDirty, confirming: &confirmingDiscard) }
        }
        return .stay
    }
}

extension AppState {
    /// `L` on a request: its return leg's form, to make it; on a request that has a leg, or is
    /// one, the leg's form to move its pickup (its volunteer changes on its own row, as any
    /// request's); one without a return trip, or ended, says so.
    mutating func openReturnLeg() -> [Effect] {
        guard focus == .requests, let request = selectedRequest, let data else {
            notice = text(UIText.notNow)
            return []
        }
        if let link = data.returnLegs.leg(of: request.id) ?? data.returnLegs.outbound(of: request.id) {
            guard let leg = data.requests.first(where: { $0.id == link.legID }),
                  let outbound = data.requests.first(where: { $0.id == link.outboundID }),
                  [.pending, .assigned, .confirmed].contains(leg.status) else {
                notice = text(request.id == link.legID ? ReturnLegText.isLeg(link.outboundID) : ReturnLegText.hasLeg(link.legID))
                return []
            }
            notice = text(ReturnLegText.hasLeg(link.legID))
            overlay = .returnLeg(ReturnLegForm(request: outbound, leg: leg, whenCalled: link.whenCalled, language: language, calendar: calendar))
            return []
        }
        guard request.returnTrip else {
            notice = text(ReturnLegText.noReturnTrip)
            return []
        }
        guard [.pending, .assigned, .confirmed].contains(request.status) else {
            notice = text(ReturnLegText.ended)
            return []
        }
        let name = request.volunteerID.flatMap { id in data.volunteers.first { $0.id == id }?.name }
        overlay = .returnLeg(ReturnLegForm(request: request, volunteerName: name, language: language, calendar: calendar))
        return []
    }

    /// The leg is made: the panes reload with it selected; when another volunteer was asked for,
    /// the assign dialog opens for the leg, checked for overlaps as any assign is.
    mutating func returnLegWritten(_ write: WriteRequest, _ result: WriteResult) -> [Effect] {
        var effects: [Effect] = [.load, .loadStatistics(period.period(now: now, calendar: calendar))]
        let chooseAnother: Bool
        if case .returnLeg(let form) = overlay { chooseAnother = form.volunteer == .other } else { chooseAnother = false }
        overlay = nil
        guard let outcome = result.returnLeg else { return effects }
        noticeRole = outcome.refusal == nil ? .ok : .warning
        notice = returnLegSummary(write, result)
        focusAfterLoad = outcome.leg.id
        if chooseAnother {
            overlay = .assign(AssignDialog(request: outcome.leg))
            effects.append(.loadCandidates(requestID: outcome.leg.id))
        }
        return effects
    }

    mutating func returnLegFailed(_ write: WriteRequest, _ failure: WriteFailure) -> [Effect] {
        if case .returnLeg(var form) = overlay {
            form.failed(failure, language: language)
            overlay = .returnLeg(form)
        } else {
            overlay = .problem(WriteProblem(message: failure.message, retry: failure.retryable ? write : nil))
        }
        return failure.conflict ? [.load] : []
    }

    func returnLegSummary(_ write: WriteRequest, _ result: WriteResult) -> String {
        let done: Phrase
        if case .changeReturnLeg = write { done = ReturnLegText.changed } else { done = ReturnLegText.made }
        guard let outcome = result.returnLeg else { return text(done) }
        let leg = outcome.leg
        var words = "\(text(done)): #\(leg.id) \(ClockTime(leg.pickupAt, calendar: calendar))"
        if outcome.whenCalled { words += " (\(text(ReturnLegText.whenCalled)))" }
        words += " · " + DomainPhrases.status(leg.status).text(language)
        if let id = leg.volunteerID, let name = data?.volunteers.first(where: { $0.id == id })?.name { words += " — \(name)" }
        if let refusal = outcome.refusal {
            words += " · \(text(done == ReturnLegText.changed ? ReturnLegText.released : ReturnLegText.notAssigned)): \(refusal.text(language))"
        }
        return words
    }
}
