import Foundation
import HonsimCore
import Testing
@testable import HonsimStore
@testable import HonsimTUI

/// Golden snapshots of the dialogs and forms that change the store, Korean and English.
@Suite("Writing snapshots", .serialized)
struct WritingSnapshotTests {
    @Test(arguments: Language.allCases)
    func theAssignDialogWithReasonsNearMissesAndSearch(language: Language) async throws {
        let (store, folder) = try await DemoDashboard.store()
        defer { try? FileManager.default.removeItem(at: folder) }
        for (width, height) in [(80, 24), (120, 40)] {
            let state = try await DemoDashboard.state(width: width, height: height, language: language, store: store)
            let dialog = try await press(state, store: store, .character("a"))
            assertSnapshot(render(dialog), named: "assign-\(language)-\(width)x\(height)")
        }
        let state = try await DemoDashboard.state(width: 120, height: 40, language: language, store: store)
        let dialog = try await press(state, store: store, .character("a"))
        let searching = try await type(try await press(dialog, store: store, .character("/")), store: store, "ㄱ")
        assertSnapshot(render(searching), named: "assign-search-\(language)-120x40")
    }

    @Test(arguments: Language.allCases)
    func theFormsAndTheActivityView(language: Language) async throws {
        let (store, folder) = try await DemoDashboard.store()
        defer { try? FileManager.default.removeItem(at: folder) }
        let state = try await DemoDashboard.state(width: 120, height: 40, language: language, store: store)
        var form = try await press(state, store: store, .character("n"))
        form = try await type(form, store: store, "김")
        assertSnapshot(render(form), named: "new-request-search-\(language)-120x40")
        form = try await press(form, store: store, .tab)
        form = try await type(form, store: store, "13월")
        form = try await press(form, store: store, .tab)
        assertSnapshot(render(form), named: "new-request-error-\(language)-120x40")

        let assigned = try await press(state, store: store, .character("a"), .enter)
        assertSnapshot(render(assigned), named: "assigned-notice-\(language)-120x40")
        let activity = try await press(assigned, store: store, .character("l"))
        assertSnapshot(render(activity), named: "activity-\(language)-120x40")
        let plan = try await press(state, store: store, .character("p"), .down, .character(" "))
        assertSnapshot(render(plan), named: "plan-\(language)-120x40")
    }
}
