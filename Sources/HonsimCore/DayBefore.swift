import Foundation

/// Whom a coordinator called about an escort the day before (or the day of).
public enum ContactParty: String, Sendable, Hashable, Codable, CaseIterable {
    case volunteer, household, family, center

    /// The household's side of an escort: the household itself, or its family contact.
    public var isHouseholdSide: Bool { self == .household || self == .family }
}

/// What a call came to.
public enum ContactResult: String, Sendable, Hashable, Codable, CaseIterable {
    case confirmed
    case noAnswer = "no_answer"
    case leftMessage = "left_message"
    case askedToChange = "asked_to_change"
    case cancelled

    /// The person asked for something to be done: a change, a cancellation, someone else.
    public var asksForAction: Bool { self == .askedToChange || self == .cancelled }
}

/// One call about one escort: with whom, what came of it, a note, who called and when.
public struct ContactAttempt: Sendable, Hashable, Codable, Identifiable {
    public var id: Int64
    public var requestID: Int64
    public var party: ContactParty
    public var result: ContactResult
    public var note: String
    public var at: Date
    public var by: String

    public init(id: Int64 = 0, requestID: Int64, party: ContactParty, result: ContactResult, note: String = "", at: Date, by: String = "") {
        self.id = id
        self.requestID = requestID
        self.party = party
        self.result = result
        self.note = note
        self.at = at
        self.by = by
    }
}

/// Where an escort stands after the calls: both sides confirmed, someone asked for something,
/// or a side still not reached. The order is the call list's: what needs a coordinator first.
public enum Readiness: Int, Sendable, Hashable, Comparable, CaseIterable {
    /// The household asked to change or cancel, or the volunteer cannot go.
    case needsAction
    /// Nobody holds the escort.
    case noVolunteer
    /// A side not yet confirmed.
    case unreached
    case ready

    public static func < (a: Readiness, b: Readiness) -> Bool { a.rawValue < b.rawValue }

    /// What the calls say of an escort. A side is confirmed by a confirmation that no later
    /// request for a change or a cancellation undid; a later "no answer" (a second call to
    /// make sure) does not undo it. `volunteerSince`: when the volunteer who holds the escort
    /// was assigned; calls to the volunteer side before it were to someone else.
    public init(attempts: [ContactAttempt], hasVolunteer: Bool, volunteerSince: Date? = nil) {
        let sides = CallSides(attempts, volunteerSince: volunteerSince)
        if sides.volunteer.asked || sides.household.asked { self = .needsAction }
        else if !hasVolunteer { self = .noVolunteer }
        else if sides.volunteer.confirmed && sides.household.confirmed { self = .ready }
        else { self = .unreached }
    }
}

/// The volunteer's side and the household's side of an escort's calls.
public struct CallSides: Sendable, Hashable {
    public struct Side: Sendable, Hashable {
        public var confirmed = false
        /// The latest word was a change or a cancellation, not taken back by a confirmation since.
        public var asked = false
        public var attempts = 0
        /// The latest call's result, if any.
        public var last: ContactResult?
    }

    public var volunteer = Side()
    public var household = Side()

    /// The sides as the calls leave them. With `volunteerSince` (when the volunteer who holds
    /// the escort now was assigned), the volunteer side counts only the calls made since: a
    /// replaced volunteer's confirmation is not the new one's.
    public init(_ attempts: [ContactAttempt], volunteerSince: Date? = nil) {
        for attempt in attempts.sorted(by: { ($0.at, $0.id) < ($1.at, $1.id) }) {
            switch attempt.party {
            case .volunteer:
                if let since = volunteerSince, attempt.at < since { continue }
                CallSides.note(attempt.result, on: &volunteer)
            case .household, .family: CallSides.note(attempt.result, on: &household)
            case .center: break
            }
        }
    }

    private static func note(_ result: ContactResult, on side: inout Side) {
        side.attempts += 1
        side.last = result
        switch result {
        case .confirmed: side.confirmed = true; side.asked = false
        case .askedToChange, .cancelled: side.confirmed = false; side.asked = true
        case .noAnswer, .leftMessage: break
        }
    }
}

/// Whether an escort's vehicle is booked with the center or the voucher taxi.
public enum BookingStatus: String, Sendable, Hashable, Codable, CaseIterable {
    case toBook = "to_book"
    case requested
    case confirmed
    case refused
    case notNeeded = "not_needed"

    /// Still to be seen to: booked with no answer yet, refused, or not asked at all.
    public var isOpen: Bool { self == .toBook || self == .requested || self == .refused }

