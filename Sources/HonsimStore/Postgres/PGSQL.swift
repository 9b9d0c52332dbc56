import Foundation
import GRDB
import Logging
import PostgresNIO

/// One PostgreSQL connection (inside a transaction or not) with the conveniences the store's
/// SQL needs: `?` placeholders as in the SQLite code, values as GRDB `DatabaseValueConvertible`
/// and rows handed back as GRDB `Row`s, so both backends decode records with the same code
/// (RowDecoding.swift) and store the same cells (seconds since 1970, 0/1 flags, `;` lists).
struct PGSQL {
    let connection: PostgresConnection
    let logger: Logger

    func rows(_ sql: String, _ values: [(any DatabaseValueConvertible)?] = []) async throws -> [Row] {
        // `logger:` is always passed: without it an older overload returning a future is chosen.
        let sequence = try await connection.query(PGSQL.query(sql, values), logger: logger)
        var found: [Row] = []
        for try await row in sequence { found.append(PGSQL.row(row)) }
        return found
    }

    func one(_ sql: String, _ values: [(any DatabaseValueConvertible)?] = []) async throws -> Row? {
        try await rows(sql, values).first
    }

    /// The first column of the first row.
    func value<T: DatabaseValueConvertible>(_ sql: String, _ values: [(any DatabaseValueConvertible)?] = [], as type: T.Type = T.self) async throws -> T? {
        guard let row = try await one(sql, values), let first = row.columnNames.first else { return nil }
        return row[first]
    }

    /// Runs a statement to its end: an error the server sends after the first rows only
    /// surfaces while they are read.
    func execute(_ sql: String, _ values: [(any DatabaseValueConvertible)?] = []) async throws {
        for try await _ in try await connection.query(PGSQL.query(sql, values), logger: logger) {}
    }

    /// A statement with binds of its own making, such as whole arrays for many rows at once.
    func execute(_ query: PostgresQuery) async throws {
        for try await _ in try await connection.query(query, logger: logger) {}
    }

    /// The rows as they arrive, to be decoded straight into Swift values where there are many.
    func stream(_ sql: String, _ values: [(any DatabaseValueConvertible)?] = []) async throws -> PostgresRowSequence {
        try await stream(PGSQL.query(sql, values))
    }

    func stream(_ query: PostgresQuery) async throws -> PostgresRowSequence {
        try await connection.query(query, logger: logger)
    }

    /// INSERT of a dictionary of column values, as `Database.insert(into:_:)` does for SQLite.
    func insert(into table: String, _ values: [String: (any DatabaseValueConvertible)?]) async throws {
        let columns = values.keys.sorted()
        try await execute("INSERT INTO \(table) (\(columns.map(PGSQL.quoted).joined(separator: ", "))) VALUES (\(columns.map { _ in "?" }.joined(separator: ", ")))",
                          columns.map { values[$0] ?? nil })
    }

    static func quoted(_ name: String) -> String { "\"\(name)\"" }

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
            case .blob(let data): binds.append(String(decoding: data, as: UTF8.self))
            }
        }
        return PostgresQuery(unsafeSQL: text, binds: binds)
    }

    /// A row as GRDB's: integers as Int64, text as String, booleans as Bool, floats as Double.
    static func row(_ row: PostgresRow) -> Row {
        var values: [String: (any DatabaseValueConvertible)?] = [:]
        for cell in row {
            values[cell.columnName] = value(cell)
        }
        return Row(values)
    }

    private static func value(_ cell: PostgresCell) -> (any DatabaseValueConvertible)? {
        guard cell.bytes != nil else { return nil }
        switch cell.dataType {
        case .int2, .int4, .int8: return try? cell.decode(Int64.self)
        case .bool: return try? cell.decode(Bool.self)
        case .float4, .float8: return try? cell.decode(Double.self)
        case .numeric: return (try? cell.decode(String.self)).flatMap { Int64($0) ?? Double($0).map { Int64($0) } }
        default: return try? cell.decode(String.self)
        }
    }
}

extension Stored {
    /// A time as a bound value: one overload, so an array of values needs no type annotation.
    static func cell(_ date: Date?) -> Int64? { date.map { seconds($0) } }
}
