import Foundation
import HonsimCore
import Testing
@testable import HonsimStore
@testable import HonsimTUI

/// A fresh demo shows the council's and the volunteers' side as an office running them for a
/// while would have it: volunteers' credentials with a few running out, households' categories,
/// expenses paid with past escorts, and households flagged for no-shows.
@Suite("The demo's council and volunteers' side", .serialized)
struct DemoCouncilSideTests {
    let store: SQLiteStore
    let folder: URL
    let today = CivilDate(DemoDashboard.now, calendar: DemoDashboard.calendar)

    init() async throws {
        (store, folder) = try await DemoDashboard.store()
    }

    @Test func mostVolunteersAreTrainedInsuredAndCheckedAndThreeInsurancesRunOutWithinAMonth() async throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let volunteers = try await store.volunteers()
        #expect(volunteers.allSatisfy { $0.insuredUntil != nil && $0.backgroundCheckedOn != nil })
        // No basic training on record: one in thirteen.
        let untrained = volunteers.filter { $0.trainedOn == nil }
        #expect(untrained.count == 10)
        // Consent to share hours with the portal missing for about one in six.
        let withoutConsent = volunteers.filter { $0.portalConsentOn == nil }.count
        #expect(withoutConsent >= volunteers.count / 7 && withoutConsent <= volunteers.count / 5)
        // The lapsed one first, then the coming ones; training and checks hold past the month.
        let expiring = try await store.expiringCredentials(within: 30, today: today)
        #expect(expiring.map(\.credential) == [.insurance, .insurance, .insurance, .insurance])
        #expect(expiring.map(\.daysLeft) == [-6, 4, 11, 23])

