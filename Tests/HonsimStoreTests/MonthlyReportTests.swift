import Foundation
import HonsimCore
import Testing
@testable import HonsimStore

/// The monthly report, checked against figures this test works out itself from the requests
/// it stored, by plain counting, not through the store's statistics.
@Suite("Monthly report")
struct MonthlyReportTests {
    /// October 2026 and the September before it, in Seoul.
    static let month = (year: 2026, month: 10)

    func day(_ fixture: StoreFixture, month: Int, _ day: Int, _ hour: Int, _ minute: Int = 0) -> Date {
        CivilDate(year: 2026, month: month, day: day).start(in: fixture.calendar).addingTimeInterval(TimeInterval(hour * 3600 + minute * 60))
    }

    /// A deterministic mix of requests over both months: every status, every household and
    /// volunteer, times to assign of a few hours, actual minutes, and typed cancellation reasons.
    func requests(_ fixture: StoreFixture) -> [EscortRequest] {
        var seed: UInt64 = 42
        func next(_ bound: Int) -> Int {
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((seed >> 33) % UInt64(bound))
        }
        let statuses: [RequestStatus] = [.completed, .completed, .completed, .cancelled, .noShow, .pending, .assigned, .confirmed]
        let reasons = ["대상자 입원", "진료 일정 변경", "  진료  일정 변경 ", "대상자 입원", "보호자 010-1234-5678 요청", "", "대상자 입원"]
        var requests: [EscortRequest] = []
        for id in 1...90 {
            let month = id % 3 == 0 ? 9 : 10
            let status = statuses[next(statuses.count)]
            let household = StoreFixture.households[next(4)]
            // One request a volunteer per hour slot: active ones never overlap.
            let pickup = day(fixture, month: month, 1 + id % 28, 7 + id % 10)
            let volunteer: Int64? = status == .pending || status == .cancelled ? nil : Int64(1 + next(5))
            let created = pickup.addingTimeInterval(-TimeInterval((3 + next(10)) * 86_400))
            let assigned = volunteer.map { _ in created.addingTimeInterval(TimeInterval(next(600) * 60 + next(59))) }
            requests.append(EscortRequest(
                id: Int64(id), householdID: household.id, dongCode: household.dongCode, hospital: "한림대학교성심병원",
                appointmentAt: pickup.addingTimeInterval(3600), pickupAt: pickup, expectedMinutes: 120, status: status,
                volunteerID: volunteer, createdAt: created, assignedAt: assigned,
                completion: status == .completed ? Completion(actualMinutes: 60 + next(180)) : nil,
                cancelReason: status == .cancelled ? reasons[next(reasons.count)] : nil, updatedBy: "seed"))
        }
        // Pending within 48 hours of the report's moment: urgent.
        requests.append(EscortRequest(id: 91, householdID: 3, dongCode: StoreFixture.pyeongchon.code, hospital: "안양샘병원",
                                      appointmentAt: day(fixture, month: 10, 21, 10), pickupAt: day(fixture, month: 10, 21, 9),
                                      createdAt: day(fixture, month: 10, 18, 9), updatedBy: "seed"))
        return requests
    }

    /// What the report should say of one area, counted by hand.
    struct Expected: Equatable {
        var requests = 0, completed = 0, cancelled = 0, noShows = 0, pending = 0, urgent = 0
        var rate: String = "", median: String = "", hours: String = "", volunteers = 0, households = 0

        init(_ requests: [EscortRequest], now: Date) {
            self.requests = requests.count
            completed = requests.filter { $0.status == .completed }.count
            cancelled = requests.filter { $0.status == .cancelled }.count
            noShows = requests.filter { $0.status == .noShow }.count
            pending = requests.filter { $0.status == .pending }.count
            urgent = requests.filter { $0.status == .pending && $0.appointmentAt >= now && $0.appointmentAt <= now.addingTimeInterval(48 * 3600) }.count
            let ended = completed + cancelled + noShows
            rate = ended == 0 ? "" : String(format: "%.1f", Double(completed) * 100 / Double(ended))
            var waits = requests.compactMap { request in request.assignedAt.map { Int($0.timeIntervalSince(request.createdAt)) / 60 } }.sorted()
            if waits.isEmpty { median = "" } else if waits.count % 2 == 1 { median = "\(waits[waits.count / 2])" } else {
                median = "\((waits[waits.count / 2 - 1] + waits[waits.count / 2]) / 2)"
            }
            waits.removeAll()
            let minutes = requests.filter { $0.status == .completed }.reduce(0) { $0 + ($1.completion?.actualMinutes ?? 0) }
            hours = String(format: "%.1f", (Double(minutes) / 6).rounded() / 10)
            volunteers = Set(requests.filter { [.completed, .noShow, .assigned, .confirmed, .inProgress].contains($0.status) }.compactMap(\.volunteerID)).count
            households = Set(requests.filter { $0.status == .completed }.map(\.householdID)).count
        }

