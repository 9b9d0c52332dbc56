import Foundation
import HonsimCore
import HonsimStore

/// The form to add or edit a household or a volunteer. It starts from the record (or a blank
/// one), checks each field as it is typed, and keeps what was typed whatever the store says:
/// a bad field is named beside it, a likely duplicate asks for a second Enter, and a record
/// another coordinator changed meanwhile is shown beside this one to choose between.
public struct RecordForm: Hashable, Sendable {
    public enum Record: Hashable, Sendable {
        case household(Household)
        case volunteer(Volunteer)
    }

    /// The record as read: what the form does not edit is kept from it, and its version guards the save.
    public var base: Record
    public var form: FormState
    public var message: String?
    public var allowDuplicate = false
    public var confirmingDiscard = false
    /// Another coordinator's newer record, while the coordinator chooses.
    public var theirs: Record?
    /// Errors show once a field was left or a save was tried, not while first typing.
    public var touched: Set<String> = []

    var isNew: Bool {
        switch base {
        case .household(let h): h.id == 0
        case .volunteer(let v): v.id == 0
        }
    }

    var version: Int? {
        if isNew { return nil }
        switch theirs ?? base {
        case .household(let h): return h.version
        case .volunteer(let v): return v.version
        }
    }

    /// `eligibility`: a household's, as read with its page, to edit with it; nil leaves it out.
    public init(_ record: Record, dongs: DongDirectory, language: Language, eligibility: HouseholdEligibility? = nil) {
        base = record
        let t = { (phrase: Phrase) in phrase.text(language) }
        let dong = { (code: String) in code.isEmpty ? "" : dongs.dong(code: code)?.name ?? code }
        let genders = Gender.allCases.map { DomainPhrases.gender($0).text(language) }
        switch record {
        case .household(let h):
            form = FormState(fields: [
                FormField(key: "name", label: t(RecordText.fieldName), text: h.name),
                FormField(key: "birth", label: t(RecordText.fieldBirthYear), text: h.birthYear == 0 ? "" : String(h.birthYear)),
                FormField(key: "gender", label: t(RecordText.fieldGender), kind: .choice(genders), choice: Gender.allCases.firstIndex(of: h.gender) ?? 0),
                FormField(key: "dong", label: t(RecordText.fieldDong), text: dong(h.dongCode)),
                FormField(key: "phone", label: t(RecordText.fieldPhone), text: h.phone, placeholder: "010-1234-5678"),
                FormField(key: "address", label: t(RecordText.fieldAddress), text: h.address),
                FormField(key: "mobility", label: t(RecordText.fieldMobility), kind: .choice(Mobility.allCases.map { DomainPhrases.mobility($0).text(language) }),
                          choice: Mobility.allCases.firstIndex(of: h.mobility) ?? 0),
                FormField(key: "needs", label: t(RecordText.fieldNeeds), text: h.needs.sorted().map { DomainPhrases.need($0).ko }.joined(separator: " ")),
                FormField(key: "manager", label: t(RecordText.fieldCaseManager), text: h.caseManager),
                FormField(key: "notes", label: t(RecordText.fieldNotes), text: h.notes),
            ] + RecordForm.familyFields(h.family, language: language) + RecordForm.eligibilityFields(eligibility, language: language))
        case .volunteer(let v):
            form = FormState(fields: [
                FormField(key: "name", label: t(RecordText.fieldName), text: v.name),
                FormField(key: "gender", label: t(RecordText.fieldGender), kind: .choice(genders), choice: Gender.allCases.firstIndex(of: v.gender) ?? 0),
                FormField(key: "dong", label: t(RecordText.fieldDong), text: dong(v.dongCode)),
                FormField(key: "phone", label: t(RecordText.fieldPhone), text: v.phone, placeholder: "010-1234-5678"),
                FormField(key: "skills", label: t(RecordText.fieldSkills), text: v.skills.sorted().map(\.description).joined(separator: " ")),
                FormField(key: "car", label: t(RecordText.fieldCar), kind: .toggle, isOn: v.hasCar),
                FormField(key: "cap", label: t(RecordText.fieldCap), text: String(v.weeklyCapMinutes / 60)),
                FormField(key: "notes", label: t(RecordText.fieldNotes), text: v.notes),
            ] + RecordForm.credentialFields(v, language: language))
        }
    }

