import Foundation
import GRDB
import HonsimCore

/// The volunteers pane's summaries and the per-dong weekly counts: the same SQL on both stores
/// and the same folding of its rows, which each store only runs in its own way.
struct StoredQuery {
    let sql: String
    let arguments: [(any DatabaseValueConvertible)?]
}

enum VolunteerSummaryReads {
    /// Minutes this week and month, escorts this week, and the next seven days' escorts.
    static func queries(now: Date, calendar: Calendar) -> (loads: StoredQuery, escorts: StoredQuery, busy: StoredQuery) {
        let week = LoadPeriod.week(now, calendar: calendar), month = LoadPeriod.month(now, calendar: calendar)
        let range = StatisticsPeriod.thisWeek(now: now, calendar: calendar).range(calendar: calendar)
        let today = Stored.seconds(CivilDate(now, calendar: calendar).start(in: calendar))
        return (
            StoredQuery(sql: "SELECT volunteer_id, period, minutes FROM volunteer_load WHERE period IN (?, ?)", arguments: [week, month]),
            StoredQuery(sql: """
                SELECT volunteer_id, COUNT(*) AS n FROM assignment
                WHERE starts_at >= ? AND starts_at < ? AND state IN ('active', 'completed') GROUP BY volunteer_id
                """, arguments: [Stored.seconds(range.start), Stored.seconds(range.end)]),
            StoredQuery(sql: """
                SELECT volunteer_id, starts_at, ends_at FROM assignment
                WHERE state = 'active' AND starts_at >= ? AND starts_at < ? ORDER BY starts_at
                """, arguments: [today, today + 7 * 86_400]))
    }

    /// Folds the three queries' rows into summaries as they arrive: a city's week is tens of
    /// thousands of rows, and holding them all before folding doubled what a reload needs. Each
    /// row is read by position, in the order its query above names the columns: looking a
    /// column up by its name, cell by cell, cost PostgreSQL's driver more than the query.
    struct Folding {
        private let week: String
        private(set) var summaries: [Int64: VolunteerSummary] = [:]

        init(now: Date, calendar: Calendar) { week = LoadPeriod.week(now, calendar: calendar) }

        /// volunteer_id, period, minutes.
        mutating func addLoad(_ row: some StoredRow) { addLoad(volunteer: row.integer(0), period: row.text(1), minutes: row.integer(2)) }

        mutating func addLoad(volunteer: Int64, period: String, minutes: Int64) {
            if period == week { summaries[volunteer, default: VolunteerSummary()].minutesThisWeek = Int(minutes) } else {
                summaries[volunteer, default: VolunteerSummary()].minutesThisMonth = Int(minutes)
            }
        }

        /// volunteer_id, n.
        mutating func addEscorts(_ row: some StoredRow) { addEscorts(volunteer: row.integer(0), count: row.integer(1)) }

        mutating func addEscorts(volunteer: Int64, count: Int64) {
            summaries[volunteer, default: VolunteerSummary()].assignmentsThisWeek = Int(count)
        }

        /// volunteer_id, starts_at, ends_at.
        mutating func addBusy(_ row: some StoredRow) { addBusy(volunteer: row.integer(0), start: row.integer(1), end: row.integer(2)) }

        mutating func addBusy(volunteer: Int64, start: Int64, end: Int64) {
            summaries[volunteer, default: VolunteerSummary()].busy.append(TimeSpan(start: Stored.date(start), end: Stored.date(end)))
        }
    }

    /// Requests per dong in each of the last `weeks` weeks, this one last, read from `requests`:
    /// the requests as the role sees them (`StoreConnection.seen`), with SQLite's `INDEXED BY`.
    static func weeklyCountsQuery(weeks: Int, now: Date, calendar: Calendar, requests: String) -> StoredQuery {
        let thisWeek = StatisticsPeriod.thisWeek(now: now, calendar: calendar).range(calendar: calendar)
        let start = Stored.seconds(thisWeek.start) - Int64(weeks - 1) * 7 * 86_400
        return StoredQuery(sql: """
            SELECT dong_code, (appointment_at - ?) / 604800 AS week, COUNT(*) AS n FROM \(requests)
            WHERE appointment_at >= ? AND appointment_at < ? GROUP BY dong_code, week
            """, arguments: [start, start, Stored.seconds(thisWeek.end)])
    }

    static func weeklyCounts(_ rows: [StoredCells], weeks: Int) -> [String: [Int]] {
        var counts: [String: [Int]] = [:]
        for row in rows {
            let week: Int = row["week"]
            guard week >= 0, week < weeks else { continue }
            counts[row["dong_code"], default: Array(repeating: 0, count: weeks)][week] = row["n"]
        }
        return counts
    }
}
