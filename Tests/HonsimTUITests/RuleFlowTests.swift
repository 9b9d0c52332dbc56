import Foundation
import HonsimCore
import Testing
@testable import HonsimStore
@testable import HonsimTUI

/// The council's rules on the dashboard, through `update` and a real store: the new-request
/// form refusing in words and going ahead by an override with a reason; the no-show flags in
/// the assign dialog and on the household page, Korean and English goldens.
@Suite("The council's rules on the dashboard", .serialized)
struct RuleFlowTests {
    /// Opens the form and fills one request for `household` on 12/3 at 14:00, at 안양샘병원.
    func filledForm(_ start: AppState, store: SQLiteStore, household: Int64) async throws -> AppState {
        var state = try await press(start, store: store, .character("n"))
        state = try await type(state, store: store, "#\(household)")
        state = try await press(state, store: store, .tab)
        state = try await type(state, store: store, "12/3")
        state = try await press(state, store: store, .tab)
        state = try await type(state, store: store, "14:00")
        state = try await press(state, store: store, .tab, .tab)
        state = try await type(state, store: store, "안양샘병원")
        return try await press(state, store: store, .tab, .tab, .tab, .tab, .tab, .tab, .tab)
    }

    @Test(arguments: Language.allCases)
    func theFormRefusesAHouseholdOutsideTheRulesAndGoesAheadByOverrideWithAReason(language: Language) async throws {
        let (store, folder) = try await DemoDashboard.store()
        defer { try? FileManager.default.removeItem(at: folder) }
        let household = try #require(try await store.households().first { !$0.closed })
        try await store.setEligibility(householdID: household.id, HouseholdEligibility(categories: [.nearPoverty], servedElsewhere: [.customizedElderlyCare]))
        let start = try await DemoDashboard.state(width: 120, height: 40, language: language, store: store)
        var state = try await filledForm(start, store: store, household: household.id)
        state = try await press(state, store: store, .enter)
        guard case .newRequest(let refused) = state.overlay else { Issue.record("the form stays open"); return }
        let reason = RuleFinding(reason: .servedElsewhere([.customizedElderlyCare]), overridable: true).phrase.text(language)
        #expect(refused.message?.contains(reason) == true, "\(refused.message ?? "")")
        #expect(refused.form.field("override") != nil && refused.focusedKey == "override")
        assertSnapshot(render(state), named: "new-request-rules-\(language)-120x40")
        #expect(try await store.requests(in: TimeSpan(start: DemoDashboard.now, end: DemoDashboard.now.addingTimeInterval(30 * 86_400)))
            .filter { $0.hospital == "안양샘병원" && $0.householdID == household.id }.isEmpty, "nothing made")

        // Enter on a blank reason is refused the same way; with one, the request is made.
        state = try await press(state, store: store, .enter)
        guard case .newRequest = state.overlay else { Issue.record("a blank reason is no override"); return }
        state = try await type(state, store: store, "돌봄 서비스 시간 외 진료")
        state = try await press(state, store: store, .enter)
        #expect(state.overlay == nil, "\(String(describing: state.overlay))")
        let made = try await store.requests(in: TimeSpan(start: DemoDashboard.now, end: DemoDashboard.now.addingTimeInterval(30 * 86_400)))
            .filter { $0.hospital == "안양샘병원" && $0.householdID == household.id }
        let request = try #require(made.first)
        #expect(try await store.ruleOverrides(requestIDs: [request.id])[request.id]?.first?.reason == "돌봄 서비스 시간 외 진료")
    }

    /// A no-show of the first pending request's household on record, with a council that flags
    /// from one: the assign dialog and the household page show it.
    func flaggedHousehold(_ store: SQLiteStore) async throws -> EscortRequest {
        let pending = try #require(try await store.pendingRequests(limit: 1).first)
        var sensitive = CouncilRules()
        sensitive.noShowThreshold = 1
        try await store.setCouncilRules(CouncilRuleBook(city: sensitive))
        var other = pending
        other.appointmentAt = DemoDashboard.now.addingTimeInterval(26 * 3600)
        other.pickupAt = other.appointmentAt.addingTimeInterval(-3600)
        other.hospital = "한림대학교성심병원"
        let missed = try #require(try await store.createRequests([other]).first)
        let volunteer = try #require(try await store.candidates(for: missed.id).eligible.first?.volunteer.id)
        try await store.assign(requestID: missed.id, volunteerID: volunteer, expectedVersion: nil, override: false)
        try await store.perform(.noShow, requestID: missed.id, details: ActionDetails(reason: "연락 두절"), expectedVersion: nil)
        try await store.setEligibility(householdID: pending.householdID, HouseholdEligibility(categories: [.basicLivelihood, .caseManaged]))
        return pending
    }

    @Test(arguments: Language.allCases)
    func theAssignDialogAndTheHouseholdPageShowTheNoShowFlagWithTheCounts(language: Language) async throws {
        let (store, folder) = try await DemoDashboard.store()
        defer { try? FileManager.default.removeItem(at: folder) }
        let pending = try await flaggedHousehold(store)
        var state = try await DemoDashboard.state(width: 120, height: 40, language: language, store: store)
        state.selection[.requests] = try #require(state.visibleRequests.firstIndex { $0.id == pending.id })
        let dialog = try await press(state, store: store, .character("a"))
        guard case .assign(let assign) = dialog.overlay else { Issue.record("no assign dialog"); return }
        let counts = try #require(assign.ranking?.conduct.household)
        #expect(counts.noShows == 1)
        let canvas = render(dialog)
        #expect(canvas.text.contains("⚑ \(UIText.household.text(language)) \(counts.phrase.text(language))"))
        #expect(assign.ranking?.eligible.isEmpty == false, "a flag refuses no one")
        assertSnapshot(canvas, named: "assign-flags-\(language)-120x40")

        var opening = state
        let effects = opening.openHouseholdPage()
        let page = try await settle(opening, effects, store: store)
        let text = render(page).text
        #expect(text.contains(language == .ko ? "협의체 기준" : "council rules"))
        #expect(text.contains("⚑ " + counts.phrase.text(language)))
        #expect(text.contains(CouncilRulePhrases.eligibility(HouseholdEligibility(categories: [.basicLivelihood, .caseManaged])).text(language)))
        assertSnapshot(render(page), named: "household-page-rules-\(language)-120x40")
    }
}
