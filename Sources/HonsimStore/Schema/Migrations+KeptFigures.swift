/// Statistics kept by the store (issue "Figures kept, not recomputed"): the tables that hold
/// them, and the triggers that note which requests a transaction changed, so that the write's
/// own transaction brings the figures up to date before it commits (SQLCaseStore+KeptFigures).
extension Schema {
    /// 23: kept figures.
    /// - `kept_figure`: one row per period and area that counts anything (KeptFigures).
    /// - `kept_call_outcome`: what the calls of the day before came to, per escort that had any,
    ///   as last counted, so that a change of calls can take the old outcome away.
    /// - `kept_journal`: each request a transaction changed, once, with its row as it was before
    ///   the transaction ('old'); 'new' for a request made in it, 'touched' for one whose calls
    ///   changed. Triggers write it, so no write (not even a statement typed into `psql`) is
    ///   missed; the write's transaction empties it, and a read that finds it not empty
    ///   recomputes instead of trusting the kept figures.
    /// - `request_by_volunteer`: who else a volunteer escorted in a period, read when a
    ///   distinct count changes, without scanning the period.
    /// - `request_pending_by_time`: the pending requests by appointment, with their dong, from
    ///   which the urgent ones are counted at each read (urgency moves with the clock).
    /// The counted columns of `escort_request` are listed once (`keptColumns`), for the journal,
    /// its triggers and the store's reads alike.
    static let keptFigures = Migration("23: kept figures", [
        .both { d in """
            CREATE TABLE kept_figure (
                period TEXT NOT NULL,
                area TEXT NOT NULL,
                requests \(d.integer) NOT NULL DEFAULT 0,
                completed \(d.integer) NOT NULL DEFAULT 0,
                cancelled \(d.integer) NOT NULL DEFAULT 0,
                no_shows \(d.integer) NOT NULL DEFAULT 0,
                pending \(d.integer) NOT NULL DEFAULT 0,
                volunteer_minutes \(d.integer) NOT NULL DEFAULT 0,
                confirmed_day_before \(d.integer) NOT NULL DEFAULT 0,
                unreached \(d.integer) NOT NULL DEFAULT 0,
                volunteers \(d.integer) NOT NULL DEFAULT 0,
                households \(d.integer) NOT NULL DEFAULT 0,
                median_minutes \(d.integer),
                -- Last: a year's histogram runs to kilobytes, and SQLite reads a row's columns in
                -- order, so the figures before it are read without its overflow pages.
                assign_minutes TEXT NOT NULL DEFAULT '',
                PRIMARY KEY (period, area)
            )\(d.keyedTable)
            """ },
        .both { d in """
            CREATE TABLE kept_call_outcome (
                request_id \(d.integer) PRIMARY KEY,
                confirmed_day_before \(d.flag("confirmed_day_before")) NOT NULL,
                unreached \(d.flag("unreached")) NOT NULL
            )\(d.keyedTable)
            """ },
        .both { d in """
            CREATE TABLE kept_journal (
                request_id \(d.integer) PRIMARY KEY,
                state TEXT NOT NULL CHECK (state IN ('old', 'new', 'touched')),
                \(keptColumns.map { "\($0) \(keptTextColumns.contains($0) ? "TEXT" : d.integer)" }.joined(separator: ",\n    "))
            )\(d.keyedTable)
            """ },
        .same("CREATE INDEX request_by_volunteer ON escort_request(volunteer_id, appointment_at) WHERE volunteer_id IS NOT NULL"),
        // Urgency depends on the hour and is counted at each read: from this index alone, a few
        // thousand entries, without a look at the rows.
        .same("CREATE INDEX request_pending_by_time ON escort_request(appointment_at, dong_code) WHERE status = 'pending'"),
        .each(sqlite: [
            "CREATE TRIGGER kept_request_made AFTER INSERT ON escort_request BEGIN \(noteMade("NEW.id")); END",
            "CREATE TRIGGER kept_request_changed AFTER UPDATE OF \(keptColumns.joined(separator: ", ")) ON escort_request BEGIN \(noteOld); END",
            "CREATE TRIGGER kept_request_deleted AFTER DELETE ON escort_request BEGIN \(noteOld); END",
            "CREATE TRIGGER kept_call_made AFTER INSERT ON contact_attempt BEGIN \(noteTouched("NEW.request_id")); END",
            "CREATE TRIGGER kept_call_changed AFTER UPDATE ON contact_attempt BEGIN \(noteTouched("NEW.request_id")); \(noteTouched("OLD.request_id")); END",
            "CREATE TRIGGER kept_call_deleted AFTER DELETE ON contact_attempt BEGIN \(noteTouched("OLD.request_id")); END",
        ], postgres: [
            """
            CREATE FUNCTION honsim_kept_note_request() RETURNS trigger LANGUAGE plpgsql SET search_path = public AS $$
            BEGIN
                IF TG_OP = 'INSERT' THEN \(noteMade("NEW.id")); ELSE \(noteOld); END IF;
                RETURN NULL;
            END $$
            """,
            """
            CREATE FUNCTION honsim_kept_note_call() RETURNS trigger LANGUAGE plpgsql SET search_path = public AS $$
            BEGIN
                IF TG_OP <> 'DELETE' THEN \(noteTouched("NEW.request_id")); END IF;
                IF TG_OP <> 'INSERT' THEN \(noteTouched("OLD.request_id")); END IF;
                RETURN NULL;
            END $$
            """,
            "CREATE TRIGGER kept_request_made AFTER INSERT ON escort_request FOR EACH ROW EXECUTE FUNCTION honsim_kept_note_request()",
            """
            CREATE TRIGGER kept_request_changed AFTER UPDATE OF \(keptColumns.joined(separator: ", ")) OR DELETE ON escort_request
            FOR EACH ROW EXECUTE FUNCTION honsim_kept_note_request()
            """,
            "CREATE TRIGGER kept_call_noted AFTER INSERT OR UPDATE OR DELETE ON contact_attempt FOR EACH ROW EXECUTE FUNCTION honsim_kept_note_call()",
        ]),
        .postgresOnly(because: "SQLite has no grants: whoever may write the file writes the figures with the rows", """
            GRANT SELECT, INSERT, UPDATE, DELETE ON kept_figure, kept_call_outcome, kept_journal TO honsim_user
            """),
    ])

