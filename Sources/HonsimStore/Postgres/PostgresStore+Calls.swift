import Foundation
import HonsimCore
import Logging
import PostgresNIO

/// How a call reaches the server: a pooled connection waited for at most a few seconds, a
/// watchdog while it runs, and the server's errors in the store's terms.
extension PostgresStore {
    /// Server errors in the store's terms: a constraint is a broken rule, a refused policy is
    /// a refusal, a lost connection is "disconnected, retrying".
    static func translate(_ error: any Error, location: String) -> any Error {
        if error is StoreError || error is CancellationError { return error }
        if let failed = error as? PostgresTransactionError {
            // The first thing that went wrong: the body, else BEGIN, else COMMIT.
            if let cause = failed.closureError ?? failed.beginError ?? failed.commitError { return translate(cause, location: location) }
        }
        guard let error = error as? PSQLError else {
            // NIO's own errors: the socket could not be reached or broke.
            return StoreError.disconnected(location: location)
        }
        switch error.code {
        case .server:
            let state = error.serverInfo?[.sqlState] ?? ""
            let message = error.serverInfo?[.message] ?? "\(error.code)"
            switch state {
            case "23P01": return StoreError.integrity(reason: "honsim: volunteer double-booked (\(message))")
            case _ where state.hasPrefix("23"): return StoreError.integrity(reason: message)
            case "42501": return StoreError.integrity(reason: "row-level security: \(message)")
            case "40001", "40P01", "55P03": return StoreError.busy(path: location)
            case "57P01", "57P02", "57P03", "08006", "08003", "08001": return StoreError.disconnected(location: location)
            default: return StoreError.cannotOpen(path: location, reason: message)
            }
        case .serverClosedConnection, .clientClosedConnection, .connectionError, .uncleanShutdown, .poolClosed:
            return StoreError.disconnected(location: location)
        default:
            return StoreError.cannotOpen(path: location, reason: "\(error.code)")
        }
    }

    /// How long a call waits for a connection before saying "disconnected": the pool keeps
    /// trying to reach a server that is down, and a screen must not hang meanwhile.
    public static let leaseTimeout: Duration = .seconds(3)

    /// The same wait when a store is being opened: the first connection of a new pool is made,
    /// not borrowed, and a server busy with many sessions starting at once may take longer.
    public static let openTimeout: Duration = .seconds(20)

    /// Runs `body` on a pooled connection, or fails with `disconnected` when none can be had in
    /// time. Once `body` has begun it is cut short only when its connection or the server itself
    /// is gone (see `watched`): a slow write finishes or fails on its own, so it is never reported
    /// lost when it was applied.
    func leased<T: Sendable>(_ body: @escaping @Sendable (PGSQL) async throws -> T) async throws -> T {
        try await PostgresStore.leased(pool: pool, url: url, logger: logger, body)
    }

    /// The same from the store's pool. When a call finds no connection, the server is asked
    /// whether it takes one. If not, the pool is marked as having lost it; if so, and the pool
    /// had lost it, the pool is replaced and the call made once more on the new one
    /// (`RenewablePool`): the first attempt sent nothing, so nothing runs twice.
    static func leased<T: Sendable>(pool: RenewablePool, url: PostgresURL, logger: Logger, wait: Duration = leaseTimeout,
                                    _ body: @escaping @Sendable (PGSQL) async throws -> T) async throws -> T {
        let client = pool.client
        do {
            return try await leased(client: client, pool: pool, url: url, logger: logger, wait: wait, body)
        } catch where RenewablePool.noConnection(error) {
            guard await serverAnswers(url, logger: logger) else {
                pool.serverDown(client)
                throw translate(error, location: url.display)
            }
            guard let renewed = pool.renew(replacing: client, gaveUp: RenewablePool.gaveUp(error)) else {
                throw translate(error, location: url.display)
            }
            do {
                return try await leased(client: renewed, pool: pool, url: url, logger: logger, wait: wait, body)
            } catch {
                throw translate(error, location: url.display)
            }
        } catch {
            throw translate(error, location: url.display)
        }
    }

