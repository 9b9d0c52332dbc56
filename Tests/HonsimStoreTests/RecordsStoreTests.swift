import Foundation
import GRDB
import HonsimCore
@testable import HonsimStore
import Testing

/// Keeping households and volunteers: saves, versions, duplicates, closing, and the drop-out
/// flow (a day off or a narrower window against escorts the volunteer holds), on both backends.
@Suite("Records and drop-outs")
struct RecordsStoreTests {
    /// Tomorrow at `hour`, within the 48 hours that make a released escort urgent.
    func tomorrow(_ fixture: StoreFixture, _ hour: Int) -> Date {
        CivilDate(Date(), calendar: fixture.calendar).adding(days: 1, calendar: fixture.calendar).start(in: fixture.calendar)
            .addingTimeInterval(TimeInterval(hour * 3600))
    }

    func held(_ fixture: StoreFixture, _ id: Int64, at pickup: Date, volunteer: Int64 = 1) -> EscortRequest {
        var request = fixture.request(id, status: .assigned, volunteer: volunteer)
        request.pickupAt = pickup
        request.appointmentAt = pickup.addingTimeInterval(3600)
        return request
    }

    func dayOff(_ fixture: StoreFixture, _ volunteerID: Int64, from: Date, to: Date) async throws -> VolunteerSaved {
        var volunteer = try await fixture.store.volunteer(id: volunteerID)
        volunteer.daysOff.append(DayOff(from: CivilDate(from, calendar: fixture.calendar), to: CivilDate(to, calendar: fixture.calendar), reason: "감기"))
        return try await fixture.store.saveVolunteer(volunteer, expectedVersion: volunteer.version, allowDuplicate: false)
    }

    @Test(arguments: Backend.all) func aDayOffWithNoEscortsThenListsNothing(_ backend: Backend) async throws {
        let fixture = try await StoreFixture.make(backend)
        defer { fixture.remove() }
        try await fixture.load([fixture.request(1, day: 0, status: .assigned, volunteer: 1)])
        let saved = try await dayOff(fixture, 1, from: fixture.at(day: 2, 0), to: fixture.at(day: 3, 0))
        #expect(saved.dropOuts.isEmpty)
        #expect(saved.volunteer.version == 2)
        let stored = try await fixture.store.volunteer(id: 1)
        #expect(stored.daysOff.map(\.reason) == ["감기"])
        #expect(stored.availability == StoreFixture.allWeek, "the windows are kept as they were")
        let audit = try await fixture.store.auditLog(in: nil, limit: 1)
        #expect(audit.first?.action == "edit" && audit.first?.entity == "volunteer")
        #expect(audit.first?.before?.contains("\"daysOff\":[]") == true)
    }

    @Test(arguments: Backend.all) func aDayOffOnOneEscortListsItAndReleaseReturnsItToPending(_ backend: Backend) async throws {
        let fixture = try await StoreFixture.make(backend)
        defer { fixture.remove() }
        try await fixture.load([fixture.request(1, day: 0, status: .assigned, volunteer: 1), fixture.request(2, day: 1, status: .assigned, volunteer: 1)])
        let saved = try await dayOff(fixture, 1, from: fixture.at(day: 0, 0), to: fixture.at(day: 0, 0))
        #expect(saved.dropOuts.map(\.id) == [1])
        let released = try await fixture.store.releaseDropOuts(volunteerID: 1, requestIDs: [1], reason: "봉사자 휴무")
        #expect(released.map(\.status) == [.pending])
        #expect(try await fixture.store.request(id: 1).volunteerID == nil)
        #expect(try await fixture.store.request(id: 2).status == .assigned, "the escort on another day stays")
        let audit = try await fixture.store.auditLog(in: nil, limit: 1)
        #expect(audit.first?.action == "release")
        let reason = try await fixture.rawSQL("SELECT reason FROM assignment WHERE request_id = 1").first
        #expect(reason == "봉사자 휴무")
        #expect(try await fixture.store.checkInvariants().isEmpty)
    }

    @Test(arguments: Backend.all) func severalCollisionsComeUrgentFirstThenByTime(_ backend: Backend) async throws {
        let fixture = try await StoreFixture.make(backend)
        defer { fixture.remove() }
        // Read once: a run that passes midnight must not put the escort and the day off on different days.
        let tomorrowAt10 = tomorrow(fixture, 10), tomorrowStart = tomorrow(fixture, 0)
        try await fixture.load([
            held(fixture, 1, at: fixture.at(day: 0, 14)),
            held(fixture, 2, at: fixture.at(day: 0, 9)),
            held(fixture, 3, at: tomorrowAt10),
            held(fixture, 4, at: fixture.at(day: 0, 9), volunteer: 2),   // someone else's
            fixture.request(5, day: 0, hour: 11),                         // pending: no one's
            held(fixture, 6, at: fixture.at(day: 5, 9)),                  // after the days off
        ])
        let saved = try await dayOff(fixture, 1, from: tomorrowStart, to: fixture.at(day: 0, 0))
        #expect(saved.dropOuts.map(\.id) == [3, 2, 1])
        let released = try await fixture.store.releaseDropOuts(volunteerID: 1, requestIDs: saved.dropOuts.map(\.id), reason: "휴무")
        #expect(released.map(\.id) == [3, 2, 1])
        #expect(try await fixture.store.request(id: 4).status == .assigned)
        #expect(try await fixture.store.request(id: 6).status == .assigned)
        // Released twice (another coordinator did it meanwhile): nothing more happens.
        #expect(try await fixture.store.releaseDropOuts(volunteerID: 1, requestIDs: [3], reason: "휴무").isEmpty)
        #expect(try await fixture.store.checkInvariants().isEmpty)
    }

