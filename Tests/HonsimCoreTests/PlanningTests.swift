import Foundation
import Testing
@testable import HonsimCore

/// A small seeded generator (xorshift64*), so a failing random case can be replayed.
struct SeededGenerator: RandomNumberGenerator {
    private var state: UInt64
    init(seed: UInt64) { state = seed == 0 ? 0x9E37_79B9_7F4A_7C15 : seed }
    mutating func next() -> UInt64 {
        state ^= state >> 12
        state ^= state << 25
        state ^= state >> 27
        return state &* 0x2545_F491_4F6C_DD1D
    }
}

/// The planner against a brute-force optimum and a greedy baseline.
@Suite("Planning")
struct PlanningTests {
    /// "Now" for urgency: requests within 48 hours of it are urgent.
    static let now = at(2026, 11, 30, 8, 0)

    static func request(_ id: Int64, hoursAhead: Int) -> EscortRequest {
        let pickup = now.addingTimeInterval(TimeInterval(hoursAhead * 3600))
        return EscortRequest(id: id, householdID: id, dongCode: seokSu2.code, hospital: "한림대학교성심병원",
                             appointmentAt: pickup.addingTimeInterval(3600), pickupAt: pickup, createdAt: now)
    }

    static func candidate(_ volunteer: Int64, score: Int, exclusions: [Exclusion] = []) -> Candidate {
        Candidate(volunteer: Volunteer(id: volunteer, dongCode: seokSu2.code, name: "봉사자\(volunteer)", gender: .female),
                  score: score, terms: [], exclusions: exclusions, minutesInMonth: 0)
    }

    static func option(_ request: EscortRequest, _ pairs: [(Int64, Int)]) -> PlanOption {
        PlanOption(request: request, candidates: pairs.map { candidate($0.0, score: $0.1) })
    }

    /// The best objective over every way of giving each request one of its eligible
    /// candidates or nobody, no volunteer twice.
    static func bruteForce(_ options: [PlanOption]) -> PlanObjective {
        var best = PlanObjective(assigned: 0, urgentAssigned: 0, totalScore: 0)
        func visit(_ row: Int, _ used: Set<Int64>, _ so: PlanObjective) {
            if row == options.count {
                best = max(best, so)
                return
            }
            visit(row + 1, used, so)
            let urgent = options[row].request.isUrgent(now: now) ? 1 : 0
            for candidate in options[row].candidates where candidate.isEligible && !used.contains(candidate.id) {
                visit(row + 1, used.union([candidate.id]),
                      PlanObjective(assigned: so.assigned + 1, urgentAssigned: so.urgentAssigned + urgent,
                                    totalScore: so.totalScore + candidate.score))
            }
        }
        visit(0, [], best)
        return best
    }

    /// What every plan must be, whatever its quality: built from the options, each volunteer
    /// at most once, only eligible candidates, every request either proposed or unassigned.
    static func expectSound(_ plan: Plan, _ options: [PlanOption], sourceLocation: SourceLocation = #_sourceLocation) {
        let volunteers = plan.proposals.map(\.candidate.id)
        #expect(Set(volunteers).count == volunteers.count, "a volunteer proposed twice", sourceLocation: sourceLocation)
        for proposal in plan.proposals {
            let option = options.first { $0.request.id == proposal.request.id }
            #expect(option?.candidates.contains(proposal.candidate) == true, sourceLocation: sourceLocation)
            #expect(proposal.candidate.isEligible, sourceLocation: sourceLocation)
        }
        let covered = plan.proposals.map(\.request.id) + plan.unassigned.map(\.id)
        #expect(covered.sorted() == options.map(\.request.id).sorted(), sourceLocation: sourceLocation)
        #expect(plan.totalScore == plan.proposals.reduce(0) { $0 + $1.candidate.score }, sourceLocation: sourceLocation)
        let times = plan.proposals.map(\.request.appointmentAt)
        #expect(times == times.sorted(), "proposals by appointment time", sourceLocation: sourceLocation)
    }

