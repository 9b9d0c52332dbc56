import Foundation
import HonsimCore
@testable import HonsimStore
import Testing

/// Vehicle bookings on both backends beyond their status: the change of transport after a
/// refusal, written as a change of the request and audited, and the demo's calls and bookings
/// loaded with its requests.
@Suite("Vehicle bookings")
struct VehicleBookingStoreTests {
    func loadDay(_ fixture: StoreFixture) async throws {
        try await fixture.load([
            fixture.request(1, household: 1, day: 0, hour: 9, status: .assigned, volunteer: 1),
            fixture.request(2, household: 3, day: 0, hour: 13, status: .assigned, volunteer: 3, transport: .centerVehicle),
        ])
    }

    @Test(arguments: Backend.all) func aRefusedBookingsRequestChangesItsTransportAsAChangeOfTheRequest(_ backend: Backend) async throws {
        let fixture = try await StoreFixture.make(backend)
        defer { fixture.remove() }
        try await loadDay(fixture)
        try await fixture.store.setBooking(requestID: 2, status: .refused, reference: "", vehicle: "")
        let before = try await fixture.store.request(id: 2)
        let after = try await fixture.store.changeTransport(requestID: 2, to: .taxi, expectedVersion: before.version)
        #expect(after.transport == .taxi && after.version == before.version + 1 && after.updatedBy == "kim")
        #expect(try await fixture.store.request(id: 2).transport == .taxi)
        #expect(try await fixture.store.bookings(requestIDs: [2]).isEmpty, "the refusal was for the center's vehicle, not the taxi")
        let day = try await fixture.store.escorts(on: CivilDate(fixture.monday, calendar: fixture.calendar))
        #expect(day.escorts.first { $0.request.id == 2 }?.booking.status == .toBook, "the taxi is still to book")

        let audit = try await fixture.store.auditLog(in: nil, limit: 2)
        #expect(audit.map(\.action) == ["transport", "booking cleared"])
        #expect(audit.first?.entity == "request" && audit.first?.entityID == "2")
        #expect(audit.first?.before?.contains("center_vehicle") == true && audit.first?.after?.contains("taxi") == true)
        #expect(audit.last?.before?.contains("refused") == true)

        let stale = await storeError { try await fixture.store.changeTransport(requestID: 2, to: .publicTransport, expectedVersion: before.version) }
        guard case .staleWrite = stale else { Issue.record("expected staleWrite, got \(String(describing: stale))"); return }
        #expect(try await fixture.store.checkInvariants().isEmpty)
    }

    @Test(arguments: Backend.all) func aChangeOfTransportIsRefusedOutsideOnesDongsAndOnAnEndedEscort(_ backend: Backend) async throws {
        let fixture = try await StoreFixture.make(backend)
        defer { fixture.remove() }
        try await loadDay(fixture)
        // Request 2 is 평촌동's; this coordinator has 석수2동 only.
        let other = try await fixture.otherStore(user: "lee", role: .coordinator, dongCodes: [StoreFixture.seokSu2.code])
        let refused = await storeError { try await other.changeTransport(requestID: 2, to: .taxi, expectedVersion: nil) }
        guard case .access = refused else { Issue.record("expected an access refusal, got \(String(describing: refused))"); return }
        #expect(try await fixture.store.request(id: 2).transport == .centerVehicle)

        try await fixture.store.perform(.cancel, requestID: 1, details: ActionDetails(reason: "입원"), expectedVersion: nil)
        let ended = await storeError { try await fixture.store.changeTransport(requestID: 1, to: .taxi, expectedVersion: nil) }
        guard case .escortEnded(1, "cancelled") = ended else { Issue.record("expected escortEnded, got \(String(describing: ended))"); return }
    }

    @Test(arguments: Backend.all) func theDemosCallsAndBookingsAreLoadedWithItsRequests(_ backend: Backend) async throws {
        let fixture = try await StoreFixture.make(backend)
        defer { fixture.remove() }
        let seeds = try #require(PackageFolder.find("seeds"))
        let now = fixture.monday.addingTimeInterval(10 * 3600)
        var reader = SeedReader(folder: seeds, now: now, calendar: fixture.calendar)
        let data = try reader.read()
        #expect(!data.attempts.isEmpty && !data.bookings.isEmpty)
        #expect(data.attempts.allSatisfy { $0.at <= now }, "no call is made after the demo's now")
        // Family is called only where the household has a family contact to call.
        let householdOf = Dictionary(uniqueKeysWithValues: data.requests.map { ($0.id, $0.householdID) })
        let withFamily = Set(data.households.filter { !$0.family.isEmpty }.map(\.id))
        let familyCalls = data.attempts.filter { $0.party == .family }
        #expect(!familyCalls.isEmpty && familyCalls.allSatisfy { householdOf[$0.requestID].map(withFamily.contains) == true })
        try await fixture.store.load(data, replacingExisting: true)

        let tomorrow = CivilDate(now, calendar: fixture.calendar).adding(days: 1, calendar: fixture.calendar)
        let day = try await fixture.store.escorts(on: tomorrow)
        let summary = day.summary
        #expect(summary.ready > 0 && summary.unreached > 0, "tomorrow has a mix: \(summary)")
        #expect(summary.vehiclesToBook >= 1)
        let statuses = Set(day.escorts.filter(\.request.transport.needsBooking).map(\.booking.status))
        #expect(statuses.isSuperset(of: [.confirmed, .refused, .toBook]), "\(statuses)")
        // The same seeds on the same day give the same rows.
        var again = SeedReader(folder: seeds, now: now, calendar: fixture.calendar)
        let second = try again.read()
        #expect(second.attempts == data.attempts && second.bookings == data.bookings)

        let report = try await fixture.store.statistics(for: .thisMonth(now: now, calendar: fixture.calendar).previous(calendar: fixture.calendar),
                                                         now: now)
        #expect(report.city.confirmedDayBefore > 0 && report.city.unreached > 0, "last month's calls are counted")
        #expect(try await fixture.store.checkInvariants().isEmpty)
    }
}
