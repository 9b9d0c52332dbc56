import Foundation

public enum Weekday: Int, Sendable, Hashable, Codable, CaseIterable, Comparable {
    // ISO order: Monday is 1.
    case mon = 1, tue, wed, thu, fri, sat, sun

    public init?(word: String) {
        switch word.trimmingSpaces().lowercased() {
        case "mon", "monday", "월": self = .mon
        case "tue", "tuesday", "화": self = .tue
        case "wed", "wednesday", "수": self = .wed
        case "thu", "thursday", "목": self = .thu
        case "fri", "friday", "금": self = .fri
        case "sat", "saturday", "토": self = .sat
        case "sun", "sunday", "일": self = .sun
        default: return nil
        }
    }

    /// The weekday on which `date` falls in `calendar`'s time zone.
    public init(_ date: Date, calendar: Calendar) {
        // Calendar counts Sunday as 1; ISO counts Monday as 1.
        let gregorian = calendar.component(.weekday, from: date)
        self = Weekday(rawValue: (gregorian + 5) % 7 + 1) ?? .mon
    }

    public var token: String { ["mon", "tue", "wed", "thu", "fri", "sat", "sun"][rawValue - 1] }

    public static func < (a: Weekday, b: Weekday) -> Bool { a.rawValue < b.rawValue }
}

/// One weekly window in which a volunteer is free, e.g. Wednesdays 09:00–13:00.
public struct AvailabilityWindow: Sendable, Hashable, Codable, Comparable, CustomStringConvertible {
    public var weekday: Weekday
    public var start: ClockTime
    public var end: ClockTime

    public init(weekday: Weekday, start: ClockTime, end: ClockTime) {
        self.weekday = weekday
        self.start = start
        self.end = end
    }

    public var description: String { "\(weekday.token) \(start)-\(end)" }

    public static func < (a: AvailabilityWindow, b: AvailabilityWindow) -> Bool {
        (a.weekday, a.start) < (b.weekday, b.start)
    }
}

/// A volunteer's weekly availability: windows by weekday, written
/// `mon 09:00-13:00;wed 14:00-18:00`. A collection of its windows, in weekday and start order.
public struct WeeklyAvailability: Sendable, Hashable, Codable, CustomStringConvertible, RandomAccessCollection {
    private var storage: PackedWindows

    public init(_ windows: [AvailabilityWindow] = []) {
        storage = PackedWindows(windows.sorted())
    }

    /// The windows as an array, for a caller that keeps them.
    public var windows: [AvailabilityWindow] { Array(self) }

    public var startIndex: Int { 0 }
    public var endIndex: Int { storage.count }
    public subscript(position: Int) -> AvailabilityWindow { storage[position] }

    private enum CodingKeys: String, CodingKey { case windows }

    // Written as `{"windows": [...]}`, as before the windows were packed: the audit log keeps them.
    public init(from decoder: any Decoder) throws {
        self.init(try decoder.container(keyedBy: CodingKeys.self).decode([AvailabilityWindow].self, forKey: .windows))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(windows, forKey: .windows)
    }

    public enum ParseError: Error, Equatable, CustomStringConvertible {
        case malformed(String)
        case endBeforeStart(String)
        case overlapping(String)

        public var description: String {
            switch self {
            case .malformed(let part): return "'\(part)' is not a window like 'mon 09:00-13:00'"
            case .endBeforeStart(let part): return "'\(part)' ends before it starts"
            case .overlapping(let part): return "'\(part)' overlaps another window on the same day"
            }
        }
    }

    public init(parsing text: String) throws(ParseError) {
        var windows: [AvailabilityWindow] = []
        for rawPart in text.split(separator: ";") {
            let part = rawPart.trimmingSpaces()
            if part.isEmpty { continue }
            let pieces = part.split(separator: " ", omittingEmptySubsequences: true)
            guard pieces.count == 2, let weekday = Weekday(word: String(pieces[0])) else { throw .malformed(part) }
            let times = pieces[1].split(separator: "-")
            guard times.count == 2, let start = ClockTime(String(times[0])), let end = ClockTime(String(times[1]))
            else { throw .malformed(part) }
            guard start < end else { throw .endBeforeStart(part) }
            let window = AvailabilityWindow(weekday: weekday, start: start, end: end)
            if windows.contains(where: { $0.weekday == weekday && $0.start < end && start < $0.end }) {
                throw .overlapping(part)
            }
            windows.append(window)
        }
        self.init(windows)
    }

