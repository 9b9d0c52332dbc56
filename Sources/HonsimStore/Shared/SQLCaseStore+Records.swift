import Foundation
import GRDB
import HonsimCore

/// Keeping households and volunteers up to date: one transaction per save, checked against
/// the person's role and dongs, the row's version and likely duplicates, and audited with the
/// record before and after. The record's lock is taken before it is read (a volunteer's is the
/// one an assign takes), so two saves of one record queue and the second is told the first
/// changed it. Closing sets a flag; nothing of a record's history is deleted.
extension SQLCaseStore {
    @discardableResult
    public func saveHousehold(_ household: Household, eligibility: HouseholdEligibility?, expectedVersion: Int?,
                              allowDuplicate: Bool) async throws -> Household {
        try await write { [self] db in
            let now = now()
            let dongs = try await cachedDongs(db)
            var before: Household?
            if household.id != 0 {
                try await db.lock(.household(household.id))
                before = try await SQLCaseStore.fetchHousehold(db, id: household.id)
            }
            let label = household.id == 0 ? Phrase(ko: "대상자를 등록할", en: "add a household")
                : Phrase(ko: "대상자 \(household.id)번을 바꿀", en: "change household \(household.id)")
            try await checkSave(db, table: "household", id: household.id, from: before.map { ($0.dongCode, $0.version) },
                                to: household.dongCode, expectedVersion: expectedVersion, act: label, validate: {
                try StoreRules.refuse(Validation.household(household, dongs: dongs, currentYear: CivilDate(now, calendar: calendar).year),
                                      entity: "household", id: household.id)
            }) {
                guard !allowDuplicate && !household.closed, let twin = try await likelyTwin(db, of: household) else { return nil }
                return (twin.id, twin.name)
            }
            if household.closed && before?.closed != true {
                let open = try await db.value("""
                    SELECT COUNT(*) FROM \(db.seen(.request)) WHERE household_id = ? AND status IN ('pending', 'assigned', 'confirmed', 'in_progress')
                    """, [household.id], as: Int.self) ?? 0
                if open > 0 { throw StoreError.openRequests(householdID: household.id, count: open) }
            }
            var after = household
            after.version = (before?.version ?? 0) + 1
            var values = after.storedValues.merging(["updated_at": Stored.cell(now), "updated_by": user]) { $1 }
            // The day retention is reckoned from (개인정보 파기): set on closing, gone on reopening.
            if after.closed != (before?.closed ?? false) {
                let closedAt: (any DatabaseValueConvertible)? = after.closed ? Stored.cell(now) : nil
                values.updateValue(closedAt, forKey: "closed_at")
            }
            if let before {
                try await db.update("household", id: before.id, values)
                // A household that moves takes its open requests to the new dong's coordinators.
                if before.dongCode != after.dongCode {
                    try await db.execute("""
                        UPDATE escort_request SET dong_code = ? WHERE household_id = ? AND status IN ('pending', 'assigned', 'confirmed', 'in_progress')
                        """, [after.dongCode, after.id])
                }
            } else {
                after.id = try await db.insertReturningID(into: "household", values)
            }
            try await appendAudit(db, action: StoreRules.recordAction(before: before?.closed, after: after.closed), entity: "household",
                                  id: String(after.id), dongCode: after.dongCode, before: AuditJSON.encode(before), after: AuditJSON.encode(after), at: now)
            // The form's categories and services elsewhere, in the same transaction: a household
            // is never saved with one half of what the coordinator typed.
            if let eligibility {
                try await writeEligibility(db, householdID: after.id, dongCode: after.dongCode, eligibility)
            }
            return after
        }
    }

    @discardableResult
    public func saveVolunteer(_ volunteer: Volunteer, expectedVersion: Int?, allowDuplicate: Bool) async throws -> VolunteerSaved {
        try await write { [self] db in
            let now = now()
            let dongs = try await cachedDongs(db)
            var before: Volunteer?
            if volunteer.id != 0 {
                // Held escorts are read under the volunteer's lock: no assign slips in between.
                try await db.lock(.volunteer(volunteer.id))
                before = try await SQLCaseStore.fetchVolunteer(db, id: volunteer.id)
            }
            let label = volunteer.id == 0 ? Phrase(ko: "봉사자를 등록할", en: "add a volunteer")
                : Phrase(ko: "봉사자 \(volunteer.id)번을 바꿀", en: "change volunteer \(volunteer.id)")
            try await checkSave(db, table: "volunteer", id: volunteer.id, from: before.map { ($0.dongCode, $0.version) },
                                to: volunteer.dongCode, expectedVersion: expectedVersion, act: label, validate: {
                try StoreRules.refuse(Validation.volunteer(volunteer, dongs: dongs), entity: "volunteer", id: volunteer.id)
            }) {
                guard !allowDuplicate && !volunteer.closed, let twin = try await likelyTwin(db, of: volunteer) else { return nil }
                return (twin.id, twin.name)
            }
            var after = volunteer
            after.version = (before?.version ?? 0) + 1
            let values = after.storedValues.merging(["updated_at": Stored.cell(now), "updated_by": user]) { $1 }
            var dropOuts: [EscortRequest] = []
            if let before {
                try await db.update("volunteer", id: before.id, values)
                try await db.execute("DELETE FROM availability_window WHERE volunteer_id = ?", [before.id])
                try await db.execute("DELETE FROM day_off WHERE volunteer_id = ?", [before.id])
                try await insertSchedules(db, [after])
                dropOuts = DropOuts.collisions(before: before, after: after, held: try await heldEscorts(db, volunteerID: before.id, from: now),
                                               now: now, calendar: calendar)
            } else {
                after.id = try await db.insertReturningID(into: "volunteer", values)
                try await insertSchedules(db, [after])
            }
            try await appendAudit(db, action: StoreRules.recordAction(before: before?.closed, after: after.closed), entity: "volunteer",
                                  id: String(after.id), dongCode: after.dongCode, before: AuditJSON.encode(before), after: AuditJSON.encode(after), at: now)
            return VolunteerSaved(volunteer: after, dropOuts: dropOuts)
        }
    }

