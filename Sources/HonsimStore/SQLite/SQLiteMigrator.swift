import GRDB

/// Applies the one list of migrations (`Schema.migrations`) to a SQLite store through GRDB's
/// migrator, which runs each in its own transaction, checks the foreign keys before it
/// commits, and records it in `grdb_migrations`.
enum SQLiteMigrator {
    /// The migrations the store still needs; throws `newerSchema` for a store made by a newer
    /// honsim. Asked even of a read-only session, which then reads but migrates nothing.
    static func pending(_ pool: DatabasePool, location: String) throws -> [Migration] {
        let applied = try pool.read { db in
            try db.tableExists("grdb_migrations") ? String.fetchSet(db, sql: "SELECT identifier FROM grdb_migrations") : []
        }
        return try Schema.pending(.sqlite, applied: applied, location: location)
    }

    /// Applies `migrations` in order. Only those are registered with GRDB, under their own
    /// names: what the store recorded under former names is left as it is. GRDB reads what is
    /// recorded again once it holds the write lock, so two processes that open a new store at
    /// the same moment do not both apply a migration.
    static func apply(_ migrations: [Migration], to pool: DatabasePool) throws {
        guard !migrations.isEmpty else { return }
        var migrator = DatabaseMigrator()
        for migration in migrations {
            let statements = migration.statements(.sqlite)
            migrator.registerMigration(migration.id) { db in
                for statement in statements { try db.execute(sql: statement) }
            }
        }
        try migrator.migrate(pool)
    }
}
