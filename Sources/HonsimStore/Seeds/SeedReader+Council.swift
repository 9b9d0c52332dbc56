import Foundation
import HonsimCore

/// The council's and the volunteers' side of the demo data: each volunteer's credentials as
/// day offsets from today (optional columns of volunteers.csv), and each household's
/// eligibility (eligibility.csv, one row a household that has any recorded).
extension SeedReader {
    /// The optional file of households' categories and services elsewhere; a seed folder
    /// made before it existed still loads, with nothing recorded.
    static let eligibilityFile = "eligibility.csv"

    /// The credentials on a volunteers.csv row: training, insurance, background check and
    /// portal consent, each a day offset from today; an empty cell is not on record.
    mutating func credentials(_ table: CSVTable, _ record: CSVTable.Record, of volunteer: inout Volunteer) {
        let offset = Phrase(ko: "오늘 기준 일수", en: "a day offset")
        func day(_ column: String) -> CivilDate? {
            field(table, record, column, optional: true, expected: offset) { Int($0) }.map { today.adding(days: $0, calendar: calendar) }
        }
        volunteer.trainedOn = day("trained_day")
        volunteer.insuredUntil = day("insured_until_day")
        volunteer.backgroundCheckedOn = day("background_check_day")
        volunteer.portalConsentOn = day("portal_consent_day")
    }

    /// Households' categories (기초생활수급, 차상위, …) and services elsewhere (장기요양 등급, …),
    /// in the words the household import takes, by household id.
    mutating func readEligibility(_ table: CSVTable, households: [Int64: Household]) -> [Int64: HouseholdEligibility] {
        issues += table.missingColumns(["household_id", "categories"])
        var found: [Int64: HouseholdEligibility] = [:]
        for record in table.records {
            let id = field(table, record, "household_id", expected: Phrase(ko: "대상자 번호", en: "a household id")) { Int64($0) }
            let categories = field(table, record, "categories", optional: true,
                                   expected: Phrase(ko: "대상 구분(기초생활수급, 차상위, 사례관리 대상, 긴급 지원, 기타)",
                                                    en: "categories (기초생활수급, 차상위, 사례관리 대상, 긴급 지원, 기타)")) {
                try? HouseholdEligibility.parse($0, as: EligibilityCategory.init(word:)).get()
            }
            let services = field(table, record, "served_elsewhere", optional: true,
                                 expected: Phrase(ko: "타 서비스(장기요양 등급, 노인맞춤돌봄, 장애인활동지원)",
                                                  en: "other services (장기요양 등급, 노인맞춤돌봄, 장애인활동지원)")) {
                try? HouseholdEligibility.parse($0, as: OtherService.init(word:)).get()
            }
            guard let id else { continue }
            guard households[id] != nil else {
                issue(table, record, "household_id", ko: "없는 대상자입니다: \(id)", en: "no household \(id)")
                continue
            }
            guard found[id] == nil else {
                issue(table, record, "household_id", ko: "중복된 대상자입니다: \(id)", en: "household \(id) is listed twice")
                continue
            }
            let eligibility = HouseholdEligibility(categories: categories ?? [], servedElsewhere: services ?? [])
            if !eligibility.isEmpty { found[id] = eligibility }
        }
        return found
    }
}