    @discardableResult
    public func releaseDropOuts(volunteerID: Int64, requestIDs: [Int64], reason: String) async throws -> [EscortRequest] {
        try await write { [self] db in
            let volunteer = try await SQLCaseStore.fetchVolunteer(db, id: volunteerID)
            try await authorize(db, dongCode: volunteer.dongCode,
                                act: Phrase(ko: "봉사자 \(volunteerID)번의 동행을 해제할", en: "release the escorts of volunteer \(volunteerID)"))
            var released: [EscortRequest] = []
            for id in requestIDs {
                let request = try await lockedRequest(db, id: id)
                // Released or reassigned meanwhile: no longer this volunteer's to give back.
                guard request.volunteerID == volunteerID, Lifecycle.actions(from: request.status).contains(.release) else { continue }
                released.append(try await applyLifecycle(db, .release, requestID: id, details: ActionDetails(reason: reason),
                                                         expectedVersion: nil, checkAccess: false))
            }
            return released
        }
    }

    public func householdRecord(id: Int64, reveal: Reveal) async throws -> HouseholdRecord {
        // A read-only session cannot write the access log, and so never sees a household in full.
        guard case .full(let requestID, let source) = reveal, !readOnly else {
            return try await read { [self] db in try await readHouseholdRecord(db, id: id).masked() }
        }
        return try await write { [self] db in
            let record = try await readHouseholdRecord(db, id: id)
            let dongCode = record.household.dongCode
            guard try await fetchAccess(db).seesFullDetails(dongCode: dongCode) else { return record.masked() }
            try await appendAudit(db, action: "view", entity: "household", id: String(id), dongCode: dongCode,
                                  before: nil, after: "{\"from\":\"\(source.rawValue)\"" + (requestID.map { ",\"request\":\($0)" } ?? "") + "}",
                                  at: now())
            return record
        }
    }

    private func readHouseholdRecord(_ db: any StoreConnection, id: Int64) async throws -> HouseholdRecord {
        let household = try await SQLCaseStore.fetchHousehold(db, id: id)
        let requests = try await db.rows("SELECT * FROM \(db.seen(.request)) WHERE household_id = ? ORDER BY appointment_at, id", [id])
            .map { EscortRequest(row: $0) }
        let volunteers = try await cachedVolunteers(db)
        var names: [Int64: String] = [:]
        for volunteerID in Set(requests.compactMap(\.volunteerID)) {
            names[volunteerID] = StoreRules.volunteer(withID: volunteerID, in: volunteers)?.name
        }
        var record = HouseholdRecord(household: household, requests: requests, volunteerNames: names,
                                     attempts: try await SQLCaseStore.fetchAttempts(db, requestIDs: Set(requests.map(\.id))))
        record.standing = try await readStanding(db, of: household)
        return record
    }

    public func volunteerRecord(id: Int64) async throws -> VolunteerRecord {
        try await read { db in
            let volunteer = try await SQLCaseStore.fetchVolunteer(db, id: id)
            let escorts = try await db.rows("""
                SELECT * FROM \(db.seen(.request)) WHERE id IN (
                    SELECT request_id FROM assignment WHERE volunteer_id = ? AND state IN ('active', 'completed', 'no_show'))
                ORDER BY appointment_at, id
                """, [id]).map { EscortRequest(row: $0) }
            let households = try await SQLCaseStore.fetchHouseholds(db, ids: Set(escorts.map(\.householdID)))
            let months = try await db.rows("""
                SELECT month_key, COUNT(*) AS escorts, CAST(SUM(minutes) AS BIGINT) AS minutes FROM assignment WHERE volunteer_id = ? AND state = 'completed'
                GROUP BY month_key ORDER BY month_key
                """, [id]).map { row in
                    MonthHours(month: String((row["month_key"] as String).dropFirst()), escorts: row["escorts"], minutes: row["minutes"])
                }
            return VolunteerRecord(volunteer: volunteer, escorts: escorts, households: households, months: months)
        }
    }

