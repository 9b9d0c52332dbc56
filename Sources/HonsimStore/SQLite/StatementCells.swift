import GRDB
import GRDBSQLite

/// The current row of a stepping statement, its integers and texts read straight from SQLite.
/// GRDB's text decoding measures each string with `strlen` and repairs its encoding, where SQLite
/// already knows the length: a city's day is a hundred thousand cells of text. By name and the
/// other types go through GRDB's row, unchanged.
struct StatementCells: StoredRow {
    let row: Row
    let statement: SQLiteStatement

    subscript<Value: DatabaseValueConvertible>(_ column: String) -> Value { row[column] }
    subscript<Value: DatabaseValueConvertible>(_ index: Int) -> Value { row[index] }

    func integer(_ index: Int) -> Int64 { sqlite3_column_int64(statement, CInt(index)) }

    func text(_ index: Int) -> String {
        // As GRDB: NULL where the store's own SQL promises text is a bug in that SQL.
        guard let bytes = sqlite3_column_text(statement, CInt(index)) else {
            preconditionFailure("NULL in column \(index) read as text")
        }
        return String(decoding: UnsafeBufferPointer(start: bytes, count: Int(sqlite3_column_bytes(statement, CInt(index)))), as: UTF8.self)
    }

    func isNull(_ index: Int) -> Bool {
        index >= row.count || sqlite3_column_type(statement, CInt(index)) == SQLITE_NULL
    }
}
