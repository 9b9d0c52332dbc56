import Foundation
import HonsimCore
import HonsimStore

/// The reads the dashboard's panes wait for. Each is its own store call, its result its own
/// event through `update`: the requests pane is drawn as soon as its read is back, the
/// volunteers and the statistics fill in when theirs are, and one that fails says so in its
/// own pane without holding up the others.
public enum DashboardPart: String, CaseIterable, Sendable {
    case requests, volunteers, statistics

    /// The pane that waits for this read.
    var pane: Pane {
        switch self {
        case .requests: .requests
        case .volunteers: .volunteers
        case .statistics: .statistics
        }
    }
}

/// Where one part's read stands.
public enum PartLoad: Equatable, Sendable {
    /// Not back yet, and nothing of it on screen: the pane says "불러오는 중".
    case waiting
    case ready
    /// The read failed before anything of it came: the pane shows why.
    case failed(String)
}

/// How each part of the panes stands. Only the first read of a part waits on screen: a later
/// read keeps the figures shown until its answer replaces them.
public struct PaneLoads: Sendable {
    public var requests: PartLoad = .waiting
    public var volunteers: PartLoad = .waiting
    public var statistics: PartLoad = .waiting
    /// The roster, when it came before the requests part it belongs in.
    var earlyRoster: VolunteerRoster?

    public subscript(part: DashboardPart) -> PartLoad {
        get {
            switch part {
            case .requests: requests
            case .volunteers: volunteers
            case .statistics: statistics
            }
        }
        set {
            switch part {
            case .requests: requests = newValue
            case .volunteers: volunteers = newValue
            case .statistics: statistics = newValue
            }
        }
    }

    /// Every part has come, or has failed and said so: nothing on screen waits any more.
    public var settled: Bool { DashboardPart.allCases.allSatisfy { self[$0] != .waiting } }

    /// A part whose first read failed: its pane says why until a read succeeds.
    public var anyFailed: Bool {
        DashboardPart.allCases.contains { if case .failed = self[$0] { true } else { false } }
    }
}

/// The requests pane's part: the open requests, their households, bookings and return legs,
/// and the dongs every pane names.
public struct RequestsPart: Sendable {
    public var dongs: DongDirectory
    public var requests: [EscortRequest]
    public var households: RecordsByID<Household>
    public var requestSearch: RequestSearch
    public var storeIsEmpty: Bool
    public var loadedAt: Date
    public var bookings: [Int64: VehicleBooking] = [:]
    public var returnLegs = ReturnLegLinks([])

    public init(dongs: DongDirectory, requests: [EscortRequest], households: [Int64: Household], storeIsEmpty: Bool, loadedAt: Date) {
        self.dongs = dongs
        self.requests = requests
        self.households = RecordsByID(households)
        self.requestSearch = RequestSearch(requests.map { request in
            let household = households[request.householdID]
            // "#123" finds request 123, the number the detail view and the command line show.
            var fields = ["#\(request.id)", request.hospital, request.department] + (dongs.dong(code: request.dongCode)?.allNames ?? [])
            let status = DomainPhrases.status(request.status)
            fields += [status.ko, status.en]
            if let household {
                if household.mobility != .none {
                    let mobility = DomainPhrases.mobility(household.mobility)
                    fields += [mobility.ko, mobility.en]
                }
                fields += household.needs.flatMap { [DomainPhrases.need($0).ko, DomainPhrases.need($0).en] }
            }
            let name = household?.name ?? ""
            return (request.id, fields, name, Masking.name(name))
        })
        self.storeIsEmpty = storeIsEmpty
        self.loadedAt = loadedAt
    }
}

/// The volunteer pane's part: every volunteer sorted, searchable and ordered for each sort,
/// their week's figures, the council's settings and the credentials that lapse.
public struct VolunteerRoster: Sendable {
    public private(set) var volunteers: [Volunteer]
    public private(set) var volunteerSearch: SearchTexts
    private var volunteerOrders: [VolunteerSort: [Int32]]
    public private(set) var summaries: VolunteerSummaries
    public var volunteerSettings = VolunteerSettings()
    public var expiring: [CredentialExpiry] = [] {
        didSet { expiringVolunteers = Set(expiring.map(\.volunteerID)) }
    }
    public private(set) var expiringVolunteers: Set<Int64> = []

    public static let empty = VolunteerRoster(volunteers: [], summaries: [:], dongs: DongDirectory([]))

