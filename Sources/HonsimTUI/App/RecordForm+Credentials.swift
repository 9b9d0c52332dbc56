import HonsimCore

/// The volunteer form's credentials: training, accident insurance, background check and the
/// consent to share hours with the national portal, each a date (YYYY-MM-DD) or empty.
extension RecordForm {
    static var credentialKeys: [(key: String, label: Phrase, path: WritableKeyPath<Volunteer, CivilDate?>)] { [
        ("trained", UIText.fieldTrainedOn, \.trainedOn),
        ("insured", UIText.fieldInsuredUntil, \.insuredUntil),
        ("background", UIText.fieldBackgroundCheck, \.backgroundCheckedOn),
        ("consent", UIText.fieldPortalConsent, \.portalConsentOn),
    ] }

    static func credentialFields(_ volunteer: Volunteer, language: Language) -> [FormField] {
        credentialKeys.map { item in
            FormField(key: item.key, label: item.label.text(language), text: volunteer[keyPath: item.path]?.description ?? "",
                      placeholder: "YYYY-MM-DD")
        }
    }

    static func readCredentials(_ text: (String) -> String, into volunteer: inout Volunteer, errors: inout [String: String], language: Language) {
        for item in credentialKeys {
            let typed = text(item.key)
            if typed.isEmpty {
                volunteer[keyPath: item.path] = nil
            } else if let date = CivilDate(iso: typed) {
                volunteer[keyPath: item.path] = date
            } else {
                errors[item.key] = UIText.errorCredentialDate.text(language)
            }
        }
    }
}

extension RecordPage {
    /// "자격: 기본 교육 2025-03-10 · 자원봉사 상해보험 2026-12-31 · …", a dash for what is not on record.
    static func credentialsLine(_ volunteer: Volunteer, language: Language) -> String {
        let parts = RecordForm.credentialKeys.map { item in
            "\(item.label.text(language)) \(volunteer[keyPath: item.path]?.description ?? "-")"
        }
        return "\(UIText.labelCredentials.text(language)): " + parts.joined(separator: " · ")
    }
}
