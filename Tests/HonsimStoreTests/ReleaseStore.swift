import Foundation
import GRDB
@testable import HonsimStore
import HonsimTestServer

/// A store made by the release before the one list of migrations, loaded from the SQL text
/// it was dumped to (Fixtures/; the head of each file says how it was made): into a new SQLite
/// file through GRDB, or into a new database on the suite's PostgreSQL server through psql.
struct ReleaseStore {
    let backend: Backend
    let folder: URL
    /// The SQLite file, or the PostgreSQL URL.
    let path: String
    let database: String?
    /// Who made the store, its first admin: the OS user on SQLite, the login role on PostgreSQL.
    let user: String

    static let release = "7578a3c"

    /// Loads the release's store of `backend` into a new file or database.
    static func load(_ backend: Backend) async throws -> ReleaseStore {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("honsim-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let dump = fixture(backend)
        switch backend {
        case .sqlite:
            let path = folder.appendingPathComponent("cases.sqlite").path
            let text = try String(contentsOf: dump, encoding: .utf8)
            let queue = try DatabaseQueue(path: path)
            // The dump holds its own BEGIN and COMMIT.
            try await queue.writeWithoutTransaction { db in try db.execute(sql: text) }
            let user = try await queue.read { db in
                try String.fetchOne(db, sql: "SELECT name FROM users WHERE role = 'admin' ORDER BY created_at, name LIMIT 1")
            }
            return ReleaseStore(backend: backend, folder: folder, path: path, database: nil, user: user ?? OSUser.current)
        case .postgres:
            let server = try PostgresServer.shared()
            let name = server.newDatabaseName()
            _ = try await SchemaCatalog.psql("CREATE DATABASE \(name)", database: "postgres")
            // psql -f, which reads the dump's COPY blocks; on a thread of its own, as it holds it.
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
                DispatchQueue.global().async {
                    continuation.resume(with: Result {
                        try PostgresServer.run(server.bin + "/psql", ["-X", "-q", "-v", "ON_ERROR_STOP=1", "-h", server.folder,
                                                                      "-p", String(server.port), "-U", "postgres", "-d", name, "-f", dump.path])
                        return ()
                    })
                }
            }
            return ReleaseStore(backend: backend, folder: folder, path: server.url(user: "postgres", database: name), database: name,
                                user: "postgres")
        }
    }

    static func fixture(_ backend: Backend) -> URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("Fixtures/release-\(release).\(backend.rawValue).sql")
    }

    /// Opens the store with this code, as its maker would: an older store is migrated.
    func open() async throws -> any CaseStore {
        switch backend {
        case .sqlite: return try SQLiteStore(path: path, user: user)
        case .postgres: return try await PostgresStore.open(try PostgresURL(path))
        }
    }

    /// Every row of every table, bookkeeping of migrations included, as text per table.
    func rows() async throws -> [String: [String]] {
        switch backend {
        case .sqlite: return try await DatabaseQueue(path: path).read { db in try SchemaCatalog.sqliteRows(db) }
        case .postgres: return try await SchemaCatalog.postgresRows(database: database ?? "")
        }
    }

    /// Each table's columns, in order.
    func columns() async throws -> [String: [String]] {
        switch backend {
        case .sqlite:
            return try await DatabaseQueue(path: path).read { db in
                var columns: [String: [String]] = [:]
                for table in try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'") {
                    columns[table] = try String.fetchAll(db, sql: "SELECT name FROM pragma_table_info(?) ORDER BY cid", arguments: [table])
                }
                return columns
            }
        case .postgres:
            let output = try await SchemaCatalog.psql("""
                SELECT table_name || '|' || column_name FROM information_schema.columns WHERE table_schema = 'public'
                ORDER BY table_name, ordinal_position
                """, database: database ?? "")
            var columns: [String: [String]] = [:]
            for line in output.split(separator: "\n") {
                let parts = line.split(separator: "|", maxSplits: 1).map(String.init)
                if parts.count == 2 { columns[parts[0], default: []].append(parts[1]) }
            }
            return columns
        }
    }

    /// The migrations the list has gained since the release that change a store of `dialect`:
    /// an upgrade applies these, and records their names beside the release's. A change of the
    /// other dialect only (PostgreSQL's roles) is neither applied nor recorded.
    static func sinceRelease(_ dialect: Dialect) -> [String] {
        let released = ["1: cases", "2: dongs revision", "3: users and access", "4: change notices", "5: users and row-level security",
                        "6: indexes for the dashboard's reads", "7: row-level security asked once per statement"]
        return Schema.migrations.filter { !released.contains($0.id) && !$0.statements(dialect).isEmpty }.map(\.id)
    }

    /// Every row of the tables the release had, in the columns the release had (`columns`, as
    /// `columns()` read them before the upgrade), without the list of applied migrations: what
    /// an upgrade must keep as it was, whatever columns later migrations add.
    func rows(inColumns columns: [String: [String]]) async throws -> [String: [String]] {
        let migrations: Set = ["grdb_migrations", "schema_migrations"]
        let projected = columns.filter { !migrations.contains($0.key) }.mapValues { names in names.map { "\"\($0)\"" }.joined(separator: ", ") }
        switch backend {
        case .sqlite:
            return try await DatabaseQueue(path: path).read { db in
                var rows: [String: [String]] = [:]
                for (table, list) in projected {
                    rows[table] = try Row.fetchAll(db, sql: "SELECT \(list) FROM \"\(table)\"").map(\.description).sorted()
                }
                return rows
            }
        case .postgres:
            var rows: [String: [String]] = [:]
            for (table, list) in projected {
                let output = try await SchemaCatalog.psql("SELECT replace(x::text, E'\\n', '\\n') FROM (SELECT \(list) FROM \"\(table)\") x ORDER BY 1",
                                                          database: database ?? "")
                rows[table] = output.split(separator: "\n").map(String.init)
            }
            return rows
        }
    }


    /// The schema, as the database's catalog has it.
    func schema() async throws -> [String] {
        try await ReleaseStore.schema(backend, path: path, database: database)
    }

    static func schema(_ backend: Backend, path: String, database: String?) async throws -> [String] {
        switch backend {
        case .sqlite: return try await DatabaseQueue(path: path).read { db in try SchemaCatalog.sqlite(db) }
        case .postgres: return try await SchemaCatalog.postgres(database: database ?? "")
        }
    }

    func remove() {
        try? FileManager.default.removeItem(at: folder)
    }
}
