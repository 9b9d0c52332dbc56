import Foundation
import GRDB
import HonsimCore
import NIOSSL
import PostgresNIO

extension PostgresStore {
    /// How long the change feed waits before connecting again after losing the server.
    public static let reconnectDelay: Duration = .milliseconds(500)

    /// LISTEN on a connection of its own. Each commit that changed something notifies every
    /// listener at once; after a lost connection the feed reconnects by itself and reports a
    /// change, so screens reload whatever happened meanwhile.
    public func changes() -> AsyncStream<StoreChange> {
        let url = url, logger = logger
        return AsyncStream { continuation in
            let task = Task.detached {
                var first = true
                while !Task.isCancelled {
                    do {
                        let configuration = try PostgresStore.connectionConfiguration(url)
                        let connection = try await PostgresConnection.connect(configuration: configuration, id: 1, logger: logger)
                        if !first { continuation.yield(StoreChange(observedAt: Date())) }
                        first = false
                        do {
                            try await connection.listen(on: PostgresStore.changeChannel) { notifications in
                                for try await _ in notifications { continuation.yield(StoreChange(observedAt: Date())) }
                            }
                        } catch {}
                        // Closed in every case: a connection must never be dropped open.
                        try? await connection.close()
                        // The server went away: a notice now makes every screen read, find it
                        // unreachable and say so, rather than show old figures as current.
                        if !Task.isCancelled { continuation.yield(StoreChange(observedAt: Date())) }
                    } catch {
                        if Task.isCancelled { break }
                    }
                    try? await Task.sleep(for: PostgresStore.reconnectDelay)
                }
                continuation.finish()
            }
            continuation.onTermination = { _ in task.cancel() }
        }
    }

    static func connectionConfiguration(_ url: PostgresURL) throws -> PostgresConnection.Configuration {
        if let socket = url.socketPath {
            return .init(unixSocketPath: socket, username: url.user, password: url.password, database: url.database)
        }
        let tls: PostgresConnection.Configuration.TLS
        switch url.sslMode {
        case .disable: tls = .disable
        case .allow, .prefer: tls = .prefer(try NIOSSLContext(configuration: tlsConfiguration(url)))
        case .require, .verifyCA, .verifyFull: tls = .require(try NIOSSLContext(configuration: tlsConfiguration(url)))
        }
        return .init(host: url.host, port: url.port, username: url.user, password: url.password, database: url.database, tls: tls)
    }
}
