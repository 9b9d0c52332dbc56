import Foundation
import HonsimCore
@testable import HonsimStore
import HonsimTestServer

extension StoreFixture {
    /// Serialises making roles: they are the server's, shared by every database.
    private static let roleLock = NSLock()

    /// A database of its own, migrated by the superuser (its owner, as a city's DBA would),
    /// then opened as `user`, an admin of it, through row-level security like anyone else.
    static func makePostgres(user: String) async throws -> StoreFixture {
        let server = try PostgresServer.shared()
        let database = server.newDatabaseName()
        try await server.psql("CREATE DATABASE \(database)")
        let owner = try await PostgresStore.open(try PostgresURL(server.url(user: "postgres", database: database)), create: true,
                                                 timeZone: "Asia/Seoul")
        owner.close()
        try await PostgresServer.offThread { try makeRole(server, user) }
        try await server.psql("UPDATE users SET name = '\(user)', created_by = '\(user)', updated_by = '\(user)' WHERE name = 'postgres'", database: database)
        let store = try await PostgresStore.open(try PostgresURL(server.url(user: user, database: database)))
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("honsim-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return StoreFixture(backend: .postgres, folder: folder, path: store.location, store: store, database: database)
    }

    static func makeRole(_ server: PostgresServer, _ user: String) throws {
        roleLock.lock()
        defer { roleLock.unlock() }
        try server.psql("""
            DO $$ BEGIN
                IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '\(user)') THEN CREATE ROLE "\(user)" LOGIN; END IF;
            END $$;
            GRANT honsim_user TO "\(user)";
            """)
    }

    /// Another person's session: their own login role, registered with `role` and `dongCodes`.
    func postgresStore(user: String, role: Role, dongCodes: [String]) async throws -> PostgresStore {
        let server = try PostgresServer.shared()
        try await PostgresServer.offThread { try StoreFixture.makeRole(server, user) }
        try await server.psql("""
            INSERT INTO users (name, role, dongs, created_at, created_by, updated_at, updated_by)
            VALUES ('\(user)', '\(role.rawValue)', '\(dongCodes.joined(separator: ","))', 0, 'test', 0, 'test')
            ON CONFLICT (name) DO UPDATE SET role = excluded.role, dongs = excluded.dongs
            """, database: database ?? "postgres")
        return try await PostgresStore.open(try PostgresURL(server.url(user: user, database: database ?? "postgres")))
    }

    /// A session of `user`, who has a login role but is registered in the store only if a test did so.
    func postgresSession(user: String, readOnly: Bool) async throws -> PostgresStore {
        let server = try PostgresServer.shared()
        try await PostgresServer.offThread { try StoreFixture.makeRole(server, user) }
        return try await PostgresStore.open(try PostgresURL(server.url(user: user, database: database ?? "postgres")), readOnly: readOnly)
    }

    /// The roles whose reads the database guards, registered with their own login roles: park
    /// coordinates 석수2동, council is a viewer, hall the welfare center's kiosk.
    func registerGuardedRoles() async throws {
        for (user, role, dongs) in [("park", Role.coordinator, [StoreFixture.seokSu2.code]), ("council", .viewer, []), ("hall", .kiosk, [])] {
            try await postgresStore(user: user, role: role, dongCodes: dongs).close()
        }
    }

    /// psql's output as lines, trimmed, without the empty ones.
    static func lines(_ output: String) -> [String] {
        output.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    /// Raw SQL as a given login role, through psql: row-level security applies to it as to any
    /// client. Throws with the server's message when refused.
    @discardableResult
    func psql(as user: String, _ sql: String) throws -> String {
        try PostgresServer.shared().psql(sql, database: database ?? "postgres", user: user)
    }
}
