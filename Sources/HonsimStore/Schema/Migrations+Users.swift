/// Who may do what, by OS user name on SQLite and login role on PostgreSQL: the name the audit
/// log already records, so an SSH session is recognised without a password of honsim's own.
extension Schema {
    /// 3: the people of the store and their roles; the access log (개인정보 열람 기록) read by person.
    static let usersAndAccess = Migration("3: users and access", formerly: [.sqlite: "v3: users and access", .postgres: "v1: cases"], [
        .both { d in """
            CREATE TABLE users (
                name TEXT PRIMARY KEY,
                display_name TEXT NOT NULL DEFAULT '',
                role TEXT NOT NULL CHECK (role IN ('admin', 'coordinator', 'viewer')),
                -- Dong codes, comma-separated. Not a table with foreign keys: replacing the
                -- demo data deletes and re-inserts the dongs, and a person's scope must survive that.
                dongs TEXT NOT NULL DEFAULT '',
                created_at \(d.integer) NOT NULL,
                created_by TEXT NOT NULL,
                updated_at \(d.integer) NOT NULL,
                updated_by TEXT NOT NULL,
                CHECK (role != 'coordinator' OR dongs != '')
            )\(d.keyedTable)
            """ },
        .both { d in "CREATE INDEX audit_by_user ON audit(\(d.reserved("user")), at)" },
        // A store made before roles existed: everyone who has written to it could change
        // everything, so each of them starts as an admin and nobody is locked out by the
        // upgrade. An admin can then narrow the others down with `honsim users set`. (A new
        // store has no audit yet: nobody.)
        .same("""
            INSERT INTO users (name, role, created_at, created_by, updated_at, updated_by)
            SELECT "user", 'admin', MIN(at), 'v3 migration', MIN(at), 'v3 migration' FROM audit GROUP BY "user"
            """),
    ])

