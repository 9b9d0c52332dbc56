import Foundation
import GRDB
import HonsimCore

/// Keeping households and volunteers up to date: one transaction per save, checked against
/// the person's role and dongs, the row's version and likely duplicates, and audited with
/// the record before and after. Closing sets a flag; nothing of a record's history is deleted.
extension SQLiteStore {
    @discardableResult
    public func saveHousehold(_ household: Household, expectedVersion: Int?, allowDuplicate: Bool) async throws -> Household {
        try await write { [self] db in
            let now = now()
            let issues = Validation.household(household, dongs: try cachedDongs(db), currentYear: CivilDate(now, calendar: calendar).year)
            try SQLiteStore.refuse(issues, entity: "household", id: household.id)
            let before: Household? = household.id == 0 ? nil : try SQLiteStore.fetchHousehold(db, id: household.id)
            let label = household.id == 0 ? Phrase(ko: "대상자를 등록할", en: "add a household")
                : Phrase(ko: "대상자 \(household.id)번을 바꿀", en: "change household \(household.id)")
            try authorize(db, dongCode: before?.dongCode ?? household.dongCode, act: label)
            // A move must be allowed in the dong it goes to as well as the one it leaves.
            if let before, before.dongCode != household.dongCode { try authorize(db, dongCode: household.dongCode, act: label) }
            if let before { try checkRecordVersion(db, table: "household", id: before.id, current: before.version, expected: expectedVersion) }
            if !allowDuplicate && !household.closed, let twin = try likelyTwin(db, of: household) {
                throw StoreError.likelyDuplicate(entity: "household", existingID: twin.id, name: twin.name)
            }
            if household.closed && before?.closed != true {
                let open = try Int.fetchOne(db, sql: """
                    SELECT COUNT(*) FROM escort_request WHERE household_id = ? AND status IN ('pending', 'assigned', 'confirmed', 'in_progress')
                    """, arguments: [household.id]) ?? 0
                if open > 0 { throw StoreError.openRequests(householdID: household.id, count: open) }
            }
            var after = household
            after.version = (before?.version ?? 0) + 1
            let stamp: [String: (any DatabaseValueConvertible)?] = ["updated_at": Stored.seconds(now), "updated_by": user]
            if let before {
                try SQLiteStore.update(db, table: "household", id: before.id, after.storedValues.merging(stamp) { $1 })
                // A household that moves takes its open requests to the new dong's coordinators.
                if before.dongCode != after.dongCode {
                    try db.execute(sql: """
                        UPDATE escort_request SET dong_code = ? WHERE household_id = ? AND status IN ('pending', 'assigned', 'confirmed', 'in_progress')
                        """, arguments: [after.dongCode, after.id])
                }
            } else {
                var values = after.storedValues.merging(stamp) { $1 }
                values.removeValue(forKey: "id")
                try db.insert(into: "household", values)
                after.id = db.lastInsertedRowID
            }
            try appendAudit(db, action: SQLiteStore.recordAction(before: before?.closed, after: after.closed), entity: "household",
                            id: String(after.id), dongCode: after.dongCode, before: AuditJSON.encode(before), after: AuditJSON.encode(after), at: now)
            return after
        }
    }

    @discardableResult
    public func saveVolunteer(_ volunteer: Volunteer, expectedVersion: Int?, allowDuplicate: Bool) async throws -> VolunteerSaved {
        try await write { [self] db in
            let now = now()
            try SQLiteStore.refuse(Validation.volunteer(volunteer, dongs: try cachedDongs(db)), entity: "volunteer", id: volunteer.id)
            let before: Volunteer? = volunteer.id == 0 ? nil : try SQLiteStore.fetchVolunteer(db, id: volunteer.id)
            let label = volunteer.id == 0 ? Phrase(ko: "봉사자를 등록할", en: "add a volunteer")
                : Phrase(ko: "봉사자 \(volunteer.id)번을 바꿀", en: "change volunteer \(volunteer.id)")
            try authorize(db, dongCode: before?.dongCode ?? volunteer.dongCode, act: label)
            // A move must be allowed in the dong it goes to as well as the one it leaves.
            if let before, before.dongCode != volunteer.dongCode { try authorize(db, dongCode: volunteer.dongCode, act: label) }
            if let before { try checkRecordVersion(db, table: "volunteer", id: before.id, current: before.version, expected: expectedVersion) }
            if !allowDuplicate && !volunteer.closed, let twin = try likelyTwin(db, of: volunteer) {
                throw StoreError.likelyDuplicate(entity: "volunteer", existingID: twin.id, name: twin.name)
            }
            var after = volunteer
            after.version = (before?.version ?? 0) + 1
            let stamp: [String: (any DatabaseValueConvertible)?] = ["updated_at": Stored.seconds(now), "updated_by": user]
            var dropOuts: [EscortRequest] = []
            if let before {
                try SQLiteStore.update(db, table: "volunteer", id: before.id, after.storedValues.merging(stamp) { $1 })
                try db.execute(sql: "DELETE FROM availability_window WHERE volunteer_id = ?", arguments: [before.id])
                try db.execute(sql: "DELETE FROM day_off WHERE volunteer_id = ?", arguments: [before.id])
                try insertSchedule(db, after)
                dropOuts = DropOuts.collisions(before: before, after: after, held: try heldEscorts(db, volunteerID: before.id, from: now),
                                               now: now, calendar: calendar)
            } else {
                var values = after.storedValues.merging(stamp) { $1 }
                values.removeValue(forKey: "id")
                try db.insert(into: "volunteer", values)
                after.id = db.lastInsertedRowID
                try insertSchedule(db, after)
            }
            try appendAudit(db, action: SQLiteStore.recordAction(before: before?.closed, after: after.closed), entity: "volunteer",
                            id: String(after.id), dongCode: after.dongCode, before: AuditJSON.encode(before), after: AuditJSON.encode(after), at: now)
            return VolunteerSaved(volunteer: after, dropOuts: dropOuts)
        }
    }

