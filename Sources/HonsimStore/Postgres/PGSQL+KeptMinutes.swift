import Foundation
import HonsimCore
import PostgresNIO

/// Every volunteer's minutes per week and month, kept by a PostgreSQL store between rankings,
/// by pool index, with the revision of each slot they were read at (migration 24).
///
/// Why a revision read with the minutes rather than the change feed's notices: a notice
/// arrives on another connection some time after the commit, so a ranking asked for right
/// after another process's assign could still be answered from minutes that miss it. The
/// revisions move in the writer's own transaction, and every ranking reads them in the same
/// statement, and so the same snapshot, as any minutes it reads again: a ranking never ranks
/// on minutes older than the last commit it could see. When nothing changed, that statement
/// returns 32 small numbers; when an assign changed one volunteer's week and month, it returns
/// the rows of that volunteer's slot (a sixteenth of the city) for those two periods.
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
    /// slot's revision is unchanged, the rows of the changed slots read again, in one statement.
    func keptMinutes(_ periods: [String], pool: MatchPool, kept: KeptMinutes) async throws -> [String: [Int32]] {
        let slots = Schema.loadRevisionSlots
        let ids = pool.volunteerIDs
        var entries = kept.entries(periods, ids: ids)
        var known: (periods: [String], slots: [String], revisions: [String]) = ([], [], [])
        for (period, entry) in entries {
            for slot in 0..<slots {
                known.periods.append(period)
                known.slots.append(String(slot))
                known.revisions.append(String(entry.revisions[slot]))
            }
        }
        var revisions: [String: [Int64]] = [:]
        var reread: [String: (volunteers: [Int64], minutes: [Int64])] = [:]
        let rows = try await stream("""
            WITH current AS (
                SELECT p.period, s.slot, coalesce(r.revision, 0) AS revision
                FROM unnest(string_to_array(?, ',')) AS p(period) CROSS JOIN generate_series(0, \(slots - 1)) AS s(slot)
                LEFT JOIN load_revision AS r ON r.period = p.period AND r.slot = s.slot
            ), known AS (
                SELECT * FROM unnest(string_to_array(?, ','), string_to_array(?, ',')::int[], string_to_array(?, ',')::bigint[])
                    AS k(period, slot, revision)
            ), stale AS (
                SELECT c.period, array_agg(c.slot) AS slots FROM current AS c
                LEFT JOIN known AS k ON k.period = c.period AND k.slot = c.slot
                WHERE k.revision IS DISTINCT FROM c.revision GROUP BY c.period
            )
            SELECT 'r', period, array_agg(slot::bigint ORDER BY slot), array_agg(revision ORDER BY slot) FROM current GROUP BY period
            UNION ALL
            SELECT 'm', s.period, coalesce(m.volunteers, '{}'), coalesce(m.minutes, '{}') FROM stale AS s
            CROSS JOIN LATERAL (SELECT array_agg(l.volunteer_id) AS volunteers, array_agg(l.minutes) AS minutes FROM volunteer_load AS l
                                WHERE l.period = s.period AND (l.volunteer_id % \(slots))::int = ANY (s.slots)) AS m
            """, [periods.joined(separator: ","), known.periods.joined(separator: ","), known.slots.joined(separator: ","),
                  known.revisions.joined(separator: ",")])
        for try await (kind, period, first, second) in rows.decode((String, String, [Int64], [Int64]).self) {
            if kind == "r" { revisions[period] = second } else { reread[period] = (first, second) }
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
