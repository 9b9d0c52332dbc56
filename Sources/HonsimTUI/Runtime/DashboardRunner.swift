import Foundation
import HonsimCore
import HonsimStore

/// The dashboard on the shared `Runner`: keys from the terminal, results and change notices
/// from the store, a clock tick each refresh interval.
public typealias DashboardRunner = Runner<DashboardProgram>

extension Runner where Program == DashboardProgram {
    public convenience init(store: any CaseStore, terminal: any Terminal, theme: Theme, state: AppState,
                            pollMilliseconds: Int = 50, refreshInterval: TimeInterval = 1) {
        self.init(program: DashboardProgram(store: store, theme: theme, state: state), terminal: terminal,
                  pollMilliseconds: pollMilliseconds, tickInterval: refreshInterval, threadName: "honsim.dashboard")
    }

    public var state: AppState { program.state }
}

/// The dashboard's state, `update` and `view` for the runner; its effects go to the one
/// `EffectInterpreter`, each in a background task that posts its event to the inbox.
public final class DashboardProgram: LoopProgram, @unchecked Sendable {
    let store: any CaseStore
    let theme: Theme
    public private(set) var state: AppState
    public let inbox = Inbox<AppEvent>()
    private var feed: Task<Void, Never>?
    private var loading = false
    private var loadAgain = false

    init(store: any CaseStore, theme: Theme, state: AppState) {
        self.store = store
        self.theme = theme
        self.state = state
    }

    public var isDone: Bool { state.quit }

    public func start(width: Int, height: Int, now: Date) {
        feed = Task { [inbox, store] in
            for await _ in store.changes() { inbox.post(.storeChanged) }
        }
        state.width = width
        state.height = height
        perform([.load, .loadStatistics(state.period.period(now: state.now, calendar: state.calendar))])
    }

    public func receive(_ input: InputEvent) { receive(input.appEvent) }

    public func receive(_ event: AppEvent) {
        switch event {
        case .loaded, .failed:
            loading = false
            if loadAgain { loadAgain = false; perform([.load]) }
        default: break
        }
        let (next, effects) = update(state, event)
        state = next
        perform(effects)
    }

    public func tick(_ now: Date) { receive(.tick(now)) }

    public func frame() -> Canvas { renderFrame(state, theme: theme) }

    public func stop() {
        feed?.cancel()
        feed = nil
    }

    func perform(_ effects: [Effect]) {
        for effect in effects {
            if case .load = effect {
                // One load at a time; a change during a load asks for one more afterwards.
                if loading { loadAgain = true; continue }
                loading = true
            }
            let interpreter = EffectInterpreter(store: store, language: state.language, now: state.now)
            Task { [inbox] in
                if let event = await interpreter.run(effect) { inbox.post(event) }
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

    /// How far ahead the volunteer pane and the credentials list (`e`) look for lapsing credentials.
    static let credentialsHorizonDays = 30

    /// The panes' reads run side by side (SQLite's readers and PostgreSQL's pooled connections
    /// each take one): a reload after another dashboard's assign waits for the slowest read,
    /// not for all of them one after another.
    public static func load(_ store: any StoreReads & DayBefore & VolunteerSide & StandingSeriesStore, now: Date) async throws -> DashboardData {
        async let dongs = store.dongs()
        async let volunteers = store.volunteers()
        async let summaries = store.volunteerSummaries(now: now)
        async let storeIsEmpty = store.isEmpty()
        async let settings = store.volunteerSettings()
        let requests = try await store.openRequests(until: now.addingTimeInterval(horizon), limit: maximumRequests)
        async let households = store.households(ids: Set(requests.map(\.householdID)))
        async let bookings = store.bookings(requestIDs: Set(requests.filter(\.transport.needsBooking).map(\.id)))
        async let returnLegs = store.returnLegs(requestIDs: Set(requests.map(\.id)))
        var data = DashboardData(
            dongs: try await dongs,
            requests: requests,
            households: try await households,
            volunteers: try await volunteers,
            summaries: try await summaries,
            storeIsEmpty: try await storeIsEmpty,
            loadedAt: now)
        data.bookings = try await bookings
        data.volunteerSettings = try await settings
        data.returnLegs = ReturnLegLinks(try await returnLegs)
        data.expiring = Credentials.expiring(data.volunteers, today: CivilDate(now, calendar: store.calendar), within: credentialsHorizonDays,
                                             rules: data.volunteerSettings.credentials, calendar: store.calendar)
        return data
    }

    static func describe(_ error: any Error, language: Language, calendar: Calendar) -> String {
        if let error = error as? StoreError { return error.message(language, calendar: calendar) }
        return String(describing: error)
    }
}
