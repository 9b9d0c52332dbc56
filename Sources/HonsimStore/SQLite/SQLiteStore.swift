import Foundation
import GRDB
import HonsimCore

/// The embedded case store: one SQLite file in WAL mode that several processes share (the
/// office terminal, SSH sessions, the kiosk). Writers take the write lock at the start of
/// their transaction (BEGIN IMMEDIATE) and wait for each other up to the busy timeout, so
/// a read-then-write never fails half-way with "database is locked".
public final class SQLiteStore: SQLCaseStore, CaseStore, @unchecked Sendable {
    /// The page cache of each reader connection, in KiB (SQLite's default is 2,000).
    static let readerCacheKiB = 256
    /// Reader connections, one per core (at least two, so that one long read never holds up
    /// the rest): a read is work for a core, and each reader keeps its own schema, statements
    /// and page cache, a third of a megabyte on a city's store. The dashboard's load opened all
    /// of GRDB's default five, more than a small office machine's cores run at once.
    static let readerCount = max(2, ProcessInfo.processInfo.activeProcessorCount)
    let pool: DatabasePool
    /// Keeps the log checkpointed after commits; nil for a read-only session.
    let checkpointer: LogCheckpointer?
    /// The file as it was when opened, to notice it being replaced or removed.
    let openedFile: FileIdentity?

    /// How long a writer waits for another before giving up with `StoreError.busy`.
    public static let busyTimeout: TimeInterval = 15

    /// Opens the store at `path`, creating and migrating it when `create` is true (`init`,
    /// `seed`, `demo`), and migrating an older one in any case.
    /// A new store's file is made with `sharing`'s mode (the owner's alone unless a group is
    /// named), whatever the umask; SQLite gives its -wal and -shm the same. A store on a network
    /// file system is refused for writing, and may still be read (`readOnly`).
    public init(path: String, user: String = OSUser.current, create: Bool = false, readOnly: Bool = false,
                sharing: StoreSharing = .owner,
                timeZone: String? = nil, clock: @escaping @Sendable () -> Date = { Date() }) throws {
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent().path
        let fileManager = FileManager.default
        var isFolder: ObjCBool = false
        guard fileManager.fileExists(atPath: folder, isDirectory: &isFolder), isFolder.boolValue else {
            throw StoreError.folderMissing(path: path)
        }
        let exists = fileManager.fileExists(atPath: path)
        if !exists && !create {
            throw StoreError.noStoreYet(path: path, create: "honsim init --store \(path)")
        }
        if exists {
            try SQLiteStore.checkHeader(path: path)
            if !readOnly && !fileManager.isWritableFile(atPath: path) { throw StoreError.notWritable(path: path) }
        }
        // WAL needs to create its -wal and -shm files beside the store.
        if !readOnly && !fileManager.isWritableFile(atPath: folder) { throw StoreError.notWritable(path: path) }
        if !readOnly, let kind = NetworkFileSystem.kind(of: path) { throw StoreError.networkFileSystem(path: path, kind: kind) }
        if !exists { try StoreFiles.createStoreFile(path, sharing: sharing) }

        var configuration = Configuration()
        configuration.busyMode = .timeout(SQLiteStore.busyTimeout)
        configuration.readonly = readOnly
        configuration.label = "honsim"
        // Readers stay open for the store's life (GRDB would close them only to release
        // memory): the minutes cache is kept per reader connection.
        configuration.persistentReadOnlyConnections = true
        configuration.maximumReaderCount = SQLiteStore.readerCount
        // The writer's commits leave the log's checkpoint to a background queue (LogCheckpointer).
        let checkpointer = readOnly ? nil : LogCheckpointer(path: path)
        configuration.prepareDatabase { db in
            if !db.configuration.readonly { checkpointer?.install(on: db) }
            // A reader's page cache is dropped whenever anyone commits (WAL), so beyond what one
            // read walks twice it only holds memory: each of the dashboard's three readers kept
            // 2 MB of the pages its last load passed over once.
            if db.configuration.readonly { try db.execute(sql: "PRAGMA cache_size = -\(SQLiteStore.readerCacheKiB)") }
        }
        let pool: DatabasePool
        let calendar: Calendar
        let rules: MatchRules
        do {
            pool = try DatabasePool(path: path, configuration: configuration)
            // Refuses a store made by a newer honsim, even to read it.
            let pending = try SQLiteMigrator.pending(pool, location: path)
            if !readOnly {
                try SQLiteMigrator.apply(pending, to: pool)
                try pool.write { db in
                    let zone = timeZone ?? SQLiteStore.defaultTimeZone
                    try db.execute(sql: "INSERT OR IGNORE INTO meta (key, value) VALUES ('time_zone', ?)", arguments: [zone])
                    if create { try SQLiteStore.registerCreator(db, user: user, at: Stored.date(Stored.seconds(clock()))) }
                }
            }
            let meta = try pool.read { db in
                try Dictionary(uniqueKeysWithValues: Row.fetchAll(db, sql: "SELECT key, value FROM meta").map { ($0["key"] as String, $0["value"] as String) })
            }
            (calendar, rules) = SQLCaseStore.settings(meta)
        } catch let error as StoreError {
            throw error
        } catch let error as DatabaseError {
            throw SQLiteStore.translate(error, path: path)
        }
        self.pool = pool
        self.checkpointer = checkpointer
        self.openedFile = FileIdentity(path: path)
        super.init(location: path, calendar: calendar, user: user, readOnly: readOnly, rules: rules, clock: clock,
                   engine: SQLiteEngine(pool: pool, location: path))
    }

