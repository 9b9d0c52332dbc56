import Foundation
import GRDB
import GRDBSQLite

/// Copies the write-ahead log back into the store file after the commit rather than inside it.
///
/// SQLite's own automatic checkpoint runs in the committing call once the log passes a
/// thousand pages: the write that crosses the line waits while the log is copied and the store
/// file is synced. For a large write (the run sheets' access log of a city's day, an import)
/// that was two thirds of the commit. Here the writer's commit hook only notes the log's
/// length, and a connection of its own does a passive checkpoint on a background queue: it
/// copies what no reader still needs and never blocks a reader or the next writer.
///
/// Durability does not change: a commit is on disk when its log frames are synced, which the
/// writer still does itself (`synchronous = FULL`). A process that ends before the checkpoint
/// leaves the log to the next connection, as a crash always could.
final class LogCheckpointer: @unchecked Sendable {
    /// SQLite's own threshold for its automatic checkpoint, in log pages.
    static let threshold: CInt = 1_000

    /// A log this long is checkpointed by the writer itself, as SQLite would: writes that come
    /// faster than the background can copy them do not grow the log without end.
    static let ceiling: CInt = 10 * threshold

    let path: String
    /// Serial: one checkpoint at a time (the tests hold it up to see the writer take over).
    let queue = DispatchQueue(label: "honsim.checkpoint", qos: .utility)
    private let state = Locked(State())
    /// Made by the queue on first use, and used by it only.
    private var connection: DatabaseQueue?

    struct State {
        var running = false
        var again = false
        /// Checkpoints done, and what the last one found: the tests watch these.
        var done = 0
        var last: (walFrameCount: Int, checkpointedFrameCount: Int)?
    }

    init(path: String) { self.path = path }

    /// Takes over the writer connection's commit hook from SQLite's automatic checkpoint. The
    /// hook is called on the writer's thread right after each commit, with the log's length.
    func install(on db: Database) {
        sqlite3_wal_hook(db.sqliteConnection, { context, connection, name, pages in
            if pages >= LogCheckpointer.ceiling {
                sqlite3_wal_checkpoint_v2(connection, name, SQLITE_CHECKPOINT_PASSIVE, nil, nil)
            } else if pages >= LogCheckpointer.threshold, let context {
                Unmanaged<LogCheckpointer>.fromOpaque(context).takeUnretainedValue().nudge()
            }
            return SQLITE_OK
        }, Unmanaged.passUnretained(self).toOpaque())
    }

    /// Asks for a checkpoint soon: one runs at a time, and one asked for while it runs follows it.
    func nudge() {
        let start = state.withLock { state -> Bool in
            if state.running { state.again = true; return false }
            state.running = true
            return true
        }
        guard start else { return }
        queue.async { [self] in
            while true {
                let result = checkpoint()
                let more = state.withLock { state -> Bool in
                    state.done += 1
                    state.last = result
                    if state.again { state.again = false; return true }
                    state.running = false
                    return false
                }
                if !more { return }
            }
        }
    }

    /// The checkpoints done so far and the last one's counts (log pages, pages copied).
    var progress: (done: Int, last: (walFrameCount: Int, checkpointedFrameCount: Int)?) {
        state.withLock { ($0.done, $0.last) }
    }

    /// A failed checkpoint loses nothing: the log stays, and the next commit past the threshold asks again.
    private func checkpoint() -> (walFrameCount: Int, checkpointedFrameCount: Int)? {
        do {
            if connection == nil {
                var configuration = Configuration()
                configuration.label = "honsim.checkpoint"
                connection = try DatabaseQueue(path: path, configuration: configuration)
            }
            return try connection?.writeWithoutTransaction { db in try db.checkpoint(.passive) }
        } catch {
            return nil
        }
    }
}
