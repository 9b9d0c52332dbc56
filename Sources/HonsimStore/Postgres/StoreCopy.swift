import Foundation
import GRDB
import Logging
import PostgresNIO

/// `honsim migrate`: copies a SQLite store whole into an empty PostgreSQL one (every table,
/// the audit log and the users included, ids kept, the target's admins kept beside them) in one
/// transaction, then checks that every table holds as many rows as the source. Run again on a store that already holds the same
/// copy, it changes nothing; on one that holds other data, it refuses.
public enum StoreCopy {
    /// The tables in the order their foreign keys need. `volunteer_load` is not copied: the
    /// database rebuilds it from the assignments as they arrive.
    static let tables = ["dong", "dong_former_name", "users", "household", "volunteer", "availability_window", "day_off",
                         "escort_request", "assignment", "contact_attempt", "vehicle_booking", "message_record", "escort_expense", "audit",
                         "standing_series", "series_date", "series_change", "return_leg",
                         "council_rules", "household_eligibility", "rule_override"]

    public struct Outcome: Sendable, Hashable {
        /// Rows per table, as both stores now hold them.
        public var counts: [String: Int]
        /// False when the target already held this copy and nothing was written.
        public var copied: Bool
    }

    public static func copy(from path: String, to url: PostgresURL) async throws -> Outcome {
        let source = try openSource(path)
        // One moment of the source however long the copy takes: a coordinator may keep working
        // on it meanwhile, and the counts checked at the end are the counts of that moment.
        let snapshot = try source.pool.makeSnapshot()
        let sourceCounts = try await snapshot.read { db in
            try Dictionary(uniqueKeysWithValues: tables.map { ($0, try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \($0)") ?? 0) })
        }
        let sourceUsers = Set(try await snapshot.read { db in try String.fetchAll(db, sql: "SELECT name FROM users") })
        // Opening migrates the target (its owner runs this) and creates it when new.
        let target = try await PostgresStore.open(url, create: true, timeZone: source.calendar.timeZone.identifier)
        defer { target.close() }
        return try await target.write { db in
            try await db.lock(.store)
            // The target's own admins (the role that made it) stay beside the users copied, so
            // whoever set up the server can still manage its users afterwards.
            let keptAdmins = try await db.rows("SELECT * FROM users WHERE role = 'admin' ORDER BY name").map { StoreUser(row: $0) }
                .filter { !sourceUsers.contains($0.name) }
            var expected = sourceCounts
            expected["users", default: 0] += keptAdmins.count
            let targetCounts = try await counts(db)
            if targetCounts == expected { return Outcome(counts: targetCounts, copied: false) }
            // A new store holds at most its creator's own users row.
            let holdsData = tables.contains { $0 != "users" && (targetCounts[$0] ?? 0) > 0 }
            if holdsData {
                throw StoreError.migrationTargetHoldsOtherData(location: url.display)
            }
            try await db.execute("DELETE FROM users")
            for table in tables {
                try await copyTable(table, from: snapshot, into: db)
                if table == "users" {
                    for admin in keptAdmins { try await db.execute(StoreUser.insertSQL, admin.insertValues) }
                }
            }
            let settings = try snapshot.read { db in
                try Row.fetchAll(db, sql: """
                    SELECT key, value FROM meta WHERE key IN ('time_zone', 'travel_buffer_minutes', 'insurance_lapse_overridable',
                        'training_valid_months', 'background_check_valid_months', 'expense_ceiling_won')
                    """)
            }
            for row in settings {
                try await db.execute("INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                                     [row["key"] as String, row["value"] as String])
            }
            try await db.idsWritten()
            let copied = try await counts(db)
            for table in tables where copied[table] != expected[table] {
                throw StoreError.integrity(reason: "\(table): \(expected[table] ?? 0) rows expected from the source, \(copied[table] ?? 0) copied")
            }
            return Outcome(counts: copied, copied: true)
        }
    }

    /// The source as any command opens it, so a store made by an older honsim is brought up to
    /// date first; read-only when its file cannot be written (it must then be current already).
    private static func openSource(_ path: String) throws -> SQLiteStore {
        do {
            return try SQLiteStore(path: path)
        } catch StoreError.notWritable {
            return try SQLiteStore(path: path, readOnly: true)
        }
    }

    /// A table in pages of its ids: a city's two million requests never sit in memory at once.
    private static func copyTable(_ table: String, from snapshot: DatabaseSnapshot, into db: any StoreConnection) async throws {
        let keyed = try await snapshot.read { db in try db.columns(in: table).contains { $0.name == "id" } }
        guard keyed else {
            try await insert(try snapshot.read { db in try Row.fetchAll(db, sql: "SELECT * FROM \(table)") }, into: table, db)
            return
        }
        var after = Int64.min
        while true {
            let page = try snapshot.read { db in
                try Row.fetchAll(db, sql: "SELECT * FROM \(table) WHERE id > ? ORDER BY id LIMIT 20000", arguments: [after])
            }
            guard let last = page.last else { return }
            try await insert(page, into: table, db)
            after = last["id"]
        }
    }

    static func counts(_ db: any StoreConnection) async throws -> [String: Int] {
        var counts: [String: Int] = [:]
        for table in tables { counts[table] = try await db.value("SELECT COUNT(*) FROM \(table)", as: Int.self) ?? 0 }
        return counts
    }

    private static func insert(_ rows: [Row], into table: String, _ db: any StoreConnection) async throws {
        guard let first = rows.first else { return }
        try await db.insert(into: table, columns: Array(first.columnNames),
                            rows: rows.map { row in row.databaseValues.map { $0 as (any DatabaseValueConvertible)? } })
    }
}
