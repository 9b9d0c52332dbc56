import GRDB

extension Schema {
    /// Who may do what, by OS user name: the name the audit log already records, so an SSH
    /// session is recognised without a password of honsim's own.
    static func createUsers(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE users (
                name TEXT PRIMARY KEY,
                display_name TEXT NOT NULL DEFAULT '',
                role TEXT NOT NULL CHECK (role IN ('admin', 'coordinator', 'viewer')),
                -- Dong codes, comma-separated. Not a table with foreign keys: replacing the
                -- demo data deletes and re-inserts the dongs, and a person's scope must survive that.
                dongs TEXT NOT NULL DEFAULT '',
                created_at INTEGER NOT NULL,
                created_by TEXT NOT NULL,
                updated_at INTEGER NOT NULL,
                updated_by TEXT NOT NULL,
                CHECK (role != 'coordinator' OR dongs != '')
            ) WITHOUT ROWID;
            -- The access log (개인정보 열람 기록) is read by household and by person.
            CREATE INDEX audit_by_user ON audit(user, at);
            """)
        // A store made before roles existed: everyone who has written to it could change
        // everything, so each of them starts as an admin and nobody is locked out by the
        // upgrade. An admin can then narrow the others down with `honsim users set`.
        try db.execute(sql: """
            INSERT INTO users (name, role, created_at, created_by, updated_at, updated_by)
            SELECT user, 'admin', MIN(at), 'v3 migration', MIN(at), 'v3 migration' FROM audit GROUP BY user
            """)
    }
}
