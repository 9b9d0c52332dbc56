import Foundation
import GRDB
import HonsimCore
import Testing
@testable import HonsimStore

@Suite("Store health: check, migrations, opening")
struct StoreHealthTests {
    @Test func checkFindsWhatAWriterBehindTheStoresBackBroke() async throws {
        let fixture = try StoreFixture()
        defer { fixture.remove() }
        try await fixture.load([fixture.request(1, hour: 10), fixture.request(2, household: 4, hour: 11)])
        try await fixture.store.assign(requestID: 1, volunteerID: 2, expectedVersion: nil, override: false)
        #expect(try await fixture.store.checkInvariants().isEmpty)
        try await fixture.raw().write { db in
            // Bypass every guard: drop the trigger, then double-book and desynchronise.
            try db.execute(sql: "DROP TRIGGER assignment_no_overlap")
            try db.execute(sql: """
                INSERT INTO assignment (request_id, volunteer_id, household_id, starts_at, ends_at, state, minutes, week_key, month_key, assigned_at, assigned_by)
                SELECT 2, 2, 4, starts_at + 3600, ends_at + 3600, 'active', minutes, week_key, month_key, assigned_at, 'raw' FROM assignment WHERE request_id = 1
                """)
            try db.execute(sql: "UPDATE volunteer_load SET minutes = minutes + 5")
        }
        let rules = Set(try await fixture.store.checkInvariants().map(\.rule))
        #expect(rules.contains("no overlap"))
        #expect(rules.contains("status matches assignment"))
        #expect(rules.contains("volunteer load"))
    }

    /// A load writes many rows to a statement, more than one statement's worth of each kind
    /// here: every row, window, day off and assignment arrives, and the store checks clean.
    @Test(arguments: Backend.all) func aLoadOfThousandsKeepsEveryRowScheduleAndAssignment(_ backend: Backend) async throws {
        let fixture = try await StoreFixture.make(backend)
        defer { fixture.remove() }
        let dongs = [StoreFixture.anyang2, StoreFixture.seokSu2]
        let trip = [DayOff(from: CivilDate(year: 2027, month: 1, day: 2), to: CivilDate(year: 2027, month: 1, day: 3), reason: "여행")]
        var households: [Household] = [], volunteers: [Volunteer] = [], requests: [EscortRequest] = []
        for id in 1...3_000 {
            let dong = dongs[id % 2].code
            households.append(Household(id: Int64(id), dongCode: dong, name: "대상자\(id)", birthYear: 1940, gender: .female))
            volunteers.append(Volunteer(id: Int64(id), dongCode: dong, name: "봉사자\(id)", gender: id % 2 == 0 ? .male : .female,
                                        availability: StoreFixture.allWeek, daysOff: id % 10 == 0 ? trip : []))
            // Each volunteer holds one escort on day 1; day 2's requests wait.
            var held = fixture.request(Int64(id), household: Int64(id), day: 1, status: .assigned, volunteer: Int64(id))
            var waiting = fixture.request(Int64(3_000 + id), household: Int64(id), day: 2)
            held.dongCode = dong
            waiting.dongCode = dong
            requests += [held, waiting]
        }
        try await fixture.store.load(StoreData(dongs: dongs, households: households, volunteers: volunteers, requests: requests),
                                     replacingExisting: false)
        let counts = try await fixture.store.counts()
        #expect(counts.households == 3_000 && counts.volunteers == 3_000 && counts.requests == 6_000)
        #expect(counts.pending == 3_000 && counts.assignments == 3_000)
        let stored = try await fixture.store.volunteers()
        #expect(stored.map { $0.id } == volunteers.map { $0.id })
        #expect(stored.map { $0.availability } == volunteers.map { $0.availability })
        #expect(stored.map { $0.daysOff } == volunteers.map { $0.daysOff })
        #expect(try await fixture.store.request(id: 2_999).volunteerID == 2_999)
        #expect(try await fixture.store.checkInvariants().isEmpty)
    }

    @Test func migrationsRunFromEmptyAndAgainChangeNothing() async throws {
        let fixture = try StoreFixture()
        defer { fixture.remove() }
        let tables = try await fixture.raw().read { db in
            try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
        }
        #expect(tables == ["assignment", "audit", "availability_window", "contact_attempt", "council_rules", "day_off", "dong", "dong_former_name",
                           "escort_expense", "escort_request", "grdb_migrations", "household", "household_eligibility", "kept_call_outcome",
                           "kept_figure", "kept_journal", "kept_pool", "message_record", "meta",
                           "return_leg", "rule_override", "series_change", "series_date", "standing_series", "users", "vehicle_booking",
                           "volunteer", "volunteer_load"])
        let mode = try await fixture.raw().read { db in try String.fetchOne(db, sql: "PRAGMA journal_mode") }
        #expect(mode == "wal")
        // Opening again, as another process would, migrates nothing and keeps the data.
        try await fixture.load([fixture.request(1)])
        let again = try SQLiteStore(path: fixture.path, create: true)
        #expect(try await again.counts().requests == 1)
        #expect(again.calendar.timeZone.identifier == "Asia/Seoul")
    }

    @Test func aStoreFromANewerHonsimIsRefused() async throws {
        let fixture = try StoreFixture()
        defer { fixture.remove() }
        try await fixture.raw().write { db in try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v9: from the future')") }
        #expect(throws: StoreError.newerSchema(path: fixture.path, found: "v9: from the future")) {
            try SQLiteStore(path: fixture.path)
        }
    }

    @Test func aFileThatIsNotADatabaseIsRefusedUntouched() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("honsim-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("notes.sqlite").path
        let text = Data("이름,연락처\n김순자,010-1234-5678\n".utf8)
        FileManager.default.createFile(atPath: path, contents: text)
        #expect(throws: StoreError.notADatabase(path: path)) { try SQLiteStore(path: path, create: true) }
        #expect(FileManager.default.contents(atPath: path) == text)
    }

    @Test func aMissingFolderOrAMissingStoreIsNamed() throws {
        let path = "/nonexistent-\(UUID().uuidString)/cases.sqlite"
        #expect(throws: StoreError.folderMissing(path: path)) { try SQLiteStore(path: path, create: true) }
        let folder = FileManager.default.temporaryDirectory.path
        let absent = folder + "/absent-\(UUID().uuidString).sqlite"
        #expect(throws: StoreError.self) { try SQLiteStore(path: absent, create: false) }
        #expect(!FileManager.default.fileExists(atPath: absent))
    }

    @Test func aFolderThatCannotBeWrittenIsNamed() throws {
        // /proc refuses new files even to root.
        let path = "/proc/honsim-\(UUID().uuidString).sqlite"
        #expect(throws: StoreError.notWritable(path: path)) { try SQLiteStore(path: path, create: true) }
    }
}
