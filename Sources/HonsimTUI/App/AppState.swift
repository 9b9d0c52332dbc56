import Foundation
import HonsimCore
import HonsimStore

public enum Pane: Int, CaseIterable, Hashable, Sendable {
    case requests, volunteers, statistics

    var title: Phrase {
        switch self {
        case .requests: UIText.requests
        case .volunteers: UIText.volunteers
        case .statistics: UIText.statistics
        }
    }
}

/// Everything the requests and volunteer panes show. The dashboard reads it in two parts that
/// arrive on their own (`RequestsPart`, then `VolunteerRoster` when its read is back), so the
/// requests pane is drawn before twenty thousand volunteers are sorted; until the roster has
/// come, `roster` is empty and `AppState.loads.volunteers` says it is still on its way.
public struct DashboardData: Sendable {
    public var dongs: DongDirectory
    /// Open requests (pending, assigned, confirmed, in progress) up to two weeks ahead.
    public var requests: [EscortRequest]
    /// Each request's searchable text, with the household's full name and with it masked
    /// (whichever the screen shows is what may be searched), in both languages.
    public var requestSearch: RequestSearch
    public var households: RecordsByID<Household>
    /// No household, volunteer or request at all (not merely none open).
    public var storeIsEmpty: Bool
    public var loadedAt: Date
    /// The vehicle bookings stored for the requests that go by the center's vehicle or a taxi.
    public var bookings: [Int64: VehicleBooking] = [:]
    /// The return legs of the listed requests: the pane marks both legs, the details name the other.
    public var returnLegs = ReturnLegLinks([])
    /// The volunteers and what is worked out from them; empty until their read is back.
    public var roster = VolunteerRoster.empty

    /// Sorted by name (UTF-8 order, which for Hangul is 가나다 order) once, at load.
    public var volunteers: [Volunteer] { roster.volunteers }
    /// Each volunteer's searchable text, in the same order as `volunteers`.
    public var volunteerSearch: SearchTexts { roster.volunteerSearch }
    /// Positions in `volunteers`, in the order of a sort.
    public func volunteerOrder(_ sort: VolunteerSort) -> [Int32] { roster.volunteerOrder(sort) }
    public var summaries: VolunteerSummaries { roster.summaries }
    /// The council's settings for credentials and expenses, as the store keeps them.
    public var volunteerSettings: VolunteerSettings {
        get { roster.volunteerSettings }
        set { roster.volunteerSettings = newValue }
    }
    /// Credentials of active volunteers that lapse within 30 days, or have lapsed, soonest first.
    public var expiring: [CredentialExpiry] {
        get { roster.expiring }
        set { roster.expiring = newValue }
    }
    /// Who has one: the volunteer pane marks them.
    public var expiringVolunteers: Set<Int64> { roster.expiringVolunteers }

    /// Both parts at once, as a test or a benchmark that wants the whole screen in one go builds it.
    public init(dongs: DongDirectory, requests: [EscortRequest], households: [Int64: Household], volunteers: [Volunteer],
                summaries: [Int64: VolunteerSummary], storeIsEmpty: Bool, loadedAt: Date) {
        self.init(RequestsPart(dongs: dongs, requests: requests, households: households, storeIsEmpty: storeIsEmpty, loadedAt: loadedAt),
                  roster: VolunteerRoster(volunteers: volunteers, summaries: summaries, dongs: dongs))
    }

    /// The requests part, with the roster if it has come (else an empty one, filled later).
    public init(_ part: RequestsPart, roster: VolunteerRoster = .empty) {
        self.dongs = part.dongs
        self.requests = part.requests
        self.households = part.households
        self.requestSearch = part.requestSearch
        self.storeIsEmpty = part.storeIsEmpty
        self.loadedAt = part.loadedAt
        self.bookings = part.bookings
        self.returnLegs = part.returnLegs
        self.roster = roster
    }
}

/// The statistics pane's figures for one period, with the weekly trend per dong.
public struct StatisticsData: Sendable {
    public var report: StatisticsReport
    public var weekly: [String: [Int]]

    public init(report: StatisticsReport, weekly: [String: [Int]]) {
        self.report = report
        self.weekly = weekly
    }
}

/// The period choices `[` and `]` step through.
public enum PeriodChoice: Int, CaseIterable, Sendable {
    case thisWeek, thisMonth, lastMonth, thisYear

