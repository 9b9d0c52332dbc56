import Foundation
import HonsimCore

// The values the store's parts (CaseStore.swift) take and give back.

/// How a household's details are asked for.
public enum Reveal: Sendable, Hashable {
    /// Name, phone and address masked: nothing to log.
    case masked
    /// In full where the role allows, logged as a view from `source` (from a request's details,
    /// when given).
    case full(requestID: Int64?, from: AccessSource = .dashboard)
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
    /// For complete: what the volunteer is paid back (실비), recorded with the completion.
    public var expenses: Expenses?

    public init(reason: String? = nil, actualMinutes: Int? = nil, outcome: String = "", doctorNotes: String = "", followUp: Bool = false,
                expenses: Expenses? = nil) {
        self.expenses = expenses
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
    /// The day before's calls, vehicle bookings and reminder messages of these requests (the
    /// demo's, a generated city's).
    public var attempts: [ContactAttempt] = []
    public var bookings: [VehicleBooking] = []
    public var messages: [MessageRecord] = []
    /// Households' categories and services elsewhere, by household id (the demo's).
    public var eligibility: [Int64: HouseholdEligibility] = [:]
    /// What completed escorts paid back, by request id (the demo's).
    public var expenses: [Int64: Expenses] = [:]

    public init(dongs: [Dong] = [], households: [Household] = [], volunteers: [Volunteer] = [], requests: [EscortRequest] = []) {
        self.dongs = dongs
        self.households = households
        self.volunteers = volunteers
        self.requests = requests
    }
}

/// A change to undo: the request, and the version the undoing coordinator saw after it.
public struct UndoTarget: Sendable, Hashable {
    public var requestID: Int64
    public var version: Int

    public init(requestID: Int64, version: Int) {
        self.requestID = requestID
        self.version = version
    }
}

/// Which audit entries the activity view asks for; nil means any.
public struct AuditQuery: Sendable, Hashable {
    public var dongCodes: Set<String>?
    /// Part of a user name.
    public var user: String?
    public var requestID: Int64?

    public init(dongCodes: Set<String>? = nil, user: String? = nil, requestID: Int64? = nil) {
        self.dongCodes = dongCodes
        self.user = user
        self.requestID = requestID
    }
}

/// Why an undo was refused.
public enum UndoRefusal: Sendable, Hashable {
    case nothingToUndo
    /// The request's last change was another coordinator's.
    case someoneElses(user: String, at: Date)
}
