import Foundation
import GRDB
import HonsimCore
import Logging
import PostgresNIO

/// The city-wide case store: one PostgreSQL database that every dong office, home session and
/// kiosk shares over the network. Same protocol, same records and same rules as `SQLiteStore`;
/// each person logs in as their own database role, which is both who the audit log names and
/// whom row-level security checks.
public final class PostgresStore: CaseStore {
    public let location: String
    public let calendar: Calendar
    /// The login role: writes are attributed to it and row-level security checks it.
    public let user: String
    public let readOnly: Bool
    let url: PostgresURL
    let client: PostgresClient
    private let runner: Task<Void, Never>
    let logger: Logger
    let rules: MatchRules
    let clock: @Sendable () -> Date
    let volunteerCache = Locked<(revision: String, list: [Volunteer])?>(nil)
    let dongCache = Locked<(revision: String, directory: DongDirectory)?>(nil)
    let poolCache = Locked<(revisions: String, pool: MatchPool)?>(nil)

    /// The LISTEN/NOTIFY channel of change notices.
    static let changeChannel = "honsim_changes"

    private init(url: PostgresURL, client: PostgresClient, runner: Task<Void, Never>, logger: Logger, calendar: Calendar,
                 rules: MatchRules, readOnly: Bool, clock: @escaping @Sendable () -> Date) {
        self.url = url
        self.client = client
        self.runner = runner
        self.logger = logger
        self.location = url.display
        self.user = url.user
        self.calendar = calendar
        self.rules = rules
        self.readOnly = readOnly
        self.clock = clock
    }

    deinit { runner.cancel() }

