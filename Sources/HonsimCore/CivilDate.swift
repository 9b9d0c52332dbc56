import Foundation

/// A calendar date without a time or a zone: a day off, a consent date, a report day.
/// Stored and shown as ISO 8601 `YYYY-MM-DD`, which also sorts correctly as text.
public struct CivilDate: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    public var year: Int
    public var month: Int
    public var day: Int

    public init(year: Int, month: Int, day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// The date on which `date` falls in `calendar`'s time zone.
    public init(_ date: Date, calendar: Calendar) {
        let parts = calendar.dateComponents([.year, .month, .day], from: date)
        self.init(year: parts.year ?? 1970, month: parts.month ?? 1, day: parts.day ?? 1)
    }

    /// Parses `YYYY-MM-DD`; nil for anything else, including impossible dates like 2026-02-30.
    public init?(iso text: String) {
        let parts = text.trimmingSpaces().split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }), parts[0].count == 4, (1...2).contains(parts[1].count), (1...2).contains(parts[2].count),
              let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
              (1...12).contains(month), day >= 1, day <= CivilDate.daysIn(month: month, year: year)
        else { return nil }
        self.init(year: year, month: month, day: day)
    }

    public var description: String {
        zeroPadded(year, 4) + "-" + zeroPadded(month, 2) + "-" + zeroPadded(day, 2)
    }

    public static func < (a: CivilDate, b: CivilDate) -> Bool {
        (a.year, a.month, a.day) < (b.year, b.month, b.day)
    }

    /// Midnight at the start of this date in `calendar`'s time zone.
    public func start(in calendar: Calendar) -> Date {
        calendar.date(from: DateComponents(year: year, month: month, day: day)) ?? Date(timeIntervalSince1970: 0)
    }

    public func adding(days: Int, calendar: Calendar) -> CivilDate {
        CivilDate(calendar.date(byAdding: .day, value: days, to: start(in: calendar)) ?? start(in: calendar), calendar: calendar)
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }
}

/// A time of day in minutes since midnight, written `HH:MM`.
public struct ClockTime: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    public var minutes: Int

    public init(minutes: Int) { self.minutes = minutes }

    public init?(_ text: String) {
        let parts = text.trimmingSpaces().split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
              (1...2).contains(parts[0].count), parts[1].count == 2,
              let hour = Int(parts[0]), let minute = Int(parts[1]),
              (0...24).contains(hour), (0...59).contains(minute), hour * 60 + minute <= 24 * 60
        else { return nil }
        self.minutes = hour * 60 + minute
    }

    public init(_ date: Date, calendar: Calendar) {
        let parts = calendar.dateComponents([.hour, .minute], from: date)
        self.minutes = (parts.hour ?? 0) * 60 + (parts.minute ?? 0)
    }

    public var description: String { zeroPadded(minutes / 60, 2) + ":" + zeroPadded(minutes % 60, 2) }

    public static func < (a: ClockTime, b: ClockTime) -> Bool { a.minutes < b.minutes }
}

/// A half-open span of time, [start, end).
public struct TimeSpan: Sendable, Hashable, Codable {
    public var start: Date
    public var end: Date

    public init(start: Date, end: Date) {
        self.start = start
        self.end = end
    }

    public init(start: Date, minutes: Int) {
        self.init(start: start, end: start.addingTimeInterval(TimeInterval(minutes * 60)))
    }

    public var minutes: Int { Int((end.timeIntervalSince(start) / 60).rounded()) }

    /// True when the two spans come closer than `buffer` to each other: an escort needs
    /// travel time before the next one can start.
    public func conflicts(with other: TimeSpan, buffer: TimeInterval) -> Bool {
        start < other.end.addingTimeInterval(buffer) && other.start < end.addingTimeInterval(buffer)
    }
}

/// `value` with leading zeros to `digits` places, as `%0Nd` prints it. Not `String(format:)`:
/// a frame draws dozens of dates and times, and Foundation's formatter was a twentieth of it.
public func zeroPadded(_ value: Int, _ digits: Int) -> String {
    let text = String(value.magnitude), sign = value < 0 ? "-" : ""
    return sign + String(repeating: "0", count: max(0, digits - sign.count - text.count)) + text
}
