import Foundation
@testable import HonsimCore
import Testing
@testable import HonsimStore

/// The volunteers' side on both backends: credentials in ranking and in the assign check,
/// what expires, expenses recorded with a completion, and the portal's checks of the hours.
@Suite("The volunteers' side in the store")
struct VolunteerSideStoreTests {
    /// The escort's day (the fixture's Monday) moved by `days`.
    func day(_ fixture: StoreFixture, _ days: Int = 0) -> CivilDate {
        CivilDate(fixture.monday, calendar: fixture.calendar).adding(days: days, calendar: fixture.calendar)
    }

    func edit(_ store: any CaseStore, _ id: Int64, _ change: (inout Volunteer) -> Void) async throws {
        var volunteer = try await store.volunteer(id: id)
        change(&volunteer)
        try await store.saveVolunteer(volunteer, expectedVersion: volunteer.version, allowDuplicate: true)
    }

    @Test(arguments: Backend.all) func aLapsedInsuranceExcludesInRankingAndInTheAssignCheck(_ backend: Backend) async throws {
        let fixture = try await StoreFixture.make(backend)
        defer { fixture.remove() }
        try await fixture.load([fixture.request(1)])
        let store = fixture.store
        let lapsedOn = day(fixture, -1)
        try await edit(store, 1) { $0.insuredUntil = lapsedOn }
        // Insured through the escort's day: still eligible.
        try await edit(store, 3) { $0.insuredUntil = day(fixture) }
        let ranking = try await store.candidates(for: 1)
        #expect(!ranking.eligible.contains { $0.id == 1 })
        #expect(ranking.eligible.contains { $0.id == 3 })
        let excluded = try #require(ranking.excluded.first { $0.id == 1 })
        #expect(excluded.exclusions == [.insuranceLapsed(validUntil: lapsedOn, overridable: false)])
        #expect(!excluded.isOverridable)
        #expect(DomainPhrases.exclusions(of: excluded, calendar: fixture.calendar, language: .ko) == ["상해보험 만료 (\(lapsedOn)까지)"])
        #expect(DomainPhrases.exclusions(of: excluded, calendar: fixture.calendar, language: .en) == ["insurance lapsed (valid until \(lapsedOn))"])

        // Not even with an override, by default: nothing is written.
        for override in [false, true] {
            let refused = await storeError { try await store.assign(requestID: 1, volunteerID: 1, expectedVersion: nil, override: override) }
            guard case .excluded(_, let exclusions)? = refused else { Issue.record("not refused: \(String(describing: refused))"); return }
            #expect(exclusions == [.insuranceLapsed(validUntil: lapsedOn, overridable: false)])
        }
        #expect(try await store.request(id: 1).status == .pending)

        // The council may make it overridable; a session opened after that reads the rule.
        var settings = try await store.volunteerSettings()
        settings.credentials.insuranceLapseOverridable = true
        try await store.setVolunteerSettings(settings)
        let later = try await fixture.session(user: "kim")
        let again = try #require(try await later.candidates(for: 1).excluded.first { $0.id == 1 })
        #expect(again.isOverridable)
        #expect(await storeError { try await later.assign(requestID: 1, volunteerID: 1, expectedVersion: nil, override: false) } != nil)
        #expect(try await later.assign(requestID: 1, volunteerID: 1, expectedVersion: nil, override: true).status == .assigned)
        #expect(try await later.auditLog(in: nil, limit: 1).first?.action == "assign (override)")
        #expect(try await store.checkInvariants().isEmpty)
    }

    @Test(arguments: Backend.all) func missingTrainingRanksLowerWithItsReason(_ backend: Backend) async throws {
        let fixture = try await StoreFixture.make(backend)
        defer { fixture.remove() }
        try await fixture.load([fixture.request(1)])
        let store = fixture.store
        try await edit(store, 1) { $0.trainedOn = day(fixture, -30) }
        // Trained three years ago: past the 24 months the council counts.
        try await edit(store, 3) { $0.trainedOn = day(fixture, -3 * 365) }
        let ranking = try await store.candidates(for: 1)
        let trained = try #require(ranking.eligible.first { $0.id == 1 })
        let lapsed = try #require(ranking.eligible.first { $0.id == 3 })
        let never = try #require(ranking.eligible.first { $0.id == 2 })
        #expect(!trained.terms.contains { $0.reason == .trainingMissing })
        #expect(lapsed.terms.contains(ScoreTerm(.trainingMissing, points: Matcher.Points.trainingMissing)))
        #expect(never.terms.contains(ScoreTerm(.trainingMissing, points: Matcher.Points.trainingMissing)))
        #expect(DomainPhrases.reasons(of: never, language: .ko, withPoints: true).contains("기본 교육 미이수 \(Matcher.Points.trainingMissing)"))
        // A soft exclusion: still assignable without an override.
        #expect(try await store.assign(requestID: 1, volunteerID: 2, expectedVersion: nil, override: false).status == .assigned)
    }

    @Test(arguments: Backend.all) func whatExpiresIsListedSoonestFirst(_ backend: Backend) async throws {
        let fixture = try await StoreFixture.make(backend)
        defer { fixture.remove() }
        try await fixture.load([])
        let store = fixture.store
        let today = CivilDate(Date(), calendar: fixture.calendar)
        try await edit(store, 2) { $0.insuredUntil = today.adding(days: 10, calendar: fixture.calendar) }
        try await edit(store, 3) { $0.insuredUntil = today.adding(days: -2, calendar: fixture.calendar) }
        // A background check a year ago less five days: valid twelve months, so five days left.
        try await edit(store, 1) {
            $0.backgroundCheckedOn = CredentialRules.add(months: -12, to: today, calendar: fixture.calendar).adding(days: 5, calendar: fixture.calendar)
            $0.insuredUntil = today.adding(days: 200, calendar: fixture.calendar)
        }
        let found = try await store.expiringCredentials(within: 30, today: today)
        #expect(found.map(\.volunteerID) == [3, 1, 2])
        #expect(found.map(\.credential) == [.insurance, .backgroundCheck, .insurance])
        #expect(found.map(\.daysLeft) == [-2, 4, 10])
        #expect(try await store.expiringCredentials(within: 5, today: today).map(\.volunteerID) == [3, 1])
        // A closed volunteer is not listed.
        try await edit(store, 3) { $0.closed = true }
        #expect(try await store.expiringCredentials(within: 30, today: today).map(\.volunteerID) == [1, 2])
    }