    public var description: String { map(\.description).joined(separator: ";") }

    /// True when one window covers the whole span. A span that crosses midnight is never covered.
    public func covers(_ span: TimeSpan, calendar: Calendar) -> Bool {
        guard calendar.isDate(span.start, inSameDayAs: span.end.addingTimeInterval(-1)) else { return false }
        let start = ClockTime(span.start, calendar: calendar).minutes
        return covers(weekday: Weekday(span.start, calendar: calendar), startMinute: start, endMinute: start + span.minutes)
    }

    /// The same test on numbers worked out once, for ranking thousands of volunteers.
    public func covers(weekday: Weekday, startMinute: Int, endMinute: Int) -> Bool {
        contains { $0.weekday == weekday && $0.start.minutes <= startMinute && endMinute <= $0.end.minutes }
    }

    /// The windows on one weekday, for the availability strip of the volunteers pane.
    public func windows(on weekday: Weekday) -> [AvailabilityWindow] {
        filter { $0.weekday == weekday }
    }

    /// Whether any window falls on the weekday, asked for each row of the volunteers pane.
    public func isFree(on weekday: Weekday) -> Bool {
        contains { $0.weekday == weekday }
    }

    public var weeklyMinutes: Int { reduce(0) { $0 + $1.end.minutes - $1.start.minutes } }
}

/// Up to five windows held in the value itself, 25 bits each (weekday, start minute and end
/// minute, in bits of 3, 11 and 11) in 128 bits, in order, an empty slot all zeros; more than
/// five, or a minute past 2047, as an array. A city's 20,000 volunteers have two to five
/// windows each: as arrays they were 20,000 allocations, 1.5 MB held while a dashboard is open.
/// Which form a set of windows takes depends on the windows alone, so equal availabilities
/// have equal storage and the derived `==` and hashing hold.
private enum PackedWindows: Sendable, Hashable {
    case packed(low: UInt64, high: UInt64)
    case list([AvailabilityWindow])

    static let slots = 5
    static let slotBits = 25
    static let slotMask: UInt64 = (1 << 25) - 1

    init(_ sorted: [AvailabilityWindow]) {
        guard sorted.count <= Self.slots,
              sorted.allSatisfy({ (0...2047).contains($0.start.minutes) && (0...2047).contains($0.end.minutes) })
        else { self = .list(sorted); return }
        var low: UInt64 = 0, high: UInt64 = 0
        for (slot, window) in sorted.enumerated() {
            let bits = UInt64(window.weekday.rawValue) << 22 | UInt64(window.start.minutes) << 11 | UInt64(window.end.minutes)
            let offset = slot * Self.slotBits
            // A slot that crosses the 64th bit puts its low part in `low` and the rest in `high`.
            if offset < 64 { low |= bits << offset }
            if offset + Self.slotBits > 64 { high |= offset >= 64 ? bits << (offset - 64) : bits >> (64 - offset) }
        }
        self = .packed(low: low, high: high)
    }

    /// The slot's 25 bits; zero for an empty slot (a weekday is never zero).
    static func slot(_ slot: Int, low: UInt64, high: UInt64) -> UInt64 {
        let offset = slot * slotBits
        if offset >= 64 { return (high >> (offset - 64)) & slotMask }
        let fromLow = low >> offset
        return (offset + slotBits > 64 ? fromLow | high << (64 - offset) : fromLow) & slotMask
    }

    var count: Int {
        switch self {
        case .list(let windows): return windows.count
        case .packed(let low, let high):
            var count = 0
            while count < Self.slots, Self.slot(count, low: low, high: high) != 0 { count += 1 }
            return count
        }
    }

    subscript(position: Int) -> AvailabilityWindow {
        switch self {
        case .list(let windows): return windows[position]
        case .packed(let low, let high):
            precondition(position >= 0 && position < Self.slots, "window \(position) of at most \(Self.slots)")
            let bits = Self.slot(position, low: low, high: high)
            precondition(bits != 0, "window \(position) past the last")
            return AvailabilityWindow(weekday: Weekday(rawValue: Int(bits >> 22)) ?? .mon,
                                      start: ClockTime(minutes: Int((bits >> 11) & 2047)), end: ClockTime(minutes: Int(bits & 2047)))
        }
    }
}
