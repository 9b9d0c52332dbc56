import Foundation
import HonsimCore
import Testing
@testable import HonsimStore
@testable import HonsimTUI

/// The household form's family contact and eligibility, through `update` and a real store: the
/// family phone checked as the household's phone is, the categories and services elsewhere
/// ticked with Space and saved with the household, the council's rules said in the form where
/// they bite; Korean and English goldens of the form and the page at 80x24 and 120x40.
@Suite("The household form: family contact and eligibility", .serialized)
struct HouseholdFormFlowTests {
    func sheet(_ state: AppState) -> RecordSheet? {
        if case .records(let sheet) = state.overlay { return sheet }
        return nil
    }

    func form(_ state: AppState) -> RecordForm? {
        if case .form(let form)? = sheet(state)?.mode { return form }
        return nil
    }

    /// Moves the focus to the field `key`.
    func focus(_ state: AppState, _ key: String, store: SQLiteStore) async throws -> AppState {
        var state = state
        guard let index = form(state)?.form.index(of: key) else { Issue.record("no field \(key)"); return state }
        while form(state)?.form.focus != index { state = try await press(state, store: store, .tab) }
        return state
    }

    /// Moves to the field `key` and types `text` over what is there.
    func fill(_ state: AppState, _ key: String, _ text: String, store: SQLiteStore) async throws -> AppState {
        var state = try await focus(state, key, store: store)
        for _ in 0..<40 { state = try await press(state, store: store, .backspace) }
        return try await type(state, store: store, text)
    }

    func submit(_ state: AppState, store: SQLiteStore) async throws -> AppState {
        var state = state
        while form(state)?.form.focus != (form(state)?.form.fields.count ?? 0) - 1 { state = try await press(state, store: store, .tab) }
        return try await press(state, store: store, .enter)
    }

    /// The selected request's household page, then its form.
    func editForm(width: Int, height: Int, language: Language, store: SQLiteStore) async throws -> AppState {
        let start = try await DemoDashboard.state(width: width, height: height, language: language, store: store)
        return try await press(start, store: store, .character("h"), .character("e"))
    }

    @Test func theFamilyContactIsTypedCheckedSavedAndShownOnThePage() async throws {
        let (store, folder) = try await DemoDashboard.store()
        defer { try? FileManager.default.removeItem(at: folder) }
        var state = try await editForm(width: 120, height: 40, language: .ko, store: store)
        let household = try #require(sheet(state)?.household?.household)
        state = try await fill(state, "family_name", "박은정", store: store)
        state = try await fill(state, "family_relation", "딸", store: store)
        state = try await fill(state, "family_phone", "010-55", store: store)
        state = try await press(state, store: store, .tab)
        #expect(form(state)?.form.field("family_phone")?.error == RecordText.badPhone.ko)
        // Enter on the last field saves nothing and goes back to the bad phone, keeping what was typed.
        state = try await submit(state, store: store)
        #expect(form(state)?.form.fields[form(state)?.form.focus ?? 0].key == "family_phone")
        #expect(form(state)?.form.text("family_name") == "박은정")
        #expect(try await store.household(id: household.id).version == household.version)
        state = try await fill(state, "family_phone", "01055556666", store: store)
        state = try await submit(state, store: store)
        #expect(sheet(state)?.mode == .page, "\(String(describing: form(state)?.message))")
        let saved = try await store.household(id: household.id)
        #expect(saved.family == FamilyContact(name: "박은정", relation: "딸", phone: "01055556666"))
        #expect(render(state).text.contains("가족: 박은정 (딸) 01055556666"))
    }

    @Test func theEligibilityIsTickedWithSpaceSavedWithTheHouseholdAndTheRulesSayWhereTheyBite() async throws {
        let (store, folder) = try await DemoDashboard.store()
        defer { try? FileManager.default.removeItem(at: folder) }
        var strict = CouncilRules()
        strict.requireCategory = true
        try await store.setCouncilRules(CouncilRuleBook(city: strict))
        var state = try await editForm(width: 120, height: 40, language: .en, store: store)
        let household = try #require(sheet(state)?.household?.household)
        // Nothing ticked under a council that requires a category: the form says so, and saving is allowed.
        state = try await focus(state, "categories", store: store)
        while form(state)?.form.field("categories")?.picked.isEmpty == false {
            let picked = try #require(form(state)?.form.field("categories")?.picked.min())
            while form(state)?.form.field("categories")?.choice != picked { state = try await press(state, store: store, .right) }
            state = try await press(state, store: store, .character(" "))
        }
        let none = RuleFinding(reason: .noCategory, overridable: true).phrase.en
        #expect(render(state).text.contains("⚠ " + String(none.prefix(40))))
        // → to 차상위, Space ticks it; the rule no longer bites.
        while form(state)?.form.field("categories")?.choice != 1 { state = try await press(state, store: store, .right) }
        state = try await press(state, store: store, .character(" "))
        #expect(form(state)?.form.field("categories")?.picked == [1])
        #expect(!render(state).text.contains("⚠ " + String(none.prefix(40))))
        // A service elsewhere that the council excludes: said in the form.
        state = try await focus(state, "served_elsewhere", store: store)
        state = try await press(state, store: store, .character(" "))
        let excluded = RuleFinding(reason: .servedElsewhere([.longTermCare]), overridable: true).phrase.en
        #expect(render(state).text.contains("⚠ " + String(excluded.prefix(40))))
        assertSnapshot(render(state), named: "household-form-rules-en-120x40")
        state = try await submit(state, store: store)
        #expect(sheet(state)?.mode == .page)
        #expect(try await store.eligibility(householdIDs: [household.id])[household.id]
                == HouseholdEligibility(categories: [.nearPoverty], servedElsewhere: [.longTermCare]))
        let audit = try await store.auditLog(in: nil, limit: 3).map(\.action)
        #expect(audit.contains("eligibility") && audit.contains("edit"), "\(audit)")
        #expect(render(state).text.contains("near poverty · served elsewhere: long-term care grade"))
    }

    @Test(arguments: Language.allCases)
    func theFormAndThePageIn80x24And120x40(language: Language) async throws {
        let (store, folder) = try await DemoDashboard.store()
        defer { try? FileManager.default.removeItem(at: folder) }
        for (width, height) in [(80, 24), (120, 40)] {
            let start = try await DemoDashboard.state(width: width, height: height, language: language, store: store)
            let household = try #require(start.selectedRequest?.householdID)
            if try await store.household(id: household).family.isEmpty {
                var record = try await store.household(id: household)
                record.family = FamilyContact(name: "박은정", relation: "딸", phone: "010-5555-6666")
                try await store.saveHousehold(record, eligibility: HouseholdEligibility(categories: [.basicLivelihood]),
                                              expectedVersion: record.version, allowDuplicate: true)
            }
            let page = try await press(start, store: store, .character("h"))
            let pageText = render(page).text
            #expect(pageText.contains(language == .ko ? "가족: " : "family: "))
            assertSnapshot(render(page), named: "household-page-\(language)-\(width)x\(height)")
            var form = try await press(page, store: store, .character("e"))
            form = try await focus(form, "categories", store: store)
            assertSnapshot(render(form), named: "household-form-\(language)-\(width)x\(height)")
        }
    }
}
