import Foundation
import HonsimCore
import Testing
@testable import HonsimStore
@testable import HonsimTUI

/// Golden snapshots of the whole screen on the demo data, Korean and English, at the sizes
/// a coordinator uses: 80x24 (tabs), 120x40 and 200x60 (three panes).
@Suite("Dashboard snapshots", .serialized)
struct DashboardSnapshotTests {
    static let sizes = [(80, 24), (120, 40), (200, 60)]

    @Test(arguments: Language.allCases)
    func everyPaneAtEverySize(language: Language) async throws {
        let (store, folder) = try await DemoDashboard.store()
        defer { try? FileManager.default.removeItem(at: folder) }
        for (width, height) in Self.sizes {
            let state = try await DemoDashboard.state(width: width, height: height, language: language, store: store)
            if state.layout == .tabs {
                for pane in Pane.allCases {
                    let focused = press(state, .character(Character(String(pane.rawValue + 1)))).0
                    assertSnapshot(render(focused), named: "dashboard-\(language)-\(width)x\(height)-\(pane)")
                }
            } else {
                assertSnapshot(render(state), named: "dashboard-\(language)-\(width)x\(height)")
            }
            assertSnapshot(render(press(state, .character("?")).0), named: "help-\(language)-\(width)x\(height)")
        }
    }

    @Test(arguments: Language.allCases)
    func detailsScopePickerAndFilter(language: Language) async throws {
        let (store, folder) = try await DemoDashboard.store()
        defer { try? FileManager.default.removeItem(at: folder) }
        let state = try await DemoDashboard.state(width: 120, height: 40, language: language, store: store)
        let (opening, effects) = press(state, .enter)
        assertSnapshot(render(try await settle(opening, effects, store: store)), named: "details-\(language)-120x40")
        assertSnapshot(render(press(state, .character("d"), .down, .character(" ")).0), named: "scope-\(language)-120x40")
        let filtering = type(press(state, .character("/")).0, "ㅅㅅ")
        assertSnapshot(render(filtering), named: "filter-\(language)-120x40")
    }

    @Test(arguments: Language.allCases)
    func aTerminalTooSmallSaysWhatItNeeds(language: Language) async throws {
        let (store, folder) = try await DemoDashboard.store()
        defer { try? FileManager.default.removeItem(at: folder) }
        let state = try await DemoDashboard.state(width: 79, height: 24, language: language, store: store)
        let canvas = render(state)
        #expect(canvas.text.contains(language == .ko ? "최소 80x24가 필요합니다" : "needs at least 80x24"))
        assertSnapshot(canvas, named: "too-small-\(language)-79x24")
    }

    @Test(arguments: Language.allCases)
    func anEmptyStoreSaysHowToBegin(language: Language) async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("honsim-tui-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = try SQLiteStore(path: folder.appendingPathComponent("empty.sqlite").path, create: true)
        let state = try await DemoDashboard.state(width: 120, height: 40, language: language, store: store)
        let canvas = render(state)
        #expect(canvas.text.contains(language == .ko ? "honsim seed" : "Start with 'honsim seed'"))
        assertSnapshot(canvas, named: "empty-\(language)-120x40")
    }

    @Test func storeTextWithEscapesAndVeryLongNamesIsShownHarmlessly() async throws {
        let (store, folder) = try await DemoDashboard.store()
        defer { try? FileManager.default.removeItem(at: folder) }
        var state = try await DemoDashboard.state(width: 200, height: 60, store: store)
        // The request on the first row, where the whole name has room to overflow.
        guard var data = state.data, let first = state.visibleRequests.first, var household = data.households[first.householdID],
              let index = data.requests.firstIndex(where: { $0.id == first.id }) else {
            Issue.record("no demo request")
            return
        }
        household.name = "\u{1B}]0;pwned\u{07}김\u{1B}[31m순자\u{1B}[0m아주아주긴이름의대상자입니다정말로길어요"
        data.households[first.householdID] = household
        data.requests[index].hospital = "한림대학교성심병원\n\t\u{1B}[2J별관"
        state = update(state, .loaded(data)).0
        let canvas = render(state)
        let text = canvas.text
        #expect(!text.contains("\u{1B}") && !text.contains("pwned") && !text.contains("\u{07}"))
        #expect(text.contains("김순자…"))
        #expect(text.contains("…"))
        #expect(text.contains("한림대학교성심병원  별관"))
    }
}
