import Foundation

/// A throwaway PostgreSQL server for the tests: `initdb` in a temporary folder, listening on a
/// unix socket only (no TCP), fsync off. One per test process, shared by every test and
/// stopped when the process exits. As root (CI, this machine), PostgreSQL refuses to run, so
/// the server runs as the `postgres` user through `runuser`.
public final class PostgresServer: @unchecked Sendable {
    public let bin: String
    public let folder: String
    public let port: Int
    private let runAs: String?
    private let lock = NSLock()
    private var databases = 0

    /// The binaries, or nil with the reason the PostgreSQL tests are skipped.
    public static func findBinaries() -> (bin: String?, reason: String) {
        let environment = ProcessInfo.processInfo.environment
        var candidates: [String] = []
        if let bin = environment["HONSIM_PG_BIN"] { candidates.append(bin) }
        let base = "/usr/lib/postgresql"
        let versions = ((try? FileManager.default.contentsOfDirectory(atPath: base)) ?? []).sorted { (Int($0) ?? 0) > (Int($1) ?? 0) }
        candidates += versions.map { "\(base)/\($0)/bin" }
        for bin in candidates where FileManager.default.isExecutableFile(atPath: bin + "/initdb") && FileManager.default.isExecutableFile(atPath: bin + "/pg_ctl") {
            return (bin, "")
        }
        return (nil, "no PostgreSQL server binaries (initdb, pg_ctl) under /usr/lib/postgresql/*/bin or HONSIM_PG_BIN; install Debian's postgresql package")
    }

    nonisolated(unsafe) private static var started: PostgresServer?
    nonisolated(unsafe) private static var failure: String?
    private static let startLock = NSLock()

    /// The suite's server, started on first use.
    public static func shared() throws -> PostgresServer {
        startLock.lock()
        defer { startLock.unlock() }
        if let started { return started }
        if let failure { throw ServerError(message: failure) }
        do {
            let server = try PostgresServer()
            started = server
            atexit { PostgresServer.stopShared() }
            return server
        } catch {
            failure = "\(error)"
            throw error
        }
    }

    public static func stopShared() {
        started?.stop()
        started = nil
    }

    public struct ServerError: Error, CustomStringConvertible {
        let message: String
        public var description: String { message }
    }

    private convenience init() throws { try self.init(dedicated: ()) }

    /// A server of its own, for a test that stops or restarts it; the caller stops it.
    public static func dedicated() throws -> PostgresServer { try PostgresServer(dedicated: ()) }

    private init(dedicated: Void) throws {
        guard let bin = PostgresServer.findBinaries().bin else { throw ServerError(message: PostgresServer.findBinaries().reason) }
        self.bin = bin
        folder = "/tmp/honsim-pg-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        // No TCP listener: the port only names the socket file, so any spare number will do.
        port = Int.random(in: 20_000...60_000)
        runAs = geteuid() == 0 ? "postgres" : nil
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        if let runAs { try PostgresServer.run("/bin/chown", ["-R", runAs, folder]) }
        try run(bin + "/initdb", ["-D", folder + "/data", "--no-sync", "-A", "trust", "-U", "postgres", "-E", "UTF8", "--locale=C.UTF-8"])
        try run(bin + "/pg_ctl", ["-D", folder + "/data", "-l", folder + "/server.log", "-w", "-o",
                                  options,
                                  "start"])
        // Every person's login role is a member; made here once rather than by each database's migration.
        try psql("CREATE ROLE honsim_user NOLOGIN")
    }

    /// Socket only, in the server's folder; durability off, for speed; room for the sessions of
    /// every test running at once (each store is a pool, a change feed, and psql besides).
    private var options: String {
        "-k \(folder) -c listen_addresses='' -p \(port) -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=1000"
    }

    /// Peer authentication over the socket, as one office machine shared by several OS accounts
    /// uses it: each OS user logs in as the database role of their own name, with no password,
    /// and as no other. The superuser stays trusted, for the harness (which runs as root).
    public func usePeerAuthentication() throws {
        try "local all postgres trust\nlocal all all peer\n".write(toFile: folder + "/data/pg_hba.conf", atomically: false, encoding: .utf8)
        try run(bin + "/pg_ctl", ["-D", folder + "/data", "-w", "reload"])
    }

    /// Stops the server and removes its folder.
    public func stop() {
        try? run(bin + "/pg_ctl", ["-D", folder + "/data", "-m", "immediate", "-w", "stop"])
        try? FileManager.default.removeItem(atPath: folder)
    }

