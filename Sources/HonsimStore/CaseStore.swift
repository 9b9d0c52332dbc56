import Foundation
import HonsimCore

/// The shared case store: every part below, which each backend (SQLiteStore, PostgresStore)
/// implements once through SQLCaseStore and which passes the same contract tests. Every write is
/// one transaction that checks its invariants inside it and appends to the audit log. A caller
/// depends only on the parts it uses: the kiosk on `StoreReads & ChangeFeed`, a command on what
/// it reads or writes.
public typealias CaseStore = StoreReads & StoreWrites & RecordPages & StoreUsers & StoreImport & StoreHealth & StorePrivacy & ChangeFeed & DayBefore
    & StandingSeriesStore & CouncilRulesStore & VolunteerSide

/// Where a store lives and how it reckons time: what every part needs.
public protocol StoreIdentity: Sendable {
    /// Where the store lives, for the status bar: a file path or a server.
    var location: String { get }
    /// The calendar (time zone) the store reckons days, weeks and months in.
    var calendar: Calendar { get }
}

/// The reads behind the dashboard's panes, the kiosk's boards and the commands' listings.
public protocol StoreReads: StoreIdentity {
    func counts() async throws -> StoreCounts
    /// No household, volunteer or request at all: what a screen says differs from "nothing open".
    /// Cheap on a city's store, where `counts()` reads every row of the big tables.
    func isEmpty() async throws -> Bool
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
    /// Computes the kept statistics where they are not those of the rows (a store from before
    /// them, changed dongs): once, as a writer opens the store, rather than at its first write.
    func bringKeptFiguresUpToDate() async throws
    /// The ranked candidates for a request: up to `eligibleLimit` of the eligible, best first,
    /// all of them counted, then the near-misses.
    func candidates(for requestID: Int64, eligibleLimit: Int) async throws -> Ranking
    /// Ranks only these volunteers, with every reason each is excluded: the assign dialog's
    /// search, which reaches volunteers beyond the near-misses a ranking lists.
    func candidates(for requestID: Int64, among volunteerIDs: Set<Int64>) async throws -> Ranking
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
    /// Audit entries matching `query`, newest first.
    func auditLog(matching query: AuditQuery, limit: Int) async throws -> [AuditEntry]
    /// A proposed assignment for the pending requests whose appointment is in [from, until),
    /// of these dongs (nil: all): each volunteer at most once, every rule kept, as many
    /// requests as possible, urgent ones first, then the highest total score.
    func plan(dongCodes: Set<String>?, from: Date, until: Date) async throws -> Plan
    /// The acting person's role and dongs in this session (a read-only session is a viewer).
    func access() async throws -> Access
}

/// Every change to requests and records, each one transaction, checked and audited.
public protocol StoreWrites: StoreIdentity {
    /// Assigns a volunteer to a pending request. `expectedVersion` guards against a stale
    /// screen; `override` accepts exclusions that a coordinator may override, never the others.
    @discardableResult
    func assign(requestID: Int64, volunteerID: Int64, expectedVersion: Int?, override: Bool) async throws -> EscortRequest
    /// Moves a request along its lifecycle (every action but assign).
    @discardableResult
    func perform(_ action: LifecycleAction, requestID: Int64, details: ActionDetails, expectedVersion: Int?) async throws -> EscortRequest
    /// Adds new pending requests (one, or each date of a weekly series) in one transaction;
    /// returns them with their ids. The drafts' ids, statuses and stamps are ignored.
    @discardableResult
    func createRequests(_ drafts: [EscortRequest]) async throws -> [EscortRequest]
    /// Undoes this user's last change to each request by compensating writes, all or none;
    /// refused when a request changed since `version`. Returns the requests as restored
    /// (a request that was just created is removed instead, and not returned).
    @discardableResult
    func undo(_ targets: [UndoTarget]) async throws -> [EscortRequest]
    /// Adds a household (id 0) or changes one, closing or reopening it with `closed`. Refused
    /// when the row moved past `expectedVersion` (StoreError.staleRecord, with who and when), or
    /// when it looks like another household unless `allowDuplicate`. A household that moves to
    /// another dong takes its open requests along. Closing never deletes: its history stays.
    /// With `eligibility`, the household's categories and services elsewhere are recorded in the
    /// same transaction (as `setEligibility` records them, audited); nil leaves them as they are.
    @discardableResult
    func saveHousehold(_ household: Household, eligibility: HouseholdEligibility?, expectedVersion: Int?,
                       allowDuplicate: Bool) async throws -> Household
    /// The same for a volunteer, windows and days off included. Returns the escorts the change
    /// rules out (a day off, a narrower window, closing), urgent first; it releases none.
    @discardableResult
    func saveVolunteer(_ volunteer: Volunteer, expectedVersion: Int?, allowDuplicate: Bool) async throws -> VolunteerSaved
    /// Returns a volunteer's held escorts to pending with `reason`, all or none, in the order
    /// given; allowed to whoever may change the volunteer's record.
    @discardableResult
    func releaseDropOuts(volunteerID: Int64, requestIDs: [Int64], reason: String) async throws -> [EscortRequest]
}

