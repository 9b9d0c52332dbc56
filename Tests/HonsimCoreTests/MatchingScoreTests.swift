import Foundation
import Testing
@testable import HonsimCore

/// The score terms, the ranking and how reasons read; fixtures from `MatchingTests`.
@Suite("Matching score and ranking")
struct MatchingScoreTests {
    typealias M = MatchingTests
    typealias P = Matcher.Points

    static func candidate(_ v: Volunteer, load: VolunteerLoad = VolunteerLoad(), matcher m: Matcher = M.matcher()) -> Candidate {
        m.evaluate(v, load: load)
    }

    static func reasons(_ c: Candidate) -> [ScoreTerm.Reason] { c.terms.map(\.reason) }

    @Test("the weights")
    func weights() {
        #expect(P.sameDong == 30)
        #expect(P.sameGu == 10)
        #expect(P.escortedBeforeFirst == 10 && P.escortedBeforeEach == 5 && P.escortedBeforeMax == 20)
        #expect(P.fewHoursMax == 20 && P.fewHoursPerHour == 2)
        #expect(P.signLanguage == 15 && P.speaksLanguage == 15)
        #expect(P.careWorker == 10 && P.wheelchairCapable == 5 && P.hasCar == 10)
    }

    @Test("same dong scores 30 and not also same gu")
    func sameDong() {
        let c = Self.candidate(M.volunteer(1, dong: seokSu2))
        #expect(M.points(c, .sameDong) == 30)
        #expect(M.points(c, .sameGu) == nil)
        #expect(c.score == 30 + 20)
    }

    @Test("same gu scores 10 only for another dong of the same gu")
    func sameGu() {
        let c = Self.candidate(M.volunteer(1, dong: anyang2))
        #expect(M.points(c, .sameGu) == 10)
        #expect(M.points(c, .sameDong) == nil)
        #expect(c.score == 10 + 20)
        let other = Self.candidate(M.volunteer(2, dong: pyeongchon))
        #expect(Self.reasons(other) == [.hoursThisMonth(minutes: 0)])
        #expect(other.score == 20)
    }

    @Test("a volunteer from an unknown dong gets no place points")
    func unknownDong() {
        let v = Volunteer(id: 9, dongCode: "99999-99", name: "외부", gender: .female,
                          availability: try! WeeklyAvailability(parsing: "mon 09:00-13:00"), trainedOn: CivilDate(year: 2026, month: 1, day: 5))
        #expect(Self.reasons(Self.candidate(v)) == [.hoursThisMonth(minutes: 0)])
    }

