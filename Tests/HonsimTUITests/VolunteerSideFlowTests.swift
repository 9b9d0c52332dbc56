import Foundation
import HonsimCore
import Testing
@testable import HonsimStore
@testable import HonsimTUI

/// The volunteers' side in the dashboard: the credentials list (`e`) with the pane's marker,
/// and the completion form's expenses with the ceiling's warning, in Korean and English.
@Suite("The volunteers' side in the dashboard", .serialized)
struct VolunteerSideFlowTests {
    /// Three demo volunteers with credentials that bite: an insurance lapsing in 10 days, one
    /// lapsed 10 days ago, and a background check made 12 months less 5 days ago.
    /// The first three the volunteer pane lists, so that its marks are on screen.
    static func withCredentials(_ store: SQLiteStore) async throws -> [Int64] {
        let today = CivilDate(DemoDashboard.now, calendar: DemoDashboard.calendar)
        let listed = try await DemoDashboard.state(width: 120, height: 40, store: store).visibleVolunteers.filter { !$0.closed }
        let volunteers = Array(listed.prefix(3))
        let changes: [(inout Volunteer) -> Void] = [
            { $0.insuredUntil = today.adding(days: 10, calendar: DemoDashboard.calendar) },
            { $0.insuredUntil = today.adding(days: -10, calendar: DemoDashboard.calendar) },
            { $0.backgroundCheckedOn = CivilDate(year: 2025, month: 12, day: 5) },
        ]
        for (volunteer, change) in zip(volunteers, changes) {
            var changed = volunteer
            change(&changed)
            try await store.saveVolunteer(changed, expectedVersion: changed.version, allowDuplicate: true)
        }
        return volunteers.map(\.id)
    }

    @Test func eOpensTheCredentialsListAndEscClosesIt() async throws {
        let (store, folder) = try await DemoDashboard.store()
        defer { try? FileManager.default.removeItem(at: folder) }
        let demo = try #require(try await DemoDashboard.state(width: 120, height: 40, store: store).data).expiring
        let ids = try await VolunteerSideFlowTests.withCredentials(store)
        let state = try await DemoDashboard.state(width: 120, height: 40, store: store)
        let data = try #require(state.data)
        // Soonest first: the lapsed one, then the background check, then the insurance.
        let own = data.expiring.filter { ids.contains($0.volunteerID) }
        #expect(own.map(\.volunteerID) == [ids[1], ids[2], ids[0]])
        #expect(own.map(\.daysLeft) == [-10, 4, 10])
        // The demo's own expiries are listed beside them, in the same order.
        let others = data.expiring.filter { !ids.contains($0.volunteerID) }
        #expect(others == demo.filter { !ids.contains($0.volunteerID) })
        #expect(data.expiring.map { $0.daysLeft ?? .max } == data.expiring.map { $0.daysLeft ?? .max }.sorted())
        #expect(data.expiringVolunteers == Set(ids + others.map(\.volunteerID)))
        let opened = press(state, .character("e")).0
        guard case .credentials(offset: 0)? = opened.overlay else { Issue.record("not opened: \(String(describing: opened.overlay))"); return }
        // Down stops at the last line.
        let last = data.expiring.count - 1
        let moved = (0...last).reduce(opened) { state, _ in press(state, .down).0 }
        guard case .credentials(offset: last)? = moved.overlay else { Issue.record("not moved: \(String(describing: moved.overlay))"); return }
        #expect(press(moved, .escape).0.overlay == nil)
        // The key is remappable, and the help lists it.
        var remapped = state
        remapped.keymap = Keymap(overrides: ["credentials": [.character("v")]])
        if case .credentials? = press(remapped, .character("v")).0.overlay {} else { Issue.record("the remapped key does not open it") }
        #expect(press(remapped, .character("e")).0.overlay == nil)
        var help = press(state, .character("?")).0
        for _ in 0..<12 { help = press(help, .down).0 }
        #expect(render(help).text.contains("봉사자 자격 만료 목록"))
        // A viewer may look at it too.
        var viewer = state
        viewer.access = Access(user: "park", role: .viewer, readOnly: false)
        if case .credentials? = press(viewer, .character("e")).0.overlay {} else { Issue.record("a viewer cannot open it") }
    }

    @Test(arguments: Language.allCases)
    func theCredentialsListAndThePanesMarker(language: Language) async throws {
        let (store, folder) = try await DemoDashboard.store()
        defer { try? FileManager.default.removeItem(at: folder) }
        let ids = try await VolunteerSideFlowTests.withCredentials(store)
        let state = try await DemoDashboard.state(width: 120, height: 40, language: language, store: store)
        let names = try await ids.asyncMap { try await store.volunteer(id: $0).name }
        let pane = render(state).text
        for name in names { #expect(pane.contains("!" + String(name.prefix(3))), "no marker for \(name)") }
        assertSnapshot(render(press(state, .character("e")).0), named: "credentials-\(language)-120x40")
    }

    @Test(arguments: Language.allCases)
    func theCompletionFormWithExpensesWarnsPastTheCeiling(language: Language) async throws {
        let (store, folder) = try await DemoDashboard.store()
        defer { try? FileManager.default.removeItem(at: folder) }
        var state = try await DemoDashboard.state(width: 120, height: 40, language: language, store: store)
        let request = try #require(state.data?.requests.first { $0.status == .inProgress || $0.status == .confirmed })
        state.overlay = .action(ActionForm(action: .complete, request: request, language: language))
        // To the fares: minutes, outcome, doctor's words, follow-up, then fares.
        state = press(state, .tab, .tab, .tab, .tab).0
        state = type(state, "12,000")
        state = press(state, .tab).0
        state = type(state, "5000")
        state = press(state, .tab).0
        state = type(state, "9000원")
        guard case .action(let form)? = state.overlay else { Issue.record("the form closed"); return }
        #expect(form.typedExpenses == Expenses(fares: 12_000, parking: 5_000, meals: 9_000))
        let screen = render(state)
        #expect(screen.text.contains(language == .ko ? "한도 20,000원을 6,000원 넘습니다" : "pass the ceiling of 20,000원 by 6,000원"))
        assertSnapshot(screen, named: "complete-expenses-\(language)-120x40")
        // A word where an amount goes is named beside its field and nothing is sent.
        var bad = state
        bad = type(bad, "x")
        let (refused, effects) = press(bad, .enter)
        #expect(effects.isEmpty)
        guard case .action(let shown)? = refused.overlay else { Issue.record("the form closed"); return }
        #expect(shown.form.field("meals")?.error == UIText.errorAmount.text(language))
    }

    @Test func theCompletionIsWrittenWithItsExpenses() async throws {
        let (store, folder) = try await DemoDashboard.store()
        defer { try? FileManager.default.removeItem(at: folder) }
        var state = try await DemoDashboard.state(width: 120, height: 40, store: store)
        let request = try #require(state.data?.requests.first { $0.status == .inProgress })
        state.overlay = .action(ActionForm(action: .complete, request: request, language: .ko))
        state = press(state, .tab, .tab, .tab, .tab).0
        state = type(state, "2800")
        // Enter moves on through parking and meals, and saves from the last field.
        let (sent, effects) = press(state, .enter, .enter, .enter)
        let done = try await settle(sent, effects, store: store)
        #expect(try await store.request(id: request.id).status == .completed)
        #expect(try await store.expenses(requestID: request.id) == Expenses(fares: 2_800))
        _ = done
    }
}

extension Array {
    func asyncMap<T>(_ transform: (Element) async throws -> T) async rethrows -> [T] {
        var out: [T] = []
        for element in self { out.append(try await transform(element)) }
        return out
    }
}