    /// One lease of `client`, its errors as the driver gave them.
    private static func leased<T: Sendable>(client: PostgresClient, pool: RenewablePool, url: PostgresURL, logger: Logger, wait: Duration,
                                            _ body: @escaping @Sendable (PGSQL) async throws -> T) async throws -> T {
        // One decision, under one lock: either the body starts, or the wait is given up and it
        // never will. So a call reported "disconnected" was certainly not applied.
        let lease = Locked(LeaseState.waiting)
        return try await FirstAnswer<T>.race { answer in
            // Unstructured on purpose: a pool still trying to reach a server that is down
            // may not let go of a cancelled lease at once, and the caller must not wait for it.
            let work = Task {
                do {
                    _ = try await client.withConnection { connection in
                        let go = lease.withLock { state in
                            if state == .waiting { state = .started }
                            return state == .started
                        }
                        guard go else { throw CancellationError() }
                        pool.acquired(client)
                        defer { pool.released(client) }
                        // Answered here, not after the connection goes back to the pool.
                        let value = try await watched(connection, url: url, logger: logger, body)
                        answer(.success(value))
                        return value
                    }
                } catch {
                    answer(.failure(error))
                }
            }
            Task {
                try? await Task.sleep(for: wait)
                let abandon = lease.withLock { state in
                    if state == .waiting { state = .abandoned }
                    return state == .abandoned
                }
                guard abandon else { return }
                answer(.failure(LeaseWaitedOut()))
                work.cancel()
            }
            return work
        }
    }

    private enum LeaseState: Sendable { case waiting, started, abandoned }

    /// How often a call that is still running looks whether its server still answers.
    static let watchInterval: Duration = .seconds(4)
    /// How often it looks whether its own connection has closed.
    static let closedCheckInterval: Duration = .seconds(1)

    /// Runs `body` on its connection while a watchdog looks after it. A statement in flight when
    /// the server stops can wait forever in the driver, so the call is cut short, saying
    /// "disconnected", when either:
    /// - its connection has closed (checked every second): the statement can get no answer on
    ///   it, even if the server is already back, as after a quick restart; or
    /// - the server takes no new connection, twice in a row a few seconds apart.
    /// A call that is merely slow (an import, a migration) runs on, however long it takes. A write
    /// cut off this way was not committed: a server that stops rolls back what it has not
    /// acknowledged.
    private static func watched<T: Sendable>(_ connection: PostgresConnection, url: PostgresURL, logger: Logger,
                                             _ body: @escaping @Sendable (PGSQL) async throws -> T) async throws -> T {
        try await FirstAnswer<T>.race { answer in
            let work = Task {
                do { answer(.success(try await body(PGSQL(connection: connection, logger: logger)))) } catch { answer(.failure(error)) }
            }
            Task {
                func cut() async {
                    answer(.failure(StoreError.disconnected(location: url.display)))
                    work.cancel()
                    try? await connection.close()
                }
                // Twice in a row: on a machine busy enough, one probe can miss its few seconds.
                var silent = 0
                var sinceProbe: Duration = .zero
                while !answer.given {
                    try? await Task.sleep(for: closedCheckInterval)
                    if answer.given { return }
                    if connection.isClosed { return await cut() }
                    sinceProbe += closedCheckInterval
                    guard sinceProbe >= watchInterval else { continue }
                    sinceProbe = .zero
                    silent = await serverAnswers(url, logger: logger) ? 0 : silent + 1
                    if silent >= 2 { return await cut() }
                }
            }
            return work
        }
    }

    /// Whether the server answers a new connection within a few seconds. A refusal in words
    /// (too many connections, say) is an answer: only silence or a closed door means it is gone.
    static func serverAnswers(_ url: PostgresURL, logger: Logger) async -> Bool {
        guard var configuration = try? connectionConfiguration(url) else { return false }
        configuration.options.connectTimeout = .seconds(5)
        do {
            let probe = try await PostgresConnection.connect(configuration: configuration, id: 0, logger: logger)
            try? await probe.close()
            return true
        } catch let error as PSQLError where error.code == .server {
            // Shutting down or starting up is not answering: the statement in flight is lost.
            let state = error.serverInfo?[.sqlState] ?? ""
            return !["57P01", "57P02", "57P03"].contains(state)
        } catch {
            return false
        }
    }
}

/// The first of several racing outcomes, handed to an awaiting caller once; later ones are
/// dropped. The work that loses may still be running, and the caller does not wait for it:
/// that is the point, where a driver can hang on a connection whose server is gone.
final class FirstAnswer<T: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var continuation: CheckedContinuation<T, any Error>?
    private var answered = false

    var given: Bool { lock.withLock { answered } }

    func callAsFunction(_ result: Result<T, any Error>) {
        let waiting: CheckedContinuation<T, any Error>? = lock.withLock {
            guard !answered else { return nil }
            answered = true
            defer { continuation = nil }
            return continuation
        }
        waiting?.resume(with: result)
    }

    /// Starts the racers (`start` returns the main work, cancelled if the caller is) and waits
    /// for the first answer.
    static func race(_ start: @escaping @Sendable (FirstAnswer<T>) -> Task<Void, Never>) async throws -> T {
        let answer = FirstAnswer<T>()
        let work = Locked<Task<Void, Never>?>(nil)
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { continuation in
                answer.lock.withLock { answer.continuation = continuation }
                work.withLock { $0 = start(answer) }
            }
        } onCancel: {
            work.withLock { $0 }?.cancel()
        }
    }
}