    @discardableResult
    public func releaseDropOuts(volunteerID: Int64, requestIDs: [Int64], reason: String) async throws -> [EscortRequest] {
        try await write { [self] db in
            let volunteer = try SQLiteStore.fetchVolunteer(db, id: volunteerID)
            try authorize(db, dongCode: volunteer.dongCode,
                          act: Phrase(ko: "봉사자 \(volunteerID)번의 동행을 해제할", en: "release the escorts of volunteer \(volunteerID)"))
            var released: [EscortRequest] = []
            for id in requestIDs {
                let request = try SQLiteStore.fetchRequest(db, id: id)
                // Released or reassigned meanwhile: no longer this volunteer's to give back.
                guard request.volunteerID == volunteerID, Lifecycle.actions(from: request.status).contains(.release) else { continue }
                released.append(try applyLifecycle(db, .release, requestID: id, details: ActionDetails(reason: reason),
                                                   expectedVersion: nil, checkAccess: false))
            }
            return released
        }
    }

    public func householdRecord(id: Int64) async throws -> HouseholdRecord {
        try await read { [self] db in
            let household = try SQLiteStore.fetchHousehold(db, id: id)
            let requests = try Row.fetchAll(db, sql: "SELECT * FROM escort_request WHERE household_id = ? ORDER BY appointment_at, id",
                                            arguments: [id]).map(EscortRequest.init(row:))
            let volunteers = try cachedVolunteers(db)
            var names: [Int64: String] = [:]
            for volunteerID in Set(requests.compactMap(\.volunteerID)) {
                names[volunteerID] = SQLiteStore.volunteer(withID: volunteerID, in: volunteers)?.name
            }
            return HouseholdRecord(household: household, requests: requests, volunteerNames: names)
        }
    }

    public func volunteerRecord(id: Int64) async throws -> VolunteerRecord {
        try await read { db in
            let volunteer = try SQLiteStore.fetchVolunteer(db, id: id)
            let escorts = try Row.fetchAll(db, sql: """
                SELECT * FROM escort_request WHERE id IN (
                    SELECT request_id FROM assignment WHERE volunteer_id = ? AND state IN ('active', 'completed', 'no_show'))
                ORDER BY appointment_at, id
                """, arguments: [id]).map(EscortRequest.init(row:))
            var households: [Int64: Household] = [:]
            for householdID in Set(escorts.map(\.householdID)) { households[householdID] = try SQLiteStore.fetchHousehold(db, id: householdID) }
            let months = try Row.fetchAll(db, sql: """
                SELECT month_key, COUNT(*), SUM(minutes) FROM assignment WHERE volunteer_id = ? AND state = 'completed'
                GROUP BY month_key ORDER BY month_key
                """, arguments: [id]).map { row in MonthHours(month: String((row[0] as String).dropFirst()), escorts: row[1], minutes: row[2]) }
            return VolunteerRecord(volunteer: volunteer, escorts: escorts, households: households, months: months)
        }
    }

