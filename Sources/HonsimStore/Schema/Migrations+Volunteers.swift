/// The volunteers' side: their credentials with dates and consent to the national portal, and
/// the expenses (실비) paid with an escort. The council's settings for both live in `meta`, not
/// in a person's config file, because the store's assign check reads them inside its
/// transaction and every process must agree on them; a key not there yet is its default
/// (`VolunteerSettings`), so no migration writes them and an upgraded store keeps its rows.
extension Schema {
    /// 19: training, accident insurance, background check and portal consent, as dates.
    static let volunteerCredentials = Migration("19: volunteer credentials", [
        .same("ALTER TABLE volunteer ADD COLUMN trained_on TEXT"),
        .same("ALTER TABLE volunteer ADD COLUMN insured_until TEXT"),
        .same("ALTER TABLE volunteer ADD COLUMN background_checked_on TEXT"),
        .same("ALTER TABLE volunteer ADD COLUMN portal_consent_on TEXT"),
        // The council's settings are written on their first change (an admin's, checked by the
        // store): the role that may already update `meta` may now add those rows too.
        .postgresOnly(because: "SQLite has no grants: whoever may write the file writes meta", "GRANT INSERT ON meta TO honsim_user"),
        // The dates are not personal in the masking rule's sense (no name, phone or address):
        // every role reads them, as it reads the weekly cap. New columns go at the end, which
        // is what CREATE OR REPLACE VIEW allows.
        .postgresOnly(because: sqliteHasNoRolesForVolunteers, """
            CREATE OR REPLACE VIEW seen_volunteer AS SELECT id, dong_code,
                CASE WHEN \(full) THEN name ELSE honsim_mask_name(name) END AS name,
                gender,
                CASE WHEN \(full) THEN phone ELSE honsim_mask_phone(phone) END AS phone,
                skills, has_car, weekly_cap_minutes,
                CASE WHEN \(full) THEN notes ELSE '' END AS notes,
                closed, version, updated_at, updated_by,
                trained_on, insured_until, background_checked_on, portal_consent_on
            FROM volunteer
            """),
    ])

    /// 20: what an escort's volunteer was paid back, recorded with its completion, in won.
    static let escortExpenses = Migration("20: escort expenses", [
        .both { d in """
            CREATE TABLE escort_expense (
                request_id \(d.integer) PRIMARY KEY REFERENCES escort_request(id)\(d == .postgres ? " ON DELETE CASCADE" : ""),
                volunteer_id \(d.integer) NOT NULL REFERENCES volunteer(id),
                fares \(d.integer) NOT NULL DEFAULT 0 CHECK (fares >= 0),
                parking \(d.integer) NOT NULL DEFAULT 0 CHECK (parking >= 0),
                meals \(d.integer) NOT NULL DEFAULT 0 CHECK (meals >= 0),
                recorded_at \(d.integer) NOT NULL,
                recorded_by TEXT NOT NULL
            )
            """ },
        .same("CREATE INDEX escort_expense_by_volunteer ON escort_expense(volunteer_id)"),
        .postgresOnly(because: "row-level security, grants and change notices are PostgreSQL's; SQLite checks the role in the write path", """
            ALTER TABLE escort_expense ENABLE ROW LEVEL SECURITY;
            CREATE POLICY escort_expense_read ON escort_expense FOR SELECT USING (true);
            CREATE POLICY escort_expense_write ON escort_expense FOR ALL
                USING ((SELECT honsim_is_admin()) OR honsim_request_dong(request_id) = ANY ((SELECT honsim_coordinator_dongs())::text[]))
                WITH CHECK ((SELECT honsim_is_admin()) OR honsim_request_dong(request_id) = ANY ((SELECT honsim_coordinator_dongs())::text[]));
            GRANT SELECT, INSERT, UPDATE, DELETE ON escort_expense TO honsim_user;
            CREATE TRIGGER escort_expense_notify AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON escort_expense
                FOR EACH STATEMENT EXECUTE FUNCTION honsim_notify();
            """),
    ])

    private static let sqliteHasNoRolesForVolunteers = """
        a SQLite file has no login roles and no views by role: the volunteer table is read as it is
        """
}
