import Foundation
import Testing

/// `honsim report --by category` on the demo store: the month's requests by the households'
/// eligibility categories in md, csv and json, a household of several categories under each and
/// the total counting it once, the same total as the per-dong report's city row.
@Suite("Command line: report by category", .serialized)
struct CategoryReportCommandTests {
    var thisMonth: (label: String, first: String, last: String) {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Asia/Seoul") ?? .current
        let parts = calendar.dateComponents([.year, .month], from: Date())
        let year = parts.year ?? 0, month = parts.month ?? 0
        let days = calendar.range(of: .day, in: .month, for: Date())?.count ?? 28
        return (String(format: "%04d-%02d", year, month), String(format: "%04d-%02d-01", year, month), String(format: "%04d-%02d-%02d", year, month, days))
    }

    func json(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    @Test func theMonthByCategoryInMarkdownCSVAndJSON() throws {
        let store = try SeededStore()
        defer { store.remove() }
        let month = thisMonth
        // A household with requests this month, recorded under two categories.
        let exported = try store.run(["export", "requests", "--format", "json", "--from", month.first, "--to", month.last])
        #expect(exported.status == 0)
        let requests = try #require(try JSONSerialization.jsonObject(with: Data(exported.stdout.utf8)) as? [[String: Any]])
        let household = try #require(requests.first?["household_id"] as? Int)
        let itsRequests = requests.filter { $0["household_id"] as? Int == household }.count
        let recorded = try store.run(["rules", "eligibility", String(household), "--categories", "기초생활수급,사례관리"])
        #expect(recorded.status == 0, "\(recorded.stderr)")

        let result = try store.run(["report", "--month", month.label, "--by", "category", "--format", "json"])
        #expect(result.status == 0, "\(result.stderr)")
        let document = try json(result.stdout)
        let rows = try #require(document["categories"] as? [[String: Any]])
        #expect(rows.compactMap { $0["category"] as? String } == ["basic_livelihood", "near_poverty", "case_managed", "emergency", "other", "not_recorded"])
        let total = try #require(document["total"] as? [String: Any])
        let totalRequests = try #require(total["requests"] as? Int)
        #expect(totalRequests == requests.count, "every request of the month once")
        let requestsOf = { (category: String) in rows.first { $0["category"] as? String == category }?["requests"] as? Int ?? -1 }
        #expect(requestsOf("basic_livelihood") >= itsRequests && requestsOf("case_managed") >= itsRequests)
        #expect(rows.reduce(0) { $0 + ($1["requests"] as? Int ?? 0) } - totalRequests >= itsRequests,
                "the household of two categories counts under each, and once in the total")
        #expect(document["period"] as? String == month.label && (document["note"] as? String)?.contains("once") == true)

        // The per-dong report's city row has the same requests.
        let csv = try store.run(["report", "--month", month.label, "--format", "csv"])
        let city = csv.stdout.split(separator: "\n").first { $0.hasPrefix("city,") }?.split(separator: ",", omittingEmptySubsequences: false)
        #expect(city.map { Int($0[3]) } == totalRequests)

        let markdown = try store.run(["report", "--month", month.label, "--by", "category"], lang: "ko")
        #expect(markdown.status == 0)
        #expect(markdown.stdout.hasPrefix("# 대상 구분별 실적 \(month.label)\n"))
        #expect(markdown.stdout.contains("| 기초생활수급 |") && markdown.stdout.contains("| 구분 미기록 |")
                && markdown.stdout.contains("| 합계 | \(totalRequests) |"))
        let table = try store.run(["report", "--month", month.label, "--by", "category", "--format", "csv"])
        #expect(table.status == 0 && table.stdout.hasPrefix("category,requests,completed,no-shows,cancelled,hours,households,period"))
        #expect(table.stdout.split(separator: "\n").count == 8, "a header, six categories and the total")
        let whole = try store.run(["report", "--month", month.label], lang: "ko")
        #expect(whole.stdout.contains("## 대상 구분별") && whole.stdout.contains("| 합계 | \(totalRequests) |"),
                "the monthly report's section has the same total")
    }

    @Test func aFormatThatDoesNotGoWithTheBreakdownIsRefused() throws {
        let store = try SeededStore(seed: false)
        defer { store.remove() }
        let html = try store.run(["report", "--month", "2026-11", "--by", "category", "--format", "html"])
        #expect(html.status != 0 && html.stderr.contains("--by category is md, csv or json"))
        let json = try store.run(["report", "--month", "2026-11", "--format", "json"])
        #expect(json.status != 0 && json.stderr.contains("--format json is for --by category"))
        let unknown = try store.run(["report", "--month", "2026-11", "--by", "gu"])
        #expect(unknown.status != 0 && unknown.stderr.contains("gu"))
    }
}
