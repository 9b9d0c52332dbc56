import Foundation

/// Ranking over a prepared `MatchPool`: the rule table read as numbers first, for every
/// volunteer, and as reasons in words only for the candidates that are kept.
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

    /// Who a ranking shows, by pool index: the eligible best first, then the near-misses.
    public struct Shortlist: Sendable {
        /// The best of the eligible, best first, up to the limit asked for.
        public var eligible: [Int]
        public var nearMisses: [Int]
        /// Every eligible volunteer, listed or not.
        public var eligibleCount: Int

        /// The ids of the volunteers it shows, whose full records make its candidates.
        public func volunteerIDs(in pool: MatchPool) -> [Int64] { (eligible + nearMisses).map { pool.ids[$0] } }
    }

    /// Ranks a pool of full records: up to `eligibleLimit` of the eligible, best first, then up
    /// to `nearMissLimit` near-misses.
    public func rank(pool: MatchPool, loads: PoolLoads, eligibleLimit: Int = .max, nearMissLimit: Int = .max) -> Ranking {
        precondition(pool.records.count == pool.count, "a pool made from columns alone takes its records from the caller")
        let list = shortlist(pool: pool, loads: loads, eligibleLimit: eligibleLimit, nearMissLimit: nearMissLimit)
        return ranking(list, pool: pool, loads: loads) { pool.records[$0] }
    }

    /// The same from the pool's columns alone: who is shown, without their records.
    public func shortlist(pool: MatchPool, loads: PoolLoads, eligibleLimit: Int = .max, nearMissLimit: Int = .max) -> Shortlist {
        // Near-misses that an override could still use come first, then those missing by least.
        let before = { (a: Verdict, b: Verdict) -> Bool in
            if a.overridable != b.overridable { return a.overridable }
            if a.exclusions != b.exclusions { return a.exclusions < b.exclusions }
            if a.score != b.score { return a.score > b.score }
            return a.id < b.id
        }
        // When only the best few near-misses are kept, they are selected as the verdicts come
        // rather than all kept and sorted: a city's excluded are most of its 20,000.
        let keepsAll = nearMissLimit >= pool.count
        var eligible: [Verdict] = []
        var nearMisses: [Verdict] = []
        judge(RuleTable(self, pool: pool, loads: loads)) { verdict in
            if verdict.exclusions == 0 {
                eligible.append(verdict)
            } else if keepsAll {
                nearMisses.append(verdict)
            } else if nearMissLimit > 0, nearMisses.count < nearMissLimit || before(verdict, nearMisses[nearMisses.count - 1]) {
                var low = 0, high = nearMisses.count
                while low < high {
                    let middle = (low + high) / 2
                    if before(nearMisses[middle], verdict) { low = middle + 1 } else { high = middle }
                }
                nearMisses.insert(verdict, at: low)
                if nearMisses.count > nearMissLimit { nearMisses.removeLast() }
            }
        }
        if keepsAll { nearMisses.sort(by: before) }
        eligible.sort { a, b in
            if a.score != b.score { return a.score > b.score }
            if a.minutesInMonth != b.minutesInMonth { return a.minutesInMonth < b.minutesInMonth }
            return a.id < b.id
        }
        // All are sorted, a few thousand numbers at most; only the listed become candidates,
        // each with its reasons in words and its full record.
        return Shortlist(eligible: eligible.prefix(max(0, eligibleLimit)).map(\.index), nearMisses: nearMisses.map(\.index),
                         eligibleCount: eligible.count)
    }

    /// The shortlist's candidates with their reasons in words; `record` gives the full record
    /// of the volunteer at a pool index (one it lacks is left out: it was not there to rank).
    public func ranking(_ list: Shortlist, pool: MatchPool, loads: PoolLoads, record: (Int) -> Volunteer?) -> Ranking {
        let table = RuleTable(self, pool: pool, loads: loads)
        let eligible = list.eligible.compactMap { index in record(index).map { table.candidate(at: index, volunteer: $0) } }
        // One listed but without a record was not there to rank: not counted either.
        return Ranking(eligible: eligible,
                       excluded: list.nearMisses.compactMap { index in record(index).map { table.candidate(at: index, volunteer: $0) } },
                       eligibleCount: list.eligibleCount - (list.eligible.count - eligible.count))
    }

    /// The eligible volunteers (every rule kept) with their scores, in pool order, without
    /// building candidates: what planning hundreds of requests at once needs.
    public func eligibleScores(pool: MatchPool, loads: PoolLoads) -> [(index: Int, score: Int)] {
        var found: [(index: Int, score: Int)] = []
        judge(RuleTable(self, pool: pool, loads: loads)) { verdict in
            if verdict.exclusions == 0 { found.append((verdict.index, verdict.score)) }
        }
        return found
    }

    /// The full candidate, with its reasons, for one volunteer of the pool, whose record is `volunteer`.
    public func evaluate(pool: MatchPool, index: Int, volunteer: Volunteer, loads: PoolLoads) -> Candidate {
        RuleTable(self, pool: pool, loads: loads).candidate(at: index, volunteer: volunteer)
    }

    /// Every volunteer's verdict, as numbers, in pool order.
    func judge(_ pool: MatchPool, _ loads: PoolLoads, _ body: (Verdict) -> Void) {
        judge(RuleTable(self, pool: pool, loads: loads), body)
    }

    func judge(_ table: RuleTable, _ body: (Verdict) -> Void) {
        let minutesInMonth = table.loads.minutesInMonth, ids = table.pool.ids
        for index in ids.indices {
            var tally = RuleTally()
            table.apply(index, &tally)
            body(Verdict(index: index, exclusions: tally.exclusions, overridable: tally.overridable, score: tally.score,
                         minutesInMonth: Int(minutesInMonth[index]), id: ids[index]))
        }
    }
}
