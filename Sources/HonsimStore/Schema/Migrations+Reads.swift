/// What lets every process keep its reads cheap and current: revisions to cache by, change
/// notices, and the indexes the dashboard's reads were measured to need.
extension Schema {
    /// 2: dongs change rarely (a rename, a merger); a revision lets every process cache them,
    /// bumped as `1: cases` bumps the volunteers'.
    static let dongsRevision = Migration("2: dongs revision", formerly: [.sqlite: "v2: dongs revision", .postgres: "v1: cases"], [
        .same("INSERT INTO meta (key, value) VALUES ('dongs_revision', '0')"),
        .each(sqlite: sqliteRevisionTriggers(on: ["dong", "dong_former_name"], key: "dongs_revision"), postgres: [
            """
            CREATE TRIGGER dong_revision AFTER INSERT OR UPDATE OR DELETE ON dong
                FOR EACH STATEMENT EXECUTE FUNCTION honsim_bump_revision('dongs_revision')
            """,
            """
            CREATE TRIGGER dong_former_name_revision AFTER INSERT OR UPDATE OR DELETE ON dong_former_name
                FOR EACH STATEMENT EXECUTE FUNCTION honsim_bump_revision('dongs_revision')
            """,
        ]),
    ])

    /// 4: every committed change notifies the channel once per statement; PostgreSQL folds the
    /// notices of one transaction into one, delivered at commit, to every listening process.
    static let changeNotices = Migration.postgresOnly(
        "4: change notices", formerly: "v2: change notices",
        because: "SQLite's processes learn of each other's commits by polling PRAGMA data_version (ChangeFeed), which needs nothing in the schema",
        """
        CREATE FUNCTION honsim_notify() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            PERFORM pg_notify('\(PostgresStore.changeChannel)', TG_TABLE_NAME);
            RETURN NULL;
        END $$
        """,
        """
        CREATE TRIGGER escort_request_notify AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON escort_request
            FOR EACH STATEMENT EXECUTE FUNCTION honsim_notify()
        """,
        """
        CREATE TRIGGER household_notify AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON household
            FOR EACH STATEMENT EXECUTE FUNCTION honsim_notify()
        """,
        """
        CREATE TRIGGER volunteer_notify AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON volunteer
            FOR EACH STATEMENT EXECUTE FUNCTION honsim_notify()
        """,
        """
        CREATE TRIGGER users_notify AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON users
            FOR EACH STATEMENT EXECUTE FUNCTION honsim_notify()
        """,
        """
        CREATE TRIGGER dong_notify AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON dong
            FOR EACH STATEMENT EXECUTE FUNCTION honsim_notify()
        """)

    /// 6: what the dashboard reads on every change, measured on a 2-million-request city.
    static let dashboardIndexes = Migration("6: indexes for the dashboard's reads", formerly: [.postgres: "v4: indexes for the dashboard's reads"], [
        // The open requests, by time: a partial index of only the open ones, in the order the
        // query asks.
        .postgresOnly(because: "measured on PostgreSQL, which without it walked every closed request since the first; not measured on SQLite",
                      """
                      CREATE INDEX request_open_by_time ON escort_request(appointment_at, id)
                          WHERE status IN ('pending', 'assigned', 'confirmed', 'in_progress')
                      """),
        // Assignments by time, for the week's counts per volunteer.
        .postgresOnly(because: "SQLite has had it from the start, with 1: cases",
                      "CREATE INDEX assignment_by_time ON assignment(starts_at)"),
    ])
}
