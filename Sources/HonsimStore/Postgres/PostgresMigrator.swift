import Foundation

/// Applies the one list of migrations (`Schema.migrations`) to a PostgreSQL store, each once
/// and in its own transaction, recording it in `schema_migrations`. An advisory lock keeps two
/// processes from migrating at once.
enum PostgresMigrator {
    private static let lockKey: Int64 = 0x686f_6e73_696d  // "honsim"

    static func migrate(_ db: PGSQL, create: Bool, location: String) async throws {
        let hasTable = try await db.value("SELECT to_regclass('schema_migrations') IS NOT NULL", as: Bool.self) == true
        if !hasTable && !create { return }
        // Everyone opens the store; only its owner can change the schema, and only needs to
        // when a migration is missing.
        if hasTable, try await pending(db, location: location).isEmpty { return }
        try await db.execute("SELECT pg_advisory_lock(?)", [lockKey])
        do {
            try await db.execute("CREATE TABLE IF NOT EXISTS schema_migrations (name TEXT PRIMARY KEY, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())")
            for migration in try await pending(db, location: location) {
                try await db.execute("BEGIN")
                do {
                    for sql in migration.statements(.postgres) {
                        for statement in statements(sql) { try await db.execute(statement) }
                    }
                    try await db.execute("INSERT INTO schema_migrations (name) VALUES (?)", [migration.id])
                    try await db.execute("COMMIT")
                } catch {
                    try? await db.execute("ROLLBACK")
                    throw error
                }
            }
            try await db.execute("SELECT pg_advisory_unlock(?)", [lockKey])
        } catch {
            try? await db.execute("SELECT pg_advisory_unlock(?)", [lockKey])
            throw error
        }
    }

    /// The migrations not yet applied, as recorded under their names or their former ones; a
    /// store holding one this honsim does not know is newer.
    static func pending(_ db: PGSQL, location: String) async throws -> [Migration] {
        let applied = Set(try await db.rows("SELECT name FROM schema_migrations").map { $0["name"] as String })
        return try Schema.pending(.postgres, applied: applied, location: location)
    }

    /// Splits a script into statements at `;`, except inside quotes, identifiers, comments
    /// and dollar-quoted bodies: each is sent on its own (the extended protocol takes one).
    static func statements(_ script: String) -> [String] {
        var statements: [String] = []
        var current = ""
        var inQuote: Character?
        var inDollar = false
        var inComment = false
        let characters = Array(script)
        var index = 0
        while index < characters.count {
            let character = characters[index]
            let next = index + 1 < characters.count ? characters[index + 1] : " "
            if inComment {
                if character == "\n" { inComment = false }
                index += 1
                continue
            }
            if let quote = inQuote {
                current.append(character)
                if character == quote { inQuote = nil }
            } else if inDollar {
                current.append(character)
                if character == "$" && next == "$" { current.append(next); index += 1; inDollar = false }
            } else if character == "-" && next == "-" {
                inComment = true
            } else if character == "$" && next == "$" {
                current += "$$"
                index += 1
                inDollar = true
            } else if character == "'" || character == "\"" {
                inQuote = character
                current.append(character)
            } else if character == ";" {
                let trimmed = current.trimmingCharacters(in: .whitespacesAndNewlines)
                if !trimmed.isEmpty { statements.append(trimmed) }
                current = ""
            } else {
                current.append(character)
            }
            index += 1
        }
        let trimmed = current.trimmingCharacters(in: .whitespacesAndNewlines)
        if !trimmed.isEmpty { statements.append(trimmed) }
        return statements
    }
}
