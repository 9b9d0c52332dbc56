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

    /// The ranking's reads that go together (`both`): each answer to its own caller, a failure
    /// of either thrown, and on PostgreSQL both on the read's one connection, not another lease.
    @Test(arguments: Backend.all) func twoReadsTogetherAnswerEachAndShareTheConnection(_ backend: Backend) async throws {
        let fixture = try await StoreFixture.make(backend)
        defer { fixture.remove() }
        try await fixture.load([fixture.request(1, household: 3, hour: 10)])
        let store = try #require(fixture.store as? SQLCaseStore)
        let (request, household) = try await store.read { db in
            try await db.both({ db in try await SQLCaseStore.fetchRequest(db, id: 1) },
                              { db in try await SQLCaseStore.fetchHousehold(db, ofRequest: 1) })
        }
        #expect(request.id == 1 && household.id == 3 && request.householdID == household.id)
        await #expect(throws: StoreError.notFound(entity: "request", id: 99)) {
            _ = try await store.read { db in
                try await db.both({ db in try await db.value("SELECT 1", as: Int.self) },
                                  { db in try await SQLCaseStore.fetchHousehold(db, ofRequest: 99) })
            }
        }
        if backend == .postgres {
            let (first, second) = try await store.read { db in
                try await db.both({ db in try await db.value("SELECT pg_backend_pid()", as: Int.self) },
                                  { db in try await db.value("SELECT pg_backend_pid()", as: Int.self) })
            }
            #expect(first != nil && first == second)
        }
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

    /// A ranking asked for fewer than the eligible lists the best of them, counts them all, and
    /// keeps its near-misses: from a fresh store (records read by id) and from the cached list.
    @Test(arguments: Backend.all) func aRankingListsTheBestOfTheEligibleAndCountsThemAll(_ backend: Backend) async throws {
        let fixture = try await StoreFixture.make(backend)
        defer { fixture.remove() }
        try await fixture.load([fixture.request(1, household: 3, hour: 10), fixture.request(2, hour: 9, status: .assigned, volunteer: 3)])
        let full = try await fixture.store.candidates(for: 1, eligibleLimit: .max)
        #expect(full.eligible.count >= 2 && !full.excluded.isEmpty)
        #expect(try await fixture.store.candidates(for: 1) == full, "a store's few volunteers are all listed")
        for store in [try await fixture.otherStore(), fixture.store] {
            let listed = try await store.candidates(for: 1, eligibleLimit: 1)
            #expect(listed.eligible == Array(full.eligible.prefix(1)))
            #expect(listed.eligibleCount == full.eligible.count && listed.listsFewerThanEligible)
            #expect(listed.excluded == full.excluded)
            #expect(try await store.candidates(for: 1, eligibleLimit: 0).eligible.isEmpty)
        }
    }

    /// Every volunteer a ranking lists is asked for their drop-outs, the 60th of 100 as the first,
    /// so a flagged volunteer is flagged wherever they stand.
    @Test func everyListedVolunteerIsAskedForTheirDropOuts() throws {
        let fixture = try StoreFixture()
        defer { fixture.remove() }
        let volunteers = (1...150).map { id -> Volunteer in
            var volunteer = StoreFixture.volunteers[0]
            volunteer.id = Int64(id)
            return volunteer
        }
        let directory = DongDirectory([StoreFixture.anyang2, StoreFixture.seokSu2, StoreFixture.chunghun, StoreFixture.pyeongchon])
        let matcher = Matcher(request: fixture.request(1), household: StoreFixture.households[0], dongs: directory, calendar: fixture.calendar)
        let ranking = matcher.rank(volunteers: volunteers, loads: [:], eligibleLimit: Ranking.listedEligible, nearMissLimit: 50)
        #expect(ranking.eligible.count == Ranking.listedEligible && ranking.eligibleCount == 150)
        #expect(Set(StoreRules.shownVolunteers(ranking).keys) == Set(ranking.eligible.map(\.id)))
    }

    /// A store's first ranking reads only the ranking's columns and the records of those it
    /// shows; a store that has read its volunteer list ranks from that. Both give the same
    /// verdicts, reasons, dates and records, with days off, a lapsed insurance, missing training
    /// and every kind of skill among them.
    @Test(arguments: Backend.all) func theFirstRankingFromColumnsIsTheRankingFromTheWholeList(_ backend: Backend) async throws {
        let fixture = try await StoreFixture.make(backend)
        defer { fixture.remove() }
        try await fixture.load([fixture.request(1, household: 2, hour: 10), fixture.request(2, hour: 9, status: .assigned, volunteer: 3)])
        let day = CivilDate(fixture.at(10), calendar: fixture.calendar)
        let iso = { (offset: Int) in day.adding(days: offset, calendar: fixture.calendar).description }
        // Two days off of 윤한도 (5) hold the day: the one from earlier is named.
        _ = try await fixture.rawSQL("INSERT INTO day_off (volunteer_id, from_date, to_date, reason) VALUES (5, '\(iso(0))', '\(iso(3))', '여행')")
        _ = try await fixture.rawSQL("INSERT INTO day_off (volunteer_id, from_date, to_date, reason) VALUES (5, '\(iso(-2))', '\(iso(1))', '병원')")
        _ = try await fixture.rawSQL("UPDATE volunteer SET insured_until = '\(iso(-1))', trained_on = '\(iso(-30))' WHERE id = 2")
        _ = try await fixture.rawSQL("UPDATE volunteer SET skills = 'care_worker;lang:vi;wheelchair' WHERE id = 1")

        let fromColumns = try await fixture.otherStore().candidates(for: 1)
        let listed = try await fixture.otherStore()
        let list = try await listed.volunteers()
        let fromList = try await listed.candidates(for: 1)
        #expect(fromColumns == fromList)
        // The records are whole: what the list holds, windows and days off included.
        for candidate in fromColumns.eligible + fromColumns.excluded {
            #expect(candidate.volunteer == list.first { $0.id == candidate.id })
        }
        let away = try #require(fromColumns.excluded.first { $0.id == 5 })
        #expect(away.exclusions.contains(.dayOff(day.adding(days: -2, calendar: fixture.calendar))))
        let lapsed = try #require((fromColumns.eligible + fromColumns.excluded).first { $0.id == 2 })
        #expect(lapsed.exclusions.contains { if case .insuranceLapsed(let until, _) = $0 { return until == day.adding(days: -1, calendar: fixture.calendar) } else { return false } })
        #expect(fromColumns.eligible.map(\.id).contains(1), "정지민 pushes a wheelchair, as 박영호 needs")

        // The first ranking of a store reads only the records it shows; a second at the same
        // revision reads the whole list and keeps it for every ranking after.
        let fresh = try #require(try await fixture.otherStore() as? SQLCaseStore)
        _ = try await fresh.candidates(for: 1)
        #expect(fresh.volunteerCache.withLock { $0 == nil })
        #expect(try await fresh.candidates(for: 1) == fromColumns)
        #expect(fresh.volunteerCache.withLock { $0?.list.count } == 5)
    }

    /// A ranking's records come two ways: from the whole list, or looked up by id with their
    /// windows from the pool (the ids bound as one list, however many). Both give the same records.
    @Test(arguments: Backend.all) func recordsLookedUpByIdAreTheListsRecords(_ backend: Backend) async throws {
        let fixture = try await StoreFixture.make(backend)
        defer { fixture.remove() }
        try await fixture.load([])
        let day = CivilDate(fixture.at(10), calendar: fixture.calendar)
        _ = try await fixture.rawSQL("INSERT INTO day_off (volunteer_id, from_date, to_date, reason) VALUES (4, '\(day)', '\(day)', '가족 행사')")
        _ = try await fixture.rawSQL("UPDATE volunteer SET insured_until = '\(day)', notes = '오전만' WHERE id = 2")
        let wanted: [Int64] = [2, 4, 5]
        let store = try #require(fixture.store as? SQLCaseStore)
        let ways = try await store.read { db in
            let all = try await SQLCaseStore.readVolunteers(db, .all(capacity: 5)).filter { wanted.contains($0.id) }
            let pool = try await SQLCaseStore.readPool(db, dongs: try await store.cachedDongs(db))
            // An id no volunteer has is simply not found.
            let chosen = try await SQLCaseStore.readVolunteers(db, .chosen(wanted + [99], pool: pool))
            let none = try await SQLCaseStore.readVolunteers(db, .chosen([], pool: pool))
            return [all, chosen, none]
        }
        #expect(ways[0].map(\.id) == wanted)
        #expect(ways[0].first { $0.id == 4 }?.daysOff == [DayOff(from: day, to: day, reason: "가족 행사")])
        #expect(ways[0].first { $0.id == 2 }?.notes == "오전만")
        #expect(ways[0].first { $0.id == 5 }?.availability == StoreFixture.allWeek)
        #expect(ways[1] == ways[0])
        #expect(ways[2].isEmpty)
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
