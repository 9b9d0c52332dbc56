import Foundation
import HonsimCore
@testable import HonsimStore
import HonsimTestServer
import Testing

/// The ranking pool the store keeps (`kept_pool`, SQLCaseStore+KeptPool), on both backends:
/// every change of a volunteer, a window or a day off makes it again in the same transaction;
/// a newly opened store's first ranking is ranked on it, and ranks as the rows do; bytes that
/// are not of the store's volunteers are found by `honsim check`, and bytes that cannot be
/// read, or of another revision, are never ranked on.
@Suite("The ranking pool kept in the store")
struct KeptPoolStoreTests {
    func sqlStore(_ store: any CaseStore) -> SQLCaseStore { store as! SQLCaseStore }

    /// The kept pool's revision and bytes, and the store's volunteers revision.
    func kept(_ fixture: StoreFixture) async throws -> (revision: String?, packed: Data?, volunteers: String) {
        let store = sqlStore(fixture.store)
        return try await store.read { db in
            let row = try await db.one("SELECT volunteers_revision, packed FROM kept_pool")
            return (row?["volunteers_revision"], row?["packed"], try await store.volunteersRevision(db))
        }
    }

    /// The kept pool is of the store's revision and is, byte for byte, the pool its rows make.
    func expectKeptIsTheRows(_ fixture: StoreFixture, _ step: String, sourceLocation: SourceLocation = #_sourceLocation) async throws {
        let store = sqlStore(fixture.store)
        let (revision, packed, volunteers) = try await kept(fixture)
        #expect(revision == volunteers, "kept at the store's revision after \(step)", sourceLocation: sourceLocation)
        let rows = try await store.read { db in try await SQLCaseStore.readPool(db, dongs: try await store.cachedDongs(db)).packed() }
        #expect(packed == rows, "kept bytes are the rows' after \(step)", sourceLocation: sourceLocation)
        let problems = try await store.checkInvariants().filter { $0.rule == "kept pool" }
        #expect(problems.isEmpty, "after \(step): \(problems.map(\.detail))", sourceLocation: sourceLocation)
    }

    /// What a newly opened session ranks for each request, against a session that read the whole
    /// volunteer list first (its pool is made from the list, not from anything kept).
    func expectFirstRankingsAreTheRows(_ fixture: StoreFixture, requests: [Int64], sourceLocation: SourceLocation = #_sourceLocation) async throws {
        let fromList = try await fixture.session(user: "kim")
        _ = try await fromList.volunteers()
        for id in requests {
            let fresh = try await fixture.session(user: "kim")
            let first = try await fresh.candidates(for: id)
            #expect(first == (try await fromList.candidates(for: id)), "request \(id)", sourceLocation: sourceLocation)
        }
    }

    /// Writes `packed` into the kept pool as it is, outside honsim.
    func overwriteKept(_ fixture: StoreFixture, with packed: Data) async throws {
        let hex = packed.map { String(format: "%02x", $0) }.joined()
        let literal = fixture.backend == .sqlite ? "X'\(hex)'" : "decode('\(hex)', 'hex')"
        try await fixture.rawSQL("UPDATE kept_pool SET packed = \(literal)")
    }

    @Test(arguments: Backend.all) func everyChangeOfTheVolunteersKeepsThePoolOfTheRows(_ backend: Backend) async throws {
        let fixture = try await StoreFixture.make(backend)
        defer { fixture.remove() }
        try await fixture.load([fixture.request(1, household: 1, day: 1), fixture.request(2, household: 3, day: 2, hour: 14),
                                fixture.request(3, household: 2, day: 5, hour: 11)])
        try await expectKeptIsTheRows(fixture, "the load")
        let store = fixture.store

        var volunteer = try await store.volunteer(id: 4)
        volunteer.availability = StoreFixture.allWeek
        volunteer.skills = [.wheelchair, .language("vi")]
        _ = try await store.saveVolunteer(volunteer, expectedVersion: volunteer.version, allowDuplicate: false)
        try await expectKeptIsTheRows(fixture, "new windows and skills")

        var away = try await store.volunteer(id: 1)
        let day = CivilDate(fixture.at(day: 1, 12), calendar: fixture.calendar)
        away.daysOff = [DayOff(from: day, to: day, reason: "병원 진료")]
        _ = try await store.saveVolunteer(away, expectedVersion: away.version, allowDuplicate: false)
        try await expectKeptIsTheRows(fixture, "a day off")

        var added = StoreFixture.volunteers[1]
        added.id = 0
        added.name = "신규봉"
        added.phone = "010-5555-0000"
        _ = try await store.saveVolunteer(added, expectedVersion: nil, allowDuplicate: true)
        try await expectKeptIsTheRows(fixture, "a new volunteer")

        // A save that fails (another's change came first) leaves the pool as it was.
        let before = try await kept(fixture)
        var stale = try await store.volunteer(id: 2)
        stale.closed = true
        #expect(await storeError { try await store.saveVolunteer(stale, expectedVersion: stale.version - 1, allowDuplicate: false) } != nil)
        let after = try await kept(fixture)
        #expect(after.revision == before.revision && after.packed == before.packed)

        try await expectFirstRankingsAreTheRows(fixture, requests: [1, 2, 3])
    }

