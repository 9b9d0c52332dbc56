import Foundation

/// A calendar date without a time or a zone: a day off, a consent date, a report day.
/// Stored and shown as ISO 8601 `YYYY-MM-DD`, which also sorts correctly as text.
public struct CivilDate: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    // Kept in 4 bytes rather than three Ints' 24: a city's volunteer list holds four dates a
    // volunteer (credentials), 20,000 times, for as long as a dashboard is open. Every date
    // honsim reads has a year of four digits; Foundation's farthest date is in the year 4001.
    private var storedYear: Int16
    private var storedMonth: Int8
    private var storedDay: Int8

    public var year: Int {
        get { Int(storedYear) }
        set { storedYear = Int16(clamping: newValue) }
    }
    public var month: Int {
        get { Int(storedMonth) }
        set { storedMonth = Int8(clamping: newValue) }
    }
    public var day: Int {
        get { Int(storedDay) }
        set { storedDay = Int8(clamping: newValue) }
    }

    public init(year: Int, month: Int, day: Int) {
        storedYear = Int16(clamping: year)
        storedMonth = Int8(clamping: month)
        storedDay = Int8(clamping: day)
    }

    private enum CodingKeys: String, CodingKey { case year, month, day }

    /// The same keys and numbers as when the fields were stored as they are named.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(year: try container.decode(Int.self, forKey: .year), month: try container.decode(Int.self, forKey: .month),
                  day: try container.decode(Int.self, forKey: .day))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(year, forKey: .year)
        try container.encode(month, forKey: .month)
        try container.encode(day, forKey: .day)
    }

    /// The date on which `date` falls in `calendar`'s time zone.
    public init(_ date: Date, calendar: Calendar) {
        let parts = calendar.dateComponents([.year, .month, .day], from: date)
        self.init(year: parts.year ?? 1970, month: parts.month ?? 1, day: parts.day ?? 1)
    }

    /// Parses `YYYY-MM-DD`; nil for anything else, including impossible dates like 2026-02-30.
    public init?(iso text: String) {
        // The stored form, exactly `YYYY-MM-DD`, is read from its bytes: a city's lists decode
        // hundreds of thousands of dates, and an empty cell, "none on record", is the commonest
        // of all. Anything else takes the general way below.
        if text.isEmpty { return nil }
        if let stored = CivilDate.storedForm(text) {
            self = stored
            return
        }
        let parts = text.trimmingSpaces().split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }), parts[0].count == 4, (1...2).contains(parts[1].count), (1...2).contains(parts[2].count),
              let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
              (1...12).contains(month), day >= 1, day <= CivilDate.daysIn(month: month, year: year)
        else { return nil }
        self.init(year: year, month: month, day: day)
    }

    /// `YYYY-MM-DD` with every digit in place and a date that exists, else nil.
    private static func storedForm(_ text: String) -> CivilDate? {
        let bytes = text.utf8
        guard bytes.count == 10 else { return nil }
        var year = 0, month = 0, day = 0
        for (position, byte) in bytes.enumerated() {
            if position == 4 || position == 7 {
                guard byte == UInt8(ascii: "-") else { return nil }
            } else {
                guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
                let digit = Int(byte - UInt8(ascii: "0"))
                if position < 4 { year = year * 10 + digit } else if position < 7 { month = month * 10 + digit } else { day = day * 10 + digit }
            }
        }
        guard (1...12).contains(month), day >= 1, day <= daysIn(month: month, year: year) else { return nil }
        return CivilDate(year: year, month: month, day: day)
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

    /// The date `days` later (earlier when negative). Counted in the Gregorian calendar's days,
    /// which is what a civil date is whatever the zone, so no `Calendar` is asked: a city's
    /// standing series walk hundreds of thousands of days at once. `calendar` is kept for the
    /// callers' sake.
    public func adding(days: Int, calendar: Calendar) -> CivilDate {
        CivilDate(daysSinceEpoch: daysSinceEpoch + days)
    }

    /// The day of the week, worked out from the date alone (1970-01-01 was a Thursday).
    public var weekday: Weekday {
        let fromMonday = ((daysSinceEpoch + 3) % 7 + 7) % 7
        return Weekday(rawValue: fromMonday + 1) ?? .mon
    }

    /// Days since 1970-01-01 in the proleptic Gregorian calendar (H. Hinnant's days_from_civil).
    var daysSinceEpoch: Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The date `days` after 1970-01-01 (H. Hinnant's civil_from_days).
    init(daysSinceEpoch days: Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let shiftedMonth = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1
        let month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
        self.init(year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month: month, day: day)
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
    // Four bytes rather than an Int's eight: a city's volunteers hold 70,000 weekly windows of two.
    private var storedMinutes: Int32

    public var minutes: Int {
        get { Int(storedMinutes) }
        set { storedMinutes = Int32(clamping: newValue) }
    }

    public init(minutes: Int) { storedMinutes = Int32(clamping: minutes) }

    private enum CodingKeys: String, CodingKey { case minutes }

    /// The same key and number as when `minutes` was stored as it is named.
    public init(from decoder: any Decoder) throws {
        self.init(minutes: try decoder.container(keyedBy: CodingKeys.self).decode(Int.self, forKey: .minutes))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(minutes, forKey: .minutes)
    }

    public init?(_ text: String) {
        let parts = text.trimmingSpaces().split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
              (1...2).contains(parts[0].count), parts[1].count == 2,
              let hour = Int(parts[0]), let minute = Int(parts[1]),
              (0...24).contains(hour), (0...59).contains(minute), hour * 60 + minute <= 24 * 60
        else { return nil }
        self.init(minutes: hour * 60 + minute)
    }

    /// The wall-clock time of `date` in the calendar's time zone: the instant moved by the zone's
    /// offset at that instant (so a change of summer time is honoured), then the minutes of its
    /// day. Not `dateComponents`, which costs several times as much, and a city's run sheets and
    /// call list read three times per escort.
    public init(_ date: Date, calendar: Calendar) {
        let local = Int64(date.timeIntervalSince1970.rounded(.down)) + Int64(calendar.timeZone.secondsFromGMT(for: date))
        let secondOfDay = ((local % 86_400) + 86_400) % 86_400
        self.init(minutes: Int(secondOfDay / 60))
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