    @Test(arguments: Backend.all) func expensesAreRecordedWithTheCompletionAndReported(_ backend: Backend) async throws {
        let fixture = try await StoreFixture.make(backend)
        defer { fixture.remove() }
        try await fixture.load([fixture.request(1), fixture.request(2, household: 4, day: 1)])
        let store = fixture.store
        for id: Int64 in [1, 2] {
            try await store.assign(requestID: id, volunteerID: 2, expectedVersion: nil, override: false)
            try await store.perform(.confirm, requestID: id, details: ActionDetails(), expectedVersion: nil)
            try await store.perform(.start, requestID: id, details: ActionDetails(), expectedVersion: nil)
        }
        // A negative amount is refused, and nothing of the completion stays.
        let refused = await storeError {
            try await store.perform(.complete, requestID: 1, details: ActionDetails(expenses: Expenses(fares: -100)), expectedVersion: nil)
        }
        guard case .invalidData(let issues)? = refused else { Issue.record("not refused: \(String(describing: refused))"); return }
        #expect(issues.map(\.field) == ["fares"])
        #expect(try await store.request(id: 1).status == .inProgress)

        try await store.perform(.complete, requestID: 1, details: ActionDetails(actualMinutes: 150, expenses: Expenses(fares: 2_800, meals: 8_000)),
                                expectedVersion: nil)
        try await store.perform(.complete, requestID: 2, details: ActionDetails(expenses: Expenses(fares: 9_000, parking: 6_000, meals: 9_000)),
                                expectedVersion: nil)
        #expect(try await store.expenses(requestID: 1) == Expenses(fares: 2_800, meals: 8_000))
        let month = CivilDate(fixture.monday, calendar: fixture.calendar)
        let report = try await store.expenseReport(year: month.year, month: month.month)
        let byRequest = Dictionary(uniqueKeysWithValues: report.lines.map { ($0.requestID, $0) })
        #expect(report.ceiling == 20_000)
        #expect(byRequest[1]?.overCeiling == nil)
        #expect(byRequest[2]?.overCeiling == 4_000)
        #expect(report.total == Expenses(fares: 11_800, parking: 6_000, meals: 17_000))
        #expect(report.byVolunteer.map(\.escorts) == [2])
        #expect(Set(report.byDong(order: [], names: [:]).map(\.key)) == [StoreFixture.seokSu2.code, StoreFixture.anyang2.code])

        // Undoing the completion takes its expenses back.
        try await store.undo([UndoTarget(requestID: 1, version: try await store.request(id: 1).version)])
        #expect(try await store.expenses(requestID: 1) == nil)
        #expect(try await store.checkInvariants().isEmpty)
    }

    @Test(arguments: Backend.all) func thePortalGetsOnlyWhatItsChecksAllow(_ backend: Backend) async throws {
        let fixture = try await StoreFixture.make(backend)
        defer { fixture.remove() }
        // Volunteer 1: three escorts of 200 minutes on one day (10 hours), one the next day.
        // Volunteer 2: one escort, and no consent to share.
        try await fixture.load([
            fixture.request(1, hour: 6, minutes: 200, status: .completed, volunteer: 1),
            fixture.request(2, household: 2, hour: 10, minutes: 200, status: .completed, volunteer: 1),
            fixture.request(3, household: 3, hour: 14, minutes: 200, status: .completed, volunteer: 1),
            fixture.request(4, household: 4, day: 1, hour: 9, minutes: 90, status: .completed, volunteer: 1),
            fixture.request(5, household: 4, day: 2, hour: 9, minutes: 60, status: .completed, volunteer: 2),
            fixture.request(6, household: 4, day: 3, hour: 9, minutes: 60, status: .assigned, volunteer: 1),
        ])
        let store = fixture.store
        try await edit(store, 1) { $0.portalConsentOn = CivilDate(year: 2025, month: 1, day: 2) }
        let first = day(fixture)
        let export = try await store.portalHours(year: first.year, month: first.month, today: first.adding(days: 7, calendar: fixture.calendar))
        let mine = export.rows.filter { $0.volunteerID == 1 && $0.day >= first && $0.day <= first.adding(days: 1, calendar: fixture.calendar) }
        #expect(mine.map(\.minutes) == [480, 90])
        #expect(mine.map(\.escorts) == [3, 1])
        #expect(export.overLimit == [PortalHours.OverLimit(volunteerID: 1, day: first, minutes: 600, excessMinutes: 120)])
        #expect(export.missingConsent.map(\.volunteerID) == [2])
        #expect(!export.rows.contains { $0.volunteerID == 2 })
        #expect(export.tooOld.isEmpty)
        // Four months on, the same month's escorts are listed apart, not exported.
        let late = try await store.portalHours(year: first.year, month: first.month, today: first.adding(days: 130, calendar: fixture.calendar))
        #expect(late.rows.isEmpty)
        #expect(Set(late.tooOld.map(\.requestID)).isSuperset(of: [1, 2, 3]))
        #expect(!late.tooOld.contains { $0.requestID == 6 })
    }
}
