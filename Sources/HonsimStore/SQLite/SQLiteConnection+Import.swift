import Foundation
import GRDB
import HonsimCore

/// SQLite's side of an import (SQLCaseStore+Import.swift): its households through one prepared
/// statement, and what is stored read through cursors, each a single piece of work on the
/// transaction's thread.
extension SQLiteConnection {
    func insertHouseholds(_ rows: ArraySlice<ImportRow<Household>>, first: Int64, at now: Date, by user: String) async throws {
        let rows = Array(rows)
        try await channel.run { db in
            // One prepared statement with the columns in a fixed order: building a dictionary of
            // values per row costs more than SQLite's own work at this size.
            let insert = try db.cachedStatement(sql: """
                INSERT INTO household (id, dong_code, name, birth_year, gender, phone, address, mobility, needs,
                    preferred_volunteer_gender, case_manager, consent_date, notes, closed, version, updated_at, updated_by,
                    family_name, family_relation, family_phone)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
            let (updatedAt, updatedBy) = (Stored.seconds(now).databaseValue, user.databaseValue)
            for (offset, row) in rows.enumerated() {
                let h = row.record
                try insert.execute(arguments: StatementArguments([
                    (first + Int64(offset)).databaseValue, h.dongCode.databaseValue, h.name.databaseValue, h.birthYear.databaseValue,
                    h.gender.rawValue.databaseValue, h.phone.databaseValue, h.address.databaseValue, h.mobility.rawValue.databaseValue,
                    Stored.text(h.needs).databaseValue, (h.preferredVolunteerGender?.rawValue).databaseValue,
                    h.caseManager.databaseValue, (h.consentDate?.description).databaseValue, h.notes.databaseValue,
                    h.closed.databaseValue, h.version.databaseValue, updatedAt, updatedBy,
                    h.family.name.databaseValue, h.family.relation.databaseValue, h.family.phone.databaseValue,
                ] as [DatabaseValue]))
            }
        }
    }

    func advanceIDs(of table: String, past last: Int64) async throws {}

    /// What the check needs of the store, read inside the import's transaction.
    func importFacts(for check: ImportCheck, dongs: DongDirectory) async throws -> ImportCheck.Facts {
        try await channel.run { db in try SQLiteConnection.importFacts(db, check, dongs) }
    }

    private static func importFacts(_ db: Database, _ check: ImportCheck, _ dongs: DongDirectory) throws -> ImportCheck.Facts {
        var facts = ImportCheck.Facts(dongs: dongs)
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
            for chunk in SQLText.chunks(of: wanted.householdIDs) {
                let rows = try Row.fetchAll(db, sql: "SELECT id, name, birth_year, dong_code, closed FROM household WHERE id IN (\(SQLText.marks(chunk.count)))",
                                            arguments: StatementArguments(chunk))
                facts.householdsByID += rows.map(SQLiteConnection.storedHousehold(row:))
            }
            if !wanted.householdNames.isEmpty {
                // One pass over the households: a lookup per name would scan the table each time.
                let rows = try Row.fetchCursor(db, sql: "SELECT id, name, birth_year, dong_code, closed FROM household ORDER BY id")
                while let row = try rows.next() {
                    guard wanted.householdNames.contains(ImportIdentity.compact(row[1])) else { continue }
                    facts.householdsByName.append(SQLiteConnection.storedHousehold(row: row))
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
