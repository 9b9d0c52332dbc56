import Foundation
import HonsimCore

/// Every volunteer's commitments for all the requests of a plan, read once: the active
/// escorts of the whole window, the minutes of each week and month involved, and the
/// completed escorts with each household. Each backend reads the rows (`planLoads`); this
/// answers, for each request, the loads as it sees them.
struct PlanLoads {
    let pool: MatchPool
    let travelBuffer: TimeInterval
    let calendar: Calendar
    /// Active escorts in the window by start time, with the pool index of their volunteer.
    private var busy: [(start: Int64, end: Int64, index: Int)] = []
    /// Minutes by pool index, for each period key (`W2026-11-30`, `M2026-11`).
    private var minutes: [String: [Int32]] = [:]
    /// Completed escorts by household, then by pool index.
    private var escorts: [Int64: [Int: Int32]] = [:]

    /// Nothing starting a day before the earliest pickup can reach it (an escort lasts at
    /// most 16 hours); nothing starting after the latest end plus the buffer can either.
    static func window(_ requests: [EscortRequest], buffer: TimeInterval) -> (low: Int64, high: Int64) {
        let earliest = requests.map { Stored.seconds($0.span.start) }.min() ?? 0
        let latest = requests.map { Stored.seconds($0.span.end) }.max() ?? 0
        return (earliest - 86_400, latest + Int64(buffer))
    }

    /// The weeks and months the requests count toward.
    static func periods(_ requests: [EscortRequest], calendar: Calendar) -> Set<String> {
        var periods = Set<String>()
        for request in requests {
            periods.insert(LoadPeriod.week(request.pickupAt, calendar: calendar))
            periods.insert(LoadPeriod.month(request.pickupAt, calendar: calendar))
        }
        return periods
    }

    /// One period's minutes by pool index, from `volunteer_load` rows read by either backend.
    static func byIndex(_ rows: [(volunteer: Int64, minutes: Int)], pool: MatchPool) -> [Int32] {
        var values = [Int32](repeating: 0, count: pool.count)
        for row in rows {
            if let index = pool.index(of: row.volunteer) { values[index] = Int32(clamping: row.minutes) }
        }
        return values
    }

    /// From rows read by either backend: active escorts in start order, minutes per period
    /// by pool index (`byIndex`), completed escorts per household and volunteer.
    init(pool: MatchPool, travelBuffer: TimeInterval, calendar: Calendar, busy: [(volunteer: Int64, start: Int64, end: Int64)],
         minutes: [String: [Int32]], escorts: [(household: Int64, volunteer: Int64, times: Int)]) {
        self.pool = pool
        self.travelBuffer = travelBuffer
        self.calendar = calendar
        for entry in busy {
            if let index = pool.index(of: entry.volunteer) { self.busy.append((entry.start, entry.end, index)) }
        }
        self.minutes = minutes
        for entry in escorts {
            if let index = pool.index(of: entry.volunteer) { self.escorts[entry.household, default: [:]][index] = Int32(clamping: entry.times) }
        }
    }

    /// The loads as one pending request sees them (it holds no volunteer, so nothing of
    /// its own is to be taken off).
    func of(_ request: EscortRequest) -> PoolLoads {
        var loads = PoolLoads(count: pool.count)
        if let week = minutes[LoadPeriod.week(request.pickupAt, calendar: calendar)] { loads.minutesInWeek = week }
        if let month = minutes[LoadPeriod.month(request.pickupAt, calendar: calendar)] { loads.minutesInMonth = month }
        for (index, times) in escorts[request.householdID] ?? [:] { loads.escortsWithHousehold[index] = times }
        let span = request.span
        let low = Stored.seconds(span.start) - 86_400, high = Stored.seconds(span.end) + Int64(travelBuffer)
        // The first escort starting after `low`, by binary search; then on while they can reach it.
        var first = 0, last = busy.count
        while first < last {
            let middle = (first + last) / 2
            if busy[middle].start <= low { first = middle + 1 } else { last = middle }
        }
        for entry in busy[first...] {
            if entry.start >= high { break }
            let clash = TimeSpan(start: Stored.date(entry.start), end: Stored.date(entry.end))
            if clash.conflicts(with: span, buffer: travelBuffer) { loads.addBusy(clash, at: entry.index) }
        }
        return loads
    }
}
