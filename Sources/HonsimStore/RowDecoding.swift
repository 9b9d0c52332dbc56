import Foundation
import GRDB
import HonsimCore

/// A stored row, read by column name: GRDB's `Row` on SQLite, `StoredCells` on both. Both
/// stores decode records with the same code below, whatever the row came from.
/// As in GRDB, an optional `Value` reads NULL as nil.
protocol StoredRow {
    subscript<Value: DatabaseValueConvertible>(_ column: String) -> Value { get }
    /// By position, from 0: for reads of many rows, where looking names up would cost.
    subscript<Value: DatabaseValueConvertible>(_ index: Int) -> Value { get }
    /// The same for the two kinds of cell a city's lists are made of, without the generic
    /// subscript's lookups: one call through the protocol, for hundreds of thousands of cells.
    func integer(_ index: Int) -> Int64
    func text(_ index: Int) -> String
    /// Whether the cell is NULL (or missing).
    func isNull(_ index: Int) -> Bool
}

extension Row: StoredRow {
    func integer(_ index: Int) -> Int64 { self[index] }
    func text(_ index: Int) -> String { self[index] }
    func isNull(_ index: Int) -> Bool { index >= count || hasNull(atIndex: index) }
}

/// Turns stored rows into domain values and back. Times are stored as whole seconds since
/// 1970 (UTC); sets of words as `;`-separated text.
enum Stored {
    static func date(_ seconds: Int64) -> Date { Date(timeIntervalSince1970: TimeInterval(seconds)) }
    static func optionalDate(_ seconds: Int64?) -> Date? { seconds.map { date($0) } }
    static func seconds(_ date: Date) -> Int64 { Int64(date.timeIntervalSince1970.rounded()) }
    /// Now, to the whole second the store keeps, so a value returned equals the value read back.
    static func seconds(_ date: Date?) -> Int64? { date.map(seconds) }
    /// A time as a bound value: one overload, so an array of values needs no type annotation.
    static func cell(_ date: Date?) -> Int64? { date.map { seconds($0) } }

    static func words(_ text: String) -> [String] {
        text.split(separator: ";").map { $0.trimmingSpaces() }.filter { !$0.isEmpty }
    }

    /// The stored form is the needs' own names (`hearing;vision`), taken as they are; any other
    /// word goes through `Need(word:)`. A city's day reads thousands of households.
    static func needs(_ text: String) -> Set<Need> {
        guard !text.isEmpty else { return [] }
        var needs = Set<Need>(minimumCapacity: Need.allCases.count)
        for word in text.split(separator: ";") {
            if let need = Need(rawValue: String(word)) ?? Need(word: String(word)) { needs.insert(need) }
        }
        return needs
    }
    static func text(_ needs: Set<Need>) -> String { needs.sorted().map(\.rawValue).joined(separator: ";") }
    /// Most volunteers list none: an empty cell is an empty set at once.
    static func skills(_ text: String) -> Set<Skill> { text.isEmpty ? [] : Set(words(text).compactMap(Skill.init(word:))) }

    /// Skill sets by their stored text, for reads of a whole city's volunteers. A city's 20,000
    /// have a few dozen distinct sets: each is parsed once, where parsing every row's was most of
    /// the read, and every volunteer with it shares its storage, which keeps a kept list smaller.
    struct SkillSets {
        private var known: [String: Set<Skill>] = [:]

        mutating func callAsFunction(_ text: String) -> Set<Skill> {
            if text.isEmpty { return [] }
            if let skills = known[text] { return skills }
            let skills = Stored.skills(text)
            known[text] = skills
            return skills
        }
    }
    static func text(_ skills: Set<Skill>) -> String { skills.sorted().map(\.description).joined(separator: ";") }
    /// A `YYYY-MM-DD` column that may be empty.
    static func civilDate(_ text: String?) -> CivilDate? { text.flatMap { CivilDate(iso: $0) } }
}

extension Household {
    var storedValues: [String: (any DatabaseValueConvertible)?] {
        [
            "id": id, "dong_code": dongCode, "name": name, "birth_year": birthYear, "gender": gender.rawValue,
            "phone": phone, "address": address, "mobility": mobility.rawValue, "needs": Stored.text(needs),
            "preferred_volunteer_gender": preferredVolunteerGender?.rawValue, "case_manager": caseManager,
            "consent_date": consentDate?.description, "notes": notes, "closed": closed, "version": version,
            "family_name": family.name, "family_relation": family.relation, "family_phone": family.phone,
        ]
    }
}

extension Volunteer {
    /// A volunteer row without its windows and days off, which live in their own tables.
    init(row: some StoredRow) {
        self.init(
            id: row["id"], dongCode: row["dong_code"], name: row["name"],
            gender: Gender(rawValue: row["gender"]) ?? .female, phone: row["phone"],
            skills: Stored.skills(row["skills"]), hasCar: row["has_car"], weeklyCapMinutes: row["weekly_cap_minutes"],
            notes: row["notes"], closed: row["closed"], version: row["version"],
            trainedOn: Stored.civilDate(row["trained_on"]), insuredUntil: Stored.civilDate(row["insured_until"]),
            backgroundCheckedOn: Stored.civilDate(row["background_checked_on"]), portalConsentOn: Stored.civilDate(row["portal_consent_on"])
        )
    }

    var storedValues: [String: (any DatabaseValueConvertible)?] {
        [
            "id": id, "dong_code": dongCode, "name": name, "gender": gender.rawValue, "phone": phone,
            "skills": Stored.text(skills), "has_car": hasCar, "weekly_cap_minutes": weeklyCapMinutes,
            "notes": notes, "closed": closed, "version": version,
            "trained_on": trainedOn?.description, "insured_until": insuredUntil?.description,
            "background_checked_on": backgroundCheckedOn?.description, "portal_consent_on": portalConsentOn?.description,
        ]
    }
}

