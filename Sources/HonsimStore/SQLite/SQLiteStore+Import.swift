import Foundation
import GRDB
import HonsimCore

extension SQLiteStore {
    /// Appends a batch under new ids in one IMMEDIATE transaction. Inside it, with the write
    /// lock held, the rows are checked against what is stored (duplicates, the households that
    /// requests name); any problem, the file's own included, refuses the whole batch. One audit
    /// entry records the import: the file, the count and the ids, which find the rows themselves
    /// (each row also carries who wrote it and when). A dry run makes the same checks on a
    /// snapshot and holds no lock, so a preview never keeps other coordinators waiting.
    public func importRecords(_ batch: ImportBatch, dryRun: Bool, progress: ImportProgress.Handler?) async throws -> ImportOutcome {
        let check = ImportCheck(batch)
        if dryRun {
            return try await read { [self] db in
                try authorizeImport(db, try check.run(try importFacts(db, check)), check)
                return check.outcome(first: try nextID(db, check), dryRun: true)
            }
        }
        return try await write { [self] db in
            let now = now()
            let checked = try check.run(try importFacts(db, check))
            try authorizeImport(db, checked, check)
            let first = try nextID(db, check)
            try write(db, check, checked, first: first, at: now, progress: progress)
            let audit = check.audit(ids: check.ids(first: first))
            try appendAudit(db, action: "import", entity: batch.kind.entity, id: audit.entityID, dongCode: nil, before: nil, after: audit.after, at: now)
            return check.outcome(first: first, dryRun: false)
        }
    }

    /// Whoever imports must be allowed to change every dong the records belong to: a
    /// coordinator imports their own dongs' lists, an admin anyone's, a viewer nothing.
    private func authorizeImport(_ db: Database, _ checked: ImportCheck.Checked, _ check: ImportCheck) throws {
        for dong in checked.dongs { try authorize(db, dongCode: dong, act: check.act) }
    }

    /// The first id after every stored one of the kind's table.
    private func nextID(_ db: Database, _ check: ImportCheck) throws -> Int64 {
        (try Int64.fetchOne(db, sql: "SELECT MAX(id) FROM \(check.table)") ?? 0) + 1
    }

    private func write(_ db: Database, _ check: ImportCheck, _ checked: ImportCheck.Checked, first: Int64, at now: Date,
                       progress: ImportProgress.Handler?) throws {
        let batch = check.batch
        guard batch.recordCount > 0 else { return }
        // A large import overflows SQLite's default 2 MB page cache within its one transaction.
        try db.execute(sql: "PRAGMA cache_size = -262144")
        defer { try? db.execute(sql: "PRAGMA cache_size = -2000") }
        let stamp: [String: (any DatabaseValueConvertible)?] = ["updated_at": Stored.seconds(now), "updated_by": user]
        let report = check.reporter(progress)
        if !batch.households.isEmpty {
            // One prepared statement with the columns in a fixed order: building a dictionary of
            // values per row costs more than SQLite's own work at this size.
            let insert = try db.makeStatement(sql: """
                INSERT INTO household (id, dong_code, name, birth_year, gender, phone, address, mobility, needs,
                    preferred_volunteer_gender, case_manager, consent_date, notes, closed, version, updated_at, updated_by)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
            let (updatedAt, updatedBy) = (Stored.seconds(now).databaseValue, user.databaseValue)
            for (offset, row) in batch.households.enumerated() {
                let h = row.record
                try insert.execute(arguments: StatementArguments([
                    (first + Int64(offset)).databaseValue, h.dongCode.databaseValue, h.name.databaseValue, h.birthYear.databaseValue,
                    h.gender.rawValue.databaseValue, h.phone.databaseValue, h.address.databaseValue, h.mobility.rawValue.databaseValue,
                    Stored.text(h.needs).databaseValue, (h.preferredVolunteerGender?.rawValue).databaseValue,
                    h.caseManager.databaseValue, (h.consentDate?.description).databaseValue, h.notes.databaseValue,
                    h.closed.databaseValue, h.version.databaseValue, updatedAt, updatedBy,
                ] as [DatabaseValue]))
                report(offset + 1)
            }
        }
        for (offset, volunteer) in check.volunteers(first: first).enumerated() {
            try insertVolunteer(db, volunteer, stamp: stamp)
            report(offset + 1)
        }
        for (offset, request) in check.requests(checked, first: first, at: now, by: user).enumerated() {
            try insertRequest(db, request)
            report(offset + 1)
        }
    }

    // MARK: What is stored

    /// What the check needs of the store, read inside the import's transaction.
    private func importFacts(_ db: Database, _ check: ImportCheck) throws -> ImportCheck.Facts {
        var facts = ImportCheck.Facts(dongs: try cachedDongs(db))
        switch check.kind {
        case .households:
            let rows = try Row.fetchCursor(db, sql: "SELECT id, name, birth_year, dong_code FROM household")
            while let row = try rows.next() {
                facts.households.append(ImportCheck.StoredHousehold(id: row[0], name: row[1], birthYear: row[2], dongCode: row[3], closed: false))
            }
        case .volunteers:
            let rows = try Row.fetchCursor(db, sql: "SELECT id, name, phone FROM volunteer")
            while let row = try rows.next() { facts.volunteers.append(ImportCheck.StoredVolunteer(id: row[0], name: row[1], phone: row[2])) }
        case .requests:
            let wanted = check.wanted
            let ids = wanted.householdIDs
            for start in stride(from: 0, to: ids.count, by: 500) {
                let chunk = Array(ids[start..<min(start + 500, ids.count)])
                let rows = try Row.fetchAll(db, sql: "SELECT id, name, birth_year, dong_code, closed FROM household WHERE id IN (\(chunk.map { _ in "?" }.joined(separator: ",")))",
                                            arguments: StatementArguments(chunk))
                facts.householdsByID += rows.map(SQLiteStore.storedHousehold(row:))
            }
            if !wanted.householdNames.isEmpty {
                // One pass over the households: a lookup per name would scan the table each time.
                let rows = try Row.fetchCursor(db, sql: "SELECT id, name, birth_year, dong_code, closed FROM household ORDER BY id")
                while let row = try rows.next() {
                    guard wanted.householdNames.contains(ImportIdentity.compact(row[1])) else { continue }
                    facts.householdsByName.append(SQLiteStore.storedHousehold(row: row))
                }
            }
            if let span = wanted.appointments {
                let rows = try Row.fetchCursor(db, sql: """
                    SELECT id, household_id, appointment_at FROM escort_request
                    WHERE appointment_at >= ? AND appointment_at <= ? AND status <> 'cancelled'
                    """, arguments: [span.lowerBound, span.upperBound])
                while let row = try rows.next() { facts.requests.append(ImportCheck.StoredRequest(id: row[0], householdID: row[1], appointment: row[2])) }
            }
        }
        return facts
    }

    private static func storedHousehold(row: Row) -> ImportCheck.StoredHousehold {
        ImportCheck.StoredHousehold(id: row[0], name: row[1], birthYear: row[2], dongCode: row[3], closed: row[4])
    }
}
