import Foundation
import GRDB
import HonsimCore

/// A period's requests by their households' eligibility categories, written once for both
/// backends: the statistics pane's "by category" view, `honsim report --by category` and the
/// monthly report's section all read it. One grouped query over the period's requests, by
/// household, joined to `household_eligibility`, with a group per set of categories (a few dozen
/// at most on a city's store); how the groups make the rows is HonsimCore's (`CategoryBreakdown`).
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
            // A category has no masked form, and figures over a short enough period and one dong
            // would tell a household's: a role counts by category only the households it sees in
            // full (an admin all, a coordinator their dongs', a viewer none), the others as not
            // recorded, on both stores (on PostgreSQL the table itself holds back the rest, migration 21).
            // A store opened read-only may predate the council's rules: then nothing is recorded.
            let access = try await fetchAccess(db)
            var readable = access.role == .admin || (access.role == .coordinator && !access.dongCodes.isEmpty)
            if readable { readable = try await db.tableExists("household_eligibility") }
            var ofTheirDongs = ""
            if access.role == .coordinator {
                ofTheirDongs = "AND h.household_id IN (SELECT id FROM \(db.seen(.household)) WHERE dong_code IN (\(SQLText.marks(access.dongCodes.count))))"
            }
            let categories = readable ? "COALESCE(e.categories, '')" : "''"
            let join = readable ? "LEFT JOIN household_eligibility AS e ON e.household_id = h.household_id \(ofTheirDongs)" : ""
            if readable && access.role == .coordinator { values += access.dongCodes.sorted().map { $0 } }
            // Each household's figures first, from the statistics' covering index (request_by_time:
            // hours are the completed escorts' actual minutes, as the per-dong figures count them),
            // then one look-up of its categories: fewer look-ups than requests, and households
            // counted by rows rather than by a DISTINCT over every request. GROUP BY 1: the categories
            // column, which PostgreSQL refuses to group by when it is the constant of an unreadable store.
            let rows = try await db.rows("""
                SELECT \(categories) AS categories, CAST(SUM(h.requests) AS BIGINT) AS requests,
                       CAST(SUM(h.completed) AS BIGINT) AS completed, CAST(SUM(h.no_shows) AS BIGINT) AS no_shows,
                       CAST(SUM(h.cancelled) AS BIGINT) AS cancelled, CAST(SUM(h.minutes) AS BIGINT) AS minutes,
                       COUNT(*) AS households
                FROM (SELECT r.household_id, COUNT(*) AS requests,
                             SUM(CASE WHEN r.status = 'completed' THEN 1 ELSE 0 END) AS completed,
                             SUM(CASE WHEN r.status = 'no_show' THEN 1 ELSE 0 END) AS no_shows,
                             SUM(CASE WHEN r.status = 'cancelled' THEN 1 ELSE 0 END) AS cancelled,
                             SUM(CASE WHEN r.status = 'completed' THEN COALESCE(r.actual_minutes, 0) ELSE 0 END) AS minutes
                      FROM \(db.seen(.request)) AS r \(db.indexHint("request_by_time"))
                      WHERE r.appointment_at >= ? AND r.appointment_at < ? \(inDongs)
                      GROUP BY r.household_id) AS h
                \(join)
                GROUP BY 1
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
