import Foundation
import HonsimCore

/// Files honsim writes that hold people's data (exports, reports, sheets, backups): readable and
/// writable by their owner only (0600) whatever the umask, and never seen half-written. The
/// bytes go to a temporary file beside the target, are flushed to disk, and only then take the
/// target's name in one rename; a failure at any step leaves no file behind.
public enum PrivateFile {
    /// The mode every such file gets: the owner reads and writes, nobody else anything.
    public static let mode: mode_t = 0o600

    /// Writes `data` to `path`. `replacing` false refuses a file already there (EEXIST) rather
    /// than overwrite it, still atomically: the name is taken by a hard link, which fails when
    /// it exists.
    public static func write(_ data: Data, to path: String, replacing: Bool = true) throws {
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent().path
        let temporary = folder + "/.\(url.lastPathComponent).\(getpid()).\(UInt32.random(in: 0...UInt32.max)).tmp"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode)
        guard descriptor >= 0 else { throw FileWriteError(path: path, code: errno) }
        var keepTemporary = false
        defer { if !keepTemporary { unlink(temporary) } }
        do {
            defer { close(descriptor) }
            // The umask can only take bits away, and a strict one (0777) would take the owner's:
            // say the mode outright.
            guard fchmod(descriptor, mode) == 0 else { throw FileWriteError(path: path, code: errno) }
            try data.withUnsafeBytes { (bytes: UnsafeRawBufferPointer) in
                var offset = 0
                while offset < bytes.count {
                    let written = Foundation.write(descriptor, bytes.baseAddress.map { $0 + offset }, bytes.count - offset)
                    if written < 0 {
                        if errno == EINTR { continue }
                        throw FileWriteError(path: path, code: errno)
                    }
                    offset += written
                }
            }
            guard fsync(descriptor) == 0 else { throw FileWriteError(path: path, code: errno) }
        }
        if replacing {
            guard rename(temporary, path) == 0 else { throw FileWriteError(path: path, code: errno) }
            keepTemporary = true
        } else {
            guard link(temporary, path) == 0 else { throw FileWriteError(path: path, code: errno) }
        }
    }

    /// Writes text as UTF-8.
    public static func write(_ text: String, to path: String, replacing: Bool = true) throws {
        try write(Data(text.utf8), to: path, replacing: replacing)
    }
}

/// A private file could not be written; nothing was left at `path`.
public struct FileWriteError: Error, Sendable, Equatable {
    public let path: String
    public let code: Int32

    public init(path: String, code: Int32) {
        self.path = path
        self.code = code
    }

    public var exists: Bool { code == EEXIST }

    /// One sentence: what could not be written, why, and that nothing was left half-written.
    public func message(_ language: Language) -> String {
        let reason = String(cString: strerror(code))
        return language == .ko ? "파일을 쓰지 못했습니다(\(reason)). 반쯤 쓰인 파일은 남지 않았습니다: \(path)"
            : "could not write the file (\(reason)); nothing half-written was left: \(path)"
    }
}
