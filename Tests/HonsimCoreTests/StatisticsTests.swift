import Foundation
import Testing
@testable import HonsimCore

@Suite("Statistics")
struct StatisticsTests {
    /// Monday 2026-11-30 09:00 in Seoul.
    static let now = at(2026, 11, 30, 9, 0)

    static func fact(
        _ dong: Dong, _ status: RequestStatus, hoursFromNow: Double = -24, assignAfter: Int? = nil,
        volunteer: Int64? = nil, household: Int64, minutes: Int = 0
    ) -> RequestFact {
        RequestFact(dongCode: dong.code, status: status, appointmentAt: now.addingTimeInterval(hoursFromNow * 3600),
                    minutesToAssign: assignAfter, volunteerID: volunteer, householdID: household, volunteerMinutes: minutes)
    }

    /// Twelve requests in 석수2동 and 안양2동 (만안구) and 평촌동 (동안구). Volunteer 1 serves all
    /// three dongs; household 101 was served in both 만안구 dongs.
    static let facts: [RequestFact] = [
        fact(seokSu2, .completed, assignAfter: 30, volunteer: 1, household: 101, minutes: 120),
        fact(seokSu2, .completed, assignAfter: 90, volunteer: 1, household: 102, minutes: 150),
        fact(seokSu2, .cancelled, assignAfter: 50, household: 101),
        fact(seokSu2, .pending, hoursFromNow: 24, household: 103),      // urgent
        fact(seokSu2, .pending, hoursFromNow: 49, household: 104),      // not yet urgent
        fact(seokSu2, .pending, hoursFromNow: -1, household: 105),      // appointment passed
        fact(anyang2, .completed, assignAfter: 60, volunteer: 1, household: 101, minutes: 100),
        fact(anyang2, .noShow, assignAfter: 10, volunteer: 2, household: 202),
        fact(anyang2, .assigned, hoursFromNow: 30, assignAfter: 20, volunteer: 3, household: 203),
        fact(anyang2, .pending, hoursFromNow: 48, household: 204),      // exactly 48 h: urgent
        fact(pyeongchon, .completed, assignAfter: 50, volunteer: 4, household: 301, minutes: 60),
        fact(pyeongchon, .confirmed, hoursFromNow: 3, assignAfter: 50, volunteer: 1, household: 302),
    ]

    static func report(_ facts: [RequestFact] = facts) -> StatisticsReport {
        var accumulator = StatisticsAccumulator(dongs: directory, now: now)
        for fact in facts { accumulator.add(fact) }
        return accumulator.report(period: .month(year: 2026, month: 11))
    }

    @Test("per-dong counts")
    func dongCounts() throws {
        let report = Self.report()
        let seok = try #require(report.byDong[seokSu2.code])
        #expect(seok.requests == 6 && seok.completed == 2 && seok.cancelled == 1 && seok.noShows == 0)
        #expect(seok.pending == 3 && seok.urgentUnassigned == 1)
        #expect(seok.volunteerMinutes == 270)
        #expect(seok.activeVolunteers == 1 && seok.householdsServed == 2)
        #expect(seok.medianMinutesToAssign == 50)
        #expect(seok.fulfilmentRate == 2.0 / 3.0)

        let an = try #require(report.byDong[anyang2.code])
        #expect(an.requests == 4 && an.completed == 1 && an.cancelled == 0 && an.noShows == 1)
        #expect(an.pending == 1 && an.urgentUnassigned == 1)
        #expect(an.volunteerMinutes == 100)
        // Volunteer 1 completed, 3 is assigned, and 2 went to a household that was not there.
        #expect(an.activeVolunteers == 3 && an.householdsServed == 1)
        #expect(an.medianMinutesToAssign == 20)
        #expect(an.fulfilmentRate == 0.5)

        let py = try #require(report.byDong[pyeongchon.code])
        #expect(py.requests == 2 && py.completed == 1 && py.pending == 0 && py.urgentUnassigned == 0)
        #expect(py.activeVolunteers == 2 && py.householdsServed == 1 && py.volunteerMinutes == 60)
        #expect(py.fulfilmentRate == 1.0)
        #expect(report.period == .month(year: 2026, month: 11))
    }

    @Test("gu totals count distinct volunteers and households, not the sum of the dongs")
    func guTotals() throws {
        let report = Self.report()
        let manan = try #require(report.byGu["만안구"])
        #expect(manan.requests == 10 && manan.completed == 3 && manan.cancelled == 1 && manan.noShows == 1)
        #expect(manan.pending == 4 && manan.urgentUnassigned == 2 && manan.volunteerMinutes == 370)
        #expect(manan.activeVolunteers == 3)  // {1, 2, 3}; the dongs add up to 4
        #expect(manan.householdsServed == 2)  // {101, 102}; the dongs add up to 3
        #expect(manan.fulfilmentRate == 3.0 / 5.0)
        let dongan = try #require(report.byGu["동안구"])
        #expect(dongan.requests == 2 && dongan.activeVolunteers == 2 && dongan.householdsServed == 1)
        #expect(Set(report.byGu.keys) == ["만안구", "동안구"])
    }

