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
            var summaries: [Int64: VolunteerSummary] = [:]
            let week = LoadPeriod.week(now, calendar: calendar), month = LoadPeriod.month(now, calendar: calendar)
            for row in try Row.fetchAll(db, sql: "SELECT volunteer_id, period, minutes FROM volunteer_load WHERE period IN (?, ?)",
                                        arguments: [week, month]) {
                let id: Int64 = row["volunteer_id"], minutes: Int = row["minutes"]
                if (row["period"] as String) == week { summaries[id, default: VolunteerSummary()].minutesThisWeek = minutes } else {
                    summaries[id, default: VolunteerSummary()].minutesThisMonth = minutes
                }
            }
            let range = StatisticsPeriod.thisWeek(now: now, calendar: calendar).range(calendar: calendar)
            for row in try Row.fetchAll(db, sql: """
                SELECT volunteer_id, COUNT(*) AS n FROM assignment
                WHERE starts_at >= ? AND starts_at < ? AND state IN ('active', 'completed') GROUP BY volunteer_id
                """, arguments: [Stored.seconds(range.start), Stored.seconds(range.end)]) {
                summaries[row["volunteer_id"], default: VolunteerSummary()].assignmentsThisWeek = row["n"]
            }
            let today = CivilDate(now, calendar: calendar).start(in: calendar)
            for row in try Row.fetchAll(db, sql: """
                SELECT volunteer_id, starts_at, ends_at FROM assignment
                WHERE state = 'active' AND starts_at >= ? AND starts_at < ? ORDER BY starts_at
                """, arguments: [Stored.seconds(today), Stored.seconds(today) + 7 * 86_400]) {
                summaries[row["volunteer_id"], default: VolunteerSummary()].busy.append(
                    TimeSpan(start: Stored.date(row["starts_at"] as Int64), end: Stored.date(row["ends_at"] as Int64)))
            }
            return summaries
        }
    }

    public func weeklyRequestCounts(weeks: Int, now: Date) async throws -> [String: [Int]] {
        try await read { [self] db in
            let thisWeek = StatisticsPeriod.thisWeek(now: now, calendar: calendar).range(calendar: calendar)
            let start = Stored.seconds(thisWeek.start) - Int64(weeks - 1) * 7 * 86_400
            var counts: [String: [Int]] = [:]
            for row in try Row.fetchAll(db, sql: """
                SELECT dong_code, (appointment_at - ?) / 604800 AS week, COUNT(*) AS n
                FROM escort_request INDEXED BY request_by_time
                WHERE appointment_at >= ? AND appointment_at < ?
                GROUP BY dong_code, week
                """, arguments: [start, start, Stored.seconds(thisWeek.end)]) {
                let week: Int = row["week"]
                guard week >= 0, week < weeks else { continue }
                counts[row["dong_code"], default: Array(repeating: 0, count: weeks)][week] = row["n"]
            }
            return counts
        }
    }
}
