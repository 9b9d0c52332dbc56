import Foundation
import GRDB
import Logging
import PostgresNIO

/// One PostgreSQL connection (inside a transaction or not) with the conveniences the store's
/// SQL needs: `?` placeholders as in the SQLite code, values as GRDB `DatabaseValueConvertible`
/// and rows handed back as `StoredCells`s, read by name as GRDB rows are, so both backends decode
/// records with the same code (RowDecoding.swift) and store the same cells (seconds since 1970,
/// 0/1 flags, `;` lists).
struct PGSQL: StoreConnection {
    let connection: PostgresConnection
    let logger: Logger
    /// The store's kept minutes, on the connections of reads outside a transaction (rankings, plans).
    var keptMinutes: KeptMinutes? = nil
    /// Whether statements run by name, planned once per connection (PreparedReads.swift): on the
    /// connections of reads outside a transaction, whose texts repeat.
    var preparesReads = false

    func rows(_ sql: String, _ values: [(any DatabaseValueConvertible)?]) async throws -> [StoredCells] {
        var found: [StoredCells] = []
        try await eachCells(sql, values) { found.append($0) }
        return found
    }

    func forEachRow(_ sql: String, _ values: [(any DatabaseValueConvertible)?], _ body: @escaping (any StoredRow) throws -> Void) async throws {
        try await eachCells(sql, values, body)
    }

    /// Each row of the result as it arrives, its column names looked up once for them all.
    private func eachCells(_ sql: String, _ values: [(any DatabaseValueConvertible)?], _ body: (StoredCells) throws -> Void) async throws {
        let sequence = try await run(sql, values)
        var columns: StoredCells.Columns?
        for try await row in sequence {
            let names = columns ?? StoredCells.Columns(row.map(\.columnName))
            columns = names
            try body(StoredCells(columns: names, values: row.map(PGSQL.value)))
        }
    }

    /// Runs a statement to its end: an error the server sends after the first rows only
    /// surfaces while they are read.
    func execute(_ sql: String, _ values: [(any DatabaseValueConvertible)?]) async throws {
        for try await _ in try await run(sql, values) {}
    }

    /// A statement with binds of its own making, such as whole arrays for many rows at once.
    func execute(_ query: PostgresQuery) async throws {
        for try await _ in try await connection.query(query, logger: logger) {}
    }

    /// The rows as they arrive, to be decoded straight into Swift values where there are many.
    func stream(_ sql: String, _ values: [(any DatabaseValueConvertible)?] = []) async throws -> StatementRows {
        try await run(sql, values)
    }

    func stream(_ query: PostgresQuery) async throws -> PostgresRowSequence {
        try await connection.query(query, logger: logger)
    }

    /// A statement's rows: by its name where this connection prepares reads and it has a slot,
    /// else unnamed, parsed and planned at this call.
    private func run(_ sql: String, _ values: [(any DatabaseValueConvertible)?]) async throws -> StatementRows {
        let query = PGSQL.query(sql, values)
        if preparesReads, let slot = PreparedReads.slot(for: query.sql, values) {
            do {
                return try await PreparedReads.execute(slot: slot, binds: query.binds, on: connection, logger: logger)
            } catch where PreparedReads.retire(slot, after: error) {
                // Run unnamed below: the server's answer then is the statement's own.
            }
        }
        // `logger:` is always passed: without it an older overload returning a future is chosen.
        return try await connection.query(query, logger: logger).map { $0 }
    }

    /// Many rows per INSERT, up to 30,000 values in each (PostgreSQL allows 65,535): a round
    /// trip per row would keep a load, an import or a copy of thousands waiting on the network.
    func insert(into table: String, columns: [String], rows: [[(any DatabaseValueConvertible)?]]) async throws {
        guard !rows.isEmpty, !columns.isEmpty else { return }
        let perStatement = max(1, 30_000 / columns.count)
        let names = columns.map(SQLText.quoted).joined(separator: ", ")
        let marks = "(" + Array(repeating: "?", count: columns.count).joined(separator: ", ") + ")"
        for start in stride(from: 0, to: rows.count, by: perStatement) {
            let chunk = rows[start..<min(start + perStatement, rows.count)]
            try await execute("INSERT INTO \(table) (\(names)) VALUES \(Array(repeating: marks, count: chunk.count).joined(separator: ", "))",
                              Array(chunk.joined()))
        }
    }

    /// The ids drawn from the table's sequence first, as single inserts would draw them, so the
    /// rows go many to a statement and each id is known to be its row's (the order in which
    /// RETURNING hands back rows is not promised).
    func insertReturningIDs(into table: String, columns: [String], rows: [[(any DatabaseValueConvertible)?]]) async throws -> [Int64] {
        guard !rows.isEmpty else { return [] }
        let ids = try await self.rows("SELECT nextval(pg_get_serial_sequence(?, 'id')) AS id FROM generate_series(1, ?::int)",
                                      [table, rows.count]).map { $0[0] as Int64 }
        try await insert(into: table, columns: ["id"] + columns, rows: zip(ids, rows).map { id, row in [id] + row })
        return ids
    }

    /// `?` marks become `$1`, `$2`…; the store's SQL never puts a `?` inside a quoted string.
    static func query(_ sql: String, _ values: [(any DatabaseValueConvertible)?]) -> PostgresQuery {
        var text = ""
        var number = 0
        var quoted = false
        for character in sql {
            if character == "'" { quoted.toggle() }
            if character == "?" && !quoted {
                number += 1
                text += "$\(number)"
            } else {
                text.append(character)
            }
        }
        var binds = PostgresBindings(capacity: values.count)
        for value in values {
            switch value?.databaseValue.storage ?? .null {
            case .null: binds.appendNull()
            case .int64(let number): binds.append(number)
            case .double(let number): binds.append(number)
            case .string(let string): binds.append(string)
            case .blob(let data): binds.append(ByteBuffer(bytes: data))
            }
        }
        return PostgresQuery(unsafeSQL: text, binds: binds)
    }

    /// A cell as GRDB holds it: integers as Int64, text as String, booleans as 0/1, floats as Double.
    static func value(_ cell: PostgresCell) -> DatabaseValue {
        guard cell.bytes != nil else { return .null }
        switch cell.dataType {
        case .int2, .int4, .int8: return (try? cell.decode(Int64.self))?.databaseValue ?? .null
        case .bool: return (try? cell.decode(Bool.self))?.databaseValue ?? .null
        case .float4, .float8: return (try? cell.decode(Double.self))?.databaseValue ?? .null
        case .numeric: return (try? cell.decode(String.self)).flatMap { Int64($0) ?? Double($0).map { Int64($0) } }?.databaseValue ?? .null
        case .bytea: return (try? cell.decode(Data.self))?.databaseValue ?? .null
        default: return (try? cell.decode(String.self))?.databaseValue ?? .null
        }
    }
}