    @Test("on 600 random small cases the plan is the brute-force optimum and never worse than greedy")
    func randomCasesMatchBruteForce() {
        var generator = SeededGenerator(seed: 20_261_130)
        var greedyStrictlyWorse = 0
        for _ in 0..<600 {
            let requests = Int.random(in: 1...6, using: &generator)
            let volunteers = Int.random(in: 1...6, using: &generator)
            let density = Double.random(in: 0.2...0.9, using: &generator)
            var options: [PlanOption] = []
            for row in 0..<requests {
                // Some within 48 hours (urgent), some later; a few score ties on purpose.
                let request = Self.request(Int64(row + 1), hoursAhead: Int.random(in: 1...120, using: &generator))
                var candidates: [Candidate] = []
                for volunteer in 1...volunteers where Double.random(in: 0..<1, using: &generator) < density {
                    let score = Int.random(in: 0...12, using: &generator) * 5
                    // Now and then a near-miss, which the plan must never use.
                    let excluded = Int.random(in: 0..<8, using: &generator) == 0
                    candidates.append(Self.candidate(Int64(volunteer), score: score, exclusions: excluded ? [.outsideAvailability] : []))
                }
                options.append(PlanOption(request: request, candidates: candidates))
            }
            let plan = Planner.plan(options, now: Self.now)
            let greedy = Planner.greedy(options, now: Self.now)
            Self.expectSound(plan, options)
            Self.expectSound(greedy, options)
            #expect(plan.objective(now: Self.now) == Self.bruteForce(options))
            #expect(plan.objective(now: Self.now) >= greedy.objective(now: Self.now))
            if plan.objective(now: Self.now) > greedy.objective(now: Self.now) { greedyStrictlyWorse += 1 }
        }
        // The cases are hard enough that greedy falls short in some of them.
        #expect(greedyStrictlyWorse > 20)
    }

    @Test("greedy gives the first request its best volunteer and leaves the second with nobody")
    func greedyAssignsFewer() {
        let first = Self.request(1, hoursAhead: 72), second = Self.request(2, hoursAhead: 96)
        // 정지민 (1) is best for both, but only she can take the second.
        let options = [Self.option(first, [(1, 50), (2, 40)]), Self.option(second, [(1, 30)])]
        let greedy = Planner.greedy(options, now: Self.now)
        #expect(greedy.proposals.map(\.candidate.id) == [1])
        #expect(greedy.unassigned.map(\.id) == [2])
        let plan = Planner.plan(options, now: Self.now)
        #expect(plan.proposals.map(\.request.id) == [1, 2])
        #expect(plan.proposals.map(\.candidate.id) == [2, 1])
        #expect(plan.unassigned.isEmpty)
        #expect(plan.totalScore == 70)
        #expect(plan.objective(now: Self.now) > greedy.objective(now: Self.now))
    }

    @Test("with the same number assigned, the plan finds the higher total that greedy misses")
    func greedyScoresLess() {
        let first = Self.request(1, hoursAhead: 72), second = Self.request(2, hoursAhead: 96)
        let options = [Self.option(first, [(1, 60), (2, 50)]), Self.option(second, [(1, 60), (2, 10)])]
        #expect(Planner.greedy(options, now: Self.now).totalScore == 70)
        let plan = Planner.plan(options, now: Self.now)
        #expect(plan.totalScore == 110)
        #expect(plan.proposals.map(\.candidate.id) == [2, 1])
    }

    @Test("an urgent request gets the only volunteer even when a later one would score more")
    func urgentFirst() {
        let urgent = Self.request(1, hoursAhead: 30), later = Self.request(2, hoursAhead: 100)
        #expect(urgent.isUrgent(now: Self.now) && !later.isUrgent(now: Self.now))
        let plan = Planner.plan([Self.option(later, [(1, 80)]), Self.option(urgent, [(1, 20)])], now: Self.now)
        #expect(plan.proposals.map(\.request.id) == [1])
        #expect(plan.unassigned.map(\.id) == [2])
        #expect(plan.totalScore == 20)
    }

    @Test("more requests assigned beats a higher score")
    func countBeatsScore() {
        let first = Self.request(1, hoursAhead: 72), second = Self.request(2, hoursAhead: 96)
        // One volunteer scoring 100 on the first, or two modest ones covering both.
        let options = [Self.option(first, [(1, 100), (2, 5)]), Self.option(second, [(1, 5)])]
        let plan = Planner.plan(options, now: Self.now)
        #expect(plan.proposals.count == 2)
        #expect(plan.totalScore == 10)
    }

