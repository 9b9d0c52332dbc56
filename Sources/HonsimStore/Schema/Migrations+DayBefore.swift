/// The day before an escort: the calls made to confirm it, the vehicle booked for it, and the
/// reminder messages prepared and sent. Each row belongs to a request, and so to its dong:
/// on PostgreSQL a coordinator writes only those of their dongs' requests, as with assignments.
extension Schema {
    /// 9: every call about an escort, with whom and what came of it.
    static let contactAttempts = Migration("9: contact attempts", [
        .both { d in """
            CREATE TABLE contact_attempt (
                id \(d.id),
                request_id \(d.integer) NOT NULL REFERENCES escort_request(id)\(d == .postgres ? " ON DELETE CASCADE" : ""),
                party TEXT NOT NULL CHECK (party IN ('volunteer', 'household', 'family', 'center')),
                result TEXT NOT NULL CHECK (result IN ('confirmed', 'no_answer', 'left_message', 'asked_to_change', 'cancelled')),
                note TEXT NOT NULL DEFAULT '',
                at \(d.integer) NOT NULL,
                called_by TEXT NOT NULL
            )
            """ },
        .same("CREATE INDEX contact_attempt_by_request ON contact_attempt(request_id, at)"),
        .requestScopedSecurity("contact_attempt", grants: "SELECT, INSERT, DELETE", hasSequence: true),
    ])

    /// 10: the vehicle booked for an escort that goes by the center's vehicle or a voucher
    /// taxi. No row: nothing done yet (to book, or not needed by the transport).
    static let vehicleBookings = Migration("10: vehicle bookings", [
        .both { d in """
            CREATE TABLE vehicle_booking (
                request_id \(d.integer) PRIMARY KEY REFERENCES escort_request(id)\(d == .postgres ? " ON DELETE CASCADE" : ""),
                status TEXT NOT NULL CHECK (status IN ('to_book', 'requested', 'confirmed', 'refused', 'not_needed')),
                reference TEXT NOT NULL DEFAULT '',
                vehicle TEXT NOT NULL DEFAULT '',
                updated_at \(d.integer) NOT NULL,
                updated_by TEXT NOT NULL,
                -- A confirmed booking names the center's reference.
                CHECK (status != 'confirmed' OR reference != '')
            )
            """ },
        .requestScopedSecurity("vehicle_booking", grants: "SELECT, INSERT, UPDATE, DELETE", hasSequence: false),
    ])

    /// 11: the reminder messages prepared for each side of an escort and day, and whether the
    /// sender command sent them: what keeps a message from going out twice.
    static let messageRecords = Migration("11: message records", [
        .both { d in """
            CREATE TABLE message_record (
                id \(d.id),
                request_id \(d.integer) NOT NULL REFERENCES escort_request(id)\(d == .postgres ? " ON DELETE CASCADE" : ""),
                day TEXT NOT NULL,
                party TEXT NOT NULL CHECK (party IN ('volunteer', 'household', 'family', 'center')),
                phone TEXT NOT NULL,
                body TEXT NOT NULL,
                state TEXT NOT NULL CHECK (state IN ('prepared', 'sent', 'failed')),
                exit_status \(d.integer),
                detail TEXT NOT NULL DEFAULT '',
                at \(d.integer) NOT NULL,
                sent_by TEXT NOT NULL
            )
            """ },
        .same("CREATE INDEX message_record_by_day ON message_record(day, request_id)"),
        .same("CREATE INDEX message_record_by_request ON message_record(request_id)"),
        .requestScopedSecurity("message_record", grants: "SELECT, INSERT, DELETE", hasSequence: true),
    ])
}

extension Migration.Part {
    /// Row-level security for a table whose every row belongs to one request: a coordinator
    /// writes only the rows of their dongs' requests, an admin any, and every change is noticed
    /// by the other processes. It lets every role read every row (`_read`); a table that holds
    /// something personal drops that policy later, and then gives an admin every row, a
    /// coordinator the rows of their dongs' requests and a viewer or a kiosk none, and is read
    /// through a `seen_` view (contact_attempt in migration 12, message_record in 21).
    /// vehicle_booking keeps it: a booking's reference and vehicle are read by every role, the
    /// kiosk's board included. SQLite has no roles: its write path checks the same rule before writing.
    static func requestScopedSecurity(_ table: String, grants: String, hasSequence: Bool) -> Migration.Part {
        let mayWrite = "(SELECT honsim_is_admin()) OR honsim_request_dong(request_id) = ANY ((SELECT honsim_coordinator_dongs())::text[])"
        return .postgresOnly(because: "row-level security, grants and change notices are PostgreSQL's; SQLite checks the role in the write path", """
            ALTER TABLE \(table) ENABLE ROW LEVEL SECURITY;
            CREATE POLICY \(table)_read ON \(table) FOR SELECT USING (true);
            CREATE POLICY \(table)_write ON \(table) FOR ALL USING (\(mayWrite)) WITH CHECK (\(mayWrite));
            GRANT \(grants) ON \(table) TO honsim_user;
            \(hasSequence ? "GRANT USAGE, UPDATE ON SEQUENCE \(table)_id_seq TO honsim_user;" : "")
            CREATE TRIGGER \(table)_notify AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON \(table)
                FOR EACH STATEMENT EXECUTE FUNCTION honsim_notify();
            """)
    }
}

extension Schema {
    /// 25: the call list's order and counts from indexes alone. A city's day is 3,900 requests
    /// with 6,500 calls: with their pickup time and transport in `request_by_time`, beside the
    /// status and volunteer it already holds, and each call's side and result in its request's
    /// index, in the order the list reads them, the day is ordered and counted without reading
    /// a request's or a call's row; only the escorts on screen are read whole
    /// (`DayBefore.escorts(on:detailing:)`).
    static let callListIndexes = Migration("25: call list indexes", [
        .each(sqlite: [
            "DROP INDEX request_by_time",
            """
            CREATE INDEX request_by_time ON escort_request(
                appointment_at, dong_code, status, household_id, volunteer_id, assigned_at, created_at, actual_minutes, pickup_at, transport)
            """,
            "DROP INDEX contact_attempt_by_request",
            "CREATE INDEX contact_attempt_by_request ON contact_attempt(request_id, at, id, party, result)",
        ], postgres: [
            "DROP INDEX request_by_time",
            """
            CREATE INDEX request_by_time ON escort_request(appointment_at)
                INCLUDE (dong_code, status, household_id, volunteer_id, assigned_at, created_at, actual_minutes, pickup_at, transport)
            """,
            "DROP INDEX contact_attempt_by_request",
            "CREATE INDEX contact_attempt_by_request ON contact_attempt(request_id, at, id) INCLUDE (party, result)",
        ]),
    ])
}
