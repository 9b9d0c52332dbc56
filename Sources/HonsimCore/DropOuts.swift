import Foundation

/// A volunteer drops out of escorts they hold when their schedule changes under them: a day
/// off, or a narrower weekly window. Only what the change itself breaks counts: an escort
/// assigned outside the volunteer's hours by a coordinator's override is not listed again
/// each time some other part of the schedule is edited.
public enum DropOuts {
    /// The held escorts (assigned or confirmed, not yet begun) that `after` rules out and
    /// `before` allowed (all of them when `after` closes the record), urgent ones first, then
    /// by pickup time.
    public static func collisions(before: Volunteer, after: Volunteer, held: [EscortRequest], now: Date,
                                  calendar: Calendar) -> [EscortRequest] {
        let broken = held.filter { request in
            guard isHeld(request, now: now) else { return false }
            // Closing a record takes the volunteer off everything, overrides included.
            if after.closed && !before.closed { return true }
            return allows(before, request, calendar: calendar) && !allows(after, request, calendar: calendar)
        }
        return ordered(broken, now: now)
    }

    /// Still the volunteer's to go on, and releasable: assigned or confirmed, pickup ahead.
    public static func isHeld(_ request: EscortRequest, now: Date) -> Bool {
        (request.status == .assigned || request.status == .confirmed) && request.pickupAt >= now
    }

    /// Whether a volunteer's schedule lets them go on the request: not a day off on any day it
    /// touches, and one weekly window covers it.
    public static func allows(_ volunteer: Volunteer, _ request: EscortRequest, calendar: Calendar) -> Bool {
        if volunteer.closed { return false }
        let span = request.span
        let first = CivilDate(span.start, calendar: calendar)
        let last = CivilDate(span.end.addingTimeInterval(-1), calendar: calendar)
        if volunteer.daysOff.contains(where: { $0.from <= last && first <= $0.to }) { return false }
        return volunteer.availability.covers(span, calendar: calendar)
    }

    /// Urgent first (the appointment within 48 hours: once released it needs someone now),
    /// then by pickup, then by number.
    public static func ordered(_ requests: [EscortRequest], now: Date) -> [EscortRequest] {
        func urgent(_ request: EscortRequest) -> Bool {
            request.appointmentAt >= now && request.appointmentAt.timeIntervalSince(now) <= Urgency.window
        }
        return requests.sorted { a, b in
            let (ua, ub) = (urgent(a), urgent(b))
            if ua != ub { return ua }
            return a.pickupAt == b.pickupAt ? a.id < b.id : a.pickupAt < b.pickupAt
        }
    }
}
