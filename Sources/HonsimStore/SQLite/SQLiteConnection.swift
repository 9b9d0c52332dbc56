import Foundation
import GRDB
import HonsimCore

/// SQLite's side of `StoreConnection`: each call runs on the transaction's thread through its
/// `DatabaseChannel`, with GRDB's cached statements.
struct SQLiteConnection: StoreConnection {
    let channel: DatabaseChannel
    /// Every volunteer's minutes per period, kept per reader connection (SQLiteStore+PeriodMinutes).
    let minutesCache: Locked<[ObjectIdentifier: PeriodMinutes]>

    func rows(_ sql: String, _ values: [(any DatabaseValueConvertible)?]) async throws -> [StoredCells] {
        let arguments = SQLiteConnection.arguments(values)
        return try await channel.run { db in
            let statement = try db.cachedStatement(sql: sql)
            let columns = StoredCells.Columns(statement.columnNames)
            var found: [StoredCells] = []
            let rows = try Row.fetchCursor(statement, arguments: arguments)
            while let row = try rows.next() { found.append(StoredCells(columns: columns, values: Array(row.databaseValues))) }
            return found
        }
    }

    func forEachRow(_ sql: String, _ values: [(any DatabaseValueConvertible)?], _ body: @escaping (any StoredRow) throws -> Void) async throws {
        let arguments = SQLiteConnection.arguments(values)
        try await channel.run { db in
            // A cursor's row is only valid until the next: `body` keeps what it needs.
            let statement = try db.cachedStatement(sql: sql)
            let rows = try Row.fetchCursor(statement, arguments: arguments)
            while let row = try rows.next() { try body(StatementCells(row: row, statement: statement.sqliteStatement)) }
        }
    }

    /// Plain rows: SQLite hands them over as fast one by one.
    func forEachBulkRow(_ columns: [BulkColumn], _ clause: String, _ values: [(any DatabaseValueConvertible)?],
                        _ body: @escaping (any StoredRow) throws -> Void) async throws {
        try await forEachRow("SELECT \(columns.map(\.expression).joined(separator: ", ")) \(clause)", values, body)
    }

    func execute(_ sql: String, _ values: [(any DatabaseValueConvertible)?]) async throws {
        let arguments = SQLiteConnection.arguments(values)
        try await channel.run { db in try db.execute(sql: sql, arguments: arguments) }
    }

    /// One cached statement, run once a row: as fast in SQLite as many rows to a statement.
    func insert(into table: String, columns: [String], rows: [[(any DatabaseValueConvertible)?]]) async throws {
        guard !rows.isEmpty, !columns.isEmpty else { return }
        let sql = "INSERT INTO \(table) (\(columns.map(SQLText.quoted).joined(separator: ", "))) VALUES (\(SQLText.marks(columns.count)))"
        // Each row's arguments made here, at once from the store's values: made from
        // `DatabaseValue`s GRDB would convert each again through a key path, slower than the insert.
        let arguments = rows.map { StatementArguments($0) }
        try await channel.run { db in
            let statement = try db.cachedStatement(sql: sql)
            for row in arguments { try statement.execute(arguments: row) }
        }
    }

    /// The same statement, each row's id as SQLite gave it.
    func insertReturningIDs(into table: String, columns: [String], rows: [[(any DatabaseValueConvertible)?]]) async throws -> [Int64] {
        guard !rows.isEmpty else { return [] }
        let sql = "INSERT INTO \(table) (\(columns.map(SQLText.quoted).joined(separator: ", "))) VALUES (\(SQLText.marks(columns.count)))"
        let arguments = rows.map { StatementArguments($0) }
        return try await channel.run { db in
            let statement = try db.cachedStatement(sql: sql)
            return try arguments.map { row in
                try statement.execute(arguments: row)
                return db.lastInsertedRowID
            }
        }
    }

    /// Nothing to take: the writer holds the whole file from BEGIN IMMEDIATE to its commit.
    func lock(_ lock: StoreLock) async throws {}

    func provideLogin(for name: String) async throws {}

    func storageProblems() async throws -> [InvariantViolation] {
        try await channel.run { db in
            var found: [InvariantViolation] = []
            for row in try Row.fetchAll(db, sql: "PRAGMA quick_check") where (row[0] as String) != "ok" {
                found.append(InvariantViolation(rule: "integrity", detail: row[0]))
            }
            for row in try Row.fetchAll(db, sql: "PRAGMA foreign_key_check") {
                found.append(InvariantViolation(rule: "foreign key",
                                                detail: "\(row["table"] as String) row \(row["rowid"] as Int64? ?? 0) → \(row["parent"] as String)"))
            }
            return found
        }
    }

    /// GRDB's arguments from the store's values, made before the values cross to the
    /// transaction's thread.
    static func arguments(_ values: [(any DatabaseValueConvertible)?]) -> StatementArguments {
        StatementArguments(values)
    }
}

extension SQLiteConnection {
    func indexHint(_ name: String) -> String { "INDEXED BY \(name)" }
    func seen(_ records: PersonalRecords) -> String { records.rawValue }
    func among(_ column: String) -> String { "\(column) IN (SELECT value FROM json_each('[' || ? || ']'))" }
    func ownsStore() async throws -> Bool { false }
}

extension SQLiteConnection {
    /// A big load overflows SQLite's default 2 MB page cache within its one transaction. The
    /// size belongs to the writer's connection, which outlives the transaction: it is put back
    /// after a failed load too (unless the connection itself is what failed, when the body's
    /// error is the one to tell).
    func bulkLoad<T>(_ body: () async throws -> T) async throws -> T {
        try await execute("PRAGMA cache_size = -262144", [])
        let result: T
        do { result = try await body() } catch {
            try? await execute("PRAGMA cache_size = -2000", [])
            throw error
        }
        try await execute("PRAGMA cache_size = -2000", [])
        return result
    }

    func idsWritten() async throws {}
}

extension SQLiteConnection {
    func tableExists(_ name: String) async throws -> Bool {
        try await channel.run { db in try db.tableExists(name) }
    }

    /// In turn: SQLite answers in the process, with no round trip to save.
    func both<A: Sendable, B: Sendable>(_ first: @escaping @Sendable (any StoreConnection) async throws -> A,
                                        _ second: @escaping @Sendable (any StoreConnection) async throws -> B) async throws -> (A, B) {
        (try await first(self), try await second(self))
    }
}
