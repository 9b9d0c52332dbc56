import Foundation
import GRDB
import HonsimCore
import Testing
@testable import HonsimStore

@Suite("New requests, undo, and the activity query")
struct UndoAndCreateTests {
    func weekMinutes(_ fixture: StoreFixture, volunteer: Int64) async throws -> Int {
        let week = LoadPeriod.week(fixture.monday, calendar: fixture.calendar)
        return try await fixture.rawInt("SELECT minutes FROM volunteer_load WHERE volunteer_id = \(volunteer) AND period = '\(week)'") ?? 0
    }

    @Test(arguments: Backend.all) func aWeeklySeriesIsCreatedWholeWithTheHouseholdsDong(_ backend: Backend) async throws {
        let fixture = try await StoreFixture.make(backend)
        defer { fixture.remove() }
        try await fixture.load([])
        var draft = fixture.request(0, household: 3, day: 0, hour: 9)
        draft.dongCode = "wrong"
        draft.seriesID = "series-1"
        let drafts = (0..<3).map { week -> EscortRequest in
            var copy = draft
            copy.pickupAt = draft.pickupAt.addingTimeInterval(TimeInterval(week * 7 * 86_400))
            copy.appointmentAt = draft.appointmentAt.addingTimeInterval(TimeInterval(week * 7 * 86_400))
            return copy
        }
        let created = try await fixture.store.createRequests(drafts)
        #expect(created.count == 3)
        #expect(Set(created.map(\.id)).count == 3)
        #expect(created.allSatisfy { $0.status == .pending && $0.dongCode == StoreFixture.pyeongchon.code && $0.updatedBy == "kim" })
        #expect(try await fixture.store.pendingRequests(limit: 10).map(\.id) == created.map(\.id))
        let log = try await fixture.store.auditLog(matching: AuditQuery(requestID: created[1].id), limit: 10)
        #expect(log.map(\.action) == ["create"])
    }