    /// 5: row-level security: everyone registered reads; a write to a household, volunteer,
    /// request or assignment must be of a dong the login role's `users` row covers (an admin
    /// covers all), whether it comes through honsim or raw SQL. The store's owner (who
    /// migrated it) is not subject to it; every person logs in as their own role, a member of
    /// `honsim_user`. The checks run as the caller (not SECURITY DEFINER): `current_user` must be
    /// the person, and everyone may read `users`.
    static let rowLevelSecurity = Migration.postgresOnly(
        "5: users and row-level security", formerly: "v3: users and row-level security",
        because: """
            a SQLite file has no login roles: who may open it is the file's permissions, and the store checks a \
            person's role and dongs itself before every write
            """,
        """
        DO $$ BEGIN
            IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'honsim_user') THEN CREATE ROLE honsim_user NOLOGIN; END IF;
        END $$
        """,
        """
        CREATE FUNCTION honsim_may_change(dong_code TEXT) RETURNS boolean LANGUAGE sql STABLE SET search_path = public AS $$
            SELECT EXISTS (SELECT 1 FROM users WHERE name = current_user
                           AND (role = 'admin' OR (role = 'coordinator' AND $1 = ANY (string_to_array(dongs, ',')))))
        $$
        """,
        """
        CREATE FUNCTION honsim_is_admin() RETURNS boolean LANGUAGE sql STABLE SET search_path = public AS $$
            SELECT EXISTS (SELECT 1 FROM users WHERE name = current_user AND role = 'admin')
        $$
        """,
        """
        CREATE FUNCTION honsim_request_dong(request_id BIGINT) RETURNS TEXT LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
            SELECT dong_code FROM escort_request WHERE id = $1
        $$
        """,
        """
        CREATE FUNCTION honsim_volunteer_dong(volunteer_id BIGINT) RETURNS TEXT LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
            SELECT dong_code FROM volunteer WHERE id = $1
        $$
        """,
        """
        ALTER TABLE household ENABLE ROW LEVEL SECURITY;
        CREATE POLICY household_read ON household FOR SELECT USING (true);
        CREATE POLICY household_write ON household FOR ALL USING (honsim_may_change(dong_code)) WITH CHECK (honsim_may_change(dong_code));
        ALTER TABLE volunteer ENABLE ROW LEVEL SECURITY;
        CREATE POLICY volunteer_read ON volunteer FOR SELECT USING (true);
        CREATE POLICY volunteer_write ON volunteer FOR ALL USING (honsim_may_change(dong_code)) WITH CHECK (honsim_may_change(dong_code));
        ALTER TABLE availability_window ENABLE ROW LEVEL SECURITY;
        CREATE POLICY availability_read ON availability_window FOR SELECT USING (true);
        CREATE POLICY availability_write ON availability_window FOR ALL
            USING (honsim_may_change(honsim_volunteer_dong(volunteer_id))) WITH CHECK (honsim_may_change(honsim_volunteer_dong(volunteer_id)));
        ALTER TABLE day_off ENABLE ROW LEVEL SECURITY;
        CREATE POLICY day_off_read ON day_off FOR SELECT USING (true);
        CREATE POLICY day_off_write ON day_off FOR ALL
            USING (honsim_may_change(honsim_volunteer_dong(volunteer_id))) WITH CHECK (honsim_may_change(honsim_volunteer_dong(volunteer_id)));
        ALTER TABLE escort_request ENABLE ROW LEVEL SECURITY;
        CREATE POLICY request_read ON escort_request FOR SELECT USING (true);
        CREATE POLICY request_write ON escort_request FOR ALL USING (honsim_may_change(dong_code)) WITH CHECK (honsim_may_change(dong_code));
        ALTER TABLE assignment ENABLE ROW LEVEL SECURITY;
        CREATE POLICY assignment_read ON assignment FOR SELECT USING (true);
        CREATE POLICY assignment_write ON assignment FOR ALL
            USING (honsim_may_change(honsim_request_dong(request_id))) WITH CHECK (honsim_may_change(honsim_request_dong(request_id)));
        """,
        // Dongs and the rest of the city's data: admins only.
        """
        ALTER TABLE dong ENABLE ROW LEVEL SECURITY;
        CREATE POLICY dong_read ON dong FOR SELECT USING (true);
        CREATE POLICY dong_write ON dong FOR ALL USING (honsim_is_admin()) WITH CHECK (honsim_is_admin());
        ALTER TABLE dong_former_name ENABLE ROW LEVEL SECURITY;
        CREATE POLICY dong_former_read ON dong_former_name FOR SELECT USING (true);
        CREATE POLICY dong_former_write ON dong_former_name FOR ALL USING (honsim_is_admin()) WITH CHECK (honsim_is_admin());
        ALTER TABLE users ENABLE ROW LEVEL SECURITY;
        CREATE POLICY users_read ON users FOR SELECT USING (true);
        CREATE POLICY users_write ON users FOR ALL USING (honsim_is_admin()) WITH CHECK (honsim_is_admin());
        """,
        // The audit log is append-only, and each entry names who wrote it.
        """
        ALTER TABLE audit ENABLE ROW LEVEL SECURITY;
        CREATE POLICY audit_read ON audit FOR SELECT USING (true);
        CREATE POLICY audit_append ON audit FOR INSERT WITH CHECK ("user" = current_user);
        """,
        """
        GRANT USAGE ON SCHEMA public TO honsim_user;
        GRANT SELECT ON ALL TABLES IN SCHEMA public TO honsim_user;
        GRANT INSERT, UPDATE, DELETE ON household, volunteer, availability_window, day_off, escort_request, assignment,
            dong, dong_former_name, users TO honsim_user;
        GRANT INSERT ON audit TO honsim_user;
        GRANT UPDATE ON meta TO honsim_user;
        """,
        // UPDATE for setval: a load or an import keeps its ids and moves the sequences past them.
        "GRANT USAGE, UPDATE ON ALL SEQUENCES IN SCHEMA public TO honsim_user")