    public func volunteerHours(year: Int, month: Int) async throws -> [VolunteerHours] {
        try await read { [self] db in
            let volunteers = try await cachedVolunteers(db)
            var byVolunteer: [Int64: [VolunteerHours.Escort]] = [:]
            let rows = try await db.rows("""
                SELECT a.volunteer_id, a.request_id, a.starts_at, a.minutes, r.dong_code, r.hospital
                FROM assignment AS a JOIN \(db.seen(.request)) AS r ON r.id = a.request_id
                WHERE a.state = 'completed' AND a.month_key = ? ORDER BY a.starts_at, a.request_id
                """, [String(format: "M%04d-%02d", year, month)])
            for row in rows {
                byVolunteer[row["volunteer_id"], default: []].append(VolunteerHours.Escort(
                    requestID: row["request_id"], start: Stored.date(row["starts_at"] as Int64), minutes: row["minutes"],
                    dongCode: row["dong_code"], hospital: row["hospital"]))
            }
            return byVolunteer.map { id, escorts in
                let volunteer = StoreRules.volunteer(withID: id, in: volunteers)
                return VolunteerHours(volunteerID: id, name: volunteer?.name ?? "#\(id)", dongCode: volunteer?.dongCode ?? "", escorts: escorts)
            }.sorted { $0.name == $1.name ? $0.volunteerID < $1.volunteerID : $0.name.utf8.lexicographicallyPrecedes($1.name.utf8) }
        }
    }

    // MARK: Helpers

    /// What every save of a record checks, in order: that this person may change it, in the
    /// dong it leaves and the one it goes to; that it is sound (`validate`: after access, so that
    /// someone shown a record masked is told they may not change it, not that its masked phone
    /// is no phone); that nobody changed it since the form read it;
    /// and, once an import under way has been waited for (so its rows are seen), that it is
    /// not a likely twin of another record (`twin` finds one, unless the save allows it).
    private func checkSave(_ db: any StoreConnection, table: String, id: Int64, from before: (dong: String, version: Int)?, to dongCode: String,
                           expectedVersion: Int?, act: Phrase, validate: () throws -> Void,
                           twin: () async throws -> (id: Int64, name: String)?) async throws {
        try await authorize(db, dongCode: before?.dong ?? dongCode, act: act)
        if let before, before.dong != dongCode { try await authorize(db, dongCode: dongCode, act: act) }
        try validate()
        if let before { try await checkRecordVersion(db, table: table, id: id, current: before.version, expected: expectedVersion) }
        try await db.lock(.savingInto(table))
        if let found = try await twin() { throw StoreError.likelyDuplicate(entity: table, existingID: found.id, name: found.name) }
    }

    /// Optimistic versions for records: a form that read `expected` may not overwrite a newer row.
    func checkRecordVersion(_ db: any StoreConnection, table: String, id: Int64, current: Int, expected: Int?) async throws {
        guard let expected, expected != current else { return }
        let row = try await db.one("SELECT updated_by, updated_at FROM \(table) WHERE id = ?", [id])
        throw StoreError.staleRecord(entity: table, id: id, changedBy: row?["updated_by"] ?? "?",
                                     changedAt: Stored.date(row?["updated_at"] ?? 0))
    }

    func heldEscorts(_ db: any StoreConnection, volunteerID: Int64, from now: Date) async throws -> [EscortRequest] {
        try await db.rows("""
            SELECT * FROM \(db.seen(.request)) WHERE volunteer_id = ? AND status IN ('assigned', 'confirmed') AND pickup_at >= ?
            ORDER BY pickup_at, id
            """, [volunteerID, Stored.cell(now)]).map { EscortRequest(row: $0) }
    }

    /// Another open household with the same name (spaces aside), birth year and dong.
    func likelyTwin(_ db: any StoreConnection, of household: Household) async throws -> Household? {
        let identity = ImportIdentity.Household(name: household.name, birthYear: household.birthYear, dongCode: household.dongCode)
        return try await db.rows("SELECT * FROM \(db.seen(.household)) WHERE birth_year = ? AND dong_code = ? AND closed = 0 AND id != ? ORDER BY id",
                                 [household.birthYear, household.dongCode, household.id]).map { Household(row: $0) }
            .first { ImportIdentity.Household(name: $0.name, birthYear: $0.birthYear, dongCode: $0.dongCode) == identity }
    }

    /// Another open volunteer with the same name and phone; a volunteer with no phone has no twin.
    func likelyTwin(_ db: any StoreConnection, of volunteer: Volunteer) async throws -> Volunteer? {
        let identity = ImportIdentity.Volunteer(name: volunteer.name, phone: volunteer.phone)
        guard !identity.phone.isEmpty else { return nil }
        return try await cachedVolunteers(db).first {
            !$0.closed && $0.id != volunteer.id && ImportIdentity.Volunteer(name: $0.name, phone: $0.phone) == identity
        }
    }
}
