import Foundation
import HonsimCore
import Testing
@testable import HonsimStore
@testable import HonsimTUI

/// The return leg in the dashboard (`L` on a request): its form checked in place, the leg made
/// through the store's one operation and listed as a row of its own beside its marked way there,
/// another volunteer chosen in the assign dialog, and what the store refuses shown in the form.
@Suite("Return leg in the dashboard", .serialized)
struct ReturnLegFlowTests {
    /// The demo dashboard with the first listed request that matches selected.
    static func selecting(language: Language, _ matching: (EscortRequest) -> Bool) async throws -> (SQLiteStore, URL, AppState, EscortRequest) {
        let (store, folder) = try await DemoDashboard.store()
        var state = try await DemoDashboard.state(width: 120, height: 40, language: language, store: store)
        let found = state.visibleRequests.firstIndex(where: matching)
        let index = try #require(found)
        state.selection[.requests] = index
        return (store, folder, state, state.visibleRequests[index])
    }

    static func withReturnTrip(_ status: RequestStatus) -> (EscortRequest) -> Bool {
        { $0.returnTrip && $0.status == status && $0.appointmentAt > DemoDashboard.now.addingTimeInterval(86_400) }
    }

    /// The first assigned request with a return trip whose volunteer's weekly hours also cover
    /// a leg picked up two hours after the appointment: the same volunteer can take it.
    static func legTheVolunteerCanTake(_ data: DashboardData?, calendar: Calendar) -> (EscortRequest) -> Bool {
        { request in
            guard withReturnTrip(.assigned)(request), let id = request.volunteerID,
                  let volunteer = data?.volunteers.first(where: { $0.id == id }) else { return false }
            let pickup = request.appointmentAt.addingTimeInterval(7200)
            return volunteer.availability.covers(TimeSpan(start: pickup, end: pickup.addingTimeInterval(90 * 60)), calendar: calendar)
        }
    }

    func form(_ state: AppState) -> ReturnLegForm? {
        if case .returnLeg(let form) = state.overlay { form } else { nil }
    }

