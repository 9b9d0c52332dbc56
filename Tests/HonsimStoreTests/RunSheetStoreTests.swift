import Foundation
import HonsimCore
@testable import HonsimStore
import Testing

/// The run sheets of a day on both backends: one page per volunteer in the sheets' order,
/// each household shown in full recorded in the access log as seen on a sheet, the others
/// masked, and an unknown volunteer refused.
@Suite("Run sheets")
struct RunSheetStoreTests {
    func monday(_ fixture: StoreFixture) -> CivilDate { CivilDate(fixture.monday, calendar: fixture.calendar) }

    /// Monday: 정지민 (1) holds two escorts (석수2동 at 13:00 and 9:00), 한수어 (3) one of
    /// 평촌동 by the center's vehicle; one escort is still pending; Tuesday has another.
    func loadDay(_ fixture: StoreFixture) async throws {
        try await fixture.load([
            fixture.request(1, household: 1, day: 0, hour: 13, status: .assigned, volunteer: 1),
            fixture.request(2, household: 2, day: 0, hour: 9, status: .assigned, volunteer: 1),
            fixture.request(3, household: 3, day: 0, hour: 11, status: .assigned, volunteer: 3, transport: .centerVehicle),
            fixture.request(4, household: 4, day: 0, hour: 15),
            fixture.request(5, household: 1, day: 1, hour: 9, status: .assigned, volunteer: 1),
        ])
    }

    @Test(arguments: Backend.all) func aDaysSheetsComeByVolunteerInPickupOrderAndEachHouseholdShownIsLogged(_ backend: Backend) async throws {
        let fixture = try await StoreFixture.make(backend)
        defer { fixture.remove() }
        try await loadDay(fixture)
        try await fixture.store.setBooking(requestID: 3, status: .confirmed, reference: "착-0412", vehicle: "12가3456")

        let sheets = try await fixture.store.runSheets(on: monday(fixture), volunteerID: nil)
        #expect(sheets.pages.map(\.volunteer.name) == ["정지민", "한수어"], "by volunteer name; the pending escort has no page")
        #expect(sheets.pages.map { $0.escorts.map(\.request.id) } == [[2, 1], [3]], "each volunteer's escorts by pickup")
        #expect(sheets.pages[0].escorts[1].household.phone == "010-1234-5678", "an admin sees the household in full")
        #expect(sheets.pages[1].escorts[0].booking.reference == "착-0412")
        #expect(sheets.householdsInFull == [1, 2, 3] && sheets.volunteersInFull)

        let log = try await fixture.store.accessLog(AccessLogQuery())
        #expect(log.count == 3, "one entry per household on the sheets")
        #expect(log.allSatisfy { $0.kind == .view && $0.source == .sheet && $0.user == "kim" })
        #expect(Set(log.flatMap(\.householdIDs)) == [1, 2, 3])
        #expect(Set(log.compactMap(\.requestID)) == [1, 2, 3])

        let one = try await fixture.store.runSheets(on: monday(fixture), volunteerID: 3)
        #expect(one.pages.map(\.volunteer.id) == [3] && one.volunteer?.name == "한수어")
        #expect(try await fixture.store.accessLog(AccessLogQuery()).count == 4, "the second sheet is a second view")
    }

    @Test(arguments: Backend.all) func aCoordinatorSeesTheirDongsInFullAndTheRestMaskedAndOnlyTheirsAreLogged(_ backend: Backend) async throws {
        let fixture = try await StoreFixture.make(backend)
        defer { fixture.remove() }
        try await loadDay(fixture)
        try await fixture.store.recordAttempt(requestID: 3, party: .household, result: .confirmed, note: "보청기 챙기기")
        let park = try await fixture.otherStore(user: "park", role: .coordinator, dongCodes: [StoreFixture.seokSu2.code])
        let sheets = try await park.runSheets(on: monday(fixture), volunteerID: nil)
        let outside = try #require(sheets.pages.last?.escorts.first)
        #expect(outside.household.name == "이*순" && outside.attempts.first?.note == "", "평촌동 is not park's: masked, notes left out")
        #expect(sheets.pages.first?.escorts.last?.household.name == "김순자")
        #expect(sheets.householdsInFull == [1, 2])
        let log = try await fixture.store.accessLog(AccessLogQuery(user: "park"))
        #expect(Set(log.flatMap(\.householdIDs)) == [1, 2], "the masked household is not in the access log")
        (park as? PostgresStore)?.close()
    }

    @Test(arguments: Backend.all) func aViewerGetsEverythingMaskedAndNothingLogged(_ backend: Backend) async throws {
        let fixture = try await StoreFixture.make(backend)
        defer { fixture.remove() }
        try await loadDay(fixture)
        let viewer = try await fixture.otherStore(user: "choi", role: .viewer)
        let sheets = try await viewer.runSheets(on: monday(fixture), volunteerID: nil)
        #expect(sheets.householdsInFull.isEmpty && !sheets.volunteersInFull)
        #expect(sheets.pages.map(\.volunteer.name) == ["정*민", "한*어"])
        #expect(sheets.pages[0].escorts[1].household.phone == "010-****-5678")
        #expect(try await fixture.store.accessLog(AccessLogQuery()).isEmpty)
        (viewer as? PostgresStore)?.close()
    }

    @Test(arguments: Backend.all) func anEmptyDayAVolunteerWithNothingAndAnUnknownVolunteerAreToldApart(_ backend: Backend) async throws {
        let fixture = try await StoreFixture.make(backend)
        defer { fixture.remove() }
        try await loadDay(fixture)
        let sunday = monday(fixture).adding(days: 6, calendar: fixture.calendar)
        #expect(try await fixture.store.runSheets(on: sunday, volunteerID: nil).pages.isEmpty)
        let idle = try await fixture.store.runSheets(on: monday(fixture), volunteerID: 2)
        #expect(idle.pages.isEmpty && idle.volunteer?.name == "곽대현")
        await #expect(throws: StoreError.self) { try await fixture.store.runSheets(on: monday(fixture), volunteerID: 99) }
        #expect(try await fixture.store.accessLog(AccessLogQuery()).isEmpty, "nothing shown, nothing logged")
    }
}
