import Foundation
import GRDB
@testable import HonsimStore
import HonsimTestServer

/// What a store's schema is, read back from the database's own catalog as lines of text, so
/// that two stores can be compared: an upgraded one with a new one, a SQLite one with a
/// PostgreSQL one.
enum SchemaCatalog {
    /// A column as both dialects can say it: SQLite's INTEGER and PostgreSQL's bigint are one
    /// kind, as are SQLite's BLOB and PostgreSQL's bytea, and a default loses PostgreSQL's casts.
    struct Column: Equatable, CustomStringConvertible {
        let name: String
        let kind: String
        let notNull: Bool
        let defaultValue: String?
        var description: String { "\(name) \(kind)\(notNull ? " not null" : "")\(defaultValue.map { " default \($0)" } ?? "")" }
    }

    /// The tables of the bookkeeping of migrations, which are the migrators' and not the list's.
    static let bookkeeping: Set<String> = ["grdb_migrations", "schema_migrations"]

    // MARK: SQLite

    /// Every table, index and trigger with its SQL (comments and spacing aside), and the
    /// settings `meta` holds.
    static func sqlite(_ db: Database) throws -> [String] {
        let objects = try Row.fetchAll(db, sql: """
            SELECT type, name, tbl_name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name
            """).map { row in "\(row["type"] as String) \(row["name"] as String) on \(row["tbl_name"] as String): \(normalized(row["sql"] ?? ""))" }
        // The kept figures' state is written by a store's first write, not by its schema.
        let settings = try String.fetchAll(db, sql: "SELECT key FROM meta WHERE key <> 'kept_figures' ORDER BY key").map { "meta \($0)" }
        return objects + settings
    }

    static func sqliteColumns(_ db: Database) throws -> [String: [Column]] {
        var tables: [String: [Column]] = [:]
        for table in try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
        where !bookkeeping.contains(table) {
            tables[table] = try Row.fetchAll(db, sql: "SELECT * FROM pragma_table_info(?) ORDER BY cid", arguments: [table]).map { row in
                let primaryKey = (row["pk"] as Int) > 0
                return Column(name: row["name"], kind: (row["type"] as String).lowercased(),
                              notNull: row["notnull"] as Bool || primaryKey, defaultValue: row["dflt_value"])
            }
        }
        return tables
    }

    static func sqliteIndexes(_ db: Database) throws -> Set<String> {
        Set(try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL"))
    }

    /// Every row of every table, as text, per table.
    static func sqliteRows(_ db: Database) throws -> [String: [String]] {
        var rows: [String: [String]] = [:]
        for table in try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'") {
            rows[table] = try Row.fetchAll(db, sql: "SELECT * FROM \"\(table)\"").map(\.description).sorted()
        }
        return rows
    }

    // MARK: PostgreSQL

    /// Columns, constraints, indexes, triggers, functions (their bodies by digest), policies,
    /// row-level security, grants to `honsim_user`, sequences, extensions and the settings
    /// `meta` holds: one query, each part one line per object.
    static func postgres(database: String) async throws -> [String] {
        let parts = [
            """
            SELECT 'column ' || table_name || '.' || column_name || ' ' || ordinal_position || ' ' || data_type || ' ' || is_nullable
                || ' ' || coalesce(column_default, '') FROM information_schema.columns WHERE table_schema = 'public'
            """,
            """
            SELECT 'constraint ' || conrelid::regclass || '.' || conname || ' ' || pg_get_constraintdef(oid)
            FROM pg_constraint WHERE connamespace = 'public'::regnamespace
            """,
            "SELECT 'index ' || indexname || ' ' || indexdef FROM pg_indexes WHERE schemaname = 'public'",
            "SELECT 'trigger ' || tgname || ' ' || pg_get_triggerdef(oid) FROM pg_trigger WHERE NOT tgisinternal",
            """
            SELECT 'function ' || proname || '(' || pg_get_function_identity_arguments(p.oid) || ') ' || prosecdef || ' '
                || coalesce(array_to_string(proconfig, ','), '') || ' ' || md5(prosrc)
            FROM pg_proc p WHERE pronamespace = 'public'::regnamespace
              AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = p.oid AND d.deptype = 'e')
            """,
            """
            SELECT 'policy ' || tablename || '.' || policyname || ' ' || cmd || ' ' || array_to_string(roles, ',') || ' '
                || coalesce(qual, '') || ' / ' || coalesce(with_check, '') FROM pg_policies WHERE schemaname = 'public'
            """,
            """
            SELECT 'security ' || relname || ' ' || relrowsecurity FROM pg_class
            WHERE relnamespace = 'public'::regnamespace AND relkind = 'r'
            """,
            """
            SELECT 'grant ' || table_name || ' ' || privilege_type FROM information_schema.role_table_grants
            WHERE grantee = 'honsim_user'
            """,
            """
            SELECT 'sequence grant ' || relname || ' ' || coalesce(array_to_string(relacl, ','), '') FROM pg_class
            WHERE relnamespace = 'public'::regnamespace AND relkind = 'S'
            """,
            "SELECT 'extension ' || extname FROM pg_extension",
            "SELECT 'meta ' || key FROM meta WHERE key <> 'kept_figures'",
        ]
        let query = "SELECT line FROM (" + parts.map { "(\($0))" }.joined(separator: " UNION ALL ") + ") AS catalog (line) ORDER BY line"
        return lines(try await psql(query, database: database))
    }

