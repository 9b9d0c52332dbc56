import Foundation
import HonsimCore
import HonsimTestServer
import Testing
@testable import HonsimStore

/// What only the PostgreSQL store has: row-level security that holds against raw SQL, the
/// change feed over LISTEN/NOTIFY, and a server that goes away and comes back.
@Suite("PostgreSQL: row-level security, change notices, a restart", .enabled(if: Backend.all.contains(.postgres)))
struct PostgresStoreTests {
    /// Request 1 is 석수2동's (김순자), request 4 안양2동's (최복례); park coordinates 석수2동 only.
    func cityWithPark() async throws -> (StoreFixture, PostgresStore) {
        let fixture = try await StoreFixture.make(.postgres)
        try await fixture.load([fixture.request(1, household: 1), fixture.request(4, household: 4, day: 1)])
        let park = try await fixture.postgresStore(user: "park", role: .coordinator, dongCodes: [StoreFixture.seokSu2.code])
        return (fixture, park)
    }

    @Test func aCoordinatorOfSeokSu2CannotChangeAnAnyang2RequestEvenWithRawSQL() async throws {
        let (fixture, park) = try await cityWithPark()
        defer { park.close(); fixture.remove() }
        // Through honsim: refused in words.
        let refused = await storeError { try await park.perform(.cancel, requestID: 4, details: ActionDetails(), expectedVersion: nil) }
        guard case .access(.outsideScope(user: "park", _, dongName: "안양2동", _))? = refused else {
            Issue.record("expected outsideScope for 안양2동, got \(String(describing: refused))")
            return
        }
        // Around honsim, logged in as park: an UPDATE finds no row it may change...
        let updated = try fixture.psql(as: "park", "WITH changed AS (UPDATE escort_request SET status = 'cancelled' WHERE id = 4 RETURNING id) SELECT COUNT(*) FROM changed")
        #expect(updated.trimmingCharacters(in: .whitespacesAndNewlines) == "0")
        #expect(try fixture.psql(as: "park", "DELETE FROM escort_request WHERE id = 4 RETURNING id").trimmingCharacters(in: .whitespacesAndNewlines).isEmpty)
        // ...moving a request into another dong, or making one there, is refused outright...
        #expect(throws: (any Error).self) {
            try fixture.psql(as: "park", "UPDATE escort_request SET dong_code = '\(StoreFixture.anyang2.code)' WHERE id = 1")
        }
        #expect(throws: (any Error).self) {
            try fixture.psql(as: "park", """
                INSERT INTO escort_request (household_id, dong_code, hospital, appointment_at, pickup_at, transport, purpose,
                    expected_minutes, status, created_at, created_by, updated_at, updated_by)
                VALUES (4, '\(StoreFixture.anyang2.code)', 'x', 1, 1, 'public', 'clinic', 60, 'pending', 1, 'park', 1, 'park')
                """)
        }
        // ...nor may park write the audit log in someone else's name, or make themself an admin.
        #expect(throws: (any Error).self) {
            try fixture.psql(as: "park", "INSERT INTO audit (at, \"user\", action, entity, entity_id) VALUES (1, 'kim', 'forged', 'request', '4')")
        }
        #expect(try fixture.psql(as: "park", "UPDATE users SET role = 'admin' WHERE name = 'park' RETURNING name").trimmingCharacters(in: .whitespacesAndNewlines).isEmpty)
        // The request is as it was; park's own dong is theirs to change, in SQL as in honsim.
        #expect(try await fixture.store.request(id: 4).status == .pending)
        #expect(try fixture.psql(as: "park", "UPDATE escort_request SET notes = '보호자 연락됨' WHERE id = 1 RETURNING id").contains("1"))
        #expect(try await park.assign(requestID: 1, volunteerID: 1, expectedVersion: nil, override: false).status == .assigned)
        #expect(try await fixture.store.checkInvariants().isEmpty)
    }

    /// Availability, days off and assignments have no dong of their own: the policy asks
    /// the volunteer's or the request's. An admin may change any of them.
    @Test func rowsWithoutADongFollowTheirVolunteersOrRequestsDongEvenWithRawSQL() async throws {
        let (fixture, park) = try await cityWithPark()
        defer { park.close(); fixture.remove() }
        let kim = try await fixture.postgresStore(user: "kim", role: .admin, dongCodes: [])
        defer { kim.close() }
        let empty = { (output: String) in output.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }
        // Volunteer 1 is 석수2동's, 2 is 안양2동's.
        #expect(try fixture.psql(as: "park", "INSERT INTO day_off (volunteer_id, from_date, to_date) VALUES (1, '2026-12-01', '2026-12-02') RETURNING volunteer_id").contains("1"))
        #expect(throws: (any Error).self) {
            try fixture.psql(as: "park", "INSERT INTO day_off (volunteer_id, from_date, to_date) VALUES (2, '2026-12-01', '2026-12-02')")
        }
        #expect(throws: (any Error).self) {
            try fixture.psql(as: "park", "INSERT INTO availability_window (volunteer_id, weekday, start_minute, end_minute) VALUES (2, 1, 540, 600)")
        }
        #expect(try empty(fixture.psql(as: "park", "DELETE FROM availability_window WHERE volunteer_id = 2 RETURNING volunteer_id")))
        #expect(try fixture.psql(as: "park", "DELETE FROM availability_window WHERE volunteer_id = 1 AND weekday = 1 RETURNING volunteer_id").contains("1"))
        // An assignment of 안양2동's request 4, made by the admin, is out of park's reach.
        #expect(try await kim.assign(requestID: 4, volunteerID: 2, expectedVersion: nil, override: false).status == .assigned)
        #expect(try empty(fixture.psql(as: "park", "UPDATE assignment SET state = 'released' WHERE request_id = 4 RETURNING id")))
        #expect(try fixture.psql(as: "kim", "INSERT INTO day_off (volunteer_id, from_date, to_date) VALUES (2, '2026-12-01', '2026-12-02') RETURNING volunteer_id").contains("2"))
        #expect(try fixture.psql(as: "kim", "UPDATE dong SET position = position WHERE code = '\(StoreFixture.anyang2.code)' RETURNING code").contains(StoreFixture.anyang2.code))
        #expect(try empty(fixture.psql(as: "park", "UPDATE dong SET position = position RETURNING code")))
    }

    @Test func aViewerChangesNothingEvenWithRawSQL() async throws {
        let fixture = try await StoreFixture.make(.postgres)
        defer { fixture.remove() }
        try await fixture.load([fixture.request(1)])
        let viewer = try await fixture.postgresStore(user: "council", role: .viewer, dongCodes: [])
        defer { viewer.close() }
        #expect(try fixture.psql(as: "council", "UPDATE escort_request SET notes = 'x' RETURNING id").trimmingCharacters(in: .whitespacesAndNewlines).isEmpty)
        #expect(try fixture.psql(as: "council", "UPDATE household SET phone = 'x' RETURNING id").trimmingCharacters(in: .whitespacesAndNewlines).isEmpty)
        // Reading is everyone's: the kiosk and the council see the figures.
        #expect(try await viewer.counts().requests == 1)
    }

    /// `--readonly` and the kiosk: even an admin's session is read-only in the server, so
    /// SQL that gets past the store's own refusal still changes nothing. The change feed works.
    @Test func aReadOnlySessionIsReadOnlyInTheServerItself() async throws {
        let fixture = try await StoreFixture.make(.postgres)
        defer { fixture.remove() }
        try await fixture.load([fixture.request(1)])
        let session = try await fixture.postgresSession(user: "kim", readOnly: true)
        defer { session.close() }
        #expect(try await session.access().readOnly)
        await #expect(throws: StoreError.self) {
            try await session.assign(requestID: 1, volunteerID: 1, expectedVersion: nil, override: false)
        }
        let refused = await #expect(throws: (any Error).self) {
            try await session.read { db in try await db.execute("UPDATE escort_request SET notes = 'x' WHERE id = 1") }
        }
        #expect("\(String(describing: refused))".contains("read-only"), "\(String(describing: refused))")
        #expect(try await fixture.store.request(id: 1).notes.isEmpty)
        #expect(try await session.counts().requests == 1)
    }

    @Test func theDatabaseRefusesDoubleBookingFromAnyClient() async throws {
        let fixture = try await StoreFixture.make(.postgres)
        defer { fixture.remove() }
        try await fixture.load([fixture.request(1, hour: 10), fixture.request(2, household: 4, hour: 12, minutes: 60).with(minute: 20)])
        try await fixture.store.assign(requestID: 1, volunteerID: 2, expectedVersion: nil, override: false)
        // 12:20 is within the 30-minute travel buffer after 10:00–12:00: the EXCLUDE constraint says no.
        let error = #expect(throws: (any Error).self) {
            try fixture.psql(as: "kim", """
                WITH moved AS (UPDATE escort_request SET status = 'assigned', volunteer_id = 2 WHERE id = 2 RETURNING id)
                INSERT INTO assignment (request_id, volunteer_id, household_id, starts_at, ends_at, state, minutes, week_key, month_key, assigned_at, assigned_by)
                SELECT 2, 2, 4, pickup_at, pickup_at + 3600, 'active', 60, 'W', 'M', 0, 'kim' FROM escort_request WHERE id = 2
                """)
        }
        #expect("\(String(describing: error))".contains("assignment_no_overlap"))
        #expect(try await fixture.store.request(id: 2).status == .pending)
    }

    /// Another session's commit reaches this store's change feed (how fast is the feed
    /// benchmark's business, not a test's).
    @Test func anotherSessionsCommitReachesTheChangeFeed() async throws {
        let (fixture, park) = try await cityWithPark()
        defer { park.close(); fixture.remove() }
        let heard = Locked(0)
        let listening = Task {
            for await _ in fixture.store.changes() { heard.withLock { $0 += 1 } }
        }
        defer { listening.cancel() }
        try await Task.sleep(for: .milliseconds(300))
        #expect(heard.withLock { $0 } == 0, "a notice before any change")
        try await park.assign(requestID: 1, volunteerID: 1, expectedVersion: nil, override: false)
        let deadline = Date().addingTimeInterval(10)
        while heard.withLock({ $0 }) == 0 && Date() < deadline { try await Task.sleep(for: .milliseconds(20)) }
        #expect(heard.withLock { $0 } >= 1, "no change notice")
    }

    /// A server that stops while a freshly opened store's reads are under way: every read ends,
    /// as "disconnected" or with its answer, instead of waiting on a pool that keeps trying to
    /// reach the server. The deadline only catches a hang; it measures nothing.
    @Test func readsMeetingAServerShutdownEndInsteadOfHanging() async throws {
        let server = try PostgresServer.dedicated()
        defer { server.stop() }
        try await server.psql("CREATE DATABASE city")
        let url = try PostgresURL(server.url(user: "postgres", database: "city"))
        let owner = try await PostgresStore.open(url, create: true, timeZone: "Asia/Seoul")
        owner.close()
        let store = try await PostgresStore.open(url, readOnly: true)
        defer { store.close() }
        let ended = Locked(0)
        let reads = Task {
            await withTaskGroup(of: Void.self) { group in
                for _ in 0..<12 {
                    group.addTask {
                        _ = try? await store.counts()
                        _ = try? await store.volunteers()
                        ended.withLock { $0 += 1 }
                    }
                }
            }
        }
        try server.pause()
        let deadline = Date().addingTimeInterval(60)
        while ended.withLock({ $0 }) < 12 && Date() < deadline { try await Task.sleep(for: .milliseconds(50)) }
        #expect(ended.withLock { $0 } == 12, "reads still waiting a minute after the server stopped")
        reads.cancel()
        await #expect(throws: StoreError.self) { _ = try await store.counts() }
        try server.resume()
    }

    /// The server restarts in the middle of a session: the call that meets the dropped
    /// connection says "disconnected", the store reconnects by itself, the change feed says so,
    /// and the write retried after it is applied exactly once.
    @Test func aServerRestartMidSessionLosesNoWriteAndAppliesNoneTwice() async throws {
        let (server, store) = try await PostgresStoreTests.storeOnServerOfItsOwn()
        defer { server.stop() }
        defer { store.close() }
        let fixture = StoreFixture(backend: .postgres, folder: FileManager.default.temporaryDirectory, path: store.location, store: store, database: "city")
        try await fixture.load([fixture.request(1), fixture.request(2, household: 4, day: 1)])
        try await store.assign(requestID: 1, volunteerID: 1, expectedVersion: 1, override: false)

        let heard = Locked(0)
        let listening = Task { for await _ in store.changes() { heard.withLock { $0 += 1 } } }
        defer { listening.cancel() }
        try await Task.sleep(for: .milliseconds(300))

        try server.restart()
        // A write meets the restart: either it fails as "disconnected" (and was not applied) or
        // the pool had already reconnected. Retrying with the version it saw is always safe.
        var outcome: EscortRequest?
        var disconnections = 0
        for _ in 0..<20 where outcome == nil {
            do {
                outcome = try await store.assign(requestID: 2, volunteerID: 2, expectedVersion: 1, override: false)
            } catch StoreError.disconnected {
                disconnections += 1
                try await Task.sleep(for: .milliseconds(200))
            }
        }
        #expect(outcome?.status == .assigned)
        let heardAfter = Date().addingTimeInterval(3)
        while heard.withLock({ $0 }) == 0 && Date() < heardAfter { try await Task.sleep(for: .milliseconds(50)) }
        #expect(heard.withLock { $0 } > 0, "the change feed did not come back after the restart")
        // Exactly one assign of request 2 in the log, and the data as it was before plus it.
        let assigns = try await store.auditLog(matching: AuditQuery(requestID: 2), limit: 10).filter { $0.action == "assign" }
        #expect(assigns.count == 1)
        #expect(try await store.request(id: 1).volunteerID == 1)
        #expect(try await store.checkInvariants().isEmpty)
        print("restart: \(disconnections) call(s) saw the connection drop")
    }

    /// A server down long enough for the driver's pool to stop trying it (about 17 seconds of
    /// failed connections, while a screen keeps asking): the first call once the server is
    /// back is answered, not failed until the pool's backoff, which grows to a minute, lets it
    /// try again.
    @Test func theFirstCallAfterALongOutageIsAnswered() async throws {
        let (server, store) = try await PostgresStoreTests.storeOnServerOfItsOwn()
        defer { server.stop() }
        defer { store.close() }
        #expect(try await store.counts().households == 0)

        try server.pause()
        // A dashboard's retries: a read every second, each failing, until the pool gives up.
        let downSince = Date()
        while Date().timeIntervalSince(downSince) < 22 {
            await #expect(throws: StoreError.self) { _ = try await store.counts() }
            try await Task.sleep(for: .seconds(1))
        }
        try server.resume()
        #expect(try await store.counts().households == 0)
        #expect(try await store.volunteers().isEmpty)
    }

    /// Reads in flight when the server stops, and a server back before anyone could call it
    /// gone: each read ends (a read that never did would hold its pane's loading forever),
    /// and a read after is answered once the pool has connected again. The deadline only
    /// catches a hang; it measures nothing.
    @Test func readsInFlightThroughAQuickRestartEnd() async throws {
        let (server, store) = try await PostgresStoreTests.storeOnServerOfItsOwn()
        defer { server.stop() }
        defer { store.close() }
        let ended = Locked(0)
        for _ in 0..<6 {
            Task {
                _ = try? await store.read { db in try await db.value("SELECT true FROM pg_sleep(30)", as: Bool.self) }
                ended.withLock { $0 += 1 }
            }
        }
        // In flight, all six: a read still waiting for its connection would run its 30 seconds after the restart.
        try await PostgresStoreTests.waitUntilSleeping(6, in: server, database: "city")
        try server.pause()
        try server.resume()
        let deadline = Date().addingTimeInterval(25)
        while ended.withLock({ $0 }) < 6 && Date() < deadline { try await Task.sleep(for: .milliseconds(50)) }
        #expect(ended.withLock { $0 } == 6, "reads in flight through the restart still waiting")
        // The pool connects anew; on a machine loaded by the whole suite that can outlast one
        // call's wait, and the dashboard tries a failed read again by itself.
        #expect(try await retryingWhileUnavailable { try await store.counts() }.households == 0)
    }

    /// A pool that is merely busy is not the pool that gave up: a call that finds every
    /// connection held by slow reads says "disconnected" after its wait, and the reads that
    /// hold them finish, none cut by a pool started under them.
    @Test func aBusyPoolIsNeverReplacedUnderItsCalls() async throws {
        let (server, store) = try await PostgresStoreTests.storeOnServerOfItsOwn()
        defer { server.stop() }
        defer { store.close() }
        let before = store.pool.client
        // Twenty seconds: the reads must outlast finding them all asleep (a psql each tenth of
        // a second, slow on a loaded machine) and then the call's wait of three; with eight,
        // a busy machine once saw them end first and the call answered.
        let slow = (0..<8).map { _ in
            Task { try await store.read { db in try await db.value("SELECT true FROM pg_sleep(20)", as: Bool.self) } }
        }
        try await PostgresStoreTests.waitUntilSleeping(8, in: server, database: "city")
        await #expect(throws: StoreError.self) { _ = try await store.counts() }
        #expect(store.pool.client === before)
        for read in slow { #expect(try await read.value == true) }
        #expect(try await store.counts().households == 0)
    }

    /// A new store, database "city", on a server of its own that the test may stop; the caller
    /// closes the store and stops the server.
    static func storeOnServerOfItsOwn() async throws -> (PostgresServer, PostgresStore) {
        let server = try PostgresServer.dedicated()
        do {
            try await server.psql("CREATE DATABASE city")
            let store = try await PostgresStore.open(try PostgresURL(server.url(user: "postgres", database: "city")), create: true,
                                                     timeZone: "Asia/Seoul")
            return (server, store)
        } catch {
            server.stop()
            throw error
        }
    }

    /// Waits, a minute at most, until `count` sessions of `database` are in `pg_sleep`: on a
    /// machine busy with other tests, reads started together take their connections one by one.
    static func waitUntilSleeping(_ count: Int, in server: PostgresServer, database: String) async throws {
        let deadline = Date().addingTimeInterval(60)
        var sleeping = 0
        while sleeping < count && Date() < deadline {
            let answer = try await server.psql("SELECT count(*) FROM pg_stat_activity WHERE datname = '\(database)' AND query LIKE '%FROM pg_sleep(%' AND state = 'active' AND pid <> pg_backend_pid()")
            sleeping = Int(answer.trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0
            if sleeping < count { try await Task.sleep(for: .milliseconds(100)) }
        }
        try #require(sleeping >= count, "only \(sleeping) of \(count) reads started")
    }

    @Test func urlsReadAsLibpqReadsThem() throws {
        let socket = try PostgresURL("postgres://kim@localhost:5433/city?host=/run/postgresql&sslmode=disable", environment: [:], home: "/nonexistent")
        #expect(socket.user == "kim" && socket.port == 5433 && socket.database == "city")
        #expect(socket.socketPath == "/run/postgresql/.s.PGSQL.5433")
        #expect(socket.sslMode == .disable && socket.password == nil)
        // What messages show is itself a URL that reaches the same place.
        #expect(socket.display == "postgres://kim@localhost:5433/city?host=/run/postgresql")
        let again = try PostgresURL(socket.display, environment: [:], home: "/nonexistent")
        #expect(again.socketPath == socket.socketPath && again.database == "city" && again.user == "kim")
        let tcp = try PostgresURL("postgresql://lee@db.example:6432/honsim?sslmode=verify-full", environment: ["PGPASSWORD": "s3cret"], home: "/nonexistent")
        #expect(tcp.host == "db.example" && tcp.socketDirectory == nil && tcp.sslMode == .verifyFull && tcp.password == "s3cret")
        #expect(!tcp.display.contains("s3cret"))
        #expect(throws: StoreError.self) { try PostgresURL("postgres://x@h/db?sslmode=sometimes", environment: [:]) }
        let pass = "# city\ndb.example:6432:honsim:lee:from\\:pgpass\n*:*:*:*:fallback\n"
        #expect(PostgresURL.password(inPassFile: pass, host: "db.example", port: 6432, database: "honsim", user: "lee") == "from:pgpass")
        #expect(PostgresURL.password(inPassFile: pass, host: "other", port: 5432, database: "x", user: "y") == "fallback")
    }
}