    var phrase: Phrase {
        switch self {
        case .thisWeek: UIText.periodThisWeek
        case .thisMonth: UIText.periodThisMonth
        case .lastMonth: UIText.periodLastMonth
        case .thisYear: UIText.periodThisYear
        }
    }

    public func period(now: Date, calendar: Calendar) -> StatisticsPeriod {
        switch self {
        case .thisWeek: return .thisWeek(now: now, calendar: calendar)
        case .thisMonth: return .thisMonth(now: now, calendar: calendar)
        case .lastMonth: return StatisticsPeriod.thisMonth(now: now, calendar: calendar).previous(calendar: calendar)
        case .thisYear: return .year(CivilDate(now, calendar: calendar).year)
        }
    }
}

/// What floats over the panes.
public enum Overlay: Hashable, Sendable {
    case help(offset: Int)
    /// `shown`: the household as the store returned it for these details (in full and logged,
    /// or masked), once it has come; nil while it is read, or when the screen masks it anyway.
    case requestDetails(requestID: Int64, shown: HouseholdRecord? = nil)
    case scopePicker(selected: Set<String>, cursor: Int)
    case assign(AssignDialog)
    case action(ActionForm)
    case newRequest(RequestForm)
    case activity(ActivityLog)
    case plan(PlanSheet)
    /// A write failed with no dialog of its own open.
    case problem(WriteProblem)
    /// A household's or volunteer's page, with its forms, grid and drop-outs.
    case records(RecordSheet)
    /// The call list of a day (`C`).
    case calls(CallSheet)
    /// A request's vehicle booking (`b`), and after a refusal the change of transport.
    case booking(BookingForm)
    case transport(TransportChoice)
    /// A standing series' page (`S`), with its forms.
    case series(SeriesSheet)
    /// The volunteers' credentials that lapse within 30 days, or have lapsed (`e`).
    case credentials(offset: Int)
    /// The return leg of the selected request (`L`).
    case returnLeg(ReturnLegForm)
}

/// The whole dashboard state. `update` is the only thing that changes it; `view` draws it.
/// What belongs together is grouped: the session, the panes' settings, the layers over the
/// panes (`modes`), the write path's own state and the panes' worked-out rows; each group's
/// fields are also reachable by name on the state, as the panes and tests use them.
public struct AppState: Sendable {
    public var width: Int
    public var height: Int
    public var now: Date
    /// Who is at the screen and how it is set up.
    public var session: Session

    public var data: DashboardData?
    public var statistics: StatisticsData?
    /// Which of the panes' reads have come back (see `DashboardPart`).
    public var loads = PaneLoads()
    /// The statistics by eligibility category, read when the pane shows them.
    public var categoryStatistics: CategoryStatistics?
    public var storeProblem: String?
    /// When a failed read is next tried again by itself (see `retryDue`).
    public var nextRetry = Date.distantPast
    /// A one-time notice (a malformed theme or config file), shown until the next key.
    public var notice: String?
    /// How the notice looks: a warning, or calm when it says that a change was saved.
    public var noticeRole: StyleRole = .warning

    /// What the panes show and how.
    public var panes = PaneSettings()
    /// The import dialog, the filter being typed and the overlay, in their priority.
    public var modes = ModeStack()
    /// Rows another process changed, marked until the given time.
    public var changed: [Int64: Date] = [:]
    public var quit = false
    /// When the last key came, and whether the screen is hidden for want of one.
    public var idle = IdleWatch()
    /// The write on its way, what `u` takes back, and what comes after a write.
    public var writes = WriteState()
    /// Households for the new-request form's search, loaded when it first opens and kept
    /// for the next form.
    public var householdIndex: HouseholdIndex?
    /// What each pane lists after scope, filter and sort; see `refreshRows`.
    public internal(set) var rows = PaneRowCache()

    public init(width: Int, height: Int, language: Language, calendar: Calendar, now: Date, keymap: Keymap = Keymap(),
                lines: LineSet = .unicode, storeLabel: String, user: String, maskAll: Bool = false, scope: Set<String> = []) {
        self.width = width
        self.height = height
        self.now = now
        self.session = Session(language: language, calendar: calendar, keymap: keymap, lines: lines, storeLabel: storeLabel,
                               user: user, maskAll: maskAll)
        self.panes.scope = scope
    }

    func text(_ phrase: Phrase) -> String { phrase.text(language) }

