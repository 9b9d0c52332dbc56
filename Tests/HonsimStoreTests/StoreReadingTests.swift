import Foundation
import GRDB
import HonsimCore
import Testing
@testable import HonsimStore

@Suite("Reading the store: panes, candidates, statistics, the change feed")
struct StoreReadingTests {
    /// "Empty" is no record at all: a store whose requests are all closed is not empty.
    @Test(arguments: Backend.all) func aStoreIsEmptyUntilItHoldsAnyRecord(_ backend: Backend) async throws {
        let fixture = try await StoreFixture.make(backend)
        defer { fixture.remove() }
        #expect(try await fixture.store.isEmpty())
        try await fixture.load([fixture.request(1, status: .cancelled)])
        #expect(try await !fixture.store.isEmpty())
        #expect(try await fixture.store.pendingRequests(limit: 10).isEmpty)
    }

    /// The volunteers pane's figures and the weekly counts per dong, read the same on both stores.
    @Test(arguments: Backend.all) func volunteerSummariesAndWeeklyCountsComeFromTheStoredEscorts(_ backend: Backend) async throws {
        let fixture = try await StoreFixture.make(backend)
        defer { fixture.remove() }
        try await fixture.load([fixture.request(1, hour: 10, status: .assigned, volunteer: 2),
                                fixture.request(2, household: 4, day: 2, hour: 14, minutes: 90, status: .assigned, volunteer: 2),
                                fixture.request(3, household: 3, day: 1),
                                // Between volunteer 2's two, in time: each escort stays its own volunteer's.
                                fixture.request(4, household: 3, day: 1, hour: 9, status: .assigned, volunteer: 3)])
        let now = fixture.at(8)
        let summaries = try await fixture.store.volunteerSummaries(now: now)
        let two = try #require(summaries[2])
        #expect(two.assignmentsThisWeek == 2)
        #expect(two.minutesThisWeek == 210 && two.minutesThisMonth >= 120)
        #expect(two.busy.map(\.start) == [fixture.at(10), fixture.at(day: 2, 14)])
        #expect(summaries[3]?.busy.map(\.start) == [fixture.at(day: 1, 9)] && summaries[3]?.assignmentsThisWeek == 1)
        #expect(summaries[1] == nil, "volunteer 1 has no escort")
        // This week is the last of the four: household 1 is 석수2동's, 3 평촌동's, 4 안양2동's.
        let weekly = try await fixture.store.weeklyRequestCounts(weeks: 4, now: now)
        #expect(weekly == [StoreFixture.seokSu2.code: [0, 0, 0, 1], StoreFixture.pyeongchon.code: [0, 0, 0, 2],
                           StoreFixture.anyang2.code: [0, 0, 0, 1]], "\(weekly)")
    }

    @Test(arguments: Backend.all) func thePendingQueueIsByAppointment(_ backend: Backend) async throws {
        let fixture = try await StoreFixture.make(backend)
        defer { fixture.remove() }
        try await fixture.load([fixture.request(1, day: 2), fixture.request(2, household: 4, day: 0), fixture.request(3, household: 3, day: 1),
                                fixture.request(4, household: 2, day: 0, hour: 8, status: .assigned, volunteer: 1)])
        #expect(try await fixture.store.pendingRequests(limit: 10).map(\.id) == [2, 3, 1])
        #expect(try await fixture.store.pendingRequests(limit: 2).map(\.id) == [2, 3])
    }

    @Test(arguments: Backend.all) func freeVolunteersHaveTheHoursAndNoClash(_ backend: Backend) async throws {
        let fixture = try await StoreFixture.make(backend)
        defer { fixture.remove() }
        try await fixture.load([fixture.request(1, hour: 10, status: .assigned, volunteer: 2)])
        var volunteers = StoreFixture.volunteers
        volunteers[0].daysOff = [DayOff(from: CivilDate(fixture.monday, calendar: fixture.calendar), to: CivilDate(fixture.monday, calendar: fixture.calendar))]
        // Monday 11:00–12:00: volunteer 1 is off, 2 is busy, 4 only works Saturdays.
        let free = try await fixture.store.freeVolunteers(in: TimeSpan(start: fixture.at(11), minutes: 60)).map(\.id)
        #expect(free == [1, 3, 5])
        try await fixture.store.load(StoreData(dongs: [StoreFixture.anyang2, StoreFixture.seokSu2, StoreFixture.chunghun, StoreFixture.pyeongchon],
                                               households: StoreFixture.households, volunteers: volunteers,
                                               requests: [fixture.request(1, hour: 10, status: .assigned, volunteer: 2)]), replacingExisting: true)
        #expect(try await fixture.store.freeVolunteers(in: TimeSpan(start: fixture.at(11), minutes: 60)).map(\.id) == [3, 5])
        // Saturday 10:00: volunteer 4 works then.
        #expect(try await fixture.store.freeVolunteers(in: TimeSpan(start: fixture.at(day: 5, 10), minutes: 60)).map(\.id).contains(4))
    }

    @Test(arguments: Backend.all) func candidatesComeWithReasonsFromTheStoredHistory(_ backend: Backend) async throws {
        let fixture = try await StoreFixture.make(backend)
        defer { fixture.remove() }
        // Household 3 (평촌동, hearing, wants a woman) was escorted twice by volunteer 3 before.
        let past = [fixture.request(10, household: 3, day: -7, status: .completed, volunteer: 3),
                    fixture.request(11, household: 3, day: -6, status: .completed, volunteer: 3)]
        try await fixture.load(past + [fixture.request(1, household: 3, day: 1)])
        let ranking = try await fixture.store.candidates(for: 1)
        let best = try #require(ranking.eligible.first)
        #expect(best.volunteer.id == 3)
        let reasons = best.terms.map { DomainPhrases.reason($0.reason).ko }
        #expect(reasons.contains("같은 동"))
        #expect(reasons.contains("이 대상자와 2회 동행"))
        #expect(reasons.contains("수어 가능"))
        #expect(reasons.contains("이번 달 0분") || reasons.contains { $0.hasPrefix("이번 달") })
        // The men are near-misses, overridable, for the gender preference.
        let male = try #require(ranking.excluded.first { $0.volunteer.id == 2 })
        #expect(male.exclusions == [.genderPreference(.female)])
        #expect(male.isOverridable)
    }

    @Test(arguments: Backend.all) func statisticsCountEachDongAndTotalTheGus(_ backend: Backend) async throws {
        let fixture = try await StoreFixture.make(backend)
        defer { fixture.remove() }
        let requests = [
            fixture.request(1, day: 0, status: .completed, volunteer: 1),
            fixture.request(2, household: 2, day: 1, status: .cancelled),
            fixture.request(3, household: 3, day: 2, status: .completed, volunteer: 3),
            fixture.request(4, household: 4, day: 3, status: .noShow, volunteer: 2),
            fixture.request(5, day: 4, status: .pending),
        ]
        try await fixture.load(requests)
        let month = CivilDate(fixture.monday, calendar: fixture.calendar)
        let period = StatisticsPeriod.week(containing: month)
        let report = try await fixture.store.statistics(for: period, now: Date())
        let seokSu = try #require(report.byDong[StoreFixture.seokSu2.code])
        #expect(seokSu.requests == 3 && seokSu.completed == 1 && seokSu.cancelled == 1 && seokSu.pending == 1)
        #expect(seokSu.volunteerMinutes == 120)
        #expect(report.byGu["만안구"]?.requests == 4)
        #expect(report.byGu["동안구"]?.completed == 1)
        #expect(report.city.requests == 5)
        #expect(report.city.completed == 2 && report.city.noShows == 1)
        #expect(report.city.fulfilmentRate == 0.5)
        #expect(report.city.activeVolunteers == 3)
        #expect(report.city.householdsServed == 2)
        #expect(report.byDong[StoreFixture.chunghun.code]?.requests == 0)
    }

    /// That the notice comes; how fast is measured by the benchmark, not here.
    @Test(arguments: Backend.all) func anotherProcessesWriteReachesTheChangeFeed(_ backend: Backend) async throws {
        let fixture = try await StoreFixture.make(backend)
        defer { fixture.remove() }
        try await fixture.load([fixture.request(1)])
        let feed = fixture.store.changes()
        let other = try await fixture.otherStore(user: "lee")
        // Let the feed take its first reading before the write.
        try await Task.sleep(for: .milliseconds(250))
        try await other.assign(requestID: 1, volunteerID: 1, expectedVersion: nil, override: false)
        let seen = await withTaskGroup(of: Bool.self) { group in
            group.addTask { for await _ in feed { return true }; return false }
            group.addTask { try? await Task.sleep(for: .seconds(10)); return false }
            let first = await group.next() ?? false
            group.cancelAll()
            return first
        }
        #expect(seen)
        #expect(try await fixture.store.request(id: 1).status == .assigned)
    }

    @Test(arguments: Backend.all) func loadingIsAllOrNothing(_ backend: Backend) async throws {
        let fixture = try await StoreFixture.make(backend)
        defer { fixture.remove() }
        // Two active escorts of volunteer 2 an hour apart: the schema refuses the second.
        let clash = [fixture.request(1, hour: 10, status: .assigned, volunteer: 2),
                     fixture.request(2, household: 4, hour: 11, status: .assigned, volunteer: 2)]
        let error = await storeError { try await fixture.load(clash) }
        #expect(error != nil)
        let counts = try await fixture.store.counts()
        #expect(counts.households == 0 && counts.volunteers == 0 && counts.requests == 0 && counts.dongs == 0)
        #expect(counts.auditEntries == 0)
    }

    @Test(arguments: Backend.all) func aStoreWithDataIsNotOverwrittenUnlessAsked(_ backend: Backend) async throws {
        let fixture = try await StoreFixture.make(backend)
        defer { fixture.remove() }
        try await fixture.load([fixture.request(1)])
        #expect(await storeError { try await fixture.load([]) } == .notEmpty(path: fixture.path))
        #expect(try await fixture.store.counts().requests == 1)
    }
}
