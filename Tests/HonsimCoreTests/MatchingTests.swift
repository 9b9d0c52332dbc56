import Foundation
import Testing
@testable import HonsimCore

/// Matching against one request: Monday 2026-11-30, pickup 10:00 for 120 minutes (10:00–12:00),
/// for a household in 석수2동 (만안구).
@Suite("Matching")
struct MatchingTests {
    static let pickup = at(2026, 11, 30, 10, 0)

    static func household(
        mobility: Mobility = .none, needs: Set<Need> = [], preferred: Gender? = nil
    ) -> Household {
        Household(id: 7, dongCode: seokSu2.code, name: "홍길동", birthYear: 1942, gender: .female,
                  mobility: mobility, needs: needs, preferredVolunteerGender: preferred)
    }

    static func request(transport: Transport = .publicTransport, pickupAt: Date = pickup, minutes: Int = 120) -> EscortRequest {
        EscortRequest(id: 100, householdID: 7, dongCode: seokSu2.code, hospital: "한림대학교성심병원",
                      appointmentAt: pickupAt.addingTimeInterval(3600), pickupAt: pickupAt,
                      transport: transport, expectedMinutes: minutes, createdAt: at(2026, 11, 20, 9, 0))
    }

    static func volunteer(
        _ id: Int64, dong: Dong = seokSu2, gender: Gender = .female, skills: Set<Skill> = [], hasCar: Bool = false,
        cap: Int = 480, availability: String = "mon 09:00-13:00", daysOff: [DayOff] = [], closed: Bool = false,
        trainedOn: CivilDate? = CivilDate(year: 2026, month: 1, day: 5)
    ) -> Volunteer {
        // Trained this year unless a test says otherwise: the training term is tested on its own.
        Volunteer(id: id, dongCode: dong.code, name: "봉사자\(id)", gender: gender, skills: skills, hasCar: hasCar,
                  weeklyCapMinutes: cap, availability: try! WeeklyAvailability(parsing: availability),
                  daysOff: daysOff, closed: closed, trainedOn: trainedOn)
    }

    static func insured(_ volunteer: Volunteer, until day: CivilDate) -> Volunteer {
        var insured = volunteer
        insured.insuredUntil = day
        return insured
    }

    static func matcher(household: Household = household(), request: EscortRequest = request(), buffer: Int = 30) -> Matcher {
        Matcher(request: request, household: household, dongs: directory, calendar: seoul,
                rules: MatchRules(travelBufferMinutes: buffer))
    }

    static func span(_ h1: Int, _ m1: Int, _ h2: Int, _ m2: Int) -> TimeSpan {
        TimeSpan(start: at(2026, 11, 30, h1, m1), end: at(2026, 11, 30, h2, m2))
    }

    static func exclusions(_ v: Volunteer, load: VolunteerLoad = VolunteerLoad(), matcher m: Matcher = matcher()) -> [Exclusion] {
        m.evaluate(v, load: load).exclusions
    }

    static func points(_ candidate: Candidate, _ reason: ScoreTerm.Reason) -> Int? {
        candidate.terms.first { $0.reason == reason }?.points
    }

    // MARK: Hard filters

    @Test("a volunteer who fits everything is eligible")
    func baselineEligible() {
        let candidate = Self.matcher().evaluate(Self.volunteer(1), load: VolunteerLoad())
        #expect(candidate.exclusions.isEmpty)
        #expect(candidate.isEligible)
        #expect(!candidate.isOverridable)
    }

    @Test("a closed volunteer is excluded")
    func closed() {
        #expect(Self.exclusions(Self.volunteer(1, closed: true)) == [.closed])
    }

    @Test("overlap keeps a 30-minute travel buffer before the request",
          arguments: [(29, true), (30, false), (45, false), (0, true)])
    func overlapBefore(gapMinutes: Int, excluded: Bool) {
        // Busy for two hours, ending `gapMinutes` before the 10:00 pickup.
        let end = Self.pickup.addingTimeInterval(TimeInterval(-gapMinutes * 60))
        let busy = TimeSpan(start: end.addingTimeInterval(-7200), end: end)
        let found = Self.exclusions(Self.volunteer(1), load: VolunteerLoad(busy: [busy]))
        #expect(found == (excluded ? [.overlap(busy)] : []))
    }