    /// The OS user who creates a store is its admin, unless it has one already (an older store
    /// migrated by `init`): done as the store is opened, before any async operation can run.
    static func registerCreator(_ db: Database, user: String, at now: Date) throws {
        let admins = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM users WHERE role = 'admin'") ?? 0
        guard admins == 0 else { return }
        let creator = StoreUser(name: user, displayName: "", role: .admin, dongCodes: [], createdAt: now, createdBy: user,
                                updatedAt: now, updatedBy: user)
        try db.execute(sql: StoreUser.insertSQL, arguments: SQLiteConnection.arguments(creator.insertValues))
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

}

/// Runs the operations on SQLite: reads on a pooled reader (one snapshot), writes on the one
/// writer (BEGIN IMMEDIATE: the write lock is taken before anything is read, so the invariants
/// checked inside hold until commit), each through a `DatabaseChannel`.
struct SQLiteEngine: StoreEngine {
    let pool: DatabasePool
    let location: String
    /// Every volunteer's minutes per period, kept per reader connection.
    let minutesCache = Locked<[ObjectIdentifier: PeriodMinutes]>([:])

    func read<T: Sendable>(_ body: @escaping @Sendable (any StoreConnection) async throws -> T) async throws -> T {
        try await transaction(write: false, body)
    }

    /// A reader's transaction is one snapshot, and takes no lock.
    func snapshot<T: Sendable>(_ body: @escaping @Sendable (any StoreConnection) async throws -> T) async throws -> T {
        try await transaction(write: false, body)
    }

    func write<T: Sendable>(_ body: @escaping @Sendable (any StoreConnection) async throws -> T) async throws -> T {
        // An open connection keeps writing to a file that was deleted or moved away, and
        // the change would be lost with it: refuse instead, so the screen can offer a retry.
        guard FileManager.default.fileExists(atPath: location) else { throw StoreError.storeGone(path: location) }
        return try await transaction(write: true, body)
    }

    func pendingMigrations() async throws -> [Migration] {
        try SQLiteMigrator.pending(pool, location: location)
    }

    private func transaction<T: Sendable>(write: Bool, _ body: @escaping @Sendable (any StoreConnection) async throws -> T) async throws -> T {
        let channel = DatabaseChannel()
        let pool = pool
        let serving = Task {
            do {
                if write { try await pool.write { db in try channel.serve(db) } } else { try await pool.read { db in try channel.serve(db) } }
            } catch {
                channel.fail(error)
                throw error
            }
        }
        do {
            let connection = SQLiteConnection(channel: channel, minutesCache: minutesCache)
            let result = try await withTaskExecutorPreference(channel) { try await body(connection) }
            channel.finish(nil)
            // The commit's own failure (a constraint checked at the end, a full disk) surfaces here.
            try await serving.value
            return result
        } catch {
            channel.finish(error)
            // Rolled back; what the caller hears is the operation's error, not the rollback's echo of it.
            _ = await serving.result
            throw translate(error)
        }
    }

    private func translate(_ error: any Error) -> any Error {
        guard let error = error as? DatabaseError else { return error }
        // The trigger caught an overlap the checks before it should have: report it plainly.
        if error.message?.contains("double-booked") == true { return StoreError.integrity(reason: error.message ?? "double-booked") }
        return SQLiteStore.translate(error, path: location)
    }
}
