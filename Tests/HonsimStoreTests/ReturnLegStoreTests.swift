import Foundation
import HonsimCore
import Testing
@testable import HonsimStore

/// The return leg on both backends: a request of its own at the hospital, the same volunteer by
/// default or another, each leg checked for overlaps; a pickup before the appointment refused.
@Suite("Return legs")
struct ReturnLegStoreTests {
    func fields(_ body: () async throws -> Void) async -> [String] {
        do { try await body() } catch StoreError.invalidData(let issues) { return issues.map(\.field) } catch { return ["\(error)"] }
        return []
    }

    @Test(arguments: Backend.all) func theReturnIsALegOfItsOwnWithTheSameVolunteerByDefault(_ backend: Backend) async throws {
        let fixture = try await StoreFixture.make(backend)
        defer { fixture.remove() }
        // Pickup 10:00, appointment 11:00, three hours there and back, volunteer 1.
        try await fixture.load([fixture.request(1, hour: 10, minutes: 180, status: .assigned, volunteer: 1)])
        let store = fixture.store
        let outcome = try await store.addReturnLeg(ReturnLegDraft(outboundID: 1, pickup: ClockTime(minutes: 12 * 60 + 30), whenCalled: false))
        #expect(outcome.refusal == nil)
        #expect(outcome.leg.volunteerID == 1 && outcome.leg.status == .assigned)
        #expect(outcome.leg.pickupAt == fixture.at(12, 30) && outcome.leg.hospital == "한림대학교성심병원")
        // The way there now ends at the appointment.
        #expect(try await store.request(id: 1).expectedMinutes == 60)
        #expect(try await store.request(id: 1).returnTrip == false)
        let link = try #require(try await store.returnLeg(of: 1))
        #expect(link.outbound == 1 && link.leg == outcome.leg.id && !link.whenCalled)
        // A second leg for the same way there is refused.
        #expect(await fields { _ = try await store.addReturnLeg(ReturnLegDraft(outboundID: 1, pickup: nil, whenCalled: true)) }.contains("return_trip"))
        #expect(try await store.checkInvariants().isEmpty)
    }

    @Test(arguments: Backend.all) func aPickupBeforeTheAppointmentIsRefusedNamingTheField(_ backend: Backend) async throws {
        let fixture = try await StoreFixture.make(backend)
        defer { fixture.remove() }
        try await fixture.load([fixture.request(1, hour: 10, minutes: 180)])
        let store = fixture.store
        let before = try await fixture.auditEntries()
        #expect(await fields { _ = try await store.addReturnLeg(ReturnLegDraft(outboundID: 1, pickup: ClockTime(minutes: 10 * 60 + 30), whenCalled: false)) }
            == ["pickup"])
        #expect(try await fixture.auditEntries() == before)
        #expect(try await store.request(id: 1).expectedMinutes == 180)
    }

    @Test(arguments: Backend.all) func aLegWhenCalledWithAnotherVolunteerIsCheckedOnItsOwn(_ backend: Backend) async throws {
        let fixture = try await StoreFixture.make(backend)
        defer { fixture.remove() }
        // Volunteer 2 has another escort at 12:00 on the same day.
        try await fixture.load([fixture.request(1, hour: 10, minutes: 180, status: .assigned, volunteer: 1),
                                fixture.request(2, household: 4, hour: 12, minutes: 60, status: .assigned, volunteer: 2)])
        let store = fixture.store
        let outcome = try await store.addReturnLeg(ReturnLegDraft(outboundID: 1, pickup: nil, whenCalled: true, volunteer: .other(2)))
        // When called: an hour after the appointment is held, 12:00, and volunteer 2 is busy then.
        #expect(outcome.leg.pickupAt == fixture.at(12, 0) && outcome.whenCalled)
        #expect(outcome.leg.status == .pending && outcome.refusal != nil)
        #expect(try await store.request(id: 1).volunteerID == 1)
        #expect(try await store.checkInvariants().isEmpty)
    }
}