    @Test(arguments: Backend.all) func aStoreWithoutItMakesItAtItsNextWriteAndRanksOnTheRowsUntilThen(_ backend: Backend) async throws {
        let fixture = try await StoreFixture.make(backend)
        defer { fixture.remove() }
        try await fixture.load([fixture.request(1, household: 1, day: 1), fixture.request(2, household: 4, day: 3, hour: 9)])
        // As a store upgraded to migration 28 is, or one whose volunteers were changed outside honsim.
        try await fixture.rawSQL("DELETE FROM kept_pool")
        try await expectFirstRankingsAreTheRows(fixture, requests: [1, 2])
        #expect(try await sqlStore(fixture.store).checkInvariants().filter { $0.rule == "kept pool" }.isEmpty)

        try await fixture.store.bringKeptFiguresUpToDate()
        try await expectKeptIsTheRows(fixture, "the first write")
        try await expectFirstRankingsAreTheRows(fixture, requests: [1, 2])

        // A window changed in psql moves the revision (its trigger) but makes no pool: the kept
        // one is of an older revision, and nothing ranks on it.
        try await fixture.rawSQL("UPDATE availability_window SET end_minute = 600 WHERE volunteer_id = 1")
        let (revision, _, volunteers) = try await kept(fixture)
        #expect(revision != volunteers)
        try await expectFirstRankingsAreTheRows(fixture, requests: [1, 2])
        try await fixture.store.bringKeptFiguresUpToDate()
        try await expectKeptIsTheRows(fixture, "the write after a change in psql")
    }

    /// Two sessions (two processes, on SQLite) change volunteers at once, while a third writes
    /// requests: whoever commits last, the pool kept is the one of the store's volunteers. A
    /// write the crowd kept waiting past the store's wait is made again, as its user would.
    @Test(arguments: Backend.all) func sessionsChangingVolunteersAtOnceLeaveThePoolOfTheRows(_ backend: Backend) async throws {
        let fixture = try await StoreFixture.make(backend)
        defer { fixture.remove() }
        try await fixture.load([fixture.request(1, household: 1, day: 1)])
        let sessions = [fixture.store, try await fixture.otherStore(user: "lee"), try await fixture.otherStore(user: "park")]
        try await withThrowingTaskGroup(of: Void.self) { group in
            for (index, session) in sessions.enumerated() {
                group.addTask {
                    for round in 0 ..< 5 {
                        if index == 2 {
                            _ = try await retryingWhileUnavailable {
                                try await session.createRequests([fixture.request(Int64(100 + round), household: 2, day: round + 2)])
                            }
                            continue
                        }
                        // Each session its own volunteers, so no save waits on another's version.
                        var volunteer = try await session.volunteer(id: Int64(index * 2 + 1 + round % 2))
                        let day = CivilDate(fixture.at(day: round + 1, 12), calendar: fixture.calendar)
                        volunteer.daysOff = [DayOff(from: day, to: day, reason: "round \(round)")]
                        volunteer.weeklyCapMinutes = 120 + round * 30
                        _ = try await retryingWhileUnavailable {
                            try await session.saveVolunteer(volunteer, expectedVersion: volunteer.version, allowDuplicate: false)
                        }
                    }
                }
            }
            try await group.waitForAll()
        }
        try await expectKeptIsTheRows(fixture, "three sessions at once")
        let pending = try await fixture.store.pendingRequests(limit: 10).map(\.id)
        #expect(pending.count == 6)
        try await expectFirstRankingsAreTheRows(fixture, requests: pending)
        for session in sessions.dropFirst() { (session as? PostgresStore)?.close() }
    }

    @Test(arguments: Backend.all) func checkFindsAPoolThatIsNotTheRowsAndUnreadableBytesAreNeverRankedOn(_ backend: Backend) async throws {
        let fixture = try await StoreFixture.make(backend)
        defer { fixture.remove() }
        try await fixture.load([fixture.request(1, household: 1, day: 1)])
        let rows = try await fixture.store.candidates(for: 1)
        #expect(!rows.eligible.isEmpty)

        // A pool of the store's revision in which every volunteer is closed: the first ranking of a
        // new session is ranked on it (nobody eligible), and `check` says it is not the rows'.
        let closed = StoreFixture.volunteers.map { volunteer in
            var volunteer = volunteer
            volunteer.closed = true
            return volunteer
        }
        let directory = DongDirectory([StoreFixture.anyang2, StoreFixture.seokSu2, StoreFixture.chunghun, StoreFixture.pyeongchon])
        try await overwriteKept(fixture, with: MatchPool(volunteers: closed, dongs: directory).packed())
        #expect(try await fixture.session(user: "kim").candidates(for: 1).eligible.isEmpty)
        let problems = try await fixture.store.checkInvariants().filter { $0.rule == "kept pool" }
        #expect(problems.map(\.detail) == ["the kept pool of revision \(try await kept(fixture).volunteers) is not the one its volunteers, windows and days off make"])

        // Bytes that cannot be read as a pool: the ranking reads the rows.
        try await overwriteKept(fixture, with: Data([MatchPool.packingVersion, 1, 2, 3]))
        #expect(try await fixture.session(user: "kim").candidates(for: 1) == rows)
        #expect(try await fixture.store.checkInvariants().filter { $0.rule == "kept pool" }.map(\.detail)
            == ["the kept pool of revision \(try await kept(fixture).volunteers) cannot be read"])
    }
}
