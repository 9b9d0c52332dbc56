import Foundation

/// The rules of matching, each written once, over a packed `MatchPool`: one request's
/// facts worked out as the pool's numbers, and `apply`, the table itself. The same entries
/// give the numbers that rank 20,000 volunteers (`RuleTally`) and the reasons in words of
/// the few that are kept and of the store's assign check (`RuleReasons`).
struct RuleTable {
    let pool: MatchPool
    let loads: PoolLoads
    // The household and the request, as this pool's numbers.
    let householdDong: Int32
    let householdGu: Int32
    // What the household needs, as masks of the volunteer flags that answer it: an entry reads
    // `flags & mask`, arithmetic rather than a branch per volunteer, which a random pool would
    // mispredict often. An empty mask is a need the household does not have.
    let wheelchairSkillNeeded: UInt16
    let carNeeded: UInt16
    let signingWanted: UInt16
    let languageWanted: UInt16
    let careWanted: UInt16
    let walkingAidWanted: UInt16
    /// The wanted gender fails when `flags & genderMask != wantedMaleFlag`; no preference, no mask.
    let genderMask: UInt16
    let wantedMaleFlag: UInt16
    let wantedGender: Gender?
    let dayNumber: Int32
    let weekday: Int16
    let startMinute: Int
    let endMinute: Int
    let withinOneDay: Bool
    let expectedMinutes: Int
    let span: TimeSpan
    let travelBuffer: TimeInterval

    init(_ matcher: Matcher, pool: MatchPool, loads: PoolLoads) {
        self.pool = pool
        self.loads = loads
        let household = matcher.household, request = matcher.request
        // -2 matches no volunteer: a household without a gu has no "same gu".
        householdDong = pool.dongNumbers[household.dongCode] ?? -2
        householdGu = matcher.householdGu.flatMap { pool.guNumbers[$0] } ?? -2
        typealias Flag = MatchPool.Flag
        wheelchairSkillNeeded = household.mobility == .wheelchair ? Flag.wheelchair : 0
        carNeeded = request.transport.needsVolunteerCar ? Flag.car : 0
        signingWanted = matcher.needsSigning ? Flag.signLanguage : 0
        languageWanted = matcher.needsLanguage ? Flag.language : 0
        careWanted = matcher.needsCare ? Flag.careWorker : 0
        walkingAidWanted = matcher.usesWalkingAid ? Flag.wheelchair : 0
        genderMask = household.preferredVolunteerGender == nil ? 0 : Flag.male
        wantedMaleFlag = household.preferredVolunteerGender == .male ? Flag.male : 0
        wantedGender = household.preferredVolunteerGender
        dayNumber = MatchPool.dayNumber(matcher.day)
        weekday = Int16(matcher.weekday.rawValue)
        startMinute = matcher.startMinute
        endMinute = matcher.endMinute
        withinOneDay = matcher.withinOneDay
        expectedMinutes = request.expectedMinutes
        span = matcher.span
        travelBuffer = matcher.rules.travelBuffer
    }

