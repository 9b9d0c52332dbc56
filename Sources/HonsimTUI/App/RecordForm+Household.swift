import Foundation
import HonsimCore
import HonsimStore

/// The household form's own fields beyond the record's basics: the family contact (name,
/// relation, phone, checked as the household's phone is) and the household's eligibility under
/// the council's rules, its categories and the services that serve it elsewhere, ticked with
/// Space. The eligibility is saved with the household, in the same transaction.
extension RecordForm {
    static func familyFields(_ family: FamilyContact, language: Language) -> [FormField] {
        let t = { (phrase: Phrase) in phrase.text(language) }
        return [
            FormField(key: "family_name", label: t(HouseholdFormText.familyName), text: family.name),
            FormField(key: "family_relation", label: t(HouseholdFormText.familyRelation), text: family.relation,
                      placeholder: t(HouseholdFormText.relationExample)),
            FormField(key: "family_phone", label: t(HouseholdFormText.familyPhone), text: family.phone, placeholder: "010-1234-5678"),
        ]
    }

    /// The eligibility's two fields, ticked as recorded. None when the eligibility is not known
    /// (a page read without it): a save must not wipe what it never showed.
    static func eligibilityFields(_ eligibility: HouseholdEligibility?, language: Language) -> [FormField] {
        guard let eligibility else { return [] }
        let t = { (phrase: Phrase) in phrase.text(language) }
        var categories = FormField(key: "categories", label: t(HouseholdFormText.categories),
                                   kind: .choices(EligibilityCategory.allCases.map { HouseholdFormText.category($0).text(language) }))
        categories.picked = Set(EligibilityCategory.allCases.indices.filter { eligibility.categories.contains(EligibilityCategory.allCases[$0]) })
        var services = FormField(key: "served_elsewhere", label: t(HouseholdFormText.servedElsewhere),
                                 kind: .choices(OtherService.allCases.map { HouseholdFormText.service($0).text(language) }))
        services.picked = Set(OtherService.allCases.indices.filter { eligibility.servedElsewhere.contains(OtherService.allCases[$0]) })
        return [categories, services]
    }

    /// The family contact as typed.
    func typedFamily() -> FamilyContact {
        FamilyContact(name: form.text("family_name"), relation: form.text("family_relation"), phone: form.text("family_phone"))
    }

    /// The eligibility as ticked; nil when the form does not edit it (a volunteer, or a household
    /// whose eligibility was not read).
    var typedEligibility: HouseholdEligibility? {
        guard case .household = base, let categories = form.field("categories"), let services = form.field("served_elsewhere") else { return nil }
        return HouseholdEligibility(
            categories: Set(categories.picked.compactMap { EligibilityCategory.allCases.indices.contains($0) ? EligibilityCategory.allCases[$0] : nil }),
            servedElsewhere: Set(services.picked.compactMap { OtherService.allCases.indices.contains($0) ? OtherService.allCases[$0] : nil }))
    }

    /// What the council's rules of the typed dong say about the ticked eligibility, when they
    /// bite: "no category recorded (the council requires one)", or a service elsewhere that
    /// excludes. It refuses nothing here: the rules bite when an escort is requested.
    func eligibilityFinding(rules: CouncilRuleBook?, dongs: DongDirectory) -> RuleFinding? {
        guard let rules, let eligibility = typedEligibility else { return nil }
        let dong = dongs.resolve(form.text("dong"))?.code ?? ""
        return CouncilRuleCheck.eligibility(eligibility, rules: rules.rules(forDong: dong))
    }
}

/// The household form's words in Korean and English.
enum HouseholdFormText {
    static let familyName = Phrase(ko: "가족 이름", en: "family contact")
    static let familyRelation = Phrase(ko: "가족 관계", en: "relation")
    static let relationExample = Phrase(ko: "딸, 아들, 조카, 이웃", en: "daughter, son, nephew, neighbour")
    static let familyPhone = Phrase(ko: "가족 전화", en: "family phone")
    static let categories = Phrase(ko: "대상 구분", en: "categories")
    static let servedElsewhere = Phrase(ko: "타 서비스", en: "served elsewhere")
    static let family = Phrase(ko: "가족", en: "family")
    /// The same as a label of the request's details, capitalised as their other labels are.
    static let labelFamily = Phrase(ko: "가족", en: "Family")
    static let noFamily = Phrase(ko: "가족 연락처 없음", en: "no family contact recorded")
    static let choicesHint = Phrase(ko: "←→ 고르기, Space 넣기/빼기", en: "←→ move, Space ticks")

    /// The categories and services as a row of ticks names them, short enough for one row of a
    /// form; the page and the rules' messages use their full names (`CouncilRulePhrases`).
    static func category(_ category: EligibilityCategory) -> Phrase {
        switch category {
        case .basicLivelihood: Phrase(ko: "기초수급", en: "basic")
        case .nearPoverty: Phrase(ko: "차상위", en: "near poverty")
        case .caseManaged: Phrase(ko: "사례관리", en: "case managed")
        case .emergency: Phrase(ko: "긴급지원", en: "emergency")
        case .other: Phrase(ko: "기타", en: "other")
        }
    }

    static func service(_ service: OtherService) -> Phrase {
        switch service {
        case .longTermCare: Phrase(ko: "장기요양", en: "long-term care")
        case .customizedElderlyCare: Phrase(ko: "노인맞춤돌봄", en: "elderly care")
        case .disabilityAssistance: Phrase(ko: "장애인활동지원", en: "disability aid")
        }
    }

    static let all: [Phrase] = [familyName, familyRelation, relationExample, familyPhone, categories, servedElsewhere, family, labelFamily, noFamily,
                                choicesHint] + EligibilityCategory.allCases.map(category) + OtherService.allCases.map(service)
}