/// What the dashboard reads to pair the two legs in its requests pane.
@Suite("Return legs: the links the dashboard reads")
struct ReturnLegLinksStoreTests {
    @Test(arguments: Backend.all) func theLinksAreFoundFromEitherLeg(_ backend: Backend) async throws {
        let fixture = try await StoreFixture.make(backend)
        defer { fixture.remove() }
        try await fixture.load([fixture.request(1, hour: 10, minutes: 180, status: .assigned, volunteer: 1), fixture.request(2, household: 4, hour: 9)])
        let outcome = try await fixture.store.addReturnLeg(ReturnLegDraft(outboundID: 1, pickup: nil, whenCalled: true))
        let link = ReturnLegLink(outboundID: 1, legID: outcome.leg.id, whenCalled: true)
        #expect(try await fixture.store.returnLegs(requestIDs: [1, 2]) == [link])
        #expect(try await fixture.store.returnLegs(requestIDs: [outcome.leg.id]) == [link])
        #expect(try await fixture.store.returnLegs(requestIDs: [1, outcome.leg.id]) == [link])
        #expect(try await fixture.store.returnLegs(requestIDs: [2]).isEmpty)
    }
}

/// A leg's pickup changed: its volunteer kept where they can still take it, else released with
/// the reason; a pickup before the appointment refused by field, nothing written.
@Suite("Return legs: a leg's pickup changed")
struct ReturnLegChangeStoreTests {
    @Test(arguments: Backend.all) func theVolunteerStaysWhereTheNewTimeFitsAndIsReleasedWithWhyWhereNot(_ backend: Backend) async throws {
        let fixture = try await StoreFixture.make(backend)
        defer { fixture.remove() }
        // Volunteer 1 takes the way there (10:00, appointment 11:00) and has another escort at 16:00.
        try await fixture.load([fixture.request(1, hour: 10, minutes: 180, status: .assigned, volunteer: 1),
                                fixture.request(2, household: 4, hour: 16, minutes: 60, status: .assigned, volunteer: 1)])
        let store = fixture.store
        let made = try await store.addReturnLeg(ReturnLegDraft(outboundID: 1, pickup: ClockTime(minutes: 12 * 60), whenCalled: false))
        #expect(made.leg.volunteerID == 1)
        // 13:00 still fits: kept, at the new time.
        let later = try await store.changeReturnLeg(legID: made.leg.id, pickup: ClockTime(minutes: 13 * 60), whenCalled: false,
                                                    expectedMinutes: 90, expectedVersion: made.leg.version)
        #expect(later.refusal == nil && later.leg.volunteerID == 1 && later.leg.pickupAt == fixture.at(13, 0))
        // 15:30 runs into the 16:00 escort: released, with why.
        let clash = try await store.changeReturnLeg(legID: made.leg.id, pickup: ClockTime(minutes: 15 * 60 + 30), whenCalled: false,
                                                    expectedMinutes: 90, expectedVersion: nil)
        #expect(clash.leg.status == .pending && clash.leg.volunteerID == nil)
        #expect(clash.refusal?.en.hasPrefix("return pickup changed: ") == true)
        // When called: an hour after the appointment is held, and the link says so.
        let called = try await store.changeReturnLeg(legID: made.leg.id, pickup: nil, whenCalled: true, expectedMinutes: 60, expectedVersion: nil)
        #expect(called.leg.pickupAt == fixture.at(12, 0))
        #expect(try await store.returnLeg(of: 1)?.whenCalled == true)
        // Before the appointment: refused by field, nothing written; a stale version is refused too.
        let before = try await fixture.auditEntries()
        let early = await storeError {
            try await store.changeReturnLeg(legID: made.leg.id, pickup: ClockTime(minutes: 10 * 60), whenCalled: false, expectedMinutes: 90,
                                            expectedVersion: nil)
        }
        guard case .invalidData(let issues)? = early else { Issue.record("not refused: \(String(describing: early))"); return }
        #expect(issues.map(\.field) == ["pickup"])
        #expect(try await fixture.auditEntries() == before)
        let stale = await storeError {
            try await store.changeReturnLeg(legID: made.leg.id, pickup: nil, whenCalled: true, expectedMinutes: 60, expectedVersion: made.leg.version)
        }
        guard case .staleWrite? = stale else { Issue.record("a stale version was not refused: \(String(describing: stale))"); return }
        #expect(try await store.checkInvariants().isEmpty)
    }
}
