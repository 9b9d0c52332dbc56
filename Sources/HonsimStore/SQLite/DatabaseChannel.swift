import Foundation
import GRDB

/// Carries async store operations into one of GRDB's transactions. GRDB runs a transaction as
/// a synchronous closure on its own thread, and its `Database` may not leave that closure; the
/// operations, written once for both backends, are async. So the closure serves this channel:
/// it waits on its thread for each piece of work the operation sends, runs it there with the
/// `Database`, and hands the result back, until the operation finishes (commit) or fails
/// (rollback). No thread of Swift's cooperative pool ever waits; only GRDB's does, as it would
/// while a statement runs.
///
/// The channel is also the operation's executor (`SQLiteEngine` runs it with this preference):
/// between its statements the operation runs on the transaction's thread too. A write holds
/// the file's lock from its first statement to its commit, and every other process's write
/// waits that long. Were the operation to go back to the cooperative pool after each
/// statement, it would queue there behind whatever else the process is doing (a frame, a
/// ranking, a whole test suite on two cores), and hold the lock all that while: writers
/// waiting for it were seen to give up after their 15 seconds.
final class DatabaseChannel: TaskExecutor, @unchecked Sendable {
    private let condition = NSCondition()
    private var work: [Work] = []
    private var state = State.open

    private enum Work {
        /// A statement, given the `Database`.
        case statement((Result<Database, any Error>) -> Void)
        /// A stretch of the operation's own code, between two statements.
        case job(UnownedJob)
    }

    private enum State {
        case open
        /// The operation is done; an error rolls the transaction back.
        case finished((any Error)?)
        /// The transaction could not begin or broke; work sent from now on fails with it.
        case failed(any Error)
    }

    /// The operation's code, run on the transaction's thread while it serves; once the
    /// transaction is over (or never began), on Swift's global executor, so that nothing the
    /// operation still has to do waits for a thread that has gone.
    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        condition.lock()
        guard case .open = state else {
            condition.unlock()
            DatabaseChannel.runElsewhere(job)
            return
        }
        work.append(.job(job))
        condition.signal()
        condition.unlock()
    }

    /// Runs `body` with the transaction's `Database`, on the transaction's thread.
    func run<T>(_ body: @escaping (Database) throws -> T) async throws -> T {
        let handed: HandedOver<T> = try await withCheckedThrowingContinuation { continuation in
            let item: (Result<Database, any Error>) -> Void = { database in
                continuation.resume(with: Result { HandedOver(value: try body(database.get())) })
            }
            condition.lock()
            if case .failed(let error) = state {
                condition.unlock()
                item(.failure(error))
                return
            }
            work.append(.statement(item))
            condition.signal()
            condition.unlock()
        }
        return handed.value
    }

    /// The transaction's side: runs the work as it comes until the operation finishes. Throws
    /// the operation's error so that GRDB rolls back.
    func serve(_ db: Database) throws {
        while true {
            condition.lock()
            while work.isEmpty, case .open = state { condition.wait() }
            if !work.isEmpty {
                let next = work.removeFirst()
                condition.unlock()
                switch next {
                case .statement(let item): item(.success(db))
                case .job(let job): job.runSynchronously(on: asUnownedTaskExecutor())
                }
                continue
            }
            let end = state
            condition.unlock()
            if case .finished(let error?) = end { throw error }
            return
        }
    }

    /// The operation is done: commit, or roll back with `error`.
    func finish(_ error: (any Error)?) {
        condition.lock()
        state = .finished(error)
        condition.signal()
        condition.unlock()
    }

    /// The transaction itself failed (it could not begin, or its thread threw): every statement
    /// waiting or still to come fails with the same error, and the operation's code goes on
    /// elsewhere to hear it.
    func fail(_ error: any Error) {
        condition.lock()
        state = .failed(error)
        let waiting = work
        work = []
        condition.unlock()
        for next in waiting {
            switch next {
            case .statement(let item): item(.failure(error))
            case .job(let job): DatabaseChannel.runElsewhere(job)
            }
        }
    }

    /// The operation's code once the transaction's thread no longer serves it.
    private static func runElsewhere(_ job: UnownedJob) {
        globalConcurrentExecutor.enqueue(ExecutorJob(job))
    }
}

/// A result made on the transaction's thread and handed to the operation that waits for it.
/// Rows are not Sendable, but this one passes from one side to the other once and is never
/// used by both: the transaction's thread has moved on to the next piece of work.
private struct HandedOver<T>: @unchecked Sendable {
    let value: T
}
