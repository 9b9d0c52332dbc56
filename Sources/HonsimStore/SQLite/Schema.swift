import GRDB

/// The SQLite schema, as GRDB migrations. Each migration is applied once, in order; a store
/// that holds a migration this list does not know was made by a newer honsim.
enum Schema {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1: cases") { db in try createV1(db) }
        migrator.registerMigration("v2: dongs revision") { db in try createV2(db) }
        migrator.registerMigration("v3: users and access") { db in try createUsers(db) }
        return migrator
    }

    static let defaultTravelBufferMinutes = 30

    /// Dongs change rarely (a rename, a merger); a revision lets every process cache them.
    private static func createV2(_ db: Database) throws {
        try db.execute(sql: "INSERT INTO meta (key, value) VALUES ('dongs_revision', '0')")
        for table in ["dong", "dong_former_name"] {
            for event in ["INSERT", "UPDATE", "DELETE"] {
                try db.execute(sql: """
                    CREATE TRIGGER \(table)_\(event.lowercased())_revision AFTER \(event) ON \(table)
                    BEGIN
                        UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'dongs_revision';
                    END;
                    """)
            }
        }
    }

    private static func createV1(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
            INSERT INTO meta (key, value) VALUES
                ('travel_buffer_minutes', '\(defaultTravelBufferMinutes)'),
                ('volunteers_revision', '0');

            CREATE TABLE dong (
                code TEXT PRIMARY KEY,
                name TEXT NOT NULL UNIQUE,
                gu TEXT NOT NULL,
                renamed_year INTEGER,
                position INTEGER NOT NULL
            ) WITHOUT ROWID;
            -- Former names stay searchable; a name belongs to one dong only.
            CREATE TABLE dong_former_name (
                name TEXT PRIMARY KEY,
                dong_code TEXT NOT NULL REFERENCES dong(code)
            ) WITHOUT ROWID;

            CREATE TABLE household (
                id INTEGER PRIMARY KEY,
                dong_code TEXT NOT NULL REFERENCES dong(code),
                name TEXT NOT NULL,
                birth_year INTEGER NOT NULL,
                gender TEXT NOT NULL CHECK (gender IN ('F', 'M')),
                phone TEXT NOT NULL DEFAULT '',
                address TEXT NOT NULL DEFAULT '',
                mobility TEXT NOT NULL CHECK (mobility IN ('none', 'cane', 'walker', 'wheelchair')),
                needs TEXT NOT NULL DEFAULT '',
                preferred_volunteer_gender TEXT CHECK (preferred_volunteer_gender IN ('F', 'M')),
                case_manager TEXT NOT NULL DEFAULT '',
                consent_date TEXT,
                notes TEXT NOT NULL DEFAULT '',
                closed INTEGER NOT NULL DEFAULT 0,
                version INTEGER NOT NULL DEFAULT 1,
                updated_at INTEGER NOT NULL,
                updated_by TEXT NOT NULL
            );
            CREATE INDEX household_by_dong ON household(dong_code);

            CREATE TABLE volunteer (
                id INTEGER PRIMARY KEY,
                dong_code TEXT NOT NULL REFERENCES dong(code),
                name TEXT NOT NULL,
                gender TEXT NOT NULL CHECK (gender IN ('F', 'M')),
                phone TEXT NOT NULL DEFAULT '',
                skills TEXT NOT NULL DEFAULT '',
                has_car INTEGER NOT NULL DEFAULT 0,
                weekly_cap_minutes INTEGER NOT NULL CHECK (weekly_cap_minutes > 0),
                notes TEXT NOT NULL DEFAULT '',
                closed INTEGER NOT NULL DEFAULT 0,
                version INTEGER NOT NULL DEFAULT 1,
                updated_at INTEGER NOT NULL,
                updated_by TEXT NOT NULL
            );
            CREATE INDEX volunteer_by_dong ON volunteer(dong_code);

            -- Weekly windows; weekday 1 = Monday, minutes since midnight.
            CREATE TABLE availability_window (
                volunteer_id INTEGER NOT NULL REFERENCES volunteer(id) ON DELETE CASCADE,
                weekday INTEGER NOT NULL CHECK (weekday BETWEEN 1 AND 7),
                start_minute INTEGER NOT NULL,
                end_minute INTEGER NOT NULL,
                CHECK (0 <= start_minute AND start_minute < end_minute AND end_minute <= 1440)
            );
            -- "Who is free in this window": by weekday and start, covering the end and the id.
            CREATE INDEX availability_by_slot ON availability_window(weekday, start_minute, end_minute, volunteer_id);
            CREATE INDEX availability_by_volunteer ON availability_window(volunteer_id);

            CREATE TABLE day_off (
                id INTEGER PRIMARY KEY,
                volunteer_id INTEGER NOT NULL REFERENCES volunteer(id) ON DELETE CASCADE,
                from_date TEXT NOT NULL,
                to_date TEXT NOT NULL,
                reason TEXT NOT NULL DEFAULT '',
                CHECK (from_date <= to_date)
            );
            CREATE INDEX day_off_by_volunteer ON day_off(volunteer_id);
            CREATE INDEX day_off_by_date ON day_off(to_date, from_date);

            CREATE TABLE escort_request (
                id INTEGER PRIMARY KEY,
                household_id INTEGER NOT NULL REFERENCES household(id),
                dong_code TEXT NOT NULL REFERENCES dong(code),
                hospital TEXT NOT NULL,
                department TEXT NOT NULL DEFAULT '',
                appointment_at INTEGER NOT NULL,
                pickup_at INTEGER NOT NULL,
                pickup_place TEXT NOT NULL DEFAULT '',
                return_trip INTEGER NOT NULL DEFAULT 1,
                transport TEXT NOT NULL,
                purpose TEXT NOT NULL,
                expected_minutes INTEGER NOT NULL CHECK (expected_minutes > 0),
                notes TEXT NOT NULL DEFAULT '',
                status TEXT NOT NULL CHECK (status IN
                    ('pending', 'assigned', 'confirmed', 'in_progress', 'completed', 'cancelled', 'no_show')),
                volunteer_id INTEGER REFERENCES volunteer(id),
                series_id TEXT,
                created_at INTEGER NOT NULL,
                created_by TEXT NOT NULL,
                assigned_at INTEGER,
                actual_minutes INTEGER,
                outcome TEXT,
                doctor_notes TEXT,
                follow_up INTEGER,
                cancel_reason TEXT,
                version INTEGER NOT NULL DEFAULT 1,
                updated_at INTEGER NOT NULL,
                updated_by TEXT NOT NULL,
                -- A volunteer exactly when the status says one is committed or was.
                CHECK ((status IN ('pending', 'cancelled')) = (volunteer_id IS NULL))
            );
            -- The pending queue, by appointment.
            CREATE INDEX request_by_status_time ON escort_request(status, appointment_at);
            -- Statistics by period and dong; the listed columns make it covering.
            CREATE INDEX request_by_time ON escort_request(
                appointment_at, dong_code, status, household_id, volunteer_id, assigned_at, created_at, actual_minutes);
            CREATE INDEX request_by_household ON escort_request(household_id, appointment_at);

            CREATE TABLE assignment (
                id INTEGER PRIMARY KEY,
                request_id INTEGER NOT NULL REFERENCES escort_request(id),
                volunteer_id INTEGER NOT NULL REFERENCES volunteer(id),
                household_id INTEGER NOT NULL REFERENCES household(id),
                starts_at INTEGER NOT NULL,
                ends_at INTEGER NOT NULL CHECK (ends_at > starts_at),
                state TEXT NOT NULL CHECK (state IN ('active', 'completed', 'released', 'cancelled', 'no_show')),
                minutes INTEGER NOT NULL,
                -- The week (its Monday) and month of the escort, in the store's time zone.
                week_key TEXT NOT NULL,
                month_key TEXT NOT NULL,
                assigned_at INTEGER NOT NULL,
                assigned_by TEXT NOT NULL,
                ended_at INTEGER,
                ended_by TEXT,
                reason TEXT
            );
            -- At most one active assignment per request, enforced by the database itself.
            CREATE UNIQUE INDEX one_active_assignment_per_request ON assignment(request_id) WHERE state = 'active';
            CREATE INDEX assignment_by_volunteer ON assignment(volunteer_id, starts_at);
            CREATE INDEX assignment_active_by_time ON assignment(starts_at, volunteer_id, ends_at) WHERE state = 'active';
            CREATE INDEX assignment_by_household ON assignment(household_id, volunteer_id) WHERE state = 'completed';
            CREATE INDEX assignment_by_request ON assignment(request_id);
            CREATE INDEX assignment_by_time ON assignment(starts_at);

            -- A volunteer's active assignments never overlap, travel time included. The write
            -- path checks this first and explains; this trigger guards against any other writer.
            CREATE TRIGGER assignment_no_overlap BEFORE INSERT ON assignment
            WHEN NEW.state = 'active' AND EXISTS (
                SELECT 1 FROM assignment AS other
                WHERE other.state = 'active' AND other.volunteer_id = NEW.volunteer_id
                  AND other.starts_at > NEW.starts_at - 86400
                  AND other.starts_at < NEW.ends_at + (SELECT CAST(value AS INTEGER) * 60 FROM meta WHERE key = 'travel_buffer_minutes')
                  AND other.ends_at + (SELECT CAST(value AS INTEGER) * 60 FROM meta WHERE key = 'travel_buffer_minutes') > NEW.starts_at)
            BEGIN
                SELECT RAISE(ABORT, 'honsim: volunteer double-booked');
            END;

            -- Minutes per volunteer per week and month, kept by triggers so that ranking
            -- candidates among many thousands of volunteers reads one small row each.
            CREATE TABLE volunteer_load (
                volunteer_id INTEGER NOT NULL,
                period TEXT NOT NULL,
                minutes INTEGER NOT NULL,
                PRIMARY KEY (volunteer_id, period)
            ) WITHOUT ROWID;
            CREATE INDEX volunteer_load_by_period ON volunteer_load(period, volunteer_id, minutes);

            CREATE TRIGGER load_on_insert AFTER INSERT ON assignment
            WHEN NEW.state IN ('active', 'completed')
            BEGIN
                INSERT INTO volunteer_load (volunteer_id, period, minutes) VALUES (NEW.volunteer_id, NEW.week_key, NEW.minutes)
                    ON CONFLICT (volunteer_id, period) DO UPDATE SET minutes = minutes + excluded.minutes;
                INSERT INTO volunteer_load (volunteer_id, period, minutes) VALUES (NEW.volunteer_id, NEW.month_key, NEW.minutes)
                    ON CONFLICT (volunteer_id, period) DO UPDATE SET minutes = minutes + excluded.minutes;
            END;
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
            END;
            CREATE TRIGGER load_on_delete AFTER DELETE ON assignment
            WHEN OLD.state IN ('active', 'completed')
            BEGIN
                UPDATE volunteer_load SET minutes = minutes - OLD.minutes
                    WHERE volunteer_id = OLD.volunteer_id AND period IN (OLD.week_key, OLD.month_key);
            END;

            CREATE TABLE audit (
                id INTEGER PRIMARY KEY,
                at INTEGER NOT NULL,
                user TEXT NOT NULL,
                action TEXT NOT NULL,
                entity TEXT NOT NULL,
                entity_id TEXT NOT NULL,
                dong_code TEXT,
                before TEXT,
                after TEXT
            );
            CREATE INDEX audit_by_time ON audit(at);
            CREATE INDEX audit_by_entity ON audit(entity, entity_id);
            """)
        // Any change to a volunteer's record bumps a revision, so processes can cache the
        // volunteer list and know, with one tiny read, when it is stale.
        for table in ["volunteer", "availability_window", "day_off"] {
            for event in ["INSERT", "UPDATE", "DELETE"] {
                try db.execute(sql: """
                    CREATE TRIGGER \(table)_\(event.lowercased())_revision AFTER \(event) ON \(table)
                    BEGIN
                        UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'volunteers_revision';
                    END;
                    """)
            }
        }
    }
}
