import Foundation
import GRDB
import HonsimCore

extension SQLCaseStore {
    /// Loads records in one transaction: everything or, on any error, nothing. Replacing
    /// clears the cases but never the audit log, which records the replacement itself.
    public func load(_ data: StoreData, replacingExisting: Bool) async throws {
        try await write { [self] db in
            try await authorizeAdmin(db, task: Phrase(ko: "자료 불러오기와 바꾸기", en: "load or replace the data"))
            try await db.lock(.store)
            let now = now()
            let existing = try await db.value("""
                SELECT (SELECT COUNT(*) FROM \(db.seen(.household))) + (SELECT COUNT(*) FROM \(db.seen(.volunteer)))
                     + (SELECT COUNT(*) FROM \(db.seen(.request)))
                """, as: Int.self) ?? 0
            if existing > 0 && !replacingExisting { throw StoreError.notEmpty(path: location) }
            try await db.bulkLoad {
                // The volunteers' loads follow the assignments down, through the database's own triggers.
                for table in ["escort_expense", "return_leg", "series_date", "series_change", "standing_series",
                              "contact_attempt", "vehicle_booking", "message_record", "assignment", "escort_request", "day_off", "availability_window", "volunteer", "household_eligibility", "household",
                              "dong_former_name", "dong"] {
                    try await db.execute("DELETE FROM \(table)")
                }
                try await db.insert(into: "dong", columns: ["code", "name", "gu", "renamed_year", "position"],
                                    rows: data.dongs.enumerated().map { position, dong in [dong.code, dong.name, dong.gu, dong.renamedYear, position] })
                try await db.insert(into: "dong_former_name", columns: ["name", "dong_code"],
                                    rows: data.dongs.flatMap { dong in dong.formerNames.map { [$0, dong.code] } })
                let stamp: [String: (any DatabaseValueConvertible)?] = ["updated_at": Stored.cell(now), "updated_by": user]
                try await db.insert(into: "household", data.households.map { $0.storedValues.merging(stamp) { $1 } })
                try await db.insert(into: "volunteer", data.volunteers.map { $0.storedValues.merging(stamp) { $1 } })
                try await insertSchedules(db, data.volunteers)
                // In time order, so the database's overlap check sees each volunteer's commitments as they were made.
                try await insertRequests(db, data.requests.sorted(by: { ($0.pickupAt, $0.id) < ($1.pickupAt, $1.id) }))
                try await insertDayBefore(db, attempts: data.attempts, bookings: data.bookings, messages: data.messages)
                try await insertCouncilSide(db, data, at: now)
                try await db.idsWritten()
                try await appendAudit(db, action: replacingExisting && existing > 0 ? "replace" : "load", entity: "store", id: location,
                                      dongCode: nil, before: nil,
                                      after: "{\"dongs\":\(data.dongs.count),\"households\":\(data.households.count),\"volunteers\":\(data.volunteers.count),\"requests\":\(data.requests.count)}",
                                      at: now)
            }
        }
    }

    /// Volunteers' windows and days off, inserted one way for loads, imports and saves.
    func insertSchedules(_ db: any StoreConnection, _ volunteers: [Volunteer]) async throws {
        try await db.insert(into: "availability_window", columns: ["volunteer_id", "weekday", "start_minute", "end_minute"],
                            rows: volunteers.flatMap { volunteer in
                                volunteer.availability.map { [volunteer.id, $0.weekday.rawValue, $0.start.minutes, $0.end.minutes] }
                            })
        try await db.insert(into: "day_off", columns: ["volunteer_id", "from_date", "to_date", "reason"],
                            rows: volunteers.flatMap { volunteer in
                                volunteer.daysOff.map { [volunteer.id, $0.from.description, $0.to.description, $0.reason] }
                            })
    }

    /// Requests as they are, with the assignment of each that holds a volunteer or ended with one.
    func insertRequests(_ db: any StoreConnection, _ requests: [EscortRequest]) async throws {
        let stored = requests.map { StoreRules.storedForm(of: $0) }
        try await db.insert(into: "escort_request", stored.map { $0.0.storedValues })
        try await db.insert(into: "assignment", stored.compactMap { request, state in
            state.flatMap { state in
                Assignment.storedValues(holding: request, state: state, minutes: request.completion?.actualMinutes ?? request.expectedMinutes,
                                        at: request.assignedAt ?? request.createdAt, by: request.updatedBy,
                                        endedAt: state == .active ? nil : request.updatedAt, calendar: calendar)
            }
        })
    }
}
