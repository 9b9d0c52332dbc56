import Foundation
import HonsimCore

/// A volunteer as saved, with the escorts the change took them off: days off or narrower
/// windows that now rule out escorts they held, urgent ones first. Nothing is released by
/// the save itself; `releaseDropOuts` does that, so the coordinator sees the list first.
public struct VolunteerSaved: Sendable, Hashable {
    public var volunteer: Volunteer
    public var dropOuts: [EscortRequest]

    public init(volunteer: Volunteer, dropOuts: [EscortRequest]) {
        self.volunteer = volunteer
        self.dropOuts = dropOuts
    }
}

/// Everything the household page shows: the record, every request it ever had (by
/// appointment), and the names of the volunteers who held any of them.
public struct HouseholdRecord: Sendable, Hashable {
    public var household: Household
    public var requests: [EscortRequest]
    public var volunteerNames: [Int64: String]
    /// The household's name, phone and address as they are (the view was logged), or masked.
    public var isFull: Bool
    /// The calls made about each of its requests, oldest first (their notes only in full).
    public var attempts: [Int64: [ContactAttempt]]
    /// The household under its council's rules: eligibility, uses, no-shows (CouncilRuleRecords.swift).
    public var standing: HouseholdStanding?

    public init(household: Household, requests: [EscortRequest], volunteerNames: [Int64: String], isFull: Bool = true,
                attempts: [Int64: [ContactAttempt]] = [:]) {
        self.household = household
        self.requests = requests
        self.volunteerNames = volunteerNames
        self.isFull = isFull
        self.attempts = attempts
    }

    /// Every call about the household's requests, newest first.
    public var calls: [ContactAttempt] {
        attempts.values.flatMap { $0 }.sorted { ($0.at, $0.id) > ($1.at, $1.id) }
    }

    /// The record as a role that may not see the household in full gets it.
    func masked() -> HouseholdRecord {
        var record = self
        record.household.name = Masking.name(household.name)
        record.household.phone = Masking.phone(household.phone)
        record.household.address = Masking.address(household.address)
        record.household.family = household.family.masked
        record.attempts = attempts.mapValues { $0.map { var attempt = $0; attempt.note = ""; return attempt } }
        record.standing = standing?.masked()
        record.isFull = false
        return record
    }

    /// Completed escorts, newest first.
    public var history: [EscortRequest] {
        requests.filter { $0.status == .completed || $0.status == .noShow || $0.status == .cancelled }.reversed()
    }

    /// Appointments still to come (not ended), soonest first.
    public func upcoming(now: Date) -> [EscortRequest] {
        requests.filter { !$0.status.isEnd && $0.appointmentAt >= now }
    }

    /// What doctors said, newest first, with whether a follow-up was asked for.
    public var doctorNotes: [EscortRequest] {
        history.filter { ($0.completion?.doctorNotes.isEmpty == false) || $0.completion?.followUp == true }
    }

    /// Volunteers who completed escorts with the household, most often first.
    public var companions: [Companion] {
        var counts: [Int64: Int] = [:]
        for request in requests where request.status == .completed {
            if let id = request.volunteerID { counts[id, default: 0] += 1 }
        }
        let list: [Companion] = counts.map { id, escorts in
            Companion(volunteerID: id, name: volunteerNames[id] ?? "#\(id)", escorts: escorts)
        }
        return list.sorted { a, b in a.escorts == b.escorts ? a.volunteerID < b.volunteerID : a.escorts > b.escorts }
    }

    public struct Companion: Sendable, Hashable {
        public var volunteerID: Int64
        public var name: String
        public var escorts: Int
    }
}

/// Everything the volunteer page shows.
public struct VolunteerRecord: Sendable, Hashable {
    public var volunteer: Volunteer
    /// Requests the volunteer held, holds or completed (not those released from them), by appointment.
    public var escorts: [EscortRequest]
    public var households: [Int64: Household]
    /// Completed minutes and escorts by month, "2026-11", oldest first.
    public var months: [MonthHours]

    public init(volunteer: Volunteer, escorts: [EscortRequest], households: [Int64: Household], months: [MonthHours]) {
        self.volunteer = volunteer
        self.escorts = escorts
        self.households = households
        self.months = months
    }

    public func upcoming(now: Date) -> [EscortRequest] {
        escorts.filter { $0.status.holdsVolunteer && $0.pickupAt >= now }
    }

    public var history: [EscortRequest] { escorts.filter(\.status.isEnd).reversed() }
}

public struct MonthHours: Sendable, Hashable {
    public var month: String
    public var escorts: Int
    public var minutes: Int

    public init(month: String, escorts: Int, minutes: Int) {
        self.month = month
        self.escorts = escorts
        self.minutes = minutes
    }
}

/// One volunteer's completed escorts in a month, for the national volunteer portal (1365).
public struct VolunteerHours: Sendable, Hashable {
    public struct Escort: Sendable, Hashable {
        public var requestID: Int64
        public var start: Date
        public var minutes: Int
        public var dongCode: String
        public var hospital: String
    }

    public var volunteerID: Int64
    public var name: String
    public var dongCode: String
    public var escorts: [Escort]

    public var minutes: Int { escorts.reduce(0) { $0 + $1.minutes } }
}
