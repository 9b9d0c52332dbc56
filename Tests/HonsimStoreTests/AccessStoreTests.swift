import Foundation
import GRDB
import HonsimCore
import Testing
@testable import HonsimStore

/// Roles and dongs, enforced by the store itself: every write checks the acting OS user's
/// role and dongs inside its transaction, and a refused write changes nothing.
@Suite("Access: roles and dongs, enforced by the store")
struct AccessStoreTests {
    /// Requests 1 (김순자, 석수2동) and 3 (이말순, 평촌동), pending, far enough apart not to clash.
    func loaded(_ backend: Backend) async throws -> StoreFixture {
        let fixture = try await StoreFixture.make(backend, user: "kim")
        try await fixture.load([fixture.request(1, household: 1), fixture.request(3, household: 3, day: 1)])
        return fixture
    }

    /// The rows a refused write must leave as they were: requests, assignments, the audit log.
    func state(_ fixture: StoreFixture) async throws -> [String] {
        try await fixture.rawSQL("""
            SELECT 'r' || id || status || COALESCE(CAST(volunteer_id AS TEXT), '-') || version FROM escort_request
            UNION ALL SELECT 'a' || id || state FROM assignment
            UNION ALL SELECT 'u' || id || action FROM audit ORDER BY 1
            """)
    }

    @Test(arguments: Backend.all) func theCreatorIsAdminAndAnyoneElseIsAViewerWhoChangesNothing(_ backend: Backend) async throws {
        let fixture = try await loaded(backend)
        defer { fixture.remove() }
        let mine = try await fixture.store.access()
        #expect(mine.role == .admin && mine.isRegistered && mine.user == "kim")

        let stranger = try await fixture.session(user: "guest")
        let access = try await stranger.access()
        #expect(access.role == .viewer && !access.isRegistered)
        let before = try await state(fixture)
        let assign = await storeError { try await stranger.assign(requestID: 1, volunteerID: 1, expectedVersion: nil, override: false) }
        #expect(assign == .access(.viewer(user: "guest", registered: false)))
        let cancel = await storeError { try await stranger.perform(.cancel, requestID: 3, details: ActionDetails(), expectedVersion: nil) }
        #expect(cancel == .access(.viewer(user: "guest", registered: false)))
        #expect(try await state(fixture) == before)
        #expect(assign?.message(.ko, calendar: fixture.calendar) == "guest 님은 이 저장소의 사용자 목록에 없어 열람만 할 수 있습니다. 관리자에게 'honsim users add'를 요청하세요")
        #expect(assign?.message(.en, calendar: fixture.calendar) == "guest is not among this store's users and may only view; ask an admin to run 'honsim users add'")

        // A registered viewer is told the same without the advice.
        let viewer = try await fixture.otherStore(user: "council", role: .viewer)
        let refused = await storeError { try await viewer.assign(requestID: 1, volunteerID: 1, expectedVersion: nil, override: false) }
        #expect(refused?.message(.ko, calendar: fixture.calendar) == "council 님은 열람자라 바꿀 수 없습니다")
        #expect(try await state(fixture) == before)
    }

    @Test(arguments: Backend.all) func aCoordinatorChangesOnlyRequestsOfTheirDongs(_ backend: Backend) async throws {
        let fixture = try await loaded(backend)
        defer { fixture.remove() }
        let park = try await fixture.otherStore(user: "park", role: .coordinator, dongCodes: [StoreFixture.seokSu2.code])
        let access = try await park.access()
        #expect(access.role == .coordinator && access.dongCodes == [StoreFixture.seokSu2.code])

        // 평촌동 is not park's: refused, naming both, and nothing changes.
        let before = try await state(fixture)
        let error = await storeError { try await park.assign(requestID: 3, volunteerID: 3, expectedVersion: nil, override: false) }
        guard case .access(.outsideScope("park", _, "평촌동", ["석수2동"]))? = error else {
            Issue.record("expected outsideScope naming 평촌동 and 석수2동, got \(String(describing: error))")
            return
        }
        #expect(error?.message(.ko, calendar: fixture.calendar) == "park 님은 석수2동 담당이라 평촌동의 요청 3번을 바꿀 수 없습니다")
        #expect(error?.message(.en, calendar: fixture.calendar) == "park coordinates 석수2동 and cannot change request 3 in 평촌동")
        let cancel = await storeError { try await park.perform(.cancel, requestID: 3, details: ActionDetails(reason: "x"), expectedVersion: nil) }
        guard case .access(.outsideScope)? = cancel else { Issue.record("cancel in 평촌동 went through: \(String(describing: cancel))"); return }
        #expect(try await state(fixture) == before)

        // 석수2동 is: the whole lifecycle goes through, recorded as park's.
        let assigned = try await park.assign(requestID: 1, volunteerID: 1, expectedVersion: 1, override: false)
        #expect(assigned.updatedBy == "park")
        try await park.perform(.confirm, requestID: 1, details: ActionDetails(), expectedVersion: nil)
        try await park.perform(.release, requestID: 1, details: ActionDetails(reason: "사정"), expectedVersion: nil)
        #expect(try await fixture.store.request(id: 1).status == .pending)
        let log = try await fixture.store.auditLog(in: nil, limit: 3)
        #expect(log.map(\.user) == ["park", "park", "park"])

        // The admin changes every dong.
        try await fixture.store.assign(requestID: 3, volunteerID: 3, expectedVersion: nil, override: false)
        #expect(try await fixture.store.request(id: 3).status == .assigned)
        #expect(try await fixture.store.checkInvariants().isEmpty)
    }