    /// Where an escort with no booking stored stands: to book when its transport must be
    /// booked, else not needed.
    public static func unset(for transport: Transport) -> BookingStatus { transport.needsBooking ? .toBook : .notNeeded }
}

/// A vehicle booking as it stands: its status, the center's reference and vehicle once
/// confirmed, who set it and when.
public struct VehicleBooking: Sendable, Hashable, Codable {
    public var requestID: Int64
    public var status: BookingStatus
    public var reference: String
    public var vehicle: String
    public var updatedAt: Date?
    public var updatedBy: String

    public init(requestID: Int64, status: BookingStatus, reference: String = "", vehicle: String = "", updatedAt: Date? = nil, updatedBy: String = "") {
        self.requestID = requestID
        self.status = status
        self.reference = reference
        self.vehicle = vehicle
        self.updatedAt = updatedAt
        self.updatedBy = updatedBy
    }

    /// What an escort with no booking stored stands at: to book when its transport must be
    /// booked, else not needed.
    public static func unset(for request: EscortRequest) -> VehicleBooking {
        VehicleBooking(requestID: request.id, status: .unset(for: request.transport))
    }
}

extension Transport {
    /// The center's vehicle and the voucher taxi are booked by phone ahead of the day.
    public var needsBooking: Bool { self == .centerVehicle || self == .taxi }
}

/// A reminder message prepared for one side of an escort, and whether it went out.
public struct MessageRecord: Sendable, Hashable, Codable, Identifiable {
    public enum State: String, Sendable, Hashable, Codable, CaseIterable {
        /// Written into a file for a bulk-SMS service; nothing was sent by honsim.
        case prepared
        /// The sender command took it and exited 0.
        case sent
        /// The sender command was missing, failed or timed out.
        case failed
    }

    public var id: Int64
    public var requestID: Int64
    /// The escort's day, `YYYY-MM-DD`.
    public var day: CivilDate
    public var party: ContactParty
    public var phone: String
    public var text: String
    public var state: State
    /// The sender's exit status; nil when nothing ran or it was killed.
    public var exitStatus: Int?
    public var detail: String
    public var at: Date
    public var by: String

    public init(id: Int64 = 0, requestID: Int64, day: CivilDate, party: ContactParty, phone: String, text: String, state: State,
                exitStatus: Int? = nil, detail: String = "", at: Date, by: String = "") {
        self.id = id
        self.requestID = requestID
        self.day = day
        self.party = party
        self.phone = phone
        self.text = text
        self.state = state
        self.exitStatus = exitStatus
        self.detail = detail
        self.at = at
        self.by = by
    }
}

/// One escort of a day as the call list shows it: the request, both sides, the calls made,
/// the vehicle and the messages.
public struct DayEscort: Sendable, Hashable {
    public var request: EscortRequest
    public var household: Household
    public var volunteer: Volunteer?
    /// Oldest first.
    public var attempts: [ContactAttempt]
    public var booking: VehicleBooking
    public var messages: [MessageRecord]

    public init(request: EscortRequest, household: Household, volunteer: Volunteer?, attempts: [ContactAttempt],
                booking: VehicleBooking, messages: [MessageRecord] = []) {
        self.request = request
        self.household = household
        self.volunteer = volunteer
        self.attempts = attempts
        self.booking = booking
        self.messages = messages
    }

    public var readiness: Readiness {
        Readiness(attempts: attempts, hasVolunteer: request.volunteerID != nil, volunteerSince: request.assignedAt)
    }
    public var sides: CallSides { CallSides(attempts, volunteerSince: request.assignedAt) }
    /// The vehicle is still to be seen to.
    public var vehicleOpen: Bool { request.transport.needsBooking && booking.status.isOpen }
}

/// Every escort of one day, and the day at a glance: how many are ready, unreached, and how
/// many vehicles are still to book. Read a screen at a time (`DayBefore.escorts(on:detailing:)`),
/// it holds the first escorts of the day's order only, and the whole day's summary.
public struct EscortDay: Sendable, Hashable {
    public var day: CivilDate
    /// In the call list's order: what needs a coordinator first, then by pickup time. The
    /// first `summary.total` of them, or the first few when the day was read a screen at a time.
    public private(set) var escorts: [DayEscort]
    /// The whole day at a glance, however much of it `escorts` holds.
    public let summary: Summary

    /// The whole day, put in the call list's order.
    public init(day: CivilDate, escorts: [DayEscort]) {
        self.day = day
        // Each escort's place is worked out once (its readiness looks through its calls), and
        // the escorts, large values, are moved into it in place rather than copied: a city's
        // day has thousands.
        let marks = escorts.map { EscortMark(id: $0.request.id, pickupAt: $0.request.pickupAt, readiness: $0.readiness, vehicleOpen: $0.vehicleOpen) }
        var escorts = escorts
        Self.arrange(&escorts, as: Self.order(marks))
        self.escorts = escorts
        summary = Summary(marks)
    }

