import Foundation
import HonsimCore
import HonsimTestServer
import Testing
@testable import HonsimStore

/// The household record's family contact and its eligibility saved with it, on both stores: the
/// contact kept and read back, masked by the one rule for a role that may not see the household
/// in full (on PostgreSQL by the database itself), its full view access-logged; the eligibility
/// written in the household's own transaction, or not at all.
@Suite("Households: the family contact and eligibility saved with the household")
struct HouseholdFamilyStoreTests {
    static let daughter = FamilyContact(name: "박은정", relation: "딸", phone: "010-5555-6666")
    static let nephew = FamilyContact(name: "최민수", relation: "조카", phone: "031-467-9876")

    /// Household 1 (석수2동) with a daughter, household 4 (안양2동) with a nephew; park is 석수2동's coordinator.
    func withFamilies(_ backend: Backend) async throws -> StoreFixture {
        let fixture = try await StoreFixture.make(backend)
        try await fixture.load([fixture.request(1, household: 1), fixture.request(4, household: 4, day: 1)])
        for (id, family) in [(Int64(1), Self.daughter), (4, Self.nephew)] {
            var household = try await fixture.store.household(id: id)
            household.family = family
            try await fixture.store.saveHousehold(household, expectedVersion: household.version, allowDuplicate: true)
        }
        return fixture
    }

