import Foundation
import GRDB

/// A column of a bulk read (`StoreConnection.forEachBulkRow`): its SQL expression and the
/// kind of its cells, which PostgreSQL's arrays must be asked for by type.
enum BulkColumn: Sendable {
    case integer(String)
    case text(String)

    var isText: Bool {
        if case .text = self { return true }
        return false
    }

    var expression: String {
        switch self {
        case .integer(let sql), .text(let sql): return sql
        }
    }
}

