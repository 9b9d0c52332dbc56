import Foundation

/// A period the statistics cover: `[` and `]` move it in the dashboard.
public enum StatisticsPeriod: Sendable, Hashable {
    case week(containing: CivilDate)
    case month(year: Int, month: Int)
    case year(Int)

    public static func thisWeek(now: Date, calendar: Calendar) -> StatisticsPeriod { .week(containing: CivilDate(now, calendar: calendar)) }
    public static func thisMonth(now: Date, calendar: Calendar) -> StatisticsPeriod {
        let day = CivilDate(now, calendar: calendar)
        return .month(year: day.year, month: day.month)
    }

    /// Parses `YYYY-MM`.
    public init?(month text: String) {
        let parts = text.split(separator: "-")
        guard parts.count == 2, parts[0].count == 4, let year = Int(parts[0]), let month = Int(parts[1]), (1...12).contains(month)
        else { return nil }
        self = .month(year: year, month: month)
    }

    /// The half-open range of time the period covers.
    public func range(calendar: Calendar) -> TimeSpan {
        switch self {
        case .week(let day):
            let weekdayIndex = Weekday(day.start(in: calendar), calendar: calendar).rawValue - 1
            let monday = day.adding(days: -weekdayIndex, calendar: calendar)
            return TimeSpan(start: monday.start(in: calendar), end: monday.adding(days: 7, calendar: calendar).start(in: calendar))
        case .month(let year, let month):
            let first = CivilDate(year: year, month: month, day: 1)
            let next = month == 12 ? CivilDate(year: year + 1, month: 1, day: 1) : CivilDate(year: year, month: month + 1, day: 1)
            return TimeSpan(start: first.start(in: calendar), end: next.start(in: calendar))
        case .year(let year):
            return TimeSpan(start: CivilDate(year: year, month: 1, day: 1).start(in: calendar),
                            end: CivilDate(year: year + 1, month: 1, day: 1).start(in: calendar))
        }
    }

    /// The period before this one, for "change from the month before".
    public func previous(calendar: Calendar) -> StatisticsPeriod {
        switch self {
        case .week(let day): return .week(containing: day.adding(days: -7, calendar: calendar))
        case .month(let year, let month): return month == 1 ? .month(year: year - 1, month: 12) : .month(year: year, month: month - 1)
        case .year(let year): return .year(year - 1)
        }
    }

    /// The period in numbers, the same in every language: 2026-11-30–12-06, 2026-11, 2026.
    public var label: String {
        switch self {
        case .week(let day):
            var calendar = Calendar(identifier: .gregorian)
            calendar.timeZone = TimeZone(identifier: "UTC") ?? calendar.timeZone
            let monday = day.adding(days: -(Weekday(day.start(in: calendar), calendar: calendar).rawValue - 1), calendar: calendar)
            let sunday = monday.adding(days: 6, calendar: calendar)
            return String(format: "%@–%02d-%02d", monday.description, sunday.month, sunday.day)
        case .month(let year, let month): return String(format: "%04d-%02d", year, month)
        case .year(let year): return "\(year)"
        }
    }
}

/// The few facts of one request that statistics need.
public struct RequestFact: Sendable, Hashable {
    public var dongCode: String
    public var status: RequestStatus
    public var appointmentAt: Date
    public var minutesToAssign: Int?
    public var volunteerID: Int64?
    public var householdID: Int64
    /// Minutes a volunteer gave; only completed escorts count.
    public var volunteerMinutes: Int

    public init(dongCode: String, status: RequestStatus, appointmentAt: Date, minutesToAssign: Int?, volunteerID: Int64?, householdID: Int64, volunteerMinutes: Int) {
        self.dongCode = dongCode
        self.status = status
        self.appointmentAt = appointmentAt
        self.minutesToAssign = minutesToAssign
        self.volunteerID = volunteerID
        self.householdID = householdID
        self.volunteerMinutes = volunteerMinutes
    }
}

/// The figures of one dong, one gu or the whole city over a period.
public struct AreaStatistics: Sendable, Hashable {
    public var requests = 0
    public var completed = 0
    public var cancelled = 0
    public var noShows = 0
    public var pending = 0
    /// Pending with the appointment within 48 hours.
    public var urgentUnassigned = 0
    public var volunteerMinutes = 0
    public var activeVolunteers = 0
    public var householdsServed = 0
    public var medianMinutesToAssign: Int?
    /// Escorts both of whose sides confirmed by phone before the escort's day (CallFigures).
    public var confirmedDayBefore = 0
    /// Escorts for which calls were made and a side was still not reached by pickup.
    public var unreached = 0

    public init() {}

    /// Completed among the requests that ended (completed, cancelled or no-show); nil when none ended.
    public var fulfilmentRate: Double? {
        let ended = completed + cancelled + noShows
        return ended == 0 ? nil : Double(completed) / Double(ended)
    }
}

/// Per-dong statistics with totals by gu and for the city.
public struct StatisticsReport: Sendable, Hashable {
    public var period: StatisticsPeriod
    public var byDong: [String: AreaStatistics]
    public var byGu: [String: AreaStatistics]
    public var city: AreaStatistics

    public init(period: StatisticsPeriod, byDong: [String: AreaStatistics], byGu: [String: AreaStatistics], city: AreaStatistics) {
        self.period = period
        self.byDong = byDong
        self.byGu = byGu
        self.city = city
    }
}
