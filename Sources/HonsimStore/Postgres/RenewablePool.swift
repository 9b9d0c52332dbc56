import _ConnectionPoolModule
import Logging
import PostgresNIO

/// The store's pool of server connections, started anew when the old one is slow to notice
/// that a server which was down is back.
///
/// Why: postgres-nio's pool, while it cannot connect, tries again after a backoff that grows
/// with every failed attempt, up to a minute, and after some seconds with no connection open
/// it may stop trying at all until that backoff ends (its circuit breaker). A dashboard open
/// through a server's restart would say "disconnected" for up to a minute after the server was
/// back. So when a call's wait for a connection ends with none, the pool has been seen unable
/// to reach the server (a call found no connection while the server took none), no call of this
/// store holds one of its connections, and the server now answers a fresh connection, the store
/// starts a new pool. Shutting the old one down then cuts nothing in flight. A pool that is only
/// busy, or slow to connect to a server that answers, is never replaced.
final class RenewablePool: Sendable {
    private struct Current {
        var client: PostgresClient
        var runner: Task<Void, Never>
        /// Calls that hold one of this pool's connections now.
        var inUse = 0
        /// Whether a call of this pool found no connection while the server took none.
        var serverWasDown = false
    }

    private let configuration: PostgresClient.Configuration
    private let logger: Logger
    private let current: Locked<Current>

    init(configuration: PostgresClient.Configuration, logger: Logger) {
        self.configuration = configuration
        self.logger = logger
        current = Locked(RenewablePool.start(configuration, logger: logger))
    }

    deinit { close() }

    /// The pool every call leases from now.
    var client: PostgresClient { current.withLock { $0.client } }

    /// A call of `client` got a connection, so the pool reaches the server again; `released`
    /// when the call gives it back.
    func acquired(_ client: PostgresClient) {
        current.withLock { current in
            guard current.client === client else { return }
            current.inUse += 1
            current.serverWasDown = false
        }
    }
    func released(_ client: PostgresClient) { current.withLock { if $0.client === client { $0.inUse -= 1 } } }

    /// A call of `client` found no connection, and the server took none either.
    func serverDown(_ client: PostgresClient) { current.withLock { if $0.client === client { $0.serverWasDown = true } } }

    /// Starts a new pool in place of `failed` and returns it, if `failed` is still the pool, it
    /// was seen unable to reach the server, and no call holds a connection of it; if another
    /// call already renewed it, the pool it started; nil otherwise.
    func renew(replacing failed: PostgresClient, gaveUp: Bool) -> PostgresClient? {
        current.withLock { current in
            guard current.client === failed else { return current.client }
            guard current.serverWasDown || gaveUp, current.inUse == 0 else { return nil }
            current.runner.cancel()
            current = RenewablePool.start(configuration, logger: logger)
            return current.client
        }
    }

    /// The pool's connections close; later calls fail.
    func close() { current.withLock { $0.runner.cancel() } }

    /// Whether a lease failed for want of a connection: the wait ran out, or the pool stopped
    /// trying the server. Either way nothing of the call was sent.
    static func noConnection(_ error: any Error) -> Bool { error is LeaseWaitedOut || gaveUp(error) }

    /// Whether the pool stopped trying the server after failing to reach it (its circuit breaker).
    static func gaveUp(_ error: any Error) -> Bool {
        (error as? ConnectionPoolError) == .connectionCreationCircuitBreakerTripped
    }

    private static func start(_ configuration: PostgresClient.Configuration, logger: Logger) -> Current {
        let client = PostgresClient(configuration: configuration, backgroundLogger: logger)
        return Current(client: client, runner: Task { await client.run() })
    }
}

/// A call's wait for a pooled connection ran out; it never started.
struct LeaseWaitedOut: Error {}
