import Foundation

/// The PostgreSQL schema: the same tables, columns and cells as the SQLite one (Schema.swift),
/// so records decode with the same code and `honsim migrate` copies cells unchanged. Each
/// migration runs once, in its own transaction, recorded in `schema_migrations`.
///
/// The invariants are the database's own here, not a trigger's:
/// - one active assignment per request: a partial unique index;
/// - no double booking: an EXCLUDE constraint (btree_gist) over each volunteer's active
///   escorts as time ranges widened by the travel buffer, so two transactions that each saw
///   the volunteer free cannot both commit;
/// - the lifecycle's shape and the value domains: CHECK constraints.
/// Writers also take a transaction-scoped advisory lock per request and per volunteer before
/// reading, so the checks that explain a refusal in words see what the constraints will.
enum PostgresSchema {
    struct Migration {
        let name: String
        let sql: String
    }

    static let travelBufferSeconds = Schema.defaultTravelBufferMinutes * 60

    static var migrations: [Migration] {
        [Migration(name: "v1: cases", sql: cases), Migration(name: "v2: change notices", sql: notices),
         Migration(name: "v3: users and row-level security", sql: security),
         Migration(name: "v4: indexes for the dashboard's reads", sql: dashboardIndexes),
         Migration(name: "v5: row-level security asked once per statement", sql: policiesOncePerStatement)]
    }