extension StoreWrites {
    /// A household saved with its eligibility left as it is.
    @discardableResult
    public func saveHousehold(_ household: Household, expectedVersion: Int?, allowDuplicate: Bool) async throws -> Household {
        try await saveHousehold(household, eligibility: nil, expectedVersion: expectedVersion, allowDuplicate: allowDuplicate)
    }
}

/// The household and volunteer pages, and the hours a volunteer portal certifies.
public protocol RecordPages: StoreIdentity {
    /// The household page: the record and all its requests, with the volunteers' names. Asked
    /// `.full`, it comes in full only where this person's role shows the household's dong in
    /// full, and then the access log (개인정보 열람 기록) records the view in the same
    /// transaction that read it: no caller can show first and log later. Otherwise, or asked
    /// `.masked`, the household's name, phone and address come masked (`isFull` false).
    func householdRecord(id: Int64, reveal: Reveal) async throws -> HouseholdRecord
    /// The volunteer page: the record, the escorts they held or hold, hours by month.
    func volunteerRecord(id: Int64) async throws -> VolunteerRecord
    /// Each volunteer's completed escorts in a month, by name: for certification of hours.
    func volunteerHours(year: Int, month: Int) async throws -> [VolunteerHours]
}

/// The people a store knows, their roles and dongs, and the access log of exports.
public protocol StoreUsers: StoreIdentity {
    func access() async throws -> Access
    /// Everyone the store knows, by role and name.
    func users() async throws -> [StoreUser]
    /// Admins only. `dongs` are names (current or former) or codes; a coordinator needs some.
    @discardableResult
    func addUser(name: String, role: Role, dongs: [String], displayName: String) async throws -> StoreUser
    @discardableResult
    func updateUser(name: String, _ change: UserChange) async throws -> StoreUser
    /// Never the last admin.
    func removeUser(name: String) async throws
    /// Appends to the access log (개인정보 열람 기록) that personal data left the store in an
    /// export; refused to those who may not see it. (A household's full details are logged by
    /// the read that returns them: `RecordPages.householdRecord`.) `householdIDs` are the
    /// households it held in full, for the privacy officer's `access-log --household`.
    func recordExport(kind: String, rows: Int, householdIDs: [Int64], from source: AccessSource) async throws
}

extension StoreUsers {
    /// An export that holds no household (volunteers), from `honsim export`.
    public func recordExport(kind: String, rows: Int) async throws {
        try await recordExport(kind: kind, rows: rows, householdIDs: [], from: .export)
    }
}

/// Records in bulk: demo seeds, a copy, an imported spreadsheet.
public protocol StoreImport: StoreIdentity {
    /// Loads demo or imported data in one transaction; all or nothing.
    func load(_ data: StoreData, replacingExisting: Bool) async throws
    /// Appends a batch read from a spreadsheet under new ids, in one transaction: all of its
    /// records, or none when the batch or the store finds any problem (StoreError.invalidData,
    /// every problem with its line). Duplicates within the batch and against stored records are
    /// problems. A dry run checks everything and writes nothing. One audit entry per import.
    func importRecords(_ batch: ImportBatch, dryRun: Bool, progress: ImportProgress.Handler?) async throws -> ImportOutcome
}

/// The day before an escort: the calls that confirm it, the vehicle booked for it, the
/// reminder messages prepared and sent. Every write is checked against the request's dong
/// and audited like any change to the request.
/// The vehicle bookings alone: a read the kiosk's board makes too, without the day before's writes.
public protocol BookingReads: StoreIdentity {
    /// The vehicle booking of each of these requests that has one stored, by request id.
    func bookings(requestIDs: Set<Int64>) async throws -> [Int64: VehicleBooking]
}

