import Foundation
import HonsimCore
import Testing
@testable import HonsimStore
@testable import HonsimTUI

/// Key flows through `update`, on the demo data, without a terminal.
@Suite("Dashboard key flows", .serialized)
struct KeyFlowTests {
    let store: SQLiteStore
    let folder: URL

    init() async throws {
        (store, folder) = try await DemoDashboard.store()
    }

    func state(_ width: Int = 120, _ height: Int = 40, language: Language = .ko) async throws -> AppState {
        try await DemoDashboard.state(width: width, height: height, language: language, store: store)
    }

    @Test func theRequestsPaneHasTheFocusOnItsFirstRowWithWhatNeedsAVolunteerFirst() async throws {
        let state = try await state()
        #expect(state.focus == .requests)
        #expect(state.selected(.requests) == 0)
        let rows = state.visibleRequests
        #expect(rows.count > 20)
        #expect(rows.allSatisfy { !$0.status.isEnd })
        // Urgent pending, then the other pending, then the rest; each part by appointment.
        let rank = { (request: EscortRequest) in request.isUrgent(now: state.now) ? 0 : request.status == .pending ? 1 : 2 }
        #expect(rank(rows[0]) == 0)
        #expect(zip(rows, rows.dropFirst()).allSatisfy { rank($0) < rank($1) || (rank($0) == rank($1) && $0.appointmentAt <= $1.appointmentAt) })
        try? FileManager.default.removeItem(at: folder)
    }

    @Test func tabShiftTabAndNumbersMoveBetweenPanes() async throws {
        let start = try await state()
        #expect(press(start, .tab).0.focus == .volunteers)
        #expect(press(start, .tab, .tab).0.focus == .statistics)
        #expect(press(start, .tab, .tab, .tab).0.focus == .requests)
        #expect(press(start, .backTab).0.focus == .statistics)
        #expect(press(start, .character("3")).0.focus == .statistics)
        #expect(press(start, .character("2"), .character("1")).0.focus == .requests)
        try? FileManager.default.removeItem(at: folder)
    }

    @Test func arrowsViKeysPagesAndEndsMoveWithinAPaneAndStopAtItsEdges() async throws {
        let start = try await state()
        let count = start.visibleRequests.count
        #expect(press(start, .down, .down, .character("j")).0.selected(.requests) == 3)
        #expect(press(start, .down, .up, .character("k")).0.selected(.requests) == 0)
        #expect(press(start, .end).0.selected(.requests) == count - 1)
        #expect(press(start, .character("G"), .down).0.selected(.requests) == count - 1)
        #expect(press(start, .end, .home).0.selected(.requests) == 0)
        let paged = press(start, .pageDown).0
        #expect(paged.selected(.requests) == start.pageSize)
        #expect(press(paged, .pageUp).0.selected(.requests) == 0)
        // Each pane keeps its own selection.
        let moved = press(start, .down, .tab, .down, .down, .backTab).0
        #expect(moved.selected(.requests) == 1 && moved.selected(.volunteers) == 2)
        try? FileManager.default.removeItem(at: folder)
    }

    @Test func slashFiltersAsYouTypeIncludingFormerNamesAndInitials() async throws {
        let start = try await state()
        var state = press(start, .character("/")).0
        #expect(state.filterInput != nil)
        state = type(state, "충훈")
        let byName = state.visibleRequests
        #expect(!byName.isEmpty && byName.allSatisfy { $0.dongCode == "41171-12" })
        // The former name finds the same dong.
        var former = press(start, .character("/")).0
        former = type(former, "석수3동")
        #expect(former.visibleRequests.map(\.id) == byName.map(\.id))
        // Initials: ㅅㅅ finds every request of 석수1동, 석수2동 and 충훈동 (once 석수3동), and
        // nothing whose shown fields lack those initials.
        var initials = press(start, .character("/")).0
        initials = type(initials, "ㅅㅅ")
        let found = Set(initials.visibleRequests.map(\.id))
        let seoksu = start.visibleRequests.filter { ["41171-10", "41171-11", "41171-12"].contains($0.dongCode) }
        #expect(!seoksu.isEmpty && seoksu.allSatisfy { found.contains($0.id) })
        #expect(found.count < start.visibleRequests.count)
        // Enter keeps the filter; Esc then clears it.
        let kept = press(state, .enter).0
        #expect(kept.filterInput == nil && kept.filters[.requests] == "충훈")
        #expect(press(kept, .escape).0.filters[.requests] == nil)
        // Esc while typing drops it at once.
        #expect(press(state, .escape).0.visibleRequests.count == start.visibleRequests.count)
        try? FileManager.default.removeItem(at: folder)
    }

