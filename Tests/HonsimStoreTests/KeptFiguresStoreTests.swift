import Foundation
import HonsimCore
@testable import HonsimStore
import HonsimTestServer
import Testing

/// The statistics the store keeps (KeptFigures), on both backends: after every kind of write,
/// in any order, each kept figure is the one the rows give; a write that fails leaves them as
/// they were; a write made outside honsim is never read from stale figures; `honsim check`
/// finds a figure that disagrees with the rows.
@Suite("Kept statistics in the store")
struct KeptFiguresStoreTests {
    /// Twelve requests over three weeks of the fixture, across a month's end where the
    /// calendar has one, some assigned, one completed.
    func cast(_ fixture: StoreFixture) async throws {
        var requests: [EscortRequest] = []
        for id in Int64(1) ... 12 {
            let day = Int(id % 4) * 5 + Int(id / 6)
            requests.append(fixture.request(id, household: (id % 4) + 1, day: day, hour: 8 + Int(id % 5) * 2,
                                            status: id % 3 == 0 ? .assigned : .pending, volunteer: id % 3 == 0 ? (id % 5) + 1 : nil))
        }
        var completed = fixture.request(13, household: 2, day: -3, hour: 9, status: .completed, volunteer: 1)
        completed.completion = Completion(actualMinutes: 95)
        requests.append(completed)
        try await fixture.load(requests)
    }

    var sqlStore: (StoreFixture) -> SQLCaseStore { { $0.store as! SQLCaseStore } }

    /// The kept figures are current and say what the rows say: through `check`, and through the
    /// statistics pane's read for the weeks, months and year of the fixture, beside the fold of
    /// every request.
    func expectKeptAreTheRows(_ fixture: StoreFixture, _ step: String, sourceLocation: SourceLocation = #_sourceLocation) async throws {
        let store = sqlStore(fixture)
        let current = try await store.read { db in try await store.keptFiguresCurrent(db) }
        #expect(current, "kept figures current after \(step)", sourceLocation: sourceLocation)
        let problems = try await store.checkInvariants().filter { $0.rule == "kept figures" }
        #expect(problems.isEmpty, "after \(step): \(problems.prefix(5).map(\.detail))", sourceLocation: sourceLocation)
        let now = Date()
        for offset in [-7, 0, 7, 14, 21] {
            let day = CivilDate(fixture.at(day: offset, 12), calendar: fixture.calendar)
            for period in [StatisticsPeriod.week(containing: day), .month(year: day.year, month: day.month), .year(day.year)] {
                let kept = try await store.statistics(for: period, now: now)
                let rows = try await store.read { db in try await store.statisticsFromRows(db, for: period, now: now) }
                #expect(kept == rows, "\(period.label) after \(step)", sourceLocation: sourceLocation)
            }
            // The pane's twelve-week trend, as of a day of the fixture's weeks.
            let asOf = fixture.at(day: offset, 12)
            let keptWeeks = try await store.weeklyRequestCounts(weeks: 12, now: asOf)
            let rowWeeks = try await store.read { db in try await store.weeklyRequestCountsFromRows(db, weeks: 12, now: asOf) }
            #expect(keptWeeks == rowWeeks, "twelve weeks to \(CivilDate(asOf, calendar: fixture.calendar)) after \(step)", sourceLocation: sourceLocation)
        }
    }

    @Test(arguments: Backend.all) func aLoadIsCountedAndTheFiguresAreTheRows(_ backend: Backend) async throws {
        let fixture = try await StoreFixture.make(backend)
        defer { fixture.remove() }
        try await cast(fixture)
        try await expectKeptAreTheRows(fixture, "the load")
        let city = try await fixture.rawInt("SELECT requests FROM kept_figure WHERE area = '*' AND period LIKE 'Y%' ORDER BY period LIMIT 1")
        #expect((city ?? 0) > 0, "the year's city row counts the requests")
    }

