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
/// `mon 09:00-13:00;wed 14:00-18:00`.
public struct WeeklyAvailability: Sendable, Hashable, Codable, CustomStringConvertible {
    public private(set) var windows: [AvailabilityWindow]

    public init(_ windows: [AvailabilityWindow] = []) {
        self.windows = windows.sorted()
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

    public var description: String { windows.map(\.description).joined(separator: ";") }

    /// True when one window covers the whole span. A span that crosses midnight is never covered.
    public func covers(_ span: TimeSpan, calendar: Calendar) -> Bool {
        guard calendar.isDate(span.start, inSameDayAs: span.end.addingTimeInterval(-1)) else { return false }
        let start = ClockTime(span.start, calendar: calendar).minutes
        return covers(weekday: Weekday(span.start, calendar: calendar), startMinute: start, endMinute: start + span.minutes)
    }

    /// The same test on numbers worked out once, for ranking thousands of volunteers.
    public func covers(weekday: Weekday, startMinute: Int, endMinute: Int) -> Bool {
        windows.contains { $0.weekday == weekday && $0.start.minutes <= startMinute && endMinute <= $0.end.minutes }
    }

    /// The windows on one weekday, for the availability strip of the volunteers pane.
    public func windows(on weekday: Weekday) -> [AvailabilityWindow] {
        windows.filter { $0.weekday == weekday }
    }

    public var weeklyMinutes: Int { windows.reduce(0) { $0 + $1.end.minutes - $1.start.minutes } }
}
