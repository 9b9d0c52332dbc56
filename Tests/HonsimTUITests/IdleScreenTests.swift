import Foundation
import HonsimCore
import Testing
@testable import HonsimStore
@testable import HonsimTUI

/// A dashboard left alone hides every name after the idle time, and a key brings it back.
@Suite("Idle screen", .serialized)
struct IdleScreenTests {
    let store: SQLiteStore
    let folder: URL

    init() async throws {
        (store, folder) = try await DemoDashboard.store()
    }

    func tick(_ state: AppState, after seconds: TimeInterval) -> AppState {
        update(state, .tick(state.now.addingTimeInterval(seconds))).0
    }

    @Test func afterFiveMinutesWithoutAKeyEveryNameIsHiddenAndAKeyOnlyBringsItBack() async throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let start = try await DemoDashboard.state(width: 120, height: 40, language: .ko, store: store)
        #expect(start.idleAfter == 300)
        let name = try #require(start.visibleRequests.first.flatMap { start.data?.households[$0.householdID] }?.name)
        #expect(render(start).text.contains(Masking.name(name)) || render(start).text.contains(name))

        // A key now and then keeps it open: four minutes, a key, four minutes more (counted from
        // the first tick after the key).
        var state = tick(tick(start, after: 0), after: 240)
        state = press(state, .down).0
        state = tick(tick(state, after: 1), after: 240)
        #expect(!state.idle.hidden && state.selected(.requests) == 1)

        // Five minutes without a key: hidden, names and all.
        state = tick(state, after: 60)
        #expect(state.idle.hidden)
        let hidden = render(state).text
        #expect(hidden.contains("화면을 가렸습니다") && hidden.contains("5분"))
        for household in (state.data?.households ?? [:]).values {
            #expect(!hidden.contains(household.name) && !hidden.contains(Masking.name(household.name)))
        }
        // Ticks keep it hidden; the first key only brings it back, and does not move or open anything.
        state = tick(state, after: 600)
        #expect(state.idle.hidden)
        let (back, effects) = press(state, .enter)
        #expect(!back.idle.hidden && effects.isEmpty && back.overlay == nil && back.selected(.requests) == 1)
        #expect(render(back).text == render(press(state, .character("x")).0).text)
        // The next key works as ever.
        #expect(press(back, .down).0.selected(.requests) == 2)
    }

    @Test func anOpenDialogIsHiddenTooAndStillThereAfterwards() async throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let start = try await DemoDashboard.state(width: 120, height: 40, language: .en, store: store)
        let opened = press(start, .character("?")).0
        #expect(opened.overlay != nil)
        let hidden = tick(tick(opened, after: 0), after: 300)
        #expect(hidden.idle.hidden && render(hidden).text.contains("The screen is hidden"))
        let back = press(hidden, .escape).0
        #expect(!back.idle.hidden && back.overlay == opened.overlay)
    }

    @Test func noIdleTimeNeverHides() async throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        var state = try await DemoDashboard.state(width: 120, height: 40, language: .ko, store: store)
        state.idleAfter = nil
        #expect(!tick(tick(state, after: 0), after: 86_400).idle.hidden)
    }

    @Test(arguments: Language.allCases) func theIdleNoticeGolden(_ language: Language) async throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let state = try await DemoDashboard.state(width: 120, height: 40, language: language, store: store)
        let hidden = tick(tick(state, after: 0), after: 300)
        assertSnapshot(render(hidden), named: "idle-\(language)-120x40")
        assertSnapshot(render(hidden.resized(80, 24)), named: "idle-\(language)-80x24")
    }
}

extension AppState {
    func resized(_ width: Int, _ height: Int) -> AppState { update(self, .resize(width: width, height: height)).0 }
}