    @Test(arguments: Backend.all) func theFamilyContactIsKeptAndReadBackInFullWithTheViewLogged(_ backend: Backend) async throws {
        let fixture = try await withFamilies(backend)
        defer { fixture.remove() }
        #expect(try await fixture.store.household(id: 1).family == Self.daughter)
        #expect(try await fixture.store.households(ids: [4])[4]?.family == Self.nephew)
        // The change is audited with the record before and after.
        #expect(try await fixture.rawSQL("SELECT after FROM audit WHERE entity = 'household' AND entity_id = '1' AND action = 'edit' ORDER BY id")
            .last?.contains("010-5555-6666") == true)
        let before = try await fixture.store.accessLog(AccessLogQuery(householdID: 1)).count
        let page = try await fixture.store.householdRecord(id: 1, reveal: .full(requestID: 1))
        #expect(page.isFull && page.household.family == Self.daughter)
        let log = try await fixture.store.accessLog(AccessLogQuery(householdID: 1))
        #expect(log.count == before + 1 && log.last?.kind == .view && log.last?.requestID == 1)
        // Asked masked, the name and phone come by the one rule; the relation stays; nothing is logged.
        let masked = try await fixture.store.householdRecord(id: 1, reveal: .masked)
        #expect(masked.household.family == FamilyContact(name: "박*정", relation: "딸", phone: "010-****-6666"))
        #expect(try await fixture.store.accessLog(AccessLogQuery(householdID: 1)).count == before + 1)
    }

    @Test(arguments: Backend.all) func anotherDongsCoordinatorGetsItMaskedAndUnlogged(_ backend: Backend) async throws {
        let fixture = try await withFamilies(backend)
        defer { fixture.remove() }
        let park = try await fixture.otherStore(user: "park", role: .coordinator, dongCodes: [StoreFixture.seokSu2.code])
        defer { (park as? PostgresStore)?.close() }
        let theirs = try await park.householdRecord(id: 4, reveal: .full(requestID: nil))
        #expect(!theirs.isFull)
        #expect(theirs.household.family == FamilyContact(name: "최*수", relation: "조카", phone: "031-***-9876"))
        let own = try await park.householdRecord(id: 1, reveal: .full(requestID: nil))
        #expect(own.isFull && own.household.family == Self.daughter)
        #expect(try await fixture.store.accessLog(AccessLogQuery(user: "park")).map(\.householdIDs) == [[1]])
        // The run sheet of the day after, as park prints it: household 4's family masked.
        try await fixture.store.assign(requestID: 4, volunteerID: 2, expectedVersion: nil, override: false)
        let day = CivilDate(fixture.request(4, household: 4, day: 1).pickupAt, calendar: fixture.calendar)
        let sheets = try await park.runSheets(on: day, volunteerID: nil)
        let escort = try #require(sheets.pages.flatMap(\.escorts).first { $0.request.id == 4 })
        #expect(escort.household.family == FamilyContact(name: "최*수", relation: "조카", phone: "031-***-9876"))
    }

    /// On PostgreSQL the database masks it: park's login selecting the view gets 안양2동's family
    /// contact masked exactly as the household's phone is, and the table gives no such row at all.
    @Test(.enabled(if: Backend.all.contains(.postgres)))
    func onPostgresTheGuardedViewMasksItForAnotherDongsCoordinator() async throws {
        let fixture = try await withFamilies(.postgres)
        defer { fixture.remove() }
        try await fixture.postgresStore(user: "park", role: .coordinator, dongCodes: [StoreFixture.seokSu2.code]).close()
        func lines(_ output: String) -> [String] {
            output.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        }
        #expect(try lines(fixture.psql(as: "park", "SELECT family_name, family_relation, family_phone FROM seen_household WHERE id = 1"))
                == ["박은정|딸|010-5555-6666"])
        #expect(try lines(fixture.psql(as: "park", "SELECT phone, family_name, family_relation, family_phone FROM seen_household WHERE id = 4"))
                == ["|최*수|조카|031-***-9876"])
        #expect(try lines(fixture.psql(as: "park", "SELECT family_phone FROM household WHERE id = 4")).isEmpty)
        #expect(try lines(fixture.psql(as: "park", "SELECT count(*) FROM seen_household WHERE family_phone = '031-467-9876'")) == ["0"])
    }

    @Test(arguments: Backend.all) func theEligibilityIsSavedWithTheHouseholdInOneTransaction(_ backend: Backend) async throws {
        let fixture = try await StoreFixture.make(backend)
        defer { fixture.remove() }
        try await fixture.loadCast()
        // A new household: its eligibility is recorded under the id the same save gives it.
        let draft = Household(id: 0, dongCode: StoreFixture.seokSu2.code, name: "한옥자", birthYear: 1946, gender: .female,
                              phone: "010-3333-4444", family: Self.daughter)
        let eligibility = HouseholdEligibility(categories: [.basicLivelihood, .caseManaged], servedElsewhere: [.longTermCare])
        let saved = try await fixture.store.saveHousehold(draft, eligibility: eligibility, expectedVersion: nil, allowDuplicate: false)
        #expect(saved.id == 5 && saved.family == Self.daughter)
        #expect(try await fixture.store.eligibility(householdIDs: [5])[5] == eligibility)
        #expect(try await fixture.rawSQL("SELECT action FROM audit WHERE entity = 'household' AND entity_id = '5' ORDER BY id") == ["create", "eligibility"])

        // A save refused (another coordinator changed the household meanwhile) writes neither half.
        var stale = saved
        stale.notes = "다른 메모"
        var theirs = saved
        theirs.caseManager = "조선영"
        try await fixture.store.saveHousehold(theirs, expectedVersion: saved.version, allowDuplicate: true)
        await #expect(throws: StoreError.self) {
            try await fixture.store.saveHousehold(stale, eligibility: HouseholdEligibility(categories: [.nearPoverty]),
                                                  expectedVersion: saved.version, allowDuplicate: true)
        }
        #expect(try await fixture.store.eligibility(householdIDs: [5])[5] == eligibility)
        // A bad family phone refuses the save, eligibility and all.
        var bad = try await fixture.store.household(id: 5)
        bad.family.phone = "12345"
        let version = bad.version
        let issues = await #expect(throws: StoreError.self) {
            try await fixture.store.saveHousehold(bad, eligibility: HouseholdEligibility(), expectedVersion: version, allowDuplicate: true)
        }
        #expect(issues.map { "\($0)" }?.contains("family_phone") == true, "\(String(describing: issues))")
        #expect(try await fixture.store.eligibility(householdIDs: [5])[5] == eligibility)
        #expect(try await fixture.store.household(id: 5).family == Self.daughter)
        // Cleared with the household: nothing recorded, and the change audited.
        try await fixture.store.saveHousehold(try await fixture.store.household(id: 5), eligibility: HouseholdEligibility(),
                                              expectedVersion: version, allowDuplicate: true)
        #expect(try await fixture.store.eligibility(householdIDs: [5])[5] == nil)
        #expect(try await fixture.rawSQL("SELECT action FROM audit WHERE entity = 'household' AND entity_id = '5' ORDER BY id").last == "eligibility")
    }

    @Test(arguments: Backend.all) func aPurgeForgetsTheFamilyContact(_ backend: Backend) async throws {
        let fixture = try await withFamilies(backend)
        defer { fixture.remove() }
        try await fixture.store.perform(.cancel, requestID: 4, details: ActionDetails(reason: "이사"), expectedVersion: nil)
        var household = try await fixture.store.household(id: 4)
        household.closed = true
        try await fixture.store.saveHousehold(household, expectedVersion: household.version, allowDuplicate: true)
        try await fixture.rawSQL("UPDATE household SET closed_at = 0 WHERE id = 4")
        let today = CivilDate(Date(), calendar: fixture.calendar).start(in: fixture.calendar)
        #expect(try await fixture.store.purge(closedBefore: today, dryRun: false).households == 1)
        #expect(try await fixture.store.household(id: 4).family == FamilyContact())
    }
}