    @Test(arguments: Backend.all) func aRoleChangeCountsAtOnceForAnOpenSession(_ backend: Backend) async throws {
        let fixture = try await loaded(backend)
        defer { fixture.remove() }
        let park = try await fixture.session(user: "park")
        #expect(await storeError { try await park.assign(requestID: 3, volunteerID: 3, expectedVersion: nil, override: false) }
                == .access(.viewer(user: "park", registered: false)))
        // The admin, in another process, makes park coordinator of 평촌동 by its name.
        try await fixture.store.addUser(name: "park", role: .coordinator, dongs: ["평촌동"], displayName: "박지수")
        try await park.assign(requestID: 3, volunteerID: 3, expectedVersion: nil, override: false)
        // …and then a viewer again: the very next write is refused.
        try await fixture.store.updateUser(name: "park", UserChange(role: .viewer))
        let error = await storeError { try await park.perform(.confirm, requestID: 3, details: ActionDetails(), expectedVersion: nil) }
        #expect(error == .access(.viewer(user: "park", registered: true)))
        #expect(try await fixture.store.request(id: 3).status == .assigned)
    }

    @Test(arguments: Backend.all) func aReadOnlySessionIsAViewerAndItsConnectionCannotWrite(_ backend: Backend) async throws {
        let fixture = try await loaded(backend)
        defer { fixture.remove() }
        let readOnly = try await fixture.session(user: "kim", readOnly: true)
        let access = try await readOnly.access()
        #expect(access.registeredRole == .admin && access.role == .viewer && access.readOnly)
        let before = try await state(fixture)
        #expect(await storeError { try await readOnly.assign(requestID: 1, volunteerID: 1, expectedVersion: nil, override: false) }
                == .access(.readOnlySession))
        #expect(await storeError { try await readOnly.recordExport(kind: "households", rows: 1) } == .access(.readOnlySession))
        // Details asked in full come masked: a session that cannot write the access log sees nobody in full.
        let details = try await readOnly.householdRecord(id: 1, reveal: .full(requestID: 1))
        #expect(!details.isFull && details.household.name == Masking.name("김순자"))
        // Below the store's own check, SQLite itself refuses: even a bug cannot write.
        if let readOnly = readOnly as? SQLiteStore {
            #expect(throws: DatabaseError.self) {
                try readOnly.pool.writeWithoutTransaction { db in
                    try db.execute(sql: "UPDATE escort_request SET status = 'cancelled', volunteer_id = NULL WHERE id = 1")
                }
            }
        }
        #expect(try await state(fixture) == before)
        // It still reads everything the kiosk needs.
        #expect(try await readOnly.pendingRequests(limit: 10).map(\.id) == [1, 3])
    }

    @Test(arguments: Backend.all) func onlyAnAdminLoadsOrReplacesTheData(_ backend: Backend) async throws {
        let fixture = try await loaded(backend)
        defer { fixture.remove() }
        let park = try await fixture.otherStore(user: "park", role: .coordinator, dongCodes: [StoreFixture.seokSu2.code])
        let before = try await state(fixture)
        let error = await storeError { try await park.load(StoreData(), replacingExisting: true) }
        #expect(error == .access(.adminOnly(user: "park", role: .coordinator, task: Phrase(ko: "자료 불러오기와 바꾸기", en: "load or replace the data"))))
        #expect(error?.message(.en, calendar: fixture.calendar) == "only an admin may load or replace the data (park is a coordinator)")
        #expect(try await state(fixture) == before)
    }

    @Test(arguments: Backend.all) func usersAreAddedChangedAndRemovedByAnAdminAndAudited(_ backend: Backend) async throws {
        let fixture = try await loaded(backend)
        defer { fixture.remove() }
        let store = fixture.store
        // A former name (석수3동) is accepted and stored as 충훈동's code; the city's order is kept.
        let added = try await store.addUser(name: "park", role: .coordinator, dongs: ["평촌동", "석수3동"], displayName: "박지수")
        #expect(added.dongCodes == [StoreFixture.chunghun.code, StoreFixture.pyeongchon.code])
        #expect(added.createdBy == "kim")
        try await store.addUser(name: "council", role: .viewer, dongs: [], displayName: "")
        #expect(try await store.users().map(\.name) == ["kim", "park", "council"])

        let changed = try await store.updateUser(name: "park", UserChange(dongs: ["석수2동"]))
        #expect(changed.role == .coordinator && changed.dongCodes == [StoreFixture.seokSu2.code] && changed.displayName == "박지수")
        let promoted = try await store.updateUser(name: "park", UserChange(role: .admin))
        #expect(promoted.dongCodes.isEmpty, "an admin has every dong, so none are listed")
        try await store.removeUser(name: "council")
        #expect(try await store.users().map(\.name) == ["kim", "park"])

        let log = try await store.auditLog(in: nil, limit: 5)
        #expect(log.prefix(5).map(\.action) == ["user remove", "user set", "user set", "user add", "user add"])
        #expect(log.allSatisfy { $0.user == "kim" && $0.entity == "user" })
        #expect(log[2].before?.contains("\"dongCodes\":[\"41171-12\",\"41173-09\"]") == true)
        #expect(log[2].after?.contains("\"dongCodes\":[\"41171-11\"]") == true)
    }

    @Test(arguments: Backend.all) func unsoundUserChangesAreRefusedWithAReasonAndChangeNothing(_ backend: Backend) async throws {
        let fixture = try await loaded(backend)
        defer { fixture.remove() }
        let store = fixture.store
        try await store.addUser(name: "park", role: .coordinator, dongs: ["석수2동"], displayName: "")
        let before = try await store.users()
        let cases: [(StoreError?, AccessProblem, String)] = [
            (await storeError { try await store.addUser(name: "park", role: .viewer, dongs: [], displayName: "") },
             .userExists(name: "park"), "이미 있는 사용자입니다: park (바꾸려면 'honsim users set')"),
            (await storeError { try await store.updateUser(name: "nobody", UserChange(role: .viewer)) },
             .noSuchUser(name: "nobody"), "없는 사용자입니다: nobody ('honsim users list'로 확인하세요)"),
            (await storeError { try await store.removeUser(name: "kim") },
             .lastAdmin(name: "kim"), "kim 님은 마지막 관리자라 지우거나 역할을 바꿀 수 없습니다. 먼저 다른 관리자를 추가하세요"),
            (await storeError { try await store.updateUser(name: "kim", UserChange(role: .coordinator, dongs: ["석수2동"])) },
             .lastAdmin(name: "kim"), "kim 님은 마지막 관리자라 지우거나 역할을 바꿀 수 없습니다. 먼저 다른 관리자를 추가하세요"),
            (await storeError { try await store.addUser(name: "lee", role: .coordinator, dongs: ["석수9동"], displayName: "") },
             .unknownDong(name: "석수9동"), "없는 동입니다: 석수9동 (--dongs)"),
            (await storeError { try await store.addUser(name: "lee", role: .coordinator, dongs: [], displayName: "") },
             .coordinatorNeedsDongs(name: "lee"), "코디네이터에게는 담당 동이 있어야 합니다: --dongs를 주세요 (lee)"),
            (await storeError { try await store.addUser(name: "lee", role: .admin, dongs: ["석수2동"], displayName: "") },
             .adminHasEveryDong(name: "lee"), "관리자는 모든 동을 맡으므로 --dongs가 필요 없습니다 (lee)"),
            (await storeError { try await store.addUser(name: "lee kim", role: .viewer, dongs: [], displayName: "") },
             .invalidUserName(name: "lee kim"), "사용자 이름이 올바르지 않습니다: 'lee kim' (OS 사용자 이름: 공백·쉼표·제어 문자 없이 64자까지)"),
        ]
        for (error, problem, korean) in cases {
            #expect(error == .access(problem))
            #expect(error?.message(.ko, calendar: fixture.calendar) == korean)
            #expect(error?.message(.en, calendar: fixture.calendar).isEmpty == false)
        }
        // Only an admin manages users: a coordinator is told so.
        let park = try await fixture.session(user: "park")
        let error = await storeError { try await park.updateUser(name: "park", UserChange(role: .admin)) }
        #expect(error?.message(.ko, calendar: fixture.calendar) == "사용자 관리: 관리자만 할 수 있습니다 (park 님은 코디네이터)")
        #expect(try await store.users() == before)
        // With a second admin, the first may step down.
        try await store.addUser(name: "lee", role: .admin, dongs: [], displayName: "")
        try await store.updateUser(name: "kim", UserChange(role: .viewer))
        #expect(try await store.access().role == .viewer)
    }

    @Test(arguments: Backend.all) func theAccessLogRecordsWhoSawWhichHouseholdInFull(_ backend: Backend) async throws {
        let fixture = try await loaded(backend)
        defer { fixture.remove() }
        let seen = try await fixture.store.householdRecord(id: 1, reveal: .full(requestID: 1))
        #expect(seen.isFull && seen.household.name == "김순자")
        let entry = try #require(try await fixture.store.auditLog(in: nil, limit: 1).first)
        #expect(entry.action == "view" && entry.entity == "household" && entry.entityID == "1")
        #expect(entry.user == "kim" && entry.dongCode == StoreFixture.seokSu2.code && entry.after == "{\"from\":\"dashboard\",\"request\":1}")

        // A coordinator sees (and so logs) only their own dongs' households in full; another
        // dong's comes masked and is not logged, as a viewer's always does.
        let park = try await fixture.otherStore(user: "park", role: .coordinator, dongCodes: [StoreFixture.seokSu2.code])
        #expect(try await park.householdRecord(id: 1, reveal: .full(requestID: nil)).isFull)
        let other = try await park.householdRecord(id: 3, reveal: .full(requestID: 3))
        #expect(!other.isFull && other.household.name == "이*순")
        let viewer = try await fixture.otherStore(user: "council", role: .viewer)
        #expect(!(try await viewer.householdRecord(id: 1, reveal: .full(requestID: nil)).isFull))
        // Asked masked, nothing personal leaves the store and nothing is logged.
        #expect(!(try await fixture.store.householdRecord(id: 1, reveal: .masked).isFull))
        #expect(await storeError { try await viewer.recordExport(kind: "households", rows: 4) }
                == .access(.viewer(user: "council", registered: true)))
        try await park.recordExport(kind: "households", rows: 4)
        let log = try await fixture.store.auditLog(in: nil, limit: 10)
        #expect(log.filter { $0.action == "view" }.map(\.user) == ["park", "kim"])
        #expect(log.first?.action == "export" && log.first?.entity == "households" && log.first?.after == "{\"rows\":4,\"from\":\"export\",\"households\":[]}")
    }

    /// A store made before roles: its writers become admins, so nobody is locked out by the
    /// upgrade; a read-only session on a store not yet upgraded is a viewer.
    @Test func anOlderStoreGivesItsWritersAdminOnUpgrade() async throws {
        let fixture = try await loaded(.sqlite)
        defer { fixture.remove() }
        try await fixture.store.assign(requestID: 1, volunteerID: 1, expectedVersion: nil, override: false)
        try await fixture.raw().write { db in
            // Every table made after v2, whichever later change made it, goes as v3 found none.
            let v2Tables: Set = ["assignment", "audit", "availability_window", "day_off", "dong", "dong_former_name",
                                 "escort_request", "household", "meta", "volunteer", "volunteer_load", "grdb_migrations"]
            // The kept figures' triggers on the requests go first: they name a table that goes.
            try db.execute(sql: "DROP TRIGGER kept_request_made; DROP TRIGGER kept_request_changed; DROP TRIGGER kept_request_deleted")
            try db.execute(sql: "DROP INDEX request_by_volunteer; DROP INDEX request_pending_by_time")
            for table in try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
            where !v2Tables.contains(table) {
                try db.execute(sql: "DROP TABLE \"\(table)\"")
            }
            try db.execute(sql: """
                DROP INDEX audit_by_user; DROP INDEX IF EXISTS assignment_released_by_volunteer;
                ALTER TABLE household DROP COLUMN closed_at; ALTER TABLE household DROP COLUMN purged_at;
                ALTER TABLE household DROP COLUMN family_name; ALTER TABLE household DROP COLUMN family_relation;
                ALTER TABLE household DROP COLUMN family_phone;
                ALTER TABLE volunteer DROP COLUMN trained_on; ALTER TABLE volunteer DROP COLUMN insured_until;
                ALTER TABLE volunteer DROP COLUMN background_checked_on; ALTER TABLE volunteer DROP COLUMN portal_consent_on;
                DELETE FROM grdb_migrations; INSERT INTO grdb_migrations VALUES ('v1: cases'), ('v2: dongs revision');
                INSERT INTO audit (at, user, action, entity, entity_id) VALUES (1, 'lee', 'confirm', 'request', '1');
                """)
        }
        let readOnly = try SQLiteStore(path: fixture.path, user: "lee", readOnly: true)
        #expect(try await readOnly.access() == Access(user: "lee", role: .viewer, isRegistered: false, readOnly: true))

        let upgraded = try SQLiteStore(path: fixture.path, user: "lee")
        #expect(try await upgraded.users().map(\.name).sorted() == ["kim", "lee"])
        #expect(try await upgraded.users().allSatisfy { $0.role == .admin && $0.createdBy == "v3 migration" })
        try await upgraded.perform(.confirm, requestID: 1, details: ActionDetails(), expectedVersion: nil)
    }
}
