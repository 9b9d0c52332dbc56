import Foundation
import HonsimCore
import Testing
@testable import HonsimStore
@testable import HonsimTUI

/// The kiosk's behaviour through `kioskUpdate`, without a terminal: the rotation, `q`, keys
/// that do nothing, retries while the store cannot be reached.
@Suite("Kiosk behaviour", .serialized)
struct KioskUpdateTests {
    let store: SQLiteStore
    let folder: URL
    let data: KioskData

    init() async throws {
        (store, folder) = try await DemoDashboard.store()
        data = try await KioskLoader.load(store, now: DemoDashboard.now)
    }

    func state(width: Int = 80, height: Int = 24, views: [KioskView] = KioskView.allCases, rotate: TimeInterval = 10) -> KioskState {
        let state = KioskState(width: width, height: height, language: .ko, calendar: store.calendar, now: DemoDashboard.now,
                               views: views, rotateSeconds: rotate)
        return kioskUpdate(state, .loaded(data)).0
    }

    func after(_ seconds: TimeInterval, _ state: KioskState) -> (KioskState, [KioskEffect]) {
        kioskUpdate(state, .tick(state.now.addingTimeInterval(seconds)))
    }

    @Test func itRotatesThroughEveryPageOfEveryViewAndBeginsAgain() {
        defer { try? FileManager.default.removeItem(at: folder) }
        var state = state()
        let boardPages = state.pages(.board), dongPages = state.pages(.dongs)
        #expect(boardPages == (data.board.count + state.layout.boardRowsPerPage - 1) / state.layout.boardRowsPerPage)
        #expect(boardPages >= 2 && dongPages >= 2, "the demo's today and 31 dongs do not fit 80x24 at once")
        var seen: [KioskScreen] = [state.screen]
        // Nine seconds change nothing; the tenth moves on.
        #expect(after(9, state).0.screen == state.screen)
        for _ in 1..<(boardPages + 1 + dongPages) {
            state = after(10, state).0
            seen.append(state.screen)
        }
        let expected = (0..<boardPages).map { KioskScreen(view: .board, page: $0) } + [KioskScreen(view: .figures, page: 0)]
            + (0..<dongPages).map { KioskScreen(view: .dongs, page: $0) }
        #expect(seen == expected)
        #expect(after(10, state).0.screen == KioskScreen(view: .board, page: 0))
        // Only the views asked for, in the order asked.
        var chosen = self.state(views: [.figures, .board], rotate: 5)
        #expect(chosen.screen.view == .figures)
        chosen = after(5, chosen).0
        #expect(chosen.screen == KioskScreen(view: .board, page: 0))
    }

    @Test func qAsksFirstYClosesAndAnyOtherKeyKeepsShowing() {
        defer { try? FileManager.default.removeItem(at: folder) }
        let start = state()
        let (asking, none) = kioskUpdate(start, .key(.character("q")))
        #expect(asking.confirmingQuitSince != nil && none.isEmpty && !asking.quit)
        let (closing, effects) = kioskUpdate(asking, .key(.character("y")))
        #expect(closing.quit && effects == [.quit])
        // On a Korean keyboard layout q types ㅂ and y types ㅛ.
        let korean = kioskUpdate(kioskUpdate(start, .key(.character("ㅂ"))).0, .key(.character("ㅛ")))
        #expect(korean.0.quit && korean.1 == [.quit])
        for key in [Key.character("n"), .escape, .enter, .character("q")] {
            let (kept, nothing) = kioskUpdate(asking, .key(key))
            #expect(!kept.quit && nothing.isEmpty && kept.confirmingQuitSince == nil)
        }
        // Unanswered, the question goes away by itself for the next passer-by.
        #expect(after(14, asking).0.confirmingQuitSince != nil)
        #expect(after(15, asking).0.confirmingQuitSince == nil)
    }

