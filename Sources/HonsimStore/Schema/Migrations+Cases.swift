/// 1: the case tables: settings, dongs, households, volunteers and when they are free; escort
/// requests, assignments and their guards, the volunteers' loads, the audit log.
///
/// Each table is written once; where the dialects say a column differently, the word is the
/// dialect's (`Dialect.integer`, `.id`, `.flag`, `.keyedTable`). Cells are the same either way,
/// so records decode with one piece of code and `honsim migrate` copies them as they are.
///
/// The invariants are the database's own in both stores, not only the write path's:
/// - one active assignment per request: a partial unique index, the same in both;
/// - no double booking: a trigger on SQLite; on PostgreSQL an EXCLUDE constraint, so that two
///   transactions that each saw the volunteer free cannot both commit;
/// - the lifecycle's shape and the value domains: CHECK constraints.
extension Schema {
    static let cases = Migration("1: cases", formerly: [.sqlite: "v1: cases", .postgres: "v1: cases"], people + escorts)

    private static let people: [Migration.Part] = [
        .both { d in "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)\(d.keyedTable)" },
        .same("""
            INSERT INTO meta (key, value) VALUES
                ('travel_buffer_minutes', '\(defaultTravelBufferMinutes)'), ('volunteers_revision', '0')
            """),

        .both { d in """
            CREATE TABLE dong (
                code TEXT PRIMARY KEY,
                name TEXT NOT NULL UNIQUE,
                gu TEXT NOT NULL,
                renamed_year \(d.integer),
                position \(d.integer) NOT NULL
            )\(d.keyedTable)
            """ },
        // Former names stay searchable; a name belongs to one dong only.
        .both { d in """
            CREATE TABLE dong_former_name (
                name TEXT PRIMARY KEY,
                dong_code TEXT NOT NULL REFERENCES dong(code)
            )\(d.keyedTable)
            """ },

        .both { d in """
            CREATE TABLE household (
                id \(d.id),
                dong_code TEXT NOT NULL REFERENCES dong(code),
                name TEXT NOT NULL,
                birth_year \(d.integer) NOT NULL,
                gender TEXT NOT NULL CHECK (gender IN ('F', 'M')),
                phone TEXT NOT NULL DEFAULT '',
                address TEXT NOT NULL DEFAULT '',
                mobility TEXT NOT NULL CHECK (mobility IN ('none', 'cane', 'walker', 'wheelchair')),
                needs TEXT NOT NULL DEFAULT '',
                preferred_volunteer_gender TEXT CHECK (preferred_volunteer_gender IN ('F', 'M')),
                case_manager TEXT NOT NULL DEFAULT '',
                consent_date TEXT,
                notes TEXT NOT NULL DEFAULT '',
                closed \(d.flag("closed")) NOT NULL DEFAULT 0,
                version \(d.integer) NOT NULL DEFAULT 1,
                updated_at \(d.integer) NOT NULL,
                updated_by TEXT NOT NULL
            )
            """ },
        .same("CREATE INDEX household_by_dong ON household(dong_code)"),

        .both { d in """
            CREATE TABLE volunteer (
                id \(d.id),
                dong_code TEXT NOT NULL REFERENCES dong(code),
                name TEXT NOT NULL,
                gender TEXT NOT NULL CHECK (gender IN ('F', 'M')),
                phone TEXT NOT NULL DEFAULT '',
                skills TEXT NOT NULL DEFAULT '',
                has_car \(d.flag("has_car")) NOT NULL DEFAULT 0,
                weekly_cap_minutes \(d.integer) NOT NULL CHECK (weekly_cap_minutes > 0),
                notes TEXT NOT NULL DEFAULT '',
                closed \(d.flag("closed")) NOT NULL DEFAULT 0,
                version \(d.integer) NOT NULL DEFAULT 1,
                updated_at \(d.integer) NOT NULL,
                updated_by TEXT NOT NULL
            )
            """ },
        .same("CREATE INDEX volunteer_by_dong ON volunteer(dong_code)"),

        // Weekly windows; weekday 1 = Monday, minutes since midnight.
        .both { d in """
            CREATE TABLE availability_window (
                volunteer_id \(d.integer) NOT NULL REFERENCES volunteer(id) ON DELETE CASCADE,
                weekday \(d.integer) NOT NULL CHECK (weekday BETWEEN 1 AND 7),
                start_minute \(d.integer) NOT NULL,
                end_minute \(d.integer) NOT NULL,
                CHECK (0 <= start_minute AND start_minute < end_minute AND end_minute <= 1440)
            )
            """ },
        // "Who is free in this window": by weekday and start, covering the end and the id.
        .same("CREATE INDEX availability_by_slot ON availability_window(weekday, start_minute, end_minute, volunteer_id)"),
        .same("CREATE INDEX availability_by_volunteer ON availability_window(volunteer_id)"),

        .both { d in """
            CREATE TABLE day_off (
                id \(d.id),
                volunteer_id \(d.integer) NOT NULL REFERENCES volunteer(id) ON DELETE CASCADE,
                from_date TEXT NOT NULL,
                to_date TEXT NOT NULL,
                reason TEXT NOT NULL DEFAULT '',
                CHECK (from_date <= to_date)
            )
            """ },
        .same("CREATE INDEX day_off_by_volunteer ON day_off(volunteer_id)"),
        .sqliteOnly(because: """
            in SQLite's schema from the start and never in PostgreSQL's. Both stores read days off by date (who is \
            free in a window), so PostgreSQL may want it too; not measured there
            """, "CREATE INDEX day_off_by_date ON day_off(to_date, from_date)"),

        // Any change to a volunteer's record bumps a revision, so processes can cache the
        // volunteer list and know, with one tiny read, when it is stale. SQLite's triggers take
        // no arguments and fire per row: one per table and event. PostgreSQL's fire once per
        // statement, through one function that is told which revision to bump.
        .each(sqlite: sqliteRevisionTriggers(on: ["volunteer", "availability_window", "day_off"], key: "volunteers_revision"),
              postgres: [
                """
                CREATE FUNCTION honsim_bump_revision() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
                BEGIN
                    UPDATE meta SET value = (value::bigint + 1)::text WHERE key = TG_ARGV[0];
                    RETURN NULL;
                END $$
                """,
                """
                CREATE TRIGGER volunteer_revision AFTER INSERT OR UPDATE OR DELETE ON volunteer
                    FOR EACH STATEMENT EXECUTE FUNCTION honsim_bump_revision('volunteers_revision')
                """,
                """
                CREATE TRIGGER availability_revision AFTER INSERT OR UPDATE OR DELETE ON availability_window
                    FOR EACH STATEMENT EXECUTE FUNCTION honsim_bump_revision('volunteers_revision')
                """,
                """
                CREATE TRIGGER day_off_revision AFTER INSERT OR UPDATE OR DELETE ON day_off
                    FOR EACH STATEMENT EXECUTE FUNCTION honsim_bump_revision('volunteers_revision')
                """,
              ]),
    ]