    @Test("overlap keeps a 30-minute travel buffer after the request",
          arguments: [(29, true), (30, false), (0, true)])
    func overlapAfter(gapMinutes: Int, excluded: Bool) {
        // The request ends at 12:00; the busy span starts `gapMinutes` later.
        let start = at(2026, 11, 30, 12, 0).addingTimeInterval(TimeInterval(gapMinutes * 60))
        let busy = TimeSpan(start: start, minutes: 60)
        let found = Self.exclusions(Self.volunteer(1), load: VolunteerLoad(busy: [busy]))
        #expect(found == (excluded ? [.overlap(busy)] : []))
    }

    @Test("overlap names the span that clashes and ignores the ones that do not")
    func overlapNamesClash() {
        let free = Self.span(7, 0, 8, 0), clash = Self.span(11, 0, 13, 0)
        #expect(Self.exclusions(Self.volunteer(1), load: VolunteerLoad(busy: [free, clash])) == [.overlap(clash)])
        // With no buffer, back-to-back escorts are fine.
        let adjacent = Self.span(12, 0, 13, 0)
        #expect(Self.exclusions(Self.volunteer(1), load: VolunteerLoad(busy: [adjacent]), matcher: Self.matcher(buffer: 0)).isEmpty)
        #expect(Self.exclusions(Self.volunteer(1), load: VolunteerLoad(busy: [adjacent])) == [.overlap(adjacent)])
    }

    @Test("a wheelchair user needs a volunteer with the wheelchair skill")
    func wheelchairSkill() {
        let m = Self.matcher(household: Self.household(mobility: .wheelchair))
        #expect(Self.exclusions(Self.volunteer(1), matcher: m) == [.needsWheelchairSkill])
        #expect(Self.exclusions(Self.volunteer(2, skills: [.wheelchair]), matcher: m).isEmpty)
        // A walker does not require the skill.
        #expect(Self.exclusions(Self.volunteer(1), matcher: Self.matcher(household: Self.household(mobility: .walker))).isEmpty)
    }

