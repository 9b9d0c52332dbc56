import Foundation
import HonsimStore
import Logging

/// honsim's log: `$XDG_STATE_HOME/honsim/honsim.log` (~/.local/state/honsim/honsim.log), 0600,
/// one line per event, rotated by size (honsim.log.1 … .3). Several processes append to the
/// same file; each notices when another has rotated it and follows to the new file.
final class LogFile: @unchecked Sendable {
    static let maximumBytes: UInt64 = 1 << 20
    static let keptOldFiles = 3

    let path: String
    private let lock = NSLock()
    private var handle: FileHandle?

    init(path: String) {
        self.path = path
    }

    /// The log's path for this environment.
    static func defaultPath(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        let base = environment["XDG_STATE_HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? (environment["HOME"] ?? NSHomeDirectory()) + "/.local/state"
        return base + "/honsim/honsim.log"
    }

    func append(_ line: String) {
        lock.lock()
        defer { lock.unlock() }
        guard let handle = currentHandle() else { return }
        try? handle.write(contentsOf: Data((line + "\n").utf8))
    }

    /// The open file, reopened when another process rotated it away, and rotated here when it
    /// has grown past the limit. Nil when the log cannot be written (a read-only home): honsim
    /// then runs without one rather than fail.
    private func currentHandle() -> FileHandle? {
        if let open = handle, !isStillAtPath(open) {
            try? open.close()
            handle = nil
        }
        if handle == nil { handle = openFile() }
        if let open = handle, ((try? open.seekToEnd()) ?? 0) >= LogFile.maximumBytes {
            try? open.close()
            rotate()
            handle = openFile()
        }
        return handle
    }

    private func openFile() -> FileHandle? {
        let folder = (path as NSString).deletingLastPathComponent
        try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        return PrivateFile.openForAppending(path)
    }

    private func isStillAtPath(_ handle: FileHandle) -> Bool {
        var open = stat(), named = stat()
        guard fstat(handle.fileDescriptor, &open) == 0, stat(path, &named) == 0 else { return false }
        return open.st_ino == named.st_ino && open.st_dev == named.st_dev
    }

    /// honsim.log → honsim.log.1 → … → .3, the oldest dropped.
    private func rotate() {
        let manager = FileManager.default
        try? manager.removeItem(atPath: "\(path).\(LogFile.keptOldFiles)")
        for index in stride(from: LogFile.keptOldFiles - 1, through: 1, by: -1) {
            _ = rename("\(path).\(index)", "\(path).\(index + 1)")
        }
        _ = rename(path, "\(path).1")
    }
}

/// swift-log's handler writing into the log file: `2026-12-06T03:15:00Z warning honsim.store:
/// slow store call call=write ms=812 store=sqlite`.
struct LogFileHandler: LogHandler {
    let label: String
    let file: LogFile
    var logLevel: Logger.Level
    var metadata: Logger.Metadata = [:]

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        let merged = metadata.merging(event.metadata ?? [:]) { $1 }
        let fields = merged.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " ")
        // Foundation's own ISO 8601 style: the older formatter loaded ICU's date data (3.5 MB resident) for one stamp.
        let stamp = Date.ISO8601FormatStyle().format(Date())
        file.append("\(stamp) [\(getpid())] \(event.level) \(label): \(event.message)\(fields.isEmpty ? "" : " " + fields)")
    }
}
