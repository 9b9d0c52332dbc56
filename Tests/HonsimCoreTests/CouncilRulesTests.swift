import Foundation
import Testing
@testable import HonsimCore

@Suite("The council's rules: eligibility, limits per household, no-show flags")
struct CouncilRulesTests {
    var calendar: Calendar {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Asia/Seoul") ?? .current
        return calendar
    }

    func at(_ year: Int, _ month: Int, _ day: Int, hour: Int = 10) -> Date {
        calendar.date(from: DateComponents(year: year, month: month, day: day, hour: hour)) ?? Date()
    }

    @Test func theBuiltInRulesRefuseNoHousehold() {
        let rules = CouncilRules()
        #expect(CouncilRuleCheck.eligibility(HouseholdEligibility(), rules: rules) == nil, "nothing recorded is not refused by default")
        #expect(CouncilRuleCheck.eligibility(HouseholdEligibility(categories: [.nearPoverty]), rules: rules) == nil)
        #expect(CouncilRuleCheck.limits(rules: rules, existing: [], adding: (1...40).map { HouseholdUse(appointmentAt: at(2027, 3, 1), minutes: 240, number: $0) },
                                        calendar: calendar).isEmpty, "no limits until a council sets them")
    }

    @Test func aHouseholdServedElsewhereIsOutsideTheRulesWithTheServiceNamed() throws {
        var rules = CouncilRules()
        let served = HouseholdEligibility(categories: [.basicLivelihood], servedElsewhere: [.longTermCare])
        let finding = try #require(CouncilRuleCheck.eligibility(served, rules: rules))
        #expect(finding.reason == .servedElsewhere([.longTermCare]) && finding.overridable && finding.rule == "excluded_services")
        #expect(finding.phrase.ko == "장기요양 등급 이용자는 다른 서비스로 지원받으므로 동행 대상이 아닙니다")
        #expect(finding.phrase.en == "served elsewhere (long-term care grade), so not eligible for escorts")
        rules.excludedServices = [.disabilityAssistance]
        #expect(CouncilRuleCheck.eligibility(served, rules: rules) == nil, "a council that does not exclude long-term care serves them")
        rules.eligibilityOverridable = false
        rules.excludedServices = [.longTermCare]
        #expect(CouncilRuleCheck.eligibility(served, rules: rules)?.overridable == false)
    }

    @Test func aCategoryTheCouncilDoesNotServeOrNoneWhenOneIsRequiredIsRefused() throws {
        var rules = CouncilRules()
        rules.eligibleCategories = [.basicLivelihood, .nearPoverty]
        let other = try #require(CouncilRuleCheck.eligibility(HouseholdEligibility(categories: [.other]), rules: rules))
        #expect(other.phrase.ko == "대상 구분(기타)이 협의체 기준의 대상이 아닙니다")
        #expect(CouncilRuleCheck.eligibility(HouseholdEligibility(categories: [.other, .nearPoverty]), rules: rules) == nil,
                "one eligible category is enough")
        rules.requireCategory = true
        #expect(CouncilRuleCheck.eligibility(HouseholdEligibility(), rules: rules)?.reason == .noCategory)
    }

    @Test func aMonthlyLimitNamesTheNewRequestsPastItAndByHowMuch() throws {
        var rules = CouncilRules()
        rules.usesPerMonth = 4
        let existing = [1, 5, 8].map { HouseholdUse(appointmentAt: at(2027, 3, $0), minutes: 120) }
        let adding = [10, 15, 20].enumerated().map { HouseholdUse(appointmentAt: at(2027, 3, $0.element), minutes: 120, number: $0.offset + 1) }
            + [HouseholdUse(appointmentAt: at(2027, 4, 2), minutes: 120, number: 4)]
        let findings = CouncilRuleCheck.limits(rules: rules, existing: existing, adding: adding, calendar: calendar)
        let finding = try #require(findings.first)
        #expect(findings.count == 1, "April is within its limit")
        #expect(finding.reason == .usesPerMonth(year: 2027, month: 3, limit: 4, total: 6))
        #expect(finding.numbers == [2, 3], "the 4th use of March is allowed; the 5th and 6th pass it")
        #expect(finding.excess == 2)
        #expect(finding.phrase.ko == "2027년 3월 이용 한도 4회를 2회 넘습니다 (6회) — 2, 3번째")
        #expect(finding.phrase.en == "passes the limit of 4 uses in 2027-03 by 2 (6 uses) — number 2, 3")
    }

    @Test func yearlyUsesAndHoursAreCountedByCalendarYear() throws {
        var rules = CouncilRules()
        rules.usesPerYear = 3
        rules.hoursPerYear = 5
        let existing = [HouseholdUse(appointmentAt: at(2026, 12, 20), minutes: 600),
                        HouseholdUse(appointmentAt: at(2027, 1, 5), minutes: 180)]
        let adding = [HouseholdUse(appointmentAt: at(2027, 2, 1), minutes: 90, number: 1),
                      HouseholdUse(appointmentAt: at(2027, 2, 8), minutes: 90, number: 2),
                      HouseholdUse(appointmentAt: at(2027, 2, 15), minutes: 90, number: 3)]
        let findings = CouncilRuleCheck.limits(rules: rules, existing: existing, adding: adding, calendar: calendar)
        let uses = try #require(findings.first { $0.rule == "uses_per_year" })
        #expect(uses.reason == .usesPerYear(year: 2027, limit: 3, total: 4) && uses.numbers == [3], "last December is another year")
        let hours = try #require(findings.first { $0.rule == "hours_per_year" })
        #expect(hours.reason == .hoursPerYear(year: 2027, limitHours: 5, totalMinutes: 450) && hours.numbers == [2, 3])
        #expect(hours.excess == 150)
        #expect(hours.phrase.ko == "2027년 이용 시간 한도 5시간을 2시간 30분 넘습니다 — 2, 3번째")
        #expect(hours.phrase.en == "passes the limit of 5 hours in 2027 by 2 h 30 min — number 2, 3")
    }

    @Test func theUsageLineSaysWhatIsUsedOfEachLimit() {
        var rules = CouncilRules()
        rules.usesPerMonth = 4
        rules.hoursPerYear = 60
        let existing = [HouseholdUse(appointmentAt: at(2027, 3, 1), minutes: 120), HouseholdUse(appointmentAt: at(2027, 3, 8), minutes: 120),
                        HouseholdUse(appointmentAt: at(2027, 1, 8), minutes: 120)]
        let usage = CouncilRuleCheck.usage(rules: rules, existing: existing, at: at(2027, 3, 20), calendar: calendar)
        #expect(usage.usesInMonth == 2 && usage.usesInYear == 3 && usage.minutesInYear == 360 && !usage.isAtALimit)
        #expect(usage.phrase.ko == "이번 달 2/4회 · 올해 3회 · 올해 6/60시간")
        #expect(usage.phrase.en == "this month 2/4 · this year 3 · 6/60 h this year")
    }

    @Test func noShowsAreFlaggedFromTheThresholdWithTheCounts() {
        let counts = ConductCounts(noShows: 2, lateCancellations: 1, windowDays: 90)
        #expect(counts.isFlagged(threshold: 3) && !counts.isFlagged(threshold: 4) && !counts.isFlagged(threshold: 0))
        #expect(counts.phrase.ko == "최근 90일 불참 2회 · 늦은 취소 1회")
        #expect(counts.phrase.en == "last 90 days: 2 no-shows, 1 late cancellation")
    }

    @Test func categoriesAndServicesAreReadAsOfficesWriteThem() throws {
        #expect(EligibilityCategory(word: "기초생활 수급") == .basicLivelihood && EligibilityCategory(word: "사례관리 대상") == .caseManaged)
        #expect(EligibilityCategory(word: "긴급 지원") == .emergency && EligibilityCategory(word: "near_poverty") == .nearPoverty)
        #expect(OtherService(word: "장기요양 등급") == .longTermCare && OtherService(word: "노인맞춤돌봄") == .customizedElderlyCare)
        #expect(try HouseholdEligibility.parse("차상위, 사례관리", as: EligibilityCategory.init(word:)).get() == [.nearPoverty, .caseManaged])
        if case .failure(let unknown) = HouseholdEligibility.parse("차상위, 부자", as: EligibilityCategory.init(word:)) {
            #expect(unknown.word == "부자")
        } else {
            Issue.record("an unknown category is named")
        }
    }

    @Test func aRefusalListsEveryRuleAndWhetherAnOverrideMayGoAhead() {
        let findings = [RuleFinding(reason: .noCategory, overridable: true),
                        RuleFinding(reason: .usesPerMonth(year: 2027, month: 3, limit: 4, total: 5), overridable: true, numbers: [1])]
        let refusal = CouncilRulePhrases.refusal(householdID: 7, findings)
        #expect(refusal.ko.hasPrefix("대상자 7번의 요청은 협의체 기준에 맞지 않아 만들지 않았습니다 (사유를 적어 예외로 진행할 수 있습니다)"))
        #expect(refusal.en.contains("passes the limit of 4 uses in 2027-03 by 1 (5 uses) — number 1"))
        let strict = CouncilRulePhrases.refusal(householdID: 7, [RuleFinding(reason: .noCategory, overridable: false)])
        #expect(!strict.ko.contains("예외로 진행"))
    }

    @Test func aDongsCouncilHasItsOwnRulesAndTheOthersTheCitys() {
        var seoksu = CouncilRules()
        seoksu.usesPerMonth = 6
        let book = CouncilRuleBook(city: CouncilRules(), dongs: ["41171-10": seoksu])
        #expect(book.rules(forDong: "41171-10").usesPerMonth == 6 && book.rules(forDong: "41171-11").usesPerMonth == nil)
    }
}
