import Foundation
import HonsimCore

/// The shared case store. Every backend passes the same contract tests; every write is one
/// transaction that checks its invariants inside it and appends to the audit log.
public protocol CaseStore: Sendable {
    /// Where the store lives, for the status bar: a file path or a server.
    var location: String { get }
    /// The calendar (time zone) the store reckons days, weeks and months in.
    var calendar: Calendar { get }

    // MARK: Reading
    func counts() async throws -> StoreCounts
    func dongs() async throws -> DongDirectory
    func household(id: Int64) async throws -> Household
    func households() async throws -> [Household]
    func volunteer(id: Int64) async throws -> Volunteer
    func volunteers() async throws -> [Volunteer]
    func request(id: Int64) async throws -> EscortRequest
    /// Pending requests by appointment time, earliest first.
    func pendingRequests(limit: Int) async throws -> [EscortRequest]
    /// Requests whose appointment falls in `span`, by appointment time.
    func requests(in span: TimeSpan) async throws -> [EscortRequest]
    func assignments(in span: TimeSpan) async throws -> [Assignment]
    /// Volunteers whose weekly hours cover `span`, not on a day off and not busy then.
    func freeVolunteers(in span: TimeSpan) async throws -> [Volunteer]
    func statistics(for period: StatisticsPeriod, now: Date) async throws -> StatisticsReport
    /// The ranked candidates for a request, with the near-misses.
    func candidates(for requestID: Int64) async throws -> Ranking
    /// The households with these ids (those on screen), by id.
    func households(ids: Set<Int64>) async throws -> [Int64: Household]
    /// Requests not yet ended whose appointment is before `until`, earliest first: what a
    /// coordinator still has to see to, overdue ones included.
    func openRequests(until: Date, limit: Int) async throws -> [EscortRequest]
    /// Each volunteer's week and month at a glance, as of `now`.
    func volunteerSummaries(now: Date) async throws -> [Int64: VolunteerSummary]
    /// Requests per dong in each of the `weeks` weeks ending with the week of `now`, oldest first.
    func weeklyRequestCounts(weeks: Int, now: Date) async throws -> [String: [Int]]
    /// Audit entries, newest first.
    func auditLog(in span: TimeSpan?, limit: Int?) async throws -> [AuditEntry]

    // MARK: Writing
    /// Assigns a volunteer to a pending request. `expectedVersion` guards against a stale
    /// screen; `override` accepts exclusions that a coordinator may override, never the others.
    @discardableResult
    func assign(requestID: Int64, volunteerID: Int64, expectedVersion: Int?, override: Bool) async throws -> EscortRequest
    /// Moves a request along its lifecycle (every action but assign).
    @discardableResult
    func perform(_ action: LifecycleAction, requestID: Int64, details: ActionDetails, expectedVersion: Int?) async throws -> EscortRequest
    /// Loads demo or imported data in one transaction; all or nothing.
    func load(_ data: StoreData, replacingExisting: Bool) async throws

    // MARK: Health
    /// Every invariant, verified against the stored rows.
    func checkInvariants() async throws -> [InvariantViolation]
    /// A notice each time the store changes, whichever process changed it.
    func changes() -> AsyncStream<StoreChange>

    // MARK: Importing
    /// Appends a batch read from a spreadsheet under new ids, in one transaction: all of its
    /// records, or none when the batch or the store finds any problem (StoreError.invalidData,
    /// every problem with its line). Duplicates within the batch and against stored records are
    /// problems. A dry run checks everything and writes nothing. One audit entry per import.
    func importRecords(_ batch: ImportBatch, dryRun: Bool, progress: ImportProgress.Handler?) async throws -> ImportOutcome
}

/// How many rows of each kind a store holds.
public struct StoreCounts: Sendable, Hashable, Codable {
    public var dongs = 0
    public var households = 0
    public var volunteers = 0
    public var requests = 0
    public var pending = 0
    public var assignments = 0
    public var auditEntries = 0

    public init() {}

    public var isEmpty: Bool { households == 0 && volunteers == 0 && requests == 0 }
}

/// A volunteer's commitments as the volunteers pane shows them.
public struct VolunteerSummary: Sendable, Hashable {
    /// Escorts this week (Monday to Sunday) that are active or done.
    public var assignmentsThisWeek: Int
    public var minutesThisWeek: Int
    public var minutesThisMonth: Int
    /// Active escorts in the next 7 days, for the availability strip.
    public var busy: [TimeSpan]

    public init(assignmentsThisWeek: Int = 0, minutesThisWeek: Int = 0, minutesThisMonth: Int = 0, busy: [TimeSpan] = []) {
        self.assignmentsThisWeek = assignmentsThisWeek
        self.minutesThisWeek = minutesThisWeek
        self.minutesThisMonth = minutesThisMonth
        self.busy = busy
    }
}

/// What a lifecycle action records besides the move itself.
public struct ActionDetails: Sendable, Hashable {
    /// Why a request was released or cancelled, or what happened at a no-show.
    public var reason: String?
    /// For complete: minutes from pickup to return; the expected minutes when not given.
    public var actualMinutes: Int?
    public var outcome: String
    /// What the doctor said that the household or family must know.
    public var doctorNotes: String
    public var followUp: Bool

    public init(reason: String? = nil, actualMinutes: Int? = nil, outcome: String = "", doctorNotes: String = "", followUp: Bool = false) {
        self.reason = reason
        self.actualMinutes = actualMinutes
        self.outcome = outcome
        self.doctorNotes = doctorNotes
        self.followUp = followUp
    }
}

/// The store changed; reload what is on screen.
public struct StoreChange: Sendable, Hashable {
    public var observedAt: Date
    public init(observedAt: Date) { self.observedAt = observedAt }
}

/// A broken invariant, found by `checkInvariants`.
public struct InvariantViolation: Sendable, Hashable, CustomStringConvertible {
    public var rule: String
    public var detail: String

    public init(rule: String, detail: String) {
        self.rule = rule
        self.detail = detail
    }

    public var description: String { "\(rule): \(detail)" }
}

/// Records ready to load into a store: demo seeds or an import.
public struct StoreData: Sendable {
    public var dongs: [Dong]
    public var households: [Household]
    public var volunteers: [Volunteer]
    public var requests: [EscortRequest]

    public init(dongs: [Dong] = [], households: [Household] = [], volunteers: [Volunteer] = [], requests: [EscortRequest] = []) {
        self.dongs = dongs
        self.households = households
        self.volunteers = volunteers
        self.requests = requests
    }
}
