import Foundation
import HonsimTestServer
import Testing

/// Four processes of the built binary race to assign the same pending requests to the same
/// volunteers, and to release them again, for a few seconds. Exactly the invariants must
/// survive: no double assignment, no overlap, no crash, and never "database is locked".
@Suite("Command line: four processes at once", .serialized)
struct ConcurrentAssignTests {
    struct Outcome: Sendable {
        var runs = 0
        var assigned = 0
        var refused = 0
        var unexpected: [String] = []
    }

    static func race(worker: Int, targets: [(request: Int64, volunteers: [Int64])], path: String, deadline: ContinuousClock.Instant) -> Outcome {
        var outcome = Outcome()
        var generator = SplitMix64(seed: UInt64(worker + 1))
        while ContinuousClock.now < deadline {
            let target = targets[Int(generator.next() % UInt64(targets.count))]
            let volunteer = target.volunteers[Int(generator.next() % UInt64(target.volunteers.count))]
            // Mostly assign; now and then release, so the race goes on.
            let arguments = generator.next() % 4 == 0
                ? ["release", String(target.request), "--reason", "race"]
                : ["assign", String(target.request), String(volunteer)]
            guard let result = try? CLI.run(arguments + ["--store", path, "--lang", "en"]) else {
                outcome.unexpected.append("could not start the binary")
                continue
            }
            outcome.runs += 1
            if result.crashed || (result.status != 0 && result.status != 1) {
                outcome.unexpected.append("\(arguments): status \(result.status) \(result.stderr)")
            } else if result.stderr.lowercased().contains("locked") {
                outcome.unexpected.append("\(arguments): \(result.stderr)")
            } else if result.status == 0 && arguments[0] == "assign" {
                outcome.assigned += 1
            } else if result.status == 1 {
                let expected = ["already assigned", "cannot be", "is busy"]
                if expected.contains(where: result.stderr.contains) { outcome.refused += 1 } else {
                    outcome.unexpected.append("\(arguments): \(result.stderr)")
                }
            }
        }
        return outcome
    }

    /// Starts four racing processes, each on an OS thread of its own (each blocks on its child
    /// process, and the cooperative pool has only as many threads as cores); the function it
    /// returns waits for them and gives their outcomes.
    static func startRace(targets: [(request: Int64, volunteers: [Int64])], path: String,
                          deadline: ContinuousClock.Instant) -> () -> [Outcome] {
        let results = ResultBox()
        let done = DispatchGroup()
        for worker in 0..<4 {
            done.enter()
            Thread {
                results.append(race(worker: worker, targets: targets, path: path, deadline: deadline))
                done.leave()
            }.start()
        }
        return {
            done.wait()
            return results.all
        }
    }

    /// On PostgreSQL each process has its own connections to the server: the advisory locks,
    /// the unique index and the EXCLUDE constraint hold across them.
    @Test(arguments: SeededStore.backends)
    func fourProcessesAssigningTheSameRequestsNeverDoubleBook(backend: String) throws {
        let store = try SeededStore(backend: backend)
        defer { store.remove() }
        let targets = try store.pendingWithCandidates(requests: 6, candidates: 4)
        try #require(targets.count >= 3, "the demo needs pending requests with candidates")
        let path = store.path
        let deadline = ContinuousClock.now + .seconds(4)
        let outcomes = ConcurrentAssignTests.startRace(targets: targets, path: path, deadline: deadline)()
        let unexpected = outcomes.flatMap(\.unexpected)
        print("race (\(backend)): \(outcomes.map(\.runs)) runs per process, \(outcomes.reduce(0) { $0 + $1.assigned }) assigned, \(outcomes.reduce(0) { $0 + $1.refused }) refused")
        #expect(unexpected.isEmpty, "\(unexpected.prefix(5))")
        #expect(outcomes.allSatisfy { $0.runs > 0 })
        #expect(outcomes.reduce(0) { $0 + $1.assigned } > 0)
        #expect(outcomes.reduce(0) { $0 + $1.refused } > 0, "the processes never collided")
        let check = try store.run(["check"])
        #expect(check.status == 0, "\(check.stdout)")
        // Each request the race touched holds at most one volunteer.
        let json = try store.run(["export", "assignments", "--format", "json"]).stdout
        let rows = (try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[String: Any]]) ?? []
        let active = rows.filter { $0["state"] as? String == "active" }.compactMap { ($0["request_id"] as? NSNumber)?.int64Value }
        #expect(Set(active).count == active.count)
    }
}

final class ResultBox: @unchecked Sendable {
    private let lock = NSLock()
    private var outcomes: [ConcurrentAssignTests.Outcome] = []
    func append(_ outcome: ConcurrentAssignTests.Outcome) { lock.lock(); outcomes.append(outcome); lock.unlock() }
    var all: [ConcurrentAssignTests.Outcome] { lock.lock(); defer { lock.unlock() }; return outcomes }
}
