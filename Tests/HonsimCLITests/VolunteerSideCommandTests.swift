import Foundation
import Testing

/// `honsim volunteer credentials|expiring|rules`, `honsim expenses` and `honsim hours --format
/// portal` on a seeded store.
@Suite("The volunteers' side on the command line")
struct VolunteerSideCommandTests {
    static func day(_ offset: Int) -> String {
        ISO8601DateFormatter.string(from: Date().addingTimeInterval(TimeInterval(offset) * 86_400), timeZone: TimeZone(identifier: "Asia/Seoul") ?? .current,
                                    formatOptions: [.withFullDate, .withDashSeparatorInDate])
    }

    @Test func credentialsAreRecordedAndWhatExpiresIsListedAsTextAndJSON() throws {
        let store = try SeededStore()
        defer { store.remove() }
        let soon = VolunteerSideCommandTests.day(10)
        let recorded = try store.run(["volunteer", "credentials", "3", "--insured-until", soon, "--trained", VolunteerSideCommandTests.day(-30),
                                      "--portal-consent", VolunteerSideCommandTests.day(-1)])
        #expect(recorded.status == 0, "\(recorded.stderr)")
        #expect(recorded.stdout.contains("accident insurance until \(soon) (10 days left)"))
        #expect(recorded.stdout.contains("background check: none on record"))
        let korean = try store.run(["volunteer", "expiring"], lang: "ko")
        #expect(korean.status == 0)
        #expect(korean.stdout.contains("(#3,") && korean.stdout.contains("자원봉사 상해보험 \(soon)까지 (10일 남음)"))
        let json = try store.run(["volunteer", "expiring", "--days", "30", "--format", "json"]).stdout
        let rows = (try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[String: Any]]) ?? []
        let row = try #require(rows.first { ($0["volunteer_id"] as? NSNumber)?.int64Value == 3 })
        #expect(row["credential"] as? String == "insurance" && row["valid_until"] as? String == soon)
        #expect((row["days_left"] as? NSNumber)?.intValue == 10)
        // Not within five days.
        #expect(!(try store.run(["volunteer", "expiring", "--days", "5"]).stdout.contains("(#3,")))
        // A date that is none is named with its option; nothing is changed.
        let bad = try store.run(["volunteer", "credentials", "3", "--insured-until", "someday"])
        #expect(bad.status != 0 && bad.stderr.contains("--insured-until 'someday' is not a date"))
        #expect(try store.run(["check"]).status == 0)
    }

    @Test func aLapsedInsuranceIsRefusedByAssignAndTheRuleCanBeOpened() throws {
        let store = try SeededStore()
        defer { store.remove() }
        let target = try #require(try store.pendingWithCandidates(requests: 1, candidates: 5).first)
        let volunteer = target.volunteers[0]
        _ = try store.run(["volunteer", "credentials", String(volunteer), "--insured-until", "2020-01-31"])
        // No longer among the ranked candidates.
        let suggest = try store.run(["suggest", String(target.request), "--format", "json"]).stdout
        let ranked = (try JSONSerialization.jsonObject(with: Data(suggest.utf8)) as? [[String: Any]]) ?? []
        #expect(!ranked.contains { ($0["volunteer_id"] as? NSNumber)?.int64Value == volunteer && $0["eligible"] as? Bool == true })
        let refused = try store.run(["assign", String(target.request), String(volunteer), "--override"])
        #expect(refused.status == 1 && refused.stderr.contains("insurance lapsed (valid until 2020-01-31)"))
        let rules = try store.run(["volunteer", "rules", "--insurance-lapse", "overridable"])
        #expect(rules.status == 0 && rules.stdout.contains("lapsed insurance: overridable"))
        #expect(try store.run(["assign", String(target.request), String(volunteer), "--override"]).status == 0)
        #expect(try store.run(["check"]).status == 0)
    }

    @Test func expensesRecordedWithACompletionMakeTheMonthsReport() throws {
        let store = try SeededStore()
        defer { store.remove() }
        let held = try store.heldEscort()
        // Held as assigned or confirmed: confirmed either way, then under way.
        _ = try store.run(["confirm", String(held.request)])
        #expect(try store.run(["start", String(held.request)]).status == 0)
        let done = try store.run(["complete", String(held.request), "--fares", "12000", "--parking", "5000", "--meals", "9000"])
        #expect(done.status == 0, "\(done.stderr)")
        #expect(done.stderr.contains("pass the ceiling of 20,000원 by 6,000원: then the hours may not count as volunteering"))
        let month = String(held.day.prefix(7))
        let csv = try store.run(["expenses", "--month", month, "--format", "csv"])
        #expect(csv.status == 0)
        let lines = csv.stdout.split(separator: "\n")
        #expect(lines.first == "date,request_id,volunteer_id,name,dong,fares,parking,meals,total,over_ceiling")
        #expect(lines.contains { $0.contains(",\(held.request),\(held.volunteer),") && $0.hasSuffix(",12000,5000,9000,26000,6000") })
        let text = try store.run(["expenses", "--month", month], lang: "ko").stdout
        #expect(text.contains("한도를 넘은 지급 1건") && text.contains("#\(held.request)"))
        let json = try store.run(["expenses", "--month", month, "--format", "json"]).stdout
        #expect(((try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[String: Any]]) ?? []).count == 1)
        // To a file readable by its owner alone.
        let file = store.folder.appendingPathComponent("expenses.csv").path
        #expect(try store.run(["expenses", "--month", month, "--format", "csv", "--output", file]).status == 0)
        let mode = (try FileManager.default.attributesOfItem(atPath: file)[.posixPermissions] as? NSNumber)?.intValue
        #expect(mode == 0o600)
        let negative = try store.run(["complete", "1", "--fares=-5"])
        #expect(negative.status != 0 && negative.stderr.contains("--fares must be 0 or more"))
    }

    @Test func thePortalFormatExportsOnlyConsentedHoursAndSaysWhatItLeftOut() throws {
        let store = try SeededStore()
        defer { store.remove() }
        let json = try store.run(["export", "assignments", "--format", "json"]).stdout
        let rows = (try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[String: Any]]) ?? []
        let completed = rows.filter { $0["state"] as? String == "completed" }
        let last = try #require(completed.last)
        let month = String(try #require(last["starts_at"] as? String).prefix(7))
        let volunteer = try #require((last["volunteer_id"] as? NSNumber)?.int64Value)
        // Nobody has consented yet: nothing goes out, and everyone is listed as missing consent.
        let none = try store.run(["hours", "--month", month, "--format", "portal"])
        #expect(none.status == 0)
        #expect(none.stdout.split(separator: "\n") == ["volunteer_id,name,date,activity,escorts,minutes,hours"])
        #expect(none.stderr.contains("without consent to share (not exported)") && none.stderr.contains("(#\(volunteer))"))
        _ = try store.run(["volunteer", "credentials", String(volunteer), "--portal-consent", VolunteerSideCommandTests.day(-1)])
        let some = try store.run(["hours", "--month", month, "--format", "portal"])
        let exported = some.stdout.split(separator: "\n").dropFirst()
        #expect(!exported.isEmpty && exported.allSatisfy { $0.hasPrefix("\(volunteer),") })
        #expect(exported.allSatisfy { line in (Int(line.split(separator: ",")[5]) ?? 0) <= 480 })
        let object = try store.run(["hours", "--month", month, "--format", "portal-json"]).stdout
        let parsed = try #require(try JSONSerialization.jsonObject(with: Data(object.utf8)) as? [String: Any])
        #expect((parsed["rows"] as? [[String: Any]])?.count == exported.count)
        #expect((parsed["missing_consent"] as? [[String: Any]])?.contains { ($0["volunteer_id"] as? NSNumber)?.int64Value == volunteer } == false)
    }
}
