import Foundation
import Testing

/// `honsim suggest`: the best `--limit` candidates, with every eligible volunteer counted.
@Suite("Suggesting candidates on the command line")
struct SuggestCommandTests {
    @Test func theBestAreListedAndEveryEligibleVolunteerIsCounted() throws {
        let store = try SeededStore()
        defer { store.remove() }
        let target = try #require(try store.pendingWithCandidates(requests: 1, candidates: 1000).first)
        let all = target.volunteers
        #expect(all.count >= 2)
        let text = try store.run(["suggest", String(target.request), "--limit", "1"], lang: "ko")
        #expect(text.status == 0, "\(text.stderr)")
        #expect(text.stdout.contains("후보 \(all.count)명"), "\(text.stdout)")
        #expect(text.stdout.contains(" 1. #\(all[0]) ") && !text.stdout.contains(" 2. #"))
        let english = try store.run(["suggest", String(target.request), "--limit", "2"]).stdout
        #expect(english.contains("\(all.count) candidate(s)") && english.contains(" 2. #\(all[1]) "))
    }
}
