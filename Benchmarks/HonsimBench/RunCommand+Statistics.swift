import Foundation
import GRDB
import HonsimCore
import HonsimStore

extension RunCommand {
    /// The statistics pane for each period it offers, read from the kept figures; beside them,
    /// the same month folded from every request (what the pane read before the figures were
    /// kept) and, on SQLite, one `GROUP BY` of the month's counts, distinct volunteers and
    /// households in SQLite itself (no median, no gus): the floor a read of the rows can reach.
    func measureStatistics(_ opened: any CaseStore) async throws -> [Summary] {
        let now = Date()
        let calendar = opened.calendar
        let today = CivilDate(now, calendar: calendar)
        let month = StatisticsPeriod.month(year: today.year, month: today.month)
        let periods: [(String, StatisticsPeriod)] = [
            ("this week", .thisWeek(now: now, calendar: calendar)), ("this month", month),
            ("last month", month.previous(calendar: calendar)), ("this year", .year(today.year)),
        ]
        func describe(_ report: StatisticsReport) -> String { "\(report.city.requests) requests, \(report.byDong.count) dongs" }
        var results: [Summary] = []
        for (name, period) in periods {
            results.append(try await measure("statistics, \(name) \(period.label) (kept)", describe: describe) { _ in
                try await opened.statistics(for: period, now: now)
            })
        }
        if let store = opened as? SQLCaseStore {
            results.append(try await measure("statistics, this month \(month.label), folded from the rows", describe: describe) { _ in
                try await store.statisticsFromRows(for: month, now: now)
            })
        }
        if !PostgresURL.isPostgres(self.store) {
            let range = month.range(calendar: calendar)
            let database = try DatabaseQueue(path: self.store, configuration: {
                var configuration = Configuration()
                configuration.readonly = true
                return configuration
            }())
            let sql = """
                SELECT dong_code, COUNT(*), SUM(status = 'completed'), SUM(status = 'cancelled'), SUM(status = 'no_show'),
                       SUM(status = 'pending'), SUM(CASE WHEN status = 'completed' THEN actual_minutes ELSE 0 END),
                       COUNT(DISTINCT volunteer_id), COUNT(DISTINCT CASE WHEN status = 'completed' THEN household_id END)
                FROM escort_request WHERE appointment_at >= ? AND appointment_at < ? GROUP BY dong_code
                """
            let arguments: StatementArguments = [Int64(range.start.timeIntervalSince1970), Int64(range.end.timeIntervalSince1970)]
            results.append(try await measure("SQLite's own GROUP BY of this month (floor: no median, no gus)",
                                             describe: { (rows: Int) in "\(rows) dongs" }) { _ in
                try await database.read { db in try Row.fetchAll(db, sql: sql, arguments: arguments).count }
            })
        }
        return results
    }
}
