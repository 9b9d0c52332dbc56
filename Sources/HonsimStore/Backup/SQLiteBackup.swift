import Foundation
import GRDB

/// What a backup wrote and which older backups it let go.
public struct BackupOutcome: Sendable {
    public let file: String
    public let bytes: Int64
    public let removed: [String]
}

extension SQLiteStore {
    /// Copies the store into `destination` while other processes keep writing: SQLite's online
    /// backup reads one snapshot (a reader's transaction in WAL mode), so the copy is the
    /// store as it was at one moment. `destination` is a folder (the copy is named after the
    /// store and the time, and only the newest `keep` such copies stay) or a new `.sqlite` file's path.
    /// The copy is written 0600 under a temporary name, checked (`PRAGMA integrity_check` and
    /// every invariant of `honsim check`) and only then given its name: a failure leaves no
    /// file behind, and never touches the store.
    public func backup(to destination: String, keep: Int, now: Date = Date()) async throws -> BackupOutcome {
        let (folder, file, rotating) = try backupTarget(destination, now: now)
        let partial = (folder as NSString).appendingPathComponent(".\((file as NSString).lastPathComponent).partial")
        let discardPartial = { for suffix in ["", "-wal", "-shm", "-journal"] { try? FileManager.default.removeItem(atPath: partial + suffix) } }
        guard let handle = PrivateFile.create(partial) else {
            throw StoreError.backup(Self.writeProblem(errno, path: partial, folder: folder))
        }
        try? handle.close()
        do {
            try copyPages(to: partial, folder: folder)
            try await Self.verifyCopy(at: partial)
            try Self.makeSingleFile(partial, folder: folder)
            guard rename(partial, file) == 0 else { throw StoreError.backup(Self.writeProblem(errno, path: file, folder: folder)) }
        } catch {
            discardPartial()
            throw error
        }
        let bytes = ((try? FileManager.default.attributesOfItem(atPath: file))?[.size] as? NSNumber)?.int64Value ?? 0
        let removed = rotating ? BackupRotation.prune(in: folder, named: storeStem, fileExtension: "sqlite", keep: keep) : []
        return BackupOutcome(file: file, bytes: bytes, removed: removed)
    }

    /// The store's file name without `.sqlite`: what its backups are named after.
    var storeStem: String { ((location as NSString).lastPathComponent as NSString).deletingPathExtension }

    /// The folder, the final file, and whether it is a folder of rotated backups.
    private func backupTarget(_ destination: String, now: Date) throws -> (folder: String, file: String, rotating: Bool) {
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: destination, isDirectory: &isFolder) {
            guard isFolder.boolValue else { throw StoreError.backup(.cannotWrite(path: destination, reason: "a file is already there")) }
            let stamp = BackupRotation.stamp(now, in: calendar.timeZone)
            var name = "\(storeStem)-\(stamp).sqlite"
            var attempt = 1
            while FileManager.default.fileExists(atPath: (destination as NSString).appendingPathComponent(name)) {
                attempt += 1
                name = "\(storeStem)-\(stamp)-\(attempt).sqlite"
            }
            return (destination, (destination as NSString).appendingPathComponent(name), true)
        }
        // A name that is not there yet is a new backup file when it says so (.sqlite), and
        // otherwise a folder someone forgot to make: better said than guessed.
        guard destination.hasSuffix(".sqlite") else { throw StoreError.backup(.folderMissing(path: destination)) }
        let folder = (destination as NSString).deletingLastPathComponent.isEmpty ? "." : (destination as NSString).deletingLastPathComponent
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder), isFolder.boolValue else {
            throw StoreError.backup(.folderMissing(path: folder))
        }
        return (folder, destination, false)
    }

    /// SQLite's online backup, all pages in one step inside one read transaction of the pool.
    private func copyPages(to partial: String, folder: String) throws {
        do {
            let copy = try DatabaseQueue(path: partial)
            try pool.backup(to: copy)
            try copy.close()
        } catch let error as DatabaseError {
            throw StoreError.backup(Self.problem(error, path: partial, folder: folder))
        }
    }

    /// The copy opened as a store of its own: every page read by integrity_check, then the
    /// invariants `honsim check` verifies.
    static func verifyCopy(at path: String) async throws {
        let copy = try SQLiteStore(path: path)
        defer { try? copy.pool.close() }
        let integrity = try await copy.pool.read { db in try String.fetchAll(db, sql: "PRAGMA integrity_check") }
        if integrity != ["ok"] { throw StoreError.backup(.copyFailsChecks(reason: integrity.prefix(3).joined(separator: "; "))) }
        let violations = try await copy.checkInvariants()
        if !violations.isEmpty {
            throw StoreError.backup(.copyFailsChecks(reason: violations.prefix(3).map { "\($0)" }.joined(separator: "; ")))
        }
    }

    /// A backup is one self-contained file: out of WAL mode, so no -wal or -shm goes with it.
    private static func makeSingleFile(_ path: String, folder: String) throws {
        do {
            let copy = try DatabaseQueue(path: path)
            try copy.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA journal_mode = DELETE") }
            try copy.close()
        } catch let error as DatabaseError {
            throw StoreError.backup(problem(error, path: path, folder: folder))
        }
    }

    static func problem(_ error: DatabaseError, path: String, folder: String) -> BackupProblem {
        switch error.resultCode {
        case .SQLITE_FULL: return .full(folder: folder)
        case .SQLITE_IOERR where error.extendedResultCode == .SQLITE_IOERR_WRITE || error.extendedResultCode == .SQLITE_IOERR_FSYNC:
            return .full(folder: folder)
        default: return .cannotWrite(path: path, reason: error.message ?? "\(error.resultCode)")
        }
    }

    static func writeProblem(_ code: Int32, path: String, folder: String) -> BackupProblem {
        switch code {
        case ENOENT: return .folderMissing(path: folder)
        case ENOSPC, EDQUOT, EFBIG: return .full(folder: folder)
        default: return .cannotWrite(path: path, reason: String(cString: strerror(code)))
        }
    }
}
