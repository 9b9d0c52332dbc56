import Foundation
import Testing
@testable import HonsimCore

/// A week's windows are held in the value itself when they fit, and a list's search texts in
/// one buffer: what they answer, how they compare and how they are written must be what an
/// array of windows and a SearchText each gave.
@Suite("Packed windows and a list's search texts")
struct PackedValuesTests {
    static func window(_ weekday: Weekday, _ start: Int, _ end: Int) -> AvailabilityWindow {
        AvailabilityWindow(weekday: weekday, start: ClockTime(minutes: start), end: ClockTime(minutes: end))
    }

    /// Windows of every weekday and of the edges of a day (0, 24:00, the most 11 bits hold).
    static func randomWindows(count: Int, using generator: inout SeededGenerator) -> [AvailabilityWindow] {
        let minutes = [0, 1, 59, 540, 780, 1_439, 1_440, 2_047]
        return (0..<count).map { _ in
            let start = minutes.randomElement(using: &generator)!
            let end = Int.random(in: 0...2_047, using: &generator)
            return window(Weekday.allCases.randomElement(using: &generator)!, start, end)
        }
    }

    @Test("zero to eight windows read back in order, packed or listed")
    func windowsReadBack() {
        var generator = SeededGenerator(seed: 19)
        for _ in 0..<2_000 {
            let windows = Self.randomWindows(count: Int.random(in: 0...8, using: &generator), using: &generator)
            let availability = WeeklyAvailability(windows)
            #expect(availability.windows == windows.sorted())
            #expect(availability.count == windows.count)
            #expect(Array(availability.reversed()) == windows.sorted().reversed())
            #expect(availability.weeklyMinutes == windows.reduce(0) { $0 + $1.end.minutes - $1.start.minutes })
            for weekday in Weekday.allCases {
                #expect(availability.windows(on: weekday) == windows.sorted().filter { $0.weekday == weekday })
                #expect(availability.isFree(on: weekday) == windows.contains { $0.weekday == weekday })
            }
        }
    }

    @Test("a minute past 11 bits, or a sixth window, is listed and still read back")
    func beyondThePackedForm() {
        let late = [Self.window(.mon, 600, 2_048)]
        #expect(WeeklyAvailability(late).windows == late)
        let six = Weekday.allCases.prefix(6).map { Self.window($0, 540, 780) }
        #expect(WeeklyAvailability(six).windows == six)
        #expect(WeeklyAvailability(six).covers(weekday: .sat, startMinute: 600, endMinute: 700))
        #expect(!WeeklyAvailability(six).covers(weekday: .sun, startMinute: 600, endMinute: 700))
    }

    @Test("equal windows given in any order are equal and hash alike")
    func equalityFollowsTheWindows() {
        var generator = SeededGenerator(seed: 23)
        for count in 0...7 {
            let windows = Self.randomWindows(count: count, using: &generator)
            let a = WeeklyAvailability(windows), b = WeeklyAvailability(windows.shuffled(using: &generator))
            #expect(a == b && a.hashValue == b.hashValue)
            if let first = windows.first {
                let other = WeeklyAvailability(windows.dropFirst() + [Self.window(first.weekday, first.start.minutes, (first.end.minutes + 1) % 2_048)])
                #expect(other != a)
            }
        }
    }

    @Test("written as a list of windows, as before they were packed, and read back")
    func writtenAsBefore() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let availability = try WeeklyAvailability(parsing: "wed 14:00-18:00;mon 09:00-13:00")
        let json = String(decoding: try encoder.encode(availability), as: UTF8.self)
        #expect(json == #"{"windows":[{"end":{"minutes":780},"start":{"minutes":540},"weekday":1},"#
            + #"{"end":{"minutes":1080},"start":{"minutes":840},"weekday":3}]}"#)
        #expect(try JSONDecoder().decode(WeeklyAvailability.self, from: Data(json.utf8)) == availability)
        #expect(availability.description == "mon 09:00-13:00;wed 14:00-18:00")
    }

    @Test("a list's search texts match exactly as each record's own SearchText")
    func searchTextsMatchTheirRecords() {
        var generator = SeededGenerator(seed: 29)
        let words = ["김민지", "비산1동", "Émile", "SNUH", "휠체어", "wheelchair", "", "안양8동", "ㄱㄴ", "서울대학교병원", "박", "lee"]
        let records = (0..<300).map { _ in (0..<Int.random(in: 0...4, using: &generator)).map { _ in words.randomElement(using: &generator)! } }
        let texts = SearchTexts(records)
        #expect(texts.count == records.count)
        let queries = ["", "민지", "ㄱㅁㅈ", "ㅂㅅ1ㄷ 김", "émile", "snuh ㅅㅇㄷ", "동ㄱ", "1동 휠", "lee 박", "ㅇㅇ8", "x"].map(SearchQuery.init)
        for (index, record) in records.enumerated() {
            for query in queries {
                #expect(texts.matches(index, query) == SearchText(record).matches(query), "\(record) \(query)")
            }
        }
        // A second record's text as one more field: the match of the two joined.
        let names = records.indices.map { _ in [words.randomElement(using: &generator)!] }
        let nameTexts = SearchTexts(names)
        for (index, record) in records.enumerated() {
            let joined = SearchText(record + names[index])
            for query in queries + ["민지 snuh", "ㄱㅁㅈ 1동", "박 ㅇㅇ8"].map(SearchQuery.init) {
                #expect(texts.matches(index, query, orIn: nameTexts, at: index) == joined.matches(query), "\(record) \(names[index]) \(query)")
            }
        }
    }
}