        /// The same figures from a row of the report's CSV.
        init(csv row: [String: String]) {
            requests = Int(row["requests"] ?? "") ?? -1
            completed = Int(row["completed"] ?? "") ?? -1
            cancelled = Int(row["cancelled"] ?? "") ?? -1
            noShows = Int(row["no-shows"] ?? "") ?? -1
            pending = Int(row["pending"] ?? "") ?? -1
            urgent = Int(row["urgent unassigned"] ?? "") ?? -1
            rate = row["fulfilment %"] ?? "?"
            median = row["median to assign (min)"] ?? "?"
            hours = row["volunteer hours"] ?? "?"
            volunteers = Int(row["active volunteers"] ?? "") ?? -1
            households = Int(row["households served"] ?? "") ?? -1
        }
    }

    /// The report's CSV split into its three tables, each a list of rows by column name.
    func tables(_ csv: String) -> [[[String: String]]] {
        csv.components(separatedBy: "\n\n").map { section in
            let lines = section.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
            guard let header = lines.first else { return [] }
            return lines.dropFirst().map { Dictionary(uniqueKeysWithValues: zip(header, $0)) }
        }
    }

    @Test func everyDongGuAndTheCityMatchACountByHandWithTheMonthBefore() async throws {
        let fixture = try StoreFixture()
        defer { fixture.remove() }
        let all = requests(fixture)
        try await fixture.load(all)
        let now = day(fixture, month: 10, 20, 12)
        let report = try await MonthlyReport.make(store: fixture.store, year: 2026, month: 10, now: now)
        let sections = tables(try report.render(.csv, language: .en))
        #expect(sections.count == 3)
        let figures = sections[0]
        let october = all.filter { CivilDate($0.appointmentAt, calendar: fixture.calendar).month == 10 }
        let september = all.filter { CivilDate($0.appointmentAt, calendar: fixture.calendar).month == 9 }
        let areas: [(level: String, name: String, dongs: Set<String>)] = [
            ("dong", "안양2동", [StoreFixture.anyang2.code]), ("dong", "석수2동", [StoreFixture.seokSu2.code]),
            ("dong", "충훈동", [StoreFixture.chunghun.code]), ("gu total", "만안구 total", [StoreFixture.anyang2.code, StoreFixture.seokSu2.code, StoreFixture.chunghun.code]),
            ("dong", "평촌동", [StoreFixture.pyeongchon.code]), ("gu total", "동안구 total", [StoreFixture.pyeongchon.code]),
            ("city", "City", [StoreFixture.anyang2.code, StoreFixture.seokSu2.code, StoreFixture.chunghun.code, StoreFixture.pyeongchon.code]),
        ]
        // The data has something of every kind to count, so no figure passes as a zero.
        let city = Expected(october, now: now)
        #expect(city.completed > 0 && city.cancelled > 0 && city.noShows > 0 && city.pending > 0 && !city.median.isEmpty && city.volunteers > 1)
        // The store's order of dongs, each gu after its dongs, the city last.
        #expect(figures.map { $0["dong"] ?? "" } == areas.map(\.name))
        for (area, row) in zip(areas, figures) {
            #expect(row["level"] == area.level)
            let mine = october.filter { area.dongs.contains($0.dongCode) }
            let before = september.filter { area.dongs.contains($0.dongCode) }
            #expect(Expected(csv: row) == Expected(mine, now: now), "\(area.name)")
            let previous = Expected(before, now: now)
            #expect(row["requests (previous)"] == "\(previous.requests)", "\(area.name)")
            #expect(row["requests (change)"] == "\(mine.count - before.count)", "\(area.name)")
            #expect(row["completed (previous)"] == "\(previous.completed)", "\(area.name)")
            #expect(row["fulfilment % (previous)"] == previous.rate, "\(area.name)")
            #expect(row["volunteer hours (previous)"] == previous.hours, "\(area.name)")
            #expect(row["households served (previous)"] == "\(previous.households)", "\(area.name)")
        }
        // The data holds urgent requests, so that figure is tested too, not only zeros.
        #expect((Int(figures.last?["urgent unassigned"] ?? "") ?? 0) >= 1)

        // Volunteer hours: completed escorts only, the most first, names masked.
        var given: [Int64: (escorts: Int, minutes: Int)] = [:]
        for request in october where request.status == .completed {
            given[request.volunteerID ?? 0, default: (0, 0)].escorts += 1
            given[request.volunteerID ?? 0, default: (0, 0)].minutes += request.completion?.actualMinutes ?? 0
        }
        let ranked = given.sorted { $0.value.minutes > $1.value.minutes || ($0.value.minutes == $1.value.minutes && $0.key < $1.key) }
        #expect(sections[1].map { $0["volunteer"] ?? "" } == ranked.map { id, _ in Masking.name(StoreFixture.volunteers[Int(id) - 1].name) })
        #expect(sections[1].map { $0["escorts"] ?? "" } == ranked.map { "\($0.value.escorts)" })
        #expect(sections[1].map { $0["volunteer hours"] ?? "" } == ranked.map { String(format: "%.1f", (Double($0.value.minutes) / 6).rounded() / 10) })

        // Reasons: spaces do not make another reason; a typed phone number is masked.
        let cancelled = october.filter { $0.status == .cancelled }
        var counts: [String: Int] = [:]
        for request in cancelled {
            let reason = (request.cancelReason ?? "").split(separator: " ").joined(separator: " ")
                .replacingOccurrences(of: "010-1234-5678", with: "010-****-5678")
            counts[reason.isEmpty ? "(no reason recorded)" : reason, default: 0] += 1
        }
        let reasons = Dictionary(uniqueKeysWithValues: sections[2].map { ($0["reason"] ?? "", Int($0["count"] ?? "") ?? -1) })
        #expect(reasons == counts)
        let listed: [Int] = sections[2].map { Int($0["count"] ?? "") ?? 0 }
        #expect(listed == listed.sorted(by: >))
    }

