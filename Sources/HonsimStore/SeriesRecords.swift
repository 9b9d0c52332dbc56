import Foundation
import HonsimCore

/// A series' page: the record, its dates ahead with their volunteers, its history.
public struct SeriesPage: Sendable, Hashable {
    public var series: StandingSeries
    public var household: Household
    /// Dates from today on that are not cancelled, by appointment.
    public var dates: [EscortRequest]
    /// The names of the volunteers on this page (the standing one and the dates'), by id.
    public var volunteerNames: [Int64: String]
    /// Oldest first.
    public var changes: [SeriesChange]
    /// The household's limits its dates ahead pass (a flag with the counts, never a refusal).
    public var limits: [RuleFinding] = []

    public init(series: StandingSeries, household: Household, dates: [EscortRequest], volunteerNames: [Int64: String],
                changes: [SeriesChange]) {
        self.series = series
        self.household = household
        self.dates = dates
        self.volunteerNames = volunteerNames
        self.changes = changes
    }
}

/// One entry of a series' history.
public struct SeriesChange: Sendable, Hashable, Codable {
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        case create, change, pause, resume, end, assign
    }

    public var kind: Kind
    public var from: CivilDate?
    public var to: CivilDate?
    public var detail: String
    public var at: Date
    public var user: String
    /// For a series made or changed: the schedule its detail records, read back into its parts
    /// so a screen says it in its own language; nil for other kinds, or a detail it cannot read.
    public var schedule: SeriesChangeSchedule?
    /// For a volunteer set: who, so a screen names them as it names volunteers (masked or not).
    public var volunteerID: Int64?

    public init(kind: Kind, from: CivilDate?, to: CivilDate?, detail: String, at: Date, user: String) {
        self.kind = kind
        self.from = from
        self.to = to
        self.detail = detail
        self.at = at
        self.user = user
    }

    public var phrase: Phrase {
        switch kind {
        case .create: Phrase(ko: "등록", en: "made")
        case .change: Phrase(ko: "변경", en: "changed")
        case .pause: Phrase(ko: "일시 중지", en: "paused")
        case .resume: Phrase(ko: "재개", en: "resumed")
        case .end: Phrase(ko: "종료", en: "ended")
        case .assign: Phrase(ko: "담당 봉사자 지정", en: "volunteer set")
        }
    }
}

/// The schedule a series was made with or changed to, as its history records it.
public struct SeriesChangeSchedule: Sendable, Hashable, Codable {
    public var weekdays: [Weekday]
    public var pickup: ClockTime
    public var appointment: ClockTime
    /// The hospital and department as typed: data, shown as it is.
    public var place: String
    public var transport: Transport
    public var expectedMinutes: Int

    public init(weekdays: [Weekday], pickup: ClockTime, appointment: ClockTime, place: String, transport: Transport, expectedMinutes: Int) {
        self.weekdays = weekdays
        self.pickup = pickup
        self.appointment = appointment
        self.place = place
        self.transport = transport
        self.expectedMinutes = expectedMinutes
    }
}

/// A date of a series that a change touched, and why, in words.
public struct SeriesDateNote: Sendable, Hashable {
    public var request: EscortRequest
    public var reason: Phrase

    public init(request: EscortRequest, reason: Phrase) {
        self.request = request
        self.reason = reason
    }
}

/// What a write to a series did to its dates: listed back to the coordinator.
public struct SeriesOutcome: Sendable, Hashable {
    public var series: StandingSeries
    /// Dates made by this write.
    public var made: [EscortRequest] = []
    /// Assigned dates the change still fits: their volunteer stays.
    public var kept: [EscortRequest] = []
    /// Assigned dates the change no longer fits: the volunteer is taken off, with the reason.
    public var released: [SeriesDateNote] = []
    /// Dates no longer in the series (paused, ended, a weekday dropped), cancelled with the reason.
    public var cancelled: [SeriesDateNote] = []
    /// Dates the standing volunteer was given.
    public var assigned: [EscortRequest] = []
    /// Dates the standing volunteer cannot take, with why: to assign one by one.
    public var cannotTake: [SeriesDateNote] = []
    /// The household's limits the dates made pass: the series is made all the same, and says so.
    public var limits: [RuleFinding] = []

    public init(series: StandingSeries) { self.series = series }
}

/// A return leg to split off an outbound request.
public struct ReturnLegDraft: Sendable, Hashable {
    /// Who takes the leg.
    public enum Volunteer: Sendable, Hashable {
        /// The outbound request's volunteer, if it has one.
        case same
        case other(Int64)
        case none

        func volunteerID(outbound: EscortRequest) -> Int64? {
            switch self {
            case .same: outbound.volunteerID
            case .other(let id): id
            case .none: nil
            }
        }
    }

    public var outboundID: Int64
    /// The pickup at the hospital, on the appointment's day; nil with `whenCalled`.
    public var pickup: ClockTime?
    /// The household is picked up when the hospital calls: an hour after the appointment is held.
    public var whenCalled: Bool
    public var expectedMinutes: Int
    public var volunteer: Volunteer

    public init(outboundID: Int64, pickup: ClockTime?, whenCalled: Bool, expectedMinutes: Int = 90, volunteer: Volunteer = .same) {
        self.outboundID = outboundID
        self.pickup = pickup
        self.whenCalled = whenCalled
        self.expectedMinutes = expectedMinutes
        self.volunteer = volunteer
    }
}

/// What splitting off a return leg did.
public struct ReturnLegOutcome: Sendable, Hashable {
    /// The outbound request, now ending at the appointment.
    public var outbound: EscortRequest
    public var leg: EscortRequest
    public var whenCalled: Bool
    /// Why the leg's volunteer could not take it (it is left pending), if so.
    public var refusal: Phrase?

    public init(outbound: EscortRequest, leg: EscortRequest, whenCalled: Bool, refusal: Phrase? = nil) {
        self.outbound = outbound
        self.leg = leg
        self.whenCalled = whenCalled
        self.refusal = refusal
    }
}

/// An outbound request and its return leg, as `return_leg` links them: what the requests pane
/// marks and the details show.
public struct ReturnLegLink: Sendable, Hashable {
    public var outboundID: Int64
    public var legID: Int64
    /// The household is picked up when the hospital calls (the leg's time is the one held).
    public var whenCalled: Bool

    public init(outboundID: Int64, legID: Int64, whenCalled: Bool) {
        self.outboundID = outboundID
        self.legID = legID
        self.whenCalled = whenCalled
    }
}
