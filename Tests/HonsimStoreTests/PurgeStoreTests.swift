import Foundation
import HonsimCore
import Testing
@testable import HonsimStore

/// 개인정보 파기 on both stores: households closed before a day lose their personal details in
/// place, their escorts too, and the audit log's copies of them; the figures stay whole.
@Suite("Purge")
struct PurgeStoreTests {
    /// Households 1 and 3 are closed on 1 November 2026; their requests of September and October
    /// are all ended, with notes and what the doctor said. Household 1 was edited first, so the
    /// audit log holds its name and phone before and after.
    func purgeable(_ backend: Backend) async throws -> StoreFixture {
        let fixture = try await StoreFixture.make(backend, user: "kim")
        let report = MonthlyReportTests()
        let closing: Set<Int64> = [1, 3]
        let requests = report.requests(fixture).map { request -> EscortRequest in
            guard closing.contains(request.householdID), ![.completed, .cancelled, .noShow].contains(request.status) else { return request }
            var ended = request
            ended.status = .cancelled
            ended.volunteerID = nil
            ended.assignedAt = nil
            ended.cancelReason = "대상자 입원"
            return ended
        }
        try await fixture.load(requests)
        var edited = try await fixture.store.household(id: 1)
        edited.address = "안양시 만안구 석수로 12"
        edited.notes = "딸 연락처 010-2222-3333"
        try await fixture.store.saveHousehold(edited, expectedVersion: edited.version, allowDuplicate: false)
        let closedAt = Stored.seconds(CivilDate(year: 2026, month: 11, day: 1).start(in: fixture.calendar))
        try await fixture.rawSQL("UPDATE household SET closed = 1, closed_at = \(closedAt) WHERE id IN (1, 3)")
        try await fixture.rawSQL("""
            UPDATE escort_request SET notes = '현관 비밀번호 1234', pickup_place = '석수로 12 앞',
                doctor_notes = CASE WHEN status = 'completed' THEN '혈압약 변경, 2주 뒤 재진' ELSE doctor_notes END
            WHERE household_id IN (1, 3)
            """)
        return fixture
    }

    func reports(_ store: any CaseStore) async throws -> [String] {
        var rendered: [String] = []
        for masked in [true, false] {
            let moment = CivilDate(year: 2026, month: 10, day: 20).start(in: store.calendar)
            let report = try await MonthlyReport.make(store: store, year: 2026, month: 10, now: moment, masked: masked)
            rendered += [try report.render(.csv, language: .ko), try report.render(.md, language: .en)]
        }
        let hours = try await store.volunteerHours(year: 2026, month: 10)
        rendered.append(hours.map { "\($0.volunteerID) \($0.escorts.count) \($0.escorts.map(\.minutes))" }.joined(separator: "\n"))
        return rendered
    }

    @Test(arguments: Backend.all) func aPastMonthsReportAndHoursAreTheSameAfterThePurgeAndTheDetailsAreGone(_ backend: Backend) async throws {
        let fixture = try await purgeable(backend)
        defer { fixture.remove() }
        let before = try await reports(fixture.store)
        let cutoff = CivilDate(year: 2026, month: 11, day: 2).start(in: fixture.calendar)

        let dry = try await fixture.store.purge(closedBefore: cutoff, dryRun: true)
        #expect(try await fixture.store.household(id: 1).name == "김순자")
        let done = try await fixture.store.purge(closedBefore: cutoff, dryRun: false)
        #expect(dry.households == 2 && done.households == 2 && !done.dryRun && dry.dryRun)
        #expect(dry.requests == done.requests && done.requests > 0)
        // The edit (before and after), the requests' loads: each copy of a purged record counted.
        #expect(dry.auditEntries == done.auditEntries && done.auditEntries >= 1)

        #expect(try await reports(fixture.store) == before)
        #expect(try await fixture.store.checkInvariants().isEmpty)
        for id: Int64 in [1, 3] {
            let household = try await fixture.store.household(id: id)
            #expect(household.name == Purged.name && household.phone.isEmpty && household.address.isEmpty && household.notes.isEmpty)
            #expect(household.closed && household.dongCode == StoreFixture.households[Int(id) - 1].dongCode)
        }
        // Households 2 and 4 are open: untouched.
        #expect(try await fixture.store.household(id: 2).name == "박영호")
        let leftovers = try await fixture.rawSQL("""
            SELECT COUNT(*) FROM escort_request WHERE household_id IN (1, 3)
            AND (notes <> '' OR pickup_place <> '' OR doctor_notes IS NOT NULL)
            """)
        #expect(leftovers == ["0"])
        let copies = try await fixture.rawSQL("""
            SELECT COUNT(*) FROM audit WHERE before LIKE '%김순자%' OR after LIKE '%김순자%' OR after LIKE '%010-2222-3333%'
            OR after LIKE '%이말순%' OR after LIKE '%혈압약%'
            """)
        #expect(copies == ["0"])
        // One audit entry says what was done, with the counts.
        let entry = try #require(try await fixture.store.auditLog(in: nil, limit: 1).first)
        #expect(entry.action == "purge" && entry.user == "kim")
        #expect(entry.after?.contains("\"households\":2") == true && entry.after?.contains("\"closed_before\":\"2026-11-02\"") == true)
        // Done once: a second purge finds nothing more.
        #expect(try await fixture.store.purge(closedBefore: cutoff, dryRun: false).households == 0)
    }