    /// Three panes side by side from 120x40; tabs from 80x24; below that, a message.
    public var layout: Layout {
        if width < 80 || height < 24 { return .tooSmall }
        return width >= 120 && height >= 40 ? .threePanes : .tabs
    }

    public enum Layout: Sendable { case threePanes, tabs, tooSmall }

    func selected(_ pane: Pane) -> Int { selection[pane] ?? 0 }
}

extension AppState.Layout: Equatable {}

/// Who is at the screen and how it is set up: fixed for a session but for the keymap's and
/// the role's reload.
public struct Session: Sendable {
    public var language: Language
    public var calendar: Calendar
    public var keymap: Keymap
    public var lines: LineSet
    public var storeLabel: String
    public var user: String
    /// Mask every name and phone, whatever the scope: for a screen others can see.
    public var maskAll: Bool
    /// The person's role and dongs, from the store: what they may change and see in full.
    public var access = Access.unrestricted()
    /// Where `E` writes and relative import paths start: the folder the dashboard was started in.
    public var workingFolder = FileManager.default.currentDirectoryPath
    /// Others than the owner (and the group it is shared with) can open the store's file: the
    /// status bar says so for as long as the dashboard is open.
    public var storeExposed = false
    /// How long without a key before the screen hides every name (config `idle_minutes`); nil never.
    public var idleAfter: TimeInterval? = TimeInterval(DashboardConfig.defaultIdleMinutes * 60)
    /// The reminders' texts, office phone and sender (config `[messages]`).
    public var reminders = ReminderSettings()
    /// The centers' booking rules (config `[vehicles]`; Anyang's by default).
    public var vehicleRules: VehicleRules = .anyang
    /// The run sheets' office phone and folder (config `[sheet]`).
    public var sheet = SheetSettings()
}

/// What the panes show and how.
public struct PaneSettings: Sendable {
    public var focus: Pane = .requests
    public var selection: [Pane: Int] = [:]
    public var filters: [Pane: String] = [:]
    public var requestSort: RequestSort = .toDo
    public var volunteerSort: VolunteerSort = .name
    public var statisticsSort = StatisticsSort(column: .requests, descending: true)
    public var period: PeriodChoice = .thisMonth
    /// The statistics by dong or by eligibility category (`v`).
    public var statisticsView: StatisticsView = .byDong
    /// Dong codes in scope; empty means every dong.
    public var scope: Set<String> = []
    /// Volunteers free in the selected request's window, when that filter is on.
    public var freeFor: (requestID: Int64, volunteerIDs: Set<Int64>)?
}

/// The write path's own state (see `AppState.send`).
public struct WriteState: Sendable {
    /// The write on its way to the store; another waits until it is back.
    public var writing: WriteRequest?
    /// The coordinator's own last change, which `u` takes back.
    public var lastUndo: UndoRecord?
    /// A request to select once the next load shows it (one just created).
    public var focusAfterLoad: Int64?
    /// Escorts a volunteer's drop-out released, each to open in the assign dialog in turn.
    public var assignQueue: [EscortRequest] = []
    /// Escorts of returned run sheets still to type in, each to open in the completion form in turn.
    public var completionQueue: [EscortRequest] = []
}

/// What each pane lists after scope, filter and sort, worked out when those change rather
/// than on every frame.
public struct PaneRowCache: Sendable {
    public var requests = ListedRequests()
    /// Positions in `data.volunteers`: a city's twenty thousand are not copied on each change,
    /// and four bytes each rather than eight, as are the orders they are taken from.
    public var volunteerIndices: [Int32] = []
    public var dongs: [Dong] = []
    public var statistics: StatisticsRows?
    /// Pending requests in scope whose appointment is within 48 hours, for the status bar.
    public var urgentCount = 0
}

/// The requests a pane lists, in order: positions in the loaded requests, which are large
/// (nearly 300 bytes each) to copy on every change of filter or sort, each list of a city's
/// 2,000 half a megabyte more while a dashboard is open, and as much again at each change.
public struct ListedRequests: RandomAccessCollection, Sendable {
    /// The loaded requests themselves, shared with the dashboard's data, not a copy.
    private let requests: [EscortRequest]
    private let positions: [Int32]

    public init(_ requests: [EscortRequest] = [], positions: [Int] = []) {
        self.requests = requests
        self.positions = positions.map { Int32($0) }
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { positions.count }
    public subscript(position: Int) -> EscortRequest { requests[Int(positions[position])] }
}
