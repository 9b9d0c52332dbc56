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

    /// A volunteer of the test's own, with no credentials on record, joined as a new volunteer is.
    static func newVolunteer(_ store: SeededStore) throws -> Int64 {
        let path = store.folder.appendingPathComponent("volunteers.csv")
        try Data("name,gender,dong,availability\nNew Helper,F,평촌동,mon 09:00-12:00\n".utf8).write(to: path)
        let imported = try store.run(["import", "volunteers", path.path])
        let id = imported.stdout.split(separator: "(id ").last.flatMap { Int64($0.prefix { $0.isNumber }) }
        return try #require(id, "\(imported.stdout)\(imported.stderr)")
    }

    @Test func credentialsAreRecordedAndWhatExpiresIsListedAsTextAndJSON() throws {
        let store = try SeededStore()
        defer { store.remove() }
        let volunteer = try VolunteerSideCommandTests.newVolunteer(store)
        let soon = VolunteerSideCommandTests.day(10)
        let recorded = try store.run(["volunteer", "credentials", String(volunteer), "--insured-until", soon,
                                      "--trained", VolunteerSideCommandTests.day(-30), "--portal-consent", VolunteerSideCommandTests.day(-1)])
        #expect(recorded.status == 0, "\(recorded.stderr)")
        #expect(recorded.stdout.contains("accident insurance until \(soon) (10 days left)"))
        #expect(recorded.stdout.contains("background check: none on record"))
        let korean = try store.run(["volunteer", "expiring"], lang: "ko")
        #expect(korean.status == 0)
        #expect(korean.stdout.contains("(#\(volunteer),") && korean.stdout.contains("자원봉사 상해보험 \(soon)까지 (10일 남음)"))
        let json = try store.run(["volunteer", "expiring", "--days", "30", "--format", "json"]).stdout
        let rows = (try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[String: Any]]) ?? []
        let row = try #require(rows.first { ($0["volunteer_id"] as? NSNumber)?.int64Value == volunteer })
        #expect(row["credential"] as? String == "insurance" && row["valid_until"] as? String == soon)
        #expect((row["days_left"] as? NSNumber)?.intValue == 10)
        // Not within five days.
        #expect(!(try store.run(["volunteer", "expiring", "--days", "5"]).stdout.contains("(#\(volunteer),")))
        // A date that is none is named with its option; nothing is changed.
        let bad = try store.run(["volunteer", "credentials", String(volunteer), "--insured-until", "someday"])
        #expect(bad.status != 0 && bad.stderr.contains("--insured-until 'someday' is not a date"))
        #expect(try store.run(["check"]).status == 0)
    }

    /// The demo as seeded: one insurance lapsed 6 days ago and three that run out within the
    /// month, on both backends.
    @Test(arguments: SeededStore.backends)
    func theDemoListsItsLapsedAndComingInsurances(backend: String) throws {
        let store = try SeededStore(backend: backend)
        defer { store.remove() }
        let json = try store.run(["volunteer", "expiring", "--format", "json"])
        #expect(json.status == 0, "\(json.stderr)")
        let rows = (try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]]) ?? []
        #expect(rows.map { $0["credential"] as? String } == ["insurance", "insurance", "insurance", "insurance"])
        #expect(rows.map { ($0["days_left"] as? NSNumber)?.intValue } == [-6, 4, 11, 23])
        #expect(rows.map { ($0["valid_until"] as? String) } == [-6, 4, 11, 23].map(VolunteerSideCommandTests.day))
        let text = try store.run(["volunteer", "expiring"], lang: "ko").stdout
        #expect(text.contains("자원봉사 상해보험 \(VolunteerSideCommandTests.day(23))까지 (23일 남음)"))
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
        let json = try store.run(["expenses", "--month", month, "--format", "json"]).stdout
        // The month holds the demo's own expenses too, one of them maybe past the ceiling as well.
        let records = (try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[String: Any]]) ?? []
        let own = records.filter { ($0["request_id"] as? NSNumber)?.int64Value == held.request }
        #expect(own.count == 1 && (own.first?["over_ceiling"] as? NSNumber)?.intValue == 6_000)
        let over = records.filter { $0["over_ceiling"] is NSNumber }.count
        #expect(text.contains("한도를 넘은 지급 \(over)건") && text.contains("#\(held.request)"))
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
        let volunteerIDs = { (objects: Any?) in ((objects as? [[String: Any]]) ?? []).compactMap { ($0["volunteer_id"] as? NSNumber)?.int64Value } }
        let portal = { () throws -> [String: Any] in
            let object = try store.run(["hours", "--month", month, "--format", "portal-json"]).stdout
            return try #require(try JSONSerialization.jsonObject(with: Data(object.utf8)) as? [String: Any])
        }
        // The demo's volunteers without consent to share are left out and named apart.
        let before = try portal()
        let missing = volunteerIDs(before["missing_consent"])
        let volunteer = try #require(missing.first, "a demo volunteer without consent who escorted in \(month)")
        #expect(!volunteerIDs(before["rows"]).contains(volunteer))
        #expect(Set(volunteerIDs(before["rows"])).isDisjoint(with: missing))
        let csv = try store.run(["hours", "--month", month, "--format", "portal"])
        #expect(csv.status == 0)
        #expect(csv.stdout.split(separator: "\n").first == "volunteer_id,name,date,activity,escorts,minutes,hours")
        #expect(!csv.stdout.split(separator: "\n").contains { $0.hasPrefix("\(volunteer),") })
        #expect(csv.stderr.contains("without consent to share (not exported)") && csv.stderr.contains("(#\(volunteer))"))
        // Once they consent, their hours go out, each day within 8 hours.
        _ = try store.run(["volunteer", "credentials", String(volunteer), "--portal-consent", VolunteerSideCommandTests.day(-1)])
        let some = try store.run(["hours", "--month", month, "--format", "portal"])
        let exported = some.stdout.split(separator: "\n").dropFirst().filter { $0.hasPrefix("\(volunteer),") }
        #expect(!exported.isEmpty)
        #expect(some.stdout.split(separator: "\n").dropFirst().allSatisfy { line in (Int(line.split(separator: ",")[5]) ?? 0) <= 480 })
        let after = try portal()
        #expect(volunteerIDs(after["rows"]).filter { $0 == volunteer }.count == exported.count)
        #expect(!volunteerIDs(after["missing_consent"]).contains(volunteer))
    }
}