    @Test(arguments: Backend.all) func aFutureDayOpenRequestsOrAnotherRoleAreRefusedAndNothingChanges(_ backend: Backend) async throws {
        let fixture = try await purgeable(backend)
        defer { fixture.remove() }
        let audit = try await fixture.auditEntries()
        let households = try await fixture.store.households()

        let tomorrow = Date().addingTimeInterval(2 * 86_400)
        let future = await storeError { try await fixture.store.purge(closedBefore: tomorrow, dryRun: false) }
        #expect(future == .purgeRefused(.futureDate(CivilDate(tomorrow, calendar: fixture.calendar))))
        #expect(future?.message(.ko, calendar: fixture.calendar).contains("--closed-before") == true)

        // Household 2 closed too, though it still has open requests (as an import could leave it).
        let open = try await fixture.rawInt("""
            SELECT COUNT(*) FROM escort_request WHERE household_id = 2 AND status IN ('pending', 'assigned', 'confirmed', 'in_progress')
            """) ?? 0
        try #require(open > 0)
        try await fixture.rawSQL("UPDATE household SET closed = 1, closed_at = 0 WHERE id = 2")
        let cutoff = CivilDate(year: 2026, month: 11, day: 2).start(in: fixture.calendar)
        for dryRun in [true, false] {
            let refused = await storeError { try await fixture.store.purge(closedBefore: cutoff, dryRun: dryRun) }
            #expect(refused == .purgeRefused(.openRequests(householdID: 2, count: open)))
        }
        try await fixture.rawSQL("UPDATE household SET closed = 0, closed_at = NULL WHERE id = 2")

        let coordinator = try await fixture.otherStore(user: "park", role: .coordinator, dongCodes: [StoreFixture.seokSu2.code])
        let notAdmin = await storeError { try await coordinator.purge(closedBefore: cutoff, dryRun: false) }
        guard case .access(.adminOnly)? = notAdmin else {
            Issue.record("a coordinator's purge: \(String(describing: notAdmin))")
            return
        }
        (coordinator as? PostgresStore)?.close()
        #expect(try await fixture.store.households() == households)
        #expect(try await fixture.auditEntries() == audit)
    }

    @Test(arguments: Backend.all) func closingSetsTheDayRetentionCountsFromAndReopeningClearsIt(_ backend: Backend) async throws {
        let fixture = try await StoreFixture.make(backend, user: "kim")
        defer { fixture.remove() }
        try await fixture.load([])
        var household = try await fixture.store.household(id: 4)
        household.closed = true
        household = try await fixture.store.saveHousehold(household, expectedVersion: household.version, allowDuplicate: false)
        #expect(try await fixture.rawInt("SELECT COUNT(*) FROM household WHERE id = 4 AND closed_at IS NOT NULL") == 1)
        // Closed today: a purge of what was closed before today leaves it.
        let today = CivilDate(Date(), calendar: fixture.calendar).start(in: fixture.calendar)
        #expect(try await fixture.store.purge(closedBefore: today, dryRun: true).households == 0)
        household.closed = false
        _ = try await fixture.store.saveHousehold(household, expectedVersion: household.version, allowDuplicate: false)
        #expect(try await fixture.rawInt("SELECT COUNT(*) FROM household WHERE id = 4 AND closed_at IS NULL") == 1)
    }
}
