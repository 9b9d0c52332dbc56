import Foundation
import GRDB
import HonsimCore

/// Requests and households decoded by column position, from a column list the SQL names: a
/// city's call list reads thousands of each, where looking every cell up by its name cost more
/// than the query. A row read by name (`SELECT *`) goes through the same decoder, seen through
/// the same list (`NamedCells`), so there is one rule for each record.
extension EscortRequest {
    /// The columns `init(cells:)` reads, in its order.
    static let storedColumns = [
        "id", "household_id", "dong_code", "hospital", "department", "appointment_at", "pickup_at", "pickup_place", "return_trip",
        "transport", "purpose", "expected_minutes", "notes", "status", "volunteer_id", "series_id", "created_at", "assigned_at",
        "actual_minutes", "outcome", "doctor_notes", "follow_up", "cancel_reason", "version", "updated_at", "updated_by",
    ]
    /// `storedColumns` as a SELECT list.
    static let selectList = storedColumns.joined(separator: ", ")

    init(row: some StoredRow) { self.init(cells: NamedCells(base: row, names: EscortRequest.storedColumns)) }

    /// A row of `selectList`'s cells.
    init(cells row: some StoredRow) {
        self.init(
            id: row.integer(0), householdID: row.integer(1), dongCode: row.text(2), hospital: row.text(3),
            department: row.text(4), appointmentAt: Stored.date(row.integer(5)),
            pickupAt: Stored.date(row.integer(6)), pickupPlace: row.text(7),
            returnTrip: row.integer(8) != 0, transport: Transport(rawValue: row.text(9)) ?? .publicTransport,
            purpose: Purpose(rawValue: row.text(10)) ?? .other, expectedMinutes: Int(row.integer(11)),
            notes: row.text(12), status: RequestStatus(rawValue: row.text(13)) ?? .pending,
            volunteerID: row.optionalInteger(14), seriesID: row.optionalText(15),
            createdAt: Stored.date(row.integer(16)), assignedAt: Stored.optionalDate(row.optionalInteger(17)),
            completion: row.optionalInteger(18).map {
                Completion(actualMinutes: Int($0), outcome: row.optionalText(19) ?? "", doctorNotes: row.optionalText(20) ?? "",
                           followUp: row.optionalInteger(21).map { $0 != 0 } ?? false)
            },
            cancelReason: row.optionalText(22), version: Int(row.integer(23)),
            updatedAt: Stored.date(row.integer(24)), updatedBy: row.text(25)
        )
    }
}

extension Household {
    /// The columns `init(cells:)` reads, in its order.
    static let storedColumns = [
        "id", "dong_code", "name", "birth_year", "gender", "phone", "address", "mobility", "needs", "preferred_volunteer_gender",
        "case_manager", "consent_date", "notes", "closed", "version", "family_name", "family_relation", "family_phone",
    ]
    /// `storedColumns` as a SELECT list.
    static let selectList = storedColumns.joined(separator: ", ")

    init(row: some StoredRow) { self.init(cells: NamedCells(base: row, names: Household.storedColumns)) }

    /// A row of `selectList`'s cells.
    init(cells row: some StoredRow) {
        self.init(
            id: row.integer(0), dongCode: row.text(1), name: row.text(2), birthYear: Int(row.integer(3)),
            gender: Gender(rawValue: row.text(4)) ?? .female, phone: row.text(5), address: row.text(6),
            mobility: Mobility(rawValue: row.text(7)) ?? .none, needs: Stored.needs(row.text(8)),
            preferredVolunteerGender: row.optionalText(9).flatMap(Gender.init(rawValue:)),
            caseManager: row.text(10), consentDate: row.optionalText(11).flatMap(CivilDate.init(iso:)),
            notes: row.text(12), closed: row.integer(13) != 0, version: Int(row.integer(14)),
            family: FamilyContact(name: row.text(15), relation: row.text(16), phone: row.text(17))
        )
    }
}

extension StoredRow {
    /// NULL as nil.
    func optionalInteger(_ index: Int) -> Int64? { isNull(index) ? nil : integer(index) }
    func optionalText(_ index: Int) -> String? { isNull(index) ? nil : text(index) }
}

/// The cells of a joined row from `offset` on, for the decoder of the table they came from.
struct ShiftedCells<Base: StoredRow>: StoredRow {
    let base: Base
    let offset: Int

    init(base: Base, by offset: Int) {
        self.base = base
        self.offset = offset
    }

    subscript<Value: DatabaseValueConvertible>(_ index: Int) -> Value { base[offset + index] }
    subscript<Value: DatabaseValueConvertible>(_ column: String) -> Value { base[column] }
    func integer(_ index: Int) -> Int64 { base.integer(offset + index) }
    func text(_ index: Int) -> String { base.text(offset + index) }
    func isNull(_ index: Int) -> Bool { base.isNull(offset + index) }
}

/// A row read by name, seen through a list of column names so that a decoder by position
/// reads it: cell `i` is the column `names[i]`.
struct NamedCells<Base: StoredRow>: StoredRow {
    let base: Base
    let names: [String]

    subscript<Value: DatabaseValueConvertible>(_ index: Int) -> Value { base[names[index]] }
    subscript<Value: DatabaseValueConvertible>(_ column: String) -> Value { base[column] }
    func integer(_ index: Int) -> Int64 { base[names[index]] }
    func text(_ index: Int) -> String { base[names[index]] }
    func isNull(_ index: Int) -> Bool { (base[names[index]] as DatabaseValue).isNull }
}
