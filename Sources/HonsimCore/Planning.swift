import Foundation

/// One line of a plan: this volunteer for this request.
public struct PlanProposal: Sendable, Hashable {
    public var request: EscortRequest
    public var candidate: Candidate

    public init(request: EscortRequest, candidate: Candidate) {
        self.request = request
        self.candidate = candidate
    }
}

/// A proposed assignment of volunteers to pending requests, for a coordinator to accept
/// whole, in part or not at all. No volunteer appears twice, and every proposal keeps
/// every rule (hard and soft), so accepting any part of it needs no override.
public struct Plan: Sendable, Hashable {
    /// By appointment time.
    public var proposals: [PlanProposal]
    /// Requests nobody eligible was left for, by appointment time.
    public var unassigned: [EscortRequest]
    /// The sum of the proposals' scores.
    public var totalScore: Int

    public init(proposals: [PlanProposal] = [], unassigned: [EscortRequest] = [], totalScore: Int = 0) {
        self.proposals = proposals
        self.unassigned = unassigned
        self.totalScore = totalScore
    }

    /// What the planner maximises, in order: requests assigned, urgent requests assigned,
    /// the total score. Comparable, so two plans can be compared as the planner does.
    public func objective(now: Date) -> PlanObjective {
        PlanObjective(assigned: proposals.count, urgentAssigned: proposals.filter { $0.request.isUrgent(now: now) }.count,
                      totalScore: totalScore)
    }
}

/// A plan's worth, compared field by field: more requests assigned always wins, then more
/// urgent ones, then the higher total score.
public struct PlanObjective: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var assigned: Int
    public var urgentAssigned: Int
    public var totalScore: Int

    public init(assigned: Int, urgentAssigned: Int, totalScore: Int) {
        self.assigned = assigned
        self.urgentAssigned = urgentAssigned
        self.totalScore = totalScore
    }

    public static func < (a: PlanObjective, b: PlanObjective) -> Bool {
        (a.assigned, a.urgentAssigned, a.totalScore) < (b.assigned, b.urgentAssigned, b.totalScore)
    }

    public var description: String { "\(assigned) assigned (\(urgentAssigned) urgent), score \(totalScore)" }
}

/// A pending request and the volunteers who may take it: Matcher's eligible candidates,
/// every rule kept, none overridden.
public struct PlanOption: Sendable, Hashable {
    public var request: EscortRequest
    public var candidates: [Candidate]

    public init(request: EscortRequest, candidates: [Candidate]) {
        self.request = request
        self.candidates = candidates
    }
}

/// Planning: which volunteer for each pending request of the next days.
///
/// The model: each volunteer takes at most one request in a plan. That spreads the work,
/// and it makes the proposals independent of each other (two escorts of one volunteer could
/// overlap or pass the weekly cap together), so the coordinator may accept any part of a
/// plan and every accepted line still holds. It also makes planning an assignment problem,
/// which has an exact optimum (see `AssignmentSolver`).
///
/// The objective, exact and in this order (see `PlanObjective`): as many requests assigned
/// as possible; among those plans, as many urgent requests (appointment within 48 hours)
/// as possible; among those, the highest total score. Each edge weighs
/// `big + (urgent ? middle : 0) + score`, with `middle` larger than any total of scores and
/// `big` larger than any total of the rest, so the single sum orders plans exactly so.
/// The first two never pull against each other: whatever set of urgent requests some plan
/// covers, a plan with the most requests assigned can cover it too (the requests a matching
/// can cover form a matroid), so "most assigned, then most urgent" loses nothing urgent.
public enum Planner {
    /// A volunteer who may take a request, as the solver sees it.
    public struct Choice: Sendable, Hashable {
        public var volunteerID: Int64
        public var score: Int

        public init(volunteerID: Int64, score: Int) {
            self.volunteerID = volunteerID
            self.score = score
        }
    }

    /// The optimal plan over the options' eligible candidates.
    public static func plan(_ options: [PlanOption], now: Date) -> Plan {
        let eligible = options.map { $0.candidates.filter(\.isEligible) }
        let picks = choose(requests: options.map(\.request),
                           choices: eligible.map { $0.map { Choice(volunteerID: $0.id, score: $0.score) } }, now: now)
        return assemble(options.map(\.request), picks: picks) { row, index in eligible[row][index] }
    }

