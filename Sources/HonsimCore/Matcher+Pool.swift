import Foundation

/// Ranking over a prepared `MatchPool`: the rules of `visitExclusions` and `visitTerms`
/// worked out on numbers first, for every volunteer, and the reasons in words only for the
/// candidates that are kept. The two must agree; a test holds them to it on random pools.
extension Matcher {
    /// One volunteer's verdict as a few numbers.
    struct Verdict {
        var index: Int
        var exclusions: Int
        var overridable: Bool
        var score: Int
        var minutesInMonth: Int
        var id: Int64
    }

    /// Ranks the pool: the eligible best first, then up to `nearMissLimit` near-misses.
    public func rank(pool: MatchPool, loads: PoolLoads, nearMissLimit: Int = .max) -> Ranking {
        var eligible: [Verdict] = []
        var excluded: [Verdict] = []
        excluded.reserveCapacity(pool.count)
        judge(pool, loads) { verdict in
            if verdict.exclusions == 0 { eligible.append(verdict) } else { excluded.append(verdict) }
        }
        eligible.sort { a, b in
            if a.score != b.score { return a.score > b.score }
            if a.minutesInMonth != b.minutesInMonth { return a.minutesInMonth < b.minutesInMonth }
            return a.id < b.id
        }
        // Near-misses that an override could still use come first, then those missing by least.
        let before = { (a: Verdict, b: Verdict) -> Bool in
            if a.overridable != b.overridable { return a.overridable }
            if a.exclusions != b.exclusions { return a.exclusions < b.exclusions }
            if a.score != b.score { return a.score > b.score }
            return a.id < b.id
        }
        // When only the best few are kept, they are selected rather than all sorted.
        var nearMisses: [Verdict] = []
        if nearMissLimit >= excluded.count { nearMisses = excluded.sorted(by: before) }
        for verdict in excluded where nearMissLimit < excluded.count {
            if nearMisses.count == nearMissLimit, let worst = nearMisses.last, !before(verdict, worst) { continue }
            var low = 0, high = nearMisses.count
            while low < high {
                let middle = (low + high) / 2
                if before(nearMisses[middle], verdict) { low = middle + 1 } else { high = middle }
            }
            nearMisses.insert(verdict, at: low)
            if nearMisses.count > nearMissLimit { nearMisses.removeLast() }
        }
        let candidate = { (verdict: Verdict) in evaluate(pool: pool, index: verdict.index, loads: loads) }
        return Ranking(eligible: eligible.map(candidate), excluded: nearMisses.map(candidate))
    }

    /// The eligible volunteers (every rule kept) with their scores, in pool order, without
    /// building candidates: what planning hundreds of requests at once needs.
    public func eligibleScores(pool: MatchPool, loads: PoolLoads) -> [(index: Int, score: Int)] {
        var found: [(index: Int, score: Int)] = []
        judge(pool, loads) { verdict in
            if verdict.exclusions == 0 { found.append((verdict.index, verdict.score)) }
        }
        return found
    }

    /// The full candidate, with its reasons, for one volunteer of the pool.
    public func evaluate(pool: MatchPool, index: Int, loads: PoolLoads) -> Candidate {
        evaluate(pool.volunteers[index], load: loads.load(at: index))
    }

    /// Works out every volunteer's verdict: the same rules, in the same terms, as
    /// `visitExclusions` and `visitTerms`, on the pool's numbers.
    func judge(_ pool: MatchPool, _ loads: PoolLoads, _ body: (Verdict) -> Void) {
        let householdDong = pool.dongNumbers[household.dongCode] ?? -2
        // -2 matches no volunteer: a household without a gu has no "same gu".
        let householdGu = self.householdGu.flatMap { pool.guNumbers[$0] } ?? -2
        let wantsWheelchairSkill = household.mobility == .wheelchair
        let needsCar = request.transport.needsVolunteerCar
        let wantedGender = household.preferredVolunteerGender.map { $0 == .male ? MatchPool.Flag.male : 0 }
        let dayNumber = MatchPool.dayNumber(day)
        let weekdayNumber = Int16(weekday.rawValue)
        let expected = request.expectedMinutes
        let buffer = rules.travelBuffer
        let profiles = pool.profiles, windows = pool.windows, daysOff = pool.daysOff, ids = pool.ids
        let week = loads.minutesInWeek, month = loads.minutesInMonth
        let escorts = loads.escortsWithHousehold, hasBusy = loads.hasBusy
        for index in profiles.indices {
            let profile = profiles[index]
            let flags = profile.flags
            var count = 0, overridable = true
            // Never overridable: closed, an overlapping escort, wheelchair skill, a car.
            if flags & MatchPool.Flag.closed != 0 { count += 1; overridable = false }
            if hasBusy[index], let spans = loads.busy[index],
               spans.contains(where: { $0.conflicts(with: span, buffer: buffer) }) {
                count += 1
                overridable = false
            }
            if wantsWheelchairSkill && flags & MatchPool.Flag.wheelchair == 0 { count += 1; overridable = false }
            if needsCar && flags & MatchPool.Flag.car == 0 { count += 1; overridable = false }
            // Overridable: the weekly hours, a day off, the preferred gender, the weekly cap.
            var covered = false
            if withinOneDay {
                let first = Int(profile.windowStart), last = first + Int(profile.windowCount)
                for slot in first..<last {
                    let window = windows[slot]
                    if window.weekday == weekdayNumber && Int(window.start) <= startMinute && endMinute <= Int(window.end) {
                        covered = true
                        break
                    }
                }
            }
            if !covered { count += 1 }
            let firstOff = Int(profile.dayOffStart)
            for slot in firstOff..<(firstOff + Int(profile.dayOffCount))
            where daysOff[slot].from <= dayNumber && dayNumber <= daysOff[slot].to {
                count += 1
                break
            }
            if let wantedGender, flags & MatchPool.Flag.male != wantedGender { count += 1 }
            if Int(week[index]) + expected > Int(profile.weeklyCapMinutes) { count += 1 }

            var score = 0
            if profile.dong == householdDong {
                score += Points.sameDong
            } else if profile.gu == householdGu {
                score += Points.sameGu
            }
            let times = Int(escorts[index])
            if times > 0 {
                score += min(Points.escortedBeforeMax, Points.escortedBeforeFirst + Points.escortedBeforeEach * (times - 1))
            }
            let minutesInMonth = Int(month[index])
            score += max(0, Points.fewHoursMax - Points.fewHoursPerHour * (minutesInMonth / 60))
            if needsSigning && flags & MatchPool.Flag.signLanguage != 0 { score += Points.signLanguage }
            if needsLanguage && flags & MatchPool.Flag.language != 0 { score += Points.speaksLanguage }
            if needsCare && flags & MatchPool.Flag.careWorker != 0 { score += Points.careWorker }
            if usesWalkingAid && flags & MatchPool.Flag.wheelchair != 0 { score += Points.wheelchairCapable }
            if needsCar && flags & MatchPool.Flag.car != 0 { score += Points.hasCar }
            body(Verdict(index: index, exclusions: count, overridable: overridable, score: score,
                         minutesInMonth: minutesInMonth, id: ids[index]))
        }
    }
}
