import Foundation
import HonsimCore
import Testing
@testable import HonsimStore

/// What an import is to the store, on both backends: who may import which dongs, the ids the
/// rows get and the ids after them, the progress while writing, and two imports of one file
/// at once.
@Suite("Importing into the store")
struct ImportStoreTests {
    static let households = "이름,생년,성별,동\n김영희,1944,여,석수2동\n박철수,1950,남,석수2동\n"

    /// `count` distinct households of the fixture's dongs, as a file's header and rows.
    static func manyHouseholds(_ count: Int) -> String {
        let dongs = ["석수2동", "안양2동", "충훈동", "평촌동"]
        var lines = ["이름,생년,성별,동"]
        for index in 0..<count { lines.append("대상자\(index),\(1930 + index % 40),\(index % 3 == 0 ? "남" : "여"),\(dongs[index % 4])") }
        return lines.joined(separator: "\n") + "\n"
    }

    func batch(_ fixture: StoreFixture, _ path: String, _ kind: ImportKind) async throws -> ImportBatch {
        try ImportFile.read(path: path).parse(as: kind, dongs: try await fixture.store.dongs(), now: Date(), calendar: fixture.calendar)
    }

    @Test(arguments: Backend.all) func aCoordinatorImportsTheirOwnDongsListAndNoOtherDongs(_ backend: Backend) async throws {
        let fixture = try await StoreFixture.make(backend)
        defer { fixture.remove() }
        try await fixture.loadCast()
        let park = try await fixture.otherStore(user: "park", role: .coordinator, dongCodes: [StoreFixture.seokSu2.code])
        // Their own dong: through row-level security on PostgreSQL, like any insert of theirs.
        let own = try await Importer.run(path: try fixture.file("석수2동.csv", utf8: Self.households), kind: .households, into: park, dryRun: false)
        #expect(own.ids == 5...6)
        let entry = try #require(try await fixture.store.auditLog(in: nil, limit: 1).first)
        #expect(entry.action == "import" && entry.user == "park" && entry.entityID == "5-6")

        let audit = try await fixture.auditEntries()
        let mixed = try fixture.file("mixed.csv", utf8: "이름,생년,성별,동\n정미숙,1946,여,석수2동\n이영자,1947,여,평촌동\n")
        for dryRun in [true, false] {
            let refused = await storeError { try await Importer.run(path: mixed, kind: .households, into: park, dryRun: dryRun) }
            guard case .access(.outsideScope("park", let act, "평촌동", ["석수2동"]))? = refused else {
                Issue.record("expected a refusal naming 평촌동, got \(String(describing: refused))")
                continue
            }
            #expect(refused?.message(.en, calendar: fixture.calendar) == "park coordinates 석수2동 and cannot import mixed.csv in 평촌동")
            #expect(act.ko == "mixed.csv 파일을 가져올")
        }
        // Not even the row of their own dong.
        #expect(try await fixture.count("household") == 6)
        #expect(try await fixture.auditEntries() == audit)
        // Someone the store does not know may only look.
        let guest = try await fixture.session(user: "guest")
        let viewer = await storeError { try await Importer.run(path: mixed, kind: .households, into: guest, dryRun: false) }
        #expect(viewer == .access(.viewer(user: "guest", registered: false)))
    }

    @Test(arguments: Backend.all) func idsFollowTheStoredOnesAndRecordsSavedLaterFollowTheImport(_ backend: Backend) async throws {
        let fixture = try await StoreFixture.make(backend)
        defer { fixture.remove() }
        try await fixture.loadCast()
        let imported = try await fixture.importFile(try fixture.file("h.csv", utf8: Self.households), .households)
        #expect(imported.ids == 5...6)
        // The ids were given, not drawn: the next household saved still gets the one after.
        let saved = try await fixture.store.saveHousehold(Household(id: 0, dongCode: StoreFixture.pyeongchon.code, name: "한옥분", birthYear: 1952, gender: .female),
                                                          expectedVersion: nil, allowDuplicate: false)
        #expect(saved.id == 7)
        #expect(try await fixture.importFile(try fixture.file("h2.csv", utf8: "이름,생년,성별,동\n오순례,1949,여,충훈동\n"), .households).ids == 8...8)

        let day = CivilDate(fixture.at(day: 2, 0), calendar: fixture.calendar)
        let requests = try await fixture.importFile(try fixture.file("r.csv", utf8: """
            대상자번호,병원,진료일,진료시각
            1,한림대병원,\(day),10:00
            5,한림대병원,\(day),14:00
            """), .requests)
        #expect(requests.ids == 1...2)
        let draft = fixture.request(0, household: 2, day: 3)
        #expect(try await fixture.store.createRequests([draft]).map(\.id) == [3])
        // An imported request is like any other: assigned, its volunteer's minutes are kept.
        let assigned = try await fixture.store.assign(requestID: 1, volunteerID: 1, expectedVersion: nil, override: false)
        #expect(assigned.status == .assigned)
        #expect(try await fixture.store.checkInvariants().isEmpty)
    }

    @Test(arguments: Backend.all) func theProgressHandlerHearsOfTheRowsAsTheyAreWritten(_ backend: Backend) async throws {
        let fixture = try await StoreFixture.make(backend)
        defer { fixture.remove() }
        try await fixture.loadCast()
        let heard = Locked<[ImportProgress]>([])
        let path = try fixture.file("many.csv", utf8: Self.manyHouseholds(2_500))
        let outcome = try await fixture.store.importRecords(try await batch(fixture, path, .households), dryRun: false) { step in
            heard.withLock { $0.append(step) }
        }
        #expect(outcome.count == 2_500)
        let writing = heard.withLock { $0 }.filter { $0.phase == .writing }
        #expect(writing.map(\.done) == [1_000, 2_000, 2_500])
        #expect(writing.allSatisfy { $0.total == 2_500 })
        // A dry run writes nothing and so tells of no writing.
        heard.withLock { $0 = [] }
        _ = try await fixture.store.importRecords(try await batch(fixture, try fixture.file("h.csv", utf8: Self.households), .households),
                                                  dryRun: true) { step in heard.withLock { $0.append(step) } }
        #expect(heard.withLock { $0 }.isEmpty)
    }

