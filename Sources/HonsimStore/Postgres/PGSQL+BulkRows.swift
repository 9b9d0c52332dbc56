import Foundation
import GRDB
import PostgresNIO

extension PGSQL {
    /// One row of arrays, one a column, walked as rows: `ArrayCells` reads row `index` of them.
    func forEachBulkRow(_ columns: [BulkColumn], _ clause: String, _ values: [(any DatabaseValueConvertible)?],
                        _ body: @escaping (any StoredRow) throws -> Void) async throws {
        let arrays = columns.map { column -> String in
            switch column {
            case .integer(let sql): return "coalesce(array_agg((\(sql))::bigint), '{}')"
            case .text(let sql): return "coalesce(array_agg((\(sql))::text), '{}')"
            }
        }
        for try await row in try await stream("SELECT \(arrays.joined(separator: ", ")) \(clause)", values) {
            var cells = ArrayCells()
            var count = 0
            for (cell, column) in zip(row, columns) {
                switch column {
                case .integer:
                    cells.integers.append(try cell.decode([Int64].self))
                    cells.texts.append([])
                    count = cells.integers[cells.integers.count - 1].count
                case .text:
                    cells.texts.append(try cell.decode([String].self))
                    cells.integers.append([])
                    count = cells.texts[cells.texts.count - 1].count
                }
                cells.isText.append(column.isText)
            }
            for index in 0..<count {
                cells.index = index
                try body(cells)
            }
        }
    }
}

/// Row `index` of a bulk read's column arrays, read by position only.
struct ArrayCells: StoredRow {
    /// Each column's cells: an integer column's in `integers`, a text column's in `texts`.
    var integers: [[Int64]] = []
    var texts: [[String]] = []
    var isText: [Bool] = []
    var index = 0

    subscript<Value: DatabaseValueConvertible>(_ column: Int) -> Value {
        let cell = isText[column] ? texts[column][index].databaseValue : integers[column][index].databaseValue
        guard let value = Value.fromDatabaseValue(cell) else { fatalError("column \(column) holds \(cell), not a \(Value.self)") }
        return value
    }

    subscript<Value: DatabaseValueConvertible>(_ column: String) -> Value {
        fatalError("a bulk read is read by position, not by name (\(column))")
    }

    func integer(_ column: Int) -> Int64 { integers[column][index] }
    func text(_ column: Int) -> String { texts[column][index] }
    func isNull(_ column: Int) -> Bool { column >= integers.count }
}
