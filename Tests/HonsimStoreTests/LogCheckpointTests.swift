import Foundation
import GRDB
import HonsimCore
@testable import HonsimStore
import Testing

/// The write-ahead log is checkpointed after a commit, on a queue of its own, rather than in
/// the committing call; a log that outruns the queue is checkpointed by the writer again.
@Suite("The log checkpointed after the commit")
struct LogCheckpointTests {
    /// One write of `pages` log pages or so: rows of about 3 KB into the audit log.
    func write(pages: Int, to store: SQLiteStore, tag: String) async throws {
        try await store.pool.write { db in
            for index in 0..<pages {
                try db.execute(sql: "INSERT INTO audit (at, user, action, entity, entity_id, after) VALUES (0, 'test', 'test', ?, ?, ?)",
                               arguments: [tag, String(index), String(repeating: "가", count: 1_000)])
            }
        }
    }

    func walPages(_ fixture: StoreFixture) -> Int {
        let size = (try? FileManager.default.attributesOfItem(atPath: fixture.path + "-wal"))?[.size] as? NSNumber
        return (size?.intValue ?? 0) / 4_096
    }

    @Test func aLongLogIsCopiedBackInTheBackgroundWholly() async throws {
        let fixture = try StoreFixture()
        defer { fixture.remove() }
        let checkpointer = try #require(fixture.sqlite.checkpointer)
        let before = checkpointer.progress.done
        try await write(pages: 1_200, to: fixture.sqlite, tag: "long")
        // The commit has returned; the checkpoint follows on its own queue.
        let deadline = Date().addingTimeInterval(20)
        while Date() < deadline, checkpointer.progress.done == before { try await Task.sleep(for: .milliseconds(20)) }
        let last = try #require(checkpointer.progress.last, "a checkpoint ran after the long write")
        #expect(last.walFrameCount >= Int(LogCheckpointer.threshold))
        #expect(last.checkpointedFrameCount == last.walFrameCount, "every page copied: no reader held an older snapshot")
        // What was written is in the store file itself: read with the log set aside.
        let copy = fixture.folder.appendingPathComponent("file-only.sqlite").path
        try FileManager.default.copyItem(atPath: fixture.path, toPath: copy)
        let rows = try await DatabaseQueue(path: copy).read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM audit WHERE entity = 'long'") }
        #expect(rows == 1_200)
    }

    @Test func aShortWriteAsksForNoCheckpoint() async throws {
        let fixture = try StoreFixture()
        defer { fixture.remove() }
        let checkpointer = try #require(fixture.sqlite.checkpointer)
        let before = checkpointer.progress.done
        try await write(pages: 5, to: fixture.sqlite, tag: "short")
        try await Task.sleep(for: .milliseconds(200))
        #expect(checkpointer.progress.done == before)
    }

    @Test func writesFasterThanTheBackgroundKeepTheLogUnderItsCeiling() async throws {
        let fixture = try StoreFixture()
        defer { fixture.remove() }
        let checkpointer = try #require(fixture.sqlite.checkpointer)
        // The background queue is held up: only the writer's own checkpoint can copy the log back.
        let held = DispatchSemaphore(value: 0)
        checkpointer.queue.async { held.wait() }
        defer { held.signal() }
        for round in 0..<14 { try await write(pages: 1_100, to: fixture.sqlite, tag: "round \(round)") }
        // Fourteen rounds are past fifteen thousand pages. The writer checkpoints itself past
        // ten thousand, and the log starts over from there: never longer than that and a round.
        #expect(LogCheckpointer.ceiling == 10_000)
        #expect(walPages(fixture) <= 10_000 + 1_300, "the log holds \(walPages(fixture)) pages")
        let rows = try await fixture.sqlite.pool.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM audit WHERE action = 'test'") }
        #expect(rows == 14 * 1_100)
    }

    @Test func aReadOnlySessionHasNoCheckpointer() async throws {
        let fixture = try StoreFixture()
        defer { fixture.remove() }
        let reader = try SQLiteStore(path: fixture.path, readOnly: true)
        #expect(reader.checkpointer == nil)
    }
}