public protocol DayBefore: BookingReads {
    /// Every escort whose appointment falls on `day` and that is not cancelled, with its
    /// household, volunteer, calls, booking and messages, in the call list's order.
    func escorts(on day: CivilDate) async throws -> EscortDay
    /// The same day a screen at a time: the first `count` escorts of the call list's order,
    /// whole, and the whole day's summary (`EscortDay.isWhole` says whether that was all).
    func escorts(on day: CivilDate, detailing count: Int) async throws -> EscortDay
    /// The calls about one request, oldest first.
    func contactAttempts(requestID: Int64) async throws -> [ContactAttempt]
    /// Records a call about a request (not one that has ended), stamped with who and when.
    @discardableResult
    func recordAttempt(requestID: Int64, party: ContactParty, result: ContactResult, note: String) async throws -> ContactAttempt
    /// Sets a request's vehicle booking; a confirmed booking needs the center's reference.
    @discardableResult
    func setBooking(requestID: Int64, status: BookingStatus, reference: String, vehicle: String) async throws -> VehicleBooking
    /// Changes a request's transport (after a refused booking), as a change of the request:
    /// refused when it moved past `expectedVersion` or has ended. A booking for the former
    /// transport is cleared.
    @discardableResult
    func changeTransport(requestID: Int64, to transport: Transport, expectedVersion: Int?) async throws -> EscortRequest
    /// The messages recorded for the escorts of `day`, oldest first.
    func messages(on day: CivilDate) async throws -> [MessageRecord]
    /// Records a message prepared or sent for one side of an escort. A message already sent
    /// for the same escort, day and side is refused (StoreError.alreadySent) unless `resend`.
    @discardableResult
    func recordMessage(_ message: MessageRecord, resend: Bool) async throws -> MessageRecord
    /// Records many messages as `recordMessage` records each, in one transaction: all of them,
    /// or none when one is refused. A city's day is thousands, each a commit otherwise.
    @discardableResult
    func recordMessages(_ messages: [MessageRecord], resend: Bool) async throws -> [MessageRecord]
    /// The run sheets of `day`, one page per volunteer (only `volunteerID`'s when given; an
    /// unknown one is StoreError.notFound). Households come in full where this person's role
    /// shows them in full, each recorded in the access log in the same transaction; the others,
    /// and every one in a read-only session, come masked.
    func runSheets(on day: CivilDate, volunteerID: Int64?) async throws -> RunSheets
}

/// Standing series (정기 동행): a record of its own whose dates the store makes ahead.
public protocol StandingSeriesStore: StoreIdentity {
    /// Every series, or one household's, by id.
    func seriesList(householdID: Int64?) async throws -> [StandingSeries]
    /// The series' page: its dates ahead with their volunteers, its history.
    func seriesPage(id: Int64) async throws -> SeriesPage
    /// Makes the dates of every series up to `horizonDays` ahead that are not made yet, of the
    /// series this person may change, each once even when processes race; returns how many.
    @discardableResult
    func extendSeries(horizonDays: Int) async throws -> Int
    func createSeries(_ draft: StandingSeries, horizonDays: Int) async throws -> SeriesOutcome
    func changeSeries(id: Int64, from: CivilDate, schedule: SeriesSchedule, expectedVersion: Int?, horizonDays: Int) async throws -> SeriesOutcome
    func pauseSeries(id: Int64, from: CivilDate, to: CivilDate, reason: String, expectedVersion: Int?) async throws -> SeriesOutcome
    func resumeSeries(id: Int64, on day: CivilDate, expectedVersion: Int?) async throws -> SeriesOutcome
    func endSeries(id: Int64, lastDay: CivilDate?, reason: String, expectedVersion: Int?) async throws -> SeriesOutcome
    func assignSeries(id: Int64, volunteerID: Int64, expectedVersion: Int?) async throws -> SeriesOutcome
    /// Turns repeats made before standing series (requests sharing a series id) into standing
    /// series: open-ended when they have dates ahead, ended on their last date otherwise.
    @discardableResult
    func adoptRepeats() async throws -> [StandingSeries]
    /// Splits a request's return trip off as a leg of its own: a pickup at the hospital at a
    /// time or when called, the same volunteer by default or another, each leg with its own
    /// overlap check. A pickup before the appointment is refused, naming the field.
    func addReturnLeg(_ draft: ReturnLegDraft) async throws -> ReturnLegOutcome
    /// Moves a leg's pickup (a time or when called) and length; its volunteer kept where they
    /// can still take it, else released with the reason (the outcome's `refusal`).
    func changeReturnLeg(legID: Int64, pickup: ClockTime?, whenCalled: Bool, expectedMinutes: Int, expectedVersion: Int?) async throws
        -> ReturnLegOutcome
    /// The return leg of a request, or the outbound request of a leg.
    func returnLeg(of requestID: Int64) async throws -> (outbound: Int64, leg: Int64, whenCalled: Bool)?
    /// The links of these requests, as outbound or as leg, each once.
    func returnLegs(requestIDs: Set<Int64>) async throws -> [ReturnLegLink]
}

