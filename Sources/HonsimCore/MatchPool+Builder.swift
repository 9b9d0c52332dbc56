import Foundation

extension MatchPool {
    /// What ranking reads of one volunteer: a store's first ranking reads these columns alone
    /// for a city's 20,000, and full records only for the few the ranking shows.
    public struct Columns: Sendable {
        public var id: Int64
        public var dongCode: String
        public var gender: Gender
        public var skills: Set<Skill>
        public var hasCar: Bool
        public var weeklyCapMinutes: Int
        public var closed: Bool
        public var trainedOn: CivilDate?
        public var insuredUntil: CivilDate?

        public init(id: Int64, dongCode: String, gender: Gender, skills: Set<Skill>, hasCar: Bool, weeklyCapMinutes: Int,
                    closed: Bool, trainedOn: CivilDate?, insuredUntil: CivilDate?) {
            self.id = id
            self.dongCode = dongCode
            self.gender = gender
            self.skills = skills
            self.hasCar = hasCar
            self.weeklyCapMinutes = weeklyCapMinutes
            self.closed = closed
            self.trainedOn = trainedOn
            self.insuredUntil = insuredUntil
        }

        public init(_ volunteer: Volunteer) {
            self.init(id: volunteer.id, dongCode: volunteer.dongCode, gender: volunteer.gender, skills: volunteer.skills,
                      hasCar: volunteer.hasCar, weeklyCapMinutes: volunteer.weeklyCapMinutes, closed: volunteer.closed,
                      trainedOn: volunteer.trainedOn, insuredUntil: volunteer.insuredUntil)
        }
    }

    /// Packs volunteers into a pool from their columns, weekly windows and days off, which may
    /// come in any order of volunteers (a store reads them in its cheapest order, not by volunteer).
    public struct Builder: Sendable {
        private var columns: [Columns] = []
        private var windows: [(volunteerID: Int64, row: PackedWindow)] = []
        private var daysOff: [(volunteerID: Int64, row: (from: Int32, to: Int32))] = []

        public init(capacity: Int = 0) { columns.reserveCapacity(capacity) }

        /// A volunteer, in pool order.
        public mutating func add(_ volunteer: Columns) { columns.append(volunteer) }

        public mutating func addWindow(of volunteerID: Int64, weekday: Int, start: Int, end: Int) {
            windows.append((volunteerID, PackedWindow(weekday: Int16(clamping: weekday), start: Int16(clamping: start), end: Int16(clamping: end))))
        }

        /// Days off of one volunteer are kept in the order given: a day held by two names the first.
        public mutating func addDayOff(of volunteerID: Int64, from: CivilDate, to: CivilDate) {
            daysOff.append((volunteerID, (MatchPool.dayNumber(from), MatchPool.dayNumber(to))))
        }

        /// The pool; `records` are the volunteers' full records in the same order, when the
        /// caller has them (else rankings take them from the caller: `Matcher.ranking`).
        public func build(dongs: DongDirectory, records: [Volunteer] = []) -> MatchPool {
            MatchPool(columns: columns, windows: windows, daysOff: daysOff, dongs: dongs, records: records)
        }
    }

    /// Groups per-volunteer rows by pool index, keeping their order within a volunteer (a
    /// counting sort: two passes, no dictionary). Rows of volunteers not in the pool are dropped.
    static func grouped<Row>(_ rows: [(volunteerID: Int64, row: Row)], count: Int, index: (Int64) -> Int?)
        -> (rows: [Row], start: [Int32], count: [Int32]) {
        var counts = [Int32](repeating: 0, count: count)
        var slots = [Int](repeating: -1, count: rows.count)
        for (position, entry) in rows.enumerated() {
            guard let slot = index(entry.volunteerID) else { continue }
            slots[position] = slot
            counts[slot] += 1
        }
        var starts = [Int32](repeating: 0, count: count)
        var total: Int32 = 0
        for slot in 0..<count {
            starts[slot] = total
            total += counts[slot]
        }
        // Each row's place in the grouped order, then the rows in it.
        var next = starts
        var order = [Int](repeating: 0, count: Int(total))
        for (position, slot) in slots.enumerated() where slot >= 0 {
            order[Int(next[slot])] = position
            next[slot] += 1
        }
        return (order.map { rows[$0].row }, starts, counts)
    }
}
