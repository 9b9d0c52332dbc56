import Foundation
import GRDB
import HonsimCore
import PostgresNIO

/// PostgreSQL's side of an import (SQLCaseStore+Import.swift): its locks, its households many
/// rows to a statement, and what is stored read straight from the wire.
extension PGSQL {
    /// The locks of `StoreLock.importing`. Two imports, or an import and a save, must not both find a record new and both write it.
    /// The import holds its table in SHARE ROW EXCLUSIVE mode from before its check until it
    /// commits: the weakest mode that conflicts with itself and with the ROW EXCLUSIVE lock of
    /// every INSERT, UPDATE and DELETE (and of a record save, which takes it before looking
    /// for twins), yet not with reads, nor with the ROW SHARE that a foreign key check takes,
    /// so dashboards, previews and new requests for stored households go on meanwhile. The
    /// transaction is READ COMMITTED, so the second import's check, run once its lock is
    /// granted, sees the first's rows and reports them as duplicates. (SHARE would not conflict
    /// with itself: two imports would both pass the check, then deadlock inserting.) A requests
    /// file also holds the households in SHARE mode, taken first (the order a household save
    /// takes them in), so that none it names is closed or moved before it commits.
    func lockForImport(_ kind: ImportKind) async throws {
        switch kind {
        case .households: try await execute("LOCK TABLE household IN SHARE ROW EXCLUSIVE MODE", [])
        case .volunteers: try await execute("LOCK TABLE volunteer IN SHARE ROW EXCLUSIVE MODE", [])
        case .requests:
            try await execute("LOCK TABLE household IN SHARE MODE", [])
            try await execute("LOCK TABLE escort_request IN SHARE ROW EXCLUSIVE MODE", [])
        }
    }

    /// The ids were given, not drawn from the table's sequence: move it past them (never back),
    /// so the next record saved gets the id after the import's last.
    func advanceIDs(of table: String, past last: Int64) async throws {
        try await execute("""
            SELECT setval(pg_get_serial_sequence('\(table)', 'id'),
                          GREATEST(?, COALESCE(pg_sequence_last_value(pg_get_serial_sequence('\(table)', 'id')::regclass), 0)))
            """, [last])
    }

    /// Households many at a time: one INSERT … SELECT over arrays, a column each, unnested into
    /// rows. Not COPY, which PostgreSQL refuses on a table under row-level security for anyone
    /// but its owner; this way the policies check each row as for any other insert. The cells
    /// are SQLite's: seconds since 1970, 0/1 flags, `;` lists; an empty text stands for NULL
    /// in the two columns that may be NULL, where it is never a value.
    func insertHouseholds(_ rows: ArraySlice<ImportRow<Household>>, first: Int64, at now: Date, by user: String) async throws {
        var ids: [Int64] = [], birthYears: [Int64] = [], closed: [Int64] = [], versions: [Int64] = []
        var dongs: [String] = [], names: [String] = [], genders: [String] = [], phones: [String] = [], addresses: [String] = []
        var mobility: [String] = [], needs: [String] = [], preferred: [String] = [], managers: [String] = [], consent: [String] = []
        var notes: [String] = [], familyNames: [String] = [], relations: [String] = [], familyPhones: [String] = []
        for (offset, row) in rows.enumerated() {
            let h = row.record
            ids.append(first + Int64(offset))
            dongs.append(h.dongCode)
            names.append(h.name)
            birthYears.append(Int64(h.birthYear))
            genders.append(h.gender.rawValue)
            phones.append(h.phone)
            addresses.append(h.address)
            mobility.append(h.mobility.rawValue)
            needs.append(Stored.text(h.needs))
            preferred.append(h.preferredVolunteerGender?.rawValue ?? "")
            managers.append(h.caseManager)
            consent.append(h.consentDate?.description ?? "")
            notes.append(h.notes)
            closed.append(h.closed ? 1 : 0)
            versions.append(Int64(h.version))
            familyNames.append(h.family.name)
            relations.append(h.family.relation)
            familyPhones.append(h.family.phone)
        }
        var binds = PostgresBindings(capacity: 20)
        binds.append(ids)
        binds.append(dongs)
        binds.append(names)
        binds.append(birthYears)
        binds.append(genders)
        binds.append(phones)
        binds.append(addresses)
        binds.append(mobility)
        binds.append(needs)
        binds.append(preferred)
        binds.append(managers)
        binds.append(consent)
        binds.append(notes)
        binds.append(closed)
        binds.append(versions)
        binds.append(Stored.seconds(now))
        binds.append(user)
        binds.append(familyNames)
        binds.append(relations)
        binds.append(familyPhones)
        try await execute(PostgresQuery(unsafeSQL: """
            INSERT INTO household (id, dong_code, name, birth_year, gender, phone, address, mobility, needs,
                preferred_volunteer_gender, case_manager, consent_date, notes, closed, version, updated_at, updated_by,
                family_name, family_relation, family_phone)
            SELECT id, dong_code, name, birth_year, gender, phone, address, mobility, needs,
                NULLIF(preferred, ''), case_manager, NULLIF(consent, ''), notes, closed, version, $16, $17,
                family_name, family_relation, family_phone
            FROM unnest($1::bigint[], $2::text[], $3::text[], $4::bigint[], $5::text[], $6::text[], $7::text[], $8::text[],
                        $9::text[], $10::text[], $11::text[], $12::text[], $13::text[], $14::bigint[], $15::bigint[],
                        $18::text[], $19::text[], $20::text[])
                AS cells(id, dong_code, name, birth_year, gender, phone, address, mobility, needs,
                         preferred, case_manager, consent, notes, closed, version, family_name, family_relation, family_phone)
            """, binds: binds))
    }