    /// The columns of a request that kept figures count, or that decide what its calls came to.
    static let keptColumns = ["dong_code", "status", "appointment_at", "pickup_at", "household_id", "volunteer_id",
                              "assigned_at", "created_at", "actual_minutes"]
    private static let keptTextColumns: Set<String> = ["dong_code", "status"]

    /// A request made in this transaction: nothing of it counted before.
    private static func noteMade(_ id: String) -> String {
        "INSERT INTO kept_journal (request_id, state) VALUES (\(id), 'new') ON CONFLICT (request_id) DO NOTHING"
    }

    /// The row as it was before its first change in this transaction; later changes keep it.
    private static let noteOld = """
        INSERT INTO kept_journal (request_id, state, \(keptColumns.joined(separator: ", ")))
        VALUES (OLD.id, 'old', \(keptColumns.map { "OLD." + $0 }.joined(separator: ", ")))
        ON CONFLICT (request_id) DO UPDATE SET state = 'old', \(keptColumns.map { "\($0) = excluded.\($0)" }.joined(separator: ", "))
        WHERE kept_journal.state = 'touched'
        """

    /// A request whose calls changed: its row, unchanged so far, is its own old image.
    private static func noteTouched(_ id: String) -> String {
        "INSERT INTO kept_journal (request_id, state) VALUES (\(id), 'touched') ON CONFLICT (request_id) DO NOTHING"
    }
}
