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

    /// A city's ranking lists the best of the eligible: the dialog says how many of how many,
    /// and how to reach anyone else, where nothing else is to be said.
    @Test(arguments: Language.allCases)
    func theAssignDialogSaysItListsTheBestOfMany(language: Language) async throws {
        let (store, folder) = try await DemoDashboard.store()
        defer { try? FileManager.default.removeItem(at: folder) }
        let state = try await DemoDashboard.state(width: 80, height: 24, language: language, store: store)
        let dialog = try await press(state, store: store, .character("a"))
        guard case .assign(let opened)? = dialog.overlay, let ranking = opened.ranking else { Issue.record("no ranking"); return }
        let listed = try await store.candidates(for: opened.requestID, eligibleLimit: 3)
        #expect(listed.eligibleCount == ranking.eligibleCount && listed.eligibleCount > 3)
        let (shown, effects) = update(dialog, .candidatesLoaded(opened.request, listed))
        #expect(effects.isEmpty)
        assertSnapshot(render(shown), named: "assign-listed-\(language)-80x24")
        let text = render(shown).text
        #expect(text.contains(language == .ko ? "가능한 봉사자 \(listed.eligibleCount)명 중 점수 순 3명" : "the best 3 of \(listed.eligibleCount) eligible"))
        // A search's own list says nothing of it.
        let searching = try await press(shown, store: store, .character("/"))
        #expect(!render(searching).text.contains(language == .ko ? "점수 순 3명" : "the best 3"))
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
