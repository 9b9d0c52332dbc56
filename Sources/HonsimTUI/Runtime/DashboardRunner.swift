import Foundation
import HonsimCore
import HonsimStore

/// The dashboard on the shared `Runner`: keys from the terminal, results and change notices
/// from the store, a clock tick each refresh interval.
public typealias DashboardRunner = Runner<DashboardProgram>

extension Runner where Program == DashboardProgram {
    public convenience init(store: any CaseStore, terminal: any Terminal, theme: Theme, state: AppState,
                            pollMilliseconds: Int = 50, refreshInterval: TimeInterval = 1) {
        self.init(program: DashboardProgram(store: store, theme: theme, state: state, markers: BenchMarkers.fromEnvironment()), terminal: terminal,
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
    /// The parts whose read is on its way, and those to read once more when it is back.
    private var reading: Set<DashboardPart> = []
    private var readAgain: Set<DashboardPart> = []

    /// Only for `honsim-bench open` (see `BenchMarkers`).
    private let markers: BenchMarkers?

    init(store: any CaseStore, theme: Theme, state: AppState, markers: BenchMarkers? = nil) {
        self.store = store
        self.theme = theme
        self.state = state
        self.markers = markers
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
        if let part = event.answeredPart { readAnswered(part) }
        let (next, effects) = update(state, event)
        state = next
        perform(effects)
    }

    public func tick(_ now: Date) { receive(.tick(now)) }

    public func frame() -> Canvas { renderFrame(state, theme: theme) }

    public func drawn() { markers?.drawn(state.loads) }

    public func stop() {
        feed?.cancel()
        feed = nil
    }

    func perform(_ effects: [Effect]) {
        // `.load` is the two parts' reads, each running on its own so that neither waits for the other.
        for effect in effects.flatMap({ $0 == .load ? [Effect.loadRequests, .loadVolunteers] : [$0] }) {
            if let part = effect.coalescedPart {
                // One read of a part at a time; a change during it asks for one more afterwards.
                if reading.contains(part) { readAgain.insert(part); continue }
                reading.insert(part)
            }
            let interpreter = EffectInterpreter(store: store, language: state.language, now: state.now)
            Task { [inbox] in
                if let event = await interpreter.run(effect) { inbox.post(event) }
            }
        }
    }

    /// A part's read is back: the next one may start, at once if a change came meanwhile.
    private func readAnswered(_ part: DashboardPart) {
        reading.remove(part)
        if readAgain.remove(part) != nil { perform([part == .requests ? .loadRequests : .loadVolunteers]) }
    }
}

extension Effect {
    /// The parts whose reads are not started twice at once.
    var coalescedPart: DashboardPart? {
        switch self {
        case .loadRequests: .requests
        case .loadVolunteers: .volunteers
        default: nil
        }
    }
}

extension AppEvent {
    /// The part whose read this event answers, for the runtime's one-at-a-time rule.
    var answeredPart: DashboardPart? {
        switch self {
        case .requestsLoaded, .partFailed(.requests, _): .requests
        case .volunteersLoaded, .partFailed(.volunteers, _): .volunteers
        default: nil
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

    /// Both parts in one go: for tests and benchmarks that want the whole screen at once.
    public static func load(_ store: any StoreReads & DayBefore & VolunteerSide & StandingSeriesStore, now: Date) async throws -> DashboardData {
        async let part = requests(store, now: now)
        async let staff = roster(store, now: now)
        return DashboardData(try await part, roster: try await staff)
    }

    /// What the requests pane shows: the dashboard's first read, drawn as soon as it is back.
    /// Its reads run side by side (SQLite's readers and PostgreSQL's pooled connections each
    /// take one): a reload after another dashboard's assign waits for the slowest, not the sum.
    public static func requests(_ store: any StoreReads & DayBefore & VolunteerSide & StandingSeriesStore, now: Date) async throws -> RequestsPart {
        async let dongs = store.dongs()
        async let storeIsEmpty = store.isEmpty()
        let requests = try await store.openRequests(until: now.addingTimeInterval(horizon), limit: maximumRequests)
        async let households = store.households(ids: Set(requests.map(\.householdID)))
        async let bookings = store.bookings(requestIDs: Set(requests.filter(\.transport.needsBooking).map(\.id)))
        async let returnLegs = store.returnLegs(requestIDs: Set(requests.map(\.id)))
        var part = RequestsPart(dongs: try await dongs, requests: requests, households: try await households,
                                storeIsEmpty: try await storeIsEmpty, loadedAt: now)
        part.bookings = try await bookings
        part.returnLegs = ReturnLegLinks(try await returnLegs)
        return part
    }

    /// What the volunteer pane shows, its reads side by side. It reads the dongs itself (a few
    /// hundred rows) so that it need not wait for the requests part to name them.
    public static func roster(_ store: any StoreReads & DayBefore & VolunteerSide & StandingSeriesStore, now: Date) async throws -> VolunteerRoster {
        async let dongs = store.dongs()
        async let volunteers = store.volunteers()
        async let summaries = store.volunteerSummaries(now: now)
        async let settings = store.volunteerSettings()
        var roster = VolunteerRoster(volunteers: try await volunteers, summaries: try await summaries, dongs: try await dongs)
        roster.volunteerSettings = try await settings
        roster.expiring = Credentials.expiring(roster.volunteers, today: CivilDate(now, calendar: store.calendar), within: credentialsHorizonDays,
                                               rules: roster.volunteerSettings.credentials, calendar: store.calendar)
        ProcessMemory.releaseFreed()
        return roster
    }

    static func describe(_ error: any Error, language: Language, calendar: Calendar) -> String {
        if let error = error as? StoreError { return error.message(language, calendar: calendar) }
        return String(describing: error)
    }
}