    /// The table: every rule once, in the order its reasons are listed. An entry is the
    /// rule's name, its test on the volunteer at `index`, and its reason in words.
    @inline(__always)
    func apply<Reader: RuleReader>(_ index: Int, _ reader: inout Reader) {
        let profile = pool.profiles[index]
        let flags = profile.flags
        typealias Flag = MatchPool.Flag
        typealias Points = Matcher.Points

        // Hard filters.
        reader.filter(.closed, fails: flags & Flag.closed != 0, because: .closed)
        reader.filter(.overlap, found: clash(at: index)) { .overlap($0) }
        reader.filter(.wheelchairSkill, fails: flags & wheelchairSkillNeeded != wheelchairSkillNeeded, because: .needsWheelchairSkill)
        reader.filter(.car, fails: flags & carNeeded != carNeeded, because: .needsCar)
        reader.filter(.availability, fails: !covers(profile), because: .outsideAvailability)
        reader.filter(.dayOff, found: dayOff(profile)) { slot in
            .dayOff(pool.volunteers[index].daysOff[slot - Int(profile.dayOffStart)].from)
        }
        reader.filter(.genderPreference, found: flags & genderMask != wantedMaleFlag ? wantedGender : nil) {
            .genderPreference($0)
        }
        let week = Int(loads.minutesInWeek[index]), cap = Int(profile.weeklyCapMinutes)
        reader.filter(.weeklyCap, fails: week + expectedMinutes > cap, because: .weeklyCap(usedMinutes: week, capMinutes: cap))

        // Terms of the score.
        let sameDong = profile.dong == householdDong
        reader.term(.sameDong, applies: sameDong, points: Points.sameDong, because: .sameDong)
        reader.term(.sameGu, applies: !sameDong && profile.gu == householdGu, points: Points.sameGu, because: .sameGu)
        let times = Int(loads.escortsWithHousehold[index])
        reader.term(.escortedBefore, applies: times > 0,
                    points: min(Points.escortedBeforeMax, Points.escortedBeforeFirst + Points.escortedBeforeEach * (times - 1)),
                    because: .escortedBefore(times: times))
        // Fewest hours this month: spreads the work and keeps volunteers from burning out.
        let month = Int(loads.minutesInMonth[index])
        reader.term(.hoursThisMonth, applies: true, points: max(0, Points.fewHoursMax - Points.fewHoursPerHour * (month / 60)),
                    because: .hoursThisMonth(minutes: month))
        reader.term(.signLanguage, applies: flags & signingWanted != 0, points: Points.signLanguage, because: .signLanguage)
        reader.term(.speaksLanguage, applies: flags & languageWanted != 0, points: Points.speaksLanguage, because: .speaksLanguage)
        reader.term(.careWorker, applies: flags & careWanted != 0, points: Points.careWorker, because: .careWorker)
        reader.term(.wheelchairCapable, applies: flags & walkingAidWanted != 0, points: Points.wheelchairCapable,
                    because: .wheelchairCapable)
        reader.term(.hasCar, applies: flags & carNeeded != 0, points: Points.hasCar, because: .hasCar)
    }

    /// The volunteer's first active escort that leaves no travel time around the request.
    @inline(__always)
    func clash(at index: Int) -> TimeSpan? {
        guard loads.hasBusy[index], let spans = loads.busy[index] else { return nil }
        return spans.first { $0.conflicts(with: span, buffer: travelBuffer) }
    }

    /// Whether one weekly window holds the whole escort; one that crosses midnight never fits.
    @inline(__always)
    func covers(_ profile: MatchPool.Profile) -> Bool {
        guard withinOneDay else { return false }
        let first = Int(profile.windowStart)
        for slot in first..<(first + Int(profile.windowCount)) {
            let window = pool.windows[slot]
            if window.weekday == weekday && Int(window.start) <= startMinute && endMinute <= Int(window.end) { return true }
        }
        return false
    }

    /// The slot of the first day off that holds the request's day.
    @inline(__always)
    func dayOff(_ profile: MatchPool.Profile) -> Int? {
        let first = Int(profile.dayOffStart)
        for slot in first..<(first + Int(profile.dayOffCount))
        where pool.daysOff[slot].from <= dayNumber && dayNumber <= pool.daysOff[slot].to {
            return slot
        }
        return nil
    }

    /// The full candidate, with its reasons in words, for the volunteer at `index`.
    func candidate(at index: Int) -> Candidate {
        var reasons = RuleReasons()
        apply(index, &reasons)
        return Candidate(volunteer: pool.volunteers[index], score: reasons.terms.reduce(0) { $0 + $1.points }, terms: reasons.terms,
                         exclusions: reasons.exclusions, minutesInMonth: Int(loads.minutesInMonth[index]))
    }
}
