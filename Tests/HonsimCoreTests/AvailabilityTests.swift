import Foundation
import Testing
@testable import HonsimCore

@Suite("Availability and weekdays")
struct AvailabilityTests {
    typealias Availability = WeeklyAvailability

    static func window(_ day: Weekday, _ from: String, _ to: String) -> AvailabilityWindow {
        AvailabilityWindow(weekday: day, start: ClockTime(from)!, end: ClockTime(to)!)
    }

    static func monday(_ h: Int, _ m: Int, minutes: Int) -> TimeSpan {
        TimeSpan(start: at(2026, 11, 30, h, m), minutes: minutes)
    }

    // MARK: Weekday

    @Test("weekdays read English and Korean words")
    func weekdayWords() {
        let words: [(String, Weekday)] = [
            ("mon", .mon), ("Monday", .mon), ("월", .mon), ("TUE", .tue), ("화", .tue), ("wed", .wed), ("수", .wed),
            ("thursday", .thu), ("목", .thu), ("fri", .fri), ("금", .fri), ("sat", .sat), ("토", .sat), (" sun ", .sun), ("일", .sun),
        ]
        for (word, day) in words { #expect(Weekday(word: word) == day, "'\(word)'") }
        for word in ["", "mo", "월요일x", "funday"] { #expect(Weekday(word: word) == nil, "'\(word)'") }
        #expect(Weekday.allCases.map(\.token) == ["mon", "tue", "wed", "thu", "fri", "sat", "sun"])
        #expect(Weekday.mon.rawValue == 1 && Weekday.sun.rawValue == 7)
        for day in Weekday.allCases { #expect(Weekday(word: day.token) == day) }
    }

    @Test("Weekday(date:calendar:) follows ISO order from Monday 2026-11-30")
    func weekdayOfDate() {
        for (offset, day) in Weekday.allCases.enumerated() {
            #expect(Weekday(at(2026, 11, 30 + offset, 12, 0), calendar: seoul) == day, "2026-11-\(30 + offset)")
        }
        // Early Monday in Seoul is still Sunday in UTC.
        var utc = Calendar(identifier: .gregorian)
        utc.timeZone = TimeZone(identifier: "UTC")!
        #expect(Weekday(at(2026, 11, 30, 0, 30), calendar: seoul) == .mon)
        #expect(Weekday(at(2026, 11, 30, 0, 30), calendar: utc) == .sun)
    }

    // MARK: Parsing

    @Test("parses windows by weekday")
    func parses() throws {
        let availability = try Availability(parsing: "mon 09:00-13:00;wed 14:00-18:00")
        #expect(availability.windows == [Self.window(.mon, "09:00", "13:00"), Self.window(.wed, "14:00", "18:00")])
        #expect(availability.weeklyMinutes == 480)
        #expect(availability.windows(on: .wed) == [Self.window(.wed, "14:00", "18:00")])
        #expect(availability.windows(on: .tue).isEmpty)
    }

    @Test("parsing is lenient about spaces, order, words and empty parts")
    func lenient() throws {
        let availability = try Availability(parsing: " 수 14:00-18:00 ;; Monday  9:00-13:00 ; mon 14:00-15:00;")
        #expect(availability.description == "mon 09:00-13:00;mon 14:00-15:00;wed 14:00-18:00")
        #expect(try Availability(parsing: "").windows.isEmpty)
        #expect(try Availability(parsing: " ; ").windows.isEmpty)
    }

    @Test("malformed windows are named in the error", arguments: [
        ("mon 09:00", "mon 09:00"),
        ("mon", "mon"),
        ("xyz 09:00-10:00", "xyz 09:00-10:00"),
        ("mon 9-10", "mon 9-10"),
        ("mon 09:00-25:00", "mon 09:00-25:00"),
        ("mon 09:00 - 13:00", "mon 09:00 - 13:00"),
        ("mon 09:00-10:00-11:00", "mon 09:00-10:00-11:00"),
        ("mon 09:00-13:00;tue", "tue"),
    ])
    func malformed(text: String, part: String) {
        #expect(throws: Availability.ParseError.malformed(part)) { try Availability(parsing: text) }
    }

    @Test("a window must end after it starts")
    func endBeforeStart() {
        #expect(throws: Availability.ParseError.endBeforeStart("mon 13:00-09:00")) { try Availability(parsing: "mon 13:00-09:00") }
        #expect(throws: Availability.ParseError.endBeforeStart("tue 09:00-09:00")) {
            try Availability(parsing: "mon 09:00-10:00;tue 09:00-09:00")
        }
    }

    @Test("windows on one day must not overlap; touching is fine")
    func overlapping() throws {
        #expect(throws: Availability.ParseError.overlapping("mon 12:00-14:00")) {
            try Availability(parsing: "mon 09:00-13:00;mon 12:00-14:00")
        }
        #expect(throws: Availability.ParseError.overlapping("mon 10:00-11:00")) {
            try Availability(parsing: "mon 09:00-13:00;wed 09:00-13:00;mon 10:00-11:00")
        }
        #expect(try Availability(parsing: "mon 09:00-12:00;mon 12:00-14:00").windows.count == 2)
        #expect(try Availability(parsing: "mon 09:00-13:00;tue 09:00-13:00").windows.count == 2)
    }

