import Foundation
import GRDB
@testable import HonsimStore
import Testing

/// The readers keep a small page cache: in WAL mode SQLite drops a reader's cache whenever
/// anyone commits, so a large one only held the pages its last load passed over once. The
/// writer keeps SQLite's default, which a big load widens for its own transaction only.
@Suite("The SQLite connections' page caches")
struct PageCacheTests {
    @Test func readersKeepASmallPageCacheAndTheWriterTheDefault() async throws {
        let fixture = try StoreFixture()
        defer { fixture.remove() }
        let cacheSize = "PRAGMA cache_size"
        #expect(try await fixture.sqlite.pool.read { db in try Int.fetchOne(db, sql: cacheSize) } == -SQLiteStore.readerCacheKiB)
        #expect(try await fixture.sqlite.pool.write { db in try Int.fetchOne(db, sql: cacheSize) } == -2000)
        // A load widens the writer's for its transaction, and puts it back.
        try await fixture.load([fixture.request(1)])
        #expect(try await fixture.sqlite.pool.write { db in try Int.fetchOne(db, sql: cacheSize) } == -2000)

        let readOnly = try SQLiteStore(path: fixture.path, readOnly: true)
        #expect(try await readOnly.pool.read { db in try Int.fetchOne(db, sql: cacheSize) } == -SQLiteStore.readerCacheKiB)
    }
}