    /// 7: the same rules as 5, asked once per statement instead of once per row. 5's policies
    /// called `honsim_may_change` on every row; its `SET search_path` keeps PostgreSQL from
    /// inlining it, so a 200,000-row import ran its query of `users` 200,000 times. A
    /// function call inside a scalar subquery becomes an InitPlan, evaluated once; an
    /// admin's write then skips the per-row dong lookup altogether, as OR stops at the
    /// first true. A coordinator's dongs are one array, compared with `= ANY`; the cast makes
    /// `ANY` take the subquery's one value as an array rather than as a set of rows.
    static let policiesOncePerStatement = Migration.postgresOnly(
        "7: row-level security asked once per statement", formerly: "v5: row-level security asked once per statement",
        because: "it changes 5, which only PostgreSQL has",
        """
        CREATE FUNCTION honsim_coordinator_dongs() RETURNS text[] LANGUAGE sql STABLE SET search_path = public AS $$
            SELECT coalesce((SELECT string_to_array(dongs, ',') FROM users WHERE name = current_user AND role = 'coordinator'), '{}')
        $$
        """,
        """
        ALTER POLICY household_write ON household
            USING ((SELECT honsim_is_admin()) OR dong_code = ANY ((SELECT honsim_coordinator_dongs())::text[]))
            WITH CHECK ((SELECT honsim_is_admin()) OR dong_code = ANY ((SELECT honsim_coordinator_dongs())::text[]));
        ALTER POLICY volunteer_write ON volunteer
            USING ((SELECT honsim_is_admin()) OR dong_code = ANY ((SELECT honsim_coordinator_dongs())::text[]))
            WITH CHECK ((SELECT honsim_is_admin()) OR dong_code = ANY ((SELECT honsim_coordinator_dongs())::text[]));
        ALTER POLICY availability_write ON availability_window
            USING ((SELECT honsim_is_admin()) OR honsim_volunteer_dong(volunteer_id) = ANY ((SELECT honsim_coordinator_dongs())::text[]))
            WITH CHECK ((SELECT honsim_is_admin()) OR honsim_volunteer_dong(volunteer_id) = ANY ((SELECT honsim_coordinator_dongs())::text[]));
        ALTER POLICY day_off_write ON day_off
            USING ((SELECT honsim_is_admin()) OR honsim_volunteer_dong(volunteer_id) = ANY ((SELECT honsim_coordinator_dongs())::text[]))
            WITH CHECK ((SELECT honsim_is_admin()) OR honsim_volunteer_dong(volunteer_id) = ANY ((SELECT honsim_coordinator_dongs())::text[]));
        ALTER POLICY request_write ON escort_request
            USING ((SELECT honsim_is_admin()) OR dong_code = ANY ((SELECT honsim_coordinator_dongs())::text[]))
            WITH CHECK ((SELECT honsim_is_admin()) OR dong_code = ANY ((SELECT honsim_coordinator_dongs())::text[]));
        ALTER POLICY assignment_write ON assignment
            USING ((SELECT honsim_is_admin()) OR honsim_request_dong(request_id) = ANY ((SELECT honsim_coordinator_dongs())::text[]))
            WITH CHECK ((SELECT honsim_is_admin()) OR honsim_request_dong(request_id) = ANY ((SELECT honsim_coordinator_dongs())::text[]));
        ALTER POLICY dong_write ON dong USING ((SELECT honsim_is_admin())) WITH CHECK ((SELECT honsim_is_admin()));
        ALTER POLICY dong_former_write ON dong_former_name USING ((SELECT honsim_is_admin())) WITH CHECK ((SELECT honsim_is_admin()));
        ALTER POLICY users_write ON users USING ((SELECT honsim_is_admin())) WITH CHECK ((SELECT honsim_is_admin()));
        """,
        "DROP FUNCTION honsim_may_change(TEXT)")
}
