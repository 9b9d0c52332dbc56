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
            // A new day off takes the volunteer off whatever they hold that day, even an escort
            // given to them outside their weekly hours; a narrower window only what it used to cover.
            let (offBefore, offAfter) = (isOff(before, request, calendar: calendar), isOff(after, request, calendar: calendar))
            if offAfter { return !offBefore }
            return !after.closed && before.availability.covers(request.span, calendar: calendar)
                && !after.availability.covers(request.span, calendar: calendar)
        }
        return ordered(broken, now: now)
    }

    /// Still the volunteer's to go on, and releasable: assigned or confirmed, pickup ahead.
    public static func isHeld(_ request: EscortRequest, now: Date) -> Bool {
        (request.status == .assigned || request.status == .confirmed) && request.pickupAt >= now
    }

    /// Whether one of the volunteer's days off touches a day of the escort.
    public static func isOff(_ volunteer: Volunteer, _ request: EscortRequest, calendar: Calendar) -> Bool {
        let first = CivilDate(request.span.start, calendar: calendar)
        let last = CivilDate(request.span.end.addingTimeInterval(-1), calendar: calendar)
        return volunteer.daysOff.contains { $0.from <= last && first <= $0.to }
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
