import Foundation

/// The rules of matching, each written once, over a packed `MatchPool`: a matcher's request
/// against the pool's numbers, and `apply`, the table itself. The same entries
/// give the numbers that rank 20,000 volunteers (`RuleTally`) and the reasons in words of
/// the few that are kept and of the store's assign check (`RuleReasons`).
struct RuleTable {
    let matcher: Matcher
    let pool: MatchPool
    let loads: PoolLoads
    /// The household's dong and gu as this pool's numbers; -2 matches no volunteer, so a
    /// household without a gu has no "same gu".
    let householdDong: Int32
    let householdGu: Int32

    init(_ matcher: Matcher, pool: MatchPool, loads: PoolLoads) {
        self.matcher = matcher
        self.pool = pool
        self.loads = loads
        householdDong = pool.dongNumbers[matcher.household.dongCode] ?? -2
        householdGu = matcher.householdGu.flatMap { pool.guNumbers[$0] } ?? -2
    }

    /// The table: every rule once, in the order its reasons are listed. An entry is the
    /// rule's name, its test on the volunteer at `index`, and its reason in words.
    @inline(__always)
    func apply<Reader: RuleReader>(_ index: Int, _ reader: inout Reader) {
        let profile = pool.profiles[index]
        let flags = profile.flags, m = matcher
        typealias Flag = MatchPool.Flag
        typealias Points = Matcher.Points

        // Hard filters.
        reader.filter(.closed, fails: flags & Flag.closed != 0, because: .closed)
        reader.filter(.overlap, found: clash(at: index)) { .overlap($0) }
        reader.filter(.wheelchairSkill, fails: flags & m.wheelchairSkillNeeded != m.wheelchairSkillNeeded, because: .needsWheelchairSkill)
        reader.filter(.car, fails: flags & m.carNeeded != m.carNeeded, because: .needsCar)
        reader.filter(.availability, fails: !covers(profile), because: .outsideAvailability)
        reader.filter(.dayOff, found: dayOff(profile)) { slot in .dayOff(MatchPool.date(dayNumber: pool.daysOff[slot].from)) }
        reader.filter(.genderPreference, found: flags & m.genderMask != m.wantedMaleFlag ? m.household.preferredVolunteerGender : nil) {
            .genderPreference($0)
        }
        let week = Int(loads.minutesInWeek[index]), cap = Int(profile.weeklyCapMinutes)
        reader.filter(.weeklyCap, fails: week + m.request.expectedMinutes > cap, because: .weeklyCap(usedMinutes: week, capMinutes: cap))
        let insuranceOverridable = m.rules.credentials.insuranceLapseOverridable
        reader.filter(.insurance, overridable: insuranceOverridable, found: profile.insuredUntil < m.dayNumber ? profile.insuredUntil : nil) { last in
            .insuranceLapsed(validUntil: MatchPool.date(dayNumber: last), overridable: insuranceOverridable)
        }

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
        reader.term(.signLanguage, applies: flags & m.signingWanted != 0, points: Points.signLanguage, because: .signLanguage)
        reader.term(.speaksLanguage, applies: flags & m.languageWanted != 0, points: Points.speaksLanguage, because: .speaksLanguage)
        reader.term(.careWorker, applies: flags & m.careWanted != 0, points: Points.careWorker, because: .careWorker)
        reader.term(.wheelchairCapable, applies: flags & m.walkingAidWanted != 0, points: Points.wheelchairCapable,
                    because: .wheelchairCapable)
        reader.term(.hasCar, applies: flags & m.carNeeded != 0, points: Points.hasCar, because: .hasCar)
        reader.term(.seriesVolunteer, applies: m.seriesVolunteerID == pool.ids[index], points: Points.seriesVolunteer,
                    because: .seriesVolunteer)
        reader.term(.training, applies: profile.trainedOn < m.trainingCutoff, points: Points.trainingMissing, because: .trainingMissing)
    }

    /// The volunteer's first active escort that leaves no travel time around the request.
    @inline(__always)
    func clash(at index: Int) -> TimeSpan? {
        guard loads.hasBusy[index], let spans = loads.busy[index] else { return nil }
        return spans.first { $0.conflicts(with: matcher.span, buffer: matcher.rules.travelBuffer) }
    }

    /// Whether one weekly window holds the whole escort; one that crosses midnight never fits.
    @inline(__always)
    func covers(_ profile: MatchPool.Profile) -> Bool {
        guard matcher.withinOneDay else { return false }
        let first = Int(profile.windowStart)
        for slot in first..<(first + Int(profile.windowCount)) {
            let window = pool.windows[slot]
            if window.weekday == matcher.weekday && Int(window.start) <= matcher.startMinute && matcher.endMinute <= Int(window.end) {
                return true
            }
        }
        return false
    }

    /// The slot of the first day off that holds the request's day.
    @inline(__always)
    func dayOff(_ profile: MatchPool.Profile) -> Int? {
        let first = Int(profile.dayOffStart)
        let day = matcher.dayNumber
        for slot in first..<(first + Int(profile.dayOffCount)) where pool.daysOff[slot].from <= day && day <= pool.daysOff[slot].to {
            return slot
        }
        return nil
    }

    /// The full candidate, with its reasons in words, for the volunteer at `index`, whose
    /// record is `volunteer`.
    func candidate(at index: Int, volunteer: Volunteer) -> Candidate {
        var reasons = RuleReasons()
        apply(index, &reasons)
        return Candidate(volunteer: volunteer, score: reasons.terms.reduce(0) { $0 + $1.points }, terms: reasons.terms,
                         exclusions: reasons.exclusions, minutesInMonth: Int(loads.minutesInMonth[index]))
    }
}