    @Test func markdownDrawsTextBarsAndHTMLDrawsSVGAndBothMaskUnlessAskedNotTo() async throws {
        let fixture = try StoreFixture()
        defer { fixture.remove() }
        try await fixture.load(requests(fixture))
        let now = day(fixture, month: 10, 20, 12)
        let masked = try await MonthlyReport.make(store: fixture.store, year: 2026, month: 10, now: now)
        let markdown = try masked.render(.md, language: .ko)
        #expect(markdown.hasPrefix("# 병원 동행 월간 활동 및 실적 — 2026-10\n\n작성 2026-10-20 12:00 · 전월 대비: 2026-09 · 개인정보 가림\n"))
        #expect(markdown.contains("```text\n안양2동  █"))
        #expect(markdown.contains("| **시 전체** |"))
        let fullNames = StoreFixture.volunteers.map(\.name)
        #expect(!fullNames.contains { markdown.contains($0) })
        #expect(!markdown.contains("010-1234-5678") && markdown.contains("010-****-5678"))
        let html = try masked.render(.html, language: .en)
        #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"en\">"))
        #expect(html.components(separatedBy: "<svg").count == 3)
        #expect(!fullNames.contains { html.contains($0) })
        let unmasked = try await MonthlyReport.make(store: fixture.store, year: 2026, month: 10, now: now, masked: false)
        let open = try unmasked.render(.md, language: .en)
        #expect(fullNames.contains { open.contains($0) } && open.contains("contains personal data"))
    }

    @Test func aMonthWithNothingInItSaysSo() async throws {
        let fixture = try StoreFixture()
        defer { fixture.remove() }
        try await fixture.loadCast()
        let report = try await MonthlyReport.make(store: fixture.store, year: 2026, month: 1, now: Date())
        let markdown = try report.render(.md, language: .en)
        #expect(markdown.contains("No escort was completed this month.") && markdown.contains("No request was cancelled this month."))
        #expect(markdown.contains("| **City** | 0 (±0) | 0 (±0) | 0 | 0 | 0 | 0 | - | - | 0.0 (±0) | 0 | 0 (±0) |"))
        // Text in a store is data: markup and table bars in it are escaped.
        #expect(ReportHTML.escape("<b>\"&\"</b>") == "&lt;b&gt;&quot;&amp;&quot;&lt;/b&gt;")
        #expect(ReportMarkdown.table(header: ["a"], numeric: [false], rows: [["x|y"]]).contains("x\\|y"))
    }
}