    /// Every field's error worked out from what is typed; the record to save when there is none.
    /// `only` limits the errors shown to fields already left, so typing is not scolded.
    mutating func validate(dongs: DongDirectory, currentYear: Int, language: Language, only: Set<String>?) -> Record? {
        let t = { (phrase: Phrase) in phrase.text(language) }
        var errors: [String: String] = [:]
        let typed = form
        let text = { (key: String) in typed.text(key) }
        if text("name").isEmpty { errors["name"] = t(RecordText.required) }
        let dong = dongs.resolve(text("dong"))
        if text("dong").isEmpty { errors["dong"] = t(RecordText.required) } else if dong == nil { errors["dong"] = t(RecordText.unknownDong(text("dong"))) }
        if !Validation.isPhone(text("phone")) { errors["phone"] = t(RecordText.badPhone) }
        if !Validation.isPhone(text("family_phone")) { errors["family_phone"] = t(RecordText.badPhone) }
        let gender = Gender.allCases[form.field("gender")?.choice ?? 0]
        var record: Record?
        switch base {
        case .household(var h):
            let year = Int(text("birth"))
            if year.map({ $0 < currentYear - 120 || $0 > currentYear }) ?? true { errors["birth"] = t(RecordText.badYear) }
            let words = text("needs").split(whereSeparator: { $0 == " " || $0 == "," }).map(String.init)
            let needs = words.compactMap(Need.init(word:))
            if let bad = words.first(where: { Need(word: $0) == nil }) { errors["needs"] = t(RecordText.unknownWord(bad)) }
            h.name = text("name"); h.birthYear = year ?? 0; h.gender = gender; h.dongCode = dong?.code ?? ""
            h.phone = text("phone"); h.address = text("address"); h.needs = Set(needs); h.caseManager = text("manager")
            h.mobility = Mobility.allCases[form.field("mobility")?.choice ?? 0]; h.notes = text("notes")
            h.family = typedFamily()
            record = .household(h)
        case .volunteer(var v):
            let cap = Int(text("cap"))
            if cap.map({ !(1...60).contains($0) }) ?? true { errors["cap"] = t(RecordText.badCap) }
            let words = text("skills").split(whereSeparator: { $0 == " " || $0 == "," }).map(String.init)
            if let bad = words.first(where: { Skill(word: $0) == nil }) { errors["skills"] = t(RecordText.unknownWord(bad)) }
            v.name = text("name"); v.gender = gender; v.dongCode = dong?.code ?? ""; v.phone = text("phone")
            v.skills = Set(words.compactMap(Skill.init(word:))); v.hasCar = form.field("car")?.isOn ?? false
            v.weeklyCapMinutes = (cap ?? 0) * 60; v.notes = text("notes")
            RecordForm.readCredentials(text, into: &v, errors: &errors, language: language)
            record = .volunteer(v)
        }
        for index in form.fields.indices {
            let key = form.fields[index].key
            form.fields[index].error = only.map { $0.contains(key) } ?? true ? errors[key] : nil
        }
        return errors.isEmpty ? record : nil
    }

    /// The fields as a person compares them: label and value, for the conflict view.
    static func summary(_ record: Record, dongs: DongDirectory, language: Language) -> [(String, String)] {
        let t = { (phrase: Phrase) in phrase.text(language) }
        let dong = { (code: String) in dongs.dong(code: code)?.name ?? code }
        switch record {
        case .household(let h):
            return [(t(RecordText.fieldName), h.name), (t(RecordText.fieldBirthYear), String(h.birthYear)),
                    (t(RecordText.fieldGender), DomainPhrases.gender(h.gender).text(language)), (t(RecordText.fieldDong), dong(h.dongCode)),
                    (t(RecordText.fieldPhone), h.phone), (t(RecordText.fieldAddress), h.address),
                    (t(RecordText.fieldMobility), DomainPhrases.mobility(h.mobility).text(language)),
                    (t(RecordText.fieldNeeds), h.needs.sorted().map { DomainPhrases.need($0).text(language) }.joined(separator: " ")),
                    (t(RecordText.fieldCaseManager), h.caseManager), (t(RecordText.fieldNotes), h.notes),
                    (t(HouseholdFormText.family), h.family.line),
                    (t(RecordText.close), h.closed ? "✓" : "")]
        case .volunteer(let v):
            return [(t(RecordText.fieldName), v.name), (t(RecordText.fieldGender), DomainPhrases.gender(v.gender).text(language)),
                    (t(RecordText.fieldDong), dong(v.dongCode)), (t(RecordText.fieldPhone), v.phone),
                    (t(RecordText.fieldSkills), v.skills.sorted().map(\.description).joined(separator: " ")),
                    (t(RecordText.fieldCar), v.hasCar ? "✓" : ""), (t(RecordText.fieldCap), String(v.weeklyCapMinutes / 60)),
                    (t(RecordText.availability), v.availability.description + " " + v.daysOff.map(AvailabilityGrid.text).joined(separator: ",")),
                    (t(RecordText.fieldNotes), v.notes), (t(RecordText.close), v.closed ? "✓" : "")]
        }
    }

    /// The fields where theirs and mine differ, as "label: theirs │ mine".
    func differences(mine: Record, dongs: DongDirectory, language: Language) -> [String] {
        guard let theirs else { return [] }
        let a = RecordForm.summary(theirs, dongs: dongs, language: language), b = RecordForm.summary(mine, dongs: dongs, language: language)
        return zip(a, b).filter { $0.1 != $1.1 }.map { "\($0.0): \(RecordText.theirs.text(language)) \($0.1) │ \(RecordText.mine.text(language)) \($1.1)" }
    }
}
