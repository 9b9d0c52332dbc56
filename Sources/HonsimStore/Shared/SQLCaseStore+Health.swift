import Foundation
import GRDB
import HonsimCore

extension SQLCaseStore {
    /// Verifies every invariant against the stored rows, independently of the write path. The
    /// database enforces most of them itself; this finds rows written before a constraint
    /// existed, or by someone who disabled one.
    public func checkInvariants() async throws -> [InvariantViolation] {
        try await read { [self] db in
            var found = try await db.storageProblems()
            for row in try await db.rows("""
                SELECT request_id, COUNT(*) AS n FROM assignment WHERE state = 'active' GROUP BY request_id HAVING COUNT(*) > 1
                """) {
                found.append(InvariantViolation(rule: "one active assignment", detail: "request \(row["request_id"] as Int64) has \(row["n"] as Int)"))
            }
            for row in try await db.rows("""
                SELECT r.id, r.status, r.volunteer_id, a.volunteer_id AS assigned FROM \(db.seen(.request)) AS r
                LEFT JOIN assignment AS a ON a.request_id = r.id AND a.state = 'active'
                WHERE (r.status IN ('assigned', 'confirmed', 'in_progress')) <> (a.id IS NOT NULL)
                   OR (a.id IS NOT NULL AND COALESCE(a.volunteer_id, 0) <> COALESCE(r.volunteer_id, 0))
                """) {
                found.append(InvariantViolation(rule: "status matches assignment",
                                                detail: "request \(row["id"] as Int64) is \(row["status"] as String) with volunteer \(row["volunteer_id"] as Int64? ?? 0), active assignment to \(row["assigned"] as Int64? ?? 0)"))
            }
            for row in try await db.rows("SELECT id, status FROM \(db.seen(.request)) WHERE (status IN ('pending', 'cancelled')) <> (volunteer_id IS NULL)") {
                found.append(InvariantViolation(rule: "lifecycle", detail: "request \(row["id"] as Int64) is \(row["status"] as String) but its volunteer says otherwise"))
            }
            for row in try await db.rows("""
                SELECT volunteer_id, request_id, previous_request FROM (
                    SELECT volunteer_id, request_id, starts_at,
                           LAG(ends_at) OVER (PARTITION BY volunteer_id ORDER BY starts_at) AS previous_end,
                           LAG(request_id) OVER (PARTITION BY volunteer_id ORDER BY starts_at) AS previous_request
                    FROM assignment WHERE state = 'active') AS ordered
                WHERE previous_end IS NOT NULL AND previous_end + ? > starts_at
                """, [Int64(rules.travelBuffer)]) {
                found.append(InvariantViolation(rule: "no overlap",
                                                detail: "volunteer \(row["volunteer_id"] as Int64): requests \(row["previous_request"] as Int64) and \(row["request_id"] as Int64) are closer than the travel buffer"))
            }
            for row in try await db.rows("""
                WITH expected AS (
                    SELECT volunteer_id, period, CAST(SUM(minutes) AS BIGINT) AS minutes FROM (
                        SELECT volunteer_id, week_key AS period, minutes FROM assignment WHERE state IN ('active', 'completed')
                        UNION ALL
                        SELECT volunteer_id, month_key, minutes FROM assignment WHERE state IN ('active', 'completed')) AS spans
                    GROUP BY volunteer_id, period)
                SELECT COALESCE(e.volunteer_id, l.volunteer_id) AS volunteer_id, COALESCE(e.period, l.period) AS period,
                       COALESCE(e.minutes, 0) AS expected, COALESCE(l.minutes, 0) AS kept
                FROM expected AS e FULL OUTER JOIN volunteer_load AS l ON l.volunteer_id = e.volunteer_id AND l.period = e.period
                WHERE COALESCE(e.minutes, 0) <> COALESCE(l.minutes, 0)
                """) {
                found.append(InvariantViolation(rule: "volunteer load",
                                                detail: "volunteer \(row["volunteer_id"] as Int64) \(row["period"] as String): kept \(row["kept"] as Int) min, assignments add up to \(row["expected"] as Int)"))
            }
            found += try await seriesViolations(db)
            found += try await keptFigureViolations(db)
            found += try await keptPoolViolations(db)
            return found
        }
    }

    public func schemaVersion() async throws -> SchemaVersion {
        let pending = Set(try await engine.pendingMigrations().map(\.id))
        let made = Schema.migrations.filter { !pending.contains($0.id) }
        return SchemaVersion(applied: made.count, known: Schema.migrations.count, latest: made.last?.id)
    }
}