    static func postgresColumns(database: String) async throws -> [String: [Column]] {
        let text = try await psql("""
            SELECT table_name, column_name, data_type, is_nullable, coalesce(column_default, '<none>')
            FROM information_schema.columns WHERE table_schema = 'public'
              AND table_name IN (SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE')
            ORDER BY table_name, ordinal_position
            """, database: database)
        var tables: [String: [Column]] = [:]
        for line in lines(text) {
            let cells = line.components(separatedBy: "|")
            guard cells.count == 5, !bookkeeping.contains(cells[0]) else { continue }
            let kind = ["bigint": "integer", "bytea": "blob"][cells[2]] ?? cells[2]
            // A BIGSERIAL's default is its sequence, which SQLite's INTEGER PRIMARY KEY is without saying.
            var defaultValue: String? = cells[4] == "<none>" || cells[4].hasPrefix("nextval(") ? nil : cells[4]
            defaultValue = defaultValue?.replacingOccurrences(of: "::text", with: "").replacingOccurrences(of: "::bigint", with: "")
            tables[cells[0], default: []].append(Column(name: cells[1], kind: kind, notNull: cells[3] == "NO", defaultValue: defaultValue))
        }
        return tables
    }

    static func postgresIndexes(database: String) async throws -> Set<String> {
        // Those of primary keys and UNIQUE columns are the constraints' own, as in SQLite's
        // autoindexes; the EXCLUDE constraint's index is the no-overlap guard, a trigger in SQLite.
        Set(lines(try await psql("""
            SELECT indexname FROM pg_indexes i WHERE schemaname = 'public'
              AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname AND c.connamespace = 'public'::regnamespace)
            """, database: database)))
    }

    /// Every row of every table, as text, per table.
    static func postgresRows(database: String) async throws -> [String: [String]] {
        let tables = lines(try await psql("SELECT tablename FROM pg_tables WHERE schemaname = 'public'", database: database))
        let query = tables.map { "(SELECT '\($0)', replace(x::text, E'\\n', '\\n') FROM \"\($0)\" x)" }.joined(separator: " UNION ALL ") + " ORDER BY 1, 2"
        var rows = Dictionary(uniqueKeysWithValues: tables.map { ($0, [String]()) })
        for line in lines(try await psql(query, database: database)) {
            guard let bar = line.firstIndex(of: "|") else { continue }
            rows[String(line[..<bar]), default: []].append(String(line[line.index(after: bar)...]))
        }
        return rows
    }

    /// SQL through psql on the suite's server. psql holds its thread until it is done: it runs
    /// on a thread of its own, not on one of the few that every test's tasks share.
    static func psql(_ sql: String, database: String) async throws -> String {
        try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global().async {
                continuation.resume(with: Result { try PostgresServer.shared().psql(sql, database: database) })
            }
        }
    }

    // MARK: Text

    /// SQL without its comments and with one space wherever there was any, none inside brackets.
    static func normalized(_ sql: String) -> String {
        let uncommented = sql.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            line.range(of: "--").map { String(line[..<$0.lowerBound]) } ?? String(line)
        }.joined(separator: " ")
        return uncommented.split(whereSeparator: \.isWhitespace).joined(separator: " ")
            .replacingOccurrences(of: "( ", with: "(").replacingOccurrences(of: " )", with: ")")
    }

    static func lines(_ text: String) -> [String] {
        text.split(separator: "\n").map(String.init).filter { !$0.isEmpty }
    }
}
