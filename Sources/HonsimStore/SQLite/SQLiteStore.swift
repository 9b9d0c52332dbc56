import Foundation
import GRDB
import HonsimCore

/// The embedded case store: one SQLite file in WAL mode that several processes share (the
/// office terminal, SSH sessions, the kiosk). Writers take the write lock at the start of
/// their transaction (BEGIN IMMEDIATE) and wait for each other up to the busy timeout, so
/// a read-then-write never fails half-way with "database is locked".
public final class SQLiteStore: CaseStore {
    public let location: String
    public let calendar: Calendar
    let pool: DatabasePool
    /// The OS user that writes are attributed to.
    public let user: String
    /// Opened read-only at the connection level (`--readonly`, the kiosk): no write can
    /// happen, even by a bug, and the session is a viewer whatever its role.
    public let readOnly: Bool
    /// The file as it was when opened, to notice it being replaced or removed.
    let openedFile: FileIdentity?
    let rules: MatchRules
    /// What time it is for the audit log and the rows' stamps; tests fix it.
    let clock: @Sendable () -> Date
    /// All volunteers with their windows and days off, keyed by the store's volunteers revision.
    let volunteerCache = Locked<(revision: String, list: [Volunteer])?>(nil)
    /// The dongs, keyed by the store's dongs revision.
    let dongCache = Locked<(revision: String, directory: DongDirectory)?>(nil)
    /// The volunteers prepared for ranking, keyed by both revisions.
    let poolCache = Locked<(revisions: String, pool: MatchPool)?>(nil)
    /// Every volunteer's minutes per week and month, per reader connection and data version.
    let minutesCache = Locked<[ObjectIdentifier: PeriodMinutes]>([:])

    /// How long a writer waits for another before giving up with `StoreError.busy`.
    public static let busyTimeout: TimeInterval = 15
    public static let defaultTimeZone = "Asia/Seoul"

    /// Opens the store at `path`, creating and migrating it when `create` is true (`init`,
    /// `seed`, `demo`), and migrating an older one in any case.
    public init(path: String, user: String = OSUser.current, create: Bool = false, readOnly: Bool = false,
                timeZone: String? = nil, clock: @escaping @Sendable () -> Date = { Date() }) throws {
        self.clock = clock
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent().path
        let fileManager = FileManager.default
        var isFolder: ObjCBool = false
        guard fileManager.fileExists(atPath: folder, isDirectory: &isFolder), isFolder.boolValue else {
            throw StoreError.folderMissing(path: path)
        }
        let exists = fileManager.fileExists(atPath: path)
        if !exists && !create {
            throw StoreError.cannotOpen(path: path, reason: "no store there yet; run 'honsim init' or 'honsim demo'")
        }
        if exists {
            try SQLiteStore.checkHeader(path: path)
            if !readOnly && !fileManager.isWritableFile(atPath: path) { throw StoreError.notWritable(path: path) }
        }
        // WAL needs to create its -wal and -shm files beside the store.
        if !readOnly && !fileManager.isWritableFile(atPath: folder) { throw StoreError.notWritable(path: path) }

        var configuration = Configuration()
        configuration.busyMode = .timeout(SQLiteStore.busyTimeout)
        configuration.readonly = readOnly
        configuration.label = "honsim"
        // Readers stay open for the store's life (GRDB would close them only to release
        // memory): the minutes cache is kept per reader connection.
        configuration.persistentReadOnlyConnections = true
        do {
            pool = try DatabasePool(path: path, configuration: configuration)
            let migrator = Schema.migrator
            let superseded = try pool.read { db in try migrator.hasBeenSuperseded(db) }
            if superseded {
                let applied = try pool.read { db in try migrator.appliedIdentifiers(db) }
                let unknown = applied.subtracting(migrator.migrations).sorted().last ?? "?"
                throw StoreError.newerSchema(path: path, found: unknown)
            }
            if !readOnly {
                try migrator.migrate(pool)
                try pool.write { db in
                    let zone = timeZone ?? SQLiteStore.defaultTimeZone
                    try db.execute(sql: "INSERT OR IGNORE INTO meta (key, value) VALUES ('time_zone', ?)", arguments: [zone])
                    if create { try SQLiteStore.registerCreator(db, user: user, at: Stored.date(Stored.seconds(clock()))) }
                }
            }
            let meta = try pool.read { db in
                try Dictionary(uniqueKeysWithValues: Row.fetchAll(db, sql: "SELECT key, value FROM meta").map { ($0["key"] as String, $0["value"] as String) })
            }
            var calendar = Calendar(identifier: .gregorian)
            calendar.timeZone = TimeZone(identifier: meta["time_zone"] ?? SQLiteStore.defaultTimeZone) ?? .current
            calendar.firstWeekday = 2
            self.calendar = calendar
            self.rules = MatchRules(travelBufferMinutes: Int(meta["travel_buffer_minutes"] ?? "") ?? Schema.defaultTravelBufferMinutes)
        } catch let error as StoreError {
            throw error
        } catch let error as DatabaseError {
            throw SQLiteStore.translate(error, path: path)
        }
        self.location = path
        self.user = user
        self.readOnly = readOnly
        self.openedFile = FileIdentity(path: path)
    }

