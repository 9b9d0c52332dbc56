/// Personal data read only where the role may see it. On PostgreSQL the database itself keeps a
/// person's full names, phones, addresses and notes to the dongs their role covers: the tables
/// give a coordinator only the rows of their dongs (a viewer or a kiosk none), and every screen
/// reads the `seen_*` views, which give every row, masked by honsim's one rule (`Masking`,
/// written again in SQL below) wherever the role may not see it in full.
extension Schema {
    /// 12: the kiosk's role, and reads guarded by the database.
    static let guardedReads = Migration("12: kiosk role and reads guarded by role", [
        // A kiosk's login is a role of its own. SQLite cannot change a CHECK in place: the table
        // is made again with the same columns and rows.
        .each(sqlite: [
            "ALTER TABLE users RENAME TO users_before_kiosk",
            """
            CREATE TABLE users (
                name TEXT PRIMARY KEY,
                display_name TEXT NOT NULL DEFAULT '',
                role TEXT NOT NULL CHECK (role IN ('admin', 'coordinator', 'viewer', 'kiosk')),
                dongs TEXT NOT NULL DEFAULT '',
                created_at INTEGER NOT NULL,
                created_by TEXT NOT NULL,
                updated_at INTEGER NOT NULL,
                updated_by TEXT NOT NULL,
                CHECK (role != 'coordinator' OR dongs != '')
            ) WITHOUT ROWID
            """,
            "INSERT INTO users SELECT * FROM users_before_kiosk",
            "DROP TABLE users_before_kiosk",
        ], postgres: [
            """
            ALTER TABLE users DROP CONSTRAINT users_role_check,
                ADD CONSTRAINT users_role_check CHECK (role IN ('admin', 'coordinator', 'viewer', 'kiosk'))
            """,
        ]),
        .postgresOnly(because: sqliteHasNoRoles, maskingFunctions),
        .postgresOnly(because: sqliteHasNoRoles, ownerIsAdmin),
        .postgresOnly(because: sqliteHasNoRoles, seenViews),
        .postgresOnly(because: sqliteHasNoRoles, rowsOfTheirDongs),
        .postgresOnly(because: sqliteHasNoRoles, callNotes),
    ])

    private static let sqliteHasNoRoles = """
        a SQLite file has no login roles: whoever can open the file reads all of it, and the screen masks what the \
        person's role may not see
        """

