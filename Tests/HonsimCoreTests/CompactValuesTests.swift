import Foundation
import Testing
@testable import HonsimCore

/// Dates, clock times and search text are kept in fewer bytes than their fields' types (a
/// city's volunteer list holds tens of thousands of each); what they say and how they are
/// written to JSON (the audit log's before and after) stays as it was.
@Suite("Compact dates, times and search text")
struct CompactValuesTests {
    @Test("a volunteer written to the audit log before the compact forms reads back the same")
    func olderRecordsDecode() throws {
        let older = """
            {"year":2026,"month":12,"day":6}
            """
        #expect(try JSONDecoder().decode(CivilDate.self, from: Data(older.utf8)) == CivilDate(year: 2026, month: 12, day: 6))
        let window = """
            {"weekday":1,"start":{"minutes":540},"end":{"minutes":780}}
            """
        let decoded = try JSONDecoder().decode(AvailabilityWindow.self, from: Data(window.utf8))
        #expect(decoded.start == ClockTime(minutes: 540) && decoded.end == ClockTime(minutes: 780))
    }

    @Test("dates and times are written with the same keys and numbers as before")
    func writtenAsBefore() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let date = String(decoding: try encoder.encode(CivilDate(year: 2026, month: 2, day: 28)), as: UTF8.self)
        #expect(date == #"{"day":28,"month":2,"year":2026}"#)
        #expect(String(decoding: try encoder.encode(ClockTime(minutes: 1_440)), as: UTF8.self) == #"{"minutes":1440}"#)
    }

    @Test("fields set one by one read back, and order and equality follow the date")
    func fieldsAndOrder() {
        var date = CivilDate(year: 2026, month: 1, day: 31)
        date.month = 12
        date.day = 6
        #expect(date.description == "2026-12-06")
        #expect(CivilDate(year: 2025, month: 12, day: 31) < date)
        #expect(Set([date, CivilDate(iso: "2026-12-06")]).count == 1)
        var time = ClockTime(minutes: 0)
        time.minutes += 9 * 60 + 30
        #expect(time.description == "09:30")
    }

    @Test("a search finds words in the text and initials in the initials, never across the two")
    func textAndInitialsApart() {
        let volunteer = SearchText(["김민지", "비산1동"])
        #expect(volunteer.matches(SearchQuery("민지")))
        #expect(volunteer.matches(SearchQuery("ㄱㅁㅈ")))
        #expect(volunteer.matches(SearchQuery("ㅂㅅ1ㄷ 김")))
        // The text ends where the initials begin: "동" followed by "ㄱ" is in neither.
        #expect(!volunteer.matches(SearchQuery("동ㄱ")))
        #expect(!volunteer.matches(SearchQuery("ㄷㄱ김")))
        #expect(SearchText([]).matches(SearchQuery("")))
    }
}