    @Test("city totals count distinct volunteers and households, not the sum of the gus")
    func cityTotals() {
        let city = Self.report().city
        #expect(city.requests == 12 && city.completed == 4 && city.cancelled == 1 && city.noShows == 1)
        #expect(city.pending == 4 && city.urgentUnassigned == 2 && city.volunteerMinutes == 430)
        #expect(city.activeVolunteers == 4)  // {1, 2, 3, 4}; the gus add up to 5
        #expect(city.householdsServed == 3)  // {101, 102, 301}
        #expect(city.fulfilmentRate == 4.0 / 6.0)
    }

    @Test("the median is computed per area from all its values")
    func medianPerArea() throws {
        let report = Self.report([
            Self.fact(seokSu2, .completed, assignAfter: 10, volunteer: 1, household: 1),
            Self.fact(seokSu2, .completed, assignAfter: 20, volunteer: 1, household: 2),
            Self.fact(seokSu2, .completed, assignAfter: 30, volunteer: 1, household: 3),
            Self.fact(anyang2, .completed, assignAfter: 100, volunteer: 2, household: 4),
            Self.fact(anyang2, .completed, assignAfter: 100, volunteer: 2, household: 5),
        ])
        #expect(report.byDong[seokSu2.code]?.medianMinutesToAssign == 20)
        #expect(report.byDong[anyang2.code]?.medianMinutesToAssign == 100)
        // [10, 20, 30, 100, 100]: 30, not anything made from the dong medians 20 and 100.
        #expect(report.byGu["만안구"]?.medianMinutesToAssign == 30)
        #expect(report.city.medianMinutesToAssign == 30)
    }

    @Test("urgent means pending with the appointment from now up to 48 hours ahead", arguments: [
        (RequestStatus.pending, 0.0, true), (.pending, 1, true), (.pending, 47.99, true), (.pending, 48, true),
        (.pending, 48.01, false), (.pending, -0.01, false), (.assigned, 2, false), (.confirmed, 2, false),
    ])
    func urgency(status: RequestStatus, hoursAhead: Double, urgent: Bool) {
        let report = Self.report([Self.fact(seokSu2, status, hoursFromNow: hoursAhead, volunteer: status == .pending ? nil : 1, household: 1)])
        #expect(report.city.urgentUnassigned == (urgent ? 1 : 0))
        let request = EscortRequest(id: 1, householdID: 1, dongCode: seokSu2.code, hospital: "안양샘병원",
                                    appointmentAt: Self.now.addingTimeInterval(hoursAhead * 3600),
                                    pickupAt: Self.now.addingTimeInterval(hoursAhead * 3600 - 3600), status: status, createdAt: Self.now)
        #expect(request.isUrgent(now: Self.now) == urgent, "EscortRequest.isUrgent agrees")
    }

    @Test("every dong of the directory is in the report, empty ones with no rates")
    func emptyAreas() throws {
        let report = Self.report([])
        #expect(Set(report.byDong.keys) == [seokSu2.code, anyang2.code, pyeongchon.code])
        let empty = try #require(report.byDong[anyang2.code])
        #expect(empty == AreaStatistics())
        #expect(empty.fulfilmentRate == nil)
        #expect(empty.medianMinutesToAssign == nil)
        #expect(report.city.requests == 0)
    }

    @Test("a fact from an unknown dong counts for the city and its own dong only")
    func unknownDong() {
        let stray = RequestFact(dongCode: "99999-99", status: .completed, appointmentAt: Self.now, minutesToAssign: 5,
                                volunteerID: 9, householdID: 9, volunteerMinutes: 30)
        let report = Self.report([stray])
        #expect(report.city.requests == 1)
        #expect(report.byDong["99999-99"]?.requests == 1)
        #expect(report.byGu.values.allSatisfy { $0.requests == 0 })
    }

    @Test("fulfilment is nil until something ends; pending and active do not count")
    func fulfilment() {
        var figures = AreaStatistics()
        figures.pending = 3
        #expect(figures.fulfilmentRate == nil)
        figures.cancelled = 1
        #expect(figures.fulfilmentRate == 0)
        figures.completed = 3
        figures.noShows = 1
        #expect(figures.fulfilmentRate == 0.6)
    }

    @Test("median of an odd count is the middle value")
    func medianOdd() {
        #expect(StatisticsAccumulator.median([]) == nil)
        #expect(StatisticsAccumulator.median([42]) == 42)
        #expect(StatisticsAccumulator.median([90, 10, 30]) == 30)
        #expect(StatisticsAccumulator.median([5, 1, 4, 2, 3]) == 3)
    }

    @Test("median of an even count is the mean of the two middle values, rounded down")
    func medianEven() {
        #expect(StatisticsAccumulator.median([20, 20]) == 20)
        #expect(StatisticsAccumulator.median([40, 10, 30, 20]) == 25)
        #expect(StatisticsAccumulator.median([10, 11]) == 10)
    }