    @Test(arguments: Language.allCases)
    func aReturnLegIsMadeFromTheFormAndListedAsARowOfItsOwn(language: Language) async throws {
        let (store, folder, listed, _) = try await ReturnLegFlowTests.selecting(language: language, ReturnLegFlowTests.withReturnTrip(.assigned))
        defer { try? FileManager.default.removeItem(at: folder) }
        let calendar = store.calendar
        var start = listed
        let found = start.visibleRequests.firstIndex(where: ReturnLegFlowTests.legTheVolunteerCanTake(start.data, calendar: calendar))
        start.selection[.requests] = try #require(found)
        let outbound = try #require(start.selectedRequest)
        var state = try await press(start, store: store, .character("L"))
        #expect(form(state)?.request.id == outbound.id)
        assertSnapshot(render(state), named: "return-leg-form-\(language)-120x40")
        // A pickup before the appointment is refused in place, naming the field, in the store's words.
        let early = ClockTime(outbound.appointmentAt.addingTimeInterval(-1800), calendar: calendar)
        state = try await press(state, store: store, .tab)
        state = try await retype(state, store: store, early.description)
        state = try await press(state, store: store, .tab)
        let refused = try #require(form(state))
        #expect(refused.form.field("pickup")?.error == Phrase(ko: "귀가 출발이 진료 시각보다 이릅니다", en: "the return pickup is before the appointment")
            .text(language))
        #expect(refused.form.field("minutes")?.error == nil)
        #expect(try await store.returnLeg(of: outbound.id) == nil, "nothing is written while a field is wrong")
        assertSnapshot(render(state), named: "return-leg-pickup-error-\(language)-120x40")
        // Two hours after the appointment, with the way there's volunteer.
        let pickup = ClockTime(outbound.appointmentAt.addingTimeInterval(7200), calendar: calendar)
        state = try await press(state, store: store, .backTab)
        state = try await retype(state, store: store, pickup.description)
        state = try await press(state, store: store, .enter, .enter, .enter)
        #expect(state.overlay == nil)
        let link = try #require(try await store.returnLeg(of: outbound.id))
        let leg = try await store.request(id: link.leg)
        #expect(leg.volunteerID == outbound.volunteerID && leg.status == .assigned && !link.whenCalled, "\(state.notice ?? "")")
        #expect(ClockTime(leg.pickupAt, calendar: calendar) == pickup)
        #expect(state.notice?.contains(ReturnLegText.made.text(language)) == true)
        // The leg is a row of its own, selected; the way there is marked.
        #expect(state.selectedRequest?.id == leg.id)
        #expect(state.hospitalColumn(leg).hasPrefix(ReturnLegText.legMark.text(language) + " "))
        let way = try #require(state.visibleRequests.first { $0.id == outbound.id })
        #expect(state.hospitalColumn(way).hasPrefix(ReturnLegText.outboundMark.text(language) + " "))
        assertSnapshot(render(state), named: "return-leg-pane-\(language)-120x40")
        // The leg's details name the way there; the way there's name the leg, its time and volunteer.
        let details = try await press(state, store: store, .enter)
        #expect(render(details).text.contains(ReturnLegText.request(outbound.id).text(language)))
        assertSnapshot(render(details), named: "return-leg-details-\(language)-120x40")
        #expect(state.returnLegDetail(way).contains("#\(leg.id) · \(pickup)"))
        #expect(try await store.checkInvariants().isEmpty)
    }

    @Test func anotherVolunteerIsChosenInTheAssignDialogForTheLegWhenCalled() async throws {
        let (store, folder, start, outbound) = try await ReturnLegFlowTests.selecting(language: .en, ReturnLegFlowTests.withReturnTrip(.assigned))
        defer { try? FileManager.default.removeItem(at: folder) }
        var state = try await press(start, store: store, .character("L"))
        // When called, and another volunteer: the leg is made pending and the assign dialog opens for it.
        state = try await press(state, store: store, .right, .tab, .tab, .tab, .right)
        #expect(form(state)?.whenCalled == true && form(state)?.volunteer == .other)
        state = try await press(state, store: store, .enter)
        let link = try #require(try await store.returnLeg(of: outbound.id))
        #expect(link.whenCalled)
        guard case .assign(let dialog) = state.overlay else { Issue.record("no assign dialog: \(String(describing: state.overlay))"); return }
        #expect(dialog.requestID == link.leg)
        #expect(try await store.request(id: link.leg).status == .pending)
        // The first candidate takes it: the leg's own assign, with its own overlap check.
        state = try await press(state, store: store, .enter)
        let leg = try await store.request(id: link.leg)
        #expect(leg.status == .assigned && leg.volunteerID != nil)
        #expect(try await store.checkInvariants().isEmpty)
    }

    @Test func theStoreRefusingShowsInTheFormAndTheOtherKeysSayWhy() async throws {
        let (store, folder, start, outbound) = try await ReturnLegFlowTests.selecting(language: .en, ReturnLegFlowTests.withReturnTrip(.pending))
        defer { try? FileManager.default.removeItem(at: folder) }
        let open = try await press(start, store: store, .character("L"))
        // Another coordinator splits it off first: the store refuses, and the form says so in place.
        let other = try await DemoDashboard.secondStore(store)
        _ = try await other.addReturnLeg(ReturnLegDraft(outboundID: outbound.id, pickup: nil, whenCalled: true))
        var state = try await press(open, store: store, .enter, .enter, .enter, .enter)
        let refused = try #require(form(state))
        #expect(refused.message?.contains("already has a return leg") == true)
        // Esc closes it (nothing was typed); after a refresh, L on the way there opens its leg's form.
        state = try await press(state, store: store, .escape)
        state = try await press(state, store: store, .character("r"))
        state.selection[.requests] = try #require(state.visibleRequests.firstIndex { $0.id == outbound.id })
        state = try await press(state, store: store, .character("L"))
        let link = try #require(try await store.returnLeg(of: outbound.id))
        #expect(form(state)?.leg?.id == link.leg && form(state)?.whenCalled == true)
        #expect(state.notice == ReturnLegText.hasLeg(link.leg).en)
        // Its pickup moved: before the appointment refused in place, then half past the hour after it.
        let calendar = store.calendar
        state = try await press(state, store: store, .left, .tab)
        state = try await retype(state, store: store, ClockTime(outbound.appointmentAt.addingTimeInterval(-600), calendar: calendar).description)
        state = try await press(state, store: store, .tab)
        #expect(form(state)?.form.field("pickup")?.error == "the return pickup is before the appointment")
        let later = ClockTime(outbound.appointmentAt.addingTimeInterval(5400), calendar: calendar)
        state = try await press(state, store: store, .backTab)
        state = try await retype(state, store: store, later.description)
        state = try await press(state, store: store, .enter, .enter)
        #expect(state.overlay == nil, "\(String(describing: state.overlay))")
        #expect(state.notice?.hasPrefix("return leg changed: #\(link.leg) \(later)") == true, "\(state.notice ?? "")")
        #expect(ClockTime(try await store.request(id: link.leg).pickupAt, calendar: calendar) == later)
        #expect(try await store.returnLeg(of: outbound.id)?.whenCalled == false)
        // L on the leg itself opens the same form.
        state.selection[.requests] = try #require(state.visibleRequests.firstIndex { $0.id == link.leg })
        state = try await press(state, store: store, .character("L"))
        #expect(form(state)?.leg?.id == link.leg)
        state = try await press(state, store: store, .escape)
        // A request with no return trip says so.
        state.selection[.requests] = try #require(state.visibleRequests.firstIndex { request in
            !request.returnTrip && state.data?.returnLegs.outbound(of: request.id) == nil && state.data?.returnLegs.leg(of: request.id) == nil
        })
        state = try await press(state, store: store, .character("L"))
        #expect(state.overlay == nil && state.notice == ReturnLegText.noReturnTrip.en)
    }

    @Test func theKeyIsRemappableListedInTheHelpAndRefusedToViewers() async throws {
        let (store, folder, start, outbound) = try await ReturnLegFlowTests.selecting(language: .ko, ReturnLegFlowTests.withReturnTrip(.pending))
        defer { try? FileManager.default.removeItem(at: folder) }
        var remapped = start
        remapped.keymap = Keymap(overrides: ["return_leg": [.character("w")]])
        let opened = try await press(remapped, store: store, .character("w"))
        #expect(form(opened)?.request.id == outbound.id)
        #expect(Keymap().label(.returnLeg) == "L")
        // The help, scrolled through: the key with its words.
        var help = try await press(start, store: store, .character("?"))
        var pages = render(help).text
        for _ in 0..<8 {
            for _ in 0..<30 { help = update(help, .key(.down)).0 }
            pages += render(help).text
        }
        #expect(pages.contains("L") && pages.contains(Action.returnLeg.phrase.ko))
        var viewer = start
        viewer.access = Access(user: "viewer", role: .viewer, readOnly: true)
        viewer = try await press(viewer, store: store, .character("L"))
        #expect(viewer.overlay == nil && viewer.notice?.contains("읽기 전용") == true)
    }
}
