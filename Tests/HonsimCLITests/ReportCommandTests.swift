import Foundation
import Testing

/// `honsim report` on the demo store, in its three formats.
@Suite("Command line: report", .serialized)
struct ReportCommandTests {
    var thisMonth: String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Asia/Seoul") ?? .current
        let parts = calendar.dateComponents([.year, .month], from: Date())
        return String(format: "%04d-%02d", parts.year ?? 0, parts.month ?? 0)
    }

    @Test func theMonthInMarkdownCSVAndHTML() throws {
        let store = try SeededStore()
        defer { store.remove() }
        let markdown = try store.run(["report", "--month", thisMonth], lang: "ko")
        #expect(markdown.status == 0)
        #expect(markdown.stdout.hasPrefix("# 병원 동행 월간 활동 및 실적 — \(thisMonth)\n"))
        // Every one of Anyang's 31 dongs has a row, and so do both gus and the city.
        let rows = markdown.stdout.components(separatedBy: "\n## 동별 실적\n")[1].components(separatedBy: "\n## ")[0]
            .split(separator: "\n").filter { $0.hasPrefix("| 만안구 |") || $0.hasPrefix("| 동안구 |") }
        #expect(rows.count == 31)
        #expect(markdown.stdout.contains("| **만안구 합계** |") && markdown.stdout.contains("| **시 전체** |"))
        let csv = try store.run(["report", "--month", thisMonth, "--format", "csv"])
        #expect(csv.status == 0 && csv.stdout.hasPrefix("level,gu,dong,requests,requests (previous),requests (change),"))
        let html = try store.run(["report", "--month", thisMonth, "--format", "html"])
        #expect(html.status == 0 && html.stdout.hasPrefix("<!DOCTYPE html>") && html.stdout.contains("<svg"))
    }

    @Test func aMonthThatIsNotOne() throws {
        let store = try SeededStore(seed: false)
        defer { store.remove() }
        let result = try store.run(["report", "--month", "2026-13"])
        #expect(result.status != 0 && result.stderr.contains("--month '2026-13' is not a month like 2026-11"))
    }
}
