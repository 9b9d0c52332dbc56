import Foundation
import HonsimCore
import HonsimStore

/// How the kiosk reaches its store, and knows to reach it again: a kiosk runs for days, and
/// meanwhile the store may be moved, replaced (`honsim demo --reset`) or briefly gone.
public struct KioskConnection: Sendable {
    /// Opens the store read-only. Async: a PostgreSQL store is reached over the network.
    public var open: @Sendable () async throws -> any KioskStore
    /// False once the store opened is no longer the one at its place.
    public var isCurrent: @Sendable (any KioskStore) -> Bool

    public init(open: @escaping @Sendable () async throws -> any KioskStore, isCurrent: @escaping @Sendable (any KioskStore) -> Bool) {
        self.open = open
        self.isCurrent = isCurrent
    }
}

/// The kiosk on the shared `Runner`: the clock ticks each second, the change feed asks for a
/// read, a failed read is retried, and `kioskUpdate` decides what is shown. It starts
/// whether or not the store can be reached, and keeps going when it cannot.
public typealias KioskRunner = Runner<KioskProgram>

extension Runner where Program == KioskProgram {
    /// `opened` is the store when the caller has already opened it (for its calendar), so that
    /// the kiosk does not open it a second time.
    public convenience init(connection: KioskConnection, opened: (any KioskStore)? = nil, terminal: any Terminal, theme: Theme,
                            state: KioskState, pollMilliseconds: Int = 100) {
        self.init(program: KioskProgram(connection: connection, opened: opened, theme: theme, state: state), terminal: terminal,
                  pollMilliseconds: pollMilliseconds, tickInterval: 1, threadName: "honsim.kiosk")
    }

    public var state: KioskState { program.state }

    /// Waits for the read in flight, if any: benchmarks step the loop without real time.
    public func settle() async { await program.settle() }
}

/// The kiosk's state, `kioskUpdate` and view for the runner. Its only effect is a read.
public final class KioskProgram: LoopProgram, @unchecked Sendable {
    let connection: KioskConnection
    let theme: Theme
    public private(set) var state: KioskState
    public let inbox = Inbox<KioskEvent>()

    /// The open store and its change feed; reads run in background tasks, hence the lock.
    private let storeLock = NSLock()
    private var store: (any KioskStore)?
    private var feed: Task<Void, Never>?

    private var loading = false
    private var loadAgain = false
    private var pendingLoad: Task<Void, Never>?

    init(connection: KioskConnection, opened: (any KioskStore)?, theme: Theme, state: KioskState) {
        self.connection = connection
        self.theme = theme
        self.state = state
        if let opened { adopt(opened) }
    }

    public var isDone: Bool { state.quit }

    /// The first read.
    public func start(width: Int, height: Int, now: Date) {
        state.width = width
        state.height = height
        receive(.tick(now))
    }

    public func receive(_ input: InputEvent) {
        switch input {
        case .key(let key): receive(KioskEvent.key(key))
        case .resize(let width, let height): receive(KioskEvent.resize(width: width, height: height))
        }
    }

    public func tick(_ now: Date) {
        receive(.tick(now))
        // A store moved away or replaced sends no change notice: look for that every few
        // seconds (one stat of the file), and read, which reopens it or says it is gone.
        let second = Int(now.timeIntervalSince1970.rounded(.down))
        if second % Int(KioskState.retrySeconds) == 0, let store = storeLock.withLock({ store }), !connection.isCurrent(store) {
            receive(.storeChanged)
        }
    }

    public func frame() -> Canvas { renderKiosk(state, theme: theme) }

    /// Ends the change feed.
    public func stop() {
        storeLock.withLock {
            feed?.cancel()
            feed = nil
            store = nil
        }
    }

    func settle() async {
        if let task = storeLock.withLock({ pendingLoad }) { await task.value }
    }

    public func receive(_ event: KioskEvent) {
        switch event {
        case .loaded, .failed:
            loading = false
        default: break
        }
        let (next, effects) = kioskUpdate(state, event)
        state = next
        for effect in effects {
            switch effect {
            case .quit: state.quit = true
            case .load: load()
            }
        }
        if !loading && loadAgain {
            loadAgain = false
            load()
        }
    }

    /// One read at a time; a change during a read asks for one more afterwards.
    private func load() {
        if loading {
            loadAgain = true
            return
        }
        loading = true
        let now = state.now, language = state.language, calendar = state.calendar, vehicleRules = state.vehicleRules
        let task = Task { [self, inbox] in
            do {
                let store = try await currentStore()
                inbox.post(.loaded(try await KioskLoader.load(store, now: now, vehicleRules: vehicleRules)))
            } catch {
                // Whatever went wrong, the next attempt opens the store afresh.
                drop()
                inbox.post(.failed(DashboardLoader.describe(error, language: language, calendar: calendar)))
            }
        }
        storeLock.withLock { pendingLoad = task }
    }

    /// The store, opened again when it is not open or no longer the file at its path; a new
    /// store gets a new change feed. Only the one read in flight calls this, so the opening
    /// itself needs no lock, and none is held while it waits on the network.
    private func currentStore() async throws -> any KioskStore {
        if let open = storeLock.withLock({ store }), connection.isCurrent(open) { return open }
        drop()
        let opened = try await connection.open()
        adopt(opened)
        return opened
    }

    /// Makes `opened` the kiosk's store, with a change feed of its own.
    private func adopt(_ opened: any KioskStore) {
        storeLock.withLock {
            store = opened
            feed = Task { [inbox] in
                for await _ in opened.changes() { inbox.post(.storeChanged) }
            }
        }
    }

    private func drop() {
        storeLock.withLock {
            feed?.cancel()
            feed = nil
            store = nil
        }
    }
}
