import Foundation
import HonsimCore
import HonsimTestServer
import Testing
@testable import HonsimStore

/// The tables made since the first personal tables were guarded (migration 21), on PostgreSQL:
/// a household's eligibility, the overrides of the council's rules, expenses, reminder messages
/// and standing series. A coordinator's login selects the rows of their dongs only, a kiosk's
/// none; the views give the rest masked; and the store's own reads still work for every role.
@Suite("PostgreSQL: the newer tables' personal data only where the role may see it", .enabled(if: Backend.all.contains(.postgres)))
struct GuardedNewerTablesTests {
    /// What the city holds: for household 1 (석수2동) and household 4 (안양2동) each, eligibility
    /// with a service elsewhere, a request made past the rules by override with a reason, an
    /// escort completed with expenses, a reminder to the household, and a standing series with a
    /// pickup place, notes and a pause for a stay in hospital. Household 4's series has a
    /// standing volunteer (곽대현, #2).
    struct City {
        let fixture: StoreFixture
        /// The requests made by override, by household.
        let overridden: [Int64: Int64]
        /// The series, by household.
        let series: [Int64: Int64]
        let month: CivilDate
        let reminderDay: CivilDate
    }

    func city() async throws -> City {
        let fixture = try await StoreFixture.make(.postgres)
        try await fixture.load([fixture.request(1, household: 1), fixture.request(2, household: 4, day: 1)])
        let store = fixture.store
        try await store.setEligibility(householdID: 1, HouseholdEligibility(categories: [.basicLivelihood], servedElsewhere: [.longTermCare]))
        try await store.setEligibility(householdID: 4, HouseholdEligibility(categories: [.nearPoverty], servedElsewhere: [.longTermCare]))
        var overridden: [Int64: Int64] = [:]
        for (household, reason) in [(Int64(1), "등급 판정 대기 중"), (4, "아드님 입원으로 돌볼 사람 없음")] {
            var draft = fixture.request(0, household: household, day: 3, hour: 14)
            draft.createdAt = Date()
            overridden[household] = try await store.createRequests([draft], override: RuleOverride(reason: reason)).first?.id
        }
        let reminderDay = CivilDate(fixture.monday, calendar: fixture.calendar)
        for (requestID, phone, text) in [(Int64(1), "010-1234-5678", "김순자님, 내일 9시에 석수로 1 앞에서 뵙겠습니다"),
                                         (2, "031-467-1234", "최복례님, 내일 9시에 냉천로 12 앞에서 뵙겠습니다")] {
            try await store.recordMessage(MessageRecord(requestID: requestID, day: reminderDay, party: .household, phone: phone, text: text,
                                                        state: .prepared, at: Date()), resend: false)
        }
        for (requestID, volunteerID, fares) in [(Int64(1), Int64(1), 2_800), (2, 2, 9_000)] {
            try await store.assign(requestID: requestID, volunteerID: volunteerID, expectedVersion: nil, override: false)
            try await store.perform(.confirm, requestID: requestID, details: ActionDetails(), expectedVersion: nil)
            try await store.perform(.start, requestID: requestID, details: ActionDetails(), expectedVersion: nil)
            try await store.perform(.complete, requestID: requestID, details: ActionDetails(expenses: Expenses(fares: fares)), expectedVersion: nil)
        }
        var series: [Int64: Int64] = [:]
        let start = CivilDate(fixture.monday, calendar: fixture.calendar)
        for (household, place, notes) in [(Int64(1), "경기 안양시 만안구 석수로 1", "투석 후 어지러움"), (4, "경기 안양시 만안구 냉천로 12", "휠체어 필요")] {
            let draft = StandingSeries(householdID: household, schedule: SeriesSchedule(
                weekdays: [.sat], appointment: ClockTime(minutes: 9 * 60), pickup: ClockTime(minutes: 8 * 60), hospital: "안양투석센터",
                transport: .publicTransport, purpose: .dialysis, expectedMinutes: 120), pickupPlace: place, notes: notes, startsOn: start)
            let id = try await store.createSeries(draft, horizonDays: 28).series.id
            series[household] = id
            _ = try await store.pauseSeries(id: id, from: start.adding(days: 7, calendar: fixture.calendar),
                                            to: start.adding(days: 13, calendar: fixture.calendar), reason: "폐렴으로 입원", expectedVersion: nil)
        }
        if let id = series[4] { _ = try await store.assignSeries(id: id, volunteerID: 2, expectedVersion: nil) }
        try await fixture.registerGuardedRoles()
        return City(fixture: fixture, overridden: overridden, series: series, month: start, reminderDay: reminderDay)
    }

