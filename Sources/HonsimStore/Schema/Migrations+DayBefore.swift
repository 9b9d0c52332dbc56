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
        .postgresOnly(because: "row-level security, grants and change notices are PostgreSQL's; SQLite checks the role in the write path", """
            ALTER TABLE contact_attempt ENABLE ROW LEVEL SECURITY;
            CREATE POLICY contact_attempt_read ON contact_attempt FOR SELECT USING (true);
            CREATE POLICY contact_attempt_write ON contact_attempt FOR ALL
                USING ((SELECT honsim_is_admin()) OR honsim_request_dong(request_id) = ANY ((SELECT honsim_coordinator_dongs())::text[]))
                WITH CHECK ((SELECT honsim_is_admin()) OR honsim_request_dong(request_id) = ANY ((SELECT honsim_coordinator_dongs())::text[]));
            GRANT SELECT, INSERT, DELETE ON contact_attempt TO honsim_user;
            GRANT USAGE, UPDATE ON SEQUENCE contact_attempt_id_seq TO honsim_user;
            CREATE TRIGGER contact_attempt_notify AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON contact_attempt
                FOR EACH STATEMENT EXECUTE FUNCTION honsim_notify();
            """),
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
        .postgresOnly(because: "row-level security, grants and change notices are PostgreSQL's; SQLite checks the role in the write path", """
            ALTER TABLE vehicle_booking ENABLE ROW LEVEL SECURITY;
            CREATE POLICY vehicle_booking_read ON vehicle_booking FOR SELECT USING (true);
            CREATE POLICY vehicle_booking_write ON vehicle_booking FOR ALL
                USING ((SELECT honsim_is_admin()) OR honsim_request_dong(request_id) = ANY ((SELECT honsim_coordinator_dongs())::text[]))
                WITH CHECK ((SELECT honsim_is_admin()) OR honsim_request_dong(request_id) = ANY ((SELECT honsim_coordinator_dongs())::text[]));
            GRANT SELECT, INSERT, UPDATE, DELETE ON vehicle_booking TO honsim_user;
            CREATE TRIGGER vehicle_booking_notify AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON vehicle_booking
                FOR EACH STATEMENT EXECUTE FUNCTION honsim_notify();
            """),
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
        .postgresOnly(because: "row-level security, grants and change notices are PostgreSQL's; SQLite checks the role in the write path", """
            ALTER TABLE message_record ENABLE ROW LEVEL SECURITY;
            CREATE POLICY message_record_read ON message_record FOR SELECT USING (true);
            CREATE POLICY message_record_write ON message_record FOR ALL
                USING ((SELECT honsim_is_admin()) OR honsim_request_dong(request_id) = ANY ((SELECT honsim_coordinator_dongs())::text[]))
                WITH CHECK ((SELECT honsim_is_admin()) OR honsim_request_dong(request_id) = ANY ((SELECT honsim_coordinator_dongs())::text[]));
            GRANT SELECT, INSERT, DELETE ON message_record TO honsim_user;
            GRANT USAGE, UPDATE ON SEQUENCE message_record_id_seq TO honsim_user;
            CREATE TRIGGER message_record_notify AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON message_record
                FOR EACH STATEMENT EXECUTE FUNCTION honsim_notify();
            """),
    ])
}
