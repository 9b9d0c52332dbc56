import Foundation
import GRDB
import HonsimCore

/// How a backend runs an operation: on a connection inside a read (one snapshot) or a write
/// transaction (all or nothing). `SQLiteStore` and `PostgresStore` each supply one.
protocol StoreEngine: Sendable {
    func read<T: Sendable>(_ body: @escaping @Sendable (any StoreConnection) async throws -> T) async throws -> T
    func write<T: Sendable>(_ body: @escaping @Sendable (any StoreConnection) async throws -> T) async throws -> T
    /// Reads that must all see one moment of the store and hold no lock (an import's dry run).
    func snapshot<T: Sendable>(_ body: @escaping @Sendable (any StoreConnection) async throws -> T) async throws -> T
    /// The schema's changes this store has not had yet (throws `newerSchema` for a newer store).
    func pendingMigrations() async throws -> [Migration]
}

/// The case store's operations, written once for both backends: each reads what it needs
/// through a `StoreConnection`, decides with the rules of HonsimCore and `StoreRules`, and
/// writes, inside one transaction of the backend's `StoreEngine`. `SQLiteStore` and
/// `PostgresStore` add only how they open, connect and notice changes, and their dialect's
/// SQL where the dialects differ (SQLiteConnection, PGSQL).
public class SQLCaseStore: @unchecked Sendable {
    public let location: String
    public let calendar: Calendar
    /// Who writes are attributed to: the OS user on SQLite, the login role on PostgreSQL.
    public let user: String
    /// A read-only session: no write can happen, and the session is a viewer whatever its role.
    public let readOnly: Bool
    let rules: MatchRules
    /// What time it is for the audit log and the rows' stamps; tests fix it.
    let clock: @Sendable () -> Date
    let engine: any StoreEngine
    /// All volunteers with their windows and days off, keyed by the store's volunteers revision.
    let volunteerCache = Locked<(revision: String, list: [Volunteer])?>(nil)
    /// The dongs, keyed by the store's dongs revision.
    let dongCache = Locked<(revision: String, directory: DongDirectory)?>(nil)
    /// The volunteers revision at which a ranking last read its volunteers' records by id:
    /// the next ranking at the same revision reads and keeps the whole list instead.
    let recordsReadByID = Locked<String?>(nil)
    /// The volunteers prepared for ranking, keyed by both revisions.
    let poolCache = Locked<(revisions: String, kept: KeptPool)?>(nil)
    /// The last call found the store unreachable: the next that succeeds is a reconnection.
    let disconnected = Locked(false)
    /// "sqlite" or "postgres", for the log.
    var backendName: String { PostgresURL.isPostgres(location) ? "postgres" : "sqlite" }

    init(location: String, calendar: Calendar, user: String, readOnly: Bool, rules: MatchRules,
         clock: @escaping @Sendable () -> Date, engine: any StoreEngine) {
        self.location = location
        self.calendar = calendar
        self.user = user
        self.readOnly = readOnly
        self.rules = rules
        self.clock = clock
        self.engine = engine
    }

    /// Runs reads on one connection, in one snapshot.
    func read<T: Sendable>(_ body: @escaping @Sendable (any StoreConnection) async throws -> T) async throws -> T {
        try await StoreLog.observed("read", store: self) { try await engine.read(body) }
    }

    /// Runs one write transaction; nothing of it stays when it throws.
    func write<T: Sendable>(_ body: @escaping @Sendable (any StoreConnection) async throws -> T) async throws -> T {
        // The connection would refuse anyway; this says why in words.
        if readOnly { throw StoreError.access(.readOnlySession) }
        return try await StoreLog.observed("write", store: self) {
            try await engine.write { [self] db in
                let result = try await body(db)
                // Before the commit, so the figures change with the rows or not at all.
                try await foldKeptFigures(db)
                return result
            }
        }
    }

    /// Now, to the second, as the rows store it.
    func now() -> Date { Stored.date(Stored.seconds(clock())) }

