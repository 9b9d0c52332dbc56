import Foundation

/// When a vehicle must be booked: how many days before the escort's day, by what time on that
/// day, whom to call, and when the service runs. Anyang's center vehicle (착한수레) and voucher
/// taxi (바우처택시) are booked by phone the day before; a site sets its own in config
/// (`[vehicles."NAME"]`).
public struct VehicleRule: Sendable, Hashable {
    /// The service's name as the call list and sheets show it.
    public var name: String
    /// The number to call; empty until the office sets it.
    public var phone: String
    /// Booked at the latest this many days before the escort's day…
    public var daysAhead: Int
    /// …by this time on that day.
    public var cutoff: ClockTime
    /// The hours its vehicles run, [opens, closes): 00:00–24:00 is all day.
    public var opens: ClockTime
    public var closes: ClockTime
    /// The days its vehicles run.
    public var days: Set<Weekday>

    public init(name: String, phone: String = "", daysAhead: Int = 1, cutoff: ClockTime,
                opens: ClockTime = ClockTime(minutes: 0), closes: ClockTime = ClockTime(minutes: 24 * 60),
                days: Set<Weekday> = Set(Weekday.allCases)) {
        self.name = name
        self.phone = phone
        self.daysAhead = daysAhead
        self.cutoff = cutoff
        self.opens = opens
        self.closes = closes
        self.days = days
    }

    /// Why this service cannot take a trip at `time` on `weekday`; nil when it runs then.
    public func gap(on weekday: Weekday, at time: ClockTime) -> ServiceGap? {
        if !days.contains(weekday) { return .closedDay(center: name, weekday: weekday) }
        if time < opens || time > closes { return .outsideHours(center: name, time: time, opens: opens, closes: closes) }
        return nil
    }
}

/// Why the center cannot take an escort: it does not run that day, or not at that hour.
public enum ServiceGap: Sendable, Hashable {
    case closedDay(center: String, weekday: Weekday)
    case outsideHours(center: String, time: ClockTime, opens: ClockTime, closes: ClockTime)
}

/// The rules by transport, and the one decision made from them: whether an escort is inside
/// its booking deadline without a confirmed vehicle, which is flagged as an urgent request is.
public struct VehicleRules: Sendable, Hashable {
    public var rules: [Transport: VehicleRule]
    /// How long before the deadline the flag goes up.
    public var warning: TimeInterval

    public init(rules: [Transport: VehicleRule], warning: TimeInterval = 24 * 3600) {
        self.rules = rules
        self.warning = warning
    }

    /// Anyang: the center's vehicle (착한수레) by 17:00 and the voucher taxi (바우처택시) by 18:00,
    /// the day before. The numbers and hours are those the city published (February 2026):
    /// 착한수레 through Gyeonggi's wide-area call center, 1666-0420, every day, all day;
    /// 바우처택시 through Anyang's call center, 031-400-7990, 07:00–18:00, not on Sundays.
    public static let anyang = VehicleRules(rules: [
        .centerVehicle: VehicleRule(name: "착한수레", phone: "1666-0420", daysAhead: 1, cutoff: ClockTime(minutes: 17 * 60)),
        .taxi: VehicleRule(name: "바우처택시", phone: "031-400-7990", daysAhead: 1, cutoff: ClockTime(minutes: 18 * 60),
                           opens: ClockTime(minutes: 7 * 60), closes: ClockTime(minutes: 18 * 60),
                           days: Set(Weekday.allCases).subtracting([.sun])),
    ])

    /// The service that takes `transport`, if it is booked.
    public func rule(for transport: Transport) -> VehicleRule? {
        transport.needsBooking ? rules[transport] : nil
    }

    /// Why the service cannot take `request`: the day or the pickup hour, and for a return trip
    /// the hour the escort is expected to end (pickup plus its expected minutes), outside when it runs. nil when it can, or
    /// when the request's transport is not booked.
    public func serviceGap(for request: EscortRequest, calendar: Calendar) -> ServiceGap? {
        guard let rule = rule(for: request.transport) else { return nil }
        let weekday = Weekday(request.pickupAt, calendar: calendar)
        if let gap = rule.gap(on: weekday, at: ClockTime(request.pickupAt, calendar: calendar)) { return gap }
        guard request.returnTrip else { return nil }
        let back = request.pickupAt.addingTimeInterval(TimeInterval(request.expectedMinutes * 60))
        // A return after midnight is outside any day's hours; the day check above covers the day.
        guard CivilDate(back, calendar: calendar) == CivilDate(request.pickupAt, calendar: calendar) else {
            return .outsideHours(center: rule.name, time: ClockTime(minutes: 24 * 60), opens: rule.opens, closes: rule.closes)
        }
        return rule.gap(on: weekday, at: ClockTime(back, calendar: calendar))
    }

    /// The last moment to book the vehicle of `request`; nil when its transport is not booked.
    public func deadline(for request: EscortRequest, calendar: Calendar) -> Date? {
        guard request.transport.needsBooking, let rule = rules[request.transport] else { return nil }
        let day = CivilDate(request.pickupAt, calendar: calendar).adding(days: -rule.daysAhead, calendar: calendar)
        return day.start(in: calendar).addingTimeInterval(TimeInterval(rule.cutoff.minutes * 60))
    }

    /// An escort still to happen, whose vehicle is not confirmed (nor said not needed), within
    /// `warning` of its deadline or past it: someone must call the center now.
    public func needsBooking(_ request: EscortRequest, booking: VehicleBooking?, now: Date, calendar: Calendar) -> Bool {
        guard !request.status.isEnd, request.pickupAt > now, let deadline = deadline(for: request, calendar: calendar) else { return false }
        let status = booking?.status ?? .toBook
        return status.isOpen && now >= deadline.addingTimeInterval(-warning)
    }
}
