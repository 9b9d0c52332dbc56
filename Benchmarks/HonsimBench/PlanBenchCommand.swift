import ArgumentParser
import Foundation
import HonsimCore
import HonsimStore

/// `honsim-bench plan`: times a plan for the next pending requests of a store, and sets it
/// beside the greedy assignment a coordinator would make one request at a time.
struct PlanBenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan",
        abstract: "Measure a plan (suggest a plan, key p) for the next pending requests of a store."
    )

    @Option(help: ArgumentHelp("The SQLite file to measure.", valueName: "path"))
    var store: String

    @Option(help: "How many pending requests the plan's window holds (the next ones from now).")
    var requests = 300
    @Option(help: "Measured plans, after the warm-ups.") var iterations = 10
    @Option(help: "Unmeasured plans first.") var warmups = 2
    @Flag(help: "Also time the same plan built from one candidates(for:) call per request.")
    var perRequest = false

    static let targetMs = 1_000.0

    func validate() throws {
        guard requests > 0, iterations > 0, warmups >= 0 else { throw ValidationError("counts must be positive") }
    }

    func run() async throws {
        guard FileManager.default.fileExists(atPath: store) else { throw ValidationError("no store at \(store)") }
        let log = ProgressLog()
        let opened = try SQLiteStore(path: store)
        let counts = try await opened.counts()
        let now = Date()
        // The window that holds the next `requests` pending appointments from now.
        let upcoming = try await opened.pendingRequests(limit: 10_000_000).filter { $0.appointmentAt >= now }
        guard let first = upcoming.first else { throw ValidationError("the store has no pending request after now") }
        let last = upcoming[min(requests, upcoming.count) - 1]
        let until = last.appointmentAt.addingTimeInterval(1)
        log.note("\(counts.volunteers) volunteers; window \(first.appointmentAt) to \(until)")

        var results: [Summary] = []
        var plan = Plan()
        results.append(try await Measure.run("plan (store: reads, ranking, solver)", targetMs: Self.targetMs, warmups: warmups,
                                             iterations: iterations, describe: Self.describe) { _ in
            plan = try await opened.plan(dongCodes: nil, from: first.appointmentAt, until: until)
            return plan
        })

        // The same requests ranked one at a time, as the assign dialog does: the baseline the
        // one-pass reads are for, and the options for the greedy comparison.
        let window = plan.proposals.map(\.request) + plan.unassigned
        var options: [PlanOption] = []
        let started = Measure.clock.now
        for request in window {
            options.append(PlanOption(request: request, candidates: try await opened.candidates(for: request.id, eligibleLimit: .max).eligible))
        }
        let rankingTime = Measure.clock.now - started
        if perRequest {
            results.append(Summary(name: "the same, one candidates(for:) per request", targetMs: Self.targetMs,
                                   result: "\(window.count) rankings", durations: [rankingTime]))
        }
        results.append(try await Measure.run("solver alone (Planner.plan)", targetMs: Self.targetMs, warmups: warmups,
                                             iterations: iterations, describe: Self.describe) { _ in
            Planner.plan(options, now: now)
        })
        let greedy = Planner.greedy(options, now: now)
        log.note("done")

        print("""
            store: \(store)  volunteers \(counts.volunteers), pending requests in the window \(window.count)

            """ + Measure.table(results) + """

            plan:   \(plan.objective(now: now))
            greedy: \(greedy.objective(now: now))
            (each volunteer at most once; the plan maximises requests assigned, then urgent ones, then the score)
            """)
    }

    private static func describe(_ plan: Plan) -> String {
        "\(plan.proposals.count) assigned, \(plan.unassigned.count) unassigned, score \(plan.totalScore)"
    }
}