    /// What the check needs of the store, read in the import's transaction. The rows are
    /// decoded straight from the wire: there may be hundreds of thousands.
    func importFacts(for check: ImportCheck, dongs: DongDirectory) async throws -> ImportCheck.Facts {
        var facts = ImportCheck.Facts(dongs: dongs)
        switch check.kind {
        case .households:
            for try await (id, name, year, dong) in try await stream("SELECT id, name, birth_year, dong_code FROM \(seen(.household)) ORDER BY id")
                .decode((Int64, String, Int, String).self) {
                facts.households.append(ImportCheck.StoredHousehold(id: id, name: name, birthYear: year, dongCode: dong, closed: false))
            }
        case .volunteers:
            for try await (id, name, phone) in try await stream("SELECT id, name, phone FROM \(seen(.volunteer)) ORDER BY id")
                .decode((Int64, String, String).self) {
                facts.volunteers.append(ImportCheck.StoredVolunteer(id: id, name: name, phone: phone))
            }
        case .requests:
            let wanted = check.wanted
            let columns = "SELECT id, name, birth_year, dong_code, closed FROM \(seen(.household))"
            if !wanted.householdIDs.isEmpty {
                var binds = PostgresBindings(capacity: 1)
                binds.append(wanted.householdIDs)
                let query = PostgresQuery(unsafeSQL: "\(columns) WHERE id = ANY($1::bigint[]) ORDER BY id", binds: binds)
                for try await row in try await stream(query).decode((Int64, String, Int, String, Int64).self) {
                    facts.householdsByID.append(PGSQL.storedHousehold(row))
                }
            }
            if !wanted.householdNames.isEmpty {
                // One pass over the households: a name is compared with its spaces taken out.
                for try await row in try await stream("\(columns) ORDER BY id").decode((Int64, String, Int, String, Int64).self)
                where wanted.householdNames.contains(ImportIdentity.compact(row.1)) {
                    facts.householdsByName.append(PGSQL.storedHousehold(row))
                }
            }
            if let span = wanted.appointments {
                for try await (id, household, appointment) in try await stream("""
                    SELECT id, household_id, appointment_at FROM \(seen(.request))
                    WHERE appointment_at >= ? AND appointment_at <= ? AND status <> 'cancelled' ORDER BY id
                    """, [span.lowerBound, span.upperBound]).decode((Int64, Int64, Int64).self) {
                    facts.requests.append(ImportCheck.StoredRequest(id: id, householdID: household, appointment: appointment))
                }
            }
        }
        return facts
    }

    private static func storedHousehold(_ row: (Int64, String, Int, String, Int64)) -> ImportCheck.StoredHousehold {
        ImportCheck.StoredHousehold(id: row.0, name: row.1, birthYear: row.2, dongCode: row.3, closed: row.4 != 0)
    }
}