/// The council's rules (협의체 운영 기준): held by the store, so that every coordinator of a
/// city-wide store works by the same ones; written by an admin, read by everyone. Each rule
/// bites with its reason in words (`RuleFinding`), and a flag informs, never refuses.
public protocol CouncilRulesStore: StoreIdentity {
    /// The city's rules and each dong council's own; the built-in defaults where none are stored.
    func councilRules() async throws -> CouncilRuleBook
    /// Admins only: replaces the whole book, audited.
    func setCouncilRules(_ book: CouncilRuleBook) async throws
    /// The eligibility recorded on these households (none recorded: absent). On PostgreSQL, of
    /// the households the role may see in full only (migration 21).
    func eligibility(householdIDs: Set<Int64>) async throws -> [Int64: HouseholdEligibility]
    /// Records a household's categories and other services; whoever may change the household.
    func setEligibility(householdID: Int64, _ eligibility: HouseholdEligibility) async throws
    /// What the rules say about new requests before they are made, by household.
    func ruleFindings(for drafts: [EscortRequest]) async throws -> [Int64: [RuleFinding]]
    /// `createRequests`, past the rules by an override with a reason where the rules allow it:
    /// each rule passed is recorded with the reason. Without one, outside the rules is refused
    /// (StoreError.outsideCouncilRules), all or nothing.
    @discardableResult
    func createRequests(_ drafts: [EscortRequest], override: RuleOverride?) async throws -> [EscortRequest]
    /// The overrides recorded for these requests (on PostgreSQL, of those whose dong the role sees in full).
    func ruleOverrides(requestIDs: Set<Int64>) async throws -> [Int64: [RecordedOverride]]
    /// A household's eligibility, uses against its limits, and no-show counts with the flag; the
    /// eligibility masked (`isMasked`) for a role that may not see the household in full.
    func householdStanding(id: Int64) async throws -> HouseholdStanding
    /// Volunteers' no-shows and late drop-outs over their councils' windows.
    func volunteerConduct(ids: Set<Int64>) async throws -> [Int64: ConductCounts]
    /// A period's requests of these dongs (nil: every dong) by their households' eligibility
    /// categories, a household of several under each, with the total counting each once. Only the
    /// households the role sees in full count under their categories; the others, as not recorded.
    func categoryStatistics(for period: StatisticsPeriod, dongCodes: Set<String>?) async throws -> CategoryBreakdown
}

extension StoreReads {
    /// The ranked candidates for a request, listing `Ranking.listedEligible` of the eligible.
    public func candidates(for requestID: Int64) async throws -> Ranking {
        try await candidates(for: requestID, eligibleLimit: Ranking.listedEligible)
    }
}

/// `honsim check`.
public protocol StoreHealth: StoreIdentity {
    /// Every invariant, verified against the stored rows.
    func checkInvariants() async throws -> [InvariantViolation]
    /// How many of this honsim's schema changes the store has had: `honsim --version`.
    func schemaVersion() async throws -> SchemaVersion
}

/// A store's schema against this honsim's: equal once `honsim init` has migrated it.
public struct SchemaVersion: Sendable, Equatable {
    /// Changes the store has had, of those this honsim knows.
    public let applied: Int
    /// Changes this honsim knows.
    public let known: Int
    /// The name of the newest change the store has had.
    public let latest: String?
}

/// What keeps every screen live.
public protocol ChangeFeed: StoreIdentity {
    /// A notice each time the store changes, whichever process changed it.
    func changes() -> AsyncStream<StoreChange>
}
