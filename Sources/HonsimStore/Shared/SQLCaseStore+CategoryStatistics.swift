import Foundation
import GRDB
import HonsimCore

/// A period's requests by their households' eligibility categories, written once for both
/// backends: the statistics pane's "by category" view, `honsim report --by category` and the
/// monthly report's section all read it. One grouped query over the period's requests joined to
/// `household_eligibility`, with a group per set of categories (a few dozen at most on a city's
/// store); how the groups make the rows is HonsimCore's (`CategoryBreakdown`).
extension SQLCaseStore {
    public func categoryStatistics(for period: StatisticsPeriod, dongCodes: Set<String>?) async throws -> CategoryBreakdown {
        if let dongCodes, dongCodes.isEmpty { return CategoryBreakdown(groups: []) }
        return try await read { [self] db in
            let range = period.range(calendar: calendar)
            var values: [(any DatabaseValueConvertible)?] = [Stored.cell(range.start), Stored.cell(range.end)]
            var inDongs = ""
            if let dongCodes {
                inDongs = "AND r.dong_code IN (\(SQLText.marks(dongCodes.count)))"
                values += dongCodes.sorted().map { $0 }
            }
            // A store opened read-only may predate the council's rules: then nothing is recorded.
            let recorded = try await db.tableExists("household_eligibility")
            let categories = recorded ? "COALESCE(e.categories, '')" : "''"
            let join = recorded ? "LEFT JOIN household_eligibility AS e ON e.household_id = r.household_id" : ""
            // The columns read are those the statistics' covering index holds (request_by_time):
            // hours are the completed escorts' actual minutes, as the per-dong figures count them.
            let rows = try await db.rows("""
                SELECT \(categories) AS categories, COUNT(*) AS requests,
                       CAST(SUM(CASE WHEN r.status = 'completed' THEN 1 ELSE 0 END) AS BIGINT) AS completed,
                       CAST(SUM(CASE WHEN r.status = 'no_show' THEN 1 ELSE 0 END) AS BIGINT) AS no_shows,
                       CAST(SUM(CASE WHEN r.status = 'cancelled' THEN 1 ELSE 0 END) AS BIGINT) AS cancelled,
                       CAST(SUM(CASE WHEN r.status = 'completed' THEN COALESCE(r.actual_minutes, 0) ELSE 0 END) AS BIGINT) AS minutes,
                       COUNT(DISTINCT r.household_id) AS households
                FROM \(db.seen(.request)) AS r \(db.indexHint("request_by_time"))
                \(join)
                WHERE r.appointment_at >= ? AND r.appointment_at < ? \(inDongs)
                GROUP BY \(categories)
                """, values)
            return CategoryBreakdown(groups: rows.map { row in
                let words: String = row["categories"]
                return CategoryGroup(
                    categories: (try? HouseholdEligibility.parse(words, as: EligibilityCategory.init(word:)).get()) ?? [],
                    requests: row["requests"], completed: row["completed"], noShows: row["no_shows"], cancelled: row["cancelled"],
                    minutes: row["minutes"], households: row["households"])
            })
        }
    }
}
