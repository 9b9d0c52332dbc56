import Foundation

/// Folds request facts into per-dong, per-gu and city figures in one pass. Distinct counts
/// and medians are computed per area, never summed from the dongs, so totals are exact.
/// Built for a month of a whole city (about 90,000 requests) on every reload of the pane:
/// areas are array indices, distinct ids are counted in bitmaps, and medians are found by
/// selection, all in linear time.
public struct StatisticsAccumulator {
    private struct Tally {
        var figures = AreaStatistics()
        var assignMinutes: [Int] = []
        var volunteers: AreaIDs
        var households: AreaIDs

        init(volunteersUpTo highestVolunteer: Int64?, householdsUpTo highestHousehold: Int64?) {
            volunteers = AreaIDs(markingUpTo: highestVolunteer)
            households = AreaIDs(markingUpTo: highestHousehold)
        }

        static let listing = Tally(volunteersUpTo: nil, householdsUpTo: nil)

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

        func finished(_ distinct: inout DistinctCounter) -> AreaStatistics {
            var result = figures
            result.activeVolunteers = volunteers.count(&distinct)
            result.householdsServed = households.count(&distinct)
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
    private let highestID: Int64

    /// `maxVolunteerID` and `maxHouseholdID`, when known, let distinct ids be counted in a
    /// bitmap; ids beyond them (or all, without them) are counted in a set.
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
        highestID = max(0, maxVolunteerID, maxHouseholdID)
        // A dong lists its few ids, counted at the end with one shared bitmap; a gu and the
        // city mark theirs as they come, in bitmaps of their own, rather than list a month.
        let marking = Tally(volunteersUpTo: maxVolunteerID > 0 ? maxVolunteerID : nil,
                            householdsUpTo: maxHouseholdID > 0 ? maxHouseholdID : nil)
        dongs = Array(repeating: .listing, count: directory.dongs.count)
        gus = Array(repeating: marking, count: guNames.count)
        city = marking
    }

    public mutating func add(_ fact: RequestFact) {
        let urgent = fact.status == .pending && fact.appointmentAt >= now && fact.appointmentAt.timeIntervalSince(now) <= Urgency.window
        if let index = dongIndex[fact.dongCode] {
            dongs[index].add(fact, isUrgent: urgent)
            gus[guOfDong[index]].add(fact, isUrgent: urgent)
        } else {
            strays[fact.dongCode, default: .listing].add(fact, isUrgent: urgent)
        }
        city.add(fact, isUrgent: urgent)
    }

    /// One escort's calls of the day before: counted in its dong, gu and the city.
    public mutating func addCalls(dongCode: String, confirmedDayBefore: Bool, unreached: Bool) {
        func count(_ figures: inout AreaStatistics) {
            if confirmedDayBefore { figures.confirmedDayBefore += 1 }
            if unreached { figures.unreached += 1 }
        }
        if let index = dongIndex[dongCode] {
            count(&dongs[index].figures)
            count(&gus[guOfDong[index]].figures)
        } else {
            count(&strays[dongCode, default: .listing].figures)
        }
        count(&city.figures)
    }

    public func report(period: StatisticsPeriod) -> StatisticsReport {
        var distinct = DistinctCounter(highestID: highestID)
        var byDong: [String: AreaStatistics] = strays.mapValues { $0.finished(&distinct) }
        for (index, code) in dongCodes.enumerated() { byDong[code] = dongs[index].finished(&distinct) }
        var byGu: [String: AreaStatistics] = [:]
        for (index, name) in guNames.enumerated() { byGu[name] = gus[index].finished(&distinct) }
        return StatisticsReport(period: period, byDong: byDong, byGu: byGu, city: city.finished(&distinct))
    }

    /// The median of whole minutes; for an even count, the mean of the two middle values, rounded down.
    /// Found by selection, not a sort: the city's month is tens of thousands of values.
    public static func median(_ values: [Int]) -> Int? {
        guard !values.isEmpty else { return nil }
        var values = values
        let middle = values.count / 2
        let upper = select(middle, in: &values)
        guard values.count % 2 == 0 else { return upper }
        // After selecting, everything before `middle` is no larger: the lower middle is their largest.
        let lower = values[..<middle].max() ?? upper
        return (lower + upper) / 2
    }

    /// Quickselect (Hoare's FIND): puts the value that would sit at `k` in sorted order there,
    /// smaller or equal ones before it and larger or equal ones after. A median-of-three
    /// pivot keeps sorted and reversed input linear.
    static func select(_ k: Int, in values: inout [Int]) -> Int {
        var low = 0, high = values.count - 1
        while low < high {
            let mid = low + (high - low) / 2
            let pivot = max(min(values[low], values[mid]), min(max(values[low], values[mid]), values[high]))
            var i = low, j = high
            while i <= j {
                while values[i] < pivot { i += 1 }
                while values[j] > pivot { j -= 1 }
                if i <= j {
                    values.swapAt(i, j)
                    i += 1
                    j -= 1
                }
            }
            if k <= j { high = j } else if k >= i { low = i } else { break }
        }
        return values[k]
    }
}

/// The distinct ids of one area: listed, to be counted at the end, or marked in a bitmap of
/// the area's own as they come.
struct AreaIDs {
    private var listed: [Int64] = []
    private var marked: [UInt64]
    private var markedCount = 0

    /// Marks ids up to `highestID` in a bitmap (any beyond it are listed); lists all without one.
    init(markingUpTo highestID: Int64?) {
        marked = highestID.map { Array(repeating: 0, count: Int($0) / 64 + 1) } ?? []
    }

    mutating func insert(_ id: Int64) {
        if id >= 0, Int(id) / 64 < marked.count {
            let word = Int(id) / 64, mask = UInt64(1) << UInt64(Int(id) % 64)
            if marked[word] & mask == 0 {
                marked[word] |= mask
                markedCount += 1
            }
        } else {
            listed.append(id)
        }
    }

    /// The marked ids and the distinct listed ones; listed ids are never in the bitmap.
    func count(_ counter: inout DistinctCounter) -> Int { markedCount + counter.count(listed) }
}

/// Counts the distinct ids of one list after another with one bitmap, cleared after each
/// list, so an area costs the length of its list, not the range of the ids.
struct DistinctCounter {
    private var bits: [UInt64]

    init(highestID: Int64) {
        bits = Array(repeating: 0, count: Int(highestID) / 64 + 1)
    }

    mutating func count(_ ids: [Int64]) -> Int {
        var count = 0
        var beyond: Set<Int64> = []
        for id in ids {
            if id >= 0, Int(id) / 64 < bits.count {
                let word = Int(id) / 64, mask = UInt64(1) << UInt64(Int(id) % 64)
                if bits[word] & mask == 0 {
                    bits[word] |= mask
                    count += 1
                }
            } else if beyond.insert(id).inserted {
                count += 1
            }
        }
        for id in ids where id >= 0 && Int(id) / 64 < bits.count { bits[Int(id) / 64] = 0 }
        return count
    }
}