    var loadContext: LoadContext { LoadContext(calendar: calendar, rules: rules) }

    // MARK: Reading

    public func isEmpty() async throws -> Bool {
        try await read { db in
            // Each EXISTS stops at the first row: a city's store is not counted to say it holds something.
            try await db.value("""
                SELECT NOT (EXISTS (SELECT 1 FROM \(db.seen(.household))) OR EXISTS (SELECT 1 FROM \(db.seen(.volunteer)))
                            OR EXISTS (SELECT 1 FROM \(db.seen(.request))))
                """, as: Bool.self) ?? true
        }
    }

    public func counts() async throws -> StoreCounts {
        try await read { db in
            guard let row = try await db.one("""
                SELECT (SELECT COUNT(*) FROM dong) AS dongs, (SELECT COUNT(*) FROM \(db.seen(.household))) AS households,
                       (SELECT COUNT(*) FROM \(db.seen(.volunteer))) AS volunteers, (SELECT COUNT(*) FROM \(db.seen(.request))) AS requests,
                       (SELECT COUNT(*) FROM \(db.seen(.request)) WHERE status = 'pending') AS pending,
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

    /// The dongs, read again only when one has changed.
    func cachedDongs(_ db: any StoreConnection) async throws -> DongDirectory {
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
        try await read { db in try await SQLCaseStore.fetchHousehold(db, id: id) }
    }

    static func fetchHousehold(_ db: any StoreConnection, id: Int64) async throws -> Household {
        Household(row: try await fetchRow(db, .household, entity: "household", id: id))
    }

    /// A request's household, read without waiting for the request (`StoreConnection.both`).
    static func fetchHousehold(_ db: any StoreConnection, ofRequest requestID: Int64) async throws -> Household {
        let sql = "SELECT * FROM \(db.seen(.household)) WHERE id = (SELECT household_id FROM \(db.seen(.request)) WHERE id = ?)"
        guard let row = try await db.one(sql, [requestID]) else { throw StoreError.notFound(entity: "request", id: requestID) }
        return Household(row: row)
    }

    /// A record's row by id, as the role may see it, or `notFound` naming what it is.
    static func fetchRow(_ db: any StoreConnection, _ records: PersonalRecords, entity: String, id: Int64) async throws -> StoredCells {
        guard let row = try await db.one("SELECT * FROM \(db.seen(records)) WHERE id = ?", [id]) else {
            throw StoreError.notFound(entity: entity, id: id)
        }
        return row
    }

    public func households() async throws -> [Household] {
        try await read { db in try await db.rows("SELECT * FROM \(db.seen(.household)) ORDER BY id").map { Household(row: $0) } }
    }

    public func households(ids: Set<Int64>) async throws -> [Int64: Household] {
        guard !ids.isEmpty else { return [:] }
        return try await read { db in try await SQLCaseStore.fetchHouseholds(db, ids: ids) }
    }

    static func fetchHouseholds(_ db: any StoreConnection, ids: Set<Int64>) async throws -> [Int64: Household] {
        var found: [Int64: Household] = [:]
        try await SQLText.forEachChunk(of: ids) { marks, chunk in
            for row in try await db.rows("SELECT * FROM \(db.seen(.household)) WHERE id IN (\(marks))", chunk) {
                let household = Household(row: row)
                found[household.id] = household
            }
        }
        return found
    }

    public func volunteer(id: Int64) async throws -> Volunteer {
        try await read { db in try await SQLCaseStore.fetchVolunteer(db, id: id) }
    }

    static func fetchVolunteer(_ db: any StoreConnection, id: Int64) async throws -> Volunteer {
        var volunteer = Volunteer(row: try await fetchRow(db, .volunteer, entity: "volunteer", id: id))
        volunteer.availability = WeeklyAvailability(try await db.rows(
            "SELECT * FROM availability_window WHERE volunteer_id = ?", [id]).compactMap { StoreRules.window(row: $0) })
        volunteer.daysOff = try await db.rows("SELECT * FROM day_off WHERE volunteer_id = ? ORDER BY from_date", [id])
            .compactMap { StoreRules.dayOff(row: $0) }
        return volunteer
    }

    public func volunteers() async throws -> [Volunteer] {
        try await read { [self] db in try await cachedVolunteers(db) }
    }

    public func request(id: Int64) async throws -> EscortRequest {
        try await read { db in try await SQLCaseStore.fetchRequest(db, id: id) }
    }

    static func fetchRequest(_ db: any StoreConnection, id: Int64) async throws -> EscortRequest {
        EscortRequest(row: try await fetchRow(db, .request, entity: "request", id: id))
    }

    public func pendingRequests(limit: Int) async throws -> [EscortRequest] {
        try await read { db in
            try await db.rows("SELECT * FROM \(db.seen(.request)) WHERE status = 'pending' ORDER BY appointment_at, id LIMIT ?", [limit])
                .map { EscortRequest(row: $0) }
        }
    }

    public func requests(in span: TimeSpan) async throws -> [EscortRequest] {
        try await read { db in
            try await db.rows("SELECT * FROM \(db.seen(.request)) WHERE appointment_at >= ? AND appointment_at < ? ORDER BY appointment_at, id",
                              [Stored.cell(span.start), Stored.cell(span.end)]).map { EscortRequest(row: $0) }
        }
    }

    public func assignments(in span: TimeSpan) async throws -> [Assignment] {
        try await read { db in
            try await db.rows("SELECT * FROM assignment WHERE starts_at >= ? AND starts_at < ? ORDER BY starts_at, id",
                              [Stored.cell(span.start), Stored.cell(span.end)]).map { Assignment(row: $0) }
        }
    }

    public func auditLog(in span: TimeSpan?, limit: Int?) async throws -> [AuditEntry] {
        try await read { db in
            let from = span.map { Stored.seconds($0.start) } ?? Int64.min
            let to = span.map { Stored.seconds($0.end) } ?? Int64.max
            return try await db.rows("SELECT * FROM audit WHERE at >= ? AND at < ? ORDER BY id DESC LIMIT ?",
                                     [from, to, limit.map(Int64.init) ?? Int64.max]).map { AuditEntry(row: $0) }
        }
    }

    public func auditLog(matching query: AuditQuery, limit: Int) async throws -> [AuditEntry] {
        try await read { db in
            var conditions: [String] = []
            var arguments: [(any DatabaseValueConvertible)?] = []
            if let dongs = query.dongCodes {
                // No dongs at all matches nothing (`IN ()` is not SQL in every dialect).
                conditions.append(dongs.isEmpty ? "1 = 0" : "dong_code IN (\(SQLText.marks(dongs.count)))")
                arguments += dongs.sorted()
            }
            if let user = query.user {
                conditions.append("\"user\" LIKE ? ESCAPE '\\'")
                arguments.append(SQLText.likePattern(user))
            }
            if let requestID = query.requestID {
                conditions.append("entity = 'request' AND entity_id = ?")
                arguments.append(String(requestID))
            }
            let filter = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
            arguments.append(limit)
            return try await db.rows("SELECT * FROM audit \(filter) ORDER BY id DESC LIMIT ?", arguments).map { AuditEntry(row: $0) }
        }
    }
}

extension SQLCaseStore {
    /// The time zone a new store reckons days, weeks and months in.
    public static let defaultTimeZone = StoreRules.defaultTimeZone

    /// The calendar and the matching rules a store's `meta` table sets.
    static func settings(_ meta: [String: String]) -> (Calendar, MatchRules) {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: meta["time_zone"] ?? defaultTimeZone) ?? .current
        calendar.firstWeekday = 2
        return (calendar, MatchRules(travelBufferMinutes: Int(meta["travel_buffer_minutes"] ?? "") ?? Schema.defaultTravelBufferMinutes,
                                     credentials: credentialRules(meta)))
    }
}