    @Test("errors describe themselves")
    func errorDescriptions() {
        #expect(Availability.ParseError.malformed("x").description == "'x' is not a window like 'mon 09:00-13:00'")
        #expect(Availability.ParseError.endBeforeStart("x").description == "'x' ends before it starts")
        #expect(Availability.ParseError.overlapping("x").description == "'x' overlaps another window on the same day")
    }

    @Test("description round-trips", arguments: [
        "mon 09:00-13:00;wed 14:00-18:00",
        "tue 08:30-17:30",
        "mon 00:00-24:00;sun 22:00-24:00",
        "",
    ])
    func roundTrip(text: String) throws {
        let availability = try Availability(parsing: text)
        #expect(availability.description == text)
        #expect(try Availability(parsing: availability.description) == availability)
    }

    // MARK: Covering a span

    @Test("covers a span on the right weekday inside one window")
    func covers() throws {
        let availability = try Availability(parsing: "mon 09:00-13:00;wed 14:00-18:00")
        #expect(availability.covers(Self.monday(10, 0, minutes: 120), calendar: seoul))
        #expect(availability.covers(Self.monday(9, 0, minutes: 240), calendar: seoul), "exactly the window")
        #expect(availability.covers(Self.monday(11, 0, minutes: 120), calendar: seoul), "ends exactly at the end")
        #expect(!availability.covers(Self.monday(11, 0, minutes: 121), calendar: seoul), "one minute past the end")
        #expect(!availability.covers(Self.monday(8, 59, minutes: 60), calendar: seoul), "starts before")
        // The same hours on Tuesday 2026-12-01 and the next Monday.
        #expect(!availability.covers(TimeSpan(start: at(2026, 12, 1, 10, 0), minutes: 60), calendar: seoul))
        #expect(availability.covers(TimeSpan(start: at(2026, 12, 7, 10, 0), minutes: 60), calendar: seoul))
        #expect(availability.covers(TimeSpan(start: at(2026, 12, 2, 15, 0), minutes: 60), calendar: seoul), "Wednesday")
    }

    @Test("a span across two windows or across midnight is not covered")
    func notCovered() throws {
        let split = try Availability(parsing: "mon 09:00-12:00;mon 12:00-14:00")
        #expect(!split.covers(Self.monday(11, 0, minutes: 120), calendar: seoul))
        let late = try Availability(parsing: "mon 20:00-24:00;tue 00:00-06:00")
        #expect(late.covers(Self.monday(22, 0, minutes: 120), calendar: seoul), "ends at midnight")
        #expect(!late.covers(Self.monday(23, 0, minutes: 120), calendar: seoul), "crosses midnight")
        #expect(!(try Availability(parsing: "")).covers(Self.monday(10, 0, minutes: 10), calendar: seoul))
    }

    @Test("covers reads weekday and time in the calendar's zone")
    func coversUsesCalendar() throws {
        var utc = Calendar(identifier: .gregorian)
        utc.timeZone = TimeZone(identifier: "UTC")!
        let availability = try Availability(parsing: "mon 09:00-13:00")
        // Monday 10:00 in Seoul is Monday 01:00 in UTC.
        #expect(availability.covers(Self.monday(10, 0, minutes: 60), calendar: seoul))
        #expect(!availability.covers(Self.monday(10, 0, minutes: 60), calendar: utc))
    }

    @Test("windows are kept sorted by weekday, then start")
    func sorted() {
        let availability = Availability([Self.window(.fri, "09:00", "10:00"), Self.window(.mon, "14:00", "15:00"), Self.window(.mon, "09:00", "10:00")])
        #expect(availability.description == "mon 09:00-10:00;mon 14:00-15:00;fri 09:00-10:00")
        #expect(Self.window(.mon, "09:00", "10:00") < Self.window(.tue, "08:00", "09:00"))
        #expect(Self.window(.mon, "09:00", "10:00").description == "mon 09:00-10:00")
    }
}
