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

    public var label: String {
        switch self {
        case .week(let day): return "\(day) 주"
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
}

/// Folds request facts into per-dong, per-gu and city figures in one pass. Distinct counts
/// and medians are computed per area, never summed from the dongs, so totals are exact.
public struct StatisticsAccumulator {
    private struct Tally {
        var figures = AreaStatistics()
        var assignMinutes: [Int] = []
        var volunteers = Set<Int64>()
        var households = Set<Int64>()

        mutating func add(_ fact: RequestFact, now: Date) {
            figures.requests += 1
            switch fact.status {
            case .completed:
                figures.completed += 1
                households.insert(fact.householdID)
            case .cancelled: figures.cancelled += 1
            case .noShow: figures.noShows += 1
            case .pending:
                figures.pending += 1
                if fact.appointmentAt >= now && fact.appointmentAt.timeIntervalSince(now) <= Urgency.window {
                    figures.urgentUnassigned += 1
                }
            case .assigned, .confirmed, .inProgress: break
            }
            if fact.status == .completed { figures.volunteerMinutes += fact.volunteerMinutes }
            // A volunteer who went to a no-show still went.
            if let volunteer = fact.volunteerID, fact.status == .completed || fact.status == .noShow || fact.status.holdsVolunteer {
                volunteers.insert(volunteer)
            }
            if let minutes = fact.minutesToAssign { assignMinutes.append(minutes) }
        }

        func finished() -> AreaStatistics {
            var result = figures
            result.activeVolunteers = volunteers.count
            result.householdsServed = households.count
            result.medianMinutesToAssign = StatisticsAccumulator.median(assignMinutes)
            return result
        }
    }

    private let gu: (String) -> String?
    private let now: Date
    private var dongs: [String: Tally] = [:]
    private var gus: [String: Tally] = [:]
    private var city = Tally()

    public init(dongs: DongDirectory, now: Date) {
        self.gu = { dongs.gu(of: $0) }
        self.now = now
        for dong in dongs.dongs {
            self.dongs[dong.code] = Tally()
            self.gus[dong.gu, default: Tally()] = Tally()
        }
    }

    public mutating func add(_ fact: RequestFact) {
        dongs[fact.dongCode, default: Tally()].add(fact, now: now)
        if let gu = gu(fact.dongCode) { gus[gu, default: Tally()].add(fact, now: now) }
        city.add(fact, now: now)
    }

    public func report(period: StatisticsPeriod) -> StatisticsReport {
        StatisticsReport(
            period: period,
            byDong: dongs.mapValues { $0.finished() },
            byGu: gus.mapValues { $0.finished() },
            city: city.finished()
        )
    }

    /// The median of whole minutes; for an even count, the mean of the two middle values, rounded down.
    public static func median(_ values: [Int]) -> Int? {
        guard !values.isEmpty else { return nil }
        let sorted = values.sorted()
        return sorted.count % 2 == 1 ? sorted[sorted.count / 2] : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
    }
}