    @Test("a near-miss is never proposed, and a request with no one eligible stays unassigned")
    func nearMissesAreNotUsed() {
        let request = Self.request(1, hoursAhead: 72)
        let options = [PlanOption(request: request, candidates: [
            Self.candidate(1, score: 90, exclusions: [.weeklyCap(usedMinutes: 480, capMinutes: 480)]),
            Self.candidate(2, score: 90, exclusions: [.needsCar]),
        ])]
        let plan = Planner.plan(options, now: Self.now)
        #expect(plan.proposals.isEmpty)
        #expect(plan.unassigned.map(\.id) == [1])
        #expect(plan.totalScore == 0)
        #expect(Planner.plan([], now: Self.now) == Plan())
    }

    @Test("a plan orders its lines by appointment time, whatever the order of the options")
    func ordered() {
        let options = [Self.option(Self.request(3, hoursAhead: 90), [(3, 10)]),
                       Self.option(Self.request(1, hoursAhead: 50), [(1, 10)]),
                       Self.option(Self.request(2, hoursAhead: 70), [])]
        let plan = Planner.plan(options, now: Self.now)
        #expect(plan.proposals.map(\.request.id) == [1, 3])
        #expect(plan.unassigned.map(\.id) == [2])
    }
}

/// The solver alone, on plain weights: its total against every matching of small graphs.
@Suite("Assignment solver")
struct AssignmentSolverTests {
    static func total(_ edges: [[AssignmentSolver.Edge]], _ columns: [Int?]) -> Int {
        zip(edges, columns).reduce(0) { sum, pair in
            guard let column = pair.1 else { return sum }
            return sum + (pair.0.filter { $0.column == column }.map(\.weight).max() ?? 0)
        }
    }

    static func bruteForce(_ edges: [[AssignmentSolver.Edge]], row: Int = 0, used: Set<Int> = []) -> Int {
        guard row < edges.count else { return 0 }
        var best = bruteForce(edges, row: row + 1, used: used)
        for edge in edges[row] where edge.weight > 0 && !used.contains(edge.column) {
            best = max(best, edge.weight + bruteForce(edges, row: row + 1, used: used.union([edge.column])))
        }
        return best
    }

    @Test("random sparse and dense graphs: the solver's total is the maximum")
    func randomGraphs() {
        var generator = SeededGenerator(seed: 7)
        for _ in 0..<400 {
            let rows = Int.random(in: 0...7, using: &generator)
            let columns = Int.random(in: 1...7, using: &generator)
            let edges = (0..<rows).map { _ in
                (0..<columns).compactMap { column -> AssignmentSolver.Edge? in
                    Bool.random(using: &generator) ? AssignmentSolver.Edge(column: column, weight: Int.random(in: -5...40, using: &generator)) : nil
                }
            }
            let result = AssignmentSolver.maximumWeight(edges: edges, columns: columns)
            #expect(result.count == rows)
            let taken = result.compactMap { $0 }
            #expect(Set(taken).count == taken.count, "a column taken twice")
            for (row, column) in result.enumerated() {
                guard let column else { continue }
                #expect(edges[row].contains { $0.column == column && $0.weight > 0 }, "an edge that does not exist or is worth nothing")
            }
            #expect(Self.total(edges, result) == Self.bruteForce(edges))
        }
    }

    @Test("no edges, edges outside the columns and repeated edges")
    func edgeCases() {
        #expect(AssignmentSolver.maximumWeight(edges: [], columns: 3).isEmpty)
        #expect(AssignmentSolver.maximumWeight(edges: [[], []], columns: 0) == [nil, nil])
        let odd = [[AssignmentSolver.Edge(column: 5, weight: 10), AssignmentSolver.Edge(column: -1, weight: 10)]]
        #expect(AssignmentSolver.maximumWeight(edges: odd, columns: 2) == [nil])
        let repeated = [[AssignmentSolver.Edge(column: 0, weight: 3), AssignmentSolver.Edge(column: 0, weight: 9)],
                        [AssignmentSolver.Edge(column: 0, weight: 5), AssignmentSolver.Edge(column: 1, weight: 1)]]
        // 9 + 1 beats 5 + nothing and 3 + ... : the heavier of the repeated edges counts.
        #expect(AssignmentSolver.maximumWeight(edges: repeated, columns: 2) == [0, 1])
    }
}
