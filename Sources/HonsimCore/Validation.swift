import Foundation

/// A field that failed validation, named so a form or an import can point at it.
public struct FieldIssue: Sendable, Hashable, CustomStringConvertible {
    public var field: String
    public var message: Phrase

    public init(field: String, message: Phrase) {
        self.field = field
        self.message = message
    }

    public var description: String { "\(field): \(message.en)" }
}

/// Rules for each record, shared by forms, imports and the store.
public enum Validation {
    /// Korean phone numbers: mobile 010-1234-5678, Seoul 02-123-4567, regional 031-123-4567,
    /// with or without hyphens. Empty is allowed (not every household has a phone).
    public static func isPhone(_ text: String) -> Bool {
        let trimmed = text.trimmingSpaces()
        if trimmed.isEmpty { return true }
        let groups = trimmed.split(separator: "-", omittingEmptySubsequences: false)
        let digits = trimmed.filter { $0 != "-" }
        guard digits.allSatisfy({ $0.isASCII && $0.isNumber }), digits.hasPrefix("0"), (9...11).contains(digits.count) else { return false }
        switch groups.count {
        case 1: return true
        case 3: return (2...3).contains(groups[0].count) && (3...4).contains(groups[1].count) && groups[2].count == 4
        default: return false
        }
    }

    public static func household(_ household: Household, dongs: DongDirectory, currentYear: Int) -> [FieldIssue] {
        var issues: [FieldIssue] = []
        if household.name.trimmingSpaces().isEmpty {
            issues.append(FieldIssue(field: "name", message: Phrase(ko: "이름이 비어 있습니다", en: "name is empty")))
        }
        if dongs.dong(code: household.dongCode) == nil {
            issues.append(FieldIssue(field: "dong", message: Phrase(ko: "없는 동입니다: \(household.dongCode)", en: "unknown dong: \(household.dongCode)")))
        }
        if household.birthYear < currentYear - 120 || household.birthYear > currentYear {
            issues.append(FieldIssue(field: "birth_year", message: Phrase(ko: "생년이 올바르지 않습니다: \(household.birthYear)", en: "birth year out of range: \(household.birthYear)")))
        }
        if !isPhone(household.phone) {
            issues.append(FieldIssue(field: "phone", message: Phrase(ko: "전화번호 형식이 아닙니다: \(household.phone)", en: "not a phone number: \(household.phone)")))
        }
        if !isPhone(household.family.phone) {
            issues.append(FieldIssue(field: "family_phone", message: Phrase(ko: "전화번호 형식이 아닙니다: \(household.family.phone)",
                                                                             en: "not a phone number: \(household.family.phone)")))
        }
        return issues
    }

    public static func volunteer(_ volunteer: Volunteer, dongs: DongDirectory) -> [FieldIssue] {
        var issues: [FieldIssue] = []
        if volunteer.name.trimmingSpaces().isEmpty {
            issues.append(FieldIssue(field: "name", message: Phrase(ko: "이름이 비어 있습니다", en: "name is empty")))
        }
        if dongs.dong(code: volunteer.dongCode) == nil {
            issues.append(FieldIssue(field: "dong", message: Phrase(ko: "없는 동입니다: \(volunteer.dongCode)", en: "unknown dong: \(volunteer.dongCode)")))
        }
        if !isPhone(volunteer.phone) {
            issues.append(FieldIssue(field: "phone", message: Phrase(ko: "전화번호 형식이 아닙니다: \(volunteer.phone)", en: "not a phone number: \(volunteer.phone)")))
        }
        if volunteer.weeklyCapMinutes <= 0 || volunteer.weeklyCapMinutes > 60 * 60 {
            issues.append(FieldIssue(field: "weekly_cap_hours", message: Phrase(ko: "주간 한도는 1–60시간입니다", en: "weekly cap must be 1–60 hours")))
        }
        for off in volunteer.daysOff where off.to < off.from {
            issues.append(FieldIssue(field: "days_off", message: Phrase(ko: "휴무 종료일이 시작일보다 앞섭니다: \(off.from)–\(off.to)", en: "day off ends before it starts: \(off.from)–\(off.to)")))
        }
        return issues
    }

    public static func request(_ request: EscortRequest) -> [FieldIssue] {
        var issues: [FieldIssue] = []
        if request.hospital.trimmingSpaces().isEmpty {
            issues.append(FieldIssue(field: "hospital", message: Phrase(ko: "병원이 비어 있습니다", en: "hospital is empty")))
        }
        if request.pickupAt > request.appointmentAt {
            issues.append(FieldIssue(field: "pickup_time", message: Phrase(ko: "출발 시각이 진료 시각보다 늦습니다", en: "pickup is after the appointment")))
        }
        if request.expectedMinutes < 10 || request.expectedMinutes > 16 * 60 {
            issues.append(FieldIssue(field: "expected_minutes", message: Phrase(ko: "예상 소요 시간은 10분–16시간입니다", en: "expected duration must be 10 min to 16 h")))
        }
        if !Lifecycle.isConsistent(status: request.status, hasVolunteer: request.volunteerID != nil) {
            issues.append(FieldIssue(field: "volunteer_id", message: Phrase(
                ko: request.volunteerID == nil ? "\(DomainPhrases.status(request.status).ko) 상태에는 봉사자가 필요합니다" : "\(DomainPhrases.status(request.status).ko) 상태에는 봉사자가 없어야 합니다",
                en: request.volunteerID == nil ? "a request that is \(DomainPhrases.status(request.status).en) needs a volunteer" : "a request that is \(DomainPhrases.status(request.status).en) must have no volunteer")))
        }
        return issues
    }
}