    private func lines(_ city: City, as user: String, _ sql: String) throws -> [String] {
        StoreFixture.lines(try city.fixture.psql(as: user, sql))
    }

    static let tables = ["household_eligibility", "rule_override", "escort_expense", "message_record", "standing_series", "series_change"]

    @Test func aCoordinatorSelectsTheirDongsRowsOfEachTableAndTheRestMaskedOrNotAtAll() async throws {
        let city = try await city()
        defer { city.fixture.remove() }
        let ours = city.series[1] ?? 0, theirs = city.series[4] ?? 0
        // The tables give park only 석수2동's rows.
        #expect(try lines(city, as: "park", "SELECT household_id, categories, served_elsewhere FROM household_eligibility")
                == ["1|basic_livelihood|long_term_care"])
        #expect(try lines(city, as: "park", "SELECT request_id, reason FROM rule_override") == ["\(city.overridden[1] ?? 0)|등급 판정 대기 중"])
        #expect(try lines(city, as: "park", "SELECT request_id FROM escort_expense") == ["1"])
        #expect(try lines(city, as: "park", "SELECT request_id FROM message_record") == ["1"])
        #expect(try lines(city, as: "park", "SELECT household_id FROM standing_series") == ["1"])
        #expect(try lines(city, as: "park", "SELECT DISTINCT series_id FROM series_change") == ["\(ours)"])
        // Nor by a detour through the views of 12: a category or a reason has no masked form, and no view.
        #expect(try lines(city, as: "park", """
            SELECT count(*) FROM household_eligibility AS e JOIN seen_household AS h ON h.id = e.household_id WHERE h.dong_code = '\(StoreFixture.anyang2.code)'
            """) == ["0"])

        // The views: every message, the other dong's phone masked and its text left out.
        #expect(try lines(city, as: "park", "SELECT request_id, phone, body FROM seen_message_record ORDER BY request_id")
                == ["1|010-1234-5678|김순자님, 내일 9시에 석수로 1 앞에서 뵙겠습니다", "2|031-***-1234|"])
        // Every series: the other dong's pickup place masked, notes and the pause's reason left out, its dates kept.
        let pauses = "replace(pauses, E'\\t', '/')"
        let from = city.month.adding(days: 7, calendar: city.fixture.calendar), to = city.month.adding(days: 13, calendar: city.fixture.calendar)
        #expect(try lines(city, as: "park", "SELECT pickup_place, notes, \(pauses) FROM seen_standing_series ORDER BY household_id")
                == ["경기 안양시 만안구 석수로 1|투석 후 어지러움|\(from)/\(to)/폐렴으로 입원", "경기 안양시 ***||\(from)/\(to)/"])
        // Every change: a schedule's words kept, a pause's reason and a volunteer's name left out.
        #expect(try lines(city, as: "park", "SELECT kind, detail FROM seen_series_change WHERE series_id = \(ours) AND kind = 'pause'")
                == ["pause|폐렴으로 입원"])
        #expect(try lines(city, as: "park", "SELECT kind, detail = '' FROM seen_series_change WHERE series_id = \(theirs) ORDER BY id")
                == ["create|f", "pause|t", "assign|t"])
        // Every expense: the sums are the council's accounts; who they went to is masked by seen_volunteer.
        #expect(try lines(city, as: "park", """
            SELECT e.request_id, e.fares, v.name FROM seen_escort_expense AS e JOIN seen_volunteer AS v ON v.id = e.volunteer_id ORDER BY 1
            """) == ["1|2800|정지민", "2|9000|곽*현"])
    }

    @Test func aViewerSelectsNoneOfTheTablesAndTheViewsMasked() async throws {
        let city = try await city()
        defer { city.fixture.remove() }
        for table in GuardedNewerTablesTests.tables {
            #expect(try lines(city, as: "council", "SELECT count(*) FROM \(table)") == ["0"], "\(table)")
        }
        #expect(try lines(city, as: "council", "SELECT request_id, phone, body FROM seen_message_record ORDER BY request_id")
                == ["1|010-****-5678|", "2|031-***-1234|"])
        #expect(try lines(city, as: "council", "SELECT pickup_place, notes FROM seen_standing_series ORDER BY household_id")
                == ["경기 안양시 ***|", "경기 안양시 ***|"])
        #expect(try lines(city, as: "council", "SELECT count(*) FROM seen_series_change WHERE detail LIKE '%입원%' OR detail LIKE '%곽대현%'")
                == ["0"])
        #expect(try lines(city, as: "council", "SELECT count(*) FROM seen_escort_expense") == ["2"])
    }

    @Test func theKioskSelectsNoneOfThemAtAll() async throws {
        let city = try await city()
        defer { city.fixture.remove() }
        for relation in GuardedNewerTablesTests.tables + ["seen_escort_expense", "seen_message_record", "seen_standing_series", "seen_series_change"] {
            #expect(try lines(city, as: "hall", "SELECT count(*) FROM \(relation)") == ["0"], "\(relation)")
        }
        // What its board reads is still there: the requests, masked, and the bookings.
        #expect(try lines(city, as: "hall", "SELECT count(*) > 0 FROM seen_request") == ["t"])
        let kiosk = try await city.fixture.postgresSession(user: "hall", readOnly: true)
        defer { kiosk.close() }
        #expect(try await kiosk.expenseReport(year: city.month.year, month: city.month.month).lines.isEmpty)
        #expect(try await kiosk.seriesList(householdID: nil).isEmpty)
        #expect(try await kiosk.messages(on: city.reminderDay).isEmpty)
    }

    /// The store reads through the same guards: an admin who does not own the tables reads
    /// everything, a coordinator their dongs in full and the rest masked, a viewer masked.
    @Test func theStoresOwnReadsWorkForEveryRole() async throws {
        let city = try await city()
        defer { city.fixture.remove() }
        let overridden = Set(city.overridden.values)
        let lee = try await city.fixture.postgresStore(user: "lee", role: .admin, dongCodes: [])
        defer { lee.close() }
        #expect(try lines(city, as: "lee", "SELECT pg_has_role('lee', relowner, 'MEMBER') FROM pg_class WHERE oid = 'users'::regclass") == ["f"],
                "an admin by the users table, not the tables' owner")
        #expect(try await lee.eligibility(householdIDs: [1, 4]).mapValues(\.categories) == [1: [.basicLivelihood], 4: [.nearPoverty]])
        #expect(try await lee.ruleOverrides(requestIDs: overridden).values.flatMap { $0 }.map(\.reason).sorted()
                == ["등급 판정 대기 중", "아드님 입원으로 돌볼 사람 없음"])
        let standing = try await lee.householdStanding(id: 4)
        #expect(standing.eligibility.categories == [.nearPoverty] && standing.usage.usesInYear > 0)
        #expect(try await lee.messages(on: city.reminderDay).map(\.text).allSatisfy { !$0.isEmpty })
        #expect(try await lee.seriesPage(id: city.series[4] ?? 0).series.notes == "휠체어 필요")
        let all = try await lee.expenseReport(year: city.month.year, month: city.month.month)
        #expect(all.lines.map(\.expenses.fares) == [2_800, 9_000])

        let park = try await city.fixture.postgresSession(user: "park", readOnly: false)
        defer { park.close() }
        #expect(try await park.eligibility(householdIDs: [1, 4]).keys.sorted() == [1])
        #expect(try await park.ruleOverrides(requestIDs: overridden).keys.sorted() == [city.overridden[1] ?? 0])
        let own = try await park.householdStanding(id: 1)
        #expect(!own.isMasked && own.eligibility.servedElsewhere == [.longTermCare] && own.finding?.rule == "excluded_services")
        // Another dong's household: its counts, read through seen_request, and no categories or finding.
        let other = try await park.householdStanding(id: 4)
        #expect(other.isMasked && other.eligibility.isEmpty && other.finding == nil && other.usage == standing.usage)
        // The household page: the council's rules in full for park's household, without categories for the other.
        let page1 = try await park.householdRecord(id: 1, reveal: .full(requestID: 1))
        #expect(page1.isFull && page1.standing?.eligibility.categories == [.basicLivelihood])
        let page4 = try await park.householdRecord(id: 4, reveal: .full(requestID: 2))
        #expect(!page4.isFull && page4.standing?.isMasked == true && page4.standing?.usage == standing.usage)
        let messages = try await park.messages(on: city.reminderDay)
        #expect(messages.map(\.phone) == ["010-1234-5678", "031-***-1234"] && messages.last?.text == "")
        let page = try await park.seriesPage(id: city.series[4] ?? 0)
        #expect(page.series.pickupPlace == "경기 안양시 ***" && page.series.notes.isEmpty && page.series.pauses.map(\.reason) == [""])
        #expect(page.changes.map(\.kind) == [.create, .pause, .assign] && page.changes.last?.detail == "")
        #expect(try await park.seriesPage(id: city.series[1] ?? 0).series.pauses.map(\.reason) == ["폐렴으로 입원"])
        let report = try await park.expenseReport(year: city.month.year, month: city.month.month)
        #expect(report.lines.map(\.volunteerName) == ["정지민", "곽*현"] && report.total == all.total)

        let council = try await city.fixture.postgresSession(user: "council", readOnly: false)
        defer { council.close() }
        #expect(try await council.eligibility(householdIDs: [1, 4]).isEmpty)
        #expect(try await council.ruleOverrides(requestIDs: overridden).isEmpty)
        #expect(try await council.householdStanding(id: 1).isMasked)
        #expect(try await council.householdRecord(id: 1, reveal: .masked).standing?.isMasked == true)
        #expect(try await council.seriesList(householdID: nil).map(\.notes) == ["", ""])
        #expect(try await council.expenseReport(year: city.month.year, month: city.month.month).lines.map(\.volunteerName) == ["정*민", "곽*현"])
    }
}

/// A household's eligibility is shown only where its role may see the household in full, on
/// both stores: on SQLite the store decides, on PostgreSQL the database too.
@Suite("A household's eligibility only in full")
struct EligibilityShownInFullTests {
    @Test(arguments: Backend.all) func aViewerAndAnotherDongsCoordinatorAreToldItIsNotShown(_ backend: Backend) async throws {
        let fixture = try await StoreFixture.make(backend)
        defer { fixture.remove() }
        try await fixture.load([fixture.request(1, household: 4)])
        try await fixture.store.setEligibility(householdID: 4, HouseholdEligibility(categories: [.nearPoverty], servedElsewhere: [.longTermCare]))
        let admin = try await fixture.store.householdStanding(id: 4)
        #expect(!admin.isMasked && admin.eligibility.categories == [.nearPoverty] && admin.finding?.rule == "excluded_services")
        for (user, role, dongs) in [("park", Role.coordinator, [StoreFixture.seokSu2.code]), ("council", .viewer, [])] {
            let session = try await fixture.otherStore(user: user, role: role, dongCodes: dongs)
            let standing = try await session.householdStanding(id: 4)
            #expect(standing.isMasked && standing.eligibility.isEmpty && standing.finding == nil, "\(user)")
            #expect(standing.usage.usesInYear == admin.usage.usesInYear, "\(user): the counts are not personal")
            (session as? PostgresStore)?.close()
        }
        let theirs = try await fixture.otherStore(user: "yoon", role: .coordinator, dongCodes: [StoreFixture.anyang2.code])
        #expect(try await theirs.householdStanding(id: 4).eligibility.categories == [.nearPoverty])
        (theirs as? PostgresStore)?.close()
    }
}