    /// Sixty writes of every kind (purges too), chosen by a seeded generator, each checked.
    @Test(arguments: Backend.all) func everyKindOfWriteInAnyOrderKeepsTheFiguresTheRows(_ backend: Backend) async throws {
        let fixture = try await StoreFixture.make(backend)
        defer { fixture.remove() }
        try await cast(fixture)
        let store = fixture.store
        var random = SplitMix64(seed: backend == .sqlite ? 19 : 23)
        var lastVersion: [Int64: Int] = [:]
        var nextDraft: Int64 = 100
        var written: Set<Int> = []
        var refused: [Int: [String]] = [:]
        var purged: Set<Int64> = []
        for step in 0 ..< 60 {
            let requests = try await store.requests(in: TimeSpan(start: fixture.at(day: -30, 0), end: fixture.at(day: 60, 0)))
            let kind = Int.random(in: 0 ..< 12, using: &random)
            // Each kind of write on a request it can be made to, so that few are refused.
            let fitting = requests.filter { request in
                switch kind {
                case 0: request.status == .pending
                case 1, 2, 4, 10: request.status.holdsVolunteer
                case 3: request.status == .pending || request.status.holdsVolunteer
                case 5: lastVersion[request.id] != nil
                default: true
                }
            }
            guard let request = fitting.randomElement(using: &random) ?? requests.randomElement(using: &random) else { break }
            let name: String
            do {
                switch kind {
                case 0:
                    name = "assign \(request.id)"
                    let volunteer = Int64.random(in: 1 ... 5, using: &random)
                    lastVersion[request.id] = try await store.assign(requestID: request.id, volunteerID: volunteer, expectedVersion: nil, override: true).version
                case 1:
                    name = "release \(request.id)"
                    lastVersion[request.id] = try await store.perform(.release, requestID: request.id, details: ActionDetails(reason: "사정"), expectedVersion: nil).version
                case 2:
                    name = "complete \(request.id)"
                    lastVersion[request.id] = try await store.perform(.complete, requestID: request.id, details: ActionDetails(
                        actualMinutes: Int.random(in: 30 ... 200, using: &random)), expectedVersion: nil).version
                case 3:
                    name = "cancel \(request.id)"
                    lastVersion[request.id] = try await store.perform(.cancel, requestID: request.id, details: ActionDetails(reason: "입원"), expectedVersion: nil).version
                case 4:
                    name = "no-show \(request.id)"
                    lastVersion[request.id] = try await store.perform(.noShow, requestID: request.id, details: ActionDetails(), expectedVersion: nil).version
                case 5:
                    name = "undo \(request.id)"
                    guard let version = lastVersion[request.id] else { continue }
                    _ = try await store.undo([UndoTarget(requestID: request.id, version: version)])
                    lastVersion[request.id] = nil
                case 6:
                    name = "new requests"
                    nextDraft += 2
                    _ = try await store.createRequests([
                        fixture.request(nextDraft, household: Int64.random(in: 1 ... 4, using: &random), day: Int.random(in: -10 ... 40, using: &random)),
                        fixture.request(nextDraft + 1, household: Int64.random(in: 1 ... 4, using: &random), day: Int.random(in: -10 ... 40, using: &random)),
                    ])
                case 7:
                    name = "a call to \(request.id)"
                    _ = try await store.recordAttempt(requestID: request.id, party: Bool.random(using: &random) ? .volunteer : .household,
                                                      result: Bool.random(using: &random) ? .confirmed : .noAnswer, note: "")
                case 8:
                    name = "household \(request.householdID) moved"
                    var household = try await store.household(id: request.householdID)
                    household.dongCode = [StoreFixture.seokSu2, StoreFixture.pyeongchon, StoreFixture.anyang2].randomElement(using: &random)?.code ?? household.dongCode
                    _ = try await store.saveHousehold(household, expectedVersion: nil, allowDuplicate: true)
                case 9:
                    name = "a standing series"
                    let hour = 6 + step % 12
                    let schedule = SeriesSchedule(weekdays: [.tue, .thu], appointment: ClockTime(minutes: hour * 60 + 30), pickup: ClockTime(minutes: hour * 60),
                                                  hospital: "안양투석센터", transport: .publicTransport, purpose: .dialysis, expectedMinutes: 120)
                    let made = try await store.createSeries(StandingSeries(householdID: request.householdID, schedule: schedule,
                                                                           startsOn: CivilDate(fixture.monday, calendar: fixture.calendar)), horizonDays: 14)
                    let from = CivilDate(fixture.monday, calendar: fixture.calendar).adding(days: 3, calendar: fixture.calendar)
                    _ = try await store.pauseSeries(id: made.series.id, from: from, to: from.adding(days: 4, calendar: fixture.calendar),
                                                    reason: "입원", expectedVersion: nil)
                case 11:
                    // Retention: a household's open requests cancelled, the household closed and,
                    // its day long past, purged. The purge blanks what the figures do not count.
                    name = "household \(request.householdID) closed and purged"
                    guard !purged.contains(request.householdID) else { continue }
                    for open in requests where open.householdID == request.householdID && !open.status.isEnd {
                        _ = try await store.perform(.cancel, requestID: open.id, details: ActionDetails(reason: "전출"), expectedVersion: nil)
                        try await expectKeptAreTheRows(fixture, "step \(step): \(open.id) cancelled before the purge")
                    }
                    var household = try await store.household(id: request.householdID)
                    household.closed = true
                    _ = try await store.saveHousehold(household, expectedVersion: nil, allowDuplicate: true)
                    try await fixture.rawSQL("UPDATE household SET closed_at = closed_at - 86400 WHERE id = \(request.householdID)")
                    // An hour back: the store takes its now to the whole second, and refuses a day ahead of it.
                    let outcome = try await store.purge(closedBefore: Date().addingTimeInterval(-3600), dryRun: false)
                    #expect(outcome.households == 1, "step \(step): the closed household purged")
                    purged.insert(request.householdID)
                default:
                    name = "volunteer \(request.volunteerID ?? 0) drops out"
                    guard let volunteer = request.volunteerID else { continue }
                    _ = try await store.releaseDropOuts(volunteerID: volunteer, requestIDs: [request.id], reason: "봉사자 사정")
                }
            } catch {
                refused[kind, default: []].append("\(error)")
                // A write the store refuses (a wrong state, a clash) is a write that failed: the
                // figures must be as before it.
                try await expectKeptAreTheRows(fixture, "step \(step), refused")
                continue
            }
            written.insert(kind)
            try await expectKeptAreTheRows(fixture, "step \(step): \(name)")
        }
        #expect(!purged.isEmpty, "a household was purged: \(refused[11] ?? [])")
        #expect(written.count >= 10, "most kinds of write were made, not refused: \(written.sorted()), refused: \(refused)")
    }

