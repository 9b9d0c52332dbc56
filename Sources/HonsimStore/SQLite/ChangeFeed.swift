import Foundation
import GRDB

extension SQLiteStore {
    /// How often the change feed reads `PRAGMA data_version` when it has seen no sign of a
    /// commit: the most a commit can go unnoticed, whatever the file system.
    public static let changePollInterval: Duration = .milliseconds(100)

    /// How often it looks at the write-ahead log's size and time. A commit appends to the log,
    /// so a change there is the first sign of one, seen within a few milliseconds; a look is
    /// one `stat`, cheap enough for every dashboard and kiosk to make a hundred times a second.
    public static let walWatchInterval: Duration = .milliseconds(10)

    /// GRDB's own observation does not see other processes' writes, so a dedicated read-only
    /// connection reads `PRAGMA data_version`, which moves whenever any other connection,
    /// in this process or another, commits: at once when the log's size or time changed,
    /// and every `changePollInterval` in any case (a log checkpointed and rewritten to the
    /// same size within one tick of the clock, a file system that caches file times).
    public func changes() -> AsyncStream<StoreChange> {
        let path = location
        return AsyncStream { continuation in
            let task = Task.detached {
                var configuration = Configuration()
                configuration.readonly = true
                configuration.busyMode = .timeout(1)
                configuration.label = "honsim.changes"
                guard let watcher = try? DatabaseQueue(path: path, configuration: configuration) else {
                    continuation.finish()
                    return
                }
                let version: @Sendable () -> Int? = {
                    try? watcher.inDatabase { db in try Int.fetchOne(db, sql: "PRAGMA data_version") }
                }
                var last = version()
                var log = WriteAheadLogLook(path + "-wal")
                var sinceRead: Duration = .zero
                while !Task.isCancelled {
                    try? await Task.sleep(for: SQLiteStore.walWatchInterval)
                    sinceRead += SQLiteStore.walWatchInterval
                    guard log.changed() || sinceRead >= SQLiteStore.changePollInterval else { continue }
                    sinceRead = .zero
                    let current = version()
                    if let current, current != last {
                        last = current
                        continuation.yield(StoreChange(observedAt: Date()))
                    }
                }
                continuation.finish()
            }
            continuation.onTermination = { _ in task.cancel() }
        }
    }
}

/// The write-ahead log's size and modification time, compared with the last look.
struct WriteAheadLogLook {
    let path: String
    private var last: (size: Int64, seconds: Int, nanoseconds: Int)?

    init(_ path: String) {
        self.path = path
        last = WriteAheadLogLook.look(path)
    }

    /// Whether the log looks different from the last time (appearing or going counts).
    mutating func changed() -> Bool {
        let now = WriteAheadLogLook.look(path)
        defer { last = now }
        return now?.size != last?.size || now?.seconds != last?.seconds || now?.nanoseconds != last?.nanoseconds
    }

    private static func look(_ path: String) -> (size: Int64, seconds: Int, nanoseconds: Int)? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return (Int64(info.st_size), info.st_mtim.tv_sec, info.st_mtim.tv_nsec)
    }
}
