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
            guard let minutes, !form.hasErrors else { return nil }
            return ActionDetails(actualMinutes: minutes, outcome: form.text("outcome"), doctorNotes: form.text("doctor"),
                                 followUp: form.field("follow_up")?.isOn ?? false)
        case .release, .cancel:
            form.setError("reason", form.text("reason").isEmpty ? t(UIText.errorReasonNeeded) : nil)
            return form.hasErrors ? nil : ActionDetails(reason: form.text("reason"))
        default:
            let reason = form.text("reason")
            return ActionDetails(reason: reason.isEmpty ? nil : reason)
        }
    }

    mutating func failed(_ failure: WriteFailure, write: WriteRequest) {
        message = failure.message
        retry = failure.retryable ? write : nil
    }
}

extension AppState {
    mutating func handleActionFormKey(_ key: Key, _ current: ActionForm) -> [Effect] {
        var sheet = current
        defer { if case .action = overlay { overlay = .action(sheet) } }
        if sheet.confirmingDiscard {
            sheet.confirmingDiscard = false
            if key == .character("y") || key == .character("Y") { overlay = nil }
            return []
        }
        switch sheet.form.handle(key) {
        case .edited:
            // Errors are re-checked as the coordinator types, once they have been shown.
            if sheet.form.hasErrors { _ = sheet.validate(language: language) }
        case .moved:
            break
        case .submit:
            guard writing == nil else { return [] }
            guard let details = sheet.validate(language: language) else {
                sheet.form.focusFirstError()
                return []
            }
            let write = WriteRequest.lifecycle(sheet.action, requestID: sheet.request.id, details: details,
                                               expectedVersion: sheet.request.version)
            sheet.message = nil
            writing = write
            return [.write(write)]
        case .unhandled:
            if key == .escape { escapeForm(dirty: sheet.form.isDirty, confirming: &sheet.confirmingDiscard) }
        }
        return []
    }
}