    @Test(arguments: Backend.all) func aNarrowerWindowListsOnlyTheEscortsItNoLongerCovers(_ backend: Backend) async throws {
        let fixture = try await StoreFixture.make(backend)
        defer { fixture.remove() }
        try await fixture.load([fixture.request(1, day: 0, hour: 9), fixture.request(2, day: 0, hour: 14, status: .assigned, volunteer: 1),
                                fixture.request(3, day: 1, hour: 9, status: .assigned, volunteer: 1)])
        var volunteer = try await fixture.store.volunteer(id: 1)
        volunteer.availability = WeeklyAvailability(Weekday.allCases.map {
            AvailabilityWindow(weekday: $0, start: ClockTime(minutes: 8 * 60), end: ClockTime(minutes: 13 * 60))
        })
        let saved = try await fixture.store.saveVolunteer(volunteer, expectedVersion: 1, allowDuplicate: false)
        #expect(saved.dropOuts.map(\.id) == [2])
        // Closing the volunteer rules out everything they still hold.
        var closing = saved.volunteer
        closing.closed = true
        let closed = try await fixture.store.saveVolunteer(closing, expectedVersion: 2, allowDuplicate: false)
        #expect(closed.dropOuts.map(\.id) == [2, 3])
        #expect(try await fixture.store.auditLog(in: nil, limit: 1).first?.action == "close")
    }

    @Test(arguments: Backend.all) func aStaleEditIsRefusedWithWhoAndWhen(_ backend: Backend) async throws {
        let fixture = try await StoreFixture.make(backend)
        defer { fixture.remove() }
        try await fixture.load([])
        let other = try await fixture.otherStore(user: "lee")
        var theirs = try await other.household(id: 1)
        theirs.phone = "010-2222-3333"
        try await other.saveHousehold(theirs, expectedVersion: 1, allowDuplicate: false)
        var mine = StoreFixture.households[0]
        mine.address = "석수로 1"
        let error = await storeError { try await fixture.store.saveHousehold(mine, expectedVersion: 1, allowDuplicate: false) }
        guard case .staleRecord(let entity, let id, let by, _)? = error else { Issue.record("expected staleRecord, got \(String(describing: error))"); return }
        #expect(entity == "household" && id == 1 && by == "lee")
        #expect(error?.message(.ko, calendar: fixture.calendar).contains("lee님이") == true)
        #expect(try await fixture.store.household(id: 1).address == "", "nothing was overwritten")
        // "Apply mine over it": the coordinator saw their version and saves against it.
        let applied = try await fixture.store.saveHousehold(mine, expectedVersion: 2, allowDuplicate: false)
        #expect(applied.version == 3 && applied.address == "석수로 1")
    }

    @Test(arguments: Backend.all) func aLikelyDuplicateWarnsUnlessAllowed(_ backend: Backend) async throws {
        let fixture = try await StoreFixture.make(backend)
        defer { fixture.remove() }
        try await fixture.load([])
        let twin = Household(id: 0, dongCode: StoreFixture.seokSu2.code, name: "김 순자", birthYear: 1941, gender: .female)
        let error = await storeError { try await fixture.store.saveHousehold(twin, expectedVersion: nil, allowDuplicate: false) }
        #expect(error == .likelyDuplicate(entity: "household", existingID: 1, name: "김순자"))
        #expect(try await fixture.store.households().count == 4)
        let saved = try await fixture.store.saveHousehold(twin, expectedVersion: nil, allowDuplicate: true)
        #expect(saved.id == 5 && saved.version == 1)
        #expect(try await fixture.store.auditLog(in: nil, limit: 1).first?.action == "create")
        // Another birth year is another person.
        var other = twin
        other.birthYear = 1942
        #expect(try await fixture.store.saveHousehold(other, expectedVersion: nil, allowDuplicate: false).id == 6)
    }

    @Test(arguments: Backend.all) func badFieldsAreNamedAndNothingIsWritten(_ backend: Backend) async throws {
        let fixture = try await StoreFixture.make(backend)
        defer { fixture.remove() }
        try await fixture.load([])
        var household = StoreFixture.households[0]
        household.phone = "010-12"
        household.birthYear = 1700
        let error = await storeError { try await fixture.store.saveHousehold(household, expectedVersion: 1, allowDuplicate: false) }
        guard case .invalidData(let issues)? = error else { Issue.record("expected invalidData"); return }
        #expect(Set(issues.map(\.field)) == ["phone", "birth_year"])
        #expect(try await fixture.store.household(id: 1).version == 1)
    }

