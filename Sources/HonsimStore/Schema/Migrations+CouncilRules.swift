/// The council's rules (지역사회보장협의체 운영 기준): the rules themselves, each household's
/// eligibility, and the overrides a coordinator gave with a reason. The store holds the rules
/// that apply, so that on a city-wide store every coordinator works by the same ones; an admin
/// writes them (`honsim rules import|set`), everyone reads them.
extension Schema {
    /// 15: the rules, one row per scope: '' the city's defaults, else a dong's code. `rules` is
    /// the scope's whole rule set as JSON (HonsimCore's `CouncilRules`), read and written whole.
    static let councilRules = Migration("15: council rules", [
        .both { d in """
            CREATE TABLE council_rules (
                scope TEXT PRIMARY KEY,
                rules TEXT NOT NULL,
                updated_at \(d.integer) NOT NULL,
                updated_by TEXT NOT NULL
            )\(d.keyedTable)
            """ },
        .postgresOnly(because: "row-level security, grants and change notices are PostgreSQL's; SQLite checks the role in the write path", """
            ALTER TABLE council_rules ENABLE ROW LEVEL SECURITY;
            CREATE POLICY council_rules_read ON council_rules FOR SELECT USING (true);
            CREATE POLICY council_rules_write ON council_rules FOR ALL
                USING ((SELECT honsim_is_admin())) WITH CHECK ((SELECT honsim_is_admin()));
            GRANT SELECT, INSERT, UPDATE, DELETE ON council_rules TO honsim_user;
            CREATE TRIGGER council_rules_notify AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON council_rules
                FOR EACH STATEMENT EXECUTE FUNCTION honsim_notify();
            """),
    ])

    /// 16: each household's categories and the services that serve it elsewhere, as words
    /// joined by commas. No row: nothing recorded. Read by everyone (statistics go by
    /// category); written by whoever may change the household.
    static let householdEligibility = Migration("16: household eligibility", [
        .both { d in """
            CREATE TABLE household_eligibility (
                household_id \(d.integer) PRIMARY KEY REFERENCES household(id)\(d == .postgres ? " ON DELETE CASCADE" : ""),
                categories TEXT NOT NULL DEFAULT '',
                served_elsewhere TEXT NOT NULL DEFAULT '',
                updated_at \(d.integer) NOT NULL,
                updated_by TEXT NOT NULL
            )
            """ },
        .postgresOnly(because: "row-level security, grants and change notices are PostgreSQL's; SQLite checks the role in the write path", """
            CREATE FUNCTION honsim_household_dong(household_id BIGINT) RETURNS TEXT LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
                SELECT dong_code FROM household WHERE id = $1
            $$;
            ALTER TABLE household_eligibility ENABLE ROW LEVEL SECURITY;
            CREATE POLICY household_eligibility_read ON household_eligibility FOR SELECT USING (true);
            CREATE POLICY household_eligibility_write ON household_eligibility FOR ALL
                USING ((SELECT honsim_is_admin()) OR honsim_household_dong(household_id) = ANY ((SELECT honsim_coordinator_dongs())::text[]))
                WITH CHECK ((SELECT honsim_is_admin()) OR honsim_household_dong(household_id) = ANY ((SELECT honsim_coordinator_dongs())::text[]));
            GRANT SELECT, INSERT, UPDATE, DELETE ON household_eligibility TO honsim_user;
            CREATE TRIGGER household_eligibility_notify AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON household_eligibility
                FOR EACH STATEMENT EXECUTE FUNCTION honsim_notify();
            """),
    ])

    /// 17: a request made past the council's rules, with the rule and the coordinator's reason:
    /// what the monthly report and an auditor read back.
    static let ruleOverrides = Migration("17: rule overrides", [
        .both { d in """
            CREATE TABLE rule_override (
                id \(d.id),
                -- Both cascade: undoing a request made by mistake removes it whole.
                request_id \(d.integer) NOT NULL REFERENCES escort_request(id) ON DELETE CASCADE,
                rule TEXT NOT NULL,
                detail TEXT NOT NULL,
                reason TEXT NOT NULL CHECK (reason != ''),
                at \(d.integer) NOT NULL,
                by_user TEXT NOT NULL
            )
            """ },
        .same("CREATE INDEX rule_override_by_request ON rule_override(request_id)"),
        .postgresOnly(because: "row-level security, grants and change notices are PostgreSQL's; SQLite checks the role in the write path", """
            ALTER TABLE rule_override ENABLE ROW LEVEL SECURITY;
            CREATE POLICY rule_override_read ON rule_override FOR SELECT USING (true);
            CREATE POLICY rule_override_write ON rule_override FOR ALL
                USING ((SELECT honsim_is_admin()) OR honsim_request_dong(request_id) = ANY ((SELECT honsim_coordinator_dongs())::text[]))
                WITH CHECK ((SELECT honsim_is_admin()) OR honsim_request_dong(request_id) = ANY ((SELECT honsim_coordinator_dongs())::text[]));
            GRANT SELECT, INSERT, DELETE ON rule_override TO honsim_user;
            GRANT USAGE, UPDATE ON SEQUENCE rule_override_id_seq TO honsim_user;
            CREATE TRIGGER rule_override_notify AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON rule_override
                FOR EACH STATEMENT EXECUTE FUNCTION honsim_notify();
            """),
    ])

    /// 18: a volunteer's drop-outs over the council's window, read for each candidate the
    /// assign dialog shows: by volunteer and end, only the released ones.
    static let conductIndexes = Migration("18: conduct indexes", [
        .same("CREATE INDEX assignment_released_by_volunteer ON assignment(volunteer_id, ended_at) WHERE state = 'released'"),
    ])
}
