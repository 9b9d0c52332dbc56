import Foundation
import HonsimCore
import Testing
@testable import HonsimStore
@testable import HonsimTUI

/// Assigning at the keyboard, through `update` and a real store.
@Suite("Assign flows", .serialized)
struct AssignFlowTests {
    let store: SQLiteStore
    let folder: URL

    init() async throws {
        (store, folder) = try await DemoDashboard.store()
    }

    func state(language: Language = .ko) async throws -> AppState {
        try await DemoDashboard.state(width: 120, height: 40, language: language, store: store)
    }

    func dialog(_ state: AppState) -> AssignDialog? {
        if case .assign(let dialog) = state.overlay { return dialog }
        return nil
    }

    /// A pending request whose candidates include one excluded by `kind` of rule, and where it is.
    func requestWith(_ wanted: (Candidate) -> Bool) async throws -> (EscortRequest, Candidate) {
        for request in try await store.pendingRequests(limit: 200) {
            let ranking = try await store.candidates(for: request.id)
            if let candidate = ranking.excluded.first(where: wanted) { return (request, candidate) }
        }
        throw CancellationError()
    }

    func select(_ request: EscortRequest, in state: AppState) -> AppState {
        var state = state
        state.selection[.requests] = state.visibleRequests.firstIndex { $0.id == request.id } ?? 0
        return state
    }

    @Test func aThenEnterAssignsTheFirstRequestToItsBestCandidate() async throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let start = try await state()
        let first = try #require(start.selectedRequest)
        #expect(first.status == .pending)
        let best = try #require(try await store.candidates(for: first.id).eligible.first)
        let opened = try await press(start, store: store, .character("a"))
        #expect(dialog(opened)?.ranking?.eligible.first?.id == best.id)
        let done = try await press(opened, store: store, .enter)
        #expect(done.overlay == nil)
        let stored = try await store.request(id: first.id)
        #expect(stored.status == .assigned && stored.volunteerID == best.volunteer.id)
        #expect(done.notice?.contains(best.volunteer.name) == true)
        #expect(done.noticeRole == .ok)
        #expect(done.lastUndo?.targets == [UndoTarget(requestID: first.id, version: stored.version)])
        // The pane shows it assigned after the reload.
        #expect(done.data?.requests.first { $0.id == first.id }?.status == .assigned)
    }

    @Test func aDigitPicksTheNthCandidate() async throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let start = try await state()
        let first = try #require(start.selectedRequest)
        let third = try await store.candidates(for: first.id).eligible[2]
        _ = try await press(start, store: store, .character("a"), .character("3"))
        #expect(try await store.request(id: first.id).volunteerID == third.volunteer.id)
    }

    @Test func anOverridableRuleAsksFirstThenAssignsByOverride() async throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let (request, candidate) = try await requestWith { $0.isOverridable }
        let start = select(request, in: try await state())
        var state = try await press(start, store: store, .character("a"))
        let rows = try #require(dialog(state)?.rows)
        let index = try #require(rows.firstIndex { $0.id == candidate.id })
        for _ in 0..<index { state = try await press(state, store: store, .down) }
        state = try await press(state, store: store, .enter)
        #expect(dialog(state)?.confirmingOverride?.id == candidate.id)
        #expect(try await store.request(id: request.id).status == .pending)
        // Any key but y backs out; y assigns.
        state = try await press(state, store: store, .character("n"))
        #expect(dialog(state)?.confirmingOverride == nil)
        state = try await press(state, store: store, .enter, .character("y"))
        #expect(try await store.request(id: request.id).volunteerID == candidate.volunteer.id)
        #expect(try await store.auditLog(in: nil, limit: 1).first?.action == "assign (override)")
    }

    @Test func aHardRuleIsNeverOverriddenAndSaysWhy() async throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let (request, candidate) = try await requestWith { !$0.isOverridable }
        var state = try await press(select(request, in: try await state()), store: store, .character("a"))
        let index = try #require(dialog(state)?.rows.firstIndex { $0.id == candidate.id })
        for _ in 0..<index { state = try await press(state, store: store, .down) }
        let (next, effects) = update(state, .key(.enter))
        #expect(effects.isEmpty)
        #expect(dialog(next)?.message?.contains(candidate.volunteer.name) == true)
        #expect(dialog(next)?.confirmingOverride == nil)
        #expect(try await store.request(id: request.id).status == .pending)
    }

    @Test func slashFindsAnyVolunteerByNameWithTheReasonTheyAreExcluded() async throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let start = try await state()
        let first = try #require(start.selectedRequest)
        // Someone beyond the near-misses the ranking lists.
        let ranking = try await store.candidates(for: first.id)
        let listed = Set((ranking.eligible + ranking.excluded).map(\.id))
        let outsider = try #require(try await store.volunteers().first { !listed.contains($0.id) })
        var state = try await press(start, store: store, .character("a"), .character("/"))
        state = try await type(state, store: store, outsider.name)
        let found = try #require(dialog(state)?.rows.first { $0.id == outsider.id })
        #expect(!found.exclusions.isEmpty)
        // Esc leaves the search, then the dialog.
        state = try await press(state, store: store, .escape)
        #expect(dialog(state)?.search == nil)
        state = try await press(state, store: store, .escape)
        #expect(state.overlay == nil)
    }

    @Test func whenAnotherCoordinatorAssignsFirstTheDialogSaysWhoAndNothingIsDoubled() async throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let start = try await state()
        let first = try #require(start.selectedRequest)
        let opened = try await press(start, store: store, .character("a"))
        let ranking = try #require(dialog(opened)?.ranking)
        // Lee, at another terminal, takes the same request with the second candidate.
        let lee = try await DemoDashboard.secondStore(store, user: "lee")
        try await lee.assign(requestID: first.id, volunteerID: ranking.eligible[1].volunteer.id, expectedVersion: nil, override: false)
        let after = try await press(opened, store: store, .enter)
        let shown = try #require(dialog(after))
        #expect(shown.message?.contains("lee") == true)
        #expect(shown.message?.contains(ranking.eligible[1].volunteer.name) == true)
        // The candidates were read again, with the request as it now is.
        #expect(shown.request.status == .assigned)
        let stored = try await store.request(id: first.id)
        #expect(stored.volunteerID == ranking.eligible[1].volunteer.id)
        #expect(try await store.assignments(in: TimeSpan(start: first.span.start.addingTimeInterval(-60), end: first.span.end))
            .filter { $0.requestID == first.id && $0.state == .active }.count == 1)
        #expect(try await store.checkInvariants().isEmpty)
    }

    @Test func aLockedStoreGivesAMessageAndARetryAndNoHalfChange() async throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let start = try await state()
        let first = try #require(start.selectedRequest)
        let opened = try await press(start, store: store, .character("a"))
        let (sent, effects) = update(opened, .key(.enter))
        guard case .write(let write) = effects.first else { Issue.record("no write"); return }
        // The store answers that it is locked (what a 15 s wait ends in).
        let failed = update(sent, .writeFailed(write, WriteFailure(StoreError.busy(path: store.location), language: .ko, calendar: store.calendar))).0
        let shown = try #require(dialog(failed))
        #expect(shown.retry == write)
        #expect(shown.message?.contains("잠겨") == true)
        #expect(try await store.request(id: first.id).status == .pending)
        // r tries the same write again, which now goes through.
        let (_, retried) = update(failed, .key(.character("r")))
        #expect(retried == [.write(write)])
        let done = try await settle(failed, retried, store: store)
        #expect(done.overlay == nil)
        #expect(try await store.request(id: first.id).status == .assigned)
    }
}

