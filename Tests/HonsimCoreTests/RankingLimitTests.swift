import Foundation
import Testing
@testable import HonsimCore

/// A capped list must be exactly the head of the full one: the near-miss cap selects the best
/// instead of sorting them all, the eligible cap builds candidates for the listed only, and
/// neither shortcut may change the answer.
@Suite("Ranking with caps on the listed")
struct RankingLimitTests {
    @Test(arguments: [1, 7, 50, 400])
    func theCappedListIsTheHeadOfTheFullOne(limit: Int) {
        let (matcher, volunteers, loads) = Self.city()
        let full = matcher.rank(volunteers: volunteers, loads: loads)
        let capped = matcher.rank(volunteers: volunteers, loads: loads, nearMissLimit: limit)
        #expect(capped.eligible.map(\.id) == full.eligible.map(\.id))
        #expect(capped.excluded.map(\.id) == Array(full.excluded.prefix(limit)).map(\.id))
        #expect(full.excluded.count + full.eligible.count == 300)
    }

    @Test(arguments: [0, 1, 9, 40, 1000])
    func theListedEligibleAreTheHeadOfAllAndAllAreCounted(limit: Int) {
        let (matcher, volunteers, loads) = Self.city()
        let full = matcher.rank(volunteers: volunteers, loads: loads)
        let listed = matcher.rank(volunteers: volunteers, loads: loads, eligibleLimit: limit, nearMissLimit: 20)
        #expect(full.eligible.count > 40, "the city has more eligible than most limits list")
        #expect(listed.eligible == Array(full.eligible.prefix(limit)), "the same candidates, reasons and all")
        #expect(listed.eligibleCount == full.eligible.count)
        #expect(full.eligibleCount == full.eligible.count)
        #expect(listed.listsFewerThanEligible == (limit < full.eligible.count))
        #expect(listed.excluded == Array(full.excluded.prefix(20)), "the near-misses do not depend on how many eligible are listed")
    }

    /// 300 volunteers with every kind of exclusion, and ties in score, so the order is exercised.
    static func city() -> (Matcher, [Volunteer], [Int64: VolunteerLoad]) {
        let pickup = at(2026, 11, 30, 10, 0)  // a Monday
        let request = EscortRequest(id: 1, householdID: 1, dongCode: seokSu2.code, hospital: "한림대학교성심병원",
                                    appointmentAt: pickup.addingTimeInterval(3600), pickupAt: pickup, createdAt: pickup)
        let household = Household(id: 1, dongCode: seokSu2.code, name: "김순자", birthYear: 1942, gender: .female,
                                  mobility: .wheelchair, preferredVolunteerGender: .female)
        let matcher = Matcher(request: request, household: household, dongs: directory, calendar: seoul)
        let weekdays = WeeklyAvailability([AvailabilityWindow(weekday: .mon, start: ClockTime(minutes: 480), end: ClockTime(minutes: 1080))])
        var generator = SystemRandomNumberGenerator()
        var volunteers: [Volunteer] = []
        var loads: [Int64: VolunteerLoad] = [:]
        for id in 1...300 {
            let volunteer = Volunteer(
                id: Int64(id), dongCode: [seokSu2, anyang2, pyeongchon][id % 3].code, name: "봉사자\(id)",
                gender: id % 4 == 0 ? .male : .female, skills: id % 5 == 0 ? [] : [.wheelchair],
                weeklyCapMinutes: id % 7 == 0 ? 60 : 600, availability: id % 6 == 0 ? WeeklyAvailability() : weekdays,
                closed: id % 97 == 0)
            volunteers.append(volunteer)
            loads[Int64(id)] = VolunteerLoad(minutesInMonth: Int.random(in: 0...600, using: &generator))
        }
        return (matcher, volunteers, loads)
    }
}
