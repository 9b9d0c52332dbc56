import Foundation
import Testing
@testable import HonsimCore

@Suite("CivilDate, ClockTime and TimeSpan")
struct CivilDateTests {
    static let utc: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar
    }()

    // MARK: CivilDate

    @Test("days are added and weekdays found as Foundation's Gregorian calendar finds them, in any zone",
          arguments: ["UTC", "Asia/Seoul", "America/Los_Angeles"])
    func arithmeticAgreesWithTheCalendar(zone: String) throws {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = try #require(TimeZone(identifier: zone))
        var day = CivilDate(year: 1899, month: 12, day: 25)
        // Every day from 1899 to 2101, across the century years and their leap rules.
        for _ in 0..<(202 * 366) {
            let start = day.start(in: calendar)
            let next = CivilDate(try #require(calendar.date(byAdding: .day, value: 1, to: start)), calendar: calendar)
            #expect(day.adding(days: 1, calendar: calendar) == next)
            #expect(day.weekday == Weekday(start, calendar: calendar))
            if day.adding(days: 1, calendar: calendar) != next { break }
            day = next
        }
        #expect(CivilDate(year: 2026, month: 12, day: 6).adding(days: -400, calendar: calendar) == CivilDate(year: 2025, month: 11, day: 1))
        #expect(CivilDate(year: 2024, month: 2, day: 28).adding(days: 366, calendar: calendar) == CivilDate(year: 2025, month: 2, day: 28))
    }

    @Test("ISO dates that exist are accepted", arguments: [
        ("2024-02-29", 2024, 2, 29),
        ("2000-02-29", 2000, 2, 29),
        ("2026-11-30", 2026, 11, 30),
        ("2026-12-31", 2026, 12, 31),
        ("2026-04-30", 2026, 4, 30),
        (" 2026-01-01 ", 2026, 1, 1),
    ])
    func isoAccepted(text: String, year: Int, month: Int, day: Int) {
        #expect(CivilDate(iso: text) == CivilDate(year: year, month: month, day: day))
    }

    @Test("impossible or malformed dates are rejected", arguments: [
        "2026-02-29", "1900-02-29", "2026-02-30", "2026-04-31", "2026-13-01", "2026-00-10", "2026-01-00",
        "2026-01-32", "abc", "", "2026-11", "2026-11-30-01", "26-11-30", "2026/11/30", "2026-11-30T09:00",
        "2026-011-30", "-2026-11-30",
    ])
    func isoRejected(text: String) {
        #expect(CivilDate(iso: text) == nil)
    }

    @Test("a sign is not a digit: '+026-11-30' is not a date")
    func isoRejectsSigns() {
        // `Int("+026")` is 26, so the four-character check alone lets a year 26 through.
        #expect(CivilDate(iso: "+026-11-30") == nil)
        #expect(CivilDate(iso: "2026-+1-30") == nil)
    }

    @Test("description is zero-padded ISO and reads back")
    func description() {
        let date = CivilDate(year: 2026, month: 3, day: 5)
        #expect(date.description == "2026-03-05")
        #expect(CivilDate(iso: date.description) == date)
        #expect("\(CivilDate(year: 987, month: 1, day: 1))" == "0987-01-01")
    }

    @Test("dates order by year, month, day")
    func ordering() {
        let dates = ["2026-12-01", "2025-12-31", "2026-11-30", "2026-02-01"].compactMap { CivilDate(iso: $0) }
        #expect(dates.sorted().map(\.description) == ["2025-12-31", "2026-02-01", "2026-11-30", "2026-12-01"])
        #expect(CivilDate(year: 2026, month: 11, day: 30) < CivilDate(year: 2026, month: 12, day: 1))
        #expect(!(CivilDate(year: 2026, month: 11, day: 30) < CivilDate(year: 2026, month: 11, day: 30)))
    }

    @Test("the date of a moment depends on the calendar's zone")
    func fromDate() {
        let earlyMonday = at(2026, 11, 30, 0, 30)  // Sunday 15:30 in UTC
        #expect(CivilDate(earlyMonday, calendar: seoul) == CivilDate(year: 2026, month: 11, day: 30))
        #expect(CivilDate(earlyMonday, calendar: Self.utc) == CivilDate(year: 2026, month: 11, day: 29))
    }

    @Test("start(in:) is local midnight")
    func start() {
        #expect(CivilDate(year: 2026, month: 11, day: 30).start(in: seoul) == at(2026, 11, 30, 0, 0))
        #expect(CivilDate(year: 2026, month: 11, day: 30).start(in: seoul).timeIntervalSince1970 == 1_795_964_400)
    }

    @Test("adding days crosses months, years and leap days", arguments: [
        ("2026-12-31", 1, "2027-01-01"),
        ("2024-02-28", 1, "2024-02-29"),
        ("2026-02-28", 1, "2026-03-01"),
        ("2026-03-01", -1, "2026-02-28"),
        ("2026-11-30", 7, "2026-12-07"),
        ("2026-11-30", -30, "2026-10-31"),
        ("2026-11-30", 0, "2026-11-30"),
    ])
    func addingDays(from: String, days: Int, to: String) {
        #expect(CivilDate(iso: from)!.adding(days: days, calendar: seoul).description == to)
    }

    // MARK: ClockTime

    @Test("clock times parse to minutes since midnight", arguments: [
        ("09:00", 540), ("9:00", 540), ("00:00", 0), ("23:59", 1439), ("24:00", 1440), (" 13:30 ", 810), ("07:05", 425),
    ])
    func clockParses(text: String, minutes: Int) {
        #expect(ClockTime(text)?.minutes == minutes)
    }

    @Test("malformed clock times are rejected", arguments: [
        "24:01", "25:00", "09:60", "9:5", "0900", "", "ab:cd", "-1:00", "09:00:00", "009:00", "9", ":30",
    ])
    func clockRejected(text: String) {
        #expect(ClockTime(text) == nil)
    }

    @Test("a sign is not a digit: '+9:00' is not a time")
    func clockRejectsSigns() {
        #expect(ClockTime("+9:00") == nil)
        #expect(ClockTime("09:+5") == nil)
    }

    @Test("clock description, ordering and reading from a date")
    func clockMisc() {
        #expect(ClockTime(minutes: 425).description == "07:05")
        #expect(ClockTime(minutes: 1440).description == "24:00")
        #expect(ClockTime("09:00")! < ClockTime("10:00")!)
        #expect(ClockTime(at(2026, 11, 30, 14, 45), calendar: seoul) == ClockTime(minutes: 14 * 60 + 45))
        #expect(ClockTime(at(2026, 11, 30, 14, 45), calendar: Self.utc) == ClockTime(minutes: 5 * 60 + 45))
    }

    // MARK: TimeSpan

    @Test("the clock time of a moment is the calendar's hour and minute, across summer-time changes and before 1970",
          arguments: ["UTC", "Asia/Seoul", "America/Los_Angeles", "Australia/Lord_Howe"])
    func clockTimeAgreesWithTheCalendar(zone: String) throws {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = try #require(TimeZone(identifier: zone))
        // Every 7 minutes and 13 seconds through 2026 (each change of summer time is crossed),
        // and a stretch of 1969, before the epoch.
        for start in [1_767_225_600.0, -15_000_000.0] {
            var moment = start
            while moment < start + 366 * 86_400 {
                let date = Date(timeIntervalSince1970: moment)
                let parts = calendar.dateComponents([.hour, .minute], from: date)
                #expect(ClockTime(date, calendar: calendar).minutes == (parts.hour ?? 0) * 60 + (parts.minute ?? 0), "\(date) in \(zone)")
                if ClockTime(date, calendar: calendar).minutes != (parts.hour ?? 0) * 60 + (parts.minute ?? 0) { return }
                moment += 433
            }
        }
    }

    @Test("a span knows its minutes")
    func spanMinutes() {
        #expect(TimeSpan(start: at(2026, 11, 30, 10, 0), minutes: 90).end == at(2026, 11, 30, 11, 30))
        #expect(TimeSpan(start: at(2026, 11, 30, 10, 0), end: at(2026, 11, 30, 12, 15)).minutes == 135)
    }

    @Test("conflicts: half-open spans, widened by the buffer, both ways", arguments: [
        // (other start h, m, other end h, m, buffer minutes, conflicts) against 10:00–12:00
        (8, 0, 10, 0, 0, false),    // ends as this starts
        (12, 0, 13, 0, 0, false),   // starts as this ends
        (8, 0, 10, 1, 0, true),
        (11, 59, 13, 0, 0, true),
        (10, 30, 11, 0, 0, true),   // inside
        (9, 0, 13, 0, 0, true),     // around
        (8, 0, 9, 30, 30, false),   // 30-minute gap before
        (8, 0, 9, 31, 30, true),    // 29-minute gap before
        (12, 30, 13, 0, 30, false), // 30-minute gap after
        (12, 29, 13, 0, 30, true),  // 29-minute gap after
        (6, 0, 7, 0, 180, false),   // a gap exactly the buffer
        (6, 0, 7, 1, 180, true),
    ])
    func conflicts(h1: Int, m1: Int, h2: Int, m2: Int, buffer: Int, expected: Bool) {
        let this = TimeSpan(start: at(2026, 11, 30, 10, 0), end: at(2026, 11, 30, 12, 0))
        let other = TimeSpan(start: at(2026, 11, 30, h1, m1), end: at(2026, 11, 30, h2, m2))
        let seconds = TimeInterval(buffer * 60)
        #expect(this.conflicts(with: other, buffer: seconds) == expected)
        #expect(other.conflicts(with: this, buffer: seconds) == expected, "conflicts must be symmetric")
    }
}
