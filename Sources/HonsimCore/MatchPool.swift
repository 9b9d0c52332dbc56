import Foundation

/// The volunteers prepared for ranking: what the matching rules read, as plain numbers in
/// flat arrays. Judging 20,000 volunteers then touches no strings, sets or reference counts;
/// only the few that are kept become full candidates with their reasons in words.
///
/// Build it once per volunteer list and dong directory (a store keeps it with its volunteer
/// cache) and rank any number of requests against it.
public struct MatchPool: Sendable {
    /// The volunteers' full records by pool index, when the pool was made from them; empty for
    /// a pool made from the ranking columns alone (`Builder`), whose rankings take the records
    /// of the few they show from the caller.
    public let records: [Volunteer]
    /// The volunteers' ids by pool index: a pool index is a position in this list.
    let ids: [Int64]
    let profiles: [Profile]
    /// Every volunteer's weekly windows, one after another; a profile points at its run.
    let windows: [PackedWindow]
    /// Every volunteer's days off, as `yyyymmdd` numbers, one after another.
    let daysOff: [(from: Int32, to: Int32)]
    /// Dong codes and gu names as small numbers, so comparing them is comparing integers.
    let dongNumbers: [String: Int32]
    let guNumbers: [String: Int32]
    /// Position by id: a dense table when ids are compact (as a store's are), else a dictionary.
    private let denseIndex: [Int32]
    private let denseBase: Int64
    private let sparseIndex: [Int64: Int]

    struct Profile {
        var flags: UInt16
        var weeklyCapMinutes: Int32
        var dong: Int32
        /// -1 when the dong is not in the directory: no gu, so never "same gu".
        var gu: Int32
        var windowStart: Int32
        var windowCount: Int32
        var dayOffStart: Int32
        var dayOffCount: Int32
        /// The insurance's last day as a day number; `Int32.max` when none is on record
        /// (not lapsed: `Credentials.insuranceLapsed`).
        var insuredUntil: Int32
        /// The training's day as a day number; 0 when none is on record.
        var trainedOn: Int32
    }

    struct PackedWindow: Sendable {
        var weekday: Int16
        var start: Int16
        var end: Int16
    }

    enum Flag {
        static let closed: UInt16 = 1 << 0
        static let wheelchair: UInt16 = 1 << 1
        static let signLanguage: UInt16 = 1 << 2
        static let careWorker: UInt16 = 1 << 3
        static let language: UInt16 = 1 << 4
        static let car: UInt16 = 1 << 5
        static let male: UInt16 = 1 << 6
    }

    /// A pool of full records, which rankings over it name.
    public init(volunteers: [Volunteer], dongs: DongDirectory) {
        var builder = Builder(capacity: volunteers.count)
        for volunteer in volunteers {
            builder.add(Columns(volunteer))
            for window in volunteer.availability {
                builder.addWindow(of: volunteer.id, weekday: window.weekday.rawValue, start: window.start.minutes, end: window.end.minutes)
            }
            for off in volunteer.daysOff { builder.addDayOff(of: volunteer.id, from: off.from, to: off.to) }
        }
        self = builder.build(dongs: dongs, records: volunteers)
    }