    @Test(arguments: Backend.all) func twoImportsOfOneFileAtOnceOneWritesItTheOtherFindsItThere(_ backend: Backend) async throws {
        let fixture = try await StoreFixture.make(backend)
        defer { fixture.remove() }
        try await fixture.loadCast()
        let lee = try await fixture.otherStore(user: "lee", role: .admin)
        let rows = 3_000
        let batch = try await batch(fixture, try fixture.file("same.csv", utf8: Self.manyHouseholds(rows)), .households)
        let kim = fixture.store
        let gate = try await Gate.hold(fixture, "household")
        async let first = Result { try await kim.importRecords(batch, dryRun: false, progress: nil) }
        async let second = Result { try await lee.importRecords(batch, dryRun: false, progress: nil) }
        try await gate?.release(afterWaiters: 2)
        let results = await [first, second]

        let outcomes = results.compactMap { try? $0.get() }
        #expect(outcomes.map(\.ids) == [5...Int64(4 + rows)])
        let refusals = results.compactMap { result -> [DataIssue]? in
            if case .failure(StoreError.invalidData(let issues)) = result { return issues }
            return nil
        }
        #expect(refusals.count == 1, "\(results)")
        let issues = refusals.first ?? []
        #expect(issues.count == rows)
        #expect(issues.first?.description(.en) == "same.csv:2: 이름: already in the store: household 5 (same name, birth year and dong)")
        #expect(issues.allSatisfy { $0.message.en.hasPrefix("already in the store") })
        #expect(try await fixture.count("household") == 4 + rows)
        #expect(try await fixture.rawInt("SELECT COUNT(*) FROM audit WHERE action = 'import'") == 1)
    }

    /// The save's check waits for the import to commit, and so sees the twin it brought. (On
    /// SQLite one writer at a time holds the whole file: there is no in between to test.)
    @Test(.enabled(if: Backend.all.contains(.postgres)))
    func aHouseholdSavedDuringAnImportWaitsForItAndFindsTheImportedTwin() async throws {
        let fixture = try await StoreFixture.make(.postgres)
        defer { fixture.remove() }
        try await fixture.loadCast()
        let lee = try await fixture.otherStore(user: "lee", role: .admin)
        let batch = try await batch(fixture, try fixture.file("h.csv", utf8: Self.households), .households)
        let gate = try #require(try await Gate.hold(fixture, "household"))
        async let imported = Result { try await lee.importRecords(batch, dryRun: false, progress: nil) }
        try await gate.waitForWaiters(1)
        let twin = Household(id: 0, dongCode: StoreFixture.seokSu2.code, name: "김영희", birthYear: 1944, gender: .female)
        let store = fixture.store
        async let saved = Result { try await store.saveHousehold(twin, expectedVersion: nil, allowDuplicate: false) }
        try await gate.release(afterWaiters: 2)
        #expect(try await imported.get().ids == 5...6)
        let refusal = await saved
        guard case .failure(StoreError.likelyDuplicate(entity: "household", existingID: 5, name: "김영희")) = refusal else {
            Issue.record("expected the imported 김영희 as a likely twin, got \(refusal)")
            return
        }
        #expect(try await fixture.count("household") == 6)
    }
}

extension Result where Failure == any Error {
    init(catching body: () async throws -> Success) async {
        do { self = .success(try await body()) } catch { self = .failure(error) }
    }
}

/// On PostgreSQL, a table held by a third session so that both imports start, and wait, before
/// either can read it: without the import's own lock, both would then check at once and both
/// write. (On SQLite the write lock is the whole file's; there is nothing to hold.)
struct Gate {
    let fixture: StoreFixture
    let table: String
    let release: AsyncStream<Void>.Continuation
    let holder: Task<Void, any Error>

    static func hold(_ fixture: StoreFixture, _ table: String) async throws -> Gate? {
        guard let store = fixture.store as? PostgresStore else { return nil }
        let (locked, lockedContinuation) = AsyncStream<Void>.makeStream()
        let (released, release) = AsyncStream<Void>.makeStream()
        let holder = Task {
            try await store.write { db in
                try await db.execute("LOCK TABLE \(table) IN ACCESS EXCLUSIVE MODE")
                lockedContinuation.yield()
                for await _ in released { break }
            }
        }
        for await _ in locked { break }
        return Gate(fixture: fixture, table: table, release: release, holder: holder)
    }

    /// Returns once `count` sessions wait for the table (or after 10 s, for the test to fail on what follows).
    func waitForWaiters(_ count: Int) async throws {
        let deadline = ContinuousClock.now + .seconds(10)
        while try await fixture.rawInt("SELECT COUNT(*) FROM pg_locks WHERE NOT granted AND relation = '\(table)'::regclass") ?? 0 < count {
            guard ContinuousClock.now < deadline else { return }
            try await Task.sleep(for: .milliseconds(20))
        }
    }

    /// Lets the table go once `count` sessions wait for it.
    func release(afterWaiters count: Int) async throws {
        try await waitForWaiters(count)
        release.yield()
        try await holder.value
    }
}