    /// Stops the server, keeping its data, as when it goes down under a running session.
    public func pause() throws {
        try run(bin + "/pg_ctl", ["-D", folder + "/data", "-m", "fast", "-w", "stop"])
    }

    /// Starts a paused server again.
    public func resume() throws {
        try run(bin + "/pg_ctl", ["-D", folder + "/data", "-l", folder + "/server.log", "-w", "-o", options, "start"])
    }

    /// Restarts the server in place, as an administrator would: every connection drops.
    public func restart() throws {
        try run(bin + "/pg_ctl", ["-D", folder + "/data", "-m", "fast", "-w", "-o",
                                  options,
                                  "restart"])
    }

    /// `postgres://user@localhost:port/db?host=folder`.
    public func url(user: String, database: String) -> String {
        "postgres://\(user)@localhost:\(port)/\(database)?host=\(folder)"
    }

    /// A new database's name, unique in this server.
    public func newDatabaseName() -> String {
        lock.lock()
        defer { lock.unlock() }
        databases += 1
        return "honsim_test_\(databases)"
    }

    /// The same, awaited from a test's task: psql runs on a thread of its own. A test that
    /// waited for it on one of the few threads every task shares would hold up the others'
    /// store calls, until their connections' short waits gave up ("disconnected").
    @discardableResult
    public func psql(_ sql: String, database: String = "postgres", user: String = "postgres") async throws -> String {
        try await PostgresServer.offThread { [self] in try psql(sql, database: database, user: user) as String }
    }

    /// Runs blocking work (a tool, a lock held around one) on a thread of its own, and awaits it.
    public static func offThread<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global().async { continuation.resume(with: Result { try body() }) }
        }
    }

    /// Runs SQL as the superuser through psql (for setting up and for raw-SQL checks).
    @discardableResult
    public func psql(_ sql: String, database: String = "postgres", user: String = "postgres") throws -> String {
        try PostgresServer.run(bin + "/psql", ["-X", "-q", "-A", "-t", "-v", "ON_ERROR_STOP=1", "-h", folder, "-p", String(port), "-U", user, "-d", database, "-c", sql])
    }

    /// `pg_ctl start` leaves the server running with the output it was given: a pipe would
    /// never reach its end, so the server tools write to a file instead.
    @discardableResult
    private func run(_ tool: String, _ arguments: [String]) throws -> String {
        if let runAs { return try PostgresServer.run("/sbin/runuser", ["-u", runAs, "--", tool] + arguments, outputFile: folder + "/tools.log") }
        return try PostgresServer.run(tool, arguments, outputFile: folder + "/tools.log")
    }

    /// glibc's `posix_spawn_file_actions_addclosefrom_np` (2.34 and later), which Swift's Glibc
    /// module does not declare; nil where the C library has none.
    private static let addCloseFrom: (@convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32)? = {
        guard let symbol = dlsym(nil, "posix_spawn_file_actions_addclosefrom_np") else { return nil }
        return unsafeBitCast(symbol, to: (@convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32).self)
    }()

    private static func spawnAndWait(_ tool: String, _ arguments: [String], outputFile: String) throws -> Int32 {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outputFile, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        // Nothing else of this process: a pipe another test opened at the same moment would
        // stay open in the server that pg_ctl starts, and that test would wait for its end forever.
        if let closeFrom = PostgresServer.addCloseFrom { _ = closeFrom(&actions, 3) }
        let argv = ([tool] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, tool, &actions, nil, argv, environ)
        guard spawned == 0 else { throw ServerError(message: "cannot start \(tool): \(String(cString: strerror(spawned)))") }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        return (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
    }

    @discardableResult
    public static func run(_ tool: String, _ arguments: [String], outputFile: String? = nil) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = arguments
        process.standardInput = FileHandle.nullDevice
        if let outputFile {
            // Foundation's Process notices its child's end through a descriptor that the
            // server started by pg_ctl would inherit and keep open: spawn and wait directly.
            let status = try spawnAndWait(tool, arguments, outputFile: outputFile)
            let text = (try? String(contentsOfFile: outputFile, encoding: .utf8)) ?? ""
            guard status == 0 else { throw ServerError(message: "\(tool) \(arguments.joined(separator: " ")) failed: \(text)") }
            return text
        }
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let out = output.fileHandleForReading.readDataToEndOfFile()
        let err = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw ServerError(message: "\(tool) \(arguments.joined(separator: " ")) failed: \(String(decoding: err, as: UTF8.self))")
        }
        return String(decoding: out, as: UTF8.self)
    }
}
