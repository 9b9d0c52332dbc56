import Foundation
import HonsimCore
import Testing
@testable import HonsimStore
@testable import HonsimTUI

/// The statistics pane by eligibility category: `v` switches the pane between the figures by
/// dong and those by category and reads the latter from the store; the period keys and the
/// dong scope keep working by category; goldens in Korean and English at 80x24 and 120x40.
@Suite("Statistics by eligibility category", .serialized)
struct StatisticsByCategoryFlowTests {
    /// Every demo household given a category by its id, so the figures stay put whatever the
    /// seeds record: some of several categories, some with none (only a service elsewhere).
    static func categorized(_ store: SQLiteStore) async throws {
        for household in try await store.households() {
            let id = household.id
            let eligibility: HouseholdEligibility
            if id % 10 == 0 { eligibility = HouseholdEligibility(servedElsewhere: [.longTermCare]) }
            else if id % 7 == 0 { eligibility = HouseholdEligibility(categories: [.basicLivelihood, .caseManaged]) }
            else if id % 5 == 0 { eligibility = HouseholdEligibility(categories: [.nearPoverty]) }
            else if id % 13 == 0 { eligibility = HouseholdEligibility(categories: [.emergency]) }
            else if id % 17 == 0 { eligibility = HouseholdEligibility(categories: [.other, .nearPoverty]) }
            else { eligibility = HouseholdEligibility(categories: [.basicLivelihood]) }
            try await store.setEligibility(householdID: id, eligibility)
        }
    }

    @Test func vSwitchesToTheFiguresByCategoryAndReadsThemForThePeriodAndScope() async throws {
        let (store, folder) = try await DemoDashboard.store()
        defer { try? FileManager.default.removeItem(at: folder) }
        try await Self.categorized(store)
        let start = try await DemoDashboard.state(width: 120, height: 40, store: store)
        #expect(start.statisticsView == .byDong && start.focus == .requests)

        let (byCategory, effects) = press(start, .character("v"))
        #expect(byCategory.statisticsView == .byCategory && byCategory.focus == .statistics)
        #expect(effects == [.loadCategoryStatistics(.month(year: 2026, month: 11), dongCodes: nil)])
        #expect(render(byCategory).text.contains("불러오는 중"), "nothing is shown until the figures come")
        var state = try await settle(byCategory, effects, store: store)
        let month = try await store.categoryStatistics(for: .month(year: 2026, month: 11), dongCodes: nil)
        #expect(state.currentCategoryStatistics?.breakdown == month)
        #expect(month.countsSomeTwice && month.rows.allSatisfy { $0.requests <= month.total.requests })
        let text = render(state).text
        #expect(text.contains("3 구분별 통계") && text.contains("기초생활수급") && text.contains("구분 미기록") && text.contains("합계"))
        #expect(text.contains("여러 구분에 해당하는 대상자는 각 구분에 셉니다"))

        // The period keys move both figures.
        let (lastMonth, periodEffects) = press(state, .character("]"))
        #expect(lastMonth.period == .lastMonth)
        #expect(periodEffects == [.loadStatistics(.month(year: 2026, month: 10)), .loadCategoryStatistics(.month(year: 2026, month: 10), dongCodes: nil)])
        #expect(lastMonth.currentCategoryStatistics == nil, "the month before's figures are not this month's")
        state = try await settle(lastMonth, periodEffects, store: store)
        #expect(state.currentCategoryStatistics?.breakdown == (try await store.categoryStatistics(for: .month(year: 2026, month: 10), dongCodes: nil)))
        #expect(render(state).text.contains("지난 달 2026-10"))

        // E saves what the pane shows: the categories and the total, for the month on screen.
        guard case .files(.export(let saved))? = press(state, .character("E")).1.first else { Issue.record("no export"); return }
        #expect(saved.contents.hasPrefix("\u{FEFF}기간,대상 구분,요청,완료,불참,취소,봉사시간,대상자\n"))
        #expect(saved.rows == EligibilityCategory.allCases.count + 2 && saved.contents.contains("\n2026-10,합계,"))

        // The rows are the categories, "not recorded" and the total: the selection stops at the total.
        state = press(state, .character("G")).0
        #expect(state.selected(.statistics) == EligibilityCategory.allCases.count + 1)

        // Back by dong: no read by category any more.
        let (byDong, back) = press(state, .character("v"))
        #expect(byDong.statisticsView == .byDong && byDong.selected(.statistics) == 0 && back.isEmpty)
        #expect(press(byDong, .character("]")).1 == [.loadStatistics(.year(2026))])
        #expect(render(byDong).text.contains("3 동별 통계 31"))
    }

    @Test func theDongScopeNarrowsTheFiguresByCategory() async throws {
        let (store, folder) = try await DemoDashboard.store()
        defer { try? FileManager.default.removeItem(at: folder) }
        try await Self.categorized(store)
        var state = try await press(try await DemoDashboard.state(width: 120, height: 40, store: store), store: store, .character("v"))
        let city = try #require(state.currentCategoryStatistics?.breakdown)
        // Select none, then 석수2동 (the 11th) only, and apply.
        state = press(state, .character("d"), .character("a")).0
        for _ in 0..<10 { state = press(state, .down).0 }
        let (scoped, effects) = press(state, .character(" "), .enter)
        #expect(scoped.scope == ["41171-11"])
        #expect(effects.contains(.loadCategoryStatistics(.month(year: 2026, month: 11), dongCodes: ["41171-11"])))
        state = try await settle(scoped, effects, store: store)
        let seokSu = try #require(state.currentCategoryStatistics?.breakdown)
        #expect(seokSu.total.requests == state.statistics?.report.byDong["41171-11"]?.requests, "the dong's requests, each once")
        #expect(seokSu.total.requests < city.total.requests)
        #expect(render(state).text.contains("고른 동"))
    }

    @Test func aViewerSwitchesTooAndTheKeyIsInTheHelpAndTheHints() async throws {
        let (store, folder) = try await DemoDashboard.store()
        defer { try? FileManager.default.removeItem(at: folder) }
        let viewer = try await DemoDashboard.state(width: 120, height: 40, store: store, access: Access(user: "park", role: .viewer, dongCodes: []))
        let (switched, effects) = press(viewer, .character("v"))
        #expect(switched.statisticsView == .byCategory && !effects.isEmpty, "a viewer switches too; the store counts the households it does not see in full as not recorded")
        #expect(statusHints(switched).prefix(2) == [.help, .statisticsView])
        let help = render(press(viewer, .character("?")).0).text
        #expect(help.contains("통계 동별·구분별 바꾸기"))
        // Remappable like every key.
        var remapped = viewer
        remapped.keymap = Keymap(overrides: ["statistics_view": [.character("K")]])
        #expect(press(remapped, .character("K")).0.statisticsView == .byCategory)
        #expect(press(remapped, .character("v")).0.statisticsView == .byDong)
    }

    @Test(arguments: Language.allCases)
    func goldensOfThePaneByCategory(language: Language) async throws {
        let (store, folder) = try await DemoDashboard.store()
        defer { try? FileManager.default.removeItem(at: folder) }
        try await Self.categorized(store)
        for (width, height) in [(80, 24), (120, 40), (200, 60)] {
            let start = try await DemoDashboard.state(width: width, height: height, language: language, store: store)
            let state = try await press(start, store: store, .character("v"))
            let canvas = render(state)
            assertWellFormed(canvas)
            assertSnapshot(canvas, named: "statistics-category-\(language)-\(width)x\(height)")
        }
    }
}
