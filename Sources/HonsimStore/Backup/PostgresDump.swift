import Foundation

/// `honsim backup` of a PostgreSQL store: the server's own tool, `pg_dump`, in its custom
/// format (restored with `pg_restore`), written 0600 under a temporary name and renamed when
/// complete; the newest `keep` dumps stay.
public enum PostgresDump {
    /// `pg_dump` on the PATH, or nil.
    public static func locate(environment: [String: String] = ProcessInfo.processInfo.environment) -> String? {
        for folder in (environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":") {
            let candidate = "\(folder)/pg_dump"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }

    public static func backup(_ url: PostgresURL, to destination: String, keep: Int, calendar: Calendar, now: Date = Date(),
                              environment: [String: String] = ProcessInfo.processInfo.environment) throws -> BackupOutcome {
        guard let pgDump = locate(environment: environment) else { throw StoreError.backup(.pgDumpMissing) }
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: destination, isDirectory: &isFolder), isFolder.boolValue else {
            throw StoreError.backup(.folderMissing(path: destination))
        }
        let stamp = BackupRotation.stamp(now, in: calendar.timeZone)
        let stem = url.database
        let file = (destination as NSString).appendingPathComponent("\(stem)-\(stamp).pgdump")
        let partial = (destination as NSString).appendingPathComponent(".\(stem).pgdump.partial")
        try? FileManager.default.removeItem(atPath: partial)
        guard let handle = PrivateFile.create(partial) else {
            throw StoreError.backup(SQLiteStore.writeProblem(errno, path: partial, folder: destination))
        }
        try? handle.close()

        let process = Process()
        process.executableURL = URL(fileURLWithPath: pgDump)
        process.arguments = ["--format=custom", "--file=\(partial)", "--host=\(url.socketDirectory ?? url.host)", "--port=\(url.port)",
                             "--username=\(url.user)", "--dbname=\(url.database)", "--no-password"]
        var childEnvironment = environment
        if let password = url.password { childEnvironment["PGPASSWORD"] = password }
        childEnvironment["PGSSLMODE"] = url.sslMode.rawValue
        process.environment = childEnvironment
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        do { try process.run() } catch {
            try? FileManager.default.removeItem(atPath: partial)
            throw StoreError.backup(.pgDumpMissing)
        }
        let complaint = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            try? FileManager.default.removeItem(atPath: partial)
            let firstLine = complaint.split(separator: "\n").first.map(String.init) ?? ""
            if firstLine.contains("No space left") { throw StoreError.backup(.full(folder: destination)) }
            throw StoreError.backup(.pgDumpFailed(status: process.terminationStatus, message: firstLine))
        }
        guard rename(partial, file) == 0 else {
            try? FileManager.default.removeItem(atPath: partial)
            throw StoreError.backup(SQLiteStore.writeProblem(errno, path: file, folder: destination))
        }
        let bytes = ((try? FileManager.default.attributesOfItem(atPath: file))?[.size] as? NSNumber)?.int64Value ?? 0
        let removed = BackupRotation.prune(in: destination, named: stem, fileExtension: "pgdump", keep: keep)
        return BackupOutcome(file: file, bytes: bytes, removed: removed)
    }
}