    /// The one masking rule (`Masking.name`, `.phone`, `.address`) in SQL, tested against the
    /// Swift on the same names and phones. Spaces as Swift trims them (`trimmingSpaces`) and
    /// whitespace as `Character.isWhitespace` knows it; names compared in NFC, as Swift compares
    /// strings, so a name stored decomposed counts its syllables and not its jamo.
    ///
    /// `honsim_mask_name`, `honsim_mask_phone` and `honsim_mask_address` are single SQL expressions, which PostgreSQL
    /// inlines into the query: a name of Hangul syllables only and a phone written as three groups
    /// of digits (nearly all of them) are masked without a function call. The rest go to the
    /// PL/pgSQL versions, which trim, normalise and mask letter by letter; through them every
    /// name took a masked read of 2,000 volunteers from 6 to 43 ms.
    private static let maskingFunctions = """
        CREATE FUNCTION honsim_trim_spaces(value text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
            SELECT btrim($1, E' \\t\\u00A0\\u1680\\u2000\\u2001\\u2002\\u2003\\u2004\\u2005\\u2006\\u2007\\u2008\\u2009\\u200A\\u202F\\u205F\\u3000')
        $$;
        CREATE FUNCTION honsim_mask_name_by_letter(full_name text) RETURNS text LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
        DECLARE
            letters text[] := regexp_split_to_array(normalize(honsim_trim_spaces(full_name), NFC), '');
            letter text;
            total int := 0;
            seen int := 0;
            keep_head int;
            keep_tail int;
            masked text := '';
        BEGIN
            FOREACH letter IN ARRAY letters LOOP
                IF letter <> '' AND letter !~ \(blank) THEN total := total + 1; END IF;
            END LOOP;
            IF total <= 1 THEN RETURN CASE WHEN total = 1 THEN '*' ELSE '' END; END IF;
            keep_head := CASE WHEN total >= 4 THEN 2 ELSE 1 END;
            keep_tail := CASE WHEN total >= 3 THEN 1 ELSE 0 END;
            FOREACH letter IN ARRAY letters LOOP
                IF letter ~ \(blank) THEN
                    masked := masked || letter;
                ELSE
                    masked := masked || CASE WHEN seen < keep_head OR seen >= total - keep_tail THEN letter ELSE '*' END;
                    seen := seen + 1;
                END IF;
            END LOOP;
            RETURN masked;
        END $$;
        CREATE FUNCTION honsim_mask_name(full_name text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
            SELECT CASE
                WHEN $1 !~ '^[가-힣]+$' THEN honsim_mask_name_by_letter($1)
                WHEN char_length($1) = 1 THEN '*'
                WHEN char_length($1) = 2 THEN left($1, 1) || '*'
                WHEN char_length($1) = 3 THEN left($1, 1) || '*' || right($1, 1)
                ELSE left($1, 2) || repeat('*', char_length($1) - 3) || right($1, 1)
            END
        $$;
        CREATE FUNCTION honsim_mask_odd_phone(phone text) RETURNS text LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
        DECLARE
            trimmed text := honsim_trim_spaces(phone);
            groups text[];
            digits text;
            area int;
        BEGIN
            IF trimmed = '' THEN RETURN ''; END IF;
            groups := array_remove(regexp_split_to_array(trimmed, '[-. ]'), '');
            IF cardinality(groups) = 3 AND groups[1] ~ '^[0-9*]+$' AND groups[2] ~ '^[0-9*]+$' AND groups[3] ~ '^[0-9*]+$' THEN
                RETURN groups[1] || '-' || repeat('*', length(groups[2])) || '-' || groups[3];
            END IF;
            digits := regexp_replace(trimmed, '[^0-9]', '', 'g');
            IF length(digits) < 9 OR length(digits) > 11 OR left(digits, 1) <> '0' THEN
                RETURN repeat('*', greatest(0, length(digits) - 4)) || right(digits, 4);
            END IF;
            area := CASE WHEN left(digits, 2) = '02' THEN 2 ELSE 3 END;
            RETURN left(digits, area) || '-' || repeat('*', length(digits) - area - 4) || '-' || right(digits, 4);
        END $$;
        CREATE FUNCTION honsim_mask_phone(phone text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
            SELECT CASE WHEN $1 = '' THEN ''
                        WHEN $1 ~ '^[0-9]+-[0-9]+-[0-9]+$'
                            THEN split_part($1, '-', 1) || '-' || repeat('*', char_length(split_part($1, '-', 2))) || '-' || split_part($1, '-', 3)
                        ELSE honsim_mask_odd_phone($1) END
        $$;
        CREATE FUNCTION honsim_mask_address(address text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
            SELECT CASE WHEN cardinality(array_remove(string_to_array($1, ' '), '')) > 2
                            THEN (array_remove(string_to_array($1, ' '), ''))[1] || ' ' || (array_remove(string_to_array($1, ' '), ''))[2] || ' ***'
                        WHEN $1 = '' THEN '' ELSE '***' END
        $$
        """

    /// Whitespace as Swift's `Character.isWhitespace` knows it, as a SQL regular expression.
    private static let blank = "E'[\\t\\n\\u000B\\f\\r \\u0085\\u00A0\\u1680\\u2000-\\u200A\\u2028\\u2029\\u202F\\u205F\\u3000]'"

    /// The role that owns the tables (whoever ran the migrations, or a superuser) is an admin
    /// whatever the users table says: a store cannot lock its owner out of its own users.
    private static let ownerIsAdmin = """
        CREATE OR REPLACE FUNCTION honsim_is_admin() RETURNS boolean LANGUAGE sql STABLE SET search_path = public AS $$
            SELECT EXISTS (SELECT 1 FROM users WHERE name = current_user AND role = 'admin')
                OR pg_has_role(current_user, (SELECT relowner FROM pg_class WHERE oid = 'users'::regclass), 'MEMBER')
        $$
        """