    /// Connects, migrates (unless read-only) and reads the store's settings. `create` makes
    /// the schema in an empty database and registers the connecting role as its first admin.
    public static func open(_ url: PostgresURL, create: Bool = false, readOnly: Bool = false, timeZone: String? = nil,
                            clock: @escaping @Sendable () -> Date = { Date() }) async throws -> PostgresStore {
        var logger = Logger(label: "honsim.postgres")
        logger.logLevel = .critical
        let client = PostgresClient(configuration: try configuration(url, readOnly: readOnly), backgroundLogger: logger)
        let runner = Task { await client.run() }
        do {
            // Within a bounded wait, like every later call: a kiosk or dashboard started while
            // the server is down says so instead of hanging.
            let meta = try await leased(client: client, url: url, logger: logger, wait: openTimeout) { db in
                if !readOnly { try await PostgresMigrator.migrate(db, create: create, location: url.display) }
                guard try await db.value("SELECT to_regclass('meta') IS NOT NULL", as: Bool.self) == true else {
                    throw StoreError.cannotOpen(path: url.display, reason: "no store there yet; run 'honsim init --store \(url.display)'")
                }
                if create && !readOnly, let zone = timeZone {
                    try await db.execute("INSERT INTO meta (key, value) VALUES ('time_zone', ?) ON CONFLICT (key) DO NOTHING", [zone])
                }
                var meta: [String: String] = [:]
                for row in try await db.rows("SELECT key, value FROM meta") { meta[row["key"]] = row["value"] as String }
                return meta
            }
            var calendar = Calendar(identifier: .gregorian)
            calendar.timeZone = TimeZone(identifier: meta["time_zone"] ?? SQLiteStore.defaultTimeZone) ?? .current
            calendar.firstWeekday = 2
            let rules = MatchRules(travelBufferMinutes: Int(meta["travel_buffer_minutes"] ?? "") ?? Schema.defaultTravelBufferMinutes)
            let store = PostgresStore(url: url, client: client, runner: runner, logger: logger, calendar: calendar, rules: rules,
                                      readOnly: readOnly, clock: clock)
            if create && !readOnly {
                try await store.write { db in try await store.registerCreator(db) }
            }
            return store
        } catch {
            runner.cancel()
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
    public func close() { runner.cancel() }

    /// Runs reads on one pooled connection.
    func read<T: Sendable>(_ body: @escaping @Sendable (PGSQL) async throws -> T) async throws -> T {
        try await leased(body)
    }

    /// Runs one write transaction; nothing of it stays when it throws.
    func write<T: Sendable>(_ body: @escaping @Sendable (PGSQL) async throws -> T) async throws -> T {
        if readOnly { throw StoreError.access(.readOnlySession) }
        let logger = logger
        return try await leased { db in
            try await db.connection.withTransaction(logger: logger) { connection in
                try await body(PGSQL(connection: connection, logger: logger))
            }
        }
    }

    func now() -> Date { Stored.date(Stored.seconds(clock())) }

    // MARK: Reading

    public func isEmpty() async throws -> Bool {
        try await read { db in try await db.value(SQLiteStore.isEmptySQL, as: Bool.self) ?? true }
    }

    public func counts() async throws -> StoreCounts {
        try await read { [self] db in
            guard let row = try await db.one("""
                SELECT (SELECT COUNT(*) FROM dong) AS dongs, (SELECT COUNT(*) FROM household) AS households,
                       (SELECT COUNT(*) FROM volunteer) AS volunteers, (SELECT COUNT(*) FROM escort_request) AS requests,
                       (SELECT COUNT(*) FROM escort_request WHERE status = 'pending') AS pending,
                       (SELECT COUNT(*) FROM assignment) AS assignments, (SELECT COUNT(*) FROM audit) AS audit
                """) else { return StoreCounts() }
            var counts = StoreCounts()
            counts.dongs = row["dongs"]
            counts.households = row["households"]
            counts.volunteers = row["volunteers"]
            counts.requests = row["requests"]
            counts.pending = row["pending"]
            counts.assignments = row["assignments"]
            counts.auditEntries = row["audit"]
            return counts
        }
    }

    public func dongs() async throws -> DongDirectory {
        try await read { [self] db in try await cachedDongs(db) }
    }

    func cachedDongs(_ db: PGSQL) async throws -> DongDirectory {
        let revision = try await db.value("SELECT value FROM meta WHERE key = 'dongs_revision'", as: String.self) ?? ""
        if let cached = dongCache.withLock({ $0 }), cached.revision == revision { return cached.directory }
        var former: [String: [String]] = [:]
        for row in try await db.rows("SELECT name, dong_code FROM dong_former_name ORDER BY name") {
            former[row["dong_code"], default: []].append(row["name"])
        }
        let directory = DongDirectory(try await db.rows("SELECT code, name, gu, renamed_year FROM dong ORDER BY position").map { row in
            Dong(code: row["code"], name: row["name"], gu: row["gu"], formerNames: former[row["code"]] ?? [], renamedYear: row["renamed_year"])
        })
        dongCache.withLock { $0 = (revision, directory) }
        return directory
    }

    public func household(id: Int64) async throws -> Household {
        try await read { [self] db in try await PostgresStore.fetchHousehold(db, id: id) }
    }

    static func fetchHousehold(_ db: PGSQL, id: Int64) async throws -> Household {
        guard let row = try await db.one("SELECT * FROM household WHERE id = ?", [id]) else {
            throw StoreError.notFound(entity: "household", id: id)
        }
        return Household(row: row)
    }

    public func households() async throws -> [Household] {
        try await read { [self] db in try await db.rows("SELECT * FROM household ORDER BY id").map(Household.init(row:)) }
    }

    public func volunteer(id: Int64) async throws -> Volunteer {
        try await read { [self] db in try await PostgresStore.fetchVolunteer(db, id: id) }
    }

    static func fetchVolunteer(_ db: PGSQL, id: Int64) async throws -> Volunteer {
        guard let row = try await db.one("SELECT * FROM volunteer WHERE id = ?", [id]) else {
            throw StoreError.notFound(entity: "volunteer", id: id)
        }
        var volunteer = Volunteer(row: row)
        volunteer.availability = WeeklyAvailability(try await db.rows(
            "SELECT * FROM availability_window WHERE volunteer_id = ?", [id]).compactMap(SQLiteStore.window(row:)))
        volunteer.daysOff = try await db.rows("SELECT * FROM day_off WHERE volunteer_id = ? ORDER BY from_date", [id])
            .compactMap(SQLiteStore.dayOff(row:))
        return volunteer
    }

    public func volunteers() async throws -> [Volunteer] {
        try await read { [self] db in try await cachedVolunteers(db) }
    }

    /// The whole volunteer list in id order, read again only when a volunteer's record changed.
    func cachedVolunteers(_ db: PGSQL) async throws -> [Volunteer] {
        let revision = try await db.value("SELECT value FROM meta WHERE key = 'volunteers_revision'", as: String.self) ?? ""
        if let cached = volunteerCache.withLock({ $0 }), cached.revision == revision { return cached.list }
        var windows: [Int64: [AvailabilityWindow]] = [:]
        for row in try await db.rows("SELECT * FROM availability_window") {
            if let window = SQLiteStore.window(row: row) { windows[row["volunteer_id"], default: []].append(window) }
        }
        var daysOff: [Int64: [DayOff]] = [:]
        for row in try await db.rows("SELECT * FROM day_off ORDER BY from_date") {
            if let off = SQLiteStore.dayOff(row: row) { daysOff[row["volunteer_id"], default: []].append(off) }
        }
        let list = try await db.rows("SELECT * FROM volunteer ORDER BY id").map { row in
            var volunteer = Volunteer(row: row)
            volunteer.availability = WeeklyAvailability(windows[volunteer.id] ?? [])
            volunteer.daysOff = daysOff[volunteer.id] ?? []
            return volunteer
        }
        volunteerCache.withLock { $0 = (revision, list) }
        return list
    }

    public func request(id: Int64) async throws -> EscortRequest {
        try await read { [self] db in try await PostgresStore.fetchRequest(db, id: id) }
    }

    static func fetchRequest(_ db: PGSQL, id: Int64) async throws -> EscortRequest {
        guard let row = try await db.one("SELECT * FROM escort_request WHERE id = ?", [id]) else {
            throw StoreError.notFound(entity: "request", id: id)
        }
        return EscortRequest(row: row)
    }

    public func pendingRequests(limit: Int) async throws -> [EscortRequest] {
        try await read { [self] db in
            try await db.rows("SELECT * FROM escort_request WHERE status = 'pending' ORDER BY appointment_at, id LIMIT ?", [limit])
                .map(EscortRequest.init(row:))
        }
    }

    public func requests(in span: TimeSpan) async throws -> [EscortRequest] {
        try await read { [self] db in
            try await db.rows("SELECT * FROM escort_request WHERE appointment_at >= ? AND appointment_at < ? ORDER BY appointment_at, id",
                              [Stored.cell(span.start), Stored.cell(span.end)]).map(EscortRequest.init(row:))
        }
    }

    public func assignments(in span: TimeSpan) async throws -> [Assignment] {
        try await read { [self] db in
            try await db.rows("SELECT * FROM assignment WHERE starts_at >= ? AND starts_at < ? ORDER BY starts_at, id",
                              [Stored.cell(span.start), Stored.cell(span.end)]).map(Assignment.init(row:))
        }
    }

    public func auditLog(in span: TimeSpan?, limit: Int?) async throws -> [AuditEntry] {
        try await read { [self] db in
            let from = span.map { Stored.seconds($0.start) } ?? Int64.min
            let to = span.map { Stored.seconds($0.end) } ?? Int64.max
            return try await db.rows("SELECT * FROM audit WHERE at >= ? AND at < ? ORDER BY id DESC LIMIT ?",
                                     [from, to, limit.map(Int64.init) ?? Int64.max]).map(AuditEntry.init(row:))
        }
    }

    public func auditLog(matching query: AuditQuery, limit: Int) async throws -> [AuditEntry] {
        try await read { [self] db in
            var conditions: [String] = []
            var arguments: [(any DatabaseValueConvertible)?] = []
            if let dongs = query.dongCodes {
                conditions.append("dong_code = ANY (string_to_array(?, ','))")
                arguments.append(dongs.sorted().joined(separator: ","))
            }
            if let user = query.user {
                conditions.append("\"user\" LIKE ? ESCAPE '\\'")
                arguments.append(SQLiteStore.likePattern(user))
            }
            if let requestID = query.requestID {
                conditions.append("entity = 'request' AND entity_id = ?")
                arguments.append(String(requestID))
            }
            let filter = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
            arguments.append(limit)
            return try await db.rows("SELECT * FROM audit \(filter) ORDER BY id DESC LIMIT ?", arguments).map(AuditEntry.init(row:))
        }
    }
}

