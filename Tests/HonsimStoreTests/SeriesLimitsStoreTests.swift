import Foundation
import HonsimCore
import Testing
@testable import HonsimStore

/// A standing series against its household's limits, on both backends: made all the same
/// (dialysis cannot wait), flagged with the counts and the dates past the limit where it is
/// made and on its page; and its history read back into parts a screen can say in its language.
@Suite("Standing series: limits and history")
struct SeriesLimitsStoreTests {
    /// Dialysis for household 1 (석수2동), Monday, Wednesday and Friday from the fixture's Monday.
    func dialysis(_ fixture: StoreFixture) -> StandingSeries {
        StandingSeries(householdID: 1, schedule: SeriesSchedule(
            weekdays: [.mon, .wed, .fri], appointment: ClockTime(minutes: 9 * 60), pickup: ClockTime(minutes: 8 * 60),
            hospital: "안양투석센터", department: "인공신장실", transport: .publicTransport, purpose: .dialysis, expectedMinutes: 120),
            startsOn: CivilDate(fixture.monday, calendar: fixture.calendar))
    }

    @Test(arguments: Backend.all) func aSeriesPastAMonthlyLimitIsMadeAndFlaggedWithTheCountsAndDates(_ backend: Backend) async throws {
        let fixture = try await StoreFixture.make(backend)
        defer { fixture.remove() }
        try await fixture.load([])
        var seoksu = CouncilRules()
        seoksu.usesPerMonth = 2
        try await fixture.store.setCouncilRules(CouncilRuleBook(dongs: [StoreFixture.seokSu2.code: seoksu]))
        let outcome = try await fixture.store.createSeries(dialysis(fixture), horizonDays: 28)
        // Two weeks or more of three days a week: more than two in some month, and every date is made.
        #expect(outcome.made.count >= 6)
        #expect(try await fixture.rawInt("SELECT COUNT(*) FROM escort_request WHERE household_id = 1") == outcome.made.count)
        let monthly = outcome.limits.filter { $0.rule == "uses_per_month" }
        #expect(!monthly.isEmpty)
        for finding in monthly {
            let past = SeriesLimitDates.dates(finding, of: outcome.made)
            #expect(past.count == finding.excess, "the dates named are the ones past the limit")
            #expect(SeriesLimitDates.phrase(finding).ko.contains("이용 한도 2회를 \(finding.excess)회 넘습니다"))
            #expect(SeriesLimitDates.phrase(finding).en.contains("passes the limit of 2 uses"))
        }
        // The page shows the same flag while the dates ahead pass it.
        let page = try await fixture.store.seriesPage(id: outcome.series.id)
        #expect(page.limits.filter { $0.rule == "uses_per_month" }.map(\.excess) == monthly.map(\.excess))
        #expect(try await fixture.store.checkInvariants().isEmpty)
    }

    @Test(arguments: Backend.all) func aSeriesWithinTheRulesHasNoFlag(_ backend: Backend) async throws {
        let fixture = try await StoreFixture.make(backend)
        defer { fixture.remove() }
        // Another escort of the household counts, but the city's rules have no limit.
        try await fixture.load([fixture.request(1, household: 1, day: 1, hour: 14)])
        let outcome = try await fixture.store.createSeries(dialysis(fixture), horizonDays: 28)
        #expect(!outcome.made.isEmpty && outcome.limits.isEmpty)
        #expect(try await fixture.store.seriesPage(id: outcome.series.id).limits.isEmpty)
    }

    @Test(arguments: Backend.all) func theHistoryIsReadBackIntoItsPartsAndSaidInEitherLanguage(_ backend: Backend) async throws {
        let fixture = try await StoreFixture.make(backend)
        defer { fixture.remove() }
        try await fixture.load([])
        let store = fixture.store
        let made = try await store.createSeries(dialysis(fixture), horizonDays: 28)
        let id = made.series.id
        var schedule = made.series.schedule
        schedule.weekdays = [.tue, .thu]
        schedule.transport = .centerVehicle
        let from = CivilDate(fixture.monday, calendar: fixture.calendar).adding(days: 7, calendar: fixture.calendar)
        _ = try await store.changeSeries(id: id, from: from, schedule: schedule, expectedVersion: nil, horizonDays: 28)
        _ = try await store.assignSeries(id: id, volunteerID: 1, expectedVersion: nil)
        _ = try await store.pauseSeries(id: id, from: from, to: from.adding(days: 6, calendar: fixture.calendar), reason: "입원",
                                        expectedVersion: nil)
        let page = try await store.seriesPage(id: id)
        #expect(page.changes.map(\.kind) == [.create, .change, .assign, .pause])
        #expect(page.changes[0].schedule?.weekdays == [.mon, .wed, .fri])
        #expect(page.changes[1].schedule == SeriesChangeSchedule(weekdays: [.tue, .thu], pickup: ClockTime(minutes: 480),
                                                                 appointment: ClockTime(minutes: 540), place: "안양투석센터 인공신장실",
                                                                 transport: .centerVehicle, expectedMinutes: 120))
        #expect(page.changes[2].volunteerID == 1)
        let named = { (volunteer: Int64) in "#\(volunteer)" }
        let change = page.changes[1].words(volunteer: named)
        #expect(change.en == "changed from \(from) · Tue Thu 09:00 (pickup 08:00) · 안양투석센터 인공신장실 · center vehicle · 2 h")
        #expect(change.ko == "변경 \(from)부터 · 화 목 09:00 (출발 08:00) · 안양투석센터 인공신장실 · 센터 차량 · 2시간")
        #expect(page.changes[2].words(volunteer: named).en.hasPrefix("standing volunteer set: #1"))
        let pause = page.changes[3].words(volunteer: named)
        #expect(pause.en == "paused \(from) to \(from.adding(days: 6, calendar: fixture.calendar)) (입원)")
        #expect(pause.ko.hasPrefix("일시 중지 \(from) ~ "))
        // Nothing of the English line is the stored tokens.
        #expect(!page.changes.map { $0.words(volunteer: named).en }.joined().contains("public_transport"))
    }
}
