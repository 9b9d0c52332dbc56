import Foundation
import HonsimCore

/// A household list's eligibility columns (대상 구분, 타 서비스): read like the other list
/// columns, every word or a problem naming the cell.
extension ImportParser {
    mutating func eligibility(_ record: CSVTable.Record) -> HouseholdEligibility? {
        let categories = optional(record, .categories, .categories) { ImportParser.list($0, EligibilityCategory.init(word:)) }
        let services = optional(record, .servedElsewhere, .servedElsewhere) { ImportParser.list($0, OtherService.init(word:)) }
        let eligibility = HouseholdEligibility(categories: categories ?? [], servedElsewhere: services ?? [])
        return eligibility.isEmpty ? nil : eligibility
    }
}

extension Expected {
    static let categories = Expected(ko: "대상 구분이 아닙니다", en: "not a list of categories",
                                     example: "기초생활수급, 차상위, 사례관리 대상, 긴급 지원, 기타")
    static let servedElsewhere = Expected(ko: "타 서비스가 아닙니다", en: "not a list of other services",
                                          example: "장기요양 등급, 노인맞춤돌봄, 장애인활동지원")
}
