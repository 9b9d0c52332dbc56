import Foundation
import HonsimCore
@testable import HonsimStore
import Testing

/// The council's rules on both backends: held by the store and written by an admin only;
/// eligibility recorded on the household; a new request outside the rules refused with every
/// rule in words, or made by an override with a reason that is recorded; limits that name the
/// requests past them; no-shows and late cancellations counted and flagged, never refusing.
@Suite("The council's rules in the store")
struct CouncilRulesStoreTests {
    /// A request of household 1 (석수2동) on the fixture's Monday at `hour`, as a form drafts it.
    func draft(_ fixture: StoreFixture, household: Int64 = 1, hour: Int) -> EscortRequest {
        var request = fixture.request(0, household: household, hour: hour)
        request.createdAt = Date()
        return request
    }

    @Test(arguments: Backend.all) func theStoreHoldsTheRulesAndOnlyAnAdminWritesThem(_ backend: Backend) async throws {
        let fixture = try await StoreFixture.make(backend)
        defer { fixture.remove() }
        try await fixture.load([])
        #expect(try await fixture.store.councilRules() == CouncilRuleBook(), "the built-in defaults until an admin sets rules")
        var seoksu = CouncilRules()
        seoksu.usesPerMonth = 6
        var city = CouncilRules()
        city.usesPerMonth = 4
        city.excludedServices = [.longTermCare]
        try await fixture.store.setCouncilRules(CouncilRuleBook(city: city, dongs: [StoreFixture.seokSu2.code: seoksu]))
        let stored = try await fixture.store.councilRules()
        #expect(stored.city == city && stored.rules(forDong: StoreFixture.seokSu2.code) == seoksu)
        #expect(stored.rules(forDong: StoreFixture.pyeongchon.code).usesPerMonth == 4)
        #expect(try await fixture.store.auditLog(in: nil, limit: 1).first?.action == "rules")

        let coordinator = try await fixture.otherStore(user: "park", role: .coordinator, dongCodes: [StoreFixture.seokSu2.code])
        let refused = await storeError { try await coordinator.setCouncilRules(CouncilRuleBook()) }
        guard case .access(.adminOnly)? = refused else { Issue.record("a coordinator may not change the rules: \(String(describing: refused))"); return }
        #expect(try await coordinator.councilRules() == stored, "every coordinator reads the same rules")
    }

    @Test(arguments: Backend.all) func aHouseholdOutsideTheRulesIsRefusedInWordsOrServedByOverrideWithAReason(_ backend: Backend) async throws {
        let fixture = try await StoreFixture.make(backend)
        defer { fixture.remove() }
        try await fixture.load([])
        try await fixture.store.setEligibility(householdID: 1, HouseholdEligibility(categories: [.basicLivelihood], servedElsewhere: [.longTermCare]))
        #expect(try await fixture.store.eligibility(householdIDs: [1, 2]) == [1: HouseholdEligibility(categories: [.basicLivelihood], servedElsewhere: [.longTermCare])])

        let before = try await fixture.store.counts().requests
        let refused = await storeError { try await fixture.store.createRequests([draft(fixture, hour: 9)]) }
        guard case .outsideCouncilRules(let householdID, let findings)? = refused else {
            Issue.record("refused for the rules: \(String(describing: refused))"); return
        }
        #expect(householdID == 1 && findings.map(\.rule) == ["excluded_services"])
        #expect(refused?.message(.ko, calendar: fixture.calendar).contains("장기요양 등급 이용자는 다른 서비스로 지원받으므로 동행 대상이 아닙니다") == true)
        #expect(refused?.message(.en, calendar: fixture.calendar).contains("an override with a reason may go ahead") == true)
        #expect(try await fixture.store.ruleFindings(for: [draft(fixture, hour: 9)])[1]?.first?.rule == "excluded_services",
                "the form hears the same before saving")
        let blank = await storeError { try await fixture.store.createRequests([draft(fixture, hour: 9)], override: RuleOverride(reason: "  ")) }
        #expect(blank != nil, "an override needs a reason")
        #expect(try await fixture.store.counts().requests == before)