    /// The first escorts of a day whose whole is `summary`, already in the call list's order.
    public init(day: CivilDate, first escorts: [DayEscort], of summary: Summary) {
        self.day = day
        self.escorts = escorts
        self.summary = summary
    }

    /// Every escort of the day is here.
    public var isWhole: Bool { escorts.count == summary.total }

    /// The positions of `marks` in the call list's order: what needs a coordinator first
    /// (readiness), then by pickup time, then by request.
    public static func order(_ marks: [EscortMark]) -> [Int] {
        marks.indices.sorted { (marks[$0].readiness, marks[$0].pickupAt, marks[$0].id) < (marks[$1].readiness, marks[$1].pickupAt, marks[$1].id) }
    }

    /// Puts `order[i]`'s element at `i`, following each cycle of the permutation with swaps
    /// of the buffer, which move the values rather than copy them.
    static func arrange<Element>(_ elements: inout [Element], as order: [Int]) {
        var placed = [Bool](repeating: false, count: order.count)
        elements.withUnsafeMutableBufferPointer { buffer in
            for start in order.indices where !placed[start] {
                var current = start
                while true {
                    placed[current] = true
                    let next = order[current]
                    if next == start { break }
                    buffer.swapAt(current, next)
                    current = next
                }
            }
        }
    }

    public struct Summary: Sendable, Hashable, Codable {
        public var total: Int
        public var ready = 0
        public var unreached = 0
        public var needsAction = 0
        public var noVolunteer = 0
        public var vehiclesToBook = 0

        /// The day's counts from each escort's mark.
        public init(_ marks: [EscortMark]) {
            self.init(total: marks.count)
            for mark in marks {
                switch mark.readiness {
                case .ready: ready += 1
                case .unreached: unreached += 1
                case .needsAction: needsAction += 1
                case .noVolunteer: noVolunteer += 1
                }
                if mark.vehicleOpen { vehiclesToBook += 1 }
            }
        }

        public init(total: Int, ready: Int = 0, unreached: Int = 0, needsAction: Int = 0, noVolunteer: Int = 0, vehiclesToBook: Int = 0) {
            self.total = total
            self.ready = ready
            self.unreached = unreached
            self.needsAction = needsAction
            self.noVolunteer = noVolunteer
            self.vehiclesToBook = vehiclesToBook
        }
    }
}

/// What places an escort in the call list and counts it in the day's summary: a few cells of
/// its request, its booking's status and its calls, read for a whole day without the
/// households behind it.
public struct EscortMark: Sendable, Hashable {
    public var id: Int64
    public var pickupAt: Date
    public var readiness: Readiness
    /// The vehicle is still to be seen to (`DayEscort.vehicleOpen`).
    public var vehicleOpen: Bool

    public init(id: Int64, pickupAt: Date, readiness: Readiness, vehicleOpen: Bool) {
        self.id = id
        self.pickupAt = pickupAt
        self.readiness = readiness
        self.vehicleOpen = vehicleOpen
    }

    /// The mark of a request with these calls and this booking (nil: none stored), as
    /// `DayEscort` works it out from the whole records.
    public init(id: Int64, pickupAt: Date, hasVolunteer: Bool, assignedAt: Date?, transport: Transport, booking: BookingStatus?,
                attempts: [ContactAttempt]) {
        let status = booking ?? .unset(for: transport)
        self.init(id: id, pickupAt: pickupAt,
                  readiness: Readiness(attempts: attempts, hasVolunteer: hasVolunteer, volunteerSince: assignedAt),
                  vehicleOpen: transport.needsBooking && status.isOpen)
    }
}

/// What the day before counts in the statistics, for one escort that held a volunteer.
public enum CallFigures {
    /// Both sides confirmed before the escort's day began.
    public static func confirmedDayBefore(_ attempts: [ContactAttempt], dayStart: Date) -> Bool {
        let sides = CallSides(attempts.filter { $0.at < dayStart })
        return sides.volunteer.confirmed && sides.household.confirmed
    }

    /// Someone was called, yet by pickup a side had not confirmed: tried and not reached.
    public static func unreached(_ attempts: [ContactAttempt], pickupAt: Date) -> Bool {
        let before = attempts.filter { $0.at < pickupAt }
        guard !before.isEmpty else { return false }
        let sides = CallSides(before)
        return !(sides.volunteer.confirmed && sides.household.confirmed)
    }
}
