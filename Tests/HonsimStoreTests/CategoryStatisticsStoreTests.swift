import Foundation
import HonsimCore
@testable import HonsimStore
import Testing

/// The statistics by eligibility category on both backends: a household of several categories
/// counts under each, one with none recorded (or only services elsewhere) under "not recorded",
/// the total counts every request and household once, and the dongs asked for are the only ones
/// counted. A category has no masked form: a role counts under their categories only the
/// households it sees in full, the others as not recorded, on both stores.
@Suite("Statistics by eligibility category in the store")
struct CategoryStatisticsStoreTests {
    /// A month of requests: household 1 (석수2동) is 기초생활수급 and 사례관리 대상, household 2
    /// (석수2동) 차상위, household 3 (평촌동) has nothing recorded, household 4 (안양2동) only a
    /// service elsewhere. One request of household 1 falls in a later month.
    func monthOfRequests(_ fixture: StoreFixture) async throws -> StatisticsPeriod {
        let parts = fixture.calendar.dateComponents([.year, .month], from: fixture.monday)
        let period = StatisticsPeriod.month(year: parts.year ?? 0, month: parts.month ?? 0)
        // The first day of the month after, as a day after the fixture's Monday.
        let nextMonth = Int(period.next.range(calendar: fixture.calendar).start.timeIntervalSince(fixture.monday) / 86_400)
        func completed(_ request: EscortRequest, minutes: Int) -> EscortRequest {
            var request = request
            request.completion = Completion(actualMinutes: minutes)
            return request
        }
        try await fixture.load([
            completed(fixture.request(1, household: 1, hour: 8, status: .completed, volunteer: 1), minutes: 90),
            fixture.request(2, household: 1, hour: 12, status: .noShow, volunteer: 2),
            fixture.request(3, household: 2, hour: 9, status: .cancelled),
            completed(fixture.request(4, household: 2, hour: 14, status: .completed, volunteer: 3), minutes: 60),
            fixture.request(5, household: 3, hour: 10),
            completed(fixture.request(6, household: 4, hour: 16, status: .completed, volunteer: 5), minutes: 120),
            fixture.request(7, household: 1, day: nextMonth, hour: 10),
        ])
        try await fixture.store.setEligibility(householdID: 1, HouseholdEligibility(categories: [.basicLivelihood, .caseManaged]))
        try await fixture.store.setEligibility(householdID: 2, HouseholdEligibility(categories: [.nearPoverty]))
        try await fixture.store.setEligibility(householdID: 4, HouseholdEligibility(servedElsewhere: [.customizedElderlyCare]))
        return period
    }

    /// requests, completed, no-shows, cancelled, minutes, households.
    func figures(_ row: CategoryFigures) -> [Int] {
        [row.requests, row.completed, row.noShows, row.cancelled, row.minutes, row.households]
    }

    @Test(arguments: Backend.all) func aMonthByCategoryCountsSeveralCategoriesUnderEachAndTheTotalOnce(_ backend: Backend) async throws {
        let fixture = try await StoreFixture.make(backend)
        defer { fixture.remove() }
        let period = try await monthOfRequests(fixture)
        let breakdown = try await fixture.store.categoryStatistics(for: period, dongCodes: nil)

        #expect(breakdown.rows.map(\.category) == [.basicLivelihood, .nearPoverty, .caseManaged, .emergency, .other, nil],
                "every category in order, then not recorded, rows with no request included")
        #expect(breakdown.rows.map(figures) == [
            [2, 1, 1, 0, 90, 1],    // 기초생활수급: household 1
            [2, 1, 0, 1, 60, 1],    // 차상위: household 2
            [2, 1, 1, 0, 90, 1],    // 사례관리 대상: household 1 again
            [0, 0, 0, 0, 0, 0],
            [0, 0, 0, 0, 0, 0],
            [2, 1, 0, 0, 120, 2],   // 구분 미기록: household 3, and household 4 with only a service elsewhere
        ])
        #expect(figures(breakdown.total) == [6, 3, 1, 1, 270, 4], "the total counts household 1 and its requests once")
        #expect(breakdown.countsSomeTwice)
        #expect(breakdown.withRequests.map(\.category) == [.basicLivelihood, .nearPoverty, .caseManaged, nil])

        let report = try await MonthlyReport.make(store: fixture.store, year: period.yearAndMonth.0, month: period.yearAndMonth.1)
        #expect(report.byCategory == breakdown, "the monthly report reads the same figures")
        #expect(report.city?.current.requests == breakdown.total.requests && report.city?.current.volunteerMinutes == breakdown.total.minutes,
                "the total's requests and hours are the city's by dong")
    }

    @Test(arguments: Backend.all) func onlyTheDongsAskedForAreCountedAndARoleOnlyTheCategoriesItSeesInFull(_ backend: Backend) async throws {
        let fixture = try await StoreFixture.make(backend)
        defer { fixture.remove() }
        let period = try await monthOfRequests(fixture)
        let seokSu = try await fixture.store.categoryStatistics(for: period, dongCodes: [StoreFixture.seokSu2.code])
        #expect(seokSu.rows.map(\.requests) == [2, 2, 2, 0, 0, 0] && figures(seokSu.total) == [4, 2, 1, 1, 150, 2])
        let two = try await fixture.store.categoryStatistics(for: period, dongCodes: [StoreFixture.pyeongchon.code, StoreFixture.anyang2.code])
        #expect(two.rows.last.map(figures) == [2, 1, 0, 0, 120, 2] && two.total.requests == 2)
        let none = try await fixture.store.categoryStatistics(for: period, dongCodes: [])
        #expect(none.total.requests == 0 && none.rows.allSatisfy { $0.requests == 0 })
        let later = try await fixture.store.categoryStatistics(for: period.next, dongCodes: nil)
        #expect(later.rows.first?.requests == 1 && later.total.households == 1, "the later month holds the one request left out")

        // A category has no masked form: a role counts under their categories only the households
        // it sees in full, the others as not recorded; the total is the same for everyone.
        let all = try await fixture.store.categoryStatistics(for: period, dongCodes: nil)
        let ofSeokSu = try await fixture.otherStore(user: "park", role: .coordinator, dongCodes: [StoreFixture.seokSu2.code])
        #expect(try await ofSeokSu.categoryStatistics(for: period, dongCodes: nil) == all,
                "석수2동's coordinator sees households 1 and 2 in full; 3 and 4 have no category recorded")
        let ofPyeongchon = try await fixture.otherStore(user: "han", role: .coordinator, dongCodes: [StoreFixture.pyeongchon.code])
        let elsewhere = try await ofPyeongchon.categoryStatistics(for: period, dongCodes: nil)
        #expect(elsewhere.rows.map(\.requests) == [0, 0, 0, 0, 0, 6] && elsewhere.total == all.total,
                "another dong's coordinator counts 석수2동's households as not recorded")
        let viewer = try await fixture.otherStore(user: "choi", role: .viewer)
        let viewed = try await viewer.categoryStatistics(for: period, dongCodes: [StoreFixture.seokSu2.code])
        #expect(viewed.rows.last.map(figures) == [4, 2, 1, 1, 150, 2] && viewed.total == seokSu.total, "a viewer sees no household in full")
    }
}

extension StatisticsPeriod {
    var yearAndMonth: (Int, Int) {
        if case .month(let year, let month) = self { return (year, month) }
        return (0, 0)
    }

    var next: StatisticsPeriod {
        guard case .month(let year, let month) = self else { return self }
        return month == 12 ? .month(year: year + 1, month: 1) : .month(year: year, month: month + 1)
    }
}