    static let cases = """
        CREATE EXTENSION IF NOT EXISTS btree_gist;
        CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
        INSERT INTO meta (key, value) VALUES
            ('travel_buffer_minutes', '\(Schema.defaultTravelBufferMinutes)'),
            ('volunteers_revision', '0'), ('dongs_revision', '0');

        CREATE TABLE dong (
            code TEXT PRIMARY KEY,
            name TEXT NOT NULL UNIQUE,
            gu TEXT NOT NULL,
            renamed_year BIGINT,
            position BIGINT NOT NULL
        );
        CREATE TABLE dong_former_name (
            name TEXT PRIMARY KEY,
            dong_code TEXT NOT NULL REFERENCES dong(code)
        );

        CREATE TABLE household (
            id BIGSERIAL PRIMARY KEY,
            dong_code TEXT NOT NULL REFERENCES dong(code),
            name TEXT NOT NULL,
            birth_year BIGINT NOT NULL,
            gender TEXT NOT NULL CHECK (gender IN ('F', 'M')),
            phone TEXT NOT NULL DEFAULT '',
            address TEXT NOT NULL DEFAULT '',
            mobility TEXT NOT NULL CHECK (mobility IN ('none', 'cane', 'walker', 'wheelchair')),
            needs TEXT NOT NULL DEFAULT '',
            preferred_volunteer_gender TEXT CHECK (preferred_volunteer_gender IN ('F', 'M')),
            case_manager TEXT NOT NULL DEFAULT '',
            consent_date TEXT,
            notes TEXT NOT NULL DEFAULT '',
            closed BIGINT NOT NULL DEFAULT 0 CHECK (closed IN (0, 1)),
            version BIGINT NOT NULL DEFAULT 1,
            updated_at BIGINT NOT NULL,
            updated_by TEXT NOT NULL
        );
        CREATE INDEX household_by_dong ON household(dong_code);

        CREATE TABLE volunteer (
            id BIGSERIAL PRIMARY KEY,
            dong_code TEXT NOT NULL REFERENCES dong(code),
            name TEXT NOT NULL,
            gender TEXT NOT NULL CHECK (gender IN ('F', 'M')),
            phone TEXT NOT NULL DEFAULT '',
            skills TEXT NOT NULL DEFAULT '',
            has_car BIGINT NOT NULL DEFAULT 0 CHECK (has_car IN (0, 1)),
            weekly_cap_minutes BIGINT NOT NULL CHECK (weekly_cap_minutes > 0),
            notes TEXT NOT NULL DEFAULT '',
            closed BIGINT NOT NULL DEFAULT 0 CHECK (closed IN (0, 1)),
            version BIGINT NOT NULL DEFAULT 1,
            updated_at BIGINT NOT NULL,
            updated_by TEXT NOT NULL
        );
        CREATE INDEX volunteer_by_dong ON volunteer(dong_code);

        CREATE TABLE availability_window (
            volunteer_id BIGINT NOT NULL REFERENCES volunteer(id) ON DELETE CASCADE,
            weekday BIGINT NOT NULL CHECK (weekday BETWEEN 1 AND 7),
            start_minute BIGINT NOT NULL,
            end_minute BIGINT NOT NULL,
            CHECK (0 <= start_minute AND start_minute < end_minute AND end_minute <= 1440)
        );
        CREATE INDEX availability_by_slot ON availability_window(weekday, start_minute, end_minute, volunteer_id);
        CREATE INDEX availability_by_volunteer ON availability_window(volunteer_id);

        CREATE TABLE day_off (
            id BIGSERIAL PRIMARY KEY,
            volunteer_id BIGINT NOT NULL REFERENCES volunteer(id) ON DELETE CASCADE,
            from_date TEXT NOT NULL,
            to_date TEXT NOT NULL,
            reason TEXT NOT NULL DEFAULT '',
            CHECK (from_date <= to_date)
        );
        CREATE INDEX day_off_by_volunteer ON day_off(volunteer_id);

        CREATE TABLE escort_request (
            id BIGSERIAL PRIMARY KEY,
            household_id BIGINT NOT NULL REFERENCES household(id),
            dong_code TEXT NOT NULL REFERENCES dong(code),
            hospital TEXT NOT NULL,
            department TEXT NOT NULL DEFAULT '',
            appointment_at BIGINT NOT NULL,
            pickup_at BIGINT NOT NULL,
            pickup_place TEXT NOT NULL DEFAULT '',
            return_trip BIGINT NOT NULL DEFAULT 1 CHECK (return_trip IN (0, 1)),
            transport TEXT NOT NULL,
            purpose TEXT NOT NULL,
            expected_minutes BIGINT NOT NULL CHECK (expected_minutes > 0),
            notes TEXT NOT NULL DEFAULT '',
            status TEXT NOT NULL CHECK (status IN
                ('pending', 'assigned', 'confirmed', 'in_progress', 'completed', 'cancelled', 'no_show')),
            volunteer_id BIGINT REFERENCES volunteer(id),
            series_id TEXT,
            created_at BIGINT NOT NULL,
            created_by TEXT NOT NULL,
            assigned_at BIGINT,
            actual_minutes BIGINT,
            outcome TEXT,
            doctor_notes TEXT,
            follow_up BIGINT CHECK (follow_up IN (0, 1)),
            cancel_reason TEXT,
            version BIGINT NOT NULL DEFAULT 1,
            updated_at BIGINT NOT NULL,
            updated_by TEXT NOT NULL,
            CHECK ((status IN ('pending', 'cancelled')) = (volunteer_id IS NULL))
        );
        CREATE INDEX request_by_status_time ON escort_request(status, appointment_at);
        CREATE INDEX request_by_time ON escort_request(appointment_at) INCLUDE (dong_code, status, household_id, volunteer_id, assigned_at, created_at, actual_minutes);
        CREATE INDEX request_by_household ON escort_request(household_id, appointment_at);

        CREATE TABLE assignment (
            id BIGSERIAL PRIMARY KEY,
            request_id BIGINT NOT NULL REFERENCES escort_request(id) ON DELETE CASCADE,
            volunteer_id BIGINT NOT NULL REFERENCES volunteer(id),
            household_id BIGINT NOT NULL REFERENCES household(id),
            starts_at BIGINT NOT NULL,
            ends_at BIGINT NOT NULL CHECK (ends_at > starts_at),
            state TEXT NOT NULL CHECK (state IN ('active', 'completed', 'released', 'cancelled', 'no_show')),
            minutes BIGINT NOT NULL,
            week_key TEXT NOT NULL,
            month_key TEXT NOT NULL,
            assigned_at BIGINT NOT NULL,
            assigned_by TEXT NOT NULL,
            ended_at BIGINT,
            ended_by TEXT,
            reason TEXT,
            -- A volunteer's active escorts, each widened by the travel buffer, never overlap.
            CONSTRAINT assignment_no_overlap EXCLUDE USING gist (
                volunteer_id WITH =,
                tstzrange(to_timestamp(starts_at), to_timestamp(ends_at + \(travelBufferSeconds)), '[)') WITH &&
            ) WHERE (state = 'active')
        );
        CREATE UNIQUE INDEX one_active_assignment_per_request ON assignment(request_id) WHERE state = 'active';
        CREATE INDEX assignment_by_volunteer ON assignment(volunteer_id, starts_at);
        CREATE INDEX assignment_active_by_time ON assignment(starts_at, volunteer_id, ends_at) WHERE state = 'active';
        CREATE INDEX assignment_by_household ON assignment(household_id, volunteer_id) WHERE state = 'completed';
        CREATE INDEX assignment_by_request ON assignment(request_id);

        CREATE TABLE volunteer_load (
            volunteer_id BIGINT NOT NULL,
            period TEXT NOT NULL,
            minutes BIGINT NOT NULL,
            PRIMARY KEY (volunteer_id, period)
        );
        CREATE INDEX volunteer_load_by_period ON volunteer_load(period, volunteer_id, minutes);

        -- Kept by the database, as SQLite's triggers keep it. SECURITY DEFINER: a coordinator's
        -- assignment moves the volunteer's load whatever row-level security lets them write.
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
        END $$;
        CREATE TRIGGER assignment_load AFTER INSERT OR UPDATE OR DELETE ON assignment
            FOR EACH ROW EXECUTE FUNCTION honsim_keep_load();

        -- Revisions let every process cache the volunteers and the dongs.
        CREATE FUNCTION honsim_bump_revision() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
        BEGIN
            UPDATE meta SET value = (value::bigint + 1)::text WHERE key = TG_ARGV[0];
            RETURN NULL;
        END $$;
        CREATE TRIGGER volunteer_revision AFTER INSERT OR UPDATE OR DELETE ON volunteer
            FOR EACH STATEMENT EXECUTE FUNCTION honsim_bump_revision('volunteers_revision');
        CREATE TRIGGER availability_revision AFTER INSERT OR UPDATE OR DELETE ON availability_window
            FOR EACH STATEMENT EXECUTE FUNCTION honsim_bump_revision('volunteers_revision');
        CREATE TRIGGER day_off_revision AFTER INSERT OR UPDATE OR DELETE ON day_off
            FOR EACH STATEMENT EXECUTE FUNCTION honsim_bump_revision('volunteers_revision');
        CREATE TRIGGER dong_revision AFTER INSERT OR UPDATE OR DELETE ON dong
            FOR EACH STATEMENT EXECUTE FUNCTION honsim_bump_revision('dongs_revision');
        CREATE TRIGGER dong_former_name_revision AFTER INSERT OR UPDATE OR DELETE ON dong_former_name
            FOR EACH STATEMENT EXECUTE FUNCTION honsim_bump_revision('dongs_revision');

        CREATE TABLE audit (
            id BIGSERIAL PRIMARY KEY,
            at BIGINT NOT NULL,
            "user" TEXT NOT NULL,
            action TEXT NOT NULL,
            entity TEXT NOT NULL,
            entity_id TEXT NOT NULL,
            dong_code TEXT,
            before TEXT,
            after TEXT
        );
        CREATE INDEX audit_by_time ON audit(at);
        CREATE INDEX audit_by_entity ON audit(entity, entity_id);
        CREATE INDEX audit_by_user ON audit("user", at);

        CREATE TABLE users (
            name TEXT PRIMARY KEY,
            display_name TEXT NOT NULL DEFAULT '',
            role TEXT NOT NULL CHECK (role IN ('admin', 'coordinator', 'viewer')),
            dongs TEXT NOT NULL DEFAULT '',
            created_at BIGINT NOT NULL,
            created_by TEXT NOT NULL,
            updated_at BIGINT NOT NULL,
            updated_by TEXT NOT NULL,
            CHECK (role != 'coordinator' OR dongs != '')
        );
        """

