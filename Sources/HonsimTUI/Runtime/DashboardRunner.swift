import Foundation
import HonsimCore
import HonsimStore

/// Events from background tasks (store reads, the change feed) wait here for the main loop
/// (the dashboard's or the kiosk's).
final class Inbox<Event: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var events: [Event] = []

    func post(_ event: Event) {
        lock.lock()
        events.append(event)
        lock.unlock()
    }

    func drain() -> [Event] {
        lock.lock()
        defer { lock.unlock() }
        let drained = events
        events.removeAll(keepingCapacity: true)
        return drained
    }
}

/// The main loop: keys from the terminal, results and change notices from the store, a clock
/// tick each second; `update` turns each into new state and effects; `view` draws a frame
/// when something changed. The loop runs on its own thread because reading keys blocks.
public final class DashboardRunner: @unchecked Sendable {
    let store: any CaseStore
    let terminal: any Terminal
    let theme: Theme
    var state: AppState
    let inbox = Inbox<AppEvent>()
    /// How long to wait for a key before looking at the inbox.
    let pollMilliseconds: Int
    let refreshInterval: TimeInterval
    private var loading = false
    private var loadAgain = false

    public init(store: any CaseStore, terminal: any Terminal, theme: Theme, state: AppState,
                pollMilliseconds: Int = 50, refreshInterval: TimeInterval = 1) {
        self.store = store
        self.terminal = terminal
        self.theme = theme
        self.state = state
        self.pollMilliseconds = pollMilliseconds
        self.refreshInterval = refreshInterval
    }

    /// Runs until the coordinator quits or a signal arrives; returns the exit status.
    public func run() async -> Int32 {
        let feed = Task { [inbox, store] in
            for await _ in store.changes() { inbox.post(.storeChanged) }
        }
        defer { feed.cancel() }
        return await withCheckedContinuation { continuation in
            let thread = Thread { [self] in continuation.resume(returning: loop()) }
            thread.name = "honsim.dashboard"
            thread.start()
        }
    }

    func loop() -> Int32 {
        defer { terminal.close() }
        state.width = terminal.width
        state.height = terminal.height
        perform([.load, .loadStatistics(state.period.period(now: state.now, calendar: state.calendar))])
        var dirty = true
        var lastTick = Date()
        while !state.quit {
            // SIGINT, SIGTERM, SIGHUP: leave through the same door as q, restoring the terminal.
            if let number = terminal.pendingSignal { return 128 + number }
            if dirty {
                terminal.draw(renderFrame(state, theme: theme))
                dirty = false
            }
            if let event = terminal.nextEvent(timeoutMilliseconds: pollMilliseconds) {
                dirty = apply(event.appEvent) || dirty
            }
            for event in inbox.drain() { dirty = apply(event) || dirty }
            let now = Date()
            if now.timeIntervalSince(lastTick) >= refreshInterval {
                lastTick = now
                dirty = apply(.tick(now)) || dirty
            }
        }
        return 0
    }

    /// Feeds one event through `update`; true when the screen should be redrawn.
    @discardableResult
    func apply(_ event: AppEvent) -> Bool {
        switch event {
        case .loaded, .failed:
            loading = false
            if loadAgain { loadAgain = false; perform([.load]) }
        default: break
        }
        let (next, effects) = update(state, event)
        state = next
        perform(effects)
        return true
    }

    func perform(_ effects: [Effect]) {
        for effect in effects {
            switch effect {
            case .quit:
                state.quit = true
            case .load:
                // One load at a time; a change during a load asks for one more afterwards.
                if loading { loadAgain = true; continue }
                loading = true
                let now = state.now, language = state.language
                Task { [inbox, store] in
                    // A failed load keeps the last data on screen and says why in the status bar.
                    do { inbox.post(.loaded(try await DashboardLoader.load(store, now: now))) } catch {
                        inbox.post(.failed(DashboardLoader.describe(error, language: language, calendar: store.calendar)))
                    }
                }
            case .loadStatistics(let period):
                let now = state.now, language = state.language
                Task { [inbox, store] in
                    do {
                        let report = try await store.statistics(for: period, now: now)
                        let weekly = try await store.weeklyRequestCounts(weeks: 12, now: now)
                        inbox.post(.statisticsLoaded(StatisticsData(report: report, weekly: weekly)))
                    } catch {
                        inbox.post(.failed(DashboardLoader.describe(error, language: language, calendar: store.calendar)))
                    }
                }
            case .recordDetailView(let householdID, let requestID):
                let language = state.language
                Task { [inbox, store] in
                    do { _ = try await store.householdRecord(id: householdID, reveal: .full(requestID: requestID)) } catch {
                        inbox.post(.failed(DashboardLoader.describe(error, language: language, calendar: store.calendar)))
                    }
                }
            case .files(let work):
                performFileWork(work)
            case .loadFreeVolunteers(let requestID, let span):
                Task { [inbox, store] in
                    if let free = try? await store.freeVolunteers(in: span) {
                        inbox.post(.freeVolunteersLoaded(requestID: requestID, volunteerIDs: Set(free.map(\.id))))
                    }
                }
            case .loadCandidates, .searchCandidates, .write, .loadHouseholds, .loadActivity, .loadPlan, .records:
                let language = state.language
                Task { [inbox, store] in
                    if let event = await StoreWork.event(for: effect, store: store, language: language) { inbox.post(event) }
                }
            }
        }
    }
}

extension InputEvent {
    var appEvent: AppEvent {
        switch self {
        case .key(let key): .key(key)
        case .resize(let width, let height): .resize(width: width, height: height)
        }
    }
}

/// Reads what the panes show.
public enum DashboardLoader {
    /// How far ahead the requests pane looks, and how many rows it holds at most.
    static let horizon: TimeInterval = 14 * 86_400
    static let maximumRequests = 2_000

    public static func load(_ store: any CaseStore, now: Date) async throws -> DashboardData {
        let requests = try await store.openRequests(until: now.addingTimeInterval(horizon), limit: maximumRequests)
        return DashboardData(
            dongs: try await store.dongs(),
            requests: requests,
            households: try await store.households(ids: Set(requests.map(\.householdID))),
            volunteers: try await store.volunteers(),
            summaries: try await store.volunteerSummaries(now: now),
            storeIsEmpty: try await store.isEmpty(),
            loadedAt: now)
    }

    static func describe(_ error: any Error, language: Language, calendar: Calendar) -> String {
        if let error = error as? StoreError { return error.message(language, calendar: calendar) }
        return String(describing: error)
    }
}
