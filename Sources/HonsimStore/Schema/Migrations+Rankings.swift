/// What lets a PostgreSQL process keep every volunteer's minutes per week and month in memory
/// between rankings and still never rank on minutes older than the last commit.
///
/// A revision per period and slot (a sixteenth of the volunteers, by id) moves with every
/// commit that changed a `volunteer_load` row of that period and slot, in the same transaction.
/// A ranking reads the revisions of its week and month in the same statement as any rows it
/// must read again (PostgresStore+Minutes.swift): what it keeps is as current as the snapshot
/// of that one statement.
///
/// The revisions are bumped at commit, not as each row changes: a deferred constraint trigger,
/// queued once per transaction, bumps every period and slot the transaction touched in one
/// sorted statement. Rows bumped in the same order by everyone cannot deadlock, and a row is
/// held only from the bump to the commit: writers of different weeks never meet, and writers
/// of the same week meet only for the commit itself and only when their volunteers share a
/// slot. Bumped as each row changed, a series or an import touching many periods would hold
/// them for its whole transaction and could deadlock with a single assign.
extension Schema {
    /// Volunteers per slot: a ranking whose week changed re-reads one slot's rows, not all.
    static let loadRevisionSlots = 16
    /// The length of a transaction's notes beyond which it notes "all" (about 250 periods and slots).
    static let notesKept = 4_000

    /// 24: the revisions of volunteers' minutes per period and slot.
    static let loadRevisions = Migration("24: load revisions", [
        .postgresOnly(because: sqliteKnowsCommitsByDataVersion, """
            CREATE TABLE load_revision (
                period TEXT NOT NULL,
                slot INTEGER NOT NULL,
                revision BIGINT NOT NULL,
                PRIMARY KEY (period, slot)
            )
            """,
            "GRANT SELECT ON load_revision TO honsim_user"),
        // Called from the triggers' WHEN, as each row changes: notes its period and slot in the
        // transaction's own setting (a savepoint rolled back takes its notes back with it) and
        // answers true only for the transaction's first note, so the bump is queued once. A
        // transaction touching more than a few hundred (an import, a copy of a whole store)
        // notes "all" instead, so each row's look stays short; its commit then bumps every
        // revision there is and every period and slot that has minutes.
        .postgresOnly(because: sqliteKnowsCommitsByDataVersion, """
            CREATE FUNCTION honsim_note_load(period TEXT, volunteer BIGINT) RETURNS boolean LANGUAGE plpgsql AS $$
            DECLARE
                noted TEXT := coalesce(current_setting('honsim.loads_touched', true), '');
                key TEXT := period || '/' || (volunteer % \(loadRevisionSlots)) || ';';
            BEGIN
                IF noted = '*' OR position(';' || key IN noted) > 0 THEN RETURN false; END IF;
                IF length(noted) > \(notesKept) THEN
                    PERFORM set_config('honsim.loads_touched', '*', true);
                    RETURN false;
                END IF;
                PERFORM set_config('honsim.loads_touched', CASE WHEN noted = '' THEN ';' || key ELSE noted || key END, true);
                RETURN noted = '';
            END $$
            """,
            """
            CREATE FUNCTION honsim_bump_load_revisions() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
            DECLARE
                noted TEXT := coalesce(current_setting('honsim.loads_touched', true), '');
            BEGIN
                IF noted = '' THEN RETURN NULL; END IF;
                PERFORM set_config('honsim.loads_touched', '', true);
                IF noted = '*' THEN
                    INSERT INTO load_revision (period, slot, revision)
                        SELECT period, slot, 1 FROM (
                            SELECT period, slot FROM load_revision
                            UNION SELECT period, (volunteer_id % \(loadRevisionSlots))::int FROM volunteer_load) AS every
                        ORDER BY 1, 2
                        ON CONFLICT (period, slot) DO UPDATE SET revision = load_revision.revision + 1;
                    RETURN NULL;
                END IF;
                INSERT INTO load_revision (period, slot, revision)
                    SELECT split_part(key, '/', 1), split_part(key, '/', 2)::int, 1
                    FROM unnest(string_to_array(trim(BOTH ';' FROM noted), ';')) AS key
                    ORDER BY 1, 2
                    ON CONFLICT (period, slot) DO UPDATE SET revision = load_revision.revision + 1;
                RETURN NULL;
            END $$
            """,
            // One trigger per event: a WHEN may name NEW only where there is one, OLD likewise.
            """
            CREATE CONSTRAINT TRIGGER load_revision_on_insert AFTER INSERT ON volunteer_load
                DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
                WHEN (honsim_note_load(NEW.period, NEW.volunteer_id)) EXECUTE FUNCTION honsim_bump_load_revisions()
            """,
            """
            CREATE CONSTRAINT TRIGGER load_revision_on_update AFTER UPDATE ON volunteer_load
                DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
                WHEN (honsim_note_load(NEW.period, NEW.volunteer_id)) EXECUTE FUNCTION honsim_bump_load_revisions()
            """,
            """
            CREATE CONSTRAINT TRIGGER load_revision_on_delete AFTER DELETE ON volunteer_load
                DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
                WHEN (honsim_note_load(OLD.period, OLD.volunteer_id)) EXECUTE FUNCTION honsim_bump_load_revisions()
            """,
            // Emptied all at once: every period kept anywhere is read again. Every period with
            // minutes has a revision row (the backfill below, then the bumps), so all are reached.
            """
            CREATE FUNCTION honsim_bump_all_load_revisions() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
            BEGIN
                UPDATE load_revision SET revision = revision + 1;
                RETURN NULL;
            END $$
            """,
            """
            CREATE TRIGGER load_revision_on_truncate AFTER TRUNCATE ON volunteer_load
                FOR EACH STATEMENT EXECUTE FUNCTION honsim_bump_all_load_revisions()
            """,
            "INSERT INTO load_revision (period, slot, revision) SELECT DISTINCT period, volunteer_id % \(loadRevisionSlots), 1 FROM volunteer_load"),
    ])