    @Test("escorts with this household before: 10, then 5 more each, at most 20",
          arguments: [(0, nil), (1, 10), (2, 15), (3, 20), (5, 20), (12, 20)] as [(Int, Int?)])
    func escortedBefore(times: Int, points: Int?) {
        let c = Self.candidate(M.volunteer(1, dong: pyeongchon), load: VolunteerLoad(escortsWithHousehold: times))
        #expect(M.points(c, .escortedBefore(times: times)) == points)
        if points == nil { #expect(!c.terms.contains { if case .escortedBefore = $0.reason { true } else { false } }) }
    }

    @Test("fewer hours this month score more: 20 less 2 a whole hour, never below 0",
          arguments: [(0, 20), (59, 20), (60, 18), (180, 14), (210, 14), (599, 2), (600, 0), (1200, 0)])
    func hoursThisMonth(minutes: Int, points: Int) {
        let c = Self.candidate(M.volunteer(1, dong: pyeongchon), load: VolunteerLoad(minutesInMonth: minutes))
        #expect(M.points(c, .hoursThisMonth(minutes: minutes)) == points)
        #expect(c.minutesInMonth == minutes)
    }

    @Test("sign language counts only for a hearing need")
    func signLanguage() {
        let hearing = M.matcher(household: M.household(needs: [.hearing]))
        let signer = M.volunteer(1, dong: pyeongchon, skills: [.signLanguage])
        #expect(M.points(Self.candidate(signer, matcher: hearing), .signLanguage) == 15)
        #expect(M.points(Self.candidate(signer), .signLanguage) == nil)
        #expect(M.points(Self.candidate(M.volunteer(2, dong: pyeongchon), matcher: hearing), .signLanguage) == nil)
    }

    @Test("any spoken language counts for a language need")
    func speaksLanguage() {
        let language = M.matcher(household: M.household(needs: [.language]))
        let speaker = M.volunteer(1, dong: pyeongchon, skills: [.language("vi")])
        #expect(M.points(Self.candidate(speaker, matcher: language), .speaksLanguage) == 15)
        #expect(M.points(Self.candidate(speaker), .speaksLanguage) == nil)
        #expect(M.points(Self.candidate(M.volunteer(2, dong: pyeongchon, skills: [.signLanguage]), matcher: language), .speaksLanguage) == nil)
    }

    @Test("a care worker counts for a cognitive or vision need, once", arguments: [
        ([Need.cognitive], 10), ([.vision], 10), ([.cognitive, .vision], 10), ([.hearing], nil), ([], nil),
    ] as [([Need], Int?)])
    func careWorker(needs: [Need], points: Int?) {
        let m = M.matcher(household: M.household(needs: Set(needs)))
        let c = Self.candidate(M.volunteer(1, dong: pyeongchon, skills: [.careWorker]), matcher: m)
        #expect(M.points(c, .careWorker) == points)
        #expect(c.terms.filter { $0.reason == .careWorker }.count == (points == nil ? 0 : 1))
    }

    @Test("wheelchair skill counts for a walker or a wheelchair", arguments: [
        (Mobility.none, nil), (.cane, nil), (.walker, 5), (.wheelchair, 5),
    ] as [(Mobility, Int?)])
    func wheelchairCapable(mobility: Mobility, points: Int?) {
        let m = M.matcher(household: M.household(mobility: mobility))
        let c = Self.candidate(M.volunteer(1, dong: pyeongchon, skills: [.wheelchair]), matcher: m)
        #expect(M.points(c, .wheelchairCapable) == points)
    }

    @Test("a car counts only when the transport is the volunteer's car")
    func hasCar() {
        let driver = M.volunteer(1, dong: pyeongchon, hasCar: true)
        #expect(M.points(Self.candidate(driver, matcher: M.matcher(request: M.request(transport: .volunteerCar))), .hasCar) == 10)
        #expect(M.points(Self.candidate(driver, matcher: M.matcher(request: M.request(transport: .taxi))), .hasCar) == nil)
    }

    @Test("the score is the sum of the terms, and excluded candidates are scored too")
    func scoreIsSum() {
        let m = M.matcher(household: M.household(mobility: .wheelchair, needs: [.hearing, .cognitive, .language]),
                          request: M.request(transport: .volunteerCar))
        let v = M.volunteer(1, dong: seokSu2, skills: [.wheelchair, .signLanguage, .careWorker, .language("en")], hasCar: true)
        let c = Self.candidate(v, load: VolunteerLoad(minutesInMonth: 240, escortsWithHousehold: 2), matcher: m)
        #expect(Self.reasons(c) == [.sameDong, .escortedBefore(times: 2), .hoursThisMonth(minutes: 240), .signLanguage,
                                    .speaksLanguage, .careWorker, .wheelchairCapable, .hasCar])
        #expect(c.score == 30 + 15 + 12 + 15 + 15 + 10 + 5 + 10)
        #expect(c.score == c.terms.map(\.points).reduce(0, +))
        let closed = Self.candidate(M.volunteer(2, dong: seokSu2, closed: true))
        #expect(closed.score == 50)
        #expect(!closed.isEligible)
    }

    // MARK: Ranking

    @Test("eligible: score first, then fewer minutes this month, then id")
    func rankEligible() {
        let pool: [(Volunteer, VolunteerLoad)] = [
            (M.volunteer(20, dong: pyeongchon), VolunteerLoad()),                 // 20
            (M.volunteer(12, dong: anyang2), VolunteerLoad()),                    // 30
            (M.volunteer(11, dong: seokSu2), VolunteerLoad(minutesInMonth: 170)), // 30 + 16
            (M.volunteer(5, dong: anyang2), VolunteerLoad()),                     // 30
            (M.volunteer(10, dong: seokSu2), VolunteerLoad(minutesInMonth: 130)), // 30 + 16
        ]
        let ranking = M.matcher().rank(pool)
        #expect(ranking.eligible.map(\.id) == [10, 11, 5, 12, 20])
        #expect(ranking.eligible.map(\.score) == [46, 46, 30, 30, 20])
        #expect(ranking.excluded.isEmpty)
        #expect(M.matcher().rank(pool.reversed()).eligible.map(\.id) == [10, 11, 5, 12, 20])
    }

    @Test("excluded: overridable first, then fewest exclusions, then score, then id")
    func rankExcluded() {
        let day = CivilDate(year: 2026, month: 11, day: 30)
        let pool: [(Volunteer, VolunteerLoad)] = [
            (M.volunteer(30, dong: seokSu2, closed: true), VolunteerLoad()),                          // hard, 1
            (M.volunteer(31, dong: pyeongchon), VolunteerLoad(minutesInWeek: 400)),                   // soft, 1, 20
            (M.volunteer(32, dong: seokSu2, daysOff: [DayOff(from: day, to: day)]),
             VolunteerLoad(minutesInWeek: 400)),                                                       // soft, 2
            (M.volunteer(33, dong: seokSu2), VolunteerLoad(minutesInWeek: 400)),                      // soft, 1, 50
            (M.volunteer(29, dong: pyeongchon), VolunteerLoad(minutesInWeek: 400)),                   // soft, 1, 20
            (M.volunteer(1, dong: pyeongchon), VolunteerLoad()),                                      // eligible
        ]
        let ranking = M.matcher().rank(pool)
        #expect(ranking.eligible.map(\.id) == [1])
        #expect(ranking.excluded.map(\.id) == [33, 29, 31, 32, 30])
        #expect(ranking.excluded.map(\.isOverridable) == [true, true, true, true, false])
    }

    // MARK: Reasons in words

    @Test("score reasons read in Korean and English")
    func reasonPhrases() {
        let cases: [(ScoreTerm.Reason, String, String)] = [
            (.sameDong, "같은 동", "same dong"),
            (.sameGu, "같은 구", "same gu"),
            (.escortedBefore(times: 2), "이 대상자와 2회 동행", "escorted this household 2×"),
            (.hoursThisMonth(minutes: 180), "이번 달 3시간", "3 h this month"),
            (.hoursThisMonth(minutes: 210), "이번 달 3시간 30분", "3 h 30 min this month"),
            (.hoursThisMonth(minutes: 45), "이번 달 45분", "45 min this month"),
            (.signLanguage, "수어 가능", "signs"),
            (.speaksLanguage, "외국어 가능", "speaks the language"),
            (.careWorker, "요양보호사", "care worker"),
            (.wheelchairCapable, "휠체어 가능", "wheelchair-capable"),
            (.hasCar, "차량 보유", "has a car"),
        ]
        for (reason, ko, en) in cases {
            #expect(DomainPhrases.reason(reason).text(.ko) == ko)
            #expect(DomainPhrases.reason(reason).text(.en) == en)
        }
    }

    @Test("exclusions read in Korean and English, times in the calendar's zone")
    func exclusionPhrases() {
        let cases: [(Exclusion, String, String)] = [
            (.closed, "활동 종료", "no longer active"),
            (.overlap(M.span(10, 0, 12, 0)), "겹치는 일정 10:00–12:00", "busy 10:00–12:00"),
            (.needsWheelchairSkill, "휠체어 보조 불가", "no wheelchair skill"),
            (.needsCar, "차량 없음", "no car"),
            (.outsideAvailability, "활동 시간 외", "outside their hours"),
            (.dayOff(CivilDate(year: 2026, month: 11, day: 28)), "휴무 (2026-11-28부터)", "day off (from 2026-11-28)"),
            (.genderPreference(.female), "여성 봉사자 희망", "household asks for a female volunteer"),
            (.genderPreference(.male), "남성 봉사자 희망", "household asks for a male volunteer"),
            (.weeklyCap(usedMinutes: 420, capMinutes: 480), "주간 한도 초과 (7시간/8시간)", "over weekly cap (7 h/8 h)"),
            (.weeklyCap(usedMinutes: 450, capMinutes: 480), "주간 한도 초과 (7시간 30분/8시간)", "over weekly cap (7 h 30 min/8 h)"),
        ]
        for (exclusion, ko, en) in cases {
            let phrase = DomainPhrases.exclusion(exclusion, calendar: seoul)
            #expect(phrase.ko == ko)
            #expect(phrase.en == en)
        }
    }

    @Test("a real candidate's reasons render")
    func candidateRenders() {
        let c = Self.candidate(M.volunteer(1, dong: seokSu2), load: VolunteerLoad(busy: [M.span(11, 0, 13, 0)], minutesInMonth: 180))
        #expect(c.terms.map { DomainPhrases.reason($0.reason).ko } == ["같은 동", "이번 달 3시간"])
        #expect(c.exclusions.map { DomainPhrases.exclusion($0, calendar: seoul).ko } == ["겹치는 일정 11:00–13:00"])
    }
}
