import Foundation

/// Files that hold the store's data or mention its use (backups, the log): readable by their
/// owner only (0600), whatever the umask. Every such file is created here, so how it is made
/// private can change in one place.
public enum PrivateFile {
    /// Creates `path` as a new, empty file readable and writable by its owner only; fails if
    /// something is already there. Returns nil and leaves `errno` set when it cannot.
    public static func create(_ path: String) -> FileHandle? {
        open(path, flags: O_WRONLY | O_CREAT | O_EXCL)
    }

    /// Opens `path` for appending, creating it 0600 when missing.
    public static func openForAppending(_ path: String) -> FileHandle? {
        open(path, flags: O_WRONLY | O_CREAT | O_APPEND)
    }

    private static func open(_ path: String, flags: Int32) -> FileHandle? {
        let descriptor = Foundation.open(path, flags | O_CLOEXEC, S_IRUSR | S_IWUSR)
        guard descriptor >= 0 else { return nil }
        // The mode given to open() is narrowed by the umask, never widened: make sure, for a
        // file that already existed too.
        _ = fchmod(descriptor, S_IRUSR | S_IWUSR)
        return FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
    }
}
