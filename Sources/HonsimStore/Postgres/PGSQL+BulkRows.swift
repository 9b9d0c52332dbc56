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
                    cells.integers.append(try ArrayCell.int64s(cell))
                    cells.texts.append([])
                    count = cells.integers[cells.integers.count - 1].count
                case .text:
                    cells.texts.append(try ArrayCell.strings(cell))
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

/// A bulk read's column: a one-dimensional array without NULLs in PostgreSQL's binary form,
/// read straight from its bytes. postgres-nio's generic array decoding looks up type metadata
/// for each element, which was most of what a ranking's busy escorts (three arrays of a thousand)
/// cost the client. Anything else (text form, NULLs, more dimensions) goes to the driver's decoding.
enum ArrayCell {
    static func int64s(_ cell: PostgresCell) throws -> [Int64] {
        try elements(of: cell, array: .int8Array, element: .int8, leastBytes: 12) { bytes in
            bytes.readInteger(as: Int32.self) == 8 ? bytes.readInteger(as: Int64.self) : nil
        }
    }

    static func strings(_ cell: PostgresCell) throws -> [String] {
        try elements(of: cell, array: .textArray, element: .text, leastBytes: 4) { bytes in
            guard let length = bytes.readInteger(as: Int32.self), length >= 0 else { return nil }
            return bytes.readString(length: Int(length))
        }
    }

    /// Each element read by `read` (its length word, then its bytes; nil if they are not what
    /// it reads), or the driver's decoding of the whole cell where the fast way does not apply.
    private static func elements<Value>(of cell: PostgresCell, array: PostgresDataType, element: PostgresDataType,
                                         leastBytes: Int, read: (inout ByteBuffer) -> Value?) throws -> [Value] where [Value]: PostgresDecodable {
        guard cell.dataType == array, cell.format == .binary, var bytes = cell.bytes,
              let count = elementCount(&bytes, element: element.rawValue, leastBytes: leastBytes) else {
            return try cell.decode([Value].self)
        }
        var values: [Value] = []
        values.reserveCapacity(count)
        for _ in 0..<count {
            guard let value = read(&bytes) else { return try cell.decode([Value].self) }
            values.append(value)
        }
        return values
    }

    /// Reads the header (dimensions, the NULL flag, the element type, then each dimension's
    /// length and lower bound): the number of elements, or nil where the fast way does not apply.
    /// Only what the driver itself accepts (elements of the type, counted from 1), and no more
    /// elements than the bytes left could hold, `leastBytes` each, before any is reserved.
    private static func elementCount(_ bytes: inout ByteBuffer, element: UInt32, leastBytes: Int) -> Int? {
        guard let dimensions = bytes.readInteger(as: Int32.self), let hasNulls = bytes.readInteger(as: Int32.self),
              bytes.readInteger(as: UInt32.self) == element, hasNulls == 0 else { return nil }
        if dimensions == 0 { return 0 }
        guard dimensions == 1, let length = bytes.readInteger(as: Int32.self), length >= 0,
              bytes.readInteger(as: Int32.self) == 1, Int(length) <= bytes.readableBytes / leastBytes else { return nil }
        return Int(length)
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