    public init(volunteers: [Volunteer], summaries: [Int64: VolunteerSummary], dongs: DongDirectory) {
        // Worked out here, off the keyboard's path: the loader runs in the background.
        // `volunteers` is the very array the store keeps between reads (by id), not a copy:
        // a city's 20,000 volunteers take megabytes. The pane's orders are positions in it.
        self.volunteers = volunteers
        self.volunteerSearch = SearchTexts(volunteers.lazy.map { volunteer in
            [volunteer.name] + (dongs.dong(code: volunteer.dongCode)?.allNames ?? [])
                + volunteer.skills.flatMap { [DomainPhrases.skill($0).ko, DomainPhrases.skill($0).en] }
        })
        self.summaries = VolunteerSummaries(summaries)
        // By name (UTF-8 order, which for Hangul is 가나다 order), then id; the other sorts
        // break their ties in the same order.
        // Each name's first eight bytes as one number, compared first: most comparisons end
        // there, without a look into 20,000 volunteers' records (megabytes) for their names.
        let prefixes = volunteers.map { volunteer in
            var prefix: UInt64 = 0, taken = 0
            for byte in volunteer.name.utf8.prefix(8) { prefix = prefix << 8 | UInt64(byte); taken += 1 }
            return prefix << (8 * UInt64(8 - taken))
        }
        let byName = volunteers.indices.map { Int32($0) }.sorted { a32, b32 in
            let a = Int(a32), b = Int(b32)
            if prefixes[a] != prefixes[b] { return prefixes[a] < prefixes[b] }
            let nameA = volunteers[a].name.utf8, nameB = volunteers[b].name.utf8
            return nameA.elementsEqual(nameB) ? volunteers[a].id < volunteers[b].id : nameA.lexicographicallyPrecedes(nameB)
        }
        let position = Dictionary(dongs.dongs.enumerated().map { ($1.code, $0) }, uniquingKeysWith: { a, _ in a })
        let order = { (key: (Int) -> Int) in byName.enumerated().map { (key(Int($1)), $0, $1) }.sorted { ($0.0, $0.1) < ($1.0, $1.1) }.map(\.2) }
        self.volunteerOrders = [
            .name: byName,
            .dong: order { position[volunteers[$0].dongCode] ?? .max },
            .fewestHours: order { summaries[volunteers[$0].id]?.minutesThisMonth ?? 0 },
            .mostAssignments: order { -(summaries[volunteers[$0].id]?.assignmentsThisWeek ?? 0) },
        ]
    }

    /// Positions in `volunteers`, in the order of a sort (every sort is worked out at load).
    public func volunteerOrder(_ sort: VolunteerSort) -> [Int32] {
        volunteerOrders[sort] ?? volunteers.indices.map { Int32($0) }
    }
}

extension AppState {
    /// The requests part came: the requests pane fills, with the roster if it came first.
    mutating func requestsArrived(_ part: RequestsPart) {
        let roster = data?.roster ?? loads.earlyRoster ?? .empty
        loads.earlyRoster = nil
        let next = DashboardData(part, roster: roster)
        markChanges(from: data, to: next)
        data = next
        loads.requests = .ready
        storeProblem = nil
    }

    /// The roster came: the volunteer pane fills (kept aside if the requests part has not come).
    mutating func rosterArrived(_ roster: VolunteerRoster) {
        if data != nil { data?.roster = roster } else { loads.earlyRoster = roster }
        loads.volunteers = .ready
    }

    /// Both parts at once.
    mutating func everythingArrived(_ full: DashboardData) {
        markChanges(from: data, to: full)
        data = full
        loads.earlyRoster = nil
        loads.requests = .ready
        loads.volunteers = .ready
        storeProblem = nil
    }

    /// A part's read failed. Before anything of it came, its pane says why; after, the pane
    /// keeps what it shows and the status bar says why, as for any failed read.
    mutating func partFailed(_ part: DashboardPart, _ message: String) {
        if loads[part] == .ready { storeProblem = message } else { loads[part] = .failed(message) }
    }

    /// How often the screen reads again by itself while a read has failed.
    public static let retryInterval: TimeInterval = 5

    /// On a tick: whether a failed read is due to be tried again, and if so, the next try's
    /// time set. The status bar says "retrying", and it must: a server that comes back sends no
    /// notice of its own when its first notice's reads found the connection pool not yet
    /// reconnected, and a coordinator should not have to press a key to see that it is back.
    mutating func retryDue(_ now: Date) -> Bool {
        guard storeProblem != nil || loads.anyFailed, now >= nextRetry else { return false }
        nextRetry = now.addingTimeInterval(AppState.retryInterval)
        return true
    }

    /// What a pane shows in place of rows while its part is not there: "불러오는 중" or why it
    /// failed; nil once it has come.
    func waitingText(_ part: DashboardPart) -> String? {
        switch loads[part] {
        case .ready: nil
        case .waiting: text(UIText.loading)
        // What failed, and the key that reads it again, in the pane that waited for it.
        case .failed(let message):
            "\(text(LoadingText.paneFailed)): \(message) (\(keymap.label(.refresh).split(separator: " ").first.map(String.init) ?? "") \(text(Action.refresh.phrase)))"
        }
    }

    /// An action that needs a part that is not there yet is not done: the status bar says so
    /// calmly and the coordinator presses the key again once the pane has filled.
    func stillLoading(_ action: Action) -> DashboardPart? {
        let needs: [DashboardPart]
        switch action {
        // The assign dialog searches the roster; the credentials list and a volunteer's page are of it.
        case .assign, .credentials: needs = [.requests, .volunteers]
        case .newRequest, .plan, .household, .series, .returnLeg, .booking, .runSheet: needs = [.requests]
        case .exportPane: needs = [focus == .volunteers ? .volunteers : focus == .statistics ? .statistics : .requests]
        case .open where focus == .volunteers: needs = [.volunteers]
        default: needs = []
        }
        return needs.first { loads[$0] != .ready }
    }
}
