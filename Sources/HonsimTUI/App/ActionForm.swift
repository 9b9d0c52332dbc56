import Foundation
import HonsimCore
import HonsimStore

/// The details a lifecycle move records before it is written: the actual minutes, outcome,
/// the doctor's words and follow-up for complete; a reason for release, cancel and no-show.
public struct ActionForm: Hashable, Sendable {
    public var action: LifecycleAction
    public var request: EscortRequest
    public var form: FormState
    public var message: String?
    public var retry: WriteRequest?
    /// Esc with something typed asks before dropping it.
    public var confirmingDiscard = false

    public init(action: LifecycleAction, request: EscortRequest, language: Language) {
        self.action = action
        self.request = request
        let t = { (phrase: Phrase) in phrase.text(language) }
        switch action {
        case .complete:
            form = FormState(fields: [
                FormField(key: "minutes", label: t(UIText.fieldActualMinutes), text: String(request.expectedMinutes)),
                FormField(key: "outcome", label: t(UIText.fieldOutcome), placeholder: t(UIText.placeholderOutcome)),
                FormField(key: "doctor", label: t(UIText.fieldDoctorNotes), placeholder: t(UIText.placeholderDoctorNotes)),
                FormField(key: "follow_up", label: t(UIText.fieldFollowUp), kind: .toggle),
                // What the volunteer is paid back (실비), recorded with the completion.
                FormField(key: "fares", label: t(UIText.fieldFares), placeholder: "0"),
                FormField(key: "parking", label: t(UIText.fieldParking), placeholder: "0"),
                FormField(key: "meals", label: t(UIText.fieldMeals), placeholder: "0"),
            ])
        default:
            form = FormState(fields: [
                FormField(key: "reason", label: t(UIText.fieldReason),
                          placeholder: t(action == .noShow ? UIText.placeholderOptional : UIText.placeholderReason)),
            ])
        }
    }

    /// Checks each field; errors show beside their field. Returns the details when all is well.
    mutating func validate(language: Language) -> ActionDetails? {
        let t = { (phrase: Phrase) in phrase.text(language) }
        switch action {
        case .complete:
            let minutes = Int(form.text("minutes"))
            form.setError("minutes", (minutes.map { (10...16 * 60).contains($0) } ?? false) ? nil : t(UIText.errorMinutes))
            for key in ActionForm.expenseKeys {
                form.setError(key, ExpenseRules.amount(form.text(key)) == nil ? t(UIText.errorAmount) : nil)
            }
            guard let minutes, let expenses = typedExpenses, !form.hasErrors else { return nil }
            return ActionDetails(actualMinutes: minutes, outcome: form.text("outcome"), doctorNotes: form.text("doctor"),
                                 followUp: form.field("follow_up")?.isOn ?? false, expenses: expenses.isEmpty ? nil : expenses)
        case .release, .cancel:
            form.setError("reason", form.text("reason").isEmpty ? t(UIText.errorReasonNeeded) : nil)
            return form.hasErrors ? nil : ActionDetails(reason: form.text("reason"))
        default:
            let reason = form.text("reason")
            return ActionDetails(reason: reason.isEmpty ? nil : reason)
        }
    }

    static let expenseKeys = ["fares", "parking", "meals"]

    /// The expenses as typed so far; nil while an amount is not one.
    var typedExpenses: Expenses? {
        guard action == .complete, let fares = ExpenseRules.amount(form.text("fares")), let parking = ExpenseRules.amount(form.text("parking")),
              let meals = ExpenseRules.amount(form.text("meals")) else { return nil }
        return Expenses(fares: fares, parking: parking, meals: meals)
    }

    mutating func failed(_ failure: WriteFailure, write: WriteRequest) {
        message = failure.message
        retry = failure.retryable ? write : nil
    }
}

extension ActionForm: Component {
    mutating func update(_ key: Key, _ around: Surroundings) -> Reply {
        let keys = around.keys.form
        if let answer = discardAnswer(key, &confirmingDiscard, around) { return answer }
        switch form.handle(key, bindings: keys) {
        case .edited:
            // Errors are re-checked as the coordinator types, once they have been shown.
            if form.hasErrors { _ = validate(language: around.language) }
        case .moved:
            break
        case .submit:
            guard !around.writeInFlight else { return .stay }
            guard let details = validate(language: around.language) else {
                form.focusFirstError()
                return .stay
            }
            message = nil
            return .writing(.lifecycle(action, requestID: request.id, details: details, expectedVersion: request.version))
        case .unhandled:
            if keys.matches(key, .back) { return escape(dirty: form.isDirty, confirming: &confirmingDiscard) }
        }
        return .stay
    }
}

/// Esc on a form: it closes at once when nothing was typed; otherwise the form asks first
/// (its `confirmingDiscard`), so nothing typed is lost to a stray key.
func escape(dirty: Bool, confirming: inout Bool) -> Reply {
    if dirty {
        confirming = true
        return .stay
    }
    return .closing()
}
