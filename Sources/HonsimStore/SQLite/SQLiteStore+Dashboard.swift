import Foundation
import GRDB
import HonsimCore

/// The reads behind the dashboard's panes.
extension SQLiteStore {
    public func households(ids: Set<Int64>) async throws -> [Int64: Household] {
        guard !ids.isEmpty else { return [:] }
        return try await read { db in try SQLiteStore.fetchHouseholds(db, ids: ids) }
    }

    static func fetchHouseholds(_ db: Database, ids: Set<Int64>) throws -> [Int64: Household] {
        var found: [Int64: Household] = [:]
        try forEachChunk(of: ids) { marks, chunk in
            for row in try Row.fetchAll(db, sql: "SELECT * FROM household WHERE id IN (\(marks))", arguments: chunk) {
                let household = Household(row: row)
                found[household.id] = household
            }
        }
        return found
    }

    /// Runs `body` on the ids in chunks of 500, with the chunk's `?, ?, …` and its arguments:
    /// SQLite limits the number of parameters in one statement.
    static func forEachChunk(of ids: Set<Int64>, _ body: (String, StatementArguments) throws -> Void) rethrows {
        let sorted = ids.sorted()
        for start in stride(from: 0, to: sorted.count, by: 500) {
            let chunk = Array(sorted[start..<min(start + 500, sorted.count)])
            try body(chunk.map { _ in "?" }.joined(separator: ","), StatementArguments(chunk))
        }
    }

    public func openRequests(until: Date, limit: Int) async throws -> [EscortRequest] {
        try await read { db in
            try Row.fetchAll(db, sql: """
                SELECT * FROM escort_request INDEXED BY request_by_status_time
                WHERE status IN ('pending', 'assigned', 'confirmed', 'in_progress') AND appointment_at < ?
                ORDER BY appointment_at, id LIMIT ?
                """, arguments: [Stored.seconds(until), limit]).map(EscortRequest.init(row:))
        }
    }

    public func volunteerSummaries(now: Date) async throws -> [Int64: VolunteerSummary] {
        try await read { [self] db in
            let queries = VolunteerSummaryReads.queries(now: now, calendar: calendar)
            var folding = VolunteerSummaryReads.Folding(now: now, calendar: calendar)
            try SQLiteStore.forEachRow(db, queries.loads) { folding.addLoad($0) }
            try SQLiteStore.forEachRow(db, queries.escorts) { folding.addEscorts($0) }
            try SQLiteStore.forEachRow(db, queries.busy) { folding.addBusy($0) }
            return folding.summaries
        }
    }

    public func weeklyRequestCounts(weeks: Int, now: Date) async throws -> [String: [Int]] {
        try await read { [self] db in
            let query = VolunteerSummaryReads.weeklyCountsQuery(weeks: weeks, now: now, calendar: calendar, indexHint: "INDEXED BY request_by_time")
            return VolunteerSummaryReads.weeklyCounts(try SQLiteStore.rows(db, query), weeks: weeks)
        }
    }

    static func rows(_ db: Database, _ query: StoredQuery) throws -> [Row] {
        try Row.fetchAll(db, sql: query.sql, arguments: StatementArguments(query.arguments))
    }

    /// Each row in turn, none kept: a cursor's row is only valid until the next.
    static func forEachRow(_ db: Database, _ query: StoredQuery, _ body: (Row) throws -> Void) throws {
        let rows = try Row.fetchCursor(db, sql: query.sql, arguments: StatementArguments(query.arguments))
        while let row = try rows.next() { try body(row) }
    }
}