    /// The greedy baseline a person would follow: requests in appointment order, each taking
    /// its best remaining candidate. Kept to compare the planner against, in tests and
    /// benchmarks; the planner is never worse.
    public static func greedy(_ options: [PlanOption], now: Date) -> Plan {
        let order = options.indices.sorted { inOrder(options[$0].request, options[$1].request) }
        var taken = Set<Int64>()
        var picks = [Int?](repeating: nil, count: options.count)
        for row in order {
            let candidates = options[row].candidates
            var best: Int?
            for index in candidates.indices where candidates[index].isEligible && !taken.contains(candidates[index].id) {
                if let current = best, !ranksBefore(candidates[index], candidates[current]) { continue }
                best = index
            }
            if let best {
                picks[row] = best
                taken.insert(candidates[best].id)
            }
        }
        return assemble(options.map(\.request), picks: picks) { row, index in options[row].candidates[index] }
    }

    /// The solver's part: for each request, the index of its chosen choice, or nil. Callers
    /// that rank thousands of volunteers pass plain scores and build full candidates (with
    /// their reasons in words) only for what is chosen.
    public static func choose(requests: [EscortRequest], choices: [[Choice]], now: Date) -> [Int?] {
        precondition(requests.count == choices.count, "one list of choices per request")
        var columnOf: [Int64: Int] = [:]
        var lowest = Int.max, highest = Int.min
        for list in choices {
            for choice in list {
                if columnOf[choice.volunteerID] == nil { columnOf[choice.volunteerID] = columnOf.count }
                lowest = min(lowest, choice.score)
                highest = max(highest, choice.score)
            }
        }
        guard !columnOf.isEmpty else { return Array(repeating: nil, count: requests.count) }
        // Scores are shifted to start at 0: among plans that assign the same number of
        // requests, the shift adds the same amount to each, so the order is unchanged.
        let rows = requests.count
        let scoreRange = highest - lowest
        let middle = rows * scoreRange + 1
        let big = (rows + 1) * middle
        let edges = zip(requests, choices).map { request, list in
            let urgentBonus = request.isUrgent(now: now) ? middle : 0
            return list.map { choice in
                AssignmentSolver.Edge(column: columnOf[choice.volunteerID] ?? 0, weight: big + urgentBonus + choice.score - lowest)
            }
        }
        let columns = AssignmentSolver.maximumWeight(edges: edges, columns: columnOf.count)
        // Back from columns to the index of the choice in each request's list.
        return zip(columns, choices).map { column, list in
            guard let column else { return nil }
            // Of two choices of the same volunteer for one request the solver used the better.
            var best: Int?
            for index in list.indices where columnOf[list[index].volunteerID] == column {
                if let current = best, list[current].score >= list[index].score { continue }
                best = index
            }
            return best
        }
    }

    /// A plan from the picks: proposals and the unassigned, each by appointment time.
    public static func assemble(_ requests: [EscortRequest], picks: [Int?], candidate: (Int, Int) throws -> Candidate) rethrows -> Plan {
        var plan = Plan()
        for row in requests.indices {
            if let index = picks[row] {
                let chosen = try candidate(row, index)
                plan.proposals.append(PlanProposal(request: requests[row], candidate: chosen))
                plan.totalScore += chosen.score
            } else {
                plan.unassigned.append(requests[row])
            }
        }
        plan.proposals.sort { inOrder($0.request, $1.request) }
        plan.unassigned.sort(by: inOrder)
        return plan
    }

    static func inOrder(_ a: EscortRequest, _ b: EscortRequest) -> Bool {
        a.appointmentAt != b.appointmentAt ? a.appointmentAt < b.appointmentAt : a.id < b.id
    }

    /// Matcher's order: higher score, then fewer minutes this month, then the lower id.
    static func ranksBefore(_ a: Candidate, _ b: Candidate) -> Bool {
        if a.score != b.score { return a.score > b.score }
        if a.minutesInMonth != b.minutesInMonth { return a.minutesInMonth < b.minutesInMonth }
        return a.id < b.id
    }
}
