/// Keeping only what is needed (개인정보 파기): when a household was closed, the day its
/// retention is reckoned from, and when its personal details were destroyed.
extension Schema {
    /// 8: `closed_at` is set when a household is closed and cleared when it is reopened; a
    /// store made before it takes the household's last change as the day it was closed, the
    /// closest the rows can say. `purged_at` marks a household whose personal details a purge
    /// destroyed, so that a later purge counts it once.
    static let retention = Migration("8: when households were closed and purged", [
        .both { d in "ALTER TABLE household ADD COLUMN closed_at \(d.integer)" },
        .both { d in "ALTER TABLE household ADD COLUMN purged_at \(d.integer)" },
        .same("UPDATE household SET closed_at = updated_at WHERE closed = 1"),
        // A purge takes the copies of a purged record out of the audit log's before and after;
        // everything else of an entry (who, when, what) stays append-only, for everyone.
        .postgresOnly(because: "a SQLite file has no login roles: the store lets only an admin purge, and whoever can write the file can change the audit log anyway",
                      """
                      CREATE POLICY audit_purge ON audit FOR UPDATE USING ((SELECT honsim_is_admin())) WITH CHECK ((SELECT honsim_is_admin()));
                      GRANT UPDATE (before, after) ON audit TO honsim_user;
                      """),
    ])
}