        let made = try await fixture.store.createRequests([draft(fixture, hour: 9)], override: RuleOverride(reason: "등급 판정 대기 중"))
        let overrides = try await fixture.store.ruleOverrides(requestIDs: [made[0].id])[made[0].id] ?? []
        #expect(overrides.map(\.rule) == ["excluded_services"] && overrides.first?.reason == "등급 판정 대기 중" && overrides.first?.by == "kim")
        #expect(try await fixture.store.auditLog(in: nil, limit: 1).first?.action == "override")
        #expect(try await fixture.store.undo([UndoTarget(requestID: made[0].id, version: made[0].version)]).isEmpty,
                "a request made by mistake goes away with its override")

        var strict = CouncilRules()
        strict.eligibilityOverridable = false
        try await fixture.store.setCouncilRules(CouncilRuleBook(city: strict))
        let never = await storeError { try await fixture.store.createRequests([draft(fixture, hour: 9)], override: RuleOverride(reason: "사정")) }
        guard case .outsideCouncilRules(_, let strictFindings)? = never else { Issue.record("no override where the rules allow none"); return }
        #expect(strictFindings.allSatisfy { !$0.overridable })
        #expect(never?.message(.ko, calendar: fixture.calendar).contains("예외로 진행") == false)
        try await fixture.store.createRequests([draft(fixture, household: 2, hour: 9)])
    }

    @Test(arguments: Backend.all) func aLimitNamesTheRequestsPastItAndByHowMuchAndNothingIsMade(_ backend: Backend) async throws {
        let fixture = try await StoreFixture.make(backend)
        defer { fixture.remove() }
        try await fixture.load([fixture.request(1, household: 1, hour: 17), fixture.request(2, household: 1, hour: 19, status: .cancelled)])
        var seoksu = CouncilRules()
        seoksu.usesPerMonth = 2
        try await fixture.store.setCouncilRules(CouncilRuleBook(dongs: [StoreFixture.seokSu2.code: seoksu]))
        let drafts = [8, 11, 14].map { draft(fixture, hour: $0) }
        let refused = await storeError { try await fixture.store.createRequests(drafts) }
        guard case .outsideCouncilRules(1, let findings)? = refused, let finding = findings.first else {
            Issue.record("refused past the limit: \(String(describing: refused))"); return
        }
        #expect(finding.numbers == [2, 3] && finding.excess == 2, "the stored one and the first new one fit; the cancelled one does not count")
        let month = fixture.calendar.component(.month, from: fixture.monday)
        #expect(finding.phrase.ko.contains("\(month)월 이용 한도 2회를 2회 넘습니다 (4회) — 2, 3번째"))
        #expect(try await fixture.store.counts().requests == 2, "all or nothing")
        try await fixture.store.createRequests(drafts.map { var other = $0; other.householdID = 4; other.dongCode = StoreFixture.anyang2.code; return other },
                                               override: nil)
        #expect(try await fixture.store.counts().requests == 5, "안양2동 works by the city's rules, which have no limit")
        let standing = try await fixture.store.householdStanding(id: 1)
        #expect(standing.usage.usesPerMonth == 2)
    }

    @Test(arguments: Backend.all) func noShowsAndLateCancellationsAreFlaggedOnTheHouseholdAndInTheRanking(_ backend: Backend) async throws {
        let fixture = try await StoreFixture.make(backend)
        defer { fixture.remove() }
        let now = Date()
        func shifted(_ request: EscortRequest, hours: Double) -> EscortRequest {
            var request = request
            request.pickupAt = now.addingTimeInterval(hours * 3600)
            request.appointmentAt = request.pickupAt.addingTimeInterval(3600)
            return request
        }
        try await fixture.load([
            shifted(fixture.request(1, household: 1, status: .noShow, volunteer: 1), hours: -24 * 20),
            shifted(fixture.request(2, household: 1, status: .noShow, volunteer: 1), hours: -24 * 40),
            shifted(fixture.request(3, household: 1, status: .noShow, volunteer: 1), hours: -24 * 200),
            shifted(fixture.request(4, household: 1), hours: 3),
            shifted(fixture.request(5, household: 3), hours: 5),
            fixture.request(6, household: 1, day: 2, hour: 10),
        ])
        var standing = try await fixture.store.householdStanding(id: 1)
        #expect(standing.conduct == ConductCounts(noShows: 2, lateCancellations: 0, windowDays: 90), "200 days ago is past the window")
        #expect(!standing.flagged)
        try await fixture.store.perform(.cancel, requestID: 4, details: ActionDetails(reason: "몸살"), expectedVersion: nil)
        standing = try await fixture.store.householdStanding(id: 1)
        #expect(standing.conduct.lateCancellations == 1 && standing.flagged)
        #expect(standing.conduct.phrase.ko == "최근 90일 불참 2회 · 늦은 취소 1회")

        // Volunteer 2 takes an escort three hours ahead and drops out: a late cancellation.
        try await fixture.store.assign(requestID: 5, volunteerID: 2, expectedVersion: nil, override: true)
        try await fixture.store.perform(.release, requestID: 5, details: ActionDetails(reason: "급한 일"), expectedVersion: nil)
        #expect(try await fixture.store.volunteerConduct(ids: [1, 2]) == [2: ConductCounts(noShows: 0, lateCancellations: 1)])
        var ranking = try await fixture.store.candidates(for: 6)
        #expect(ranking.conduct.household == standing.conduct, "the assign dialog shows the household's flag")
        #expect(ranking.conduct.volunteers.isEmpty, "one late drop-out is under the threshold")
        #expect(ranking.eligible.contains { $0.volunteer.id == 2 }, "a flag never refuses")

        var sensitive = CouncilRules()
        sensitive.noShowThreshold = 1
        try await fixture.store.setCouncilRules(CouncilRuleBook(city: sensitive))
        ranking = try await fixture.store.candidates(for: 6)
        #expect(ranking.conduct.volunteers[2]?.lateCancellations == 1)
        ranking = try await fixture.store.candidates(for: 6, among: [2])
        #expect(ranking.conduct.volunteers.keys.sorted() == [2])
    }

    @Test(arguments: Backend.all) func anImportPastAHouseholdsLimitNamesTheRowsAndImportsNothing(_ backend: Backend) async throws {
        let fixture = try await StoreFixture.make(backend)
        defer { fixture.remove() }
        try await fixture.load([fixture.request(1, household: 1, hour: 17)])
        var rules = CouncilRules()
        rules.usesPerMonth = 2
        try await fixture.store.setCouncilRules(CouncilRuleBook(city: rules))
        var batch = ImportBatch(kind: .requests, file: "requests.csv")
        let drafts = [8, 11, 14].map { draft(fixture, hour: $0) }
        batch.requests = drafts.enumerated().map { ImportRow(line: $0.offset + 2, record: RequestDraft(household: .id(1, name: nil), request: $0.element)) }
        let refused = await storeError { try await fixture.store.importRecords(batch, dryRun: false, progress: nil) }
        guard case .invalidData(let issues)? = refused else { Issue.record("refused: \(String(describing: refused))"); return }
        #expect(issues.map(\.line) == [3, 4], "the rows past the limit")
        #expect(issues.first?.file == "requests.csv" && issues.first?.message.en.contains("by 2 (4 uses)") == true)
        #expect(try await fixture.store.counts().requests == 1, "nothing imported")
        let dry = await storeError { try await fixture.store.importRecords(batch, dryRun: true, progress: nil) }
        #expect(dry == refused, "the preview says the same")
    }

    @Test(arguments: Backend.all) func aHouseholdListCarriesEligibilityAndAnUnknownCategoryIsNamedByLineAndColumn(_ backend: Backend) async throws {
        let fixture = try await StoreFixture.make(backend)
        defer { fixture.remove() }
        try await fixture.loadCast()
        let good = try fixture.file("대상자.csv", utf8: """
            이름,생년,성별,동,대상 구분,타 서비스
            김영희,1944,여,석수2동,"기초생활수급, 사례관리 대상",
            박철수,1950,남,평촌동,,노인맞춤돌봄
            최말자,1952,여,평촌동,,
            """)
        let outcome = try await fixture.importFile(good, .households)
        #expect(outcome.ids == 5...7)
        let recorded = try await fixture.store.eligibility(householdIDs: [5, 6, 7])
        #expect(recorded[5] == HouseholdEligibility(categories: [.basicLivelihood, .caseManaged]))
        #expect(recorded[6] == HouseholdEligibility(servedElsewhere: [.customizedElderlyCare]) && recorded[7] == nil)

        let bad = try fixture.file("대상자2.csv", utf8: """
            이름,생년,성별,동,대상 구분
            이순자,1941,여,석수2동,부자
            """)
        let issues = await importIssues { try await fixture.importFile(bad, .households) }
        #expect(issues?.map { "\($0.line) \($0.field)" } == ["2 대상 구분"], "\(String(describing: issues))")
        #expect(try await fixture.store.households().count == 7, "nothing imported")
    }

    @Test(arguments: Backend.all) func theMonthlyReportCountsRequestsByEligibilityCategory(_ backend: Backend) async throws {
        let fixture = try await StoreFixture.make(backend)
        defer { fixture.remove() }
        try await fixture.load([
            fixture.request(1, household: 1, hour: 9, status: .assigned, volunteer: 1),
            fixture.request(2, household: 1, hour: 14),
            fixture.request(3, household: 2, hour: 9, status: .cancelled),
            fixture.request(4, household: 3, hour: 11),
        ])
        try await fixture.store.setEligibility(householdID: 1, HouseholdEligibility(categories: [.basicLivelihood, .caseManaged]))
        try await fixture.store.setEligibility(householdID: 2, HouseholdEligibility(categories: [.nearPoverty]))
        let parts = fixture.calendar.dateComponents([.year, .month], from: fixture.monday)
        let report = try await MonthlyReport.make(store: fixture.store, year: parts.year ?? 0, month: parts.month ?? 0)
        let rows = report.byCategory.withRequests
        #expect(rows.map(\.category) == [.basicLivelihood, .nearPoverty, .caseManaged, nil])
        #expect(rows.map(\.requests) == [2, 1, 2, 1] && rows.map(\.households) == [1, 1, 1, 1])
        #expect(rows[1].cancelled == 1)
        #expect(report.byCategory.total.requests == 4 && report.byCategory.total.households == 3, "the total counts each once")
        let markdown = try report.render(.md, language: .ko)
        #expect(markdown.contains("## 대상 구분별") && markdown.contains("| 기초생활수급 | 2 |") && markdown.contains("| 구분 미기록 | 1 |")
                && markdown.contains("| 합계 | 4 |"))
    }
}