    /// Every committed change notifies the channel once per statement; PostgreSQL folds the
    /// notices of one transaction into one, delivered at commit, to every listening process.
    static let notices = """
        CREATE FUNCTION honsim_notify() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            PERFORM pg_notify('\(PostgresStore.changeChannel)', TG_TABLE_NAME);
            RETURN NULL;
        END $$;
        CREATE TRIGGER escort_request_notify AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON escort_request
            FOR EACH STATEMENT EXECUTE FUNCTION honsim_notify();
        CREATE TRIGGER household_notify AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON household
            FOR EACH STATEMENT EXECUTE FUNCTION honsim_notify();
        CREATE TRIGGER volunteer_notify AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON volunteer
            FOR EACH STATEMENT EXECUTE FUNCTION honsim_notify();
        CREATE TRIGGER users_notify AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON users
            FOR EACH STATEMENT EXECUTE FUNCTION honsim_notify();
        CREATE TRIGGER dong_notify AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON dong
            FOR EACH STATEMENT EXECUTE FUNCTION honsim_notify();
        """

    /// What the dashboard reads on every change, measured on a 2-million-request city. The open
    /// requests, by time: a partial index of only the open ones, in the order the query asks,
    /// where PostgreSQL otherwise walked every closed request since the first. Assignments by
    /// time, for the week's counts per volunteer, as the SQLite store has had from the start.
    static let dashboardIndexes = """
        CREATE INDEX request_open_by_time ON escort_request(appointment_at, id)
            WHERE status IN ('pending', 'assigned', 'confirmed', 'in_progress');
        CREATE INDEX assignment_by_time ON assignment(starts_at);
        """
}
