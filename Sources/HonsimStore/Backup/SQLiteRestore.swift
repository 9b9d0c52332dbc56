import Foundation
import GRDB

/// What a restore put back and where the store it replaced was kept.
public struct RestoreOutcome: Sendable {
    /// The replaced store, renamed beside it; nil when there was none.
    public let keptAside: String?
}

extension SQLiteStore {
    /// Puts the backup `file` back as the store at `path`. Refused, with nothing replaced, when
    /// `file` is not a honsim store, was made by a newer honsim, fails its checks, or while any
    /// other process has the store open. The store it replaces is kept beside it as
    /// `NAME.replaced-TIME` (with its -wal, should it have one).
    public static func restore(from file: String, to path: String, calendar: Calendar, now: Date = Date()) async throws -> RestoreOutcome {
        let folder = (path as NSString).deletingLastPathComponent.isEmpty ? "." : (path as NSString).deletingLastPathComponent
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder), isFolder.boolValue else {
            throw StoreError.folderMissing(path: path)
        }
        guard FileManager.default.fileExists(atPath: file) else { throw StoreError.backup(.notAStore(path: file)) }
        do { try checkHeader(path: file) } catch { throw StoreError.backup(.notAStore(path: file)) }
        if storeIsOpenElsewhere(path) { throw StoreError.backup(.storeInUse(path: path)) }

        // The backup is copied beside the store first and checked there, so a failure leaves
        // the store as it was and the backup file untouched.
        let incoming = (folder as NSString).appendingPathComponent(".\((path as NSString).lastPathComponent).restoring")
        let discard = { for suffix in ["", "-wal", "-shm", "-journal"] { try? FileManager.default.removeItem(atPath: incoming + suffix) } }
        discard()
        do {
            try copyPrivately(file, to: incoming, folder: folder)
            try requireHonsimTables(incoming, named: file)
            try await verifyCopy(at: incoming)
        } catch {
            discard()
            throw error
        }

        // Asked again right before the swap: a dashboard may have opened meanwhile.
        if storeIsOpenElsewhere(path) {
            discard()
            throw StoreError.backup(.storeInUse(path: path))
        }
        var keptAside: String?
        // The restored store keeps the replaced one's mode and group (a store shared by a group
        // stays shared); a new one is its owner's alone, as the copy was made.
        var replaced = stat()
        let hadStore = stat(path, &replaced) == 0
        if FileManager.default.fileExists(atPath: path) {
            let stamp = BackupRotation.stamp(now, in: calendar.timeZone)
            let aside = "\(path).replaced-\(stamp)"
            guard rename(path, aside) == 0 else {
                discard()
                throw StoreError.notWritable(path: path)
            }
            if FileManager.default.fileExists(atPath: path + "-wal") { _ = rename(path + "-wal", aside + "-wal") }
            try? FileManager.default.removeItem(atPath: path + "-shm")
            keptAside = aside
        }
        guard rename(incoming, path) == 0 else {
            // Put the old store back rather than leave none.
            if let keptAside { _ = rename(keptAside, path); _ = rename(keptAside + "-wal", path + "-wal") }
            discard()
            throw StoreError.notWritable(path: path)
        }
        if hadStore {
            _ = chown(path, uid_t.max, replaced.st_gid)
            _ = chmod(path, replaced.st_mode & 0o777)
        }
        return RestoreOutcome(keptAside: keptAside)
    }

    /// True while another process holds the store open. Every SQLite connection to a store in
    /// WAL mode holds a shared lock on the database file and on the -shm file's "DMS" byte for
    /// as long as it is open; a lock another process holds shows through F_GETLK. (Locks this
    /// process holds do not show, which is why `restore` opens the store it replaces nowhere.)
    static func storeIsOpenElsewhere(_ path: String) -> Bool {
        // The database file's SHARED range, and the -shm's DMS byte (SQLite's unix VFS).
        let sharedFirst: off_t = 0x4000_0000 + 2, sharedLength: off_t = 510
        return isLocked(path, start: sharedFirst, length: sharedLength) || isLocked(path + "-shm", start: 128, length: 1)
    }

    private static func isLocked(_ path: String, start: off_t, length: off_t) -> Bool {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return false }
        // Closing any descriptor of a file drops this process's POSIX locks on it: none are held here.
        defer { close(descriptor) }
        var lock = flock()
        lock.l_type = Int16(F_WRLCK)
        lock.l_whence = Int16(SEEK_SET)
        lock.l_start = start
        lock.l_len = length
        guard fcntl(descriptor, F_GETLK, &lock) == 0 else { return false }
        return lock.l_type != Int16(F_UNLCK)
    }

    /// Copies `source` to a new 0600 file `target`, streaming.
    private static func copyPrivately(_ source: String, to target: String, folder: String) throws {
        guard let input = FileHandle(forReadingAtPath: source) else { throw StoreError.backup(.notAStore(path: source)) }
        defer { try? input.close() }
        guard let output = PrivateFile.create(target) else { throw StoreError.backup(writeProblem(errno, path: target, folder: folder)) }
        defer { try? output.close() }
        do {
            while let chunk = try input.read(upToCount: 1 << 20), !chunk.isEmpty { try output.write(contentsOf: chunk) }
            try output.synchronize()
        } catch {
            throw StoreError.backup(writeProblem((error as NSError).code == 0 ? EIO : Int32((error as NSError).code), path: target, folder: folder))
        }
    }

    /// A honsim store has its settings table and its record of migrations; any other SQLite
    /// file is refused before a migration could be applied to it.
    private static func requireHonsimTables(_ path: String, named file: String) throws {
        do {
            let queue = try DatabaseQueue(path: path)
            defer { try? queue.close() }
            let found = try queue.read { db in try db.tableExists("meta") && db.tableExists("grdb_migrations") && db.tableExists("escort_request") }
            guard found else { throw StoreError.backup(.notAStore(path: file)) }
        } catch is DatabaseError {
            throw StoreError.backup(.notAStore(path: file))
        }
    }
}
