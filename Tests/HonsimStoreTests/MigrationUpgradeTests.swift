import Foundation
import GRDB
import HonsimCore
import Testing
@testable import HonsimStore

/// A store made by the release before the one list of migrations (SQLite v1–v3, PostgreSQL
/// v1–v5 under their own names), opened by this code: nothing is lost, it works, and it ends
/// with the schema a new store gets.
@Suite("Migrations: a store of the previous release opens and upgrades")
struct MigrationUpgradeTests {
    /// What the release's stores hold, the same on both (the head of each fixture says how
    /// they were made), with the names of the migrations each recorded.
    static func expectedRows(_ backend: Backend) -> [String: Int] {
        var rows = ["meta": 4, "dong": 31, "dong_former_name": 5, "household": 30, "volunteer": 25, "availability_window": 77,
                    "day_off": 7, "escort_request": 26, "assignment": 19, "volunteer_load": 21, "audit": 10, "users": 3]
        switch backend {
        case .sqlite: rows["grdb_migrations"] = 3
        case .postgres: rows["schema_migrations"] = 5
        }
        return rows
    }

    @Test(arguments: Backend.all)
    func aStoreOfThePreviousReleaseKeepsEveryRowPassesItsChecksAndTakesAWrite(_ backend: Backend) async throws {
        let old = try await ReleaseStore.load(backend)
        defer { old.remove() }
        let before = try await old.rows()
        #expect(before.mapValues(\.count) == MigrationUpgradeTests.expectedRows(backend))

        let columns = try await old.columns()
        let kept = try await old.rows(inColumns: columns)
        let store = try await old.open()
        defer { (store as? PostgresStore)?.close() }
        #expect(try await old.rows(inColumns: columns) == kept)
        // The day before's tables are made, empty.
        let upgraded = try await old.rows()
        for table in ["contact_attempt", "vehicle_booking", "message_record"] { #expect(upgraded[table] == [], "\(table)") }
        #expect(try await store.checkInvariants().isEmpty)
        #expect(try await store.access().role == .admin)

        // A new request, assigned: the writes of the request, the assignment, the volunteer's
        // load and the audit log, through every guard of the schema.
        let calendar = store.calendar
        let weekday = Weekday(Date(), calendar: calendar).rawValue
        let wednesday = CivilDate(Date(), calendar: calendar).adding(days: 28 - (weekday - 1) + 2, calendar: calendar).start(in: calendar)
        let household = try await store.household(id: 1)
        let pickup = wednesday.addingTimeInterval(10 * 3600)
        let draft = EscortRequest(
            id: 0, householdID: household.id, dongCode: household.dongCode, hospital: "한림대학교성심병원", department: "내과",
            appointmentAt: pickup.addingTimeInterval(1800), pickupAt: pickup, transport: .publicTransport, expectedMinutes: 90,
            status: .pending, volunteerID: nil, createdAt: Date(timeIntervalSince1970: Date().timeIntervalSince1970.rounded()),
            assignedAt: nil, updatedBy: old.user)
        let created = try #require(try await store.createRequests([draft]).first)
        let assigned = try await store.assign(requestID: created.id, volunteerID: 1, expectedVersion: nil, override: true)
        #expect(assigned.status == .assigned && assigned.volunteerID == 1)
        #expect(try await store.checkInvariants().isEmpty)
        let after = try await old.rows()
        #expect(after["escort_request"]?.count == (before["escort_request"]?.count ?? 0) + 1)
        #expect(after["assignment"]?.count == (before["assignment"]?.count ?? 0) + 1)
        #expect(try await store.request(id: created.id).volunteerID == 1)
    }

    /// Upgraded, the store has the schema a new store gets from the list: the same tables,
    /// columns, indexes, triggers, guards (and on PostgreSQL functions, policies and grants).
    @Test(arguments: Backend.all)
    func anUpgradedStoreHasTheSchemaOfANewOne(_ backend: Backend) async throws {
        let old = try await ReleaseStore.load(backend)
        defer { old.remove() }
        let store = try await old.open()
        (store as? PostgresStore)?.close()
        let upgraded = try await old.schema()
        #expect(upgraded.contains { $0.contains("assignment_no_overlap") })

        let fresh = try await StoreFixture.make(backend)
        defer { fresh.remove() }
        let new = try await ReleaseStore.schema(backend, path: fresh.path, database: fresh.database)
        #expect(upgraded.filter { !new.contains($0) } == [])
        #expect(new.filter { !upgraded.contains($0) } == [])
    }

    /// The names the release recorded are left as they were, so that release still opens the
    /// store, and nothing is applied twice on the next open.
    @Test(arguments: Backend.all)
    func anUpgradedStoreKeepsTheNamesItRecorded(_ backend: Backend) async throws {
        let old = try await ReleaseStore.load(backend)
        defer { old.remove() }
        let recorded = { () async throws -> [String] in
            let rows = try await old.rows()
            return (rows["grdb_migrations"] ?? rows["schema_migrations"] ?? []).sorted()
        }
        let before = try await recorded()
        #expect(before.count == (backend == .sqlite ? 3 : 5))
        for _ in 0..<2 { (try await old.open() as? PostgresStore)?.close() }
        // The release's names as they were, and one for each change made since, once.
        let after = try await recorded()
        let since = ReleaseStore.sinceRelease(backend == .sqlite ? .sqlite : .postgres)
        #expect(Set(before).isSubset(of: Set(after)) && after.count == before.count + since.count)
        for id in since { #expect(after.filter { $0.contains(id) }.count == 1) }
    }
}
