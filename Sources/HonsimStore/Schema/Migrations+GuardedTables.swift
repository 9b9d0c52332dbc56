/// Reads guarded by role, as migration 12 guards the first personal tables, for the tables made
/// since: the council's rules, the volunteers' side, standing series and reminder messages.
///
/// Which of them hold something personal, and what each role reads on PostgreSQL:
/// - `household_eligibility` (a household's categories, 기초생활수급 and the like, and the services
///   that serve it elsewhere) and `rule_override` (why a request went past the council's rules,
///   in a coordinator's words): the household's circumstances. There is no masked form of a
///   category, so no view: the tables give an admin every row, a coordinator the rows of their
///   dongs' households, a viewer and a kiosk none. The screens already show them only in full
///   (`HouseholdStanding.masked`).
/// - `escort_expense`: what a volunteer was paid back. Read through `seen_escort_expense`: every
///   row for an admin, a coordinator and a viewer (the sums are the council's accounts, and the
///   volunteer they went to is named only through `seen_volunteer`, masked where the role may
///   not see them), none for a kiosk; the table itself gives only the rows of the role's dongs.
/// - `message_record` (the phone a reminder went to and its text, which names the household
///   and the pickup place), `standing_series` (the pickup place, notes, why a series was paused)
///   and `series_change` (why a series was paused or ended, the standing volunteer's name): read
///   through `seen_message_record`, `seen_standing_series` and `seen_series_change`, every row
///   with those parts masked or left out where the role may not see the dong in full, none for
///   a kiosk, which shows none of them.
/// Not personal, and so read by every role as before: `council_rules` (the rules), `series_date`
/// and `return_leg` (which request is which date or leg), `vehicle_booking` (the center's
/// reference and vehicle, which the kiosk's board shows), and the volunteers' credential dates
/// of 19 (no name, phone or address; the assign dialog and the credentials list read them for
/// every candidate, as they read the weekly cap).
extension Schema {
    /// 21: the newer tables' reads guarded by role.
    static let newerTablesGuarded = Migration("21: newer tables' reads guarded by role", [
        .postgresOnly(because: sqliteHasNoRolesToGuard, kioskFunction),
        .postgresOnly(because: sqliteHasNoRolesToGuard,
                      ["household_eligibility", "rule_override", "escort_expense", "message_record", "standing_series", "series_change"]
                        .map(rowsOfTheirDongsOnly).joined(separator: ";\n")),
        .postgresOnly(because: sqliteHasNoRolesToGuard, expenseView),
        .postgresOnly(because: sqliteHasNoRolesToGuard, messageView),
        .postgresOnly(because: sqliteHasNoRolesToGuard, seriesViews),
    ])

    private static let sqliteHasNoRolesToGuard = """
        a SQLite file has no login roles: whoever can open the file reads all of it, and the screen shows a \
        household's categories, a message's phone and a series' pickup place only where the person's role may see them
        """

    /// A kiosk's login: a public display, which reads none of the newer personal tables. The
    /// store's owner is an admin whatever the users table says.
    private static let kioskFunction = """
        CREATE FUNCTION honsim_is_kiosk() RETURNS boolean LANGUAGE sql STABLE SET search_path = public AS $$
            SELECT EXISTS (SELECT 1 FROM users WHERE name = current_user AND role = 'kiosk') AND NOT honsim_is_admin()
        $$
        """

    /// Narrows a table's reads to the rows its role may change (a coordinator's dongs', an
    /// admin's all, a viewer's and a kiosk's none): the policy that let everyone read every row
    /// goes, and the `_write` policy (FOR ALL, so for reading too) decides alone, as migration
    /// 12 did for the first personal tables.
    private static func rowsOfTheirDongsOnly(_ table: String) -> String {
        "DROP POLICY \(table)_read ON \(table)"
    }

    /// Not for a kiosk: a condition of the views below, asked once per statement.
    private static let notKiosk = "NOT (SELECT honsim_is_kiosk())"

    /// Every expense, as the table has it, for every role but a kiosk.
    private static let expenseView = """
        CREATE VIEW seen_escort_expense AS SELECT request_id, volunteer_id, fares, parking, meals, recorded_at, recorded_by
        FROM escort_expense WHERE \(notKiosk);
        GRANT SELECT ON seen_escort_expense TO honsim_user
        """

    /// A reminder's phone masked by the one rule, its text and the sender's report left out,
    /// where the request's dong is not the role's in full.
    private static let messageView = """
        CREATE VIEW seen_message_record AS SELECT m.id, m.request_id, m.day, m.party,
            CASE WHEN \(full) THEN m.phone ELSE honsim_mask_phone(m.phone) END AS phone,
            CASE WHEN \(full) THEN m.body ELSE '' END AS body,
            m.state, m.exit_status,
            CASE WHEN \(full) THEN m.detail ELSE '' END AS detail,
            m.at, m.sent_by
        FROM message_record AS m JOIN escort_request AS r ON r.id = m.request_id
        WHERE \(notKiosk);
        GRANT SELECT ON seen_message_record TO honsim_user
        """

    /// A series' pickup place masked, its notes and its pauses' reasons left out; of its
    /// changes, the words of a pause, an end and a standing volunteer (a reason, a name) left
    /// out, and a schedule's kept: where the series' dong is not the role's in full. A pause is
    /// stored as `from<TAB>to<TAB>reason` on a line of its own; the masked form keeps its dates.
    private static let seriesViews = """
        CREATE VIEW seen_standing_series AS SELECT id, household_id, dong_code, weekdays, appointment_minute, pickup_minute,
            hospital, department, transport, purpose, expected_minutes,
            CASE WHEN \(full) THEN pickup_place ELSE honsim_mask_address(pickup_place) END AS pickup_place,
            return_trip,
            CASE WHEN \(full) THEN notes ELSE '' END AS notes,
            starts_on, ends_on,
            CASE WHEN \(full) THEN pauses ELSE regexp_replace(pauses, '^([^\\t\\n]*\\t[^\\t\\n]*\\t)[^\\n]*$', '\\1', 'gn') END AS pauses,
            volunteer_id, made_until, version, created_at, created_by, updated_at, updated_by
        FROM standing_series WHERE \(notKiosk);
        CREATE VIEW seen_series_change AS SELECT c.id, c.series_id, c.kind, c.from_date, c.to_date,
            CASE WHEN \(full) OR c.kind IN ('create', 'change') THEN c.detail ELSE '' END AS detail,
            c.at, c."user"
        FROM series_change AS c JOIN standing_series AS s ON s.id = c.series_id
        WHERE \(notKiosk);
        GRANT SELECT ON seen_standing_series, seen_series_change TO honsim_user
        """
}