    public func volunteerHours(year: Int, month: Int) async throws -> [VolunteerHours] {
        try await read { [self] db in
            let volunteers = try cachedVolunteers(db)
            var byVolunteer: [Int64: [VolunteerHours.Escort]] = [:]
            let rows = try Row.fetchAll(db, sql: """
                SELECT a.volunteer_id, a.request_id, a.starts_at, a.minutes, r.dong_code, r.hospital
                FROM assignment AS a JOIN escort_request AS r ON r.id = a.request_id
                WHERE a.state = 'completed' AND a.month_key = ? ORDER BY a.starts_at, a.request_id
                """, arguments: [String(format: "M%04d-%02d", year, month)])
            for row in rows {
                byVolunteer[row[0], default: []].append(VolunteerHours.Escort(
                    requestID: row[1], start: Stored.date(row[2] as Int64), minutes: row[3], dongCode: row[4], hospital: row[5]))
            }
            return byVolunteer.map { id, escorts in
                let volunteer = SQLiteStore.volunteer(withID: id, in: volunteers)
                return VolunteerHours(volunteerID: id, name: volunteer?.name ?? "#\(id)", dongCode: volunteer?.dongCode ?? "", escorts: escorts)
            }.sorted { $0.name == $1.name ? $0.volunteerID < $1.volunteerID : $0.name.utf8.lexicographicallyPrecedes($1.name.utf8) }
        }
    }

    // MARK: Helpers

    static func refuse(_ issues: [FieldIssue], entity: String, id: Int64) throws {
        guard !issues.isEmpty else { return }
        throw StoreError.invalidData(issues.map { DataIssue(file: entity, line: Int(id), field: $0.field, message: $0.message) })
    }

    static func recordAction(before: Bool?, after: Bool) -> String {
        switch (before, after) {
        case (nil, _): return "create"
        case (false?, true): return "close"
        case (true?, false): return "reopen"
        default: return "edit"
        }
    }

    /// Optimistic versions for records: a form that read `expected` may not overwrite a newer row.
    func checkRecordVersion(_ db: Database, table: String, id: Int64, current: Int, expected: Int?) throws {
        guard let expected, expected != current else { return }
        let row = try Row.fetchOne(db, sql: "SELECT updated_by, updated_at FROM \(table) WHERE id = ?", arguments: [id])
        throw StoreError.staleRecord(entity: table, id: id, changedBy: row?["updated_by"] ?? "?",
                                     changedAt: Stored.date(row?["updated_at"] ?? 0))
    }

    static func update(_ db: Database, table: String, id: Int64, _ values: [String: (any DatabaseValueConvertible)?]) throws {
        let columns = values.keys.filter { $0 != "id" }.sorted()
        try db.execute(sql: "UPDATE \(table) SET \(columns.map { "\($0) = ?" }.joined(separator: ", ")) WHERE id = ?",
                       arguments: StatementArguments(columns.map { (values[$0] ?? nil)?.databaseValue ?? .null } + [id.databaseValue]))
    }

    func insertSchedule(_ db: Database, _ volunteer: Volunteer) throws {
        for window in volunteer.availability.windows {
            try db.execute(sql: "INSERT INTO availability_window (volunteer_id, weekday, start_minute, end_minute) VALUES (?, ?, ?, ?)",
                           arguments: [volunteer.id, window.weekday.rawValue, window.start.minutes, window.end.minutes])
        }
        for off in volunteer.daysOff {
            try db.execute(sql: "INSERT INTO day_off (volunteer_id, from_date, to_date, reason) VALUES (?, ?, ?, ?)",
                           arguments: [volunteer.id, off.from.description, off.to.description, off.reason])
        }
    }

    func heldEscorts(_ db: Database, volunteerID: Int64, from now: Date) throws -> [EscortRequest] {
        try Row.fetchAll(db, sql: """
            SELECT * FROM escort_request WHERE volunteer_id = ? AND status IN ('assigned', 'confirmed') AND pickup_at >= ?
            ORDER BY pickup_at, id
            """, arguments: [volunteerID, Stored.seconds(now)]).map(EscortRequest.init(row:))
    }

    /// Another open household with the same name (spaces aside), birth year and dong.
    func likelyTwin(_ db: Database, of household: Household) throws -> Household? {
        let identity = ImportIdentity.Household(name: household.name, birthYear: household.birthYear, dongCode: household.dongCode)
        return try Row.fetchAll(db, sql: "SELECT * FROM household WHERE birth_year = ? AND dong_code = ? AND closed = 0 AND id != ?",
                                arguments: [household.birthYear, household.dongCode, household.id]).map(Household.init(row:))
            .first { ImportIdentity.Household(name: $0.name, birthYear: $0.birthYear, dongCode: $0.dongCode) == identity }
    }

    /// Another open volunteer with the same name and phone; a volunteer with no phone has no twin.
    func likelyTwin(_ db: Database, of volunteer: Volunteer) throws -> Volunteer? {
        let identity = ImportIdentity.Volunteer(name: volunteer.name, phone: volunteer.phone)
        guard !identity.phone.isEmpty else { return nil }
        return try cachedVolunteers(db).first {
            !$0.closed && $0.id != volunteer.id && ImportIdentity.Volunteer(name: $0.name, phone: $0.phone) == identity
        }
    }
}