    /// A SQLite file begins with "SQLite format 3\0"; an empty file is a store not yet made.
    static func checkHeader(path: String) throws {
        guard let handle = FileHandle(forReadingAtPath: path) else { throw StoreError.notWritable(path: path) }
        defer { try? handle.close() }
        let header = (try? handle.read(upToCount: 16)) ?? Data()
        if header.isEmpty { return }
        if header != Data("SQLite format 3\0".utf8) { throw StoreError.notADatabase(path: path) }
    }

    static func translate(_ error: DatabaseError, path: String) -> StoreError {
        switch error.resultCode {
        case .SQLITE_NOTADB: return .notADatabase(path: path)
        case .SQLITE_BUSY, .SQLITE_LOCKED: return .busy(path: path)
        case .SQLITE_READONLY, .SQLITE_PERM, .SQLITE_CANTOPEN: return .notWritable(path: path)
        case .SQLITE_CONSTRAINT: return .integrity(reason: error.message ?? "constraint failed")
        default: return .cannotOpen(path: path, reason: error.message ?? "\(error.resultCode)")
        }
    }

    /// Runs a read, turning SQLite's errors into the store's.
    func read<T: Sendable>(_ body: @Sendable @escaping (Database) throws -> T) async throws -> T {
        do { return try await pool.read(body) } catch let error as DatabaseError { throw SQLiteStore.translate(error, path: location) }
    }

    // MARK: Reading

    public func isEmpty() async throws -> Bool {
        try await read { db in try Bool.fetchOne(db, sql: Self.isEmptySQL) ?? true }
    }

    /// One statement for both stores: each EXISTS stops at the first row.
    static let isEmptySQL = """
        SELECT NOT (EXISTS (SELECT 1 FROM household) OR EXISTS (SELECT 1 FROM volunteer) OR EXISTS (SELECT 1 FROM escort_request))
        """

    public func counts() async throws -> StoreCounts {
        try await read { db in
            var counts = StoreCounts()
            counts.dongs = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM dong") ?? 0
            counts.households = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM household") ?? 0
            counts.volunteers = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM volunteer") ?? 0
            counts.requests = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM escort_request") ?? 0
            counts.pending = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM escort_request WHERE status = 'pending'") ?? 0
            counts.assignments = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM assignment") ?? 0
            counts.auditEntries = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM audit") ?? 0
            return counts
        }
    }

    public func dongs() async throws -> DongDirectory {
        try await read { [self] db in try cachedDongs(db) }
    }