    private static let sqliteKnowsCommitsByDataVersion =
        "SQLite's readers learn of any commit from PRAGMA data_version, which its kept minutes are keyed on (SQLiteStore+PeriodMinutes)"

    /// 27: a ranking's busy escorts from the index alone on PostgreSQL. The ranking leaves out
    /// the request's own escort (`request_id <> ?`); with the request in the index beside the
    /// times and the volunteer, the city's two thousand escorts around one request are read
    /// without a visit to the table (0.6 ms against 1.5 on the city copy).
    static let activeEscortsHoldTheirRequest = Migration("27: active escorts' index holds their request", [
        .postgresOnly(because: """
            SQLite skips a request's own escort by reading it first (SQLiteConnection+Loads): in the process, that read \
            costs no round trip
            """,
            "DROP INDEX assignment_active_by_time",
            "CREATE INDEX assignment_active_by_time ON assignment(starts_at, volunteer_id, ends_at) INCLUDE (request_id) WHERE state = 'active'"),
    ])

    /// 28: the ranking pool kept as bytes (`MatchPool.packed()`), one row, with the volunteers
    /// revision it was made at. Every write transaction that finds it not of the store's
    /// revision makes it again before it commits (SQLCaseStore+KeptPool); a newly opened store's
    /// first ranking reads it instead of every volunteer, window and day off.
    static let keptPool = Migration("28: kept ranking pool", [
        .both { d in """
            CREATE TABLE kept_pool (
                id \(d.integer) PRIMARY KEY CHECK (id = 1),
                volunteers_revision TEXT NOT NULL,
                packed \(d.bytes) NOT NULL
            )
            """ },
        .postgresOnly(because: "SQLite has no grants: whoever may write the file writes the kept pool with the rows",
                      "GRANT SELECT, INSERT, UPDATE, DELETE ON kept_pool TO honsim_user"),
    ])
}
