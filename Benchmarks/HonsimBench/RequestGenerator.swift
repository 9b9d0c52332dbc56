import Foundation
import HonsimCore

/// Escort requests over the past two years and the next two weeks, with the statuses a
/// real queue would have: history that ended, a few escorts under way, and a future of
/// pending, assigned and confirmed requests. Active requests never double-book a volunteer.
struct RequestGenerator {
    static let pastDays = 730
    static let futureDays = 14

    private let population: Population
    private let spec: GenerateSpec
    private let calendar: Calendar
    private let nowSeconds: Int64
    private let buffer: Int64
    /// Active spans (pickup, end in seconds) per volunteer slot, for the overlap rule.
    private var active: [[(start: Int64, end: Int64)]]
    private(set) var statusCounts: [RequestStatus: Int] = [:]
    private(set) var demotedToPending = 0

    init(population: Population, spec: GenerateSpec, calendar: Calendar) {
        self.population = population
        self.spec = spec
        self.calendar = calendar
        self.nowSeconds = Int64(spec.now.timeIntervalSince1970.rounded())
        self.buffer = Int64(MatchRules().travelBuffer)
        self.active = Array(repeating: [], count: population.volunteers.count)
    }

    /// One day of the calendar, worked out once so the per-request work is arithmetic.
    private struct Day {
        var start: Int64
        var weekday: Weekday
        var date: CivilDate
        var count: Int
    }

    /// A request's time and household, drawn first so a day's requests can be sorted by
    /// pickup: ids then rise with time, as the store's load inserts them.
    private struct Slot {
        var household: Int
        var purpose: Purpose
        var appointmentMinute: Int
        var pickupMinute: Int
    }

    mutating func generate(rng: inout SplitMix64, progress: (Int) -> Void) -> [EscortRequest] {
        var requests: [EscortRequest] = []
        requests.reserveCapacity(spec.requests)
        for day in days() {
            var slots = (0..<day.count).map { _ in slot(on: day.weekday, rng: &rng) }
            slots.sort { ($0.pickupMinute, $0.household) < ($1.pickupMinute, $1.household) }
            for slot in slots {
                let request = make(slot, day: day, id: Int64(requests.count + 1), rng: &rng)
                statusCounts[request.status, default: 0] += 1
                requests.append(request)
                if requests.count % 200_000 == 0 { progress(requests.count) }
            }
        }
        return requests
    }

    /// Spreads the requests over the days: weekdays full, Saturdays light, Sundays nearly
    /// empty, and the service growing by a third over the two years.
    private func days() -> [Day] {
        let today = CivilDate(spec.now, calendar: calendar)
        let total = RequestGenerator.pastDays + RequestGenerator.futureDays
        var days: [Day] = []
        var weights: [Double] = []
        for offset in 0..<total {
            let date = today.adding(days: offset - RequestGenerator.pastDays, calendar: calendar)
            let start = date.start(in: calendar)
            let weekday = Weekday(start, calendar: calendar)
            let share = weekday == .sat ? 0.25 : weekday == .sun ? 0.06 : 1.0
            weights.append(share * (0.75 + 0.25 * Double(offset) / Double(total)))
            days.append(Day(start: Int64(start.timeIntervalSince1970.rounded()), weekday: weekday, date: date, count: 0))
        }
        // Cumulative rounding: the counts add up to exactly the number asked for.
        let sum = weights.reduce(0, +)
        var cumulative = 0.0
        var assigned = 0
        for index in days.indices {
            cumulative += weights[index]
            let upTo = Int((cumulative / sum * Double(spec.requests)).rounded())
            days[index].count = upTo - assigned
            assigned = upTo
        }
        return days
    }

