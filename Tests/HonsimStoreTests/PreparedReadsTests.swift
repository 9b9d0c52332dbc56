import Foundation
import GRDB
import HonsimCore
import PostgresNIO
import Testing
@testable import HonsimStore

/// PostgreSQL's reads outside a transaction run as named statements, planned once per
/// connection (PreparedReads.swift): the same rows as unnamed, and still answered when the
/// schema changes under a prepared statement.
@Suite("PostgreSQL: repeated reads are prepared")
struct PreparedReadsTests {
    @Test func eachTextAndKindsOfValuesKeepsOneSlotWhileThereIsRoom() {
        var registry = PreparedReads.Registry(capacity: 2)
        let byID = PreparedReads.key("SELECT * FROM household WHERE id = $1", [Int64(1)])
        #expect(registry.slot(for: byID, text: "a") == 0)
        #expect(registry.slot(for: PreparedReads.key("SELECT * FROM household WHERE id = $1", [Int64(7)]), text: "a") == 0)
        // Text bound where a number was: the server fixed the parameter's type at the first.
        let byText = PreparedReads.key("SELECT * FROM household WHERE id = $1", ["7"])
        #expect(byText != byID)
        #expect(registry.slot(for: byText, text: "a") == 1)
        #expect(registry.slot(for: PreparedReads.key("SELECT 1", []), text: "SELECT 1") == nil, "no room left: runs unnamed")
        #expect(registry.names[0] != registry.names[1] && registry.names[0].hasPrefix("honsim_read_0_"))
        // FNV-1a's published values: the same name in every process.
        #expect(PreparedReads.Registry.hash("") == 0xcbf2_9ce4_8422_2325 && PreparedReads.Registry.hash("a") == 0xaf63_dc4c_8601_ec8c)
        registry.retired.insert(0)
        #expect(registry.slot(for: byID, text: "a") == nil)
        #expect(registry.slot(for: byText, text: "a") == 1)
        // A text made for its rows does not take a slot.
        let many: [(any DatabaseValueConvertible)?] = Array(repeating: Int64(1), count: PreparedReads.mostParameters + 1)
        #expect(PreparedReads.slot(for: "SELECT 1 WHERE 1 IN (…)", many) == nil)
    }

    /// The ranking's reads go by name, and a text run twice on one connection is prepared there
    /// once and executed twice.
    @Test func aRankingsReadsRunByName() async throws {
        let fixture = try await StoreFixture.make(.postgres)
        defer { fixture.remove() }
        try await fixture.load([fixture.request(1, household: 3, hour: 10)])
        let store = try #require(fixture.store as? SQLCaseStore)
        let first = try await store.candidates(for: 1)
        #expect(try await store.candidates(for: 1) == first)
        let text = "SELECT id, name FROM seen_volunteer WHERE id = ?"
        let (names, statements) = try await store.read { db in
            let one = try await db.rows(text, [Int64(2)]).map { $0["name"] as String }
            let two = try await db.rows(text, [Int64(2)]).map { $0["name"] as String }
            let prepared = try await db.rows("SELECT name, statement, generic_plans + custom_plans AS runs FROM pg_prepared_statements", [])
            return (one + two, prepared.map { (name: $0["name"] as String, statement: $0["statement"] as String, runs: $0["runs"] as Int64) })
        }
        #expect(names.count == 2 && names[0] == names[1])
        let ours = try #require(statements.first { $0.statement == "SELECT id, name FROM seen_volunteer WHERE id = $1" })
        #expect(ours.name.hasPrefix("honsim_read_"))
        #expect(ours.name == PreparedReads.name(ofSlot: try #require(PreparedReads.slot(for: ours.statement, [Int64(2)]))))
        #expect(ours.runs == 2, "prepared once, run twice by name")
        #expect(statements.contains { $0.statement == "SELECT * FROM seen_request WHERE id = $1" }, "the ranking's own request read")
    }

    /// A column added under a prepared `SELECT *` (a newer honsim migrating the store while this
    /// one runs): the server refuses the old plan, and the read is answered unnamed, new column
    /// and all, from then on.
    @Test func aReadPreparedBeforeTheSchemaChangedIsStillAnswered() async throws {
        let (fixture, store) = try await Self.storeWithProbe("prepared_probe")
        defer { fixture.remove() }
        let text = "SELECT * FROM prepared_probe WHERE id = ?"
        let notes = try await store.read { db in
            let before = try await db.rows(text, [Int64(1)])
            _ = try await db.rows(text, [Int64(1)])
            _ = try await fixture.rawSQL("ALTER TABLE prepared_probe ADD COLUMN note text DEFAULT '메모'")
            let after = try await db.rows(text, [Int64(1)])
            let again = try await db.rows(text, [Int64(1)])
            return [before.first?["note"] as String?, after.first?["note"] as String?, again.first?["note"] as String?]
        }
        #expect(notes == [nil, "메모", "메모"])
        #expect(PreparedReads.slot(for: "SELECT * FROM prepared_probe WHERE id = $1", [Int64(1)]) == nil, "retired")
    }

    /// A statement that fails while it is prepared (here a lock timeout: another session holds
    /// the table for a migration) fails that once; the driver keeps the error for the name on
    /// that connection, so the text runs unnamed from then on and is answered once the lock is gone.
    @Test func aStatementThatFailedWhilePreparedIsAnsweredOnceTheCauseIsGone() async throws {
        let (fixture, store) = try await Self.storeWithProbe("locked_probe")
        defer { fixture.remove() }
        let text = "SELECT id FROM locked_probe WHERE id = ?"
        #expect(PreparedReads.slot(for: "SELECT id FROM locked_probe WHERE id = $1", [Int64(1)]) != nil, "a slot is free for it")
        async let holder = fixture.rawSQL("BEGIN; LOCK TABLE locked_probe IN ACCESS EXCLUSIVE MODE; SELECT pg_sleep(2); COMMIT")
        let (first, second) = try await store.read { db in
            try await db.execute("SET lock_timeout = '100ms'", [])
            // Until the other session holds the table.
            while try await db.value("SELECT COUNT(*) FROM pg_locks WHERE relation = 'locked_probe'::regclass AND mode = 'AccessExclusiveLock'",
                                     as: Int.self) == 0 {
                try await Task.sleep(nanoseconds: 20_000_000)
            }
            var failed = false
            do { _ = try await db.rows(text, [Int64(1)]) } catch { failed = true }
            // Until it lets go.
            while try await db.value("SELECT COUNT(*) FROM pg_locks WHERE relation = 'locked_probe'::regclass", as: Int.self) ?? 0 > 0 {
                try await Task.sleep(nanoseconds: 50_000_000)
            }
            let rows = try await db.rows(text, [Int64(1)]).map { $0["id"] as Int64 }
            try await db.execute("RESET lock_timeout", [])
            return (failed, rows)
        }
        _ = try await holder
        #expect(first, "the lock timed out while the statement was prepared")
        #expect(second == [1])
    }

    /// A PostgreSQL store with a table of one row, id 1, that every role may read.
    static func storeWithProbe(_ table: String) async throws -> (StoreFixture, SQLCaseStore) {
        let fixture = try await StoreFixture.make(.postgres)
        do {
            _ = try await fixture.rawSQL("CREATE TABLE \(table) (id bigint); INSERT INTO \(table) VALUES (1); GRANT SELECT ON \(table) TO PUBLIC")
            return (fixture, try #require(fixture.store as? SQLCaseStore))
        } catch {
            fixture.remove()
            throw error
        }
    }
}