extension AssignFlowTests {
    @Test func aStoreMovedAwayMidDialogSaysSoAndTheRetryWorksOnceItIsBack() async throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let start = try await state()
        let first = try #require(start.selectedRequest)
        let opened = try await press(start, store: store, .character("a"))
        let aside = store.location + ".away"
        try FileManager.default.moveItem(atPath: store.location, toPath: aside)
        let failed = try await press(opened, store: store, .enter)
        let shown = try #require(dialog(failed))
        #expect(shown.message?.contains("사라졌습니다") == true)
        #expect(shown.retry != nil)
        try FileManager.default.moveItem(atPath: aside, toPath: store.location)
        #expect(try await store.request(id: first.id).status == .pending)
        let done = try await press(failed, store: store, .character("r"))
        #expect(done.overlay == nil)
        #expect(try await store.request(id: first.id).status == .assigned)
    }
}

extension AssignFlowTests {
    @Test func whenTheVolunteerIsBookedMeanwhileForAnOverlappingEscortTheDialogSaysSo() async throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let start = try await state()
        let first = try #require(start.selectedRequest)
        let opened = try await press(start, store: store, .character("a"))
        let best = try #require(dialog(opened)?.ranking?.eligible.first)
        // Meanwhile lee books the same volunteer for another household at the same hour.
        let lee = try await DemoDashboard.secondStore(store, user: "lee")
        let household = try #require(try await store.households().first { $0.id != first.householdID && !$0.closed })
        var draft = first
        draft.householdID = household.id
        let overlapping = try #require(try await lee.createRequests([draft]).first)
        try await lee.assign(requestID: overlapping.id, volunteerID: best.volunteer.id, expectedVersion: nil, override: true)
        let after = try await press(opened, store: store, .enter)
        let shown = try #require(dialog(after))
        #expect(shown.message?.contains(best.volunteer.name) == true)
        #expect(shown.message?.contains("겹칩니다") == true)
        #expect(try await store.request(id: first.id).status == .pending)
        // The candidates were read again: the volunteer is now a near-miss for the overlap.
        #expect(shown.ranking?.eligible.contains { $0.id == best.id } == false)
        #expect(try await store.checkInvariants().isEmpty)
    }
}
