import Foundation
import HonsimCore

/// The kiosk's three views, shown in turn.
public enum KioskView: String, CaseIterable, Hashable, Sendable {
    /// Today's escorts by time, changing live.
    case board
    /// The city's and each gu's figures for this month, in large numbers.
    case figures
    /// Per-dong bars for this month.
    case dongs

    var title: Phrase {
        switch self {
        case .board: KioskText.board
        case .figures: KioskText.figures
        case .dongs: KioskText.dongs
        }
    }
}

/// One screenful of the rotation: a view, and a page of it when it does not fit at once.
public struct KioskScreen: Hashable, Sendable {
    public var view: KioskView
    public var page: Int
}

/// What comes into `kioskUpdate`.
public enum KioskEvent: Sendable {
    case key(Key)
    case resize(width: Int, height: Int)
    case tick(Date)
    case storeChanged
    case loaded(KioskData)
    case failed(String)
}

/// What `kioskUpdate` asks the runtime to do. There is nothing that writes.
public enum KioskEffect: Hashable, Sendable {
    case load
    case quit
}

/// The whole kiosk: no selection, no input, nothing to change; a rotation, a clock, and the
/// state of the store.
public struct KioskState: Sendable {
    public var width: Int
    public var height: Int
    public var language: Language
    public var calendar: Calendar
    public var now: Date
    public var lines: LineSet
    /// The views in the order they rotate.
    public var views: [KioskView]
    public var rotateSeconds: TimeInterval
    public internal(set) var screen: KioskScreen
    public internal(set) var screenSince: Date
    public internal(set) var data: KioskData?
    /// Why the last load failed; the last data stays on screen, marked as stale.
    public internal(set) var storeProblem: String?
    public internal(set) var lastLoadAsked: Date?
    /// When `q` asked "close?"; the question goes away by itself for the next passer-by.
    public internal(set) var confirmingQuitSince: Date?
    public internal(set) var quit = false
    /// Escorts that changed in the last load, marked for a moment.
    public internal(set) var changed: [Int64: Date] = [:]

    /// The centers' booking rules (config `[vehicles]`), for 차량 미확정 on the board.
    public var vehicleRules: VehicleRules = .anyang

    /// A failed load is tried again this often.
    public static let retrySeconds: TimeInterval = 5
    /// Everything is read again this often even without a change notice: a notice can be
    /// lost (the store replaced, the feed restarted), and the day moves on by itself.
    public static let refreshSeconds: TimeInterval = 60
    /// How long "close?" waits for an answer.
    public static let confirmSeconds: TimeInterval = 15
    static let changeMarkSeconds: TimeInterval = 5

    public init(width: Int, height: Int, language: Language, calendar: Calendar, now: Date, lines: LineSet = .unicode,
                views: [KioskView] = KioskView.allCases, rotateSeconds: TimeInterval = 15) {
        self.width = width
        self.height = height
        self.language = language
        self.calendar = calendar
        self.now = now
        self.lines = lines
        self.views = views.isEmpty ? KioskView.allCases : views
        self.rotateSeconds = max(1, rotateSeconds)
        self.screen = KioskScreen(view: self.views[0], page: 0)
        self.screenSince = now
    }

    var layout: KioskLayout { KioskLayout(width: width, height: height, lines: lines) }

    func text(_ phrase: Phrase) -> String { phrase.text(language) }

    /// How many pages a view takes at this size with this data.
    func pages(_ view: KioskView) -> Int {
        guard let data else { return 1 }
        switch view {
        case .board: return KioskLayout.pages(data.board.count, perPage: layout.boardRowsPerPage)
        case .figures: return 1
        case .dongs: return max(1, dongPages(data.dongs, layout: layout).count)
        }
    }

    /// Every screen of the rotation, in order.
    var screens: [KioskScreen] {
        views.flatMap { view in (0..<pages(view)).map { KioskScreen(view: view, page: $0) } }
    }

    /// The screen after this one, or the same view's last page when it has fewer pages now.
    mutating func keepScreenValid() {
        let pages = pages(screen.view)
        if screen.page >= pages { screen.page = pages - 1 }
    }

    mutating func advance() {
        let all = screens
        let index = all.firstIndex(of: screen) ?? -1
        screen = all[(index + 1) % all.count]
        screenSince = now
    }
}

/// The kiosk's only state transition: pure, so the rotation, the retries and `q` are tested
/// without a terminal. No event leads to a write: the effects are a read and quitting.
public func kioskUpdate(_ state: KioskState, _ event: KioskEvent) -> (KioskState, [KioskEffect]) {
    var state = state
    var effects: [KioskEffect] = []
    switch event {
    case .key(let key):
        if state.confirmingQuitSince != nil {
            state.confirmingQuitSince = nil
            // y on a Korean keyboard layout types ㅛ.
            if key == .character("y") || key == .character("Y") || key == .character("ㅛ") {
                state.quit = true
                effects.append(.quit)
            }
        } else if key == .character("q") || key == .character("Q") || key == .character("ㅂ") {
            state.confirmingQuitSince = state.now
        }
        // Every other key does nothing at all: the kiosk is for looking.
    case .resize(let width, let height):
        state.width = width
        state.height = height
        state.keepScreenValid()
    case .tick(let now):
        let dayChanged = state.data.map { CivilDate($0.loadedAt, calendar: state.calendar) != CivilDate(now, calendar: state.calendar) } ?? false
        state.now = now
        state.changed = state.changed.filter { $0.value > now }
        if let asked = state.confirmingQuitSince, now.timeIntervalSince(asked) >= KioskState.confirmSeconds {
            state.confirmingQuitSince = nil
        }
        if now.timeIntervalSince(state.screenSince) >= state.rotateSeconds { state.advance() }
        let sinceAsked = state.lastLoadAsked.map { now.timeIntervalSince($0) } ?? .infinity
        let due = state.storeProblem != nil ? KioskState.retrySeconds : KioskState.refreshSeconds
        if sinceAsked >= due || dayChanged {
            state.lastLoadAsked = now
            effects.append(.load)
        }
    case .storeChanged:
        state.lastLoadAsked = state.now
        effects.append(.load)
    case .loaded(let data):
        if let old = state.data {
            let versions = Dictionary(old.board.map { ($0.requestID, $0.version) }, uniquingKeysWith: { a, _ in a })
            for row in data.board where versions[row.requestID] != row.version {
                state.changed[row.requestID] = state.now.addingTimeInterval(KioskState.changeMarkSeconds)
            }
        }
        state.data = data
        state.storeProblem = nil
        state.keepScreenValid()
    case .failed(let message):
        state.storeProblem = message
    }
    return (state, effects)
}