    @Test func noOtherKeyChangesAnything() {
        defer { try? FileManager.default.removeItem(at: folder) }
        let start = state()
        let keys: [Key] = [.enter, .escape, .tab, .backTab, .up, .down, .left, .right, .pageUp, .pageDown, .home, .end, .backspace,
                           .delete, .function(1), .function(5), .control("r"), .control("c")]
            + "arsdnuy/?1234 []".map { Key.character($0) }
        for key in keys {
            let (next, effects) = kioskUpdate(start, .key(key))
            #expect(effects.isEmpty, "\(key) asked for \(effects)")
            #expect(next.screen == start.screen && next.confirmingQuitSince == nil && !next.quit)
            #expect(renderKiosk(next, theme: .mono) == renderKiosk(start, theme: .mono), "\(key) changed the screen")
        }
    }

    @Test func aFailedReadKeepsTheLastFiguresAndIsRetriedEveryFiveSeconds() {
        defer { try? FileManager.default.removeItem(at: folder) }
        var state = kioskUpdate(state(), .storeChanged).0
        state = kioskUpdate(state, .failed("저장소를 열 수 없습니다")).0
        #expect(state.data != nil && state.storeProblem != nil)
        let text = renderKiosk(state, theme: .mono).text
        #expect(text.contains("저장소에 연결되지 않음 — 다시 시도 중"))
        #expect(text.contains("마지막 갱신 10:00:00 · 읽기 전용"))
        #expect(text.contains("김*"), "the last board stays up")
        #expect(after(4, state).1.isEmpty)
        let (retrying, effects) = after(5, state)
        #expect(effects == [.load])
        #expect(after(4, retrying).1.isEmpty && after(5, retrying).1 == [.load])
        // Reached again: the problem is gone, and then a read a minute is enough.
        let recovered = kioskUpdate(retrying, .loaded(data)).0
        #expect(recovered.storeProblem == nil)
        #expect(after(59, recovered).1.isEmpty && after(60, recovered).1 == [.load])
        #expect(renderKiosk(recovered, theme: .mono).text.contains(" 연결됨 "))
    }

    @Test func aChangeAsksForAReadAndChangedEscortsAreMarkedForAMoment() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let start = state()
        #expect(kioskUpdate(start, .storeChanged).1 == [.load])
        var changed = data
        let index = try #require(changed.board.firstIndex { $0.status == .pending })
        changed.board[index].status = .assigned
        changed.board[index].version += 1
        let marked = kioskUpdate(start, .loaded(changed)).0
        #expect(Set(marked.changed.keys) == [changed.board[index].requestID])
        #expect(after(5, marked).0.changed.isEmpty)
    }

    @Test func aNewDayIsReadAtOnce() {
        defer { try? FileManager.default.removeItem(at: folder) }
        var state = kioskUpdate(state(), .storeChanged).0
        state = kioskUpdate(state, .loaded(data)).0
        let midnight = CivilDate(DemoDashboard.now, calendar: store.calendar).adding(days: 1, calendar: store.calendar).start(in: store.calendar)
        // The minute's read just before midnight, then none until the day changes.
        state = kioskUpdate(state, .tick(midnight.addingTimeInterval(-30))).0
        #expect(kioskUpdate(state, .tick(midnight.addingTimeInterval(-1))).1.isEmpty)
        #expect(kioskUpdate(state, .tick(midnight)).1 == [.load])
    }

    @Test func aResizeKeepsThePageOnScreenValid() {
        defer { try? FileManager.default.removeItem(at: folder) }
        var state = state()
        while state.screen != KioskScreen(view: .board, page: 1) { state = after(10, state).0 }
        // At 200x60 today's escorts fit on one page.
        let large = kioskUpdate(state, .resize(width: 200, height: 60)).0
        #expect(large.pages(.board) == 1 && large.screen == KioskScreen(view: .board, page: 0))
        let small = kioskUpdate(large, .resize(width: 60, height: 20)).0
        #expect(renderKiosk(small, theme: .mono).text.contains("최소 80x24가 필요합니다"))
    }
}
