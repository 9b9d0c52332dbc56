import Foundation
import HonsimCore
import Testing
@testable import HonsimTUI

@Suite("The council's rules as written in TOML")
struct RulesConfigTests {
    static let file = """
        [rules]
        eligible_categories = ["기초생활수급", "차상위", "사례관리 대상", "긴급 지원"]
        excluded_services = ["장기요양 등급"]
        uses_per_month = 4
        uses_per_year = -2
        hours_per_year = 120
        eligibility_override = false
        no_show_threshold = 2

        [rules.dong."석수1동"]
        uses_per_month = 6
        eligible_categories = ["기초생활수급", "부자"]

        [rules.dong."없는동"]
        uses_per_month = 1
        """

    @Test func theCitysRulesAndADongsDifferencesAreRead() {
        let parsed = CouncilRulesFile.parse(Self.file, file: "rules.toml")
        #expect(parsed.city.eligibleCategories == [.basicLivelihood, .nearPoverty, .caseManaged, .emergency])
        #expect(parsed.city.excludedServices == [.longTermCare])
        #expect(parsed.city.usesPerMonth == 4 && parsed.city.hoursPerYear == 120 && !parsed.city.eligibilityOverridable)
        #expect(parsed.city.noShowThreshold == 2 && parsed.city.noShowWindowDays == 90)
        let seoksu = parsed.dongs.first { $0.name == "석수1동" }?.rules
        #expect(seoksu?.usesPerMonth == 6, "the dong's own")
        #expect(seoksu?.hoursPerYear == 120 && seoksu?.eligibilityOverridable == false, "the rest is the city's")
    }

    @Test func aRuleThatMakesNoSenseIsNamedAsFileLineKeyAndTheDefaultIsUsed() {
        let parsed = CouncilRulesFile.parse(Self.file, file: "rules.toml")
        let messages = parsed.problems.map(\.description)
        #expect(messages.count == 2, "\(messages)")
        #expect(messages.first == "rules.toml:5: rules.uses_per_year: -2 makes no sense for uses a year (0 or more); the default is used")
        #expect(parsed.city.usesPerYear == nil, "the built-in default: no limit")
        #expect(messages.last?.hasPrefix("rules.toml:12: rules.dong.석수1동.eligible_categories: '부자' is not one of") == true, "\(messages)")
        #expect(parsed.dongs.first { $0.name == "석수1동" }?.rules.eligibleCategories == parsed.city.eligibleCategories,
                "a dong's rule that makes no sense is the city's")
    }

    @Test func anUnknownRuleAndAWrongKindAreNamedToo() {
        let parsed = CouncilRulesFile.parse("""
            [rules]
            uses_a_month = 4
            no_show_window_days = "90일"
            require_category = true
            """, file: "council.toml")
        #expect(parsed.problems.map(\.description) == [
            "council.toml:2: rules.uses_a_month: unknown rule (use eligible_categories, excluded_services, require_category, "
                + "eligibility_override, uses_per_month, uses_per_year, hours_per_year, limits_override, no_show_window_days, "
                + "no_show_threshold, late_cancel_hours)",
            "council.toml:3: rules.no_show_window_days: expected days as a whole number, found a string; the default is used",
        ])
        #expect(parsed.city.noShowWindowDays == 90 && parsed.city.requireCategory)
    }

    @Test func dongNamesBecomeCodesAndAnUnknownDongIsNamed() {
        let parsed = CouncilRulesFile.parse(Self.file, file: "rules.toml")
        let directory = DongDirectory([Dong(code: "41171-10", name: "석수1동", gu: "만안구")])
        let (book, problems) = parsed.book(dongs: directory, file: "rules.toml")
        #expect(book.dongs.keys.sorted() == ["41171-10"] && book.rules(forDong: "41171-10").usesPerMonth == 6)
        #expect(problems.last?.description == "rules.toml:14: rules.dong.없는동: no dong of that name; its rules are not used")
    }

    @Test func aFileWithoutRulesIsAProblemNotTheDefaults() {
        #expect(CouncilRulesFile.parse("theme = \"dark\"", file: "config.toml").problems.first?.message == "no [rules] table: nothing to import")
    }

    @Test func theConfigFileCarriesARulesSectionForTheAdminToImport() throws {
        let config = try DashboardConfig.parse("language = \"ko\"\n" + Self.file, file: "config.toml")
        #expect(config.councilRules?.city.usesPerMonth == 4)
        #expect(config.councilRules?.problems.first?.description.hasPrefix("config.toml:6: rules.uses_per_year") == true)
    }
}