    @Test("the volunteer's car is required only when the transport is the volunteer's car")
    func needsCar() {
        let byCar = Self.matcher(request: Self.request(transport: .volunteerCar))
        #expect(Self.exclusions(Self.volunteer(1), matcher: byCar) == [.needsCar])
        #expect(Self.exclusions(Self.volunteer(2, hasCar: true), matcher: byCar).isEmpty)
        for transport in Transport.allCases where transport != .volunteerCar {
            #expect(Self.exclusions(Self.volunteer(1), matcher: Self.matcher(request: Self.request(transport: transport))).isEmpty,
                    "\(transport)")
        }
    }

    @Test("availability must cover the whole span on the right weekday",
          arguments: [
              ("mon 10:00-12:00", false),  // ends exactly at the end
              ("mon 08:00-12:00", false),
              ("mon 09:00-11:59", true),
              ("mon 10:01-13:00", true),
              ("tue 09:00-13:00", true),
              ("sun 09:00-13:00", true),
              ("", true),
              ("mon 06:00-09:00;mon 12:00-18:00", true),
          ])
    func outsideAvailability(windows: String, excluded: Bool) {
        let found = Self.exclusions(Self.volunteer(1, availability: windows))
        #expect(found == (excluded ? [.outsideAvailability] : []))
    }

    @Test("a day off covering the request's day excludes, naming its first day")
    func dayOff() {
        let off = DayOff(from: CivilDate(year: 2026, month: 11, day: 28), to: CivilDate(year: 2026, month: 11, day: 30))
        #expect(Self.exclusions(Self.volunteer(1, daysOff: [off])) == [.dayOff(CivilDate(year: 2026, month: 11, day: 28))])
        let single = DayOff(from: CivilDate(year: 2026, month: 11, day: 30), to: CivilDate(year: 2026, month: 11, day: 30))
        #expect(Self.exclusions(Self.volunteer(1, daysOff: [single])) == [.dayOff(single.from)])
        let before = DayOff(from: CivilDate(year: 2026, month: 11, day: 20), to: CivilDate(year: 2026, month: 11, day: 29))
        let after = DayOff(from: CivilDate(year: 2026, month: 12, day: 1), to: CivilDate(year: 2026, month: 12, day: 5))
        #expect(Self.exclusions(Self.volunteer(1, daysOff: [before, after])).isEmpty)
    }

    @Test("the request's day is taken in the matcher's calendar, not UTC")
    func dayOffUsesCalendar() {
        // 08:00 on Monday in Seoul is still Sunday 23:00 in UTC.
        let early = Self.request(pickupAt: at(2026, 11, 30, 8, 0))
        let sunday = DayOff(from: CivilDate(year: 2026, month: 11, day: 29), to: CivilDate(year: 2026, month: 11, day: 29))
        let v = Self.volunteer(1, availability: "mon 08:00-12:00", daysOff: [sunday])
        #expect(Self.exclusions(v, matcher: Self.matcher(request: early)).isEmpty)
    }

    @Test("the household's preferred volunteer gender")
    func genderPreference() {
        let m = Self.matcher(household: Self.household(preferred: .female))
        #expect(Self.exclusions(Self.volunteer(1, gender: .male), matcher: m) == [.genderPreference(.female)])
        #expect(Self.exclusions(Self.volunteer(2, gender: .female), matcher: m).isEmpty)
        #expect(Self.exclusions(Self.volunteer(3, gender: .male)).isEmpty, "no preference, no exclusion")
    }

    @Test("the weekly cap allows reaching it exactly, not passing it",
          arguments: [(360, false), (0, false), (361, true), (480, true)])
    func weeklyCap(usedMinutes: Int, excluded: Bool) {
        // Cap 8 h; the request takes 2 h.
        let found = Self.exclusions(Self.volunteer(1, cap: 480), load: VolunteerLoad(minutesInWeek: usedMinutes))
        #expect(found == (excluded ? [.weeklyCap(usedMinutes: usedMinutes, capMinutes: 480)] : []))
    }

    @Test("every failed filter is reported, in a stable order")
    func allExclusionsTogether() {
        let m = Self.matcher(household: Self.household(mobility: .wheelchair, preferred: .female),
                             request: Self.request(transport: .volunteerCar))
        let day = CivilDate(year: 2026, month: 11, day: 30)
        let busy = Self.span(9, 0, 10, 0)
        let v = Self.volunteer(1, gender: .male, cap: 60, availability: "tue 09:00-13:00",
                               daysOff: [DayOff(from: day, to: day)], closed: true)
        #expect(Self.exclusions(v, load: VolunteerLoad(busy: [busy]), matcher: m) == [
            .closed, .overlap(busy), .needsWheelchairSkill, .needsCar, .outsideAvailability,
            .dayOff(day), .genderPreference(.female), .weeklyCap(usedMinutes: 0, capMinutes: 60),
        ])
    }

    @Test("which exclusions a coordinator may override")
    func exclusionOverridable() {
        let day = CivilDate(year: 2026, month: 11, day: 30)
        #expect(!Exclusion.closed.isOverridable)
        #expect(!Exclusion.overlap(Self.span(9, 0, 10, 0)).isOverridable)
        #expect(!Exclusion.needsWheelchairSkill.isOverridable)
        #expect(!Exclusion.needsCar.isOverridable)
        #expect(Exclusion.outsideAvailability.isOverridable)
        #expect(Exclusion.dayOff(day).isOverridable)
        #expect(Exclusion.genderPreference(.male).isOverridable)
        #expect(Exclusion.weeklyCap(usedMinutes: 470, capMinutes: 480).isOverridable)
    }

    @Test("a candidate is overridable only when every exclusion is")
    func candidateOverridable() {
        let m = Self.matcher()
        let soft = m.evaluate(Self.volunteer(1, availability: "tue 09:00-13:00"), load: VolunteerLoad(minutesInWeek: 470))
        #expect(soft.exclusions.count == 2)
        #expect(soft.isOverridable)
        #expect(!soft.isEligible)
        let mixed = m.evaluate(Self.volunteer(2, availability: "tue 09:00-13:00", closed: true), load: VolunteerLoad())
        #expect(!mixed.isOverridable)
    }
}
