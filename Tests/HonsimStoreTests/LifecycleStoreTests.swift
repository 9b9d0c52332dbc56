import Foundation
import GRDB
import HonsimCore
import Testing
@testable import HonsimStore

@Suite("Lifecycle moves in the store")
struct LifecycleStoreTests {
    func minutes(_ fixture: StoreFixture, volunteer: Int64, period: String) async throws -> Int {
        try await fixture.rawInt("SELECT minutes FROM volunteer_load WHERE volunteer_id = \(volunteer) AND period = '\(period)'") ?? 0
    }

    @Test(arguments: Backend.all) func theWholeWayToCompletedKeepsTheLoadsAndTheLog(_ backend: Backend) async throws {
        let fixture = try await StoreFixture.make(backend)
        defer { fixture.remove() }
        try await fixture.load([fixture.request(1)])
        let store = fixture.store
        let week = LoadPeriod.week(fixture.monday, calendar: fixture.calendar)
        try await store.assign(requestID: 1, volunteerID: 1, expectedVersion: nil, override: false)
        #expect(try await minutes(fixture, volunteer: 1, period: week) == 120)
        #expect(try await store.perform(.confirm, requestID: 1, details: ActionDetails(), expectedVersion: 2).status == .confirmed)
        #expect(try await store.perform(.start, requestID: 1, details: ActionDetails(), expectedVersion: 3).status == .inProgress)
        let done = try await store.perform(.complete, requestID: 1, details: ActionDetails(
            actualMinutes: 150, outcome: "진료 후 귀가", doctorNotes: "혈압약 용량 증가, 2주 후 재방문", followUp: true), expectedVersion: 4)
        #expect(done.status == .completed)
        #expect(done.completion == Completion(actualMinutes: 150, outcome: "진료 후 귀가", doctorNotes: "혈압약 용량 증가, 2주 후 재방문", followUp: true))
        #expect(try await store.request(id: 1).completion?.doctorNotes == "혈압약 용량 증가, 2주 후 재방문")
        // The actual minutes replace the expected ones in the volunteer's week.
        #expect(try await minutes(fixture, volunteer: 1, period: week) == 150)
        let actions = try await store.auditLog(in: nil, limit: nil).map(\.action)
        #expect(actions == ["complete", "start", "confirm", "assign", "load"])
        #expect(try await store.checkInvariants().isEmpty)
    }

    @Test(arguments: Backend.all) func releaseReturnsTheRequestAndFreesTheVolunteer(_ backend: Backend) async throws {
        let fixture = try await StoreFixture.make(backend)
        defer { fixture.remove() }
        try await fixture.load([fixture.request(1), fixture.request(2, household: 4, hour: 11)])
        let store = fixture.store
        try await store.assign(requestID: 1, volunteerID: 2, expectedVersion: nil, override: false)
        let released = try await store.perform(.release, requestID: 1, details: ActionDetails(reason: "봉사자 사정"), expectedVersion: nil)
        #expect(released.status == .pending)
        #expect(released.volunteerID == nil)
        #expect(try await minutes(fixture, volunteer: 2, period: LoadPeriod.week(fixture.monday, calendar: fixture.calendar)) == 0)
        // Free again: the overlapping request can now take the same volunteer.
        #expect(try await store.assign(requestID: 2, volunteerID: 2, expectedVersion: nil, override: false).status == .assigned)
        let reason = try await fixture.rawSQL("SELECT reason FROM assignment WHERE request_id = 1 AND state = 'released'").first
        #expect(reason == "봉사자 사정")
        #expect(try await store.checkInvariants().isEmpty)
    }

