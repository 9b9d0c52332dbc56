import Foundation
import GRDB
import HonsimCore

extension SQLiteStore {
    /// Loads records in one transaction: everything or, on any error, nothing. Replacing
    /// clears the cases but never the audit log, which records the replacement itself.
    public func load(_ data: StoreData, replacingExisting: Bool) async throws {
        try await write { [self] db in
            try authorizeAdmin(db, task: Phrase(ko: "자료 불러오기와 바꾸기", en: "load or replace the data"))
            let now = now()
            let existing = try Int.fetchOne(db, sql: "SELECT (SELECT COUNT(*) FROM household) + (SELECT COUNT(*) FROM volunteer) + (SELECT COUNT(*) FROM escort_request)") ?? 0
            if existing > 0 && !replacingExisting { throw StoreError.notEmpty(path: location) }
            // A big load overflows SQLite's default 2 MB page cache within its one transaction.
            try db.execute(sql: "PRAGMA cache_size = -262144")
            defer { try? db.execute(sql: "PRAGMA cache_size = -2000") }
            for table in ["volunteer_load", "assignment", "escort_request", "day_off", "availability_window", "volunteer", "household", "dong_former_name", "dong"] {
                try db.execute(sql: "DELETE FROM \(table)")
            }
            for (position, dong) in data.dongs.enumerated() {
                try db.execute(sql: "INSERT INTO dong (code, name, gu, renamed_year, position) VALUES (?, ?, ?, ?, ?)",
                               arguments: [dong.code, dong.name, dong.gu, dong.renamedYear, position])
                for former in dong.formerNames {
                    try db.execute(sql: "INSERT INTO dong_former_name (name, dong_code) VALUES (?, ?)", arguments: [former, dong.code])
                }
            }
            let stamp: [String: (any DatabaseValueConvertible)?] = ["updated_at": Stored.seconds(now), "updated_by": user]
            for household in data.households {
                try db.insert(into: "household", household.storedValues.merging(stamp) { $1 })
            }
            for volunteer in data.volunteers {
                try insertVolunteer(db, volunteer, stamp: stamp)
            }
            // Ended requests first, then active ones in time order, so the overlap trigger sees
            // a volunteer's commitments as they were made.
            for request in data.requests.sorted(by: { ($0.pickupAt, $0.id) < ($1.pickupAt, $1.id) }) {
                try insertRequest(db, request)
            }
            try appendAudit(db, action: replacingExisting && existing > 0 ? "replace" : "load", entity: "store", id: location,
                            dongCode: nil, before: nil,
                            after: "{\"dongs\":\(data.dongs.count),\"households\":\(data.households.count),\"volunteers\":\(data.volunteers.count),\"requests\":\(data.requests.count)}",
                            at: now)
        }
    }

    func insertVolunteer(_ db: Database, _ volunteer: Volunteer, stamp: [String: (any DatabaseValueConvertible)?]) throws {
        try db.insert(into: "volunteer", volunteer.storedValues.merging(stamp) { $1 })
        try insertSchedule(db, volunteer)
    }

    /// Inserts a request with the assignment its status implies.
    func insertRequest(_ db: Database, _ request: EscortRequest) throws {
        let (request, state) = SQLiteStore.storedForm(of: request)
        try db.insert(into: "escort_request", request.storedValues)
        if let state {
            let minutes = request.completion?.actualMinutes ?? request.expectedMinutes
            try insertAssignment(db, request: request, state: state, minutes: minutes, at: request.assignedAt ?? request.createdAt,
                                 by: request.updatedBy, endedAt: state == .active ? nil : request.updatedAt)
        }
    }

    /// A request as stored, with the state of the assignment its status implies, if any.
    static func storedForm(of request: EscortRequest) -> (EscortRequest, Assignment.State?) {
        var request = request
        // A completed escort always records its minutes; the expected ones stand in when unknown.
        if request.status == .completed && request.completion == nil {
            request.completion = Completion(actualMinutes: request.expectedMinutes)
        }
        switch request.status {
        case .assigned, .confirmed, .inProgress: return (request, .active)
        case .completed: return (request, .completed)
        case .noShow: return (request, .noShow)
        case .pending, .cancelled: return (request, nil)
        }
    }
}
