import Foundation
import HonsimCore
import Testing
@testable import HonsimStore

/// Both stores keep every volunteer's minutes per week and month between rankings (SQLite by
/// its data version, PostgreSQL by the revisions of migration 24). Whatever is kept, a ranking
/// asked for right after another session's commit ranks on that commit.
@Suite("Candidates: kept minutes are never stale")
struct KeptMinutesTests {
    /// 윤한도 (5) may give 3 hours a week; two 2-hour escorts on one Monday, at 10 and at 14. Each of
    /// two sessions ranks first (so both keep the minutes); then each writes in turn and the
    /// other ranks at once, without waiting for any change notice.
    @Test(arguments: Backend.all) func aRankingRightAfterAnotherSessionsWriteSeesIt(_ backend: Backend) async throws {
        let fixture = try await StoreFixture.make(backend)
        defer { fixture.remove() }
        try await fixture.load([fixture.request(1, hour: 10), fixture.request(2, household: 4, hour: 14)])
        let first = fixture.store
        let second = try await fixture.otherStore()
        #expect(try await first.candidates(for: 2).eligible.first { $0.id == 5 }?.minutesInMonth == 0)
        #expect(try await second.candidates(for: 2).eligible.first { $0.id == 5 }?.minutesInMonth == 0)

        // The first session assigns her on Monday: the second session's very next ranking knows.
        try await first.assign(requestID: 1, volunteerID: 5, expectedVersion: nil, override: false)
        let capped = try await second.candidates(for: 2)
        #expect(capped.excluded.first { $0.id == 5 }?.exclusions == [.weeklyCap(usedMinutes: 120, capMinutes: 180)])

        // The second session releases her: the first session's next ranking knows.
        try await second.perform(.release, requestID: 1, details: ActionDetails(reason: "일정 변경"), expectedVersion: nil)
        let freed = try await first.candidates(for: 2)
        #expect(freed.eligible.first { $0.id == 5 }?.minutesInMonth == 0)
        #expect(freed.excluded.first { $0.id == 5 } == nil)

        // And assigned again by the first session: the second session sees the 2 hours once.
        try await first.assign(requestID: 1, volunteerID: 5, expectedVersion: nil, override: false)
        #expect(try await second.candidates(for: 2).excluded.first { $0.id == 5 }?.exclusions
            == [.weeklyCap(usedMinutes: 120, capMinutes: 180)])
    }

    /// A volunteer's minutes moved behind the store's back (the raw table, as a repair or a
    /// restore would) still reach the next ranking: on PostgreSQL through the revision the
    /// change bumps, not through anything the store itself did.
    @Test(arguments: Backend.all) func minutesChangedOutsideTheStoreReachTheNextRanking(_ backend: Backend) async throws {
        let fixture = try await StoreFixture.make(backend)
        defer { fixture.remove() }
        try await fixture.load([fixture.request(1, hour: 10), fixture.request(2, household: 4, hour: 14)])
        try await fixture.store.assign(requestID: 1, volunteerID: 5, expectedVersion: nil, override: false)
        #expect(try await fixture.store.candidates(for: 2).excluded.first { $0.id == 5 } != nil)
        try await fixture.rawSQL("UPDATE volunteer_load SET minutes = 30 WHERE volunteer_id = 5")
        let after = try await fixture.store.candidates(for: 2)
        #expect(after.eligible.first { $0.id == 5 }?.minutesInMonth == 30)
        // Deleted rows are none, not what was kept.
        try await fixture.rawSQL("DELETE FROM volunteer_load WHERE volunteer_id = 5")
        #expect(try await fixture.store.candidates(for: 2).eligible.first { $0.id == 5 }?.minutesInMonth == 0)
    }

    /// The revisions (PostgreSQL): one bump per period and slot a committed transaction
    /// touched, however many rows; none for a transaction rolled back.
    @Test func revisionsMoveOncePerCommitThatTouchedTheirPeriod() async throws {
        guard Backend.all.contains(.postgres) else { return }
        let fixture = try await StoreFixture.make(.postgres)
        defer { fixture.remove() }
        try await fixture.load([fixture.request(1, hour: 10), fixture.request(2, household: 4, hour: 14)])
        let week = LoadPeriod.week(fixture.at(10), calendar: fixture.calendar)
        let month = LoadPeriod.month(fixture.at(10), calendar: fixture.calendar)
        func revision(_ period: String, volunteer: Int64) async throws -> Int {
            try await fixture.rawInt("SELECT coalesce((SELECT revision FROM load_revision WHERE period = '\(period)' AND slot = \(volunteer % 16)), 0)") ?? -1
        }
        let before = try await revision(week, volunteer: 5)
        try await fixture.store.assign(requestID: 1, volunteerID: 5, expectedVersion: nil, override: false)
        #expect(try await revision(week, volunteer: 5) == before + 1)
        #expect(try await revision(month, volunteer: 5) >= 1)

        // Two rows of the same week and slot in one transaction: one bump.
        let monthBefore = try await revision(month, volunteer: 3)
        try await fixture.rawSQL("""
            BEGIN;
            UPDATE volunteer_load SET minutes = minutes + 1 WHERE volunteer_id = 5;
            INSERT INTO volunteer_load (volunteer_id, period, minutes) VALUES (3, '\(month)', 45);
            COMMIT;
            """)
        #expect(try await revision(week, volunteer: 5) == before + 2)
        #expect(try await revision(month, volunteer: 3) == monthBefore + 1)

        // Rolled back: no bump.
        try await fixture.rawSQL("BEGIN; UPDATE volunteer_load SET minutes = 0 WHERE volunteer_id = 5; ROLLBACK;")
        #expect(try await revision(week, volunteer: 5) == before + 2)

        // A transaction touching hundreds of periods (an import's) notes "all": its commit bumps
        // them, and the periods it touched after its notes were full too.
        func usedByHer() async throws -> Int? {
            let ranking = try await fixture.store.candidates(for: 2)
            return (ranking.eligible + ranking.excluded).first { $0.id == 5 }?.minutesInMonth
        }
        #expect(try await usedByHer() == 121)
        let periods = (0..<600).map { "W1990-\($0)" }
        try await fixture.rawSQL("""
            BEGIN;
            INSERT INTO volunteer_load (volunteer_id, period, minutes) VALUES \(periods.map { "(2, '\($0)', 60)" }.joined(separator: ", "));
            UPDATE volunteer_load SET minutes = minutes + 1 WHERE volunteer_id = 5;
            COMMIT;
            """)
        #expect(try await revision(periods[0], volunteer: 2) == 1)
        #expect(try await revision(periods[599], volunteer: 2) == 1)
        #expect(try await revision(week, volunteer: 5) == before + 3)
        #expect(try await usedByHer() == 122)
    }

    /// Writers of the same week at the same time: every assign commits (the revisions are bumped
    /// at commit in one order by all, so none deadlocks), and every session's next ranking
    /// counts all of them.
    @Test(arguments: Backend.all) func concurrentAssignsOfOneWeekAllCommitAndAllCount(_ backend: Backend) async throws {
        let fixture = try await StoreFixture.make(backend)
        defer { fixture.remove() }
        // Four escorts at the same hour of one Monday, one per volunteer, and one more at 14 to rank.
        try await fixture.load([fixture.request(1, hour: 10), fixture.request(2, household: 2, hour: 10),
                                fixture.request(3, household: 3, hour: 10), fixture.request(4, household: 4, hour: 10),
                                fixture.request(5, household: 4, hour: 14)])
        let sessions = [fixture.store, try await fixture.otherStore(user: "lee"), try await fixture.otherStore(user: "park"),
                        try await fixture.otherStore(user: "choi")]
        for session in sessions { _ = try await session.candidates(for: 5) }
        // 박영호 (2) needs a wheelchair: 정지민 (1) takes him; 이말순 (3) asks for a woman: 한수어 (3).
        let pairs: [(Int64, Int64)] = [(1, 2), (2, 1), (3, 3), (4, 5)]
        try await withThrowingTaskGroup(of: Void.self) { group in
            for (index, pair) in pairs.enumerated() {
                let session = sessions[index]
                group.addTask {
                    _ = try await session.assign(requestID: pair.0, volunteerID: pair.1, expectedVersion: nil, override: false)
                }
            }
            try await group.waitForAll()
        }
        for session in sessions {
            let ranking = try await session.candidates(for: 5)
            for volunteer: Int64 in [1, 2, 3, 5] {
                let minutes = ranking.eligible.first { $0.id == volunteer }?.minutesInMonth
                    ?? ranking.excluded.first { $0.id == volunteer }?.minutesInMonth
                #expect(minutes == 120, "volunteer \(volunteer)")
            }
        }
    }
}
