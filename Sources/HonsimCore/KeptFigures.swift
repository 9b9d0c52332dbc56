import Foundation

/// Statistics the store keeps rather than recomputes: for every period (a week by its Monday,
/// a month, a year) and area (a dong, a gu, the city), the figures of the requests whose
/// appointment falls in it, changed in the same transaction as every write that changes them.
/// This file says what one request adds to which figures; the store does the reading and
/// writing (SQLCaseStore+KeptFigures.swift).

/// One kept figure's place: a period and an area, each as the store writes it.
public struct KeptKey: Sendable, Hashable, Comparable {
    public var period: String
    public var area: String

    public init(period: String, area: String) {
        self.period = period
        self.area = area
    }

    public static func < (a: KeptKey, b: KeptKey) -> Bool { (a.period, a.area) < (b.period, b.area) }
}

/// How periods and areas are written in the store: `W2026-11-30` (the week by its Monday),
/// `M2026-11`, `Y2026`; `d:` and a dong's code, `g:` and a gu's name, `*` for the city.
public enum KeptNames {
    public static let city = "*"
    public static func dong(_ code: String) -> String { "d:" + code }
    public static func gu(_ name: String) -> String { "g:" + name }

    /// The key of the period the statistics pane shows.
    public static func period(_ period: StatisticsPeriod) -> String {
        switch period {
        case .week(let day): week(of: day)
        case .month(let year, let month): self.month(year: year, month: month)
        case .year(let year): self.year(year)
        }
    }

    /// The keys of the week, the month and the year a day falls in.
    public static func periods(of day: CivilDate) -> [String] {
        [week(of: day), month(year: day.year, month: day.month), year(day.year)]
    }

    static func week(of day: CivilDate) -> String {
        "W" + day.adding(days: 1 - day.weekday.rawValue, calendar: Calendar(identifier: .gregorian)).description
    }

    static func month(year: Int, month: Int) -> String { "M" + String(format: "%04d-%02d", year, month) }
    static func year(_ year: Int) -> String { "Y\(year)" }
}

/// What kept figures count of one request: its row, and the outcome of its calls.
public struct KeptFact: Sendable, Hashable {
    public var dongCode: String
    public var status: RequestStatus
    /// The day of the appointment in the store's zone, which decides its periods.
    public var day: CivilDate
    public var householdID: Int64
    public var volunteerID: Int64?
    public var minutesToAssign: Int?
    public var actualMinutes: Int
    public var calls: CallOutcome

    public init(dongCode: String, status: RequestStatus, day: CivilDate, householdID: Int64, volunteerID: Int64?,
                minutesToAssign: Int?, actualMinutes: Int, calls: CallOutcome) {
        self.dongCode = dongCode
        self.status = status
        self.day = day
        self.householdID = householdID
        self.volunteerID = volunteerID
        self.minutesToAssign = minutesToAssign
        self.actualMinutes = actualMinutes
        self.calls = calls
    }

    /// The household was served: only completed escorts count (as StatisticsAccumulator does).
    public var servedHousehold: Int64? { status == .completed ? householdID : nil }

    /// The volunteer who went or is going: a volunteer who went to a no-show still went.
    public var activeVolunteer: Int64? {
        guard let volunteerID, status == .completed || status == .noShow || status.holdsVolunteer else { return nil }
        return volunteerID
    }

    /// The figure's places: each of the three periods in the dong, its gu (when the directory
    /// knows the dong) and the city.
    public func keys(guOf: (String) -> String?) -> [KeptKey] {
        var areas = [KeptNames.dong(dongCode), KeptNames.city]
        if let gu = guOf(dongCode) { areas.append(KeptNames.gu(gu)) }
        return KeptNames.periods(of: day).flatMap { period in areas.map { KeptKey(period: period, area: $0) } }
    }
}

/// What the calls of the day before came to for one escort (CallFigures).
public struct CallOutcome: Sendable, Hashable {
    public var confirmedDayBefore: Bool
    public var unreached: Bool

    public init(confirmedDayBefore: Bool = false, unreached: Bool = false) {
        self.confirmedDayBefore = confirmedDayBefore
        self.unreached = unreached
    }

    public static let none = CallOutcome()

    /// The outcome of an escort's attempts: `pickupAt` and the start of its day decide.
    public init(_ attempts: [ContactAttempt], pickupAt: Date, dayStart: Date) {
        self.init(confirmedDayBefore: CallFigures.confirmedDayBefore(attempts, dayStart: dayStart),
                  unreached: CallFigures.unreached(attempts, pickupAt: pickupAt))
    }
}

/// The figures kept for one period and area. Every field but the two distinct counts is a sum
/// over requests, so a request's part can be added and taken away; the times to assign are a
/// histogram of whole minutes, from which the median is read exactly.
public struct KeptFigures: Sendable, Hashable {
    public var requests = 0
    public var completed = 0
    public var cancelled = 0
    public var noShows = 0
    public var pending = 0
    public var volunteerMinutes = 0
    public var confirmedDayBefore = 0
    public var unreached = 0
    /// Distinct volunteers and households: kept by the store, which knows who else counts.
    public var volunteers = 0
    public var households = 0
    /// Minutes to assign → how many requests took that long.
    public var assignMinutes: [Int: Int] = [:]

    public init() {}

