import Foundation
import HonsimCore
import Testing
@testable import HonsimStore
@testable import HonsimTUI

/// The dashboard opens in parts: the frame and the requests pane first, the volunteers and the
/// statistics as their reads come back, each pane saying "불러오는 중" until then. Keys work
/// meanwhile; what needs a pane that has not come says so and does nothing.
@Suite("The first screen at once", .serialized)
struct FirstFrameTests {
    /// A state before any read has come back, as the runner has it at its first frame.
    static func opening(width: Int, height: Int, language: Language = .ko, store: SQLiteStore) -> AppState {
        AppState(width: width, height: height, language: language, calendar: store.calendar, now: DemoDashboard.now,
                 storeLabel: "cases.sqlite", user: "kim")
    }

    static func requestsOnly(width: Int, height: Int, language: Language = .ko, store: SQLiteStore) async throws -> AppState {
        let part = try await DashboardLoader.requests(store, now: DemoDashboard.now)
        return update(opening(width: width, height: height, language: language, store: store), .requestsLoaded(part)).0
    }

    static func statistics(_ store: SQLiteStore, _ state: AppState) async throws -> StatisticsData {
        let period = state.period.period(now: DemoDashboard.now, calendar: store.calendar)
        return StatisticsData(report: try await store.statistics(for: period, now: DemoDashboard.now),
                              weekly: try await store.weeklyRequestCounts(weeks: 12, now: DemoDashboard.now))
    }

    @Test func nothingHasComeYetAndKeysStillWork() async throws {
        let (store, folder) = try await DemoDashboard.store()
        defer { try? FileManager.default.removeItem(at: folder) }
        let state = Self.opening(width: 120, height: 40, store: store)
        let screen = render(state).text
        #expect(screen.components(separatedBy: "불러오는 중").count - 1 == 3, "each of the three panes waits")
        #expect(!state.loads.settled)
        // Moving, the other panes, help: none needs data.
        let moved = press(state, .down, .tab, .character("?")).0
        #expect(moved.focus == .volunteers && moved.overlay == .help(offset: 0))
        // Assigning needs the requests and the volunteers: it says so and does nothing.
        let (refused, effects) = press(state, .character("a"))
        #expect(effects.isEmpty && refused.overlay == nil)
        #expect(refused.notice == "요청 목록을 아직 불러오는 중입니다. 잠시 후 다시 눌러 주세요.")
        #expect(render(refused).text.contains("요청 목록을 아직 불러오는 중입니다"))
        // Quitting never waits.
        let (quitting, quitEffects) = press(state, .character("q"))
        #expect(quitting.quit && quitEffects == [.quit])
    }

    @Test func theRequestsComeFirstAndTheOthersFillAfter() async throws {
        let (store, folder) = try await DemoDashboard.store()
        defer { try? FileManager.default.removeItem(at: folder) }
        var state = try await Self.requestsOnly(width: 120, height: 40, store: store)
        #expect(state.loads.requests == .ready && state.loads.volunteers == .waiting && state.loads.statistics == .waiting)
        #expect(!state.visibleRequests.isEmpty && state.visibleVolunteerIndices.isEmpty)
        let partial = render(state)
        // The requests pane has its rows; the volunteers and the statistics wait, each saying so.
        #expect(partial.text.contains(String(state.visibleRequests[0].hospital.prefix(3))))
        #expect(partial.text.components(separatedBy: "불러오는 중").count - 1 == 2)

        // Moving in the requests pane and opening a request's details work already.
        let moved = press(state, .down, .down).0
        #expect(moved.selected(.requests) == 2)
        let (details, detailEffects) = press(moved, .enter)
        #expect(details.overlay == .requestDetails(requestID: moved.visibleRequests[2].id))
        #expect(!detailEffects.isEmpty)

        // Assigning waits for the volunteers, calmly, without opening an empty dialog.
        let pending = state.visibleRequests.firstIndex { $0.status == .pending } ?? 0
        state.selection[.requests] = pending
        let (waiting, none) = press(state, .character("a"))
        #expect(none.isEmpty && waiting.overlay == nil)
        #expect(waiting.notice == "봉사자 목록을 아직 불러오는 중입니다. 잠시 후 다시 눌러 주세요.")
        #expect(waiting.noticeRole == .muted)

        // The volunteers come: their pane fills and assigning opens the dialog.
        state = update(state, .volunteersLoaded(try await DashboardLoader.roster(store, now: DemoDashboard.now))).0
        #expect(state.loads.volunteers == .ready && !state.visibleVolunteerIndices.isEmpty)
        let (assigning, assignEffects) = press(state, .character("a"))
        guard case .assign = assigning.overlay else {
            Issue.record("the assign dialog opens once the volunteers are there")
            return
        }
        #expect(assignEffects.contains(.loadCandidates(requestID: state.visibleRequests[pending].id)))

        // The statistics come last: nothing waits any more.
        state = update(state, .statisticsLoaded(try await Self.statistics(store, state))).0
        #expect(state.loads.settled)
        #expect(!render(state).text.contains("불러오는 중"))
    }

    @Test func theVolunteersMayComeBeforeTheRequests() async throws {
        let (store, folder) = try await DemoDashboard.store()
        defer { try? FileManager.default.removeItem(at: folder) }
        var state = Self.opening(width: 120, height: 40, store: store)
        let roster = try await DashboardLoader.roster(store, now: DemoDashboard.now)
        state = update(state, .volunteersLoaded(roster)).0
        #expect(state.loads.volunteers == .ready && state.data == nil)
        // Kept aside until the requests part they belong with: then both panes show.
        state = update(state, .requestsLoaded(try await DashboardLoader.requests(store, now: DemoDashboard.now))).0
        #expect(state.visibleVolunteerIndices.count == roster.volunteers.count)
        #expect(!state.visibleRequests.isEmpty)
        // The same screen as the one read in one go.
        let whole = update(Self.opening(width: 120, height: 40, store: store), .loaded(try await DashboardLoader.load(store, now: DemoDashboard.now))).0
        #expect(render(state).text == render(whole).text)
    }

