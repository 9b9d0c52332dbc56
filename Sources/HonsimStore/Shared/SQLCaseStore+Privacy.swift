import Foundation
import GRDB
import HonsimCore

/// 개인정보 파기 and 개인정보 열람 기록, written once for both stores.
extension SQLCaseStore {
    public func purge(closedBefore: Date, dryRun: Bool) async throws -> PurgeOutcome {
        if closedBefore > now() {
            throw StoreError.purgeRefused(.futureDate(CivilDate(closedBefore, calendar: calendar)))
        }
        let task = Phrase(ko: "개인정보 파기", en: "purge personal data")
        if dryRun {
            return try await read { [self] db in
                let access = try await fetchAccess(db)
                if !access.canManageUsers { throw StoreError.access(.adminOnly(user: user, role: access.role, task: task)) }
                return try await purgeTargets(db, closedBefore: closedBefore).outcome(dryRun: true)
            }
        }
        return try await write { [self] db in
            try await authorizeAdmin(db, task: task)
            try await db.lock(.store)
            let targets = try await purgeTargets(db, closedBefore: closedBefore)
            let now = now()
            let stamp: [(any DatabaseValueConvertible)?] = [Stored.cell(now), user]
            try await SQLText.forEachChunk(of: targets.households) { marks, ids in
                try await db.execute("""
                    UPDATE household SET name = ?, phone = '', address = '', notes = '', family_name = '', family_relation = '', family_phone = '', purged_at = ?,
                           version = version + 1, updated_at = ?, updated_by = ? WHERE id IN (\(marks))
                    """, [Purged.name, Stored.cell(now)] + stamp + ids)
                // The requests keep their dong, times, status, volunteer and minutes: the statistics.
                try await db.execute("""
                    UPDATE escort_request SET pickup_place = '', notes = '', outcome = CASE WHEN outcome IS NULL THEN NULL ELSE '' END,
                           doctor_notes = NULL, version = version + 1, updated_at = ?, updated_by = ? WHERE household_id IN (\(marks))
                    """, stamp + ids)
            }
            // The audit log kept each record before and after every change: those copies go too,
            // and who did what and when stays. Views keep theirs (the access log), which hold no details.
            for (entity, ids) in [("household", targets.households), ("request", targets.requests)] {
                for chunk in SQLText.chunks(of: ids) {
                    try await db.execute("""
                        UPDATE audit SET before = CASE WHEN before IS NULL THEN NULL ELSE ? END,
                                         after = CASE WHEN after IS NULL THEN NULL ELSE ? END
                        WHERE entity = ? AND action <> 'view' AND entity_id IN (\(SQLText.marks(chunk.count)))
                        """, [Purged.auditText, Purged.auditText, entity] + chunk.map { String($0) })
                }
            }
            let outcome = targets.outcome(dryRun: false)
            try await appendAudit(db, action: "purge", entity: "household", id: "\(outcome.households) households", dongCode: nil,
                                  before: nil, after: """
                                  {"closed_before":"\(CivilDate(closedBefore, calendar: calendar))","households":\(outcome.households),\
                                  "requests":\(outcome.requests),"audit_entries":\(outcome.auditEntries)}
                                  """, at: now)
            return outcome
        }
    }

    private struct PurgeTargets {
        var households: [Int64]
        var requests: [Int64]
        var auditEntries: Int

        func outcome(dryRun: Bool) -> PurgeOutcome {
            PurgeOutcome(households: households.count, requests: requests.count, auditEntries: auditEntries, dryRun: dryRun)
        }
    }

    /// The households closed before the day and not purged yet, their requests and the audit
    /// entries that copied them; refused when one of those households has an open request.
    private func purgeTargets(_ db: any StoreConnection, closedBefore: Date) async throws -> PurgeTargets {
        let households = try await db.rows("""
            SELECT id FROM household WHERE closed = 1 AND purged_at IS NULL AND COALESCE(closed_at, updated_at) < ? ORDER BY id
            """, [Stored.cell(closedBefore)]).map { $0["id"] as Int64 }
        var requests: [Int64] = []
        var open: (id: Int64, count: Int)?
        try await SQLText.forEachChunk(of: households) { marks, ids in
            for row in try await db.rows("SELECT id, household_id, status FROM escort_request WHERE household_id IN (\(marks)) ORDER BY id", ids) {
                requests.append(row["id"])
                if RequestStatus(rawValue: row["status"] as String)?.isEnd == false {
                    let household: Int64 = row["household_id"]
                    if open == nil || open?.id == household { open = (household, (open?.count ?? 0) + 1) }
                }
            }
        }
        if let open { throw StoreError.purgeRefused(.openRequests(householdID: open.id, count: open.count)) }
        var auditEntries = 0
        for (entity, ids) in [("household", households), ("request", requests)] {
            for chunk in SQLText.chunks(of: ids) {
                auditEntries += try await db.value("""
                    SELECT COUNT(*) FROM audit WHERE entity = ? AND action <> 'view' AND (before IS NOT NULL OR after IS NOT NULL)
                    AND entity_id IN (\(SQLText.marks(chunk.count)))
                    """, [entity] + chunk.map { String($0) }, as: Int.self) ?? 0
            }
        }
        return PurgeTargets(households: households, requests: requests, auditEntries: auditEntries)
    }

    // MARK: The access log

    public func accessLog(_ query: AccessLogQuery) async throws -> [AccessLogEntry] {
        try await read { db in
            var conditions = ["action IN ('view', 'export')"]
            var arguments: [(any DatabaseValueConvertible)?] = []
            if let span = query.span {
                conditions.append("at >= ? AND at < ?")
                let start: Int64 = Stored.seconds(span.start), end: Int64 = Stored.seconds(span.end)
                arguments += [start, end]
            }
            if let user = query.user {
                conditions.append("\"user\" = ?")
                arguments.append(user)
            }
            let entries = try await db.rows("SELECT * FROM audit WHERE \(conditions.joined(separator: " AND ")) ORDER BY at, id", arguments)
                .compactMap { AccessLogEntry(AuditEntry(row: $0)) }
            guard let household = query.householdID else { return entries }
            return entries.filter { $0.householdIDs.contains(household) }
        }
    }
}

extension AccessLogEntry {
    /// An access-log entry from the audit entry that recorded it, or nil for any other entry.
    /// What the entry's JSON says: the source (`from`), the request, the households and rows.
    /// Entries written before the source was recorded read as the dashboard's (a view from a
    /// request's details), the command line's (any other view) or an export's.
    init?(_ entry: AuditEntry) {
        guard let kind = Kind(rawValue: entry.action) else { return nil }
        let details = entry.after.flatMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] } ?? [:]
        let requestID = (details["request"] as? NSNumber)?.int64Value
        let source = (details["from"] as? String).flatMap(AccessSource.init(rawValue:))
        switch kind {
        case .view:
            self.init(at: entry.at, user: entry.user, kind: kind, source: source ?? (requestID == nil ? .command : .dashboard),
                      entity: entry.entity, householdIDs: Int64(entry.entityID).map { [$0] } ?? [], rows: 1,
                      dongCode: entry.dongCode, requestID: requestID)
        case .export:
            let households = (details["households"] as? [NSNumber])?.map(\.int64Value) ?? []
            let rows = (details["rows"] as? NSNumber)?.intValue ?? households.count
            self.init(at: entry.at, user: entry.user, kind: kind, source: source ?? .export, entity: entry.entity,
                      householdIDs: households, rows: rows, dongCode: entry.dongCode, requestID: nil)
        }
    }
}
