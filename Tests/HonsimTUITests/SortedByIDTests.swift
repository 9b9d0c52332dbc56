import Foundation
import Testing
import HonsimCore
import HonsimStore
@testable import HonsimTUI

/// The dashboard's tables by id are sorted arrays, not dictionaries: they must answer, and
/// change, as the dictionaries they replace did.
@Suite("Tables by id")
struct SortedByIDTests {
    @Test("look-ups, additions, replacements and removals answer as a dictionary's")
    func answersAsADictionary() {
        var random = SystemRandomNumberGenerator()
        for _ in 0..<50 {
            var model: [Int64: String] = [:]
            for _ in 0..<Int.random(in: 0...40, using: &random) { model[Int64.random(in: -20...60, using: &random)] = "x" }
            var table = RecordsByID(model)
            for step in 0..<200 {
                let id = Int64.random(in: -25...65, using: &random)
                #expect(table[id] == model[id])
                let value: String? = Bool.random(using: &random) ? "v\(step)" : nil
                table[id] = value
                model[id] = value
                #expect(table.count == model.count)
                #expect(table.values == model.sorted { $0.key < $1.key }.map(\.value))
            }
        }
        let literal: RecordsByID<String> = [3: "c", 1: "a"]
        #expect(literal[1] == "a" && literal[2] == nil && literal.values == ["a", "c"])
    }

    @Test("week figures and busy spans read back by volunteer id, as they were given")
    func volunteerSummariesByID() {
        var random = SystemRandomNumberGenerator()
        var given: [Int64: VolunteerSummary] = [:]
        for id in (1...300).map({ Int64($0 * 7) }) where Bool.random(using: &random) {
            let busy = (0..<Int.random(in: 0...3, using: &random)).map { hour in
                TimeSpan(start: Date(timeIntervalSince1970: Double(id * 3_600 + Int64(hour))), end: Date(timeIntervalSince1970: Double(id * 3_600 + 1_800)))
            }
            given[id] = VolunteerSummary(assignmentsThisWeek: Int.random(in: 0...9, using: &random), minutesThisWeek: Int.random(in: 0...600, using: &random),
                                         minutesThisMonth: Int.random(in: 0...6_000, using: &random), busy: busy)
        }
        let summaries = VolunteerSummaries(given)
        #expect(summaries.count == given.count)
        for id in Int64(0)...2_200 { #expect(summaries[id] == given[id]) }
        #expect(summaries.values == given.sorted { $0.key < $1.key }.map(\.value))
        let empty: VolunteerSummaries = [:]
        #expect(empty.count == 0 && empty[7] == nil)
    }

    @Test("a request is searched by its id, in full or masked as its row shows the name")
    func requestSearchByID() {
        let search = RequestSearch([(id: 7, fields: ["#7", "한림대병원"], name: "김순자", maskedName: "김*자"),
                                    (id: 2, fields: ["#2", "안양병원"], name: "박영희", maskedName: "박*희")])
        #expect(search.matches(7, SearchQuery("순자"), showsFull: true))
        #expect(!search.matches(7, SearchQuery("순자"), showsFull: false))
        #expect(search.matches(7, SearchQuery("김*자"), showsFull: false))
        #expect(search.matches(2, SearchQuery("ㅇㅇ 박"), showsFull: false))
        #expect(!search.matches(2, SearchQuery("한림"), showsFull: true))
        #expect(!search.matches(5, SearchQuery(""), showsFull: true))
    }
}
