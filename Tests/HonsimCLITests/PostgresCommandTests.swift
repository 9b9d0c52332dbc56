import Foundation
import GRDB
import HonsimTestServer
import Testing

/// The built binary against the suite's throwaway PostgreSQL server: `migrate` from a SQLite
/// store, `users` there, where each person is a login role of their own, and `import`.
@Suite("Command line: PostgreSQL stores", .serialized, .enabled(if: SeededStore.backends.contains("postgres")))
struct PostgresCommandTests {
    func newDatabase() throws -> (server: PostgresServer, name: String) {
        let server = try PostgresServer.shared()
        let name = server.newDatabaseName()
        try server.psql("CREATE DATABASE \(name)")
        return (server, name)
    }

    func rows(_ arguments: [String], store: String) throws -> [[String: Any]] {
        let out = try CLI.run(arguments + ["--store", store, "--lang", "en", "--format", "json"]).stdout
        return try JSONSerialization.jsonObject(with: Data(out.utf8)) as? [[String: Any]] ?? []
    }

    @Test func migrateCopiesAStoreWholeVerifiesItAndChangesNothingTheSecondTime() throws {
        let source = try SeededStore()
        defer { source.remove() }
        // Some history worth copying: an assign and its audit entry.
        let pending = try rows(["export", "requests"], store: source.path).first { $0["status"] as? String == "pending" }
        let id = try #require((pending?["id"] as? NSNumber)?.int64Value)
        let suggestion = try rows(["suggest", String(id), "--limit", "1"], store: source.path).first
        if let volunteer = (suggestion?["volunteer_id"] as? NSNumber)?.int64Value, suggestion?["eligible"] as? Bool == true {
            #expect(try source.run(["assign", String(id), String(volunteer)]).status == 0)
        }
        let (server, database) = try newDatabase()
        let url = server.url(user: "postgres", database: database)

        let first = try CLI.run(["migrate", "--from", source.path, "--to", url, "--lang", "en"])
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.hasPrefix("copied and verified the row counts: household "))
        let again = try CLI.run(["migrate", "--from", source.path, "--to", url, "--lang", "ko"])
        #expect(again.status == 0, "\(again.stderr)")
        #expect(again.stdout.hasPrefix("이미 같은 자료가 있습니다. 바꾼 것이 없습니다"))

