import Foundation
import GRDB
import HonsimCore
import Testing
@testable import HonsimStore

@Suite("Assigning: the invariants hold inside the write")
struct AssignmentInvariantTests {
    @Test(arguments: Backend.all) func assignMovesThePendingRequestAndRecordsWhoAndWhen(_ backend: Backend) async throws {
        let fixture = try await StoreFixture.make(backend, user: "kim")
        defer { fixture.remove() }
        try await fixture.load([fixture.request(1)])
        let assigned = try await fixture.store.assign(requestID: 1, volunteerID: 1, expectedVersion: 1, override: false)
        #expect(assigned.status == .assigned)
        #expect(assigned.volunteerID == 1)
        #expect(assigned.version == 2)
        #expect(assigned.updatedBy == "kim")
        let stored = try await fixture.store.request(id: 1)
        #expect(stored == assigned)
        let log = try await fixture.store.auditLog(in: nil, limit: 1)
        let entry = try #require(log.first)
        #expect(entry.action == "assign")
        #expect(entry.user == "kim")
        #expect(entry.entityID == "1")
        #expect(entry.dongCode == StoreFixture.seokSu2.code)
        #expect(entry.before?.contains("\"status\":\"pending\"") == true)
        #expect(entry.after?.contains("\"status\":\"assigned\"") == true)
        #expect(try await fixture.store.checkInvariants().isEmpty)
    }

    @Test(arguments: Backend.all) func aRequestHasAtMostOneActiveAssignment(_ backend: Backend) async throws {
        let fixture = try await StoreFixture.make(backend, user: "kim")
        defer { fixture.remove() }
        try await fixture.load([fixture.request(1)])
        try await fixture.store.assign(requestID: 1, volunteerID: 1, expectedVersion: nil, override: false)
        let other = try await fixture.otherStore(user: "lee")
        let error = await storeError { try await other.assign(requestID: 1, volunteerID: 2, expectedVersion: nil, override: false) }
        guard case .alreadyAssigned(1, "정지민", "kim", _)? = error else {
            Issue.record("expected alreadyAssigned naming 정지민 and kim, got \(String(describing: error))")
            return
        }
        #expect(error?.message(.ko, calendar: fixture.calendar).contains("정지민") == true)
        #expect(error?.message(.en, calendar: fixture.calendar).contains("by kim") == true)
        let count = try await fixture.rawInt("SELECT COUNT(*) FROM assignment WHERE request_id = 1 AND state = 'active'")
        #expect(count == 1)
    }

