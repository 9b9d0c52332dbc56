import Foundation

/// A file as the system knows it (device and inode), not by its path: a store that was moved
/// away, deleted, or replaced by a new file at the same path (`honsim demo --reset`) has
/// another identity, and a process that keeps running for days (the kiosk) must reopen it.
struct FileIdentity: Sendable, Hashable {
    let device: UInt64
    let inode: UInt64

    init?(path: String) {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        device = UInt64(info.st_dev)
        inode = UInt64(info.st_ino)
    }
}

extension SQLiteStore {
    /// True while the path still names the file this store opened.
    public var isStillAtItsPath: Bool {
        guard let openedFile else { return false }
        return FileIdentity(path: location) == openedFile
    }
}
