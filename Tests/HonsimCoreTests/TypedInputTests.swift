import Foundation
import Testing
@testable import HonsimCore

@Suite("What coordinators type into forms and filters")
struct TypedInputTests {
    let calendar = seoul
    let today = CivilDate(year: 2026, month: 11, day: 30)

    @Test func datesTheWaysTheyAreWritten() {
        let date = { (text: String) in TypedInput.date(text, today: today, calendar: calendar)?.description }
        #expect(date("2026-12-03") == "2026-12-03")
        #expect(date("12/3") == "2026-12-03")
        #expect(date("12.3") == "2026-12-03")
        #expect(date("12월 3일") == "2026-12-03")
        #expect(date("12-03") == "2026-12-03")
        // A month already past means next year's.
        #expect(date("1/5") == "2027-01-05")
        #expect(date("오늘") == "2026-11-30")
        #expect(date("내일") == "2026-12-01")
        #expect(date("tomorrow") == "2026-12-01")
        #expect(date("모레") == "2026-12-02")
        #expect(date("2026.12.3") == "2026-12-03")
        for bad in ["13월", "2/30", "", "next week", "12/3/4/5", "0/1"] { #expect(date(bad) == nil, "\(bad)") }
    }

    @Test func timesTheWaysTheyAreWritten() {
        let time = { (text: String) in TypedInput.time(text)?.description }
        #expect(time("10:30") == "10:30")
        #expect(time("1030") == "10:30")
        #expect(time("9") == "09:00")
        #expect(time("10시 30분") == "10:30")
        #expect(time("10시 반") == "10:30")
        #expect(time("오후 2시") == "14:00")
        #expect(time("2pm") == "14:00")
        #expect(time("오전 9:15") == "09:15")
        for bad in ["25:00", "10:75", "abc", "", "12345"] { #expect(time(bad) == nil, "\(bad)") }
    }

    @Test func durationsInHoursOrMinutes() {
        #expect(TypedInput.duration("3") == 180)
        #expect(TypedInput.duration("2.5") == 150)
        #expect(TypedInput.duration("2:30") == 150)
        #expect(TypedInput.duration("90분") == 90)
        #expect(TypedInput.duration("3시간") == 180)
        #expect(TypedInput.duration("soon") == nil)
        #expect(TypedInput.duration("-1") == nil)
    }

    @Test func weekdayLists() {
        #expect(TypedInput.weekdays("월 수 금") == [.mon, .wed, .fri])
        #expect(TypedInput.weekdays("월수금") == [.mon, .wed, .fri])
        #expect(TypedInput.weekdays("fri,mon") == [.mon, .fri])
        #expect(TypedInput.weekdays("") == [])
        #expect(TypedInput.weekdays("월 someday") == nil)
    }

    @Test func initialsWithDigitsFindNumberedDongs() {
        #expect(SearchMatch.matches("ㅅㅅ2ㄷ", in: ["석수2동"]))
        #expect(!SearchMatch.matches("ㅅㅅ1ㄷ", in: ["석수2동"]))
        #expect(SearchText(["안양8동"]).matches(SearchQuery("ㅇㅇ8")))
        // Digits alone are plain text, not initials.
        #expect(SearchText(["요청 2109"]).matches(SearchQuery("2109")))
    }
}