    @Test(arguments: Backend.all) func aMoveTakesOpenRequestsAlongAndClosingKeepsHistory(_ backend: Backend) async throws {
        let fixture = try await StoreFixture.make(backend)
        defer { fixture.remove() }
        try await fixture.load([fixture.request(1, day: 0), fixture.request(2, day: -30, status: .completed, volunteer: 1)])
        var household = try await fixture.store.household(id: 1)
        household.dongCode = StoreFixture.pyeongchon.code
        household = try await fixture.store.saveHousehold(household, expectedVersion: 1, allowDuplicate: false)
        #expect(try await fixture.store.request(id: 1).dongCode == StoreFixture.pyeongchon.code)
        #expect(try await fixture.store.request(id: 2).dongCode == StoreFixture.seokSu2.code, "history keeps the dong it happened in")
        household.closed = true
        let refused = await storeError { try await fixture.store.saveHousehold(household, expectedVersion: 2, allowDuplicate: false) }
        #expect(refused == .openRequests(householdID: 1, count: 1))
        try await fixture.store.perform(.cancel, requestID: 1, details: ActionDetails(reason: "이사"), expectedVersion: nil)
        let closed = try await fixture.store.saveHousehold(household, expectedVersion: 2, allowDuplicate: false)
        #expect(closed.closed)
        let record = try await fixture.store.householdRecord(id: 1, reveal: .full(requestID: nil))
        #expect(record.requests.map(\.id) == [2, 1])
        #expect(record.companions.map(\.name) == ["정지민"])
    }

    @Test(arguments: Backend.all) func aCoordinatorChangesOnlyTheirDongsAndAViewerNothing(_ backend: Backend) async throws {
        let fixture = try await StoreFixture.make(backend)
        defer { fixture.remove() }
        try await fixture.load([])
        let park = try await fixture.otherStore(user: "park", role: .coordinator, dongCodes: [StoreFixture.pyeongchon.code])
        var household = try await park.household(id: 1)
        household.notes = "x"
        guard case .access? = await storeError({ try await park.saveHousehold(household, expectedVersion: 1, allowDuplicate: false) }) else {
            Issue.record("a coordinator of another dong was let through"); return
        }
        let viewer = try await fixture.otherStore(user: "guest", role: .viewer)
        var volunteer = try await viewer.volunteer(id: 3)
        volunteer.notes = "x"
        guard case .access? = await storeError({ try await viewer.saveVolunteer(volunteer, expectedVersion: 1, allowDuplicate: false) }) else {
            Issue.record("a viewer was let through"); return
        }
        var own = try await park.volunteer(id: 3)
        own.hasCar = true
        #expect(try await park.saveVolunteer(own, expectedVersion: 1, allowDuplicate: false).volunteer.hasCar)
        // Their own household moved to a dong that is not theirs: refused in words on both stores.
        var moving = try await park.household(id: 3)
        moving.dongCode = StoreFixture.seokSu2.code
        guard case .access? = await storeError({ try await park.saveHousehold(moving, expectedVersion: 1, allowDuplicate: false) }) else {
            Issue.record("a move out of the coordinator's dongs was let through"); return
        }
        #expect(try await fixture.store.household(id: 3).dongCode == StoreFixture.pyeongchon.code)
    }

    @Test(arguments: Backend.all) func hoursForAMonthCountCompletedEscortsOnly(_ backend: Backend) async throws {
        let fixture = try await StoreFixture.make(backend)
        defer { fixture.remove() }
        try await fixture.load([fixture.request(1, day: 0, status: .assigned, volunteer: 1), fixture.request(2, day: 1, status: .assigned, volunteer: 1),
                                fixture.request(3, day: 0, hour: 15, status: .assigned, volunteer: 2)])
        try await fixture.store.perform(.confirm, requestID: 1, details: ActionDetails(), expectedVersion: nil)
        try await fixture.store.perform(.start, requestID: 1, details: ActionDetails(), expectedVersion: nil)
        try await fixture.store.perform(.complete, requestID: 1, details: ActionDetails(actualMinutes: 150), expectedVersion: nil)
        let day = CivilDate(fixture.at(day: 0, 10), calendar: fixture.calendar)
        let hours = try await fixture.store.volunteerHours(year: day.year, month: day.month)
        #expect(hours.map(\.name) == ["정지민"])
        #expect(hours.first?.minutes == 150 && hours.first?.escorts.map(\.requestID) == [1])
        let record = try await fixture.store.volunteerRecord(id: 1)
        #expect(record.escorts.map(\.id) == [1, 2])
        #expect(record.months.map(\.minutes) == [150])
    }
}