    /// Whether the current role sees a row of `dong_code` in full: an admin every row, a
    /// coordinator those of their dongs, a viewer or a kiosk none. Scalar subqueries, so that
    /// PostgreSQL asks who the role is once per statement (as 7's policies do), not once per row.
    static let full = "((SELECT honsim_is_admin()) OR dong_code = ANY ((SELECT honsim_coordinator_dongs())::text[]))"

    /// Every row, with the personal columns masked where the role may not see them: the
    /// columns of the table, in its order, so that records decode from a view as from its table.
    /// The views are the owner's, so they read past the tables' row-level security; what they
    /// show is decided by `full`. Notes and what the doctor said have no masked form: empty.
    private static let seenViews = """
        CREATE VIEW seen_household AS SELECT id, dong_code,
            CASE WHEN \(full) THEN name ELSE honsim_mask_name(name) END AS name,
            birth_year, gender,
            CASE WHEN \(full) THEN phone ELSE honsim_mask_phone(phone) END AS phone,
            CASE WHEN \(full) THEN address ELSE honsim_mask_address(address) END AS address,
            mobility, needs, preferred_volunteer_gender, case_manager, consent_date,
            CASE WHEN \(full) THEN notes ELSE '' END AS notes,
            closed, version, updated_at, updated_by, closed_at, purged_at
        FROM household;
        CREATE VIEW seen_volunteer AS SELECT id, dong_code,
            CASE WHEN \(full) THEN name ELSE honsim_mask_name(name) END AS name,
            gender,
            CASE WHEN \(full) THEN phone ELSE honsim_mask_phone(phone) END AS phone,
            skills, has_car, weekly_cap_minutes,
            CASE WHEN \(full) THEN notes ELSE '' END AS notes,
            closed, version, updated_at, updated_by
        FROM volunteer;
        CREATE VIEW seen_request AS SELECT id, household_id, dong_code, hospital, department, appointment_at, pickup_at,
            CASE WHEN \(full) THEN pickup_place ELSE honsim_mask_address(pickup_place) END AS pickup_place,
            return_trip, transport, purpose, expected_minutes,
            CASE WHEN \(full) THEN notes ELSE '' END AS notes,
            status, volunteer_id, series_id, created_at, created_by, assigned_at, actual_minutes, outcome,
            CASE WHEN \(full) OR doctor_notes IS NULL THEN doctor_notes ELSE '' END AS doctor_notes,
            follow_up, cancel_reason, version, updated_at, updated_by
        FROM escort_request;
        GRANT SELECT ON seen_household, seen_volunteer, seen_request TO honsim_user
        """

    /// The tables themselves now give a person only the rows their role may see in full: the
    /// `_write` policies (FOR ALL, so for reading too) already say which those are, and the
    /// policies that let everyone read every row go. The audit log holds records before and
    /// after each change: a coordinator reads the entries of their dongs and those of no dong
    /// (users, imports, exports), a viewer only the latter.
    private static let rowsOfTheirDongs = """
        DROP POLICY household_read ON household;
        DROP POLICY volunteer_read ON volunteer;
        DROP POLICY request_read ON escort_request;
        ALTER POLICY audit_read ON audit USING (dong_code IS NULL OR \(full))
        """

    /// A call's note ("아드님이 대신 받음, 010-…로 다시") is as personal as the request's notes:
    /// every call is read through `seen_contact_attempt`, which gives who was called and what
    /// came of it to everyone (the call list's readiness needs them) and the note only where
    /// the request's dong is the role's in full.
    private static let callNotes = """
        CREATE VIEW seen_contact_attempt AS SELECT id, request_id, party, result,
            CASE WHEN (SELECT honsim_is_admin()) OR honsim_request_dong(request_id) = ANY ((SELECT honsim_coordinator_dongs())::text[])
                THEN note ELSE '' END AS note,
            at, called_by
        FROM contact_attempt;
        GRANT SELECT ON seen_contact_attempt TO honsim_user;
        DROP POLICY contact_attempt_read ON contact_attempt
        """
}
