import Foundation
import HonsimTestServer

/// Runs the built `honsim` binary the way a person or a script would.
struct CLI {
    struct Result {
        let status: Int32
        let stdout: String
        let stderr: String
        /// True when the process ended by a signal (a crash) rather than exiting.
        let crashed: Bool
    }

    /// The binary sits beside the test bundle in the build folder.
    static let binary: String = {
        let bundleFolder = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for candidate in [bundleFolder, bundleFolder.deletingLastPathComponent()] {
            let path = candidate.appendingPathComponent("honsim").path
            if FileManager.default.isExecutableFile(atPath: path) { return path }
        }
        return bundleFolder.appendingPathComponent("honsim").path
    }()

    /// The package root, for the seeds.
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static var seeds: String { packageRoot.appendingPathComponent("seeds").path }

    /// `umask`, when given, is the file mode mask of the shell that starts honsim, as a person's own would be.
    @discardableResult
    static func run(_ arguments: [String], environment: [String: String] = [:], umask: String? = nil) throws -> Result {
        let process = Process()
        if let umask {
            process.executableURL = URL(fileURLWithPath: "/bin/sh")
            process.arguments = ["-c", "umask \(umask) && exec \"$0\" \"$@\"", binary] + arguments
        } else {
            process.executableURL = URL(fileURLWithPath: binary)
            process.arguments = arguments
        }
        var env = ProcessInfo.processInfo.environment
        env["LANG"] = "C.UTF-8"
        env.removeValue(forKey: "LC_ALL")
        env.removeValue(forKey: "HONSIM_STORE")
        for (key, value) in environment { env[key] = value }
        process.environment = env
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        // Read before waiting so a large output cannot fill the pipe and stall the child.
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
                      stderr: String(decoding: stderr, as: UTF8.self), crashed: process.terminationReason == .uncaughtSignal)
    }
}

/// A temporary folder with a seeded demo store.
struct SeededStore {
    let folder: URL
    let path: String

    init(seed: Bool = true) throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("honsim-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        path = folder.appendingPathComponent("cases.sqlite").path
        if seed {
            let result = try CLI.run(["seed", "--store", path, "--dir", CLI.seeds])
            guard result.status == 0 else { throw SeedFailed(message: result.stderr) }
        }
    }

    struct SeedFailed: Error { let message: String }

    /// A demo store on `backend`: "sqlite" (a file) or "postgres" (a database of its own on the
    /// suite's throwaway PostgreSQL server, seeded by its owner).
    init(backend: String) throws {
        guard backend == "postgres" else {
            try self.init()
            return
        }
        let server = try PostgresServer.shared()
        let database = server.newDatabaseName()
        try server.psql("CREATE DATABASE \(database)")
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("honsim-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        self.init(folder: folder, path: server.url(user: "postgres", database: database))
        let result = try CLI.run(["seed", "--store", path, "--dir", CLI.seeds])
        guard result.status == 0 else { throw SeedFailed(message: result.stderr) }
    }

    private init(folder: URL, path: String) {
        self.folder = folder
        self.path = path
    }

    /// The backends a store test runs on: PostgreSQL where its server binaries exist.
    static let backends: [String] = PostgresServer.findBinaries().bin == nil ? ["sqlite"] : ["sqlite", "postgres"]

    func run(_ arguments: [String], lang: String = "en") throws -> CLI.Result {
        try CLI.run(arguments + ["--store", path, "--lang", lang])
    }

    /// Every request and audit entry, to show that a refused command changed nothing.
    func snapshot() throws -> String {
        try run(["export", "requests"]).stdout + run(["export", "audit"]).stdout
    }

    /// The pending requests by appointment, with their best candidates, read through the CLI.
    func pendingWithCandidates(requests: Int, candidates: Int) throws -> [(request: Int64, volunteers: [Int64])] {
        let json = try run(["export", "requests", "--format", "json"]).stdout
        let rows = (try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[String: Any]]) ?? []
        let now = ISO8601DateFormatter.string(from: Date(), timeZone: TimeZone(identifier: "Asia/Seoul") ?? .current,
                                              formatOptions: [.withFullDate, .withTime, .withColonSeparatorInTime, .withDashSeparatorInDate])
        var found: [(Int64, [Int64])] = []
        for row in rows where row["status"] as? String == "pending" && (row["appointment_at"] as? String ?? "") > String(now.prefix(16)) {
            guard let id = (row["id"] as? NSNumber)?.int64Value else { continue }
            let json = try run(["suggest", String(id), "--format", "json", "--limit", String(candidates)]).stdout
            let list = (try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[String: Any]]) ?? []
            let eligible = list.filter { $0["eligible"] as? Bool == true }.compactMap { ($0["volunteer_id"] as? NSNumber)?.int64Value }
            if eligible.count >= 2 { found.append((id, eligible)) }
            if found.count == requests { break }
        }
        return found
    }

    func remove() { try? FileManager.default.removeItem(at: folder) }
}