    @Test(arguments: Backend.all) func theDatabaseItselfRefusesASecondActiveAssignment(_ backend: Backend) async throws {
        let fixture = try await StoreFixture.make(backend)
        defer { fixture.remove() }
        try await fixture.load([fixture.request(1)])
        try await fixture.store.assign(requestID: 1, volunteerID: 1, expectedVersion: nil, override: false)
        await #expect(throws: (any Error).self) {
            try await fixture.rawSQL("""
                INSERT INTO assignment (request_id, volunteer_id, household_id, starts_at, ends_at, state, minutes,
                                        week_key, month_key, assigned_at, assigned_by)
                SELECT request_id, 2, household_id, starts_at, ends_at, 'active', minutes, week_key, month_key, assigned_at, 'raw'
                FROM assignment WHERE request_id = 1
                """)
        }
    }

    @Test(arguments: Backend.all) func aVolunteerIsNeverDoubleBookedTravelTimeIncluded(_ backend: Backend) async throws {
        let fixture = try await StoreFixture.make(backend)
        defer { fixture.remove() }
        // Request 1 occupies 10:00–12:00; request 2 starts 20 minutes after it ends, request 3 exactly 30.
        try await fixture.load([fixture.request(1, hour: 10), fixture.request(2, household: 4, hour: 12, minutes: 60).with(minute: 20),
                                fixture.request(3, household: 4, hour: 12, minutes: 60).with(minute: 30)])
        try await fixture.store.assign(requestID: 1, volunteerID: 2, expectedVersion: nil, override: false)
        let error = await storeError { try await fixture.store.assign(requestID: 2, volunteerID: 2, expectedVersion: nil, override: true) }
        guard case .doubleBooked("곽대현", 1, _)? = error else {
            Issue.record("expected doubleBooked against request 1, got \(String(describing: error))")
            return
        }
        #expect(error?.message(.ko, calendar: fixture.calendar).contains("10:00–12:00") == true)
        let third = try await fixture.store.assign(requestID: 3, volunteerID: 2, expectedVersion: nil, override: false)
        #expect(third.status == .assigned)
        #expect(try await fixture.store.request(id: 2).status == .pending)
    }

    @Test(arguments: Backend.all) func theDatabaseItselfRefusesAnOverlapFromAnyWriter(_ backend: Backend) async throws {
        let fixture = try await StoreFixture.make(backend)
        defer { fixture.remove() }
        try await fixture.load([fixture.request(1, hour: 10), fixture.request(2, household: 4, hour: 11)])
        try await fixture.store.assign(requestID: 1, volunteerID: 2, expectedVersion: nil, override: false)
        await #expect(throws: (any Error).self) {
            try await fixture.rawSQL("""
                INSERT INTO assignment (request_id, volunteer_id, household_id, starts_at, ends_at, state, minutes,
                                        week_key, month_key, assigned_at, assigned_by)
                SELECT 2, 2, 4, starts_at + 3600, ends_at + 3600, 'active', minutes, week_key, month_key, assigned_at, 'raw'
                FROM assignment WHERE request_id = 1
                """)
        }
        #expect(try await fixture.rawInt("SELECT COUNT(*) FROM assignment WHERE request_id = 2") == 0)
    }

    @Test(arguments: Backend.all) func aStaleScreenLosesAndIsToldWhoChangedTheRow(_ backend: Backend) async throws {
        let fixture = try await StoreFixture.make(backend, user: "kim")
        defer { fixture.remove() }
        try await fixture.load([fixture.request(1)])
        let other = try await fixture.otherStore(user: "lee")
        try await other.perform(.cancel, requestID: 1, details: ActionDetails(reason: "가족 동행"), expectedVersion: 1)
        let error = await storeError { try await fixture.store.assign(requestID: 1, volunteerID: 1, expectedVersion: 1, override: false) }
        guard case .staleWrite("request", 1, "lee", _, "cancelled")? = error else {
            Issue.record("expected staleWrite by lee, got \(String(describing: error))")
            return
        }
    }

    @Test(arguments: Backend.all) func overridableExclusionsNeedAnOverrideAndOthersNeverPass(_ backend: Backend) async throws {
        let fixture = try await StoreFixture.make(backend)
        defer { fixture.remove() }
        // Volunteer 4 is free only on Saturdays: outside their hours on Monday (overridable).
        // Household 2 uses a wheelchair; volunteer 2 has no wheelchair skill (never).
        try await fixture.load([fixture.request(1), fixture.request(2, household: 2, day: 1)])
        let refused = await storeError { try await fixture.store.assign(requestID: 1, volunteerID: 4, expectedVersion: nil, override: false) }
        #expect(refused == .excluded(volunteerName: "오주말", [.outsideAvailability]))
        let overridden = try await fixture.store.assign(requestID: 1, volunteerID: 4, expectedVersion: nil, override: true)
        #expect(overridden.status == .assigned)
        #expect(try await fixture.store.auditLog(in: nil, limit: 1).first?.action == "assign (override)")
        let never = await storeError { try await fixture.store.assign(requestID: 2, volunteerID: 2, expectedVersion: nil, override: true) }
        #expect(never == .excluded(volunteerName: "곽대현", [.needsWheelchairSkill]))
    }

    @Test(arguments: Backend.all) func unknownIdsAreNamed(_ backend: Backend) async throws {
        let fixture = try await StoreFixture.make(backend)
        defer { fixture.remove() }
        try await fixture.load([fixture.request(1)])
        #expect(await storeError { try await fixture.store.assign(requestID: 99, volunteerID: 1, expectedVersion: nil, override: false) }
                == .notFound(entity: "request", id: 99))
        #expect(await storeError { try await fixture.store.assign(requestID: 1, volunteerID: 77, expectedVersion: nil, override: false) }
                == .notFound(entity: "volunteer", id: 77))
        #expect(try await fixture.auditEntries() == 1)  // only the load
    }
}

extension EscortRequest {
    /// The same request with its pickup moved to `minute` past the hour.
    func with(minute: Int) -> EscortRequest {
        var copy = self
        copy.pickupAt = pickupAt.addingTimeInterval(TimeInterval(minute * 60))
        copy.appointmentAt = appointmentAt.addingTimeInterval(TimeInterval(minute * 60))
        return copy
    }
}