    @Test(arguments: Backend.all) func aWriteThatFailsHalfwayLeavesTheFiguresAsTheyWere(_ backend: Backend) async throws {
        let fixture = try await StoreFixture.make(backend)
        defer { fixture.remove() }
        try await cast(fixture)
        let before = try await fixture.rawSQL("SELECT period || ' ' || area || ' ' || requests || ' ' || pending FROM kept_figure ORDER BY period, area")
        // The first draft is written, then the second names a household that does not exist.
        var ghost = fixture.request(51, household: 1, day: 2)
        ghost.householdID = 999
        await #expect(throws: (any Error).self) {
            _ = try await fixture.store.createRequests([fixture.request(50, household: 1, day: 2), ghost])
        }
        #expect(try await fixture.rawSQL("SELECT period || ' ' || area || ' ' || requests || ' ' || pending FROM kept_figure ORDER BY period, area") == before)
        try await expectKeptAreTheRows(fixture, "a refused import")
    }

    /// A statement typed into the database bypasses honsim: its journal stays behind, the
    /// statistics are read from the rows meanwhile, `check` says so, and the next write folds it.
    @Test(arguments: Backend.all) func aWriteOutsideHonsimIsNeverReadFromStaleFigures(_ backend: Backend) async throws {
        let fixture = try await StoreFixture.make(backend)
        defer { fixture.remove() }
        try await cast(fixture)
        let store = sqlStore(fixture)
        try await fixture.rawSQL("UPDATE escort_request SET status = 'cancelled' WHERE id = 1")
        let day = CivilDate(fixture.at(day: 0, 12), calendar: fixture.calendar)
        let period = StatisticsPeriod.year(day.year)
        let now = Date()
        let shown = try await store.statistics(for: period, now: now)
        let rows = try await store.read { db in try await store.statisticsFromRows(db, for: period, now: now) }
        #expect(shown == rows)
        #expect(try await store.read { db in try await store.keptFiguresCurrent(db) } == false, "the journal left behind is seen")
        _ = try await store.recordAttempt(requestID: 2, party: .household, result: .confirmed, note: "")
        try await expectKeptAreTheRows(fixture, "the next write")
    }

    @Test(arguments: Backend.all) func checkFindsAKeptFigureTheRowsDoNotSay(_ backend: Backend) async throws {
        let fixture = try await StoreFixture.make(backend)
        defer { fixture.remove() }
        try await cast(fixture)
        let period = try await fixture.rawSQL("SELECT period FROM kept_figure WHERE area = '*' ORDER BY period LIMIT 1")[0]
        // Changing only the kept table leaves no journal: only `check` can tell.
        try await fixture.rawSQL("UPDATE kept_figure SET requests = requests + 2, median_minutes = 7 WHERE area = '*' AND period = '\(period)'")
        let problems = try await fixture.store.checkInvariants().filter { $0.rule == "kept figures" }.map(\.detail)
        #expect(problems.contains { $0.hasPrefix("\(period) *: requests kept") }, "\(problems)")
        #expect(problems.contains { $0.hasPrefix("\(period) *: median minutes to assign kept 7") }, "\(problems)")
    }

    /// A store from before kept figures (none computed) reads its statistics from the rows and
    /// computes them once when a writer opens it.
    @Test(arguments: Backend.all) func aStoreFromBeforeComputesThemOnce(_ backend: Backend) async throws {
        let fixture = try await StoreFixture.make(backend)
        defer { fixture.remove() }
        try await cast(fixture)
        try await fixture.rawSQL("DELETE FROM kept_figure")
        try await fixture.rawSQL("DELETE FROM kept_call_outcome")
        try await fixture.rawSQL("DELETE FROM meta WHERE key = 'kept_figures'")
        let store = sqlStore(fixture)
        #expect(try await store.read { db in try await store.keptFiguresCurrent(db) } == false)
        let day = CivilDate(fixture.at(day: 0, 12), calendar: fixture.calendar)
        let fromRows = try await store.statistics(for: .month(year: day.year, month: day.month), now: Date())
        #expect(fromRows.city.requests > 0)
        try await store.bringKeptFiguresUpToDate()
        try await expectKeptAreTheRows(fixture, "computing them once")
    }

    /// Two sessions (two processes on SQLite) writing at once: each fold takes its turn, and
    /// no count is lost.
    @Test(arguments: Backend.all) func twoSessionsWritingAtOnceLoseNoCount(_ backend: Backend) async throws {
        let fixture = try await StoreFixture.make(backend)
        defer { fixture.remove() }
        try await cast(fixture)
        let other = try await fixture.otherStore()
        try await withThrowingTaskGroup(of: Void.self) { group in
            for (index, store) in [fixture.store, other].enumerated() {
                group.addTask {
                    for round in 0 ..< 6 {
                        let id = Int64(200 + index * 10 + round)
                        _ = try await retryingWhileUnavailable {
                            try await store.createRequests([fixture.request(id, household: Int64(index + 1), day: round * 3)])
                        }
                    }
                }
            }
            try await group.waitForAll()
        }
        try await expectKeptAreTheRows(fixture, "two sessions at once")
        (other as? PostgresStore)?.close()
    }
}
