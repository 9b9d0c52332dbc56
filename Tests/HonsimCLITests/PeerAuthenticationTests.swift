import Foundation
import HonsimTestServer
import Testing

/// One office machine, several OS accounts (coordinators who SSH in), one PostgreSQL server on
/// it with peer authentication over the local socket: each OS user is the database role of
/// their own name without a password, and the server keeps each to their dongs.
@Suite("Command line: one machine, several OS users, peer authentication", .serialized,
       .enabled(if: SeededStore.backends.contains("postgres") && geteuid() == 0))
struct PeerAuthenticationTests {
    /// OS accounts made for the test and removed afterwards, whatever happens in between.
    final class OSUsers {
        private(set) var names: [String] = []

        func add(_ name: String) throws {
            try PostgresServer.run("/usr/sbin/useradd", ["--no-create-home", "--shell", "/usr/sbin/nologin", name])
            names.append(name)
        }

        deinit {
            for name in names { _ = try? PostgresServer.run("/usr/sbin/userdel", [name]) }
        }
    }

    /// psql as the OS user `user`, who names no role: the server takes the OS user's.
    func psql(as user: String, _ sql: String, server: PostgresServer, database: String) throws -> String {
        try PostgresServer.run("/sbin/runuser", ["-u", user, "--", server.bin + "/psql", "-X", "-q", "-A", "-t", "-v", "ON_ERROR_STOP=1",
                                                 "-h", server.folder, "-p", String(server.port), "-d", database, "-c", sql])
    }

    func lines(_ text: String) -> [String] { text.split(separator: "\n").map(String.init) }

    @Test func eachOSUserIsTheirOwnRoleWithoutAPasswordAndKeptToTheirDongs() throws {
        let server = try PostgresServer.dedicated()
        defer { server.stop() }
        try server.usePeerAuthentication()
        let accounts = OSUsers()
        let suffix = String(UInt16.random(in: 1000...UInt16.max))
        let (seoksu, pyeongchon) = ("hsa\(suffix)", "hsb\(suffix)")
        try accounts.add(seoksu)
        try accounts.add(pyeongchon)

        // The owner (here the superuser) makes the store and the two people's roles.
        try server.psql("CREATE DATABASE office")
        let owner = server.url(user: "postgres", database: "office")
        #expect(try CLI.run(["seed", "--store", owner]).status == 0)
        for (name, dong) in [(seoksu, "석수2동"), (pyeongchon, "평촌동")] {
            let added = try CLI.run(["users", "add", name, "--role", "coordinator", "--dongs", dong, "--store", owner, "--lang", "en"])
            #expect(added.status == 0, "\(added.stderr)")
        }
        let dongsSeen = "SELECT DISTINCT d.name FROM household AS h JOIN dong AS d ON d.code = h.dong_code ORDER BY 1"
        // Each OS user, with no password, is their own role...
        #expect(try psql(as: seoksu, "SELECT current_user", server: server, database: "office") == "\(seoksu)\n")
        // ...reads full names of their own dong only...
        #expect(try lines(psql(as: seoksu, dongsSeen, server: server, database: "office")) == ["석수2동"])
        #expect(try lines(psql(as: pyeongchon, dongsSeen, server: server, database: "office")) == ["평촌동"])
        // ...everything else masked, and changes nothing outside it.
        let masked = try psql(as: seoksu, """
            SELECT count(*) > 0 AND count(*) FILTER (WHERE h.name LIKE '%*%') = count(*) FROM seen_household AS h JOIN dong AS d ON d.code = h.dong_code
            WHERE d.name = '평촌동'
            """, server: server, database: "office")
        #expect(masked == "t\n")
        let changed = try psql(as: seoksu, """
            WITH changed AS (UPDATE household SET notes = 'x' WHERE dong_code = (SELECT code FROM dong WHERE name = '평촌동') RETURNING id)
            SELECT count(*) FROM changed
            """, server: server, database: "office")
        #expect(changed == "0\n")
        // An OS user cannot log in as another's role.
        #expect(throws: (any Error).self) {
            try PostgresServer.run("/sbin/runuser", ["-u", seoksu, "--", server.bin + "/psql", "-X", "-h", server.folder, "-p", String(server.port),
                                                     "-d", "office", "-U", pyeongchon, "-c", "SELECT 1"])
        }
        // honsim itself, run by each OS user with no user in the URL, knows them by their login.
        let socketURL = "postgres:///office?host=\(server.folder)&port=\(server.port)"
        let whoami = try PostgresServer.run("/sbin/runuser", ["-u", pyeongchon, "--", CLI.binary, "users", "whoami", "--store", socketURL, "--lang", "en"])
        #expect(whoami == "\(pyeongchon): coordinator — 평촌동\n")
    }
}
