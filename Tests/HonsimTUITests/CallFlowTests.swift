import Foundation
import HonsimCore
import Testing
@testable import HonsimStore
@testable import HonsimTUI

/// The call list (`C`), through `update` and a real store seeded with the demo: tomorrow's
/// escorts, the day moved with `[` `]`, calls recorded in two keys and a note (Enter, or Esc
/// for none), a volunteer who cannot go
/// released into the assign dialog, a household's cancellation to the cancel form.
@Suite("Call list flows", .serialized)
struct CallFlowTests {
    let store: SQLiteStore
    let folder: URL

    init() async throws {
        (store, folder) = try await DemoDashboard.store()
    }

    func sheet(_ state: AppState) -> CallSheet? {
        if case .calls(let sheet) = state.overlay { return sheet }
        return nil
    }

    var tomorrow: CivilDate { CivilDate(DemoDashboard.now, calendar: DemoDashboard.calendar).adding(days: 1, calendar: DemoDashboard.calendar) }

    /// The list opened on tomorrow, with the cursor on its first escort that a volunteer holds
    /// and nobody has called yet.
    func openOnHeldEscort() async throws -> (AppState, DayEscort) {
        let start = try await DemoDashboard.state(width: 120, height: 40, store: store)
        var state = try await press(start, store: store, .character("C"))
        let list = try #require(sheet(state)?.list)
        let index = try #require(list.escorts.firstIndex { $0.request.volunteerID != nil && $0.request.status == .assigned && $0.attempts.isEmpty },
                                 "the demo has an assigned escort tomorrow not yet called")
        for _ in 0..<index { state = try await press(state, store: store, .down) }
        return (state, list.escorts[index])
    }

    @Test func theListOpensOnTomorrowAndTheDayMovesWithBrackets() async throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let start = try await DemoDashboard.state(width: 120, height: 40, store: store)
        var state = try await press(start, store: store, .character("C"))
        let list = try #require(sheet(state)?.list)
        #expect(list.day == tomorrow)
        #expect(!list.escorts.isEmpty)
        let expected = try await store.escorts(on: tomorrow)
        #expect(list.escorts.map(\.request.id) == expected.escorts.map(\.request.id))
        state = try await press(state, store: store, .character("]"))
        #expect(sheet(state)?.list?.day == tomorrow.adding(days: 1, calendar: DemoDashboard.calendar))
        state = try await press(state, store: store, .character("["), .character("["))
        #expect(sheet(state)?.day == tomorrow.adding(days: -1, calendar: DemoDashboard.calendar))
        state = try await press(state, store: store, .escape)
        #expect(state.overlay == nil)
    }

    /// A city's day shows its first screen at once and reads the rest right after. Read again
    /// (after a call, or another coordinator's change), the whole day shown is read whole; a
    /// first screen answered late does not replace it: the list and its cursor stay.
    @Test func aDaysFirstScreenIsShownAtOnceAndTheRestFollows() async throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let start = try await DemoDashboard.state(width: 120, height: 40, store: store)
        var (state, effects) = press(start, .character("C"))
        #expect(effects == [.loadCalls(tomorrow)])
        let first = try await store.escorts(on: tomorrow, detailing: 2)
        let whole = try await store.escorts(on: tomorrow)
        try #require(whole.escorts.count >= 4, "the demo has a few escorts tomorrow")
        #expect(!first.isWhole && first.summary == whole.summary)

        (state, effects) = update(state, .callsLoaded(first))
        #expect(sheet(state)?.list == first)
        #expect(effects == [.loadWholeCalls(tomorrow)])
        #expect(render(state).text.contains(DomainPhrases.summary(whole.summary, language: .ko)), "the whole day's counts, at once")
        // What goes over the whole day waits for it: the sheets typed back in, the reminders sent.
        (state, _) = press(state, .character("o"))
        #expect(state.notice == UIText.callsLoading.ko && state.overlay.map { if case .calls = $0 { true } else { false } } == true)
        (state, _) = press(state, .down, .down, .down)
        #expect(sheet(state)?.cursor == 1, "the cursor stays among the escorts read")

        state = try await settle(state, effects, store: store)
        #expect(sheet(state)?.list == whole)
        (state, _) = press(state, .down, .down)
        #expect(sheet(state)?.cursor == 3)
        // Read again after another coordinator's change: the whole day, not its first screen again.
        #expect(update(state, .storeChanged).1.contains(.loadWholeCalls(tomorrow)))
        #expect(!update(state, .storeChanged).1.contains(.loadCalls(tomorrow)))
        // A first screen asked for before the whole day came, answered after it.
        (state, effects) = update(state, .callsLoaded(first))
        #expect(sheet(state)?.list == whole && sheet(state)?.cursor == 3)
        #expect(effects == [.loadWholeCalls(tomorrow)])
        // Another day's answer, come late, is not shown.
        let dayAfter = try await store.escorts(on: tomorrow.adding(days: 1, calendar: DemoDashboard.calendar))
        (state, effects) = update(state, .callsLoaded(dayAfter))
        #expect(sheet(state)?.list == whole && effects.isEmpty)
    }

    @Test func twoCallsConfirmingBothSidesMakeTheEscortReady() async throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        var (state, escort) = try await openOnHeldEscort()
        // A result before whom the call was with asks for whom first and records nothing.
        state = try await press(state, store: store, .character("y"))
        #expect(state.notice == UIText.callsPartyFirst.ko)
        #expect(try await store.contactAttempts(requestID: escort.request.id).isEmpty)
        state = try await press(state, store: store, .character("v"), .character("y"), .escape, .character("f"), .character("y"), .enter)
        let attempts = try await store.contactAttempts(requestID: escort.request.id)
        #expect(attempts.map(\.party) == [.volunteer, .family])
        #expect(attempts.allSatisfy { $0.result == .confirmed && $0.by == "kim" })
        let shown = try #require(sheet(state)?.list?.escorts.first { $0.request.id == escort.request.id })
        #expect(shown.readiness == .ready, "the list was read again after each call")
        // The household's page lists the calls.
        let record = try await store.householdRecord(id: escort.household.id, reveal: .full(requestID: nil))
        let page = RecordPage.household(record, dongs: try await store.dongs(), full: true, now: DemoDashboard.now,
                                        calendar: DemoDashboard.calendar, language: .ko)
        let calls = try #require(page.sections.first { $0.title == "확인 전화" })
        #expect(calls.lines.contains { $0.hasPrefix("#\(escort.request.id) ") && $0.contains("가족 확인") })
        // Esc after the first key of a call takes back that key only.
        state = try await press(state, store: store, .character("h"), .escape)
        #expect(sheet(state)?.party == nil && sheet(state) != nil)
    }

    /// A volunteer's call is about the volunteer who holds the escort: with none, it is not
    /// recorded, and the household's side still is.
    @Test func anEscortWithoutAVolunteerTakesNoVolunteersCall() async throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let start = try await DemoDashboard.state(width: 120, height: 40, store: store)
        var state = try await press(start, store: store, .character("C"))
        let list = try #require(sheet(state)?.list)
        let index = try #require(list.escorts.firstIndex { $0.request.volunteerID == nil }, "the demo has an escort tomorrow nobody holds")
        for _ in 0..<index { state = try await press(state, store: store, .down) }
        let escort = list.escorts[index]
        state = try await press(state, store: store, .character("v"), .character("y"))
        #expect(state.notice == UIText.callsPartyFirst.ko, "v chose nobody, so y asks whom first")
        state = try await press(state, store: store, .character("v"))
        #expect(state.notice == UIText.callsNoVolunteer.ko && sheet(state)?.party == nil)
        state = try await press(state, store: store, .character("h"), .character("n"), .enter)
        #expect(try await store.contactAttempts(requestID: escort.request.id).map(\.party) == [.household])
    }

    @Test func aVolunteerWhoCannotGoIsReleasedAndTheEscortOpensInTheAssignDialog() async throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        var (state, escort) = try await openOnHeldEscort()
        state = try await press(state, store: store, .character("v"), .character("c"), .escape)
        let request = try await store.request(id: escort.request.id)
        #expect(request.status == .pending && request.volunteerID == nil)
        guard case .assign(let dialog) = state.overlay else { Issue.record("expected the assign dialog, got \(String(describing: state.overlay))"); return }
        #expect(dialog.requestID == escort.request.id)
        #expect(try await store.contactAttempts(requestID: escort.request.id).map(\.result) == [.cancelled])
        #expect(try await store.checkInvariants().isEmpty)
    }

    @Test func aHouseholdThatCancelsGoesToTheCancelForm() async throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        var (state, escort) = try await openOnHeldEscort()
        state = try await press(state, store: store, .character("h"), .character("c"), .enter)
        guard case .action(let form) = state.overlay else { Issue.record("expected the cancel form, got \(String(describing: state.overlay))"); return }
        #expect(form.action == .cancel && form.request.id == escort.request.id)
        #expect(try await store.request(id: escort.request.id).status == .assigned, "nothing cancelled before the form is sent")
    }

    @Test(arguments: [(Language.ko, 80, 24), (.ko, 120, 40), (.en, 80, 24), (.en, 120, 40)])
    func goldens(_ language: Language, _ width: Int, _ height: Int) async throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let start = try await DemoDashboard.state(width: width, height: height, language: language, store: store)
        var state = try await press(start, store: store, .character("C"))
        let list = try #require(sheet(state)?.list)
        let held = try #require(list.escorts.first { $0.request.volunteerID != nil && $0.attempts.isEmpty })
        try await store.recordAttempt(requestID: held.request.id, party: .volunteer, result: .confirmed, note: "")
        try await store.recordAttempt(requestID: held.request.id, party: .household, result: .noAnswer, note: "")
        state = try await settle(state, [.loadCalls(tomorrow)], store: store)
        state = try await press(state, store: store, .character("h"))
        let canvas = render(state)
        assertSnapshot(canvas, named: "calls-\(language.rawValue)-\(width)x\(height)")
    }
}
