/// Standing series (정기 동행): the record of a series, the link of each of its dates to the
/// request made for it, and its history of changes. On PostgreSQL a coordinator writes only
/// the series of their dongs, as with requests.
extension Schema {
    /// 13: a series, its dates and its changes.
    static let standingSeries = Migration("13: standing series", [
        .both { d in """
            CREATE TABLE standing_series (
                id \(d.id),
                household_id \(d.integer) NOT NULL REFERENCES household(id),
                dong_code TEXT NOT NULL REFERENCES dong(code),
                -- ISO weekday numbers, 1 (Monday) to 7, as 'n;n;n'.
                weekdays TEXT NOT NULL CHECK (weekdays != ''),
                appointment_minute \(d.integer) NOT NULL CHECK (appointment_minute BETWEEN 0 AND 1440),
                pickup_minute \(d.integer) NOT NULL CHECK (pickup_minute BETWEEN 0 AND 1440),
                hospital TEXT NOT NULL,
                department TEXT NOT NULL DEFAULT '',
                transport TEXT NOT NULL,
                purpose TEXT NOT NULL,
                expected_minutes \(d.integer) NOT NULL CHECK (expected_minutes > 0),
                pickup_place TEXT NOT NULL DEFAULT '',
                return_trip \(d.flag("return_trip")) NOT NULL DEFAULT 1,
                notes TEXT NOT NULL DEFAULT '',
                starts_on TEXT NOT NULL,
                ends_on TEXT,
                -- Pauses as 'from..to..reason' lines: few, always read with the series.
                pauses TEXT NOT NULL DEFAULT '',
                volunteer_id \(d.integer) REFERENCES volunteer(id),
                made_until TEXT,
                version \(d.integer) NOT NULL DEFAULT 1,
                created_at \(d.integer) NOT NULL,
                created_by TEXT NOT NULL,
                updated_at \(d.integer) NOT NULL,
                updated_by TEXT NOT NULL,
                CHECK (ends_on IS NULL OR ends_on >= starts_on)
            )
            """ },
        .same("CREATE INDEX standing_series_by_household ON standing_series(household_id)"),
        // One request per series and date, whichever process makes it: the horizon is extended
        // by insert-or-ignore on this key, so two processes racing make each date once.
        .both { d in """
            CREATE TABLE series_date (
                series_id \(d.integer) NOT NULL REFERENCES standing_series(id),
                on_date TEXT NOT NULL,
                request_id \(d.integer) NOT NULL REFERENCES escort_request(id)\(d == .postgres ? " ON DELETE CASCADE" : ""),
                PRIMARY KEY (series_id, on_date)
            )\(d.keyedTable)
            """ },
        .same("CREATE UNIQUE INDEX series_date_by_request ON series_date(request_id)"),
        .both { d in """
            CREATE TABLE series_change (
                id \(d.id),
                series_id \(d.integer) NOT NULL REFERENCES standing_series(id),
                kind TEXT NOT NULL CHECK (kind IN ('create', 'change', 'pause', 'resume', 'end', 'assign')),
                from_date TEXT,
                to_date TEXT,
                detail TEXT NOT NULL DEFAULT '',
                at \(d.integer) NOT NULL,
                \(d.reserved("user")) TEXT NOT NULL
            )
            """ },
        .same("CREATE INDEX series_change_by_series ON series_change(series_id, id)"),
        .postgresOnly(because: "row-level security, grants and change notices are PostgreSQL's; SQLite checks the role in the write path", """
            CREATE FUNCTION honsim_series_dong(series_id BIGINT) RETURNS TEXT LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
                SELECT dong_code FROM standing_series WHERE id = $1
            $$;
            ALTER TABLE standing_series ENABLE ROW LEVEL SECURITY;
            CREATE POLICY standing_series_read ON standing_series FOR SELECT USING (true);
            CREATE POLICY standing_series_write ON standing_series FOR ALL
                USING ((SELECT honsim_is_admin()) OR dong_code = ANY ((SELECT honsim_coordinator_dongs())::text[]))
                WITH CHECK ((SELECT honsim_is_admin()) OR dong_code = ANY ((SELECT honsim_coordinator_dongs())::text[]));
            ALTER TABLE series_date ENABLE ROW LEVEL SECURITY;
            CREATE POLICY series_date_read ON series_date FOR SELECT USING (true);
            CREATE POLICY series_date_write ON series_date FOR ALL
                USING ((SELECT honsim_is_admin()) OR honsim_series_dong(series_id) = ANY ((SELECT honsim_coordinator_dongs())::text[]))
                WITH CHECK ((SELECT honsim_is_admin()) OR honsim_series_dong(series_id) = ANY ((SELECT honsim_coordinator_dongs())::text[]));
            ALTER TABLE series_change ENABLE ROW LEVEL SECURITY;
            CREATE POLICY series_change_read ON series_change FOR SELECT USING (true);
            CREATE POLICY series_change_write ON series_change FOR ALL
                USING ((SELECT honsim_is_admin()) OR honsim_series_dong(series_id) = ANY ((SELECT honsim_coordinator_dongs())::text[]))
                WITH CHECK ((SELECT honsim_is_admin()) OR honsim_series_dong(series_id) = ANY ((SELECT honsim_coordinator_dongs())::text[]));
            GRANT SELECT, INSERT, UPDATE, DELETE ON standing_series TO honsim_user;
            GRANT SELECT, INSERT, DELETE ON series_date TO honsim_user;
            GRANT SELECT, INSERT, DELETE ON series_change TO honsim_user;
            GRANT USAGE, UPDATE ON SEQUENCE standing_series_id_seq, series_change_id_seq TO honsim_user;
            CREATE TRIGGER standing_series_notify AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON standing_series
                FOR EACH STATEMENT EXECUTE FUNCTION honsim_notify();
            """),
    ])
}

/// The return leg: a request of its own, linked to the outbound request it brings the
/// household home from.
extension Schema {
    /// 14: which request is the return leg of which, and whether its pickup waits for a call
    /// from the hospital (its time then an estimate that holds the volunteer's time).
    static let returnLegs = Migration("14: return legs", [
        .both { d in """
            CREATE TABLE return_leg (
                request_id \(d.integer) PRIMARY KEY REFERENCES escort_request(id)\(d == .postgres ? " ON DELETE CASCADE" : ""),
                outbound_id \(d.integer) NOT NULL UNIQUE REFERENCES escort_request(id)\(d == .postgres ? " ON DELETE CASCADE" : ""),
                when_called \(d.flag("when_called")) NOT NULL DEFAULT 0,
                CHECK (request_id <> outbound_id)
            )
            """ },
        .postgresOnly(because: "row-level security and grants are PostgreSQL's; SQLite checks the role in the write path", """
            ALTER TABLE return_leg ENABLE ROW LEVEL SECURITY;
            CREATE POLICY return_leg_read ON return_leg FOR SELECT USING (true);
            CREATE POLICY return_leg_write ON return_leg FOR ALL
                USING ((SELECT honsim_is_admin()) OR honsim_request_dong(outbound_id) = ANY ((SELECT honsim_coordinator_dongs())::text[]))
                WITH CHECK ((SELECT honsim_is_admin()) OR honsim_request_dong(outbound_id) = ANY ((SELECT honsim_coordinator_dongs())::text[]));
            GRANT SELECT, INSERT, DELETE ON return_leg TO honsim_user;
            """),
    ])
}