    @Test(arguments: ["김순", "ㅅㅅ", "ㅅ석", "정 ㅅ", "휠체어 석"])
    func typingAVolunteerFilterNarrowsToWhatAFreshFilterFinds(text: String) async throws {
        var state = press(try await state(), .character("2"), .character("/")).0
        for character in text {
            state = type(state, String(character))
            // Each narrowed list equals the list worked out from scratch.
            #expect(state.visibleVolunteerIndices == state.computeVisibleVolunteers(), "after typing up to '\(character)'")
        }
        try? FileManager.default.removeItem(at: folder)
    }

    @Test func aMaskedNameCannotBeFoundByTheFullName() async throws {
        var start = try await state()
        let first = try #require(start.visibleRequests.first)
        let name = try #require(start.data?.households[first.householdID]?.name)
        #expect(type(press(start, .character("/")).0, name).visibleRequests.contains { $0.id == first.id })
        start.maskAll = true
        #expect(!type(press(start, .character("/")).0, name).visibleRequests.contains { $0.id == first.id })
        #expect(type(press(start, .character("/")).0, Masking.name(name)).visibleRequests.contains { $0.id == first.id })
        try? FileManager.default.removeItem(at: folder)
    }

    @Test func typingAFilterNeverQuits() async throws {
        let start = try await state()
        let (state, effects) = press(start, .character("/"), .character("q"))
        #expect(!state.quit && effects.isEmpty)
        #expect(state.filters[.requests] == "q")
        try? FileManager.default.removeItem(at: folder)
    }

    @Test func sCyclesTheSortOfTheFocusedPane() async throws {
        let start = try await state()
        let byTime = press(start, .character("s")).0
        #expect(byTime.requestSort == .appointment)
        let rows = byTime.visibleRequests
        #expect(zip(rows, rows.dropFirst()).allSatisfy { $0.appointmentAt <= $1.appointmentAt })
        #expect(rows.map(\.id) != start.visibleRequests.map(\.id))
        let statistics = press(start, .character("3"), .character("s")).0
        #expect(statistics.statisticsSort.column == .completed)
        let volunteers = press(start, .character("2"), .character("s"), .character("s")).0
        #expect(volunteers.volunteerSort == .fewestHours)
        let hours = volunteers.visibleVolunteers.map { volunteers.data?.summaries[$0.id]?.minutesThisMonth ?? 0 }
        #expect(hours == hours.sorted())
        try? FileManager.default.removeItem(at: folder)
    }

    @Test func dChoosesTheDongScope() async throws {
        let start = try await state()
        var state = press(start, .character("d")).0
        guard case .scopePicker(let chosen, 0)? = state.overlay else { Issue.record("no scope picker"); return }
        #expect(chosen.count == 31)
        // Select none (a toggles all off), then 석수2동 (11th) only, and apply.
        state = press(state, .character("a")).0
        for _ in 0..<10 { state = press(state, .down).0 }
        state = press(state, .character(" "), .enter).0
        #expect(state.overlay == nil)
        #expect(state.scope == ["41171-11"])
        #expect(state.visibleRequests.allSatisfy { $0.dongCode == "41171-11" })
        #expect(state.visibleVolunteers.allSatisfy { $0.dongCode == "41171-11" })
        #expect(state.visibleDongs.map(\.name) == ["석수2동"])
        try? FileManager.default.removeItem(at: folder)
    }

    @Test func bracketsMoveThePeriodAndAskForItsFigures() async throws {
        let start = try await state()
        let (next, effects) = press(start, .character("]"))
        #expect(next.period == .lastMonth)
        #expect(effects == [.loadStatistics(.month(year: 2026, month: 10))])
        #expect(press(start, .character("[")).0.period == .thisWeek)
        try? FileManager.default.removeItem(at: folder)
    }

    @Test func enterOpensTheDetailsAndEscClosesThem() async throws {
        let start = try await state()
        let first = try #require(start.visibleRequests.first)
        let open = press(start, .enter).0
        #expect(open.overlay == .requestDetails(requestID: first.id))
        #expect(press(open, .escape).0.overlay == nil)
        // While the details are open, q closes them rather than quitting.
        let closed = press(open, .character("q"))
        #expect(closed.0.overlay == nil && !closed.0.quit)
        try? FileManager.default.removeItem(at: folder)
    }

    @Test func helpOpensAndClosesAndQQuits() async throws {
        let start = try await state()
        #expect(press(start, .character("?")).0.overlay == .help(offset: 0))
        #expect(press(start, .character("?"), .escape).0.overlay == nil)
        let (quit, effects) = press(start, .character("q"))
        #expect(quit.quit && effects == [.quit])
        try? FileManager.default.removeItem(at: folder)
    }

