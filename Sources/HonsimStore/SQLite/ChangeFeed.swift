import Foundation
import GRDB

extension SQLiteStore {
    /// How often the change feed looks for other processes' writes.
    public static let changePollInterval: Duration = .milliseconds(100)

    /// GRDB's own observation does not see other processes' writes, so a dedicated read-only
    /// connection polls `PRAGMA data_version`, which moves whenever any other connection,
    /// in this process or another, commits.
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
                while !Task.isCancelled {
                    try? await Task.sleep(for: SQLiteStore.changePollInterval)
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
