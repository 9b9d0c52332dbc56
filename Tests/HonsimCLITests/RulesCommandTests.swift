import Foundation
import Testing

/// `honsim rules` through the built binary: the rules imported from a file with every rule that
/// makes no sense named as file:line:key, shown in text and JSON, and a household's eligibility.
@Suite("Command line: the council's rules", .serialized)
struct RulesCommandTests {
    @Test func rulesAreImportedWithTheBadOnesNamedAndShown() throws {
        let store = try SeededStore()
        defer { store.remove() }
        let file = store.folder.appendingPathComponent("rules.toml").path
        try Data("""
            [rules]
            uses_per_month = 4
            hours_per_year = -5
            eligible_categories = ["기초생활수급", "차상위", "부유층"]

            [rules.dong."석수2동"]
            uses_per_month = 6
            """.utf8).write(to: URL(fileURLWithPath: file))
        let dry = try store.run(["rules", "import", file, "--dry-run"], lang: "ko")
        #expect(dry.status == 0, "\(dry.stderr)")
        #expect(dry.stderr.contains("\(file):3: rules.hours_per_year: -5 makes no sense for hours a year (0 or more); the default is used"))
        #expect(dry.stderr.contains("\(file):4: rules.eligible_categories: '부유층' is not one of"))
        #expect(dry.stdout.contains("(시험: 저장하지 않았습니다)"))
        #expect(try store.run(["rules", "show", "--format", "json"]).stdout.contains("\"usesPerMonth\" : 4") == false, "a dry run writes nothing")

        let saved = try store.run(["rules", "import", file])
        #expect(saved.status == 0 && saved.stdout.contains("the council's rules are saved."))
        let shown = try store.run(["rules"], lang: "ko").stdout
        #expect(shown.contains("월 이용 한도: 4회") && shown.contains("연 이용 시간 한도: 없음"))
        #expect(shown.contains("석수2동 협의체 (시 기준과 다른 것)\n  월 이용 한도: 6회"))
        let json = try JSONSerialization.jsonObject(with: Data(try store.run(["rules", "show", "--format", "json"]).stdout.utf8)) as? [String: Any]
        #expect(((json?["dongs"] as? [String: Any])?["석수2동"] as? [String: Any])?["usesPerMonth"] as? Int == 6)
        #expect(try store.run(["export", "audit"]).stdout.contains(",rules,rules,council,"))
    }

    @Test func aHouseholdsEligibilityIsRecordedAndAnUnknownCategoryIsNamed() throws {
        let store = try SeededStore()
        defer { store.remove() }
        let set = try store.run(["rules", "eligibility", "1", "--categories", "기초생활수급,사례관리 대상", "--served-elsewhere", "노인맞춤돌봄"], lang: "ko")
        #expect(set.status == 0, "\(set.stderr)")
        #expect(set.stdout.contains("대상 구분: 기초생활수급, 사례관리 대상 · 타 서비스: 노인맞춤돌봄"))
        #expect(set.stdout.contains("노인맞춤돌봄 이용자는 다른 서비스로 지원받으므로 동행 대상이 아닙니다"))
        #expect(set.stdout.contains("최근 90일 불참"))
        let bad = try store.run(["rules", "eligibility", "1", "--categories", "부자"])
        #expect(bad.status == 1 && bad.stderr.contains("--categories: '부자' is not a known category"))
        let page = try store.run(["household", "show", "1"]).stdout
        #expect(page.contains("[council rules]") && page.contains("eligibility: basic livelihood, case managed · served elsewhere: customized elderly care"))
    }
}
