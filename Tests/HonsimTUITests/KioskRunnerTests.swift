import Foundation
import HonsimCore
import Testing
@testable import HonsimStore
@testable import HonsimTUI

/// The kiosk's main loop on a memory terminal and a real store file that goes away and comes
/// back, stepped through simulated seconds.
@Suite("Kiosk runner", .serialized)
struct KioskRunnerTests {
    static func connection(_ path: String, opens: OpenCount? = nil) -> KioskConnection {
        KioskConnection(open: { opens?.add(); return try SQLiteStore(path: path, readOnly: true) },
                        isCurrent: { ($0 as? SQLiteStore)?.isStillAtItsPath ?? true })
    }

    /// Moves the store's file and its WAL companions, as someone restoring a backup might.
    static func move(_ path: String, to other: String) throws {
        for suffix in ["", "-wal", "-shm"] where FileManager.default.fileExists(atPath: path + suffix) {
            try FileManager.default.moveItem(atPath: path + suffix, toPath: other + suffix)
        }
    }

    @Test func itKeepsShowingTheLastFiguresWhileTheStoreIsAwayAndRecoversWhenItIsBack() async throws {
        let (store, folder) = try await DemoDashboard.store()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = store.location, away = path + ".away"
        let terminal = MemoryTerminal(width: 80, height: 24)
        var now = DemoDashboard.now
        let runner = KioskRunner(connection: Self.connection(path), terminal: terminal, theme: .mono,
                                 state: KioskState(width: 80, height: 24, language: .ko, calendar: store.calendar, now: now))
        defer { runner.stop() }
        func second() async {
            runner.step(now: now, waitMilliseconds: 0)
            await runner.settle()
            now = now.addingTimeInterval(1)
            runner.step(now: now, waitMilliseconds: 0)
        }
        runner.start(now: now)
        await runner.settle()
        await second()
        var text = terminal.screen.text
        #expect(text.contains(" 연결됨 ") && text.contains("마지막 갱신 10:00:00"))
        let first = try #require(runner.state.data?.board.first)
        #expect(text.contains(first.household))

        try Self.move(path, to: away)
        runner.post(.storeChanged)
        await second()
        text = terminal.screen.text
        #expect(text.contains("저장소에 연결되지 않음 — 다시 시도 중"))
        #expect(text.contains(first.household) && text.contains("마지막 갱신 10:00:00"), "the last board stays, with its time")

        try Self.move(away, to: path)
        for _ in 0..<5 { await second() }
        text = terminal.screen.text
        #expect(text.contains(" 연결됨 ") && !text.contains("연결되지 않음"))
        #expect(runner.state.data?.loadedAt ?? .distantPast > DemoDashboard.now)
    }

    /// `honsim kiosk` opens the store once, for its calendar, and hands it over: the runner
    /// reads from it and follows its change feed without opening it again.
    @Test func aStoreAlreadyOpenedIsReadAndFollowedWithoutOpeningAgain() async throws {
        let (store, folder) = try await DemoDashboard.store()
        defer { try? FileManager.default.removeItem(at: folder) }
        let opens = OpenCount()
        let path = store.location
        let connection = Self.connection(path, opens: opens)
        let terminal = MemoryTerminal(width: 80, height: 24)
        let now = DemoDashboard.now
        let runner = KioskRunner(connection: connection, opened: try SQLiteStore(path: path, readOnly: true), terminal: terminal, theme: .mono,
                                 state: KioskState(width: 80, height: 24, language: .ko, calendar: store.calendar, now: now))
        defer { runner.stop() }
        runner.start(now: now)
        await runner.settle()
        runner.step(now: now.addingTimeInterval(1), waitMilliseconds: 0)
        #expect(terminal.screen.text.contains(" 연결됨 "))
        let first = try #require(runner.state.data?.board.first { $0.status == .pending })
        // Another process cancels the first waiting escort: the handed-over store's feed brings it.
        _ = try await store.perform(.cancel, requestID: first.requestID, details: ActionDetails(reason: "병원 일정 변경"), expectedVersion: nil)
        let deadline = Date().addingTimeInterval(10)
        while runner.state.data?.board.contains(where: { $0.requestID == first.requestID && $0.status == .pending }) == true && Date() < deadline {
            runner.step(now: now.addingTimeInterval(1), waitMilliseconds: 50)
            await runner.settle()
        }
        #expect(runner.state.data?.board.contains { $0.requestID == first.requestID && $0.status == .pending } == false)
        #expect(opens.value == 0)
    }

    final class OpenCount: @unchecked Sendable {
        private let lock = NSLock()
        private var count = 0
        func add() { lock.withLock { count += 1 } }
        var value: Int { lock.withLock { count } }
    }

    @Test func itStartsWithoutAStoreAndShowsItOnceItExists() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("honsim-kiosk-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("cases.sqlite").path
        let terminal = MemoryTerminal(width: 80, height: 24)
        var now = DemoDashboard.now
        let runner = KioskRunner(connection: Self.connection(path), terminal: terminal, theme: .mono,
                                 state: KioskState(width: 80, height: 24, language: .en, calendar: DemoDashboard.calendar, now: now))
        defer { runner.stop() }
        runner.start(now: now)
        await runner.settle()
        runner.step(now: now.addingTimeInterval(1), waitMilliseconds: 0)
        #expect(terminal.screen.text.contains("store unreachable"))
        #expect(terminal.screen.text.contains("store there yet; make one with 'honsim"), "the reason, for whoever looks after the screen")

        let (made, madeIn) = try await DemoDashboard.store()
        defer { try? FileManager.default.removeItem(at: madeIn) }
        try Self.move(made.location, to: path)
        for _ in 0..<7 {
            now = now.addingTimeInterval(1)
            runner.step(now: now, waitMilliseconds: 0)
            await runner.settle()
        }
        runner.step(now: now.addingTimeInterval(1), waitMilliseconds: 0)
        #expect(terminal.screen.text.contains("Today's escorts · 18"))

        // q, then y: the loop's state says to stop; other keys before it did nothing.
        terminal.type("xq")
        runner.step(now: now, waitMilliseconds: 0)
        runner.step(now: now, waitMilliseconds: 0)
        #expect(terminal.screen.text.contains("Close the kiosk screen?"))
        terminal.type("y")
        runner.step(now: now, waitMilliseconds: 0)
        #expect(runner.state.quit)
    }
}
