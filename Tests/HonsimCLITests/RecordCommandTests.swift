import Foundation
import Testing

/// `honsim volunteer off|show`, `honsim household show` and `honsim hours` on a seeded store.
@Suite("Record commands")
struct RecordCommandTests {
    @Test func offListsTheCollidingEscortThenReleasesItAndTheStoreStaysSound() throws {
        let store = try SeededStore()
        defer { store.remove() }
        let held = try store.heldEscort()
        let listed = try store.run(["volunteer", "off", String(held.volunteer), "--from", held.day, "--reason", "flu"])
        #expect(listed.status == 3, "colliding escorts not released: \(listed.stderr)")
        #expect(listed.stdout.contains("#\(held.request) \(held.day)"))
        #expect(listed.stdout.contains("pass --release"))
        let released = try store.run(["volunteer", "off", String(held.volunteer), "--from", held.day, "--release"])
        #expect(released.status == 0)
        #expect(released.stdout.contains("returned to pending: ") && released.stdout.contains("#\(held.request)"))
        let shown = try store.run(["volunteer", "show", String(held.volunteer)]).stdout
        #expect(shown.contains("\(held.day) (flu)"), "the day off is recorded once")
        #expect(!shown.contains("\(held.day), \(held.day)"))
        #expect(try store.run(["check"]).status == 0)
        let audit = try store.run(["export", "audit"]).stdout
        #expect(audit.contains(",release,request,\(held.request),"))
    }

    @Test func badInputIsNamedInBothLanguages() throws {
        let store = try SeededStore()
        defer { store.remove() }
        let badDate = try store.run(["volunteer", "off", "1", "--from", "someday"])
        #expect(badDate.status != 0 && badDate.stderr.contains("--from 'someday' is not a date"))
        let missing = try store.run(["volunteer", "off", "99999", "--from", "2026-12-01"], lang: "ko")
        #expect(missing.status == 1 && missing.stderr.contains("봉사자 99999번이 없습니다"))
        let badMonth = try store.run(["hours", "--month", "2026-13"])
        #expect(badMonth.status != 0 && badMonth.stderr.contains("--month '2026-13' is not a month"))
        #expect(try store.run(["household", "show", "99999"]).stderr.contains("no household with id 99999"))
    }

    @Test func householdShowMasksForAViewerAndLogsAFullView() throws {
        let store = try SeededStore()
        defer { store.remove() }
        let full = try store.run(["household", "show", "1"], lang: "ko")
        #expect(full.status == 0)
        #expect(full.stdout.contains("[기본 정보]") && full.stdout.contains("[동행 이력]") && full.stdout.contains("[함께 간 봉사자]"))
        #expect(try store.run(["export", "audit"]).stdout.contains(",view,household,1,"))
        let masked = try store.run(["household", "show", "1", "--masked"])
        #expect(masked.stdout.contains("010-****-") && masked.stdout.contains("masked"))
    }

    @Test func hoursListEachVolunteersCompletedEscortsAsTextAndCSV() throws {
        let store = try SeededStore()
        defer { store.remove() }
        let json = try store.run(["export", "assignments", "--format", "json"]).stdout
        let rows = (try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[String: Any]]) ?? []
        let completed = rows.filter { $0["state"] as? String == "completed" }
        let month = String(try #require(completed.last?["starts_at"] as? String).prefix(7))
        let expected = completed.filter { ($0["starts_at"] as? String ?? "").hasPrefix(month) }
        let csv = try store.run(["hours", "--month", month, "--format", "csv"])
        #expect(csv.status == 0)
        let lines = csv.stdout.split(separator: "\n")
        #expect(lines.first == "volunteer_id,name,dong,date,start,minutes,hours,request_id,hospital")
        #expect(lines.count - 1 == expected.count)
        let minutes = expected.compactMap { ($0["minutes"] as? NSNumber)?.intValue }.reduce(0, +)
        let text = try store.run(["hours", "--month", month]).stdout
        #expect(text.contains(String(format: "total %.1f h", Double(minutes) / 60)))
    }
}

extension SeededStore {
    /// The soonest escort held in the seeds from tomorrow on, with its volunteer and day, of a
    /// household with no other request pending (so, once released, it is the household's one
    /// request to see to).
    func heldEscort() throws -> (request: Int64, volunteer: Int64, day: String) {
        let json = try run(["export", "requests", "--format", "json"]).stdout
        let rows = (try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[String: Any]]) ?? []
        let tomorrow = ISO8601DateFormatter.string(from: Date().addingTimeInterval(86_400), timeZone: TimeZone(identifier: "Asia/Seoul") ?? .current,
                                                   formatOptions: [.withFullDate, .withDashSeparatorInDate])
        let household = { (row: [String: Any]) in (row["household_id"] as? NSNumber)?.int64Value ?? 0 }
        let pending = Set(rows.filter { $0["status"] as? String == "pending" }.map(household))
        let held = rows.filter { ["assigned", "confirmed"].contains($0["status"] as? String) && ($0["pickup_at"] as? String ?? "") >= tomorrow }
            .sorted { ($0["pickup_at"] as? String ?? "") < ($1["pickup_at"] as? String ?? "") }
        let row = try #require(held.first { !pending.contains(household($0)) })
        return ((row["id"] as? NSNumber)?.int64Value ?? 0, (row["volunteer_id"] as? NSNumber)?.int64Value ?? 0,
                String((row["pickup_at"] as? String ?? "").prefix(10)))
    }
}