    private static let escorts: [Migration.Part] = [
        .both { d in """
            CREATE TABLE escort_request (
                id \(d.id),
                household_id \(d.integer) NOT NULL REFERENCES household(id),
                dong_code TEXT NOT NULL REFERENCES dong(code),
                hospital TEXT NOT NULL,
                department TEXT NOT NULL DEFAULT '',
                appointment_at \(d.integer) NOT NULL,
                pickup_at \(d.integer) NOT NULL,
                pickup_place TEXT NOT NULL DEFAULT '',
                return_trip \(d.flag("return_trip")) NOT NULL DEFAULT 1,
                transport TEXT NOT NULL,
                purpose TEXT NOT NULL,
                expected_minutes \(d.integer) NOT NULL CHECK (expected_minutes > 0),
                notes TEXT NOT NULL DEFAULT '',
                status TEXT NOT NULL CHECK (status IN
                    ('pending', 'assigned', 'confirmed', 'in_progress', 'completed', 'cancelled', 'no_show')),
                volunteer_id \(d.integer) REFERENCES volunteer(id),
                series_id TEXT,
                created_at \(d.integer) NOT NULL,
                created_by TEXT NOT NULL,
                assigned_at \(d.integer),
                actual_minutes \(d.integer),
                outcome TEXT,
                doctor_notes TEXT,
                follow_up \(d.flag("follow_up")),
                cancel_reason TEXT,
                version \(d.integer) NOT NULL DEFAULT 1,
                updated_at \(d.integer) NOT NULL,
                updated_by TEXT NOT NULL,
                -- A volunteer exactly when the status says one is committed or was.
                CHECK ((status IN ('pending', 'cancelled')) = (volunteer_id IS NULL))
            )
            """ },
        // The pending queue, by appointment.
        .same("CREATE INDEX request_by_status_time ON escort_request(status, appointment_at)"),
        // Statistics by period and dong, covering: SQLite lists the columns in the key,
        // PostgreSQL carries them with INCLUDE.
        .each(sqlite: """
            CREATE INDEX request_by_time ON escort_request(
                appointment_at, dong_code, status, household_id, volunteer_id, assigned_at, created_at, actual_minutes)
            """, postgres: """
            CREATE INDEX request_by_time ON escort_request(appointment_at) INCLUDE (dong_code, status, household_id, volunteer_id, assigned_at, created_at, actual_minutes)
            """),
        .same("CREATE INDEX request_by_household ON escort_request(household_id, appointment_at)"),

        // Beyond their words, the dialects differ here in one thing: on PostgreSQL an assignment
        // goes with its request (ON DELETE CASCADE), where SQLite refuses to delete a request that
        // has one. The one deletion of a request, undoing its creation, comes before anything
        // else was done to it, and so before any assignment.
        .both { d in """
            CREATE TABLE assignment (
                id \(d.id),
                request_id \(d.integer) NOT NULL REFERENCES escort_request(id)\(d == .postgres ? " ON DELETE CASCADE" : ""),
                volunteer_id \(d.integer) NOT NULL REFERENCES volunteer(id),
                household_id \(d.integer) NOT NULL REFERENCES household(id),
                starts_at \(d.integer) NOT NULL,
                ends_at \(d.integer) NOT NULL CHECK (ends_at > starts_at),
                state TEXT NOT NULL CHECK (state IN ('active', 'completed', 'released', 'cancelled', 'no_show')),
                minutes \(d.integer) NOT NULL,
                -- The week (its Monday) and month of the escort, in the store's time zone.
                week_key TEXT NOT NULL,
                month_key TEXT NOT NULL,
                assigned_at \(d.integer) NOT NULL,
                assigned_by TEXT NOT NULL,
                ended_at \(d.integer),
                ended_by TEXT,
                reason TEXT
            )
            """ },

        // At most one active assignment per request, enforced by the database itself.
        .same("CREATE UNIQUE INDEX one_active_assignment_per_request ON assignment(request_id) WHERE state = 'active'"),
        .same("CREATE INDEX assignment_by_volunteer ON assignment(volunteer_id, starts_at)"),
        .same("CREATE INDEX assignment_active_by_time ON assignment(starts_at, volunteer_id, ends_at) WHERE state = 'active'"),
        .same("CREATE INDEX assignment_by_household ON assignment(household_id, volunteer_id) WHERE state = 'completed'"),
        .same("CREATE INDEX assignment_by_request ON assignment(request_id)"),
        .sqliteOnly(because: "PostgreSQL was given it later, with 6: indexes for the dashboard's reads",
                    "CREATE INDEX assignment_by_time ON assignment(starts_at)"),

        // A volunteer's active assignments never overlap, travel time included. The write path
        // checks this first and explains; this guards against any other writer. SQLite: a
        // trigger that looks for an overlap, reading the buffer from `meta`. PostgreSQL: an
        // EXCLUDE constraint over each active escort's time range widened by the buffer
        // (btree_gist lets it compare the volunteer too), which two concurrent transactions
        // cannot both pass.
        .each(sqlite: ["""
            CREATE TRIGGER assignment_no_overlap BEFORE INSERT ON assignment
            WHEN NEW.state = 'active' AND EXISTS (
                SELECT 1 FROM assignment AS other
                WHERE other.state = 'active' AND other.volunteer_id = NEW.volunteer_id
                  AND other.starts_at > NEW.starts_at - 86400
                  AND other.starts_at < NEW.ends_at + (SELECT CAST(value AS INTEGER) * 60 FROM meta WHERE key = 'travel_buffer_minutes')
                  AND other.ends_at + (SELECT CAST(value AS INTEGER) * 60 FROM meta WHERE key = 'travel_buffer_minutes') > NEW.starts_at)
            BEGIN
                SELECT RAISE(ABORT, 'honsim: volunteer double-booked');
            END
            """], postgres: [
            "CREATE EXTENSION IF NOT EXISTS btree_gist",
            """
            ALTER TABLE assignment ADD CONSTRAINT assignment_no_overlap EXCLUDE USING gist (
                volunteer_id WITH =,
                tstzrange(to_timestamp(starts_at), to_timestamp(ends_at + \(travelBufferSeconds)), '[)') WITH &&
            ) WHERE (state = 'active')
            """,
        ]),

        // Minutes per volunteer per week and month, kept by the database, so that ranking
        // candidates among many thousands of volunteers reads one small row each.
        .both { d in """
            CREATE TABLE volunteer_load (
                volunteer_id \(d.integer) NOT NULL,
                period TEXT NOT NULL,
                minutes \(d.integer) NOT NULL,
                PRIMARY KEY (volunteer_id, period)
            )\(d.keyedTable)
            """ },
        .same("CREATE INDEX volunteer_load_by_period ON volunteer_load(period, volunteer_id, minutes)"),
        // SQLite: a trigger per event. PostgreSQL: one function for all three, SECURITY DEFINER
        // so that a coordinator's assignment moves the volunteer's load whatever row-level
        // security lets them write.
        .each(sqlite: [
            """
            CREATE TRIGGER load_on_insert AFTER INSERT ON assignment
            WHEN NEW.state IN ('active', 'completed')
            BEGIN
                INSERT INTO volunteer_load (volunteer_id, period, minutes) VALUES (NEW.volunteer_id, NEW.week_key, NEW.minutes)
                    ON CONFLICT (volunteer_id, period) DO UPDATE SET minutes = minutes + excluded.minutes;
                INSERT INTO volunteer_load (volunteer_id, period, minutes) VALUES (NEW.volunteer_id, NEW.month_key, NEW.minutes)
                    ON CONFLICT (volunteer_id, period) DO UPDATE SET minutes = minutes + excluded.minutes;
            END
            """,
            """
            CREATE TRIGGER load_on_update AFTER UPDATE OF state, minutes ON assignment
            BEGIN
                UPDATE volunteer_load SET minutes = minutes - OLD.minutes
                    WHERE OLD.state IN ('active', 'completed') AND volunteer_id = OLD.volunteer_id AND period IN (OLD.week_key, OLD.month_key);
                INSERT INTO volunteer_load (volunteer_id, period, minutes)
                    SELECT NEW.volunteer_id, NEW.week_key, NEW.minutes WHERE NEW.state IN ('active', 'completed')
                    ON CONFLICT (volunteer_id, period) DO UPDATE SET minutes = minutes + excluded.minutes;
                INSERT INTO volunteer_load (volunteer_id, period, minutes)
                    SELECT NEW.volunteer_id, NEW.month_key, NEW.minutes WHERE NEW.state IN ('active', 'completed')
                    ON CONFLICT (volunteer_id, period) DO UPDATE SET minutes = minutes + excluded.minutes;
            END
            """,
            """
            CREATE TRIGGER load_on_delete AFTER DELETE ON assignment
            WHEN OLD.state IN ('active', 'completed')
            BEGIN
                UPDATE volunteer_load SET minutes = minutes - OLD.minutes
                    WHERE volunteer_id = OLD.volunteer_id AND period IN (OLD.week_key, OLD.month_key);
            END
            """,
        ], postgres: [
            """
            CREATE FUNCTION honsim_keep_load() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
            BEGIN
                IF TG_OP IN ('UPDATE', 'DELETE') AND OLD.state IN ('active', 'completed') THEN
                    UPDATE volunteer_load SET minutes = minutes - OLD.minutes
                        WHERE volunteer_id = OLD.volunteer_id AND period IN (OLD.week_key, OLD.month_key);
                END IF;
                IF TG_OP IN ('INSERT', 'UPDATE') AND NEW.state IN ('active', 'completed') THEN
                    INSERT INTO volunteer_load (volunteer_id, period, minutes) VALUES (NEW.volunteer_id, NEW.week_key, NEW.minutes)
                        ON CONFLICT (volunteer_id, period) DO UPDATE SET minutes = volunteer_load.minutes + excluded.minutes;
                    INSERT INTO volunteer_load (volunteer_id, period, minutes) VALUES (NEW.volunteer_id, NEW.month_key, NEW.minutes)
                        ON CONFLICT (volunteer_id, period) DO UPDATE SET minutes = volunteer_load.minutes + excluded.minutes;
                END IF;
                RETURN NULL;
            END $$
            """,
            """
            CREATE TRIGGER assignment_load AFTER INSERT OR UPDATE OR DELETE ON assignment
                FOR EACH ROW EXECUTE FUNCTION honsim_keep_load()
            """,
        ]),

        // Who did what, when, before and after.
        .both { d in """
            CREATE TABLE audit (
                id \(d.id),
                at \(d.integer) NOT NULL,
                \(d.reserved("user")) TEXT NOT NULL,
                action TEXT NOT NULL,
                entity TEXT NOT NULL,
                entity_id TEXT NOT NULL,
                dong_code TEXT,
                before TEXT,
                after TEXT
            )
            """ },
        .same("CREATE INDEX audit_by_time ON audit(at)"),
        .same("CREATE INDEX audit_by_entity ON audit(entity, entity_id)"),
    ]

    /// One trigger per table and event that adds one to the revision under `key` in `meta`.
    static func sqliteRevisionTriggers(on tables: [String], key: String) -> [String] {
        tables.flatMap { table in
            ["INSERT", "UPDATE", "DELETE"].map { event in
                """
                CREATE TRIGGER \(table)_\(event.lowercased())_revision AFTER \(event) ON \(table)
                BEGIN
                    UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key = '\(key)';
                END
                """
            }
        }
    }
}
