import Foundation
import HonsimCore
import HonsimStore

/// How the kiosk reaches its store, and knows to reach it again: a kiosk runs for days, and
/// meanwhile the store may be moved, replaced (`honsim demo --reset`) or briefly gone.
public struct KioskConnection: Sendable {
    /// Opens the store read-only. Async: a PostgreSQL store is reached over the network.
    public var open: @Sendable () async throws -> any CaseStore
    /// False once the store opened is no longer the one at its place.
    public var isCurrent: @Sendable (any CaseStore) -> Bool

    public init(open: @escaping @Sendable () async throws -> any CaseStore, isCurrent: @escaping @Sendable (any CaseStore) -> Bool) {
        self.open = open
        self.isCurrent = isCurrent
    }
}

/// The kiosk's main loop: the clock ticks each second, the change feed asks for a read,
/// a failed read is retried, and `kioskUpdate` decides what is shown. It starts whether or
/// not the store can be reached, and keeps going when it cannot.
public final class KioskRunner: @unchecked Sendable {
    let connection: KioskConnection
    let terminal: any Terminal
    let theme: Theme
    public private(set) var state: KioskState
    let inbox = Inbox<KioskEvent>()
    let pollMilliseconds: Int

    /// The open store and its change feed; reads run in background tasks, hence the lock.
    private let storeLock = NSLock()
    private var store: (any CaseStore)?
    private var feed: Task<Void, Never>?

    private var loading = false
    private var loadAgain = false
    private var pendingLoad: Task<Void, Never>?
    private var lastTickSecond: Int?
    public private(set) var framesDrawn = 0

    /// `opened` is the store when the caller has already opened it (for its calendar), so that
    /// the kiosk does not open it a second time.
    public init(connection: KioskConnection, opened: (any CaseStore)? = nil, terminal: any Terminal, theme: Theme, state: KioskState,
                pollMilliseconds: Int = 100) {
        self.connection = connection
        self.terminal = terminal
        self.theme = theme
        self.state = state
        self.pollMilliseconds = pollMilliseconds
        if let opened { adopt(opened) }
    }

    /// Runs until `q` is confirmed or a signal arrives; returns the exit status.
    public func run() async -> Int32 {
        await withCheckedContinuation { continuation in
            let thread = Thread { [self] in continuation.resume(returning: loop()) }
            thread.name = "honsim.kiosk"
            thread.start()
        }
    }

    func loop() -> Int32 {
        defer {
            terminal.close()
            stop()
        }
        start(now: Date())
        while !state.quit {
            if let number = terminal.pendingSignal { return 128 + number }
            step(now: Date(), waitMilliseconds: pollMilliseconds)
        }
        return 0
    }

    /// The first frame and the first read.
    public func start(now: Date) {
        state.width = terminal.width
        state.height = terminal.height
        apply(.tick(now))
        draw()
    }

    /// One turn of the loop: a key or a resize if one comes within `waitMilliseconds`, what
    /// the background reads posted, and the clock once a second. Draws when anything changed.
    public func step(now: Date, waitMilliseconds: Int) {
        var dirty = false
        if let event = terminal.nextEvent(timeoutMilliseconds: waitMilliseconds) {
            switch event {
            case .key(let key): apply(.key(key))
            case .resize(let width, let height): apply(.resize(width: width, height: height))
            }
            dirty = true
        }
        for event in inbox.drain() {
            apply(event)
            dirty = true
        }
        let second = Int(now.timeIntervalSince1970.rounded(.down))
        if second != lastTickSecond {
            lastTickSecond = second
            apply(.tick(now))
            // A store moved away or replaced sends no change notice: look for that every few
            // seconds (one stat of the file), and read, which reopens it or says it is gone.
            if second % Int(KioskState.retrySeconds) == 0, let store = storeLock.withLock({ store }), !connection.isCurrent(store) {
                apply(.storeChanged)
            }
            dirty = true
        }
        if dirty { draw() }
    }

    /// Hands an event to the loop as the change feed does; for benchmarks and tests.
    public func post(_ event: KioskEvent) { inbox.post(event) }

    /// Waits for the read in flight, if any: benchmarks step the loop without real time.
    public func settle() async {
        if let task = storeLock.withLock({ pendingLoad }) { await task.value }
    }

    /// Ends the change feed.
    public func stop() {
        storeLock.withLock {
            feed?.cancel()
            feed = nil
            store = nil
        }
    }

    private func draw() {
        terminal.draw(renderKiosk(state, theme: theme))
        framesDrawn += 1
    }

    private func apply(_ event: KioskEvent) {
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
        let now = state.now, language = state.language, calendar = state.calendar
        let task = Task { [self, inbox] in
            do {
                let store = try await currentStore()
                inbox.post(.loaded(try await KioskLoader.load(store, now: now)))
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
    private func currentStore() async throws -> any CaseStore {
        if let open = storeLock.withLock({ store }), connection.isCurrent(open) { return open }
        drop()
        let opened = try await connection.open()
        adopt(opened)
        return opened
    }

    /// Makes `opened` the kiosk's store, with a change feed of its own.
    private func adopt(_ opened: any CaseStore) {
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
