import Foundation
import GRDB
import Testing
@testable import HonsimStore

/// The one list of migrations: what it says, and that both backends' schemas, once it is
/// applied, say it too and say the same thing.
@Suite("Migrations: one list for both stores")
struct MigrationListTests {
    @Test func everyChangeHasItsOwnNameAndEveryOneSidedPartSaysWhy() {
        let ids = Schema.migrations.map(\.id)
        #expect(Set(ids).count == ids.count)
        // A name of the list is never a former name: a store's record reads one way only.
        let former = Set(Schema.migrations.flatMap { $0.formerly.values })
        #expect(former.isDisjoint(with: ids))
        for migration in Schema.migrations {
            #expect(!migration.parts.isEmpty, "\(migration.id)")
            for part in migration.parts {
                let oneSided = part.sqlite.isEmpty != part.postgres.isEmpty
                #expect(oneSided == (part.oneSided != nil), "\(migration.id): \(part.sqlite + part.postgres)")
                #expect(part.oneSided?.isEmpty != true, "\(migration.id)")
                #expect(!(part.sqlite.isEmpty && part.postgres.isEmpty), "\(migration.id)")
            }
        }
    }

    /// The names the stores recorded before the one list stand for the changes they made: a
    /// store of the previous release needs nothing, an older one only what it lacks.
    @Test func formerNamesStandForTheChangesTheyMade() throws {
        func pending(_ dialect: Dialect, _ applied: Set<String>) throws -> [String] {
            try Schema.pending(dialect, applied: applied, location: "store").map(\.id)
        }
        let all = Schema.migrations.map(\.id)
        // Made since those releases, and pending in each of their stores.
        let since = ReleaseStore.sinceRelease(.sqlite), sincePostgres = ReleaseStore.sinceRelease(.postgres)
        #expect(try pending(.sqlite, []) == ["1: cases", "2: dongs revision", "3: users and access"] + since)
        #expect(try pending(.postgres, []) == all)
        #expect(try pending(.sqlite, ["v1: cases", "v2: dongs revision", "v3: users and access"]) == since)
        #expect(try pending(.sqlite, ["v1: cases", "v2: dongs revision"]) == ["3: users and access"] + since)
        #expect(try pending(.sqlite, ["v1: cases"]) == ["2: dongs revision", "3: users and access"] + since)
        let postgresV5: Set = ["v1: cases", "v2: change notices", "v3: users and row-level security",
                               "v4: indexes for the dashboard's reads", "v5: row-level security asked once per statement"]
        #expect(try pending(.postgres, postgresV5) == sincePostgres)
        #expect(try pending(.postgres, ["v1: cases", "v2: change notices", "v3: users and row-level security"])
                == ["6: indexes for the dashboard's reads", "7: row-level security asked once per statement"] + sincePostgres)
        #expect(try pending(.postgres, ["v1: cases"]) == ["4: change notices", "5: users and row-level security",
                                                          "6: indexes for the dashboard's reads", "7: row-level security asked once per statement"] + sincePostgres)
        // A store made with the list records the list's names; names mix after an upgrade.
        #expect(try pending(.sqlite, Set(all)).isEmpty)
        // One dialect's former names mean nothing in the other: there they are a newer honsim's.
        #expect(throws: StoreError.newerSchema(path: "store", found: "v2: change notices")) {
            try pending(.sqlite, ["v1: cases", "v2: change notices"])
        }
        #expect(throws: StoreError.newerSchema(path: "store", found: "v9: from the future")) {
            try pending(.postgres, postgresV5.union(["v9: from the future"]))
        }
    }

    /// Every table and column the list makes is in both stores once it is applied, and nothing
    /// else is; the columns agree across the stores in kind, nullability and default.
    @Test func bothStoresHaveExactlyTheTablesAndColumnsOfTheList() async throws {
        let sqlite = try StoreFixture()
        defer { sqlite.remove() }
        let sqliteColumns = try await sqlite.raw().read { db in try SchemaCatalog.sqliteColumns(db) }
        #expect(sqliteColumns.mapValues { $0.map(\.name) } == MigrationListTests.columns(.sqlite))
        // A table only one dialect has is in a one-sided part, which says why.
        let oneSidedTables = Set(Schema.migrations.flatMap(\.parts).filter { $0.oneSided != nil }.flatMap { $0.sqlite + $0.postgres }
            .compactMap { SchemaCatalog.normalized($0).firstMatch(of: /^CREATE TABLE ([a-z_]+) \(/).map { String($0.1) } })
        #expect(MigrationListTests.columns(.sqlite).filter { !oneSidedTables.contains($0.key) }
                == MigrationListTests.columns(.postgres).filter { !oneSidedTables.contains($0.key) })
        guard Backend.all.contains(.postgres) else { return }

        let postgres = try await StoreFixture.make(.postgres)
        defer { postgres.remove() }
        let postgresColumns = try await SchemaCatalog.postgresColumns(database: postgres.database ?? "")
        #expect(postgresColumns.mapValues { $0.map(\.name) } == MigrationListTests.columns(.postgres))
        for (table, columns) in sqliteColumns {
            #expect(columns == postgresColumns[table], "\(table)")
        }
    }

    /// Every index and trigger the list makes in a dialect is in that store; the stores' indexes
    /// differ only by the one-sided parts of the list.
    @Test func bothStoresHaveTheIndexesAndTriggersOfTheListAndDifferOnlyWhereItSays() async throws {
        let sqliteNamed = MigrationListTests.names(.sqlite, "INDEX"), postgresNamed = MigrationListTests.names(.postgres, "INDEX")
        let oneSided = Set(Schema.migrations.flatMap(\.parts).filter { $0.oneSided != nil }
            .flatMap { $0.sqlite + $0.postgres }.flatMap { MigrationListTests.names(in: $0, "INDEX") })
        #expect(sqliteNamed.symmetricDifference(postgresNamed).isSubset(of: oneSided))

        let sqlite = try StoreFixture()
        defer { sqlite.remove() }
        let (indexes, triggers) = try await sqlite.raw().read { db in
            (try SchemaCatalog.sqliteIndexes(db), Set(try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'trigger'")))
        }
        #expect(indexes == sqliteNamed)
        #expect(triggers == MigrationListTests.names(.sqlite, "TRIGGER"))
        guard Backend.all.contains(.postgres) else { return }

        let postgres = try await StoreFixture.make(.postgres)
        defer { postgres.remove() }
        let database = postgres.database ?? ""
        #expect(try await SchemaCatalog.postgresIndexes(database: database) == postgresNamed)
        let postgresTriggers = Set(SchemaCatalog.lines(try await SchemaCatalog.psql("SELECT tgname FROM pg_trigger WHERE NOT tgisinternal", database: database)))
        #expect(postgresTriggers == MigrationListTests.names(.postgres, "TRIGGER"))
    }

    // MARK: Reading the list

    /// The columns of each table the list creates in `dialect`, in order, and those it adds later.
    static func columns(_ dialect: Dialect) -> [String: [String]] {
        var tables: [String: [String]] = [:]
        let column = /^"?([a-z_]+)"? (TEXT|INTEGER|BIGINT|BIGSERIAL|BLOB|BYTEA)\b/
        let added = /ALTER TABLE ([a-z_]+) ADD COLUMN "?([a-z_]+)"?/
        for statement in Schema.migrations.flatMap({ $0.statements(dialect) }).map(SchemaCatalog.normalized) {
            if let table = statement.firstMatch(of: /^CREATE TABLE ([a-z_]+) \(/)?.1 {
                tables[String(table)] = definitions(statement).compactMap { $0.firstMatch(of: column).map { String($0.1) } }
            }
            for match in statement.matches(of: added) { tables[String(match.1), default: []].append(String(match.2)) }
        }
        return tables
    }

    /// What a CREATE TABLE defines between its outer brackets, one column or constraint each.
    static func definitions(_ createTable: String) -> [String] {
        var definitions: [String] = [], current = "", depth = 0
        for character in createTable {
            switch character {
            case "(":
                if depth > 0 { current.append(character) }
                depth += 1
            case ")":
                depth -= 1
                if depth > 0 { current.append(character) }
            case "," where depth == 1:
                definitions.append(current.trimmingCharacters(in: .whitespaces))
                current = ""
            default:
                if depth > 0 { current.append(character) }
            }
        }
        return definitions + [current.trimmingCharacters(in: .whitespaces)]
    }

    /// The names of the indexes or triggers (`kind`) the list creates in `dialect`.
    static func names(_ dialect: Dialect, _ kind: String) -> Set<String> {
        Set(Schema.migrations.flatMap { $0.statements(dialect) }.flatMap { names(in: $0, kind) })
    }

    static func names(in sql: String, _ kind: String) -> [String] {
        let pattern = kind == "INDEX" ? /CREATE (?:UNIQUE )?INDEX ([a-z_]+)/ : /CREATE (?:CONSTRAINT )?TRIGGER ([a-z_]+)/
        return sql.matches(of: pattern).map { String($0.1) }
    }
}
