import Foundation
import GRDB
import HonsimCore

/// Every volunteer's minutes in one week or month, by pool index, as read by one reader
/// connection at one `PRAGMA data_version`. That number changes on the connection whenever
/// any other connection (this process's writer, another process) commits, so an entry is
/// good exactly until the store changes. A coordinator going from request to request reads
/// the minutes once per change instead of 20,000 rows per request.
struct PeriodMinutes {
    var dataVersion: Int64
    var byPeriod: [String: [Int32]]

    /// Periods kept per connection: a plan's window touches a few weeks and one or two months.
    static let periodsKept = 6
}

extension SQLiteConnection {
    /// The minutes of `period` for every volunteer of the pool, from the cache when nothing
    /// has been committed since. Call it inside a read, after its first query: the data
    /// version is then the one of the read's snapshot.
    static func periodMinutes(_ db: Database, _ period: String, pool: MatchPool,
                              cache: Locked<[ObjectIdentifier: PeriodMinutes]>) throws -> [Int32] {
        let version = try Int64.fetchOne(db.cachedStatement(sql: "PRAGMA data_version")) ?? 0
        // Reader connections live as long as the store (persistentReadOnlyConnections), so
        // the connection's identity is a stable key for its data version.
        let connection = ObjectIdentifier(db)
        let cached = cache.withLock { caches -> [Int32]? in
            guard let entry = caches[connection], entry.dataVersion == version else { return nil }
            return entry.byPeriod[period]
        }
        // A volunteer added or removed is a commit too, so a kept array always fits the pool.
        if let cached, cached.count == pool.count { return cached }

        var minutes = [Int32](repeating: 0, count: pool.count)
        let rows = try Row.fetchCursor(db.cachedStatement(sql: "SELECT volunteer_id, minutes FROM volunteer_load WHERE period = ?"),
                                       arguments: [period])
        while let row = try rows.next() {
            if let index = pool.index(of: row[0]) { minutes[index] = Int32(clamping: row[1] as Int) }
        }
        cache.withLock { caches in
            var entry = caches[connection] ?? PeriodMinutes(dataVersion: version, byPeriod: [:])
            if entry.dataVersion != version || entry.byPeriod.count >= PeriodMinutes.periodsKept {
                entry = PeriodMinutes(dataVersion: version, byPeriod: [:])
            }
            entry.byPeriod[period] = minutes
            caches[connection] = entry
        }
        return minutes
    }
}
