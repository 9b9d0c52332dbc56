import HonsimCore
import Testing

/// How the store's groups (one per set of categories) make the rows by category.
@Suite("Figures by eligibility category")
struct CategoryFiguresTests {
    @Test func aHouseholdOfSeveralCategoriesCountsUnderEachAndOnceInTheTotal() {
        let breakdown = CategoryBreakdown(groups: [
            CategoryGroup(categories: [.basicLivelihood, .caseManaged], requests: 3, completed: 2, noShows: 1, minutes: 150, households: 1),
            CategoryGroup(categories: [.basicLivelihood], requests: 4, completed: 1, cancelled: 2, minutes: 60, households: 2),
            CategoryGroup(categories: [], requests: 5, completed: 5, minutes: 300, households: 4),
        ])
        #expect(breakdown.rows.map(\.category) == [.basicLivelihood, .nearPoverty, .caseManaged, .emergency, .other, nil])
        #expect(breakdown.rows.map(\.requests) == [7, 0, 3, 0, 0, 5])
        #expect(breakdown.rows.map(\.households) == [3, 0, 1, 0, 0, 4])
        #expect(breakdown.rows[0].cancelled == 2 && breakdown.rows[2].noShows == 1 && breakdown.rows[0].minutes == 210)
        #expect(breakdown.total.requests == 12 && breakdown.total.households == 7 && breakdown.total.minutes == 510)
        #expect(breakdown.countsSomeTwice && breakdown.withRequests.map(\.category) == [.basicLivelihood, .caseManaged, nil])
        #expect(breakdown.rows[5].name == Phrase(ko: "구분 미기록", en: "not recorded"))
    }

    @Test func noRequestsGiveEveryRowAtZero() {
        let breakdown = CategoryBreakdown(groups: [])
        #expect(breakdown.rows.count == EligibilityCategory.allCases.count + 1 && breakdown.rows.allSatisfy { $0.requests == 0 })
        #expect(breakdown.withRequests.isEmpty && !breakdown.countsSomeTwice)
    }
}