    @Test func rRefreshesAndAStoreChangeReloadsAndMarksTheChangedRows() async throws {
        let start = try await state()
        #expect(press(start, .character("r")).1.first == .load)
        #expect(update(start, .storeChanged).1.first == .load)
        // Another coordinator assigns the first pending request.
        let pending = try #require(start.visibleRequests.first { $0.status == .pending })
        let candidate = try #require(try await store.candidates(for: pending.id).eligible.first)
        try await store.assign(requestID: pending.id, volunteerID: candidate.volunteer.id, expectedVersion: nil, override: false)
        let reloaded = update(start, .loaded(try await DashboardLoader.load(store, now: DemoDashboard.now))).0
        #expect(reloaded.changed.keys.contains(pending.id))
        #expect(reloaded.visibleRequests.first { $0.id == pending.id }?.status == .assigned)
        // The mark fades after a few seconds.
        let later = update(reloaded, .tick(DemoDashboard.now.addingTimeInterval(4))).0
        #expect(later.changed.isEmpty)
        try? FileManager.default.removeItem(at: folder)
    }

    @Test func aFailedReadIsTriedAgainByItselfEveryFewSecondsUntilOneSucceeds() async throws {
        let start = try await state()
        let now = DemoDashboard.now
        // Healthy: the clock's ticks read nothing.
        #expect(update(start, .tick(now)).1.isEmpty)
        // The server went away: the status bar says "retrying", and the next tick reads again,
        // with no key pressed and no notice from the store.
        var down = update(start, .failed("disconnected from the store, retrying")).0
        var (next, effects) = update(down, .tick(now))
        #expect(effects.first == .load && effects.contains { if case .loadStatistics = $0 { true } else { false } })
        // Not at every tick: once every few seconds.
        down = next
        (next, effects) = update(down, .tick(now.addingTimeInterval(1)))
        #expect(effects.isEmpty)
        (next, effects) = update(next, .tick(now.addingTimeInterval(AppState.retryInterval)))
        #expect(effects.first == .load)
        // A read that succeeds ends the retries.
        let back = update(next, .loaded(try await DashboardLoader.load(store, now: now))).0
        #expect(back.storeProblem == nil)
        #expect(update(back, .tick(now.addingTimeInterval(60))).1.isEmpty)
        // A pane whose first read failed is tried again the same way.
        var firstScreen = start
        firstScreen.loads.statistics = .waiting
        let paneFailed = update(firstScreen, .partFailed(.statistics, "database is locked")).0
        #expect(paneFailed.storeProblem == nil && paneFailed.loads.anyFailed)
        #expect(update(paneFailed, .tick(now)).1.first == .load)
        try? FileManager.default.removeItem(at: folder)
    }

    @Test func fShowsOnlyTheVolunteersFreeForTheSelectedRequest() async throws {
        let start = try await state()
        let request = try #require(start.selectedRequest)
        let (_, effects) = press(start, .character("f"))
        #expect(effects == [.loadFreeVolunteers(requestID: request.id, span: request.span)])
        let free = try await store.freeVolunteers(in: request.span)
        let filtered = update(start, .freeVolunteersLoaded(requestID: request.id, volunteerIDs: Set(free.map(\.id)))).0
        #expect(Set(filtered.visibleVolunteers.map(\.id)) == Set(free.map(\.id)))
        #expect(press(filtered, .character("f")).0.freeFor == nil)
        try? FileManager.default.removeItem(at: folder)
    }

    @Test func remappedKeysWork() async throws {
        var start = try await state()
        start.keymap = Keymap(overrides: ["quit": [.character("x")], "down": [.character("n")]])
        #expect(press(start, .character("x")).0.quit)
        #expect(!press(start, .character("q")).0.quit)
        #expect(press(start, .character("n")).0.selected(.requests) == 1)
        #expect(Keymap.unknownActions(in: ["jump": [.character("z")]]) == ["jump"])
        try? FileManager.default.removeItem(at: folder)
    }

    @Test func aResizeChangesTheLayout() async throws {
        let start = try await state(200, 60)
        #expect(start.layout == .threePanes)
        #expect(update(start, .resize(width: 80, height: 24)).0.layout == .tabs)
        #expect(update(start, .resize(width: 79, height: 24)).0.layout == .tooSmall)
        #expect(update(start, .resize(width: 119, height: 40)).0.layout == .tabs)
        try? FileManager.default.removeItem(at: folder)
    }
}