        // The same records, the same audit log, and every invariant holds in the new home.
        for table in ["requests", "audit", "assignments"] {
            let before = try rows(["export", table], store: source.path)
            let after = try rows(["export", table], store: url)
            #expect(before.count == after.count && !after.isEmpty, "\(table): \(before.count) → \(after.count)")
            #expect(before.map { "\($0["id"] ?? "")" } == after.map { "\($0["id"] ?? "")" })
        }
        #expect(try CLI.run(["check", "--store", url]).status == 0)
        // A target that holds other data is refused, and nothing is written to it.
        let other = try SeededStore()
        defer { other.remove() }
        #expect(try other.run(["cancel", String(id), "--reason", "test"]).status == 0)
        let refused = try CLI.run(["migrate", "--from", other.path, "--to", url, "--lang", "en"])
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("already holds other data; nothing was copied"))
        #expect(try rows(["export", "requests"], store: url).count == (try rows(["export", "requests"], store: source.path)).count)
    }

    /// A dong office's store made before roles existed is brought up to date as it is opened,
    /// then copied; its 2,400 or so requests (the demo's standing series made ahead as of today)
    /// and their audit entries cross more than one page.
    @Test func aStoreMadeBeforeRolesIsUpgradedThenCopied() throws {
        let source = try SeededStore()
        defer { source.remove() }
        let requests = try rows(["export", "requests"], store: source.path).count
        // As a release before roles left the store: no users table, and only v1 and v2 recorded.
        try DatabaseQueue(path: source.path).writeWithoutTransaction { db in
            // Every table made after v2, whichever later change made it, goes as v3 found none:
            // with their rows, whatever refers to what.
            try db.execute(sql: "PRAGMA foreign_keys = OFF")
            let v2Tables: Set = ["assignment", "audit", "availability_window", "day_off", "dong", "dong_former_name",
                                 "escort_request", "household", "meta", "volunteer", "volunteer_load", "grdb_migrations"]
            // The kept figures' triggers on the requests go first: they name a table that goes.
            try db.execute(sql: "DROP TRIGGER kept_request_made; DROP TRIGGER kept_request_changed; DROP TRIGGER kept_request_deleted")
            try db.execute(sql: "DROP INDEX request_by_volunteer; DROP INDEX request_pending_by_time")
            for table in try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
            where !v2Tables.contains(table) {
                try db.execute(sql: "DROP TABLE \"\(table)\"")
            }
            try db.execute(sql: """
                DROP INDEX audit_by_user; DROP INDEX IF EXISTS assignment_released_by_volunteer;
                ALTER TABLE household DROP COLUMN closed_at; ALTER TABLE household DROP COLUMN purged_at;
                ALTER TABLE household DROP COLUMN family_name; ALTER TABLE household DROP COLUMN family_relation;
                ALTER TABLE household DROP COLUMN family_phone;
                ALTER TABLE volunteer DROP COLUMN trained_on; ALTER TABLE volunteer DROP COLUMN insured_until;
                ALTER TABLE volunteer DROP COLUMN background_checked_on; ALTER TABLE volunteer DROP COLUMN portal_consent_on;
                DELETE FROM grdb_migrations; INSERT INTO grdb_migrations VALUES ('v1: cases'), ('v2: dongs revision');
                """)
        }
        let (server, database) = try newDatabase()
        let url = server.url(user: "postgres", database: database)
        let copied = try CLI.run(["migrate", "--from", source.path, "--to", url, "--lang", "en"])
        #expect(copied.status == 0, "\(copied.stderr)")
        #expect(requests > 2_300 && copied.stdout.contains("escort_request \(requests)"), "\(copied.stdout)")
        #expect(try rows(["export", "requests"], store: url).count == requests)
        #expect(try CLI.run(["check", "--store", url]).status == 0)
    }

    @Test func usersAreLoginRolesAndTheirDongsHoldThroughTheCommandLine() throws {
        let store = try SeededStore(backend: "postgres")
        defer { store.remove() }
        let admin = store.path
        #expect(try CLI.run(["users", "whoami", "--store", admin, "--lang", "en"]).stdout == "postgres: admin — every dong\n")
        let added = try CLI.run(["users", "add", "park", "--role", "coordinator", "--dongs", "석수2동", "--store", admin, "--lang", "en"])
        #expect(added.status == 0, "\(added.stderr)")
        // park logs in as park: the server's role, made by `users add`.
        let park = admin.replacingOccurrences(of: "postgres://postgres@", with: "postgres://park@")
        #expect(try CLI.run(["users", "whoami", "--store", park, "--lang", "en"]).stdout == "park: coordinator — 석수2동\n")
        let requests = try rows(["export", "requests"], store: admin)
        let elsewhere = try #require(requests.first { $0["status"] as? String == "pending" && $0["dong"] as? String != "석수2동" })
        let refused = try CLI.run(["cancel", "\((elsewhere["id"] as? NSNumber)?.int64Value ?? 0)", "--reason", "x", "--store", park, "--lang", "en"])
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("석수2동"))
        // Not an admin: park cannot hand themself more.
        #expect(try CLI.run(["users", "set", "park", "--role", "admin", "--store", park, "--lang", "en"]).status == 1)
        #expect(try CLI.run(["users", "remove", "park", "--store", admin]).status == 0)
    }

    @Test func aCoordinatorImportsTheirDongsListStraightIntoPostgreSQL() throws {
        let store = try SeededStore(backend: "postgres")
        defer { store.remove() }
        let admin = store.path
        #expect(try CLI.run(["users", "add", "park", "--role", "coordinator", "--dongs", "석수2동", "--store", admin]).status == 0)
        let park = admin.replacingOccurrences(of: "postgres://postgres@", with: "postgres://park@")
        let list = store.folder.appendingPathComponent("명단.csv").path
        try Data("이름,생년,성별,동,연락처\n김영희,1944,여,석수2동,01022223333\n".utf8).write(to: URL(fileURLWithPath: list))

        let dry = try CLI.run(["import", "households", list, "--dry-run", "--store", park, "--lang", "en"])
        #expect(dry.status == 0, "\(dry.stderr)")
        #expect(dry.stdout == "checked only: 1 household, no problem found (nothing was written): 명단.csv\n")
        let imported = try CLI.run(["import", "대상자", list, "--store", park, "--lang", "ko"])
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(imported.stdout == "대상자 1건을 가져왔습니다 (번호 399): 명단.csv\n")
        #expect(try CLI.run(["export", "households", "--store", admin]).stdout.contains("399,석수2동,김영희,1944,여,010-2222-3333,"))

        let again = try CLI.run(["import", "households", list, "--store", park, "--lang", "en"])
        #expect(again.status == 1)
        #expect(again.stderr == """
            honsim: 명단.csv: nothing was imported: 1 problem(s)
              명단.csv:2: 이름: already in the store: household 399 (same name, birth year and dong)

            """)
        let elsewhere = store.folder.appendingPathComponent("평촌동.csv").path
        try Data("이름,생년,성별,동\n이영자,1947,여,평촌동\n".utf8).write(to: URL(fileURLWithPath: elsewhere))
        let refused = try CLI.run(["import", "households", elsewhere, "--store", park, "--lang", "en"])
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("park coordinates 석수2동 and cannot import 평촌동.csv in 평촌동"), "\(refused.stderr)")
        #expect(try CLI.run(["check", "--store", admin]).status == 0)
    }

    /// The README's sequence, as written: a role `honsim` that owns the database (no superuser)
    /// makes the store, copies an office's SQLite store into it, and adds kim. The copy brings
    /// the SQLite machine's users; the owner stays an admin beside them, and kim logs in as kim.
    @Test func theReadmesInitMigrateUsersAddSequenceWorksAsWritten() throws {
        let source = try SeededStore()
        defer { source.remove() }
        let server = try PostgresServer.shared()
        let database = server.newDatabaseName()
        try server.psql("""
            DO $$ BEGIN
                IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'honsim') THEN CREATE ROLE honsim LOGIN CREATEROLE; END IF;
            END $$
            """)
        try server.psql("CREATE DATABASE \(database) OWNER honsim")
        let owner = server.url(user: "honsim", database: database)

        let made = try CLI.run(["init", "--store", owner, "--lang", "en"])
        #expect(made.status == 0, "\(made.stderr)")
        #expect(made.stdout.contains("admin: honsim"), "\(made.stdout)")
        let copied = try CLI.run(["migrate", "--from", source.path, "--to", owner, "--lang", "en"])
        #expect(copied.status == 0, "\(copied.stderr)")
        // Run again, the copy changes nothing: the owner beside the copied users is no other data.
        let again = try CLI.run(["migrate", "--from", source.path, "--to", owner, "--lang", "en"])
        #expect(again.stdout.hasPrefix("already holds this copy; nothing changed"), "\(again.stdout)\(again.stderr)")
        let added = try CLI.run(["users", "add", "kim", "--role", "coordinator", "--dongs", "석수2동,충훈동", "--store", owner, "--lang", "en"])
        #expect(added.status == 0, "\(added.stderr)")

        let users = try rows(["users", "list"], store: owner)
        let roles = Dictionary(uniqueKeysWithValues: users.map { ("\($0["name"] ?? "")", "\($0["role"] ?? "")") })
        let sourceAdmins = try rows(["users", "list"], store: source.path).filter { $0["role"] as? String == "admin" }.map { "\($0["name"] ?? "")" }
        #expect(roles["honsim"] == "admin" && roles["kim"] == "coordinator", "\(roles)")
        #expect(!sourceAdmins.isEmpty && sourceAdmins.allSatisfy { roles[$0] == "admin" }, "\(roles)")
        let kim = server.url(user: "kim", database: database)
        #expect(try CLI.run(["users", "whoami", "--store", kim, "--lang", "en"]).stdout == "kim: coordinator — 석수2동, 충훈동\n")
        // The hall's kiosk logs in as a role of its own, which selects no full name at all.
        #expect(try CLI.run(["users", "add", "hall", "--role", "kiosk", "--store", owner]).status == 0)
        #expect(try CLI.run(["users", "whoami", "--store", server.url(user: "hall", database: database), "--lang", "en"]).stdout
                    .hasPrefix("hall: kiosk"))
        #expect(try server.psql("SELECT count(*) FROM household", database: database, user: "hall") == "0\n")
        #expect(try server.psql("SELECT count(*) FROM seen_household WHERE name NOT LIKE '%*%'", database: database, user: "hall") == "0\n")
        #expect(try CLI.run(["check", "--store", owner]).status == 0)
    }
}