    private func slot(on weekday: Weekday, rng: inout SplitMix64) -> Slot {
        // A tenth of the households are regulars (dialysis, rehab) who make a third of the requests.
        let regular = rng.chance(0.33)
        var household = rng.int(0..<population.households.count)
        if regular { household -= household % 10 }
        let purpose: Purpose
        if regular {
            purpose = household % 20 == 0 ? .dialysis : .rehab
        } else {
            let roll = rng.int(0..<100)
            purpose = roll < 60 ? .clinic : roll < 80 ? .tests : roll < 86 ? .chemo : roll < 92 ? .rehab : .other
        }
        let appointment = purpose == .dialysis ? rng.int(16...20) * 30 : rng.int(48...96) * 10  // 08:00–16:00
        let pickup = appointment - rng.int(2...6) * 10
        return Slot(household: household, purpose: purpose, appointmentMinute: appointment, pickupMinute: pickup)
    }

    private static func expectedMinutes(_ purpose: Purpose, rng: inout SplitMix64) -> Int {
        switch purpose {
        case .dialysis: return 300
        case .chemo: return rng.int(10...14) * 30
        case .tests: return rng.int(5...8) * 30
        case .rehab: return 150
        case .clinic: return rng.int(4...8) * 30
        case .other: return rng.int(3...6) * 30
        }
    }

    private static func transport(wheelchair: Bool, rng: inout SplitMix64) -> Transport {
        let roll = rng.int(0..<100)
        if wheelchair { return roll < 70 ? .centerVehicle : roll < 85 ? .taxi : .volunteerCar }
        return roll < 45 ? .publicTransport : roll < 62 ? .centerVehicle : roll < 77 ? .taxi : roll < 90 ? .walk : .volunteerCar
    }

    private mutating func make(_ slot: Slot, day: Day, id: Int64, rng: inout SplitMix64) -> EscortRequest {
        let household = population.households[slot.household]
        let wheelchair = household.mobility == .wheelchair
        let transport = RequestGenerator.transport(wheelchair: wheelchair, rng: &rng)
        let expected = RequestGenerator.expectedMinutes(slot.purpose, rng: &rng)
        let pickup = day.start + Int64(slot.pickupMinute * 60)
        let end = pickup + Int64(expected * 60)
        // Requested one day to a month ahead, during office hours; never after "now".
        var created = day.start - Int64(rng.int(1...30) * 86_400) + Int64(rng.int(9 * 60...17 * 60) * 60)
        if created > nowSeconds { created = nowSeconds - Int64(rng.int(10...2 * 24 * 60) * 60) }

        var status = RequestGenerator.status(pickup: pickup, end: end, now: nowSeconds, rng: &rng)
        var volunteer: Int?
        if status.holdsVolunteer {
            volunteer = freeVolunteer(for: slot, day: day, span: (pickup, end), wheelchair: wheelchair, car: transport.needsVolunteerCar, rng: &rng)
            if let volunteer { active[volunteer].append((pickup, end)) } else {
                status = .pending
                demotedToPending += 1
            }
        } else if status == .completed || status == .noShow {
            volunteer = anyVolunteer(for: slot, wheelchair: wheelchair, car: transport.needsVolunteerCar, rng: &rng)
            // Only a tiny store can lack a suitable volunteer; such history was cancelled.
            if volunteer == nil { status = .cancelled }
        }
        // Assigned minutes to days after the request came in, before pickup, never after now.
        let assigned = volunteer.map { _ in
            max(created, min(created + Int64(rng.int(10...3 * 24 * 60) * 60), pickup - 1800, nowSeconds))
        }
        let updated: Int64 = status.isEnd ? min(nowSeconds, status == .cancelled ? max(created, pickup - 86_400) : end + 1800)
            : status == .inProgress ? pickup : assigned ?? created
        let coordinator = SyntheticNames.coordinators[slot.household % SyntheticNames.coordinators.count]

        return EscortRequest(
            id: id, householdID: household.id, dongCode: household.dongCode,
            hospital: SyntheticNames.hospitals[(slot.household / 7) % SyntheticNames.hospitals.count],
            department: slot.purpose == .dialysis ? "신장내과" : rng.pick(SyntheticNames.departments),
            appointmentAt: date(day.start + Int64(slot.appointmentMinute * 60)), pickupAt: date(pickup),
            pickupPlace: rng.pick(SyntheticNames.pickupPlaces), returnTrip: rng.chance(0.8), transport: transport,
            purpose: slot.purpose, expectedMinutes: expected, status: status,
            volunteerID: volunteer.map { population.volunteers[$0].id },
            seriesID: slot.purpose == .dialysis || slot.purpose == .rehab ? "S\(household.id)" : nil,
            createdAt: date(created), assignedAt: assigned.map(date),
            completion: status == .completed ? Completion(
                actualMinutes: max(10, expected + rng.int(-4...6) * 5), outcome: rng.pick(SyntheticNames.outcomes),
                doctorNotes: rng.pick(SyntheticNames.doctorNotes), followUp: rng.chance(0.15)) : nil,
            cancelReason: status == .cancelled ? rng.pick(SyntheticNames.cancelReasons) : nil,
            version: status == .pending ? 1 : status.isEnd ? 4 : 2, updatedAt: date(updated), updatedBy: coordinator)
    }

