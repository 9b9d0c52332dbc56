import Foundation
@testable import HonsimStore
import Testing

/// A SQLite write holds the file's lock from its first statement to its commit. Its code
/// between the statements runs on the transaction's own thread (DatabaseChannel is its
/// executor), so it never queues behind the rest of the process for a thread of Swift's
/// cooperative pool. Here every one of those threads is held from the write's first statement
/// until its last: the write still runs to its end.
@Suite("SQLite: a transaction's code runs on its own thread")
struct TransactionThreadTests {
    @Test func aWriteRunsToItsEndWhileEveryCooperativeThreadIsHeld() async throws {
        let fixture = try await StoreFixture.make(.sqlite)
        defer { fixture.remove() }
        let store = try #require(fixture.store as? SQLCaseStore)
        let holders = CooperativeThreadHolders(count: ProcessInfo.processInfo.activeProcessorCount)
        let (sum, heldThroughout) = try await store.write { db in
            try await db.execute("CREATE TEMP TABLE probe (number INTEGER NOT NULL)", [])
            holders.holdEveryThread()
            var sum = 0
            for number in 1...20 {
                try await db.execute("INSERT INTO probe (number) VALUES (?)", [number])
                sum += try await db.value("SELECT sum(number) FROM probe", as: Int.self) ?? 0
            }
            return (sum, holders.letGo())
        }
        // 1, 1+2, 1+2+3, …: every statement ran, in order, in the one transaction.
        #expect(sum == (1...20).map { $0 * ($0 + 1) / 2 }.reduce(0, +))
        #expect(heldThroughout, "the write needed a cooperative thread between its statements, and waited for the watchdog")
    }
}

/// Tasks that each block a thread of the cooperative pool until let go. Should a test's code
/// need one of those threads to go on, a watchdog lets them go after a minute, so that a
/// failure is reported rather than hanging the suite.
private final class CooperativeThreadHolders: @unchecked Sendable {
    private let count: Int
    private let gate = DispatchSemaphore(value: 0)
    private let lock = NSLock()
    private var holding = 0
    private var released = false

    init(count: Int) { self.count = count }

    /// Starts the holders and returns once every one of them holds its thread (or the
    /// watchdog let them go). Blocks its caller's thread, which must not be one of the pool's.
    func holdEveryThread() {
        for _ in 0..<count {
            Task.detached {
                self.lock.withLock { self.holding += 1 }
                self.gate.wait()
            }
        }
        Thread.detachNewThread {
            Thread.sleep(forTimeInterval: 60)
            _ = self.letGo()
        }
        while lock.withLock({ holding < count && !released }) { Thread.sleep(forTimeInterval: 0.001) }
    }

    /// Lets every holder go; whether they were still held until now.
    func letGo() -> Bool {
        let wasHeld = lock.withLock {
            defer { released = true }
            return !released
        }
        if wasHeld { for _ in 0..<count { gate.signal() } }
        return wasHeld
    }
}
