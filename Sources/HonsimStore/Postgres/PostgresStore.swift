import Foundation
import GRDB
import HonsimCore
import Logging
import PostgresNIO

/// The city-wide case store: one PostgreSQL database that every dong office, home session and
/// kiosk shares over the network. Same protocol, same records and same rules as `SQLiteStore`;
/// each person logs in as their own database role, which is both who the audit log names and
/// whom row-level security checks.
public final class PostgresStore: SQLCaseStore, CaseStore, @unchecked Sendable {
    let url: PostgresURL
    let pool: RenewablePool
    let logger: Logger

    /// The LISTEN/NOTIFY channel of change notices.
    static let changeChannel = "honsim_changes"

    private init(url: PostgresURL, pool: RenewablePool, logger: Logger, calendar: Calendar,
                 rules: MatchRules, readOnly: Bool, keepsMinutes: Bool, clock: @escaping @Sendable () -> Date) {
        self.url = url
        self.pool = pool
        self.logger = logger
        super.init(location: url.display, calendar: calendar, user: url.user, readOnly: readOnly, rules: rules, clock: clock,
                   engine: PostgresEngine(pool: pool, url: url, logger: logger, keptMinutes: keepsMinutes ? KeptMinutes() : nil))
    }

    /// Connects, migrates (unless read-only) and reads the store's settings. `create` makes
    /// the schema in an empty database and registers the connecting role as its first admin.
    public static func open(_ url: PostgresURL, create: Bool = false, readOnly: Bool = false, timeZone: String? = nil,
                            clock: @escaping @Sendable () -> Date = { Date() }) async throws -> PostgresStore {
        var logger = Logger(label: "honsim.postgres")
        logger.logLevel = .critical
        let pool = RenewablePool(configuration: try configuration(url, readOnly: readOnly), logger: logger)
        do {
            // Within a bounded wait, like every later call: a kiosk or dashboard started while
            // the server is down says so instead of hanging.
            let (meta, keepsMinutes) = try await leased(pool: pool, url: url, logger: logger, wait: openTimeout) { db in
                if !readOnly { try await PostgresMigrator.migrate(db, create: create, location: url.display) }
                guard try await db.value("SELECT to_regclass('meta') IS NOT NULL", as: Bool.self) == true else {
                    throw StoreError.noStoreYet(path: url.display, create: "honsim init --store \(url.display)")
                }
                if create && !readOnly, let zone = timeZone {
                    try await db.execute("INSERT INTO meta (key, value) VALUES ('time_zone', ?) ON CONFLICT (key) DO NOTHING", [zone])
                }
                var meta: [String: String] = [:]
                for row in try await db.rows("SELECT key, value FROM meta", []) { meta[row["key"]] = row["value"] as String }
                // A read-only session of a store not yet at migration 24 reads the minutes afresh each time.
                return (meta, try await db.tableExists("load_revision"))
            }
            let (calendar, rules) = SQLCaseStore.settings(meta)
            let store = PostgresStore(url: url, pool: pool, logger: logger, calendar: calendar, rules: rules,
                                      readOnly: readOnly, keepsMinutes: keepsMinutes, clock: clock)
            if create && !readOnly {
                try await store.write { db in try await store.registerCreator(db) }
            }
            return store
        } catch {
            pool.close()
            throw PostgresStore.translate(error, location: url.display)
        }
    }

    /// A read-only session is read-only in the server too (`default_transaction_read_only`):
    /// a kiosk or `--readonly` dashboard cannot write even through a bug of ours.
    static func configuration(_ url: PostgresURL, readOnly: Bool = false) throws -> PostgresClient.Configuration {
        var configuration: PostgresClient.Configuration
        if let socket = url.socketPath {
            configuration = .init(unixSocketPath: socket, username: url.user, password: url.password, database: url.database)
        } else {
            let tls: PostgresClient.Configuration.TLS
            switch url.sslMode {
            case .disable: tls = .disable
            case .allow, .prefer: tls = .prefer(tlsConfiguration(url))
            case .require, .verifyCA, .verifyFull: tls = .require(tlsConfiguration(url))
            }
            configuration = .init(host: url.host, port: url.port, username: url.user, password: url.password, database: url.database, tls: tls)
        }
        configuration.options.minimumConnections = 0
        configuration.options.maximumConnections = 8
        configuration.options.connectionIdleTimeout = .seconds(60)
        if readOnly { configuration.options.additionalStartupParameters = [("default_transaction_read_only", "on")] }
        return configuration
    }

    /// As libpq: `require` encrypts without checking the certificate, `verify-ca` checks it
    /// against the trusted roots, `verify-full` checks the host name too.
    static func tlsConfiguration(_ url: PostgresURL) -> TLSConfiguration {
        var tls = TLSConfiguration.makeClientConfiguration()
        switch url.sslMode {
        case .verifyFull: break
        case .verifyCA: tls.certificateVerification = .noHostnameVerification
        default: tls.certificateVerification = .none
        }
        return tls
    }

    /// The pool's connections close; later calls fail.
    public func close() { pool.close() }

}

/// Runs the operations on PostgreSQL: each on a pooled connection, waited for at most a few
/// seconds and watched while it runs (PostgresStore+Calls.swift); a write in one transaction.
struct PostgresEngine: StoreEngine {
    let pool: RenewablePool
    let url: PostgresURL
    let logger: Logger
    /// Handed to reads only: a write reads what it checks inside its own transaction.
    let keptMinutes: KeptMinutes?

    func read<T: Sendable>(_ body: @escaping @Sendable (any StoreConnection) async throws -> T) async throws -> T {
        let kept = keptMinutes
        return try await PostgresStore.leased(pool: pool, url: url, logger: logger) { db in
            var db = db
            db.keptMinutes = kept
            db.preparesReads = true
            return try await body(db)
        }
    }

    /// One read-only REPEATABLE READ transaction: every statement sees the same snapshot.
    func snapshot<T: Sendable>(_ body: @escaping @Sendable (any StoreConnection) async throws -> T) async throws -> T {
        try await write { db in
            try await db.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
            return try await body(db)
        }
    }

    func pendingMigrations() async throws -> [Migration] {
        let location = url.display
        return try await PostgresStore.leased(pool: pool, url: url, logger: logger) { db in
            try await PostgresMigrator.pending(db, location: location)
        }
    }

    func write<T: Sendable>(_ body: @escaping @Sendable (any StoreConnection) async throws -> T) async throws -> T {
        let logger = logger
        return try await PostgresStore.leased(pool: pool, url: url, logger: logger) { db in
            try await db.connection.withTransaction(logger: logger) { connection in
                try await body(PGSQL(connection: connection, logger: logger))
            }
        }
    }
}