    /// The dongs, read again only when one has changed.
    func cachedDongs(_ db: Database) throws -> DongDirectory {
        let revision = try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'dongs_revision'") ?? ""
        if let cached = dongCache.withLock({ $0 }), cached.revision == revision { return cached.directory }
        let directory = try SQLiteStore.fetchDongs(db)
        dongCache.withLock { $0 = (revision, directory) }
        return directory
    }

    static func fetchDongs(_ db: Database) throws -> DongDirectory {
        var former: [String: [String]] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT name, dong_code FROM dong_former_name ORDER BY name") {
            former[row["dong_code"], default: []].append(row["name"])
        }
        let dongs = try Row.fetchAll(db, sql: "SELECT code, name, gu, renamed_year FROM dong ORDER BY position").map { row in
            Dong(code: row[0], name: row[1], gu: row[2], formerNames: former[row[0]] ?? [], renamedYear: row[3])
        }
        return DongDirectory(dongs)
    }

    public func household(id: Int64) async throws -> Household {
        try await read { db in try SQLiteStore.fetchHousehold(db, id: id) }
    }

    static func fetchHousehold(_ db: Database, id: Int64) throws -> Household {
        guard let row = try Row.fetchOne(db, sql: "SELECT * FROM household WHERE id = ?", arguments: [id]) else {
            throw StoreError.notFound(entity: "household", id: id)
        }
        return Household(row: row)
    }

    public func households() async throws -> [Household] {
        try await read { db in try Row.fetchAll(db, sql: "SELECT * FROM household ORDER BY id").map(Household.init(row:)) }
    }

    public func volunteer(id: Int64) async throws -> Volunteer {
        try await read { db in try SQLiteStore.fetchVolunteer(db, id: id) }
    }

    static func fetchVolunteer(_ db: Database, id: Int64) throws -> Volunteer {
        guard let row = try Row.fetchOne(db, sql: "SELECT * FROM volunteer WHERE id = ?", arguments: [id]) else {
            throw StoreError.notFound(entity: "volunteer", id: id)
        }
        var volunteer = Volunteer(row: row)
        volunteer.availability = WeeklyAvailability(try Row.fetchAll(
            db, sql: "SELECT * FROM availability_window WHERE volunteer_id = ?", arguments: [id]).compactMap(window(row:)))
        volunteer.daysOff = try Row.fetchAll(db, sql: "SELECT * FROM day_off WHERE volunteer_id = ? ORDER BY from_date", arguments: [id])
            .compactMap(dayOff(row:))
        return volunteer
    }

    static func window(row: some StoredRow) -> AvailabilityWindow? {
        guard let weekday = Weekday(rawValue: row["weekday"]) else { return nil }
        return AvailabilityWindow(weekday: weekday, start: ClockTime(minutes: row["start_minute"]), end: ClockTime(minutes: row["end_minute"]))
    }

    static func dayOff(row: some StoredRow) -> DayOff? {
        guard let from = CivilDate(iso: row["from_date"]), let to = CivilDate(iso: row["to_date"]) else { return nil }
        return DayOff(from: from, to: to, reason: row["reason"])
    }

    public func volunteers() async throws -> [Volunteer] {
        try await read { [self] db in try cachedVolunteers(db) }
    }

    /// The whole volunteer list, read again only when a volunteer's record has changed.
    /// The list is in id order; `volunteer(withID:in:)` finds one by binary search, so the
    /// cache holds no second copy of a city's volunteers keyed by id.
    func cachedVolunteers(_ db: Database) throws -> [Volunteer] {
        let revision = try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'volunteers_revision'") ?? ""
        if let cached = volunteerCache.withLock({ $0 }), cached.revision == revision { return cached.list }
        // Cursors read by column index: a city has tens of thousands of these rows.
        var windows: [Int64: [AvailabilityWindow]] = [:]
        let windowRows = try Row.fetchCursor(db, sql: "SELECT volunteer_id, weekday, start_minute, end_minute FROM availability_window")
        while let row = try windowRows.next() {
            guard let weekday = Weekday(rawValue: row[1]) else { continue }
            windows[row[0], default: []].append(AvailabilityWindow(weekday: weekday, start: ClockTime(minutes: row[2]), end: ClockTime(minutes: row[3])))
        }
        var daysOff: [Int64: [DayOff]] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT * FROM day_off ORDER BY from_date") {
            if let off = SQLiteStore.dayOff(row: row) { daysOff[row["volunteer_id"], default: []].append(off) }
        }
        var list: [Volunteer] = []
        let volunteerRows = try Row.fetchCursor(db, sql: """
            SELECT id, dong_code, name, gender, phone, skills, has_car, weekly_cap_minutes, notes, closed, version
            FROM volunteer ORDER BY id
            """)
        while let row = try volunteerRows.next() {
            let id: Int64 = row[0]
            list.append(Volunteer(
                id: id, dongCode: row[1], name: row[2], gender: Gender(rawValue: row[3]) ?? .female, phone: row[4],
                skills: Stored.skills(row[5]), hasCar: row[6], weeklyCapMinutes: row[7],
                availability: WeeklyAvailability(windows[id] ?? []), daysOff: daysOff[id] ?? [], notes: row[8],
                closed: row[9], version: row[10]))
        }
        volunteerCache.withLock { $0 = (revision, list) }
        return list
    }

    /// Binary search in a list in id order.
    static func volunteer(withID id: Int64, in list: [Volunteer]) -> Volunteer? {
        var low = 0, high = list.count
        while low < high {
            let middle = (low + high) / 2
            if list[middle].id < id { low = middle + 1 } else { high = middle }
        }
        return low < list.count && list[low].id == id ? list[low] : nil
    }

    public func request(id: Int64) async throws -> EscortRequest {
        try await read { db in try SQLiteStore.fetchRequest(db, id: id) }
    }

    static func fetchRequest(_ db: Database, id: Int64) throws -> EscortRequest {
        guard let row = try Row.fetchOne(db, sql: "SELECT * FROM escort_request WHERE id = ?", arguments: [id]) else {
            throw StoreError.notFound(entity: "request", id: id)
        }
        return EscortRequest(row: row)
    }

    public func pendingRequests(limit: Int) async throws -> [EscortRequest] {
        try await read { db in
            try Row.fetchAll(db, sql: """
                SELECT * FROM escort_request WHERE status = 'pending' ORDER BY appointment_at, id LIMIT ?
                """, arguments: [limit]).map(EscortRequest.init(row:))
        }
    }

    public func requests(in span: TimeSpan) async throws -> [EscortRequest] {
        try await read { db in
            try Row.fetchAll(db, sql: """
                SELECT * FROM escort_request WHERE appointment_at >= ? AND appointment_at < ? ORDER BY appointment_at, id
                """, arguments: [Stored.seconds(span.start), Stored.seconds(span.end)]).map(EscortRequest.init(row:))
        }
    }

    public func assignments(in span: TimeSpan) async throws -> [Assignment] {
        try await read { db in
            try Row.fetchAll(db, sql: """
                SELECT * FROM assignment WHERE starts_at >= ? AND starts_at < ? ORDER BY starts_at, id
                """, arguments: [Stored.seconds(span.start), Stored.seconds(span.end)]).map(Assignment.init(row:))
        }
    }

    public func auditLog(in span: TimeSpan?, limit: Int?) async throws -> [AuditEntry] {
        try await read { db in
            let from = span.map { Stored.seconds($0.start) } ?? Int64.min
            let to = span.map { Stored.seconds($0.end) } ?? Int64.max
            return try Row.fetchAll(db, sql: "SELECT * FROM audit WHERE at >= ? AND at < ? ORDER BY id DESC LIMIT ?",
                                    arguments: [from, to, limit ?? -1]).map(AuditEntry.init(row:))
        }
    }
}