    private func date(_ seconds: Int64) -> Date { Date(timeIntervalSince1970: TimeInterval(seconds)) }

    /// History ended; escorts under way now are in progress; the future is mostly pending
    /// far ahead and mostly assigned or confirmed in the next few days.
    private static func status(pickup: Int64, end: Int64, now: Int64, rng: inout SplitMix64) -> RequestStatus {
        if end <= now {
            let roll = rng.int(0..<100)
            return roll < 86 ? .completed : roll < 96 ? .cancelled : .noShow
        }
        if pickup <= now { return rng.chance(0.95) ? .inProgress : .cancelled }
        if rng.chance(0.04) { return .cancelled }
        let daysAhead = Double(pickup - now) / 86_400
        if rng.chance(0.12 + 0.6 * min(1, daysAhead / Double(futureDays))) { return .pending }
        return rng.chance(daysAhead < 3 ? 0.7 : 0.25) ? .confirmed : .assigned
    }

    /// A volunteer for an active request: near the household first, available in the
    /// window and not on a day off; then, as a coordinator would override, anyone suitable.
    /// Never one whose active escorts come within the travel buffer of this one.
    private func freeVolunteer(for slot: Slot, day: Day, span: (Int64, Int64), wheelchair: Bool, car: Bool,
                               rng: inout SplitMix64) -> Int? {
        let dong = Int(population.householdDong[slot.household])
        let near = population.volunteersByDong[dong]
        let gu = population.volunteersByGu[population.guOfDong[dong]]
        let pool = population.pool(wheelchair: wheelchair, car: car)
        for attempt in 0..<60 {
            let list = attempt < 15 ? near : attempt < 30 ? gu : pool
            guard !list.isEmpty else { continue }
            let slotIndex = Int(rng.pick(list))
            let volunteer = population.volunteers[slotIndex]
            guard !volunteer.closed, population.isSuitable(slotIndex, wheelchair: wheelchair, car: car) else { continue }
            let strict = attempt < 45
            if strict {
                let covered = volunteer.availability.contains {
                    $0.weekday == day.weekday && $0.start.minutes <= slot.pickupMinute
                        && slot.pickupMinute + Int((span.1 - span.0) / 60) <= $0.end.minutes
                }
                guard covered, volunteer.dayOff(on: day.date) == nil else { continue }
            }
            let clash = active[slotIndex].contains { span.0 < $0.end + buffer && $0.start < span.1 + buffer }
            if !clash { return slotIndex }
        }
        return nil
    }

    /// History needs only the hard filters; overlaps among ended escorts are allowed.
    private func anyVolunteer(for slot: Slot, wheelchair: Bool, car: Bool, rng: inout SplitMix64) -> Int? {
        let near = population.volunteersByDong[Int(population.householdDong[slot.household])]
        for _ in 0..<8 where !near.isEmpty {
            let candidate = Int(rng.pick(near))
            if population.isSuitable(candidate, wheelchair: wheelchair, car: car) { return candidate }
        }
        let pool = population.pool(wheelchair: wheelchair, car: car)
        return pool.isEmpty ? nil : Int(rng.pick(pool))
    }
}
