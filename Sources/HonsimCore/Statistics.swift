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
/// Built for a month of a whole city (about 90,000 requests): areas are array indices, and
/// the gu and city distinct counts use bitmaps over the ids when their range is known.
public struct StatisticsAccumulator {
    private struct Tally {
        var figures = AreaStatistics()
        var assignMinutes: [Int] = []
        var volunteers: DistinctIDs
        var households: DistinctIDs

        init(volunteerLimit: Int, householdLimit: Int) {
            volunteers = DistinctIDs(limit: volunteerLimit)
            households = DistinctIDs(limit: householdLimit)
        }

        mutating func add(_ fact: RequestFact, isUrgent: Bool) {
            figures.requests += 1
            switch fact.status {
            case .completed:
                figures.completed += 1
                figures.volunteerMinutes += fact.volunteerMinutes
                households.insert(fact.householdID)
            case .cancelled: figures.cancelled += 1
            case .noShow: figures.noShows += 1
            case .pending:
                figures.pending += 1
                if isUrgent { figures.urgentUnassigned += 1 }
            case .assigned, .confirmed, .inProgress: break
            }
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

    private let now: Date
    private let dongCodes: [String]
    private let dongIndex: [String: Int]
    private let guNames: [String]
    private let guOfDong: [Int]
    private var dongs: [Tally]
    private var gus: [Tally]
    private var city: Tally
    /// Facts for dongs the directory does not know, kept rather than dropped.
    private var strays: [String: Tally] = [:]

    /// `maxVolunteerID` and `maxHouseholdID`, when known, let the gu and city counts use
    /// bitmaps; without them sets are used.
    public init(dongs directory: DongDirectory, now: Date, maxVolunteerID: Int64 = 0, maxHouseholdID: Int64 = 0) {
        self.now = now
        dongCodes = directory.dongs.map(\.code)
        dongIndex = Dictionary(directory.dongs.enumerated().map { ($1.code, $0) }, uniquingKeysWith: { first, _ in first })
        var guNames: [String] = []
        var guOfDong: [Int] = []
        for dong in directory.dongs {
            if let index = guNames.firstIndex(of: dong.gu) { guOfDong.append(index) } else {
                guOfDong.append(guNames.count)
                guNames.append(dong.gu)
            }
        }
        self.guNames = guNames
        self.guOfDong = guOfDong
        // Per dong the sets stay small; bitmaps there would cost more than they save.
        dongs = Array(repeating: Tally(volunteerLimit: 0, householdLimit: 0), count: directory.dongs.count)
        let volunteers = Int(max(0, maxVolunteerID)), households = Int(max(0, maxHouseholdID))
        gus = Array(repeating: Tally(volunteerLimit: volunteers, householdLimit: households), count: guNames.count)
        city = Tally(volunteerLimit: volunteers, householdLimit: households)
    }

    public mutating func add(_ fact: RequestFact) {
        let urgent = fact.status == .pending && fact.appointmentAt >= now && fact.appointmentAt.timeIntervalSince(now) <= Urgency.window
        if let index = dongIndex[fact.dongCode] {
            dongs[index].add(fact, isUrgent: urgent)
            gus[guOfDong[index]].add(fact, isUrgent: urgent)
        } else {
            strays[fact.dongCode, default: Tally(volunteerLimit: 0, householdLimit: 0)].add(fact, isUrgent: urgent)
        }
        city.add(fact, isUrgent: urgent)
    }

    public func report(period: StatisticsPeriod) -> StatisticsReport {
        var byDong: [String: AreaStatistics] = strays.mapValues { $0.finished() }
        for (index, code) in dongCodes.enumerated() { byDong[code] = dongs[index].finished() }
        var byGu: [String: AreaStatistics] = [:]
        for (index, name) in guNames.enumerated() { byGu[name] = gus[index].finished() }
        return StatisticsReport(period: period, byDong: byDong, byGu: byGu, city: city.finished())
    }

    /// The median of whole minutes; for an even count, the mean of the two middle values, rounded down.
    public static func median(_ values: [Int]) -> Int? {
        guard !values.isEmpty else { return nil }
        let sorted = values.sorted()
        return sorted.count % 2 == 1 ? sorted[sorted.count / 2] : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
    }
}

/// A set of ids that only needs its size: a bitmap when the ids' range is known, else a Set.
struct DistinctIDs {
    private var bits: [UInt64]
    private var set: Set<Int64> = []
    private(set) var count = 0

    init(limit: Int) {
        bits = limit > 0 ? Array(repeating: 0, count: limit / 64 + 1) : []
    }

    mutating func insert(_ id: Int64) {
        if !bits.isEmpty, id >= 0, Int(id) / 64 < bits.count {
            let word = Int(id) / 64, mask = UInt64(1) << UInt64(Int(id) % 64)
            if bits[word] & mask == 0 {
                bits[word] |= mask
                count += 1
            }
        } else if set.insert(id).inserted {
            count += 1
        }
    }
}