    @Test(arguments: Backend.all) func cancelAndNoShowEndTheAssignment(_ backend: Backend) async throws {
        let fixture = try await StoreFixture.make(backend)
        defer { fixture.remove() }
        try await fixture.load([fixture.request(1), fixture.request(2, household: 4, day: 1), fixture.request(3, household: 3, day: 2)])
        let store = fixture.store
        try await store.assign(requestID: 1, volunteerID: 1, expectedVersion: nil, override: false)
        let cancelled = try await store.perform(.cancel, requestID: 1, details: ActionDetails(reason: "대상자 입원"), expectedVersion: nil)
        #expect(cancelled.status == .cancelled && cancelled.volunteerID == nil && cancelled.cancelReason == "대상자 입원")
        try await store.assign(requestID: 2, volunteerID: 1, expectedVersion: nil, override: false)
        let noShow = try await store.perform(.noShow, requestID: 2, details: ActionDetails(), expectedVersion: nil)
        #expect(noShow.status == .noShow && noShow.volunteerID == 1)
        // A pending request can be cancelled too; it never had an assignment.
        #expect(try await store.perform(.cancel, requestID: 3, details: ActionDetails(), expectedVersion: nil).status == .cancelled)
        let states = try await fixture.rawSQL("SELECT state FROM assignment ORDER BY id")
        #expect(states == ["cancelled", "no_show"])
        #expect(try await store.checkInvariants().isEmpty)
    }

    @Test(arguments: Backend.all, [LifecycleAction.confirm, .start, .complete, .release, .noShow])
    func illegalMovesAreRefusedAndChangeNothing(_ backend: Backend, action: LifecycleAction) async throws {
        let fixture = try await StoreFixture.make(backend)
        defer { fixture.remove() }
        try await fixture.load([fixture.request(1)])
        let before = try await fixture.auditEntries()
        let error = await storeError { try await fixture.store.perform(action, requestID: 1, details: ActionDetails(), expectedVersion: nil) }
        #expect(error == .illegalMove(requestID: 1, IllegalMove(from: .pending, action: action)))
        #expect(try await fixture.store.request(id: 1).version == 1)
        #expect(try await fixture.auditEntries() == before)
    }

    @Test(arguments: Backend.all) func endedRequestsTakeNoFurtherMoves(_ backend: Backend) async throws {
        let fixture = try await StoreFixture.make(backend)
        defer { fixture.remove() }
        try await fixture.load([fixture.request(1)])
        try await fixture.store.perform(.cancel, requestID: 1, details: ActionDetails(), expectedVersion: nil)
        for action in LifecycleAction.allCases where action != .assign {
            let error = await storeError { try await fixture.store.perform(action, requestID: 1, details: ActionDetails(), expectedVersion: nil) }
            #expect(error == .illegalMove(requestID: 1, IllegalMove(from: .cancelled, action: action)))
        }
        let error = await storeError { try await fixture.store.assign(requestID: 1, volunteerID: 1, expectedVersion: nil, override: false) }
        #expect(error == .illegalMove(requestID: 1, IllegalMove(from: .cancelled, action: .assign)))
    }

    @Test(arguments: Backend.all) func weeklyCapCountsEveryActiveAndCompletedEscort(_ backend: Backend) async throws {
        let fixture = try await StoreFixture.make(backend)
        defer { fixture.remove() }
        // Volunteer 5 has a 3-hour weekly cap: two 2-hour escorts do not fit in one week.
        try await fixture.load([fixture.request(1), fixture.request(2, household: 4, day: 2)])
        try await fixture.store.assign(requestID: 1, volunteerID: 5, expectedVersion: nil, override: false)
        let error = await storeError { try await fixture.store.assign(requestID: 2, volunteerID: 5, expectedVersion: nil, override: false) }
        #expect(error == .excluded(volunteerName: "윤한도", [.weeklyCap(usedMinutes: 120, capMinutes: 180)]))
        let ranking = try await fixture.store.candidates(for: 2)
        #expect(!ranking.eligible.contains { $0.volunteer.id == 5 })
        #expect(ranking.excluded.first { $0.volunteer.id == 5 }?.exclusions == [.weeklyCap(usedMinutes: 120, capMinutes: 180)])
    }
}
