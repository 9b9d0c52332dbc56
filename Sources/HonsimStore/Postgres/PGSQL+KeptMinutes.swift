import Foundation
import HonsimCore
import PostgresNIO

/// Every volunteer's minutes per week and month, kept by a PostgreSQL store between rankings,
/// by pool index, with the revision of each slot they were read at (migration 24).
///
/// Why a revision read with the minutes rather than the change feed's notices: a notice
/// arrives on another connection some time after the commit, so a ranking asked for right
/// after another process's assign could still be answered from minutes that miss it. The
/// revisions move in the writer's own transaction, and every ranking reads them first: when
/// nothing changed (most rankings), 32 small numbers are all it reads. When an assign changed
/// one volunteer's week and month, a second statement reads the rows of that volunteer's slot
/// (a sixteenth of the city) for those two periods. Rows read after their revisions are as new
/// as those or newer, so minutes are never kept with a revision newer than they are, and a
/// ranking never ranks on minutes older than the last commit it could see. (One statement for
/// both took 1.3 ms of the server's time on the city's copy, most of a warm ranking's.)
///
/// Rankings only. The assign check reads the one volunteer's minutes itself, inside the
/// assign's transaction and under the volunteer's lock (`SQLCaseStore.assign`): nothing kept
/// here can reach it.
final class KeptMinutes: Sendable {
    struct Period: Sendable {
        /// Each slot's revision as last read.
        var revisions: [Int64]
        /// Minutes by pool index.
        var minutes: [Int32]
    }

    private struct State {
        /// The pool the minutes are indexed by, as its volunteers' ids.
        var ids: [Int64] = []
        var periods: [String: Period] = [:]
        /// Least recently used first.
        var used: [String] = []
    }

    private let state = Locked(State())

    /// A plan's window touches a few weeks and one or two months; a coordinator moving from
    /// request to request mostly stays in one or two of each.
    static let periodsKept = 8

    /// The kept periods among `periods`, if they were kept for this pool.
    func entries(_ periods: [String], ids: [Int64]) -> [String: Period] {
        state.withLock { state in
            guard state.ids == ids else { return [:] }
            return state.periods.filter { periods.contains($0.key) }
        }
    }

    /// Keeps what a read found; a newer pool replaces everything kept for the old one.
    func keep(_ periods: [String: Period], ids: [Int64]) {
        state.withLock { state in
            if state.ids != ids { state = State(ids: ids) }
            for (period, entry) in periods {
                state.periods[period] = entry
                state.used.removeAll { $0 == period }
                state.used.append(period)
            }
            while state.used.count > KeptMinutes.periodsKept {
                state.periods[state.used.removeFirst()] = nil
            }
        }
    }
}

extension PGSQL {
    /// Every volunteer's minutes in each of `periods` by pool index: kept minutes where their
    /// slot's revision is unchanged, the rows of the changed slots read again after them.
    func keptMinutes(_ periods: [String], pool: MatchPool, kept: KeptMinutes) async throws -> [String: [Int32]] {
        let slots = Schema.loadRevisionSlots
        let ids = pool.volunteerIDs
        var entries = kept.entries(periods, ids: ids)
        var revisions: [String: [Int64]] = [:]
        for try await (period, slotList, values) in try await stream("""
            SELECT period, array_agg(slot::bigint), array_agg(revision) FROM load_revision
            WHERE period = ANY (string_to_array(?, ',')) GROUP BY period
            """, [periods.joined(separator: ",")]).decode((String, [Int64], [Int64]).self) {
            var current = Array(repeating: Int64(0), count: slots)
            for (slot, revision) in zip(slotList, values) where (0..<slots).contains(Int(slot)) { current[Int(slot)] = revision }
            revisions[period] = current
        }
        var changed: [(period: String, slot: Int)] = []
        for period in periods {
            let current = revisions[period] ?? Array(repeating: 0, count: slots)
            let known = entries[period]?.revisions ?? Array(repeating: -1, count: slots)
            changed += (0..<slots).filter { known[$0] != current[$0] }.map { (period, $0) }
        }
        // Only after a commit: the rows of the changed slots, each period's read once.
        var reread: [String: (volunteers: [Int64], minutes: [Int64])] = [:]
        if !changed.isEmpty {
            let rows = try await stream("""
                WITH stale AS (
                    SELECT period, array_agg(slot) AS slots
                    FROM unnest(string_to_array(?, ','), string_to_array(?, ',')::int[]) AS s(period, slot) GROUP BY period
                )
                SELECT s.period, coalesce(m.volunteers, '{}'), coalesce(m.minutes, '{}') FROM stale AS s
                CROSS JOIN LATERAL (SELECT array_agg(l.volunteer_id) AS volunteers, array_agg(l.minutes) AS minutes FROM volunteer_load AS l
                                    WHERE l.period = s.period AND (l.volunteer_id % \(slots))::int = ANY (s.slots)) AS m
                """, [changed.map(\.period).joined(separator: ","), changed.map { String($0.slot) }.joined(separator: ",")])
            for try await (period, volunteers, minutes) in rows.decode((String, [Int64], [Int64]).self) {
                reread[period] = (volunteers, minutes)
            }
        }

        var result: [String: [Int32]] = [:]
        for period in periods {
            let current = revisions[period] ?? Array(repeating: 0, count: slots)
            var entry = entries[period] ?? KeptMinutes.Period(revisions: Array(repeating: -1, count: slots), minutes: Array(repeating: 0, count: pool.count))
            let stale = Set((0..<slots).filter { entry.revisions[$0] != current[$0] })
            if !stale.isEmpty {
                // Gone from the slot's rows (a purge) is zero, not what was kept.
                if stale.count < slots {
                    for index in ids.indices where stale.contains(Int(ids[index] % Int64(slots))) { entry.minutes[index] = 0 }
                } else {
                    entry.minutes = Array(repeating: 0, count: pool.count)
                }
                if let rows = reread[period] {
                    for (volunteer, minutes) in zip(rows.volunteers, rows.minutes) {
                        if let index = pool.index(of: volunteer) { entry.minutes[index] = Int32(clamping: minutes) }
                    }
                }
                entry.revisions = current
                entries[period] = entry
            }
            result[period] = entry.minutes
        }
        kept.keep(entries.filter { periods.contains($0.key) }, ids: ids)
        return result
    }
}
