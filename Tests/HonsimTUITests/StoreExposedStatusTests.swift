import Foundation
import HonsimCore
import Testing
@testable import HonsimStore
@testable import HonsimTUI

/// A store other accounts can read is said on the status bar for as long as the dashboard is open.
@Suite("Status bar: a store others can read", .serialized)
struct StoreExposedStatusTests {
    @Test(arguments: Language.allCases) func theStatusBarSaysSoInPlaceOfConnected(_ language: Language) async throws {
        let (store, folder) = try await DemoDashboard.store()
        defer { try? FileManager.default.removeItem(at: folder) }
        var state = try await DemoDashboard.state(width: 120, height: 40, language: language, store: store)
        let bar = { (state: AppState) in render(state).line(39) }
        #expect(bar(state).contains(UIText.connected.text(language)))
        state.session.storeExposed = true
        #expect(bar(state).contains(UIText.storeExposed.text(language)) && !bar(state).contains(UIText.connected.text(language)))
        // A key and a tick later, still there: it is not a one-time notice.
        state = update(press(state, .down).0, .tick(state.now.addingTimeInterval(1))).0
        #expect(bar(state).contains(UIText.storeExposed.text(language)))
        // It begins the bar, in the warning's style.
        let canvas = renderFrame(state, theme: .mono)
        #expect(canvas.line(39).hasPrefix(" " + UIText.storeExposed.text(language)))
        #expect(canvas[1, 39].style == Theme.mono.style(.warning))
    }
}
