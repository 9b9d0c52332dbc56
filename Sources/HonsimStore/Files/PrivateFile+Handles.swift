import Foundation

/// Private files written piece by piece rather than whole: a backup SQLite copies its pages
/// into, the log that each process appends to. Same mode as every private file (0600).
extension PrivateFile {
    /// Creates `path` as a new, empty file readable and writable by its owner only; fails if
    /// something is already there. Returns nil and leaves `errno` set when it cannot.
    public static func create(_ path: String) -> FileHandle? {
        handle(path, flags: O_WRONLY | O_CREAT | O_EXCL)
    }

    /// Opens `path` for appending, creating it 0600 when missing.
    public static func openForAppending(_ path: String) -> FileHandle? {
        handle(path, flags: O_WRONLY | O_CREAT | O_APPEND)
    }

    private static func handle(_ path: String, flags: Int32) -> FileHandle? {
        let descriptor = open(path, flags | O_CLOEXEC, mode)
        guard descriptor >= 0 else { return nil }
        // The mode given to open() is narrowed by the umask, never widened: say it outright,
        // for a file that already existed too.
        _ = fchmod(descriptor, mode)
        return FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
    }
}
