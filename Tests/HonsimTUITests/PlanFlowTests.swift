import Foundation
import HonsimCore
import Testing
@testable import HonsimStore
@testable import HonsimTUI

/// Suggest a plan (`p`), through `update` and a real store.
@Suite("Plan flows", .serialized)
struct PlanFlowTests {
    let store: SQLiteStore
    let folder: URL

    init() async throws {
        (store, folder) = try await DemoDashboard.store()
    }

    func sheet(_ state: AppState) -> PlanSheet? {
        if case .plan(let sheet) = state.overlay { return sheet }
        return nil
    }

    @Test func acceptingTheWholePlanAssignsEveryLineAndOneUndoTakesItBack() async throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let start = try await DemoDashboard.state(width: 120, height: 40, store: store)
        var state = try await press(start, store: store, .character("p"))
        let plan = try #require(sheet(state)?.plan)
        #expect(!plan.proposals.isEmpty)
        #expect(Set(plan.proposals.map(\.candidate.volunteer.id)).count == plan.proposals.count, "one request per volunteer")
        #expect(sheet(state)?.ticked == Set(plan.proposals.map(\.request.id)), "every line ticked at first")
        // Only what is pending in the next three days, as asked.
        let until = DemoDashboard.now.addingTimeInterval(3 * 86_400)
        #expect((plan.proposals.map(\.request) + plan.unassigned).allSatisfy { $0.status == .pending && $0.appointmentAt < until })
        state = try await press(state, store: store, .enter)
        #expect(state.overlay == nil)
        for proposal in plan.proposals {
            #expect(try await store.request(id: proposal.request.id).volunteerID == proposal.candidate.volunteer.id)
        }
        #expect(state.notice?.contains("\(plan.proposals.count)") == true)
        #expect(try await store.checkInvariants().isEmpty)
        _ = try await press(state, store: store, .character("u"))
        for proposal in plan.proposals { #expect(try await store.request(id: proposal.request.id).status == .pending) }
    }

    @Test func untickedLinesStayPendingAndTheWindowCanGrow() async throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let start = try await DemoDashboard.state(width: 120, height: 40, store: store)
        var state = try await press(start, store: store, .character("p"))
        let three = try #require(sheet(state)?.plan)
        state = try await press(state, store: store, .character("+"))
        let four = try #require(sheet(state)?.plan)
        #expect(sheet(state)?.days == 4)
        #expect(four.proposals.count + four.unassigned.count > three.proposals.count + three.unassigned.count)
        state = try await press(state, store: store, .character("-"))
        let plan = try #require(sheet(state)?.plan)
        let skipped = plan.proposals[0].request.id
        state = try await press(state, store: store, .character(" "))
        #expect(sheet(state)?.ticked.contains(skipped) == false)
        state = try await press(state, store: store, .enter)
        #expect(try await store.request(id: skipped).status == .pending)
        #expect(try await store.request(id: plan.proposals[1].request.id).status == .assigned)
        // Untick all: Enter does nothing.
        var none = try await press(start, store: store, .character("p"), .character("a"))
        if sheet(none)?.ticked.isEmpty == false { none = try await press(none, store: store, .character("a")) }
        #expect(update(none, .key(.enter)).1.isEmpty)
    }

    @Test func aLineTakenMeanwhileIsListedAndTheRestAreAssigned() async throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let start = try await DemoDashboard.state(width: 120, height: 40, store: store)
        let state = try await press(start, store: store, .character("p"))
        let plan = try #require(sheet(state)?.plan)
        let taken = plan.proposals[0].request
        let lee = try await DemoDashboard.secondStore(store, user: "lee")
        try await lee.perform(.cancel, requestID: taken.id, details: ActionDetails(reason: "입원"), expectedVersion: nil)
        let after = try await press(state, store: store, .enter)
        guard case .problem(let problem) = after.overlay else { Issue.record("the refusal is not shown"); return }
        #expect(problem.message.contains("#\(taken.id)"))
        #expect(try await store.request(id: taken.id).status == .cancelled)
        for proposal in plan.proposals.dropFirst() {
            #expect(try await store.request(id: proposal.request.id).status == .assigned)
        }
    }
}
