import Foundation

/// When a vehicle must be booked: how many days before the escort's day, by what time on that
/// day, and whom to call. Anyang's center vehicle (착한수레) and voucher taxi (바우처택시) are
/// booked by phone the day before; the phone numbers are the office's to fill in, in config.
public struct VehicleRule: Sendable, Hashable {
    /// The service's name as the call list and sheets show it.
    public var name: String
    /// The number to call; empty until the office sets it.
    public var phone: String
    /// Booked at the latest this many days before the escort's day…
    public var daysAhead: Int
    /// …by this time on that day.
    public var cutoff: ClockTime

    public init(name: String, phone: String = "", daysAhead: Int = 1, cutoff: ClockTime) {
        self.name = name
        self.phone = phone
        self.daysAhead = daysAhead
        self.cutoff = cutoff
    }
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

    /// Anyang: the center's vehicle by 17:00 and the voucher taxi by 18:00, the day before.
    public static let anyang = VehicleRules(rules: [
        .centerVehicle: VehicleRule(name: "착한수레", daysAhead: 1, cutoff: ClockTime(minutes: 17 * 60)),
        .taxi: VehicleRule(name: "바우처택시", daysAhead: 1, cutoff: ClockTime(minutes: 18 * 60)),
    ])

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