    @Test func failingStatisticsSayWhyInTheirPaneWhileTheRestFills() async throws {
        let (store, folder) = try await DemoDashboard.store()
        defer { try? FileManager.default.removeItem(at: folder) }
        var state = Self.opening(width: 120, height: 40, store: store)
        state = update(state, .partFailed(.statistics, "데이터베이스가 잠겨 있습니다")).0
        state = update(state, .requestsLoaded(try await DashboardLoader.requests(store, now: DemoDashboard.now))).0
        state = update(state, .volunteersLoaded(try await DashboardLoader.roster(store, now: DemoDashboard.now))).0
        #expect(state.loads.settled, "a failed part waits no more")
        #expect(state.storeProblem == nil, "the pane says it, not the status bar")
        let screen = render(state).text
        // The statistics pane says why, wrapped to its width, and how to read again.
        #expect(screen.contains("불러오지 못했습니다: 데이터베이스가") && screen.contains("(r 새로 고침)"))
        #expect(!screen.contains("불러오는 중"))
        #expect(!state.visibleRequests.isEmpty && !state.visibleVolunteerIndices.isEmpty)
        // `r` reads them again, and what comes replaces the message.
        let (_, effects) = press(state, .character("r"))
        #expect(effects.contains(.load) && effects.contains { if case .loadStatistics = $0 { true } else { false } })
        state = update(state, .statisticsLoaded(try await Self.statistics(store, state))).0
        #expect(!render(state).text.contains("불러오지 못했습니다"))
        // A later failure keeps the figures on screen and says why in the status bar.
        state = update(state, .partFailed(.statistics, "잠김")).0
        #expect(state.loads.statistics == .ready && state.storeProblem == "잠김")
        #expect(render(state).text.contains("저장소 오류: 잠김"))
    }

    @Test func aFailedRequestsReadSaysWhyInTheRequestsPane() async throws {
        let (store, folder) = try await DemoDashboard.store()
        defer { try? FileManager.default.removeItem(at: folder) }
        var state = Self.opening(width: 120, height: 40, language: .en, store: store)
        state = update(state, .partFailed(.requests, "database is locked")).0
        state = update(state, .volunteersLoaded(try await DashboardLoader.roster(store, now: DemoDashboard.now))).0
        let screen = render(state).text
        #expect(screen.contains("could not load: database is locked"))
        // Keys that need the requests say why they are not there, rather than acting on nothing.
        let (refused, effects) = press(state, .character("n"))
        #expect(effects.isEmpty && refused.overlay == nil)
        #expect(refused.notice == "Requests — could not load: database is locked (r refresh)")
    }

    /// The runner as the dashboard runs it: the first frame is drawn before any read is back,
    /// and the reads fill the screen as they come, each on its own.
    @Test func theRunnerDrawsTheFrameFirstAndFillsThePanesAsTheyCome() async throws {
        let (store, folder) = try await DemoDashboard.store()
        defer { try? FileManager.default.removeItem(at: folder) }
        let terminal = MemoryTerminal(width: 120, height: 40)
        let runner = DashboardRunner(store: store, terminal: terminal, theme: .mono, state: Self.opening(width: 120, height: 40, store: store))
        defer { runner.stop() }
        runner.start(now: DemoDashboard.now)
        #expect(runner.framesDrawn == 1)
        #expect(terminal.screen.text.contains("불러오는 중"), "the first frame does not wait for the store")
        let deadline = Date().addingTimeInterval(20)
        while !runner.state.loads.settled && Date() < deadline {
            runner.step(now: DemoDashboard.now, waitMilliseconds: 5)
        }
        #expect(runner.state.loads.settled)
        #expect(runner.state.loads.requests == .ready && runner.state.loads.volunteers == .ready && runner.state.loads.statistics == .ready)
        #expect(!terminal.screen.text.contains("불러오는 중"), "the whole screen, once every read is back")
    }

    /// Goldens of the screen with the requests drawn and the other panes waiting, and with the
    /// statistics failed, in both languages at both sizes.
    @Test(arguments: Language.allCases)
    func partlyLoadedScreens(language: Language) async throws {
        let (store, folder) = try await DemoDashboard.store()
        defer { try? FileManager.default.removeItem(at: folder) }
        for (width, height) in [(80, 24), (120, 40)] {
            let state = try await Self.requestsOnly(width: width, height: height, language: language, store: store)
            if state.layout == .tabs {
                assertSnapshot(render(state), named: "first-frame-\(language)-\(width)x\(height)-requests")
                assertSnapshot(render(press(state, .character("2")).0), named: "first-frame-\(language)-\(width)x\(height)-volunteers")
            } else {
                assertSnapshot(render(state), named: "first-frame-\(language)-\(width)x\(height)")
            }
            let failed = update(state, .partFailed(.statistics, language == .ko ? "데이터베이스가 잠겨 있습니다" : "database is locked")).0
            let focused = failed.layout == .tabs ? press(failed, .character("3")).0 : failed
            assertSnapshot(render(focused), named: "first-frame-statistics-failed-\(language)-\(width)x\(height)")
        }
    }
}
