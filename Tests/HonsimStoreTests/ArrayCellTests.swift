import Foundation
import NIOCore
import PostgresNIO
import Testing
@testable import HonsimStore

/// A bulk read's arrays, read straight from PostgreSQL's binary form (`ArrayCell`), are what the
/// driver's own decoding makes of the same bytes, and anything the fast way does not read goes
/// to the driver.
@Suite("PostgreSQL: array cells read from their bytes")
struct ArrayCellTests {
    static func cell<Value: PostgresEncodable>(_ value: Value, format: PostgresFormat = .binary) throws -> PostgresCell {
        var bytes = ByteBuffer()
        try value.encode(into: &bytes, context: .default)
        return PostgresCell(bytes: bytes, dataType: Value.psqlType, format: format, columnName: "a", columnIndex: 0)
    }

    @Test func numbersAreTheDriversNumbers() throws {
        for numbers: [Int64] in [[], [0], [1, -1, Int64.max, Int64.min, 1_790_000_000], Array(0..<2_000).map { $0 * 7_919 }] {
            let cell = try Self.cell(numbers)
            #expect(try ArrayCell.int64s(cell) == numbers)
            #expect(try ArrayCell.int64s(cell) == cell.decode([Int64].self))
        }
    }

    @Test func textsAreTheDriversTexts() throws {
        for texts: [String] in [[], [""], ["석수2동", "", "1101053000", "돌봄 🙂", String(repeating: "가", count: 500)]] {
            let cell = try Self.cell(texts)
            #expect(try ArrayCell.strings(cell) == texts)
            #expect(try ArrayCell.strings(cell) == cell.decode([String].self))
        }
    }

    /// A NULL among the elements, another element type, or bytes cut short: the driver decides,
    /// so the answer or the error is the driver's own.
    @Test func whatTheFastWayDoesNotReadGoesToTheDriver() throws {
        // {1, NULL} as PostgreSQL sends it: one dimension, NULLs flagged, int8, 2 from 1.
        var bytes = ByteBuffer()
        for header: Int32 in [1, 1, 20, 2, 1, 8] { bytes.writeInteger(header) }
        bytes.writeInteger(Int64(1))
        bytes.writeInteger(Int32(-1))
        let withNull = PostgresCell(bytes: bytes, dataType: .int8Array, format: .binary, columnName: "a", columnIndex: 0)
        #expect(throws: (any Error).self) { try ArrayCell.int64s(withNull) }
        let integers = try Self.cell([Int32(1), 2, 3])
        #expect(try ArrayCell.int64s(integers) == [1, 2, 3], "int4 elements, as the driver reads them")
        var cut = try Self.cell([Int64(1), 2, 3])
        cut.bytes = cut.bytes?.getSlice(at: 0, length: 30)
        #expect(throws: (any Error).self) { try ArrayCell.int64s(cut) }
        // A header that claims more elements than the bytes hold is not believed.
        var claims = ByteBuffer()
        for header: Int32 in [1, 0, 20, Int32.max, 1, 8] { claims.writeInteger(header) }
        claims.writeInteger(Int64(1))
        #expect(throws: (any Error).self) {
            try ArrayCell.int64s(PostgresCell(bytes: claims, dataType: .int8Array, format: .binary, columnName: "a", columnIndex: 0))
        }
        var short = try Self.cell(["석수2동"])
        short.bytes = short.bytes?.getSlice(at: 0, length: 25)
        #expect(throws: (any Error).self) { try ArrayCell.strings(short) }
    }
}
