import Foundation
import GRDB
import HonsimCore
import Testing
@testable import HonsimStore
@testable import HonsimTUI

/// The one runner the dashboard and the kiosk share, and the one interpreter of the
/// dashboard's effects, whose failures reach the screen in words.
@Suite("The main loop and the effects", .serialized)
struct LoopTests {
    /// The loop as both programs see it: a key draws a frame in the same turn, a turn with
    /// nothing in it draws nothing, the clock ticks once per second, and a posted event is
    /// drained and drawn.
    func exercise<P: LoopProgram>(_ runner: Runner<P>, _ terminal: MemoryTerminal, now: Date, loaded: () -> Bool,
                                  settle: () async -> Void, key: Key, posted: P.Event) async throws {
        runner.start(now: now)
        #expect(runner.framesDrawn == 1, "the first frame comes at once")
        // Let the first reads come back, within the same second.
        let deadline = Date().addingTimeInterval(20)
        while !loaded() && Date() < deadline {
            await settle()
            runner.step(now: now, waitMilliseconds: 5)
            try await Task.sleep(for: .milliseconds(5))
        }
        #expect(loaded())
        runner.step(now: now, waitMilliseconds: 0)
        let idle = runner.framesDrawn
        runner.step(now: now, waitMilliseconds: 0)
        #expect(runner.framesDrawn == idle, "nothing happened, nothing is drawn")
        terminal.enqueue(key)
        runner.step(now: now, waitMilliseconds: 0)
        #expect(runner.framesDrawn == idle + 1, "a key is drawn in the same turn")
        runner.step(now: now.addingTimeInterval(1), waitMilliseconds: 0)
        #expect(runner.framesDrawn == idle + 2, "a new second ticks and draws")
        runner.step(now: now.addingTimeInterval(1.5), waitMilliseconds: 0)
        #expect(runner.framesDrawn == idle + 2, "within the second, no tick")
        runner.post(posted)
        runner.step(now: now.addingTimeInterval(1.5), waitMilliseconds: 0)
        #expect(runner.framesDrawn == idle + 3, "what a background task posts is drained and drawn")
    }

    @Test func theKioskAndTheDashboardRunOnTheSameRunner() async throws {
        // One generic type: each is the runner with its own program.
        #expect(DashboardRunner.self == Runner<DashboardProgram>.self)
        #expect(KioskRunner.self == Runner<KioskProgram>.self)

        let (store, folder) = try await DemoDashboard.store()
        defer { try? FileManager.default.removeItem(at: folder) }
        let now = DemoDashboard.now

        let dashboardTerminal = MemoryTerminal(width: 120, height: 40)
        let state = AppState(width: 120, height: 40, language: .ko, calendar: store.calendar, now: now, storeLabel: "cases.sqlite", user: "kim")
        let dashboard = DashboardRunner(store: store, terminal: dashboardTerminal, theme: .mono, state: state)
        defer { dashboard.stop() }
        try await exercise(dashboard, dashboardTerminal, now: now, loaded: { dashboard.state.loads.settled },
                           settle: {}, key: .down, posted: .failed("잠김"))
        #expect(dashboard.state.selected(.requests) == 1)
        #expect(dashboardTerminal.screen.text.contains("저장소 오류: 잠김"))

        let kioskTerminal = MemoryTerminal(width: 80, height: 24)
        let kiosk = KioskRunner(connection: KioskRunnerTests.connection(store.location), terminal: kioskTerminal, theme: .mono,
                                state: KioskState(width: 80, height: 24, language: .ko, calendar: store.calendar, now: now))
        defer { kiosk.stop() }
        try await exercise(kiosk, kioskTerminal, now: now, loaded: { kiosk.state.data != nil }, settle: { await kiosk.settle() },
                           key: .character("q"), posted: .failed("잠김"))
        #expect(kioskTerminal.screen.text.contains("저장소에 연결되지 않음"))
    }

    @Test func bothQuitThroughTheRunnersLoopAndCloseTheTerminal() async throws {
        let (store, folder) = try await DemoDashboard.store()
        defer { try? FileManager.default.removeItem(at: folder) }
        let now = DemoDashboard.now
        let dashboardTerminal = MemoryTerminal(width: 120, height: 40)
        dashboardTerminal.type("q")
        let state = AppState(width: 120, height: 40, language: .ko, calendar: store.calendar, now: now, storeLabel: "cases.sqlite", user: "kim")
        #expect(await DashboardRunner(store: store, terminal: dashboardTerminal, theme: .mono, state: state, pollMilliseconds: 1).run() == 0)
        #expect(dashboardTerminal.isClosed)

        let kioskTerminal = MemoryTerminal(width: 80, height: 24)
        kioskTerminal.type("qy")
        let kiosk = KioskRunner(connection: KioskRunnerTests.connection(store.location), terminal: kioskTerminal, theme: .mono,
                                state: KioskState(width: 80, height: 24, language: .ko, calendar: store.calendar, now: now), pollMilliseconds: 1)
        #expect(await kiosk.run() == 0)
        #expect(kioskTerminal.isClosed)
    }

    /// `f` asks the store for the volunteers free in the selected request's window; when the
    /// store fails, the status bar says so in words instead of the filter silently not coming.
    @Test func freeVolunteersFailingReachesTheScreen() async throws {
        let (store, folder) = try await DemoDashboard.store()
        defer { try? FileManager.default.removeItem(at: folder) }
        let start = try await DemoDashboard.state(width: 120, height: 40, store: store)
        try await store.pool.write { db in try db.execute(sql: "DROP TABLE day_off") }
        let (asked, effects) = press(start, .character("f"))
        #expect(effects.count == 1)
        let state = try await settle(asked, effects, store: store)
        #expect(state.freeFor == nil)
        let problem = try #require(state.storeProblem)
        #expect(!problem.isEmpty)
        #expect(renderFrame(state, theme: .mono).text.contains("저장소 오류: "))
    }

    /// A read a dialog asks for fails into words in the status bar; a write into words in the
    /// dialog or problem box that asked.
    @Test func aFailedReadOrWriteIsShownWhereItWasAskedFor() async throws {
        let (store, folder) = try await DemoDashboard.store()
        defer { try? FileManager.default.removeItem(at: folder) }
        let start = try await DemoDashboard.state(width: 120, height: 40, store: store)
        try await store.pool.write { db in try db.execute(sql: "DROP TABLE audit") }
        // The activity log cannot be read: the status bar says why.
        var state = try await press(start, store: store, .character("l"))
        #expect(state.storeProblem?.isEmpty == false)
        #expect(renderFrame(state, theme: .mono).text.contains("저장소 오류: "))
        // A change cannot be written (every write appends to the audit log): the form that
        // asked keeps what was typed and says why.
        state = press(start, .character("x")).0
        state = type(state, "입원")
        state = try await press(state, store: store, .enter)
        guard case .action(let form)? = state.overlay else { Issue.record("the form closed"); return }
        #expect(form.message?.isEmpty == false && state.writing == nil)
    }

    /// A failed export is said in the status bar.
    @Test func aFailedExportIsShown() async throws {
        let (store, folder) = try await DemoDashboard.store()
        defer { try? FileManager.default.removeItem(at: folder) }
        var start = try await DemoDashboard.state(width: 120, height: 40, language: .en, store: store)
        start.workingFolder = folder.appendingPathComponent("not-there").path
        let state = try await press(start, store: store, .character("E"))
        #expect(state.notice?.hasPrefix("could not save the CSV") == true)
    }
}
