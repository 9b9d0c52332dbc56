import Foundation
import HonsimCore
import HonsimStore

/// The new-request form under the council's rules: a refusal names each rule in words (a
/// limit with by how much), and where the rules allow an override, an "override reason" field
/// appears; saving again with a reason makes the requests, and the store records it.
extension RequestForm {
    /// The reason typed, once the field is there; nil before, or while it is blank.
    var overrideReason: RuleOverride? {
        let reason = form.text("override").trimmingSpaces()
        return reason.isEmpty ? nil : RuleOverride(reason: reason)
    }

    mutating func refusedByRules(_ findings: [RuleFinding], language: Language) {
        let t = { (phrase: Phrase) in phrase.text(language) }
        let reasons = findings.map { t($0.phrase) }.joined(separator: " · ")
        guard findings.allSatisfy(\.overridable) else {
            message = "\(reasons) — \(t(RuleText.noOverride))"
            return
        }
        message = reasons
        if form.field("override") == nil {
            form.fields.append(FormField(key: "override", label: t(RuleText.fieldOverride), placeholder: t(RuleText.overrideHint)))
        }
        if let index = form.fields.firstIndex(where: { $0.key == "override" }) { form.focus = index }
    }
}