    /// Adds (`sign` 1) or takes away (`sign` -1) one request's part, but for the distinct counts.
    public mutating func count(_ fact: KeptFact, sign: Int) {
        requests += sign
        switch fact.status {
        case .completed:
            completed += sign
            volunteerMinutes += sign * fact.actualMinutes
        case .cancelled: cancelled += sign
        case .noShow: noShows += sign
        case .pending: pending += sign
        case .assigned, .confirmed, .inProgress: break
        }
        // StatisticsAccumulator counts calls for the escorts that held a volunteer at some point.
        if fact.status != .pending && fact.status != .cancelled {
            if fact.calls.confirmedDayBefore { confirmedDayBefore += sign }
            if fact.calls.unreached { unreached += sign }
        }
        if let minutes = fact.minutesToAssign {
            let uses = assignMinutes[minutes, default: 0] + sign
            assignMinutes[minutes] = uses == 0 ? nil : uses
        }
    }

    /// Adds another figure's counts, such as a transaction's changes, to these.
    public mutating func absorb(_ delta: KeptFigures) {
        requests += delta.requests
        completed += delta.completed
        cancelled += delta.cancelled
        noShows += delta.noShows
        pending += delta.pending
        volunteerMinutes += delta.volunteerMinutes
        confirmedDayBefore += delta.confirmedDayBefore
        unreached += delta.unreached
        volunteers += delta.volunteers
        households += delta.households
        for (minutes, uses) in delta.assignMinutes {
            let sum = assignMinutes[minutes, default: 0] + uses
            assignMinutes[minutes] = sum == 0 ? nil : sum
        }
    }

    /// Nothing counted: the store keeps no row for it.
    public var isEmpty: Bool { self == KeptFigures() }

    /// The median of the minutes to assign, as StatisticsAccumulator.median has it: for an even
    /// count, the mean of the two middle values, rounded down.
    public var medianMinutesToAssign: Int? {
        let total = assignMinutes.values.reduce(0, +)
        guard total > 0 else { return nil }
        let lowerRank = (total - 1) / 2, upperRank = total / 2
        var seen = 0
        var lower: Int?
        for minutes in assignMinutes.keys.sorted() {
            seen += assignMinutes[minutes] ?? 0
            if lower == nil, seen > lowerRank { lower = minutes }
            if seen > upperRank, let lower { return (lower + minutes) / 2 }
        }
        return nil
    }

    /// The figures as the statistics pane shows them; urgency depends on the hour, not the
    /// rows, and is read apart.
    public func statistics(medianMinutes: Int?, urgentUnassigned: Int) -> AreaStatistics {
        var result = AreaStatistics()
        result.requests = requests
        result.completed = completed
        result.cancelled = cancelled
        result.noShows = noShows
        result.pending = pending
        result.urgentUnassigned = urgentUnassigned
        result.volunteerMinutes = volunteerMinutes
        result.activeVolunteers = volunteers
        result.householdsServed = households
        result.medianMinutesToAssign = medianMinutes
        result.confirmedDayBefore = confirmedDayBefore
        result.unreached = unreached
        return result
    }
}

/// The histogram of minutes to assign as the store writes it: ascending minutes, each as the
/// step from the one before, with `*count` where more than one request took that long
/// ("0*3,2,15*2"). A city's month has a few thousand different values.
public enum KeptHistogram {
    public static func encode(_ histogram: [Int: Int]) -> String {
        var text = ""
        var previous = 0
        for minutes in histogram.keys.sorted() {
            guard let uses = histogram[minutes], uses != 0 else { continue }
            if !text.isEmpty { text += "," }
            text += String(minutes - previous)
            if uses != 1 { text += "*" + String(uses) }
            previous = minutes
        }
        return text
    }

    /// Nil for text the store could not have written, so a damaged row is reported, not read as empty.
    public static func decode(_ text: String) -> [Int: Int]? {
        var histogram: [Int: Int] = [:]
        var minutes = 0
        for part in text.split(separator: ",") {
            let pieces = part.split(separator: "*", maxSplits: 1)
            guard let step = Int(pieces[0]), step >= 0 else { return nil }
            let uses = pieces.count == 2 ? Int(pieces[1]) : 1
            guard let uses, uses != 0 else { return nil }
            minutes += step
            histogram[minutes] = uses
        }
        return histogram
    }
}

/// The figures of one period worked out from all its requests: how the store computes them
/// the first time, after a change of the dongs, and in `honsim check`.
public struct KeptPeriodFold {
    public let period: String
    private let guOf: (String) -> String?
    private var figures: [String: KeptFigures] = [:]
    private var volunteers: [String: Set<Int64>] = [:]
    private var households: [String: Set<Int64>] = [:]

    public init(period: String, guOf: @escaping (String) -> String?) {
        self.period = period
        self.guOf = guOf
    }

    /// Counts `fact` where it falls in this period; a fact of another period is left out.
    public mutating func add(_ fact: KeptFact) {
        for key in fact.keys(guOf: guOf) where key.period == period {
            figures[key.area, default: KeptFigures()].count(fact, sign: 1)
            if let volunteer = fact.activeVolunteer { volunteers[key.area, default: []].insert(volunteer) }
            if let household = fact.servedHousehold { households[key.area, default: []].insert(household) }
        }
    }

    /// The period's figures by area, every one that counts anything.
    public func result() -> [String: KeptFigures] {
        var result = figures
        for area in result.keys {
            result[area]?.volunteers = volunteers[area]?.count ?? 0
            result[area]?.households = households[area]?.count ?? 0
        }
        return result.filter { !$0.value.isEmpty }
    }
}