    @Test(arguments: Backend.all) func oneBadDateOfASeriesCreatesNone(_ backend: Backend) async throws {
        let fixture = try await StoreFixture.make(backend)
        defer { fixture.remove() }
        try await fixture.load([])
        let good = fixture.request(0, household: 1)
        var bad = fixture.request(0, household: 1, day: 7)
        bad.hospital = " "
        var gone = fixture.request(0, household: 99, day: 14)
        gone.householdID = 99
        await #expect {
            try await fixture.store.createRequests([good, bad, gone])
        } throws: { error in
            guard case StoreError.invalidData(let issues) = error else { return false }
            return issues.map { "\($0.line):\($0.field)" } == ["2:hospital", "3:household"]
        }
        #expect(try await fixture.store.counts().requests == 0)
    }

    @Test(arguments: Backend.all) func undoingAnAssignFreesTheVolunteerAndIsAudited(_ backend: Backend) async throws {
        let fixture = try await StoreFixture.make(backend)
        defer { fixture.remove() }
        try await fixture.load([fixture.request(1)])
        let assigned = try await fixture.store.assign(requestID: 1, volunteerID: 1, expectedVersion: 1, override: false)
        #expect(try await weekMinutes(fixture, volunteer: 1) == 120)
        let restored = try await fixture.store.undo([UndoTarget(requestID: 1, version: assigned.version)])
        #expect(restored.first?.status == .pending)
        #expect(restored.first?.volunteerID == nil)
        #expect(restored.first?.version == assigned.version + 1)
        #expect(try await weekMinutes(fixture, volunteer: 1) == 0)
        #expect(try await fixture.store.auditLog(in: nil, limit: 2).map(\.action) == ["undo", "assign"])
        #expect(try await fixture.store.checkInvariants().isEmpty)
    }

    @Test(arguments: Backend.all) func undoingAReleaseGivesTheVolunteerBackUnlessTheyAreNowBusy(_ backend: Backend) async throws {
        let fixture = try await StoreFixture.make(backend)
        defer { fixture.remove() }
        try await fixture.load([fixture.request(1), fixture.request(2, household: 4, hour: 11)])
        let store = fixture.store
        try await store.assign(requestID: 1, volunteerID: 2, expectedVersion: nil, override: false)
        let confirmed = try await store.perform(.confirm, requestID: 1, details: ActionDetails(), expectedVersion: nil)
        let released = try await store.perform(.release, requestID: 1, details: ActionDetails(reason: "봉사자 사정"), expectedVersion: confirmed.version)
        let back = try await store.undo([UndoTarget(requestID: 1, version: released.version)])
        #expect(back.first?.status == .confirmed)
        #expect(back.first?.volunteerID == 2)
        #expect(try await weekMinutes(fixture, volunteer: 2) == 120)

        // Released again; meanwhile volunteer 2 takes the overlapping request, so the undo must refuse.
        let again = try await store.perform(.release, requestID: 1, details: ActionDetails(reason: "다시"), expectedVersion: nil)
        try await store.assign(requestID: 2, volunteerID: 2, expectedVersion: nil, override: false)
        await #expect {
            try await store.undo([UndoTarget(requestID: 1, version: again.version)])
        } throws: { error in
            if case StoreError.doubleBooked = error { return true }
            return false
        }
        #expect(try await store.request(id: 1).status == .pending)
        #expect(try await store.checkInvariants().isEmpty)
    }

    @Test(arguments: Backend.all) func undoingACompletionReopensTheEscort(_ backend: Backend) async throws {
        let fixture = try await StoreFixture.make(backend)
        defer { fixture.remove() }
        try await fixture.load([fixture.request(1, status: .inProgress, volunteer: 1)])
        let done = try await fixture.store.perform(.complete, requestID: 1, details: ActionDetails(actualMinutes: 200, doctorNotes: "재방문"), expectedVersion: nil)
        #expect(try await weekMinutes(fixture, volunteer: 1) == 200)
        let back = try await fixture.store.undo([UndoTarget(requestID: 1, version: done.version)])
        #expect(back.first?.status == .inProgress)
        #expect(back.first?.completion == nil)
        #expect(try await weekMinutes(fixture, volunteer: 1) == 120)
        #expect(try await fixture.store.checkInvariants().isEmpty)
    }

    @Test(arguments: Backend.all) func undoIsRefusedAfterSomeoneElsesChange(_ backend: Backend) async throws {
        let fixture = try await StoreFixture.make(backend)
        defer { fixture.remove() }
        try await fixture.load([fixture.request(1)])
        let mine = try await fixture.store.assign(requestID: 1, volunteerID: 1, expectedVersion: nil, override: false)
        let other = try await fixture.otherStore(user: "lee")
        try await other.perform(.confirm, requestID: 1, details: ActionDetails(), expectedVersion: nil)
        // The version I saw is gone: the screen was stale.
        await #expect {
            try await fixture.store.undo([UndoTarget(requestID: 1, version: mine.version)])
        } throws: { error in
            guard case StoreError.staleWrite(_, _, let by, _, _) = error else { return false }
            return by == "lee"
        }
        // Even with the current version, the last change is lee's, not mine.
        await #expect {
            try await fixture.store.undo([UndoTarget(requestID: 1, version: mine.version + 1)])
        } throws: { error in
            guard case StoreError.cannotUndo(1, .someoneElses(let user, _)) = error else { return false }
            return user == "lee"
        }
        #expect(try await fixture.store.request(id: 1).status == .confirmed)
    }

    @Test(arguments: Backend.all) func undoingACreateRemovesTheSeriesWhole(_ backend: Backend) async throws {
        let fixture = try await StoreFixture.make(backend)
        defer { fixture.remove() }
        try await fixture.load([])
        let created = try await fixture.store.createRequests([fixture.request(0), fixture.request(0, day: 7)])
        let restored = try await fixture.store.undo(created.map { UndoTarget(requestID: $0.id, version: $0.version) })
        #expect(restored.isEmpty)
        #expect(try await fixture.store.counts().requests == 0)
        #expect(try await fixture.store.auditLog(in: nil, limit: 2).map(\.action) == ["undo create", "undo create"])
    }

    @Test(arguments: Backend.all) func theActivityQueryFiltersByDongUserAndRequest(_ backend: Backend) async throws {
        let fixture = try await StoreFixture.make(backend)
        defer { fixture.remove() }
        try await fixture.load([fixture.request(1), fixture.request(2, household: 3, day: 1), fixture.request(3, household: 4, day: 2)])
        try await fixture.store.assign(requestID: 1, volunteerID: 1, expectedVersion: nil, override: false)
        let lee = try await fixture.otherStore(user: "lee_j")
        try await lee.assign(requestID: 2, volunteerID: 3, expectedVersion: nil, override: false)
        try await lee.perform(.cancel, requestID: 3, details: ActionDetails(reason: "입원"), expectedVersion: nil)
        let byDong = try await fixture.store.auditLog(matching: AuditQuery(dongCodes: [StoreFixture.seokSu2.code]), limit: 10)
        #expect(byDong.map(\.entityID) == ["1"])
        let byUser = try await fixture.store.auditLog(matching: AuditQuery(user: "lee_"), limit: 10)
        #expect(byUser.map(\.entityID) == ["3", "2"])
        // "_" is a letter here, not LIKE's any-character.
        #expect(try await fixture.store.auditLog(matching: AuditQuery(user: "e_j_"), limit: 10).isEmpty)
        #expect(try await fixture.store.auditLog(matching: AuditQuery(user: "lee", requestID: 3), limit: 10).map(\.action) == ["cancel"])
    }

    @Test(arguments: Backend.all) func searchingCandidatesReachesEveryVolunteerWithItsReasons(_ backend: Backend) async throws {
        let fixture = try await StoreFixture.make(backend)
        defer { fixture.remove() }
        try await fixture.load([fixture.request(1, household: 2)])
        let ranking = try await fixture.store.candidates(for: 1, among: [2, 4])
        #expect(ranking.eligible.isEmpty)
        #expect(Set(ranking.excluded.map(\.id)) == [2, 4])
        let weekend = try #require(ranking.excluded.first { $0.id == 4 })
        #expect(weekend.exclusions.contains(.needsWheelchairSkill))
        #expect(weekend.exclusions.contains(.outsideAvailability))
    }
}
