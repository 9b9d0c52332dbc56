import Foundation
import HonsimCore
import Testing
@testable import HonsimStore

/// The loads behind a ranking, read straight into the pool's arrays: a request's own escort
/// never counts against its own volunteer, and everyone else's still does.
@Suite("Candidates: the loads of a request")
struct CandidateLoadsTests {
    @Test(arguments: Backend.all) func anAssignedRequestIsRerankedWithoutItsOwnEscort(_ backend: Backend) async throws {
        let fixture = try await StoreFixture.make(backend)
        defer { fixture.remove() }
        // 윤한도 (5, weekly cap 3 hours) takes request 1, 10:00–12:00; request 2 asks for 11:00.
        try await fixture.load([fixture.request(1, hour: 10, status: .assigned, volunteer: 5),
                                fixture.request(2, household: 4, hour: 11)])
        let own = try await fixture.store.candidates(for: 1)
        let holder = try #require(own.eligible.first { $0.id == 5 }, "her own escort is no clash and her own 2 hours are not counted twice")
        #expect(holder.minutesInMonth == 0)
        let other = try await fixture.store.candidates(for: 2)
        let busy = try #require(other.excluded.first { $0.id == 5 })
        #expect(busy.exclusions.contains(.overlap(TimeSpan(start: fixture.at(10), minutes: 120))))
        #expect(busy.exclusions.contains(.weeklyCap(usedMinutes: 120, capMinutes: 180)))
        #expect(!busy.isOverridable)
    }

    @Test(arguments: Backend.all) func theRankingIsTheSameFromTheCacheAndFromAFreshStore(_ backend: Backend) async throws {
        let fixture = try await StoreFixture.make(backend)
        defer { fixture.remove() }
        try await fixture.load([fixture.request(1, household: 3, hour: 10), fixture.request(2, hour: 9, status: .assigned, volunteer: 3)])
        let first = try await fixture.store.candidates(for: 1)
        let cached = try await fixture.store.candidates(for: 1)
        let fresh = try await fixture.otherStore().candidates(for: 1)
        #expect(first == cached && cached == fresh)
        // A volunteer changed by another process: the prepared pool is made again.
        try await fixture.rawSQL("UPDATE volunteer SET closed = 1 WHERE id = 1")
        let after = try await fixture.store.candidates(for: 1)
        #expect(!after.eligible.contains { $0.id == 1 })
        #expect(after.excluded.first { $0.id == 1 }?.exclusions.first == .closed)
    }

    /// The minutes are kept between rankings until the store changes: a change by another
    /// process, or by this one, shows in the very next ranking.
    @Test func keptMinutesGiveWayToTheNextCommit() async throws {
        let fixture = try StoreFixture()
        defer { fixture.remove() }
        // 윤한도 (5) may give 3 hours a week; two 2-hour escorts on Monday and Wednesday.
        try await fixture.load([fixture.request(1, hour: 10), fixture.request(2, household: 4, day: 2, hour: 10)])
        let store = fixture.store
        #expect(try await store.candidates(for: 2).eligible.contains { $0.id == 5 })
        #expect(try await store.candidates(for: 2).eligible.contains { $0.id == 5 }, "a second ranking from the kept minutes")

        // This process assigns her on Monday: its next ranking knows.
        try await store.assign(requestID: 1, volunteerID: 5, expectedVersion: nil, override: false)
        let capped = try await store.candidates(for: 2)
        #expect(!capped.eligible.contains { $0.id == 5 })
        #expect(capped.excluded.first { $0.id == 5 }?.exclusions == [.weeklyCap(usedMinutes: 120, capMinutes: 180)])

        // Another process releases her: this process's next ranking knows too.
        try await fixture.secondStore(user: "lee").perform(.release, requestID: 1, details: ActionDetails(reason: "일정 변경"),
                                                           expectedVersion: nil)
        let freed = try await store.candidates(for: 2)
        #expect(freed.eligible.first { $0.id == 5 }?.minutesInMonth == 0)
        #expect(freed.excluded.first { $0.id == 5 } == nil)
    }
}