        // The credentials list shows them, in Korean and English.
        for language in Language.allCases {
            let state = try await DemoDashboard.state(width: 120, height: 40, language: language, store: store)
            #expect(state.data?.expiring.count == 4)
            let list = render(press(state, .character("e")).0).text
            for item in expiring {
                let name = try #require(volunteers.first { $0.id == item.volunteerID }?.name)
                #expect(list.contains(name))
                #expect(list.contains(item.validUntil?.description ?? "?"))
            }
            #expect(list.contains(language == .ko ? "만료 6" : "lapsed 6"))
        }
    }

    @Test func theBestCandidatesOfTheDemosPendingRequestsCarryNoTrainingWarning() async throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let pending = try await store.pendingRequests(limit: 20)
        #expect(pending.count >= 10)
        let untrained = { (candidate: Candidate) in candidate.terms.contains { $0.reason == .trainingMissing } }
        var topThree = 0, untrainedInTopThree = 0, untrainedRanked = 0
        for request in pending {
            let ranking = try await store.candidates(for: request.id)
            // The one Enter would assign is trained, for every request.
            let best = try #require(ranking.eligible.first, "request \(request.id) has no candidate")
            #expect(!untrained(best), "request \(request.id): \(best.volunteer.id)")
            topThree += ranking.eligible.prefix(3).count
            untrainedInTopThree += ranking.eligible.prefix(3).filter(untrained).count
            untrainedRanked += ranking.eligible.filter(untrained).count
        }
        // Hardly ever among the first three; still there, lower down, with their reason.
        #expect(untrainedInTopThree * 20 <= topThree, "\(untrainedInTopThree) of \(topThree)")
        #expect(untrainedRanked > 0)
        // The assign dialog of the first pending request, as a coordinator sees it.
        let state = try await DemoDashboard.state(width: 120, height: 40, store: store)
        let opened = try await press(state, store: store, .character("a"))
        guard case .assign(let dialog)? = opened.overlay else { Issue.record("no assign dialog"); return }
        #expect(dialog.ranking?.eligible.isEmpty == false)
        let screen = render(opened).text
        #expect(!screen.contains(DomainPhrases.reason(.trainingMissing).ko))
    }

    @Test func householdsHaveCategoriesAndTheMonthlyReportCountsByThem() async throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let households = try await store.households()
        let eligibility = try await store.eligibility(householdIDs: Set(households.map(\.id)))
        let recorded = eligibility.values.filter { !$0.categories.isEmpty }
        // Nearly every household has a category; the basic livelihood ones are the most.
        #expect(recorded.count >= households.count * 9 / 10 && recorded.count < households.count)
        let count = { (category: EligibilityCategory) in recorded.filter { $0.categories.contains(category) }.count }
        #expect(EligibilityCategory.allCases.allSatisfy { count($0) > 0 })
        #expect(EligibilityCategory.allCases.allSatisfy { count(.basicLivelihood) >= count($0) })
        #expect(count(.emergency) < households.count / 10)
        // A few are served elsewhere, none of them with an escort still to come.
        let elsewhere = eligibility.filter { !$0.value.servedElsewhere.isEmpty }
        #expect(elsewhere.count >= 5 && elsewhere.count <= households.count / 10)
        let coming = try await store.requests(in: TimeSpan(start: DemoDashboard.now, end: DemoDashboard.now.addingTimeInterval(60 * 86_400)))
        #expect(!coming.contains { elsewhere[$0.householdID] != nil && !$0.status.isEnd })

        let report = try await MonthlyReport.make(store: store, year: today.year, month: today.month, now: DemoDashboard.now)
        #expect(report.byCategory.withRequests.count == EligibilityCategory.allCases.count + 1, "every category and 'not recorded'")
        #expect(report.byCategory.withRequests.allSatisfy { $0.households > 0 })
        #expect(report.byCategory.total.households < report.byCategory.withRequests.map(\.households).reduce(0, +), "several categories count in each")
        let markdown = try report.render(.md, language: .ko)
        #expect(markdown.contains("## 대상 구분별"))
        #expect(markdown.contains("기초생활수급") && markdown.contains("사례관리 대상") && markdown.contains("구분 미기록"))
        #expect(!markdown.contains("요청 없음"))
    }

    @Test func twoHouseholdsArePastTheNoShowThresholdAndFlagged() async throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        var flagged: [Int64: ConductCounts] = [:]
        for household in try await store.households() {
            let standing = try await store.householdStanding(id: household.id)
            if standing.flagged { flagged[household.id] = standing.conduct }
        }
        #expect(flagged.keys.sorted() == [113, 353])
        #expect(flagged[353]?.noShows == 3 && flagged[353]?.lateCancellations == 0)
        #expect(flagged[113]?.noShows == 2 && flagged[113]?.lateCancellations == 1)
        // Cancelled a few days ahead as most are, the others count for nothing.
        #expect(try await store.householdStanding(id: 189).conduct.lateCancellations == 0)

        // Its escort still to assign: the assign dialog shows the flag with the counts, and
        // refuses no one for it; the household page shows it too.
        var state = try await DemoDashboard.state(width: 120, height: 40, store: store)
        let request = try #require(state.visibleRequests.firstIndex { $0.householdID == 113 && $0.status == .pending })
        state.selection[.requests] = request
        let counts = try #require(flagged[113])
        let dialog = try await press(state, store: store, .character("a"))
        guard case .assign(let assign) = dialog.overlay else { Issue.record("no assign dialog"); return }
        #expect(assign.ranking?.conduct.household == counts)
        #expect(assign.ranking?.eligible.isEmpty == false)
        #expect(render(dialog).text.contains("⚑ \(UIText.household.text(.ko)) \(counts.phrase.text(.ko))"))
        let effects = state.openHouseholdPage()
        let page = try await settle(state, effects, store: store)
        #expect(render(page).text.contains("⚑ " + counts.phrase.text(.ko)))
    }

    @Test func pastEscortsPaidExpensesAndOnePassedTheCeiling() async throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let report = try await store.expenseReport(year: today.year, month: today.month)
        #expect(report.lines.count >= 30)
        #expect(report.lines.allSatisfy { $0.day < today })
        let over = report.lines.filter { $0.overCeiling != nil }
        #expect(over.count == 1)
        #expect(over.first?.expenses == Expenses(fares: 16_800, meals: 9_000))
        #expect(report.lines.contains { $0.expenses.parking > 0 })
        let meals = report.lines.filter { $0.expenses.meals > 0 }.count
        #expect(meals >= 1 && meals < report.lines.count / 5, "meals rarely")
        // Nothing before this month passed it.
        let previous = today.adding(days: -today.day, calendar: DemoDashboard.calendar)
        let earlier = try await store.expenseReport(year: previous.year, month: previous.month)
        #expect(!earlier.lines.isEmpty && earlier.lines.allSatisfy { $0.overCeiling == nil })
    }
}