extension EscortRequest {
    var storedValues: [String: (any DatabaseValueConvertible)?] {
        [
            "id": id, "household_id": householdID, "dong_code": dongCode, "hospital": hospital,
            "department": department, "appointment_at": Stored.seconds(appointmentAt),
            "pickup_at": Stored.seconds(pickupAt), "pickup_place": pickupPlace, "return_trip": returnTrip,
            "transport": transport.rawValue, "purpose": purpose.rawValue, "expected_minutes": expectedMinutes,
            "notes": notes, "status": status.rawValue, "volunteer_id": volunteerID, "series_id": seriesID,
            "created_at": Stored.seconds(createdAt), "created_by": updatedBy, "assigned_at": Stored.seconds(assignedAt),
            "actual_minutes": completion?.actualMinutes, "outcome": completion?.outcome,
            "doctor_notes": completion?.doctorNotes, "follow_up": completion?.followUp,
            "cancel_reason": cancelReason, "version": version, "updated_at": Stored.seconds(updatedAt),
            "updated_by": updatedBy,
        ]
    }
}

extension Assignment {
    init(row: some StoredRow) {
        self.init(
            id: row["id"], requestID: row["request_id"], volunteerID: row["volunteer_id"],
            householdID: row["household_id"],
            span: TimeSpan(start: Stored.date(row["starts_at"] as Int64), end: Stored.date(row["ends_at"] as Int64)),
            state: Assignment.State(rawValue: row["state"]) ?? .released,
            assignedAt: Stored.date(row["assigned_at"] as Int64), assignedBy: row["assigned_by"],
            endedAt: Stored.optionalDate(row["ended_at"]), endedBy: row["ended_by"], reason: row["reason"],
            minutes: row["minutes"]
        )
    }

    /// The cells of the assignment a request's volunteer holds, as both stores insert it; nil
    /// when the request has no volunteer.
    static func storedValues(holding request: EscortRequest, state: Assignment.State, minutes: Int, at: Date, by: String,
                             endedAt: Date?, calendar: Calendar) -> [String: (any DatabaseValueConvertible)?]? {
        guard let volunteerID = request.volunteerID else { return nil }
        let span = request.span
        return [
            "request_id": request.id, "volunteer_id": volunteerID, "household_id": request.householdID,
            "starts_at": Stored.seconds(span.start), "ends_at": Stored.seconds(span.end), "state": state.rawValue,
            "minutes": minutes, "week_key": LoadPeriod.week(span.start, calendar: calendar),
            "month_key": LoadPeriod.month(span.start, calendar: calendar), "assigned_at": Stored.seconds(at),
            "assigned_by": by, "ended_at": Stored.seconds(endedAt), "ended_by": endedAt == nil ? nil : by,
        ]
    }
}

extension AuditEntry {
    init(row: some StoredRow) {
        self.init(
            id: row["id"], at: Stored.date(row["at"] as Int64), user: row["user"], action: row["action"],
            entity: row["entity"], entityID: row["entity_id"], dongCode: row["dong_code"],
            before: row["before"], after: row["after"]
        )
    }
}

extension Database {
    /// INSERT of a dictionary of column values, in a stable column order.
    func insert(into table: String, _ values: [String: (any DatabaseValueConvertible)?]) throws {
        let columns = values.keys.sorted()
        let sql = "INSERT INTO \(table) (\(columns.joined(separator: ", "))) VALUES (\(columns.map { _ in "?" }.joined(separator: ", ")))"
        // Cached: bulk loads insert thousands of rows through the same statement.
        try cachedStatement(sql: sql).execute(arguments: StatementArguments(columns.map { (values[$0] ?? nil)?.databaseValue ?? .null }))
    }
}

/// A row as plain cells, read by name or by position: what `StoreConnection.rows` hands back on
/// both backends, so the records' decoders run on one concrete type, at full speed, rather than
/// through the protocol. The names are looked up in one table shared by every row of the
/// result: GRDB's own rows built from values find a column by lowercasing each name in turn,
/// which dominated reading the volunteer list.
struct StoredCells: StoredRow {
    final class Columns: Sendable {
        let names: [String]
        let index: [String: Int]

        init(_ names: [String]) {
            self.names = names
            var index: [String: Int] = [:]
            // The first of two equal names wins, as in GRDB.
            for (position, name) in names.enumerated() where index[name] == nil { index[name] = position }
            self.index = index
        }
    }

    let columns: Columns
    let values: [DatabaseValue]

    /// As GRDB reads a row: an optional `Value` takes NULL (or a missing column) as nil; any
    /// other mismatch is a bug in the store's own SQL and stops, as it does in GRDB.
    subscript<Value: DatabaseValueConvertible>(_ index: Int) -> Value {
        let cell = index < values.count ? values[index] : .null
        guard let value = Value.fromDatabaseValue(cell) else {
            fatalError("column \(index) of \(columns.names) holds \(cell), not a \(Value.self)")
        }
        return value
    }

    func integer(_ index: Int) -> Int64 { self[index] }
    func text(_ index: Int) -> String { self[index] }
    func isNull(_ index: Int) -> Bool { index >= values.count || values[index].isNull }

    subscript<Value: DatabaseValueConvertible>(_ column: String) -> Value {
        let cell = columns.index[column].map { values[$0] } ?? .null
        guard let value = Value.fromDatabaseValue(cell) else {
            fatalError("column '\(column)' of \(columns.names) holds \(cell), not a \(Value.self)")
        }
        return value
    }
}