    init(columns: [Columns], windows: [(volunteerID: Int64, row: PackedWindow)],
         daysOff: [(volunteerID: Int64, row: (from: Int32, to: Int32))], dongs: DongDirectory, records: [Volunteer]) {
        precondition(records.isEmpty || records.count == columns.count, "records, when given, are the columns' volunteers")
        self.records = records
        let ids = columns.map(\.id)
        self.ids = ids
        let (dense, sparse, low) = MatchPool.positions(of: ids)
        (denseIndex, sparseIndex, denseBase) = (dense, sparse, low)

        let index = { (id: Int64) -> Int? in MatchPool.index(of: id, dense: dense, base: low, sparse: sparse) }
        let windowRuns = MatchPool.grouped(windows, count: columns.count, index: index)
        let dayOffRuns = MatchPool.grouped(daysOff, count: columns.count, index: index)
        self.windows = windowRuns.rows
        self.daysOff = dayOffRuns.rows

        var profiles: [Profile] = []
        profiles.reserveCapacity(columns.count)
        var dongNumbers: [String: Int32] = [:]
        var guNumbers: [String: Int32] = [:]
        var guOfDong: [Int32] = []
        for (slot, volunteer) in columns.enumerated() {
            var flags: UInt16 = 0
            if volunteer.closed { flags |= Flag.closed }
            if volunteer.skills.contains(.wheelchair) { flags |= Flag.wheelchair }
            if volunteer.skills.contains(.signLanguage) { flags |= Flag.signLanguage }
            if volunteer.skills.contains(.careWorker) { flags |= Flag.careWorker }
            if volunteer.skills.contains(where: { if case .language = $0 { return true } else { return false } }) {
                flags |= Flag.language
            }
            if volunteer.hasCar { flags |= Flag.car }
            if volunteer.gender == .male { flags |= Flag.male }
            // One lookup a volunteer: a dong's gu is looked up the first time the dong is seen.
            let dong = MatchPool.number(volunteer.dongCode, in: &dongNumbers)
            if Int(dong) == guOfDong.count {
                guOfDong.append(dongs.gu(of: volunteer.dongCode).map { MatchPool.number($0, in: &guNumbers) } ?? -1)
            }
            let gu = guOfDong[Int(dong)]
            profiles.append(Profile(
                flags: flags, weeklyCapMinutes: Int32(clamping: volunteer.weeklyCapMinutes), dong: dong, gu: gu,
                windowStart: windowRuns.start[slot], windowCount: windowRuns.count[slot],
                dayOffStart: dayOffRuns.start[slot], dayOffCount: dayOffRuns.count[slot],
                insuredUntil: volunteer.insuredUntil.map(MatchPool.dayNumber) ?? Int32.max,
                trainedOn: volunteer.trainedOn.map(MatchPool.dayNumber) ?? 0))
        }
        self.profiles = profiles
        self.dongNumbers = dongNumbers
        self.guNumbers = guNumbers
    }

    /// A pool from its parts as `packed()` keeps them; each dong's gu is looked up afresh in
    /// `dongs`, so a kept pool stays right across a change of the dongs.
    init(ids: [Int64], profiles: [Profile], windows: [PackedWindow], daysOff: [(from: Int32, to: Int32)],
         dongCodes: [String], dongs: DongDirectory) {
        self.records = []
        self.ids = ids
        (denseIndex, sparseIndex, denseBase) = MatchPool.positions(of: ids)
        self.windows = windows
        self.daysOff = daysOff
        var guNumbers: [String: Int32] = [:]
        let guOfDong = dongCodes.map { code in dongs.gu(of: code).map { MatchPool.number($0, in: &guNumbers) } ?? -1 }
        self.profiles = profiles.map { profile in
            var profile = profile
            profile.gu = guOfDong[Int(profile.dong)]
            return profile
        }
        self.dongNumbers = Dictionary(dongCodes.enumerated().map { ($1, Int32($0)) }, uniquingKeysWith: { first, _ in first })
        self.guNumbers = guNumbers
    }

    public var count: Int { ids.count }

    /// The volunteers' ids by pool index: what a store's kept figures by index are checked against.
    public var volunteerIDs: [Int64] { ids }

    /// The weekly windows of the volunteer at `index`, as the volunteer's record has them: the
    /// records a ranking shows take them from the pool, which holds them already.
    public func availability(at index: Int) -> WeeklyAvailability {
        let profile = profiles[index]
        let run = windows[Int(profile.windowStart)..<Int(profile.windowStart + profile.windowCount)]
        return WeeklyAvailability(run.compactMap { window in
            Weekday(rawValue: Int(window.weekday)).map {
                AvailabilityWindow(weekday: $0, start: ClockTime(minutes: Int(window.start)), end: ClockTime(minutes: Int(window.end)))
            }
        })
    }