    @Test("the median by selection agrees with the middle of a sort, for sorted, reversed, repeated and random minutes")
    func medianAgreesWithASort() {
        func sortedMedian(_ values: [Int]) -> Int? {
            let sorted = values.sorted()
            guard !sorted.isEmpty else { return nil }
            return sorted.count % 2 == 1 ? sorted[sorted.count / 2] : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
        }
        var generator = SeededGenerator(seed: 7)
        var cases: [[Int]] = [Array(0..<1_000), Array((0..<1_001).reversed()), Array(repeating: 5, count: 64), [3, 3, 1, 1, 2, 2]]
        for _ in 0..<300 {
            let count = Int.random(in: 1...200, using: &generator)
            let spread = Int.random(in: 1...10_000, using: &generator)
            cases.append((0..<count).map { _ in Int.random(in: 0...spread, using: &generator) })
        }
        for values in cases {
            #expect(StatisticsAccumulator.median(values) == sortedMedian(values), "\(values)")
        }
    }

    @Test("distinct volunteers and households are the same counted in a bitmap, in a set, or both")
    func distinctCountsDoNotDependOnTheKnownRange() {
        let bySet = Self.report()
        for highest in [Int64(4), 250, 400] {
            var accumulator = StatisticsAccumulator(dongs: directory, now: Self.now, maxVolunteerID: highest, maxHouseholdID: highest)
            for fact in Self.facts { accumulator.add(fact) }
            #expect(accumulator.report(period: .month(year: 2026, month: 11)) == bySet, "ids known up to \(highest)")
        }
    }

    // MARK: Periods

    @Test("a week runs Monday 00:00 to the next Monday, whichever day it contains", arguments: [
        "2026-11-30", "2026-12-02", "2026-12-06",
    ])
    func week(day: String) {
        let range = StatisticsPeriod.week(containing: CivilDate(iso: day)!).range(calendar: seoul)
        #expect(range.start == at(2026, 11, 30, 0, 0))
        #expect(range.end == at(2026, 12, 7, 0, 0))
        #expect(range.minutes == 7 * 24 * 60)
    }

    @Test("months and years cover their days, December into January")
    func monthAndYear() {
        #expect(StatisticsPeriod.month(year: 2026, month: 11).range(calendar: seoul) == TimeSpan(start: at(2026, 11, 1), end: at(2026, 12, 1)))
        #expect(StatisticsPeriod.month(year: 2026, month: 12).range(calendar: seoul) == TimeSpan(start: at(2026, 12, 1), end: at(2027, 1, 1)))
        #expect(StatisticsPeriod.month(year: 2024, month: 2).range(calendar: seoul).minutes == 29 * 24 * 60)
        #expect(StatisticsPeriod.year(2026).range(calendar: seoul) == TimeSpan(start: at(2026, 1, 1), end: at(2027, 1, 1)))
    }

    @Test("previous period")
    func previous() {
        let week = StatisticsPeriod.week(containing: CivilDate(year: 2026, month: 12, day: 2))
        #expect(week.previous(calendar: seoul) == .week(containing: CivilDate(year: 2026, month: 11, day: 25)))
        #expect(week.previous(calendar: seoul).range(calendar: seoul) == TimeSpan(start: at(2026, 11, 23), end: at(2026, 11, 30)))
        #expect(StatisticsPeriod.month(year: 2026, month: 11).previous(calendar: seoul) == .month(year: 2026, month: 10))
        #expect(StatisticsPeriod.month(year: 2026, month: 1).previous(calendar: seoul) == .month(year: 2025, month: 12))
        #expect(StatisticsPeriod.year(2026).previous(calendar: seoul) == .year(2025))
    }

    @Test("this week and this month are taken in the calendar's zone")
    func current() {
        let earlyDecember = at(2026, 12, 1, 0, 30)  // still 30 November in UTC
        #expect(StatisticsPeriod.thisMonth(now: earlyDecember, calendar: seoul) == .month(year: 2026, month: 12))
        #expect(StatisticsPeriod.thisWeek(now: earlyDecember, calendar: seoul) == .week(containing: CivilDate(year: 2026, month: 12, day: 1)))
    }

    @Test("months parse from YYYY-MM; labels")
    func parsingAndLabels() {
        #expect(StatisticsPeriod(month: "2026-11") == .month(year: 2026, month: 11))
        for text in ["2026-13", "2026-00", "26-11", "2026", "", "2026-11-30", "abcd-11"] {
            #expect(StatisticsPeriod(month: text) == nil, "'\(text)'")
        }
        #expect(StatisticsPeriod.month(year: 2026, month: 3).label == "2026-03")
        #expect(StatisticsPeriod.year(2026).label == "2026")
        #expect(StatisticsPeriod.week(containing: CivilDate(year: 2026, month: 12, day: 2)).label == "2026-11-30–12-06")
    }
}