    /// The pool index of the volunteer with this id.
    public func index(of id: Int64) -> Int? {
        MatchPool.index(of: id, dense: denseIndex, base: denseBase, sparse: sparseIndex)
    }

    /// Position by id: a dense table when ids are compact (as a store's are), else a dictionary.
    private static func positions(of ids: [Int64]) -> (dense: [Int32], sparse: [Int64: Int], base: Int64) {
        let low = ids.min() ?? 0, high = ids.max() ?? -1
        var dense: [Int32] = [], sparse: [Int64: Int] = [:]
        if !ids.isEmpty, high - low < Int64(max(1_024, ids.count * 4)) {
            dense = [Int32](repeating: -1, count: Int(high - low) + 1)
            for (index, id) in ids.enumerated() where dense[Int(id - low)] < 0 { dense[Int(id - low)] = Int32(index) }
        } else {
            sparse = Dictionary(ids.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        }
        return (dense, sparse, low)
    }

    private static func index(of id: Int64, dense: [Int32], base: Int64, sparse: [Int64: Int]) -> Int? {
        if dense.isEmpty { return sparse[id] }
        let offset = id - base
        guard offset >= 0, offset < Int64(dense.count) else { return nil }
        let index = dense[Int(offset)]
        return index < 0 ? nil : Int(index)
    }

    static func number(_ text: String, in table: inout [String: Int32]) -> Int32 {
        if let known = table[text] { return known }
        let next = Int32(table.count)
        table[text] = next
        return next
    }

    static func dayNumber(_ date: CivilDate) -> Int32 {
        Int32(clamping: date.year * 10_000 + date.month * 100 + date.day)
    }

    static func date(dayNumber: Int32) -> CivilDate {
        CivilDate(year: Int(dayNumber / 10_000), month: Int(dayNumber / 100 % 100), day: Int(dayNumber % 100))
    }
}

/// What the store knows about every volunteer's commitments for one request, by pool index.
/// Minutes and past escorts are dense arrays (cheap to read in a loop over thousands); the
/// few active escorts that may clash are sparse, behind a dense flag.
public struct PoolLoads: Sendable {
    public var minutesInWeek: [Int32]
    public var minutesInMonth: [Int32]
    /// Completed escorts with the request's household.
    public var escortsWithHousehold: [Int32]
    /// Active escorts of the volunteer that may clash with the request.
    public private(set) var busy: [Int: [TimeSpan]] = [:]
    private(set) var hasBusy: [Bool]

    public init(count: Int) {
        minutesInWeek = Array(repeating: 0, count: count)
        minutesInMonth = Array(repeating: 0, count: count)
        escortsWithHousehold = Array(repeating: 0, count: count)
        hasBusy = Array(repeating: false, count: count)
    }

    /// The same loads from a dictionary by volunteer id (a missing one is no load at all).
    public init(_ loads: [Int64: VolunteerLoad], pool: MatchPool) {
        self.init(count: pool.count)
        guard !loads.isEmpty else { return }
        for (index, id) in pool.ids.enumerated() {
            guard let load = loads[id] else { continue }
            minutesInWeek[index] = Int32(clamping: load.minutesInWeek)
            minutesInMonth[index] = Int32(clamping: load.minutesInMonth)
            escortsWithHousehold[index] = Int32(clamping: load.escortsWithHousehold)
            for span in load.busy { addBusy(span, at: index) }
        }
    }

    public mutating func addBusy(_ span: TimeSpan, at index: Int) {
        busy[index, default: []].append(span)
        hasBusy[index] = true
    }

    /// One volunteer's load, as `Matcher.evaluate` reads it.
    public func load(at index: Int) -> VolunteerLoad {
        VolunteerLoad(busy: hasBusy[index] ? busy[index] ?? [] : [], minutesInWeek: Int(minutesInWeek[index]),
                      minutesInMonth: Int(minutesInMonth[index]), escortsWithHousehold: Int(escortsWithHousehold[index]))
    }
}
