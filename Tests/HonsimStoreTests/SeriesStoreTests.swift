import Foundation
import HonsimCore
import Testing
@testable import HonsimStore

/// Standing series on both backends: the horizon made once whoever makes it, changes and pauses
/// from a date with assigned dates kept or released, a standing volunteer with the dates they
/// cannot take, and the bad input refused by field.
@Suite("Standing series")
struct SeriesStoreTests {
    static let horizon = 28

    /// Dialysis for household 1 (석수2동): Monday, Wednesday and Friday, pickup 08:00 for a
    /// 09:00 appointment, two hours, from the fixture's Monday, open-ended.
    func dialysis(_ fixture: StoreFixture, household: Int64 = 1, days: [Weekday] = [.mon, .wed, .fri], pickup: Int = 8 * 60) -> StandingSeries {
        StandingSeries(householdID: household, schedule: SeriesSchedule(
            weekdays: days, appointment: ClockTime(minutes: pickup + 60), pickup: ClockTime(minutes: pickup), hospital: "안양투석센터",
            transport: .publicTransport, purpose: .dialysis, expectedMinutes: 120),
            startsOn: CivilDate(fixture.monday, calendar: fixture.calendar))
    }

    func today(_ fixture: StoreFixture) -> CivilDate { CivilDate(Date(), calendar: fixture.calendar) }

    func expectedDates(_ series: StandingSeries, _ fixture: StoreFixture, horizon: Int) -> [CivilDate] {
        series.dates(from: today(fixture), through: today(fixture).adding(days: horizon, calendar: fixture.calendar), calendar: fixture.calendar)
    }

    func day(_ fixture: StoreFixture, _ offset: Int) -> CivilDate {
        CivilDate(fixture.monday, calendar: fixture.calendar).adding(days: offset, calendar: fixture.calendar)
    }

    @Test(arguments: Backend.all) func aSeriesMakesItsDatesAheadAndExtendingAgainMakesNone(_ backend: Backend) async throws {
        let fixture = try await StoreFixture.make(backend)
        defer { fixture.remove() }
        try await fixture.load([])
        let store = fixture.store
        let outcome = try await store.createSeries(dialysis(fixture), horizonDays: SeriesStoreTests.horizon)
        let expected = expectedDates(outcome.series, fixture, horizon: SeriesStoreTests.horizon)
        #expect(!expected.isEmpty)
        #expect(outcome.made.map { CivilDate($0.appointmentAt, calendar: fixture.calendar) } == expected)
        #expect(outcome.made.allSatisfy { $0.status == .pending && $0.seriesID == "standing-\(outcome.series.id)" && $0.purpose == .dialysis })
        #expect(try await store.extendSeries(horizonDays: SeriesStoreTests.horizon) == 0)
        // A week further: the week's three days, no more.
        #expect(try await store.extendSeries(horizonDays: SeriesStoreTests.horizon + 7) == 3)
        #expect(try await store.extendSeries(horizonDays: SeriesStoreTests.horizon + 7) == 0)
        let page = try await store.seriesPage(id: outcome.series.id)
        #expect(page.dates.count == expected.count + 3)
        #expect(page.changes.map(\.kind) == [.create])
        #expect(try await store.checkInvariants().isEmpty)
    }

    @Test(arguments: Backend.all) func sessionsRacingToExtendTheHorizonMakeEachDateOnce(_ backend: Backend) async throws {
        let fixture = try await StoreFixture.make(backend)
        defer { fixture.remove() }
        try await fixture.load([])
        // Made with no horizon: every date is left to the racing sessions.
        let created = try await fixture.store.createSeries(dialysis(fixture), horizonDays: 0)
        #expect(created.made.isEmpty)
        let sessions = [fixture.store, try await fixture.otherStore(user: "lee"), try await fixture.otherStore(user: "park")]
        let made = try await withThrowingTaskGroup(of: Int.self) { group in
            for session in sessions { group.addTask { try await session.extendSeries(horizonDays: 35) } }
            return try await group.reduce(0, +)
        }
        let expected = expectedDates(created.series, fixture, horizon: 35).count
        #expect(made == expected)
        #expect(try await fixture.rawInt("SELECT COUNT(*) FROM series_date") == expected)
        #expect(try await fixture.rawInt("SELECT COUNT(*) FROM escort_request WHERE series_id = 'standing-\(created.series.id)'") == expected)
        #expect(try await fixture.store.checkInvariants().isEmpty)
    }

    @Test(arguments: Backend.all) func manySeriesAreExtendedTogetherEachAuditedWithItsOwnDates(_ backend: Backend) async throws {
        let fixture = try await StoreFixture.make(backend)
        defer { fixture.remove() }
        try await fixture.load([])
        // Four households, two series each (morning and afternoon), all made with no dates.
        var made: [StandingSeries] = []
        for household in StoreFixture.households.map(\.id) {
            for pickup in [8 * 60, 14 * 60] {
                made.append(try await fixture.store.createSeries(dialysis(fixture, household: household, pickup: pickup), horizonDays: 0).series)
            }
        }
        let total = try await fixture.store.extendSeries(horizonDays: 21)
        var expected = 0
        for series in made {
            let dates = expectedDates(series, fixture, horizon: 21)
            expected += dates.count
            let page = try await fixture.store.seriesPage(id: series.id)
            #expect(page.dates.map { CivilDate($0.appointmentAt, calendar: fixture.calendar) } == dates)
            #expect(page.dates.allSatisfy { $0.householdID == series.householdID && $0.seriesID == "standing-\(series.id)" })
            #expect(page.series.madeUntil == today(fixture).adding(days: 21, calendar: fixture.calendar))
            // One audit entry per series, naming exactly its own new requests.
            let audited = try await fixture.rawSQL("SELECT after FROM audit WHERE action = 'series dates' AND entity_id = '\(series.id)'")
            #expect(audited == [page.dates.map { String($0.id) }.joined(separator: ",")])
        }
        #expect(total == expected)
        #expect(try await fixture.rawInt("SELECT COUNT(*) FROM escort_request WHERE series_id LIKE 'standing-%'") == expected)
        #expect(try await fixture.store.checkInvariants().isEmpty)
    }

    @Test(arguments: Backend.all) func datesAnotherProcessMadeFirstAreTakenBackUnseen(_ backend: Backend) async throws {
        let fixture = try await StoreFixture.make(backend)
        defer { fixture.remove() }
        try await fixture.load([])
        let created = try await fixture.store.createSeries(dialysis(fixture), horizonDays: 21)
        let before = try await fixture.rawInt("SELECT COUNT(*) FROM escort_request") ?? 0
        #expect(!created.made.isEmpty)
        // As if this process read the series before another made its dates: every date it
        // makes finds its link taken, and the request it made for the date goes again.
        try await fixture.rawSQL("UPDATE standing_series SET made_until = NULL WHERE id = \(created.series.id)")
        #expect(try await fixture.store.extendSeries(horizonDays: 21) == 0)
        #expect(try await fixture.rawInt("SELECT COUNT(*) FROM escort_request") == before)
        #expect(try await fixture.rawInt("SELECT COUNT(*) FROM series_date") == created.made.count)
        #expect(try await fixture.store.seriesPage(id: created.series.id).series.madeUntil
                    == today(fixture).adding(days: 21, calendar: fixture.calendar))
        #expect(try await fixture.store.checkInvariants().isEmpty)
    }

    @Test(arguments: Backend.all) func aChangeFromADateKeepsTheVolunteerWhereItFitsAndReleasesTheRest(_ backend: Backend) async throws {
        let fixture = try await StoreFixture.make(backend)
        defer { fixture.remove() }
        // Volunteer 1 is busy on the second Wednesday at 11:00: the series' date then cannot move to 10:00–12:00.
        try await fixture.load([fixture.request(1, household: 4, day: 9, hour: 11, minutes: 60, status: .assigned, volunteer: 1)])
        let store = fixture.store
        let created = try await store.createSeries(dialysis(fixture), horizonDays: SeriesStoreTests.horizon)
        let standing = try await store.assignSeries(id: created.series.id, volunteerID: 1, expectedVersion: nil)
        #expect(standing.cannotTake.isEmpty)
        #expect(standing.assigned.count == created.made.count)
        // From the second week: Monday and Wednesday only, two hours later.
        var later = standing.series.schedule
        later.weekdays = [.mon, .wed]
        later.pickup = ClockTime(minutes: 10 * 60)
        later.appointment = ClockTime(minutes: 11 * 60)
        let changed = try await store.changeSeries(id: created.series.id, from: day(fixture, 7), schedule: later,
                                                   expectedVersion: standing.series.version, horizonDays: SeriesStoreTests.horizon)
        let calendar = fixture.calendar
        // The first week keeps its dates and volunteer as they were.
        let firstWeek = try await store.seriesPage(id: created.series.id).dates.filter { $0.appointmentAt < fixture.at(day: 7, 0) }
        #expect(firstWeek.count == 3)
        #expect(firstWeek.allSatisfy { $0.volunteerID == 1 && ClockTime($0.pickupAt, calendar: calendar) == ClockTime(minutes: 8 * 60) })
        // The second Wednesday clashes with volunteer 1's other escort: released, with the reason.
        let releasedDays = changed.released.map { CivilDate($0.request.appointmentAt, calendar: calendar) }
        #expect(releasedDays.contains(day(fixture, 9)))
        #expect(changed.released.first { CivilDate($0.request.appointmentAt, calendar: calendar) == day(fixture, 9) }?.reason.en.contains("series changed") == true)
        // Mondays keep volunteer 1 at the new time.
        let secondMonday = try #require(changed.kept.first { CivilDate($0.appointmentAt, calendar: calendar) == day(fixture, 7) })
        #expect(secondMonday.volunteerID == 1 && secondMonday.pickupAt == fixture.at(day: 7, 10))
        // Fridays from the second week are no longer in the series: cancelled.
        let page = try await store.seriesPage(id: created.series.id)
        #expect(!page.dates.contains { $0.appointmentAt >= fixture.at(day: 7, 0) && Weekday($0.appointmentAt, calendar: calendar) == .fri })
        let friday = try #require(changed.released.first { CivilDate($0.request.appointmentAt, calendar: calendar) == day(fixture, 11) })
        #expect(try await store.request(id: friday.request.id).status == .cancelled)
        #expect(page.changes.map(\.kind) == [.create, .assign, .change])
        #expect(try await store.checkInvariants().isEmpty)
    }

    @Test(arguments: Backend.all) func aPauseForTwoWeeksReleasesItsDatesAndResumingMakesThemAgain(_ backend: Backend) async throws {
        let fixture = try await StoreFixture.make(backend)
        defer { fixture.remove() }
        try await fixture.load([])
        let store = fixture.store
        let created = try await store.createSeries(dialysis(fixture), horizonDays: SeriesStoreTests.horizon)
        _ = try await store.assignSeries(id: created.series.id, volunteerID: 1, expectedVersion: nil)
        let paused = try await store.pauseSeries(id: created.series.id, from: day(fixture, 0), to: day(fixture, 13), reason: "입원",
                                                 expectedVersion: nil)
        #expect(paused.released.count == 6)
        #expect(paused.released.allSatisfy { $0.reason.ko.contains("입원") })
        for note in paused.released { #expect(try await store.request(id: note.request.id).status == .cancelled) }
        #expect(try await store.extendSeries(horizonDays: SeriesStoreTests.horizon) == 0)
        #expect(try await store.seriesPage(id: created.series.id).dates.allSatisfy { $0.appointmentAt >= fixture.at(day: 14, 0) })
        #expect(try await store.checkInvariants().isEmpty)
        // Back from hospital a week early: the second week's dates are made again, pending.
        let resumed = try await store.resumeSeries(id: created.series.id, on: day(fixture, 7), expectedVersion: nil)
        #expect(resumed.made.map { CivilDate($0.appointmentAt, calendar: fixture.calendar) } == [day(fixture, 7), day(fixture, 9), day(fixture, 11)])
        #expect(resumed.series.pauses == [SeriesPause(from: day(fixture, 0), to: day(fixture, 6), reason: "입원")])
        #expect(try await store.checkInvariants().isEmpty)
    }

    @Test(arguments: Backend.all) func aStandingVolunteerGetsEveryDateTheyCanTakeAndTheRestAreListedWithWhy(_ backend: Backend) async throws {
        let fixture = try await StoreFixture.make(backend)
        defer { fixture.remove() }
        // Volunteer 2 already escorts someone on the first Wednesday morning.
        try await fixture.load([fixture.request(1, household: 4, day: 2, hour: 9, minutes: 120, status: .assigned, volunteer: 2)])
        let store = fixture.store
        let created = try await store.createSeries(dialysis(fixture), horizonDays: SeriesStoreTests.horizon)
        let outcome = try await store.assignSeries(id: created.series.id, volunteerID: 2, expectedVersion: nil)
        let calendar = fixture.calendar
        #expect(outcome.cannotTake.map { CivilDate($0.request.appointmentAt, calendar: calendar) } == [day(fixture, 2)])
        #expect(outcome.cannotTake.first?.reason.en.contains("busy") == true || outcome.cannotTake.first?.reason.en.contains("request 1") == true)
        #expect(outcome.assigned.count == created.made.count - 1)
        #expect(outcome.series.volunteerID == 2)
        // A volunteer free only on Saturdays can take none of them, each listed with why.
        let second = try await store.createSeries(dialysis(fixture, household: 3, days: [.tue]), horizonDays: SeriesStoreTests.horizon)
        let weekend = try await store.assignSeries(id: second.series.id, volunteerID: 4, expectedVersion: nil)
        #expect(weekend.assigned.isEmpty)
        #expect(weekend.cannotTake.count == second.made.count)
        #expect(try await store.checkInvariants().isEmpty)
    }

    @Test(arguments: Backend.all) func theStandingVolunteerIsPreferredForNewDatesWithTheReasonInWords(_ backend: Backend) async throws {
        let fixture = try await StoreFixture.make(backend)
        defer { fixture.remove() }
        try await fixture.load([])
        let store = fixture.store
        let created = try await store.createSeries(dialysis(fixture), horizonDays: SeriesStoreTests.horizon)
        // Volunteer 3 lives in another gu; the series makes them its volunteer.
        _ = try await store.assignSeries(id: created.series.id, volunteerID: 3, expectedVersion: nil)
        #expect(try await store.extendSeries(horizonDays: SeriesStoreTests.horizon + 7) == 3)
        let page = try await store.seriesPage(id: created.series.id)
        let newDate = try #require(page.dates.last)
        #expect(newDate.status == .pending)
        let ranking = try await store.candidates(for: newDate.id)
        let standing = try #require(ranking.eligible.first { $0.volunteer.id == 3 })
        let term = try #require(standing.terms.first { $0.reason == .seriesVolunteer })
        #expect(term.points == Matcher.Points.seriesVolunteer)
        #expect(standing.score == standing.terms.reduce(0) { $0 + $1.points })
        #expect(DomainPhrases.reason(term.reason) == Phrase(ko: "이 일정의 담당 봉사자", en: "this series' volunteer"))
        // Nobody else has the term.
        #expect(!ranking.eligible.filter { $0.volunteer.id != 3 }.flatMap(\.terms).contains { $0.reason == .seriesVolunteer })
    }

    @Test(arguments: Backend.all) func badSeriesAreRefusedNamingTheField(_ backend: Backend) async throws {
        let fixture = try await StoreFixture.make(backend)
        defer { fixture.remove() }
        try await fixture.load([])
        let store = fixture.store
        let created = try await store.createSeries(dialysis(fixture), horizonDays: SeriesStoreTests.horizon)
        func fields(_ body: () async throws -> Void) async -> [String] {
            do { try await body() } catch StoreError.invalidData(let issues) { return issues.map(\.field) } catch { return ["\(error)"] }
            return []
        }
        // The same household on Wednesdays from 09:00: inside the dialysis' 08:00–10:00.
        #expect(await fields { _ = try await store.createSeries(dialysis(fixture, days: [.wed], pickup: 9 * 60), horizonDays: 7) } == ["time"])
        #expect(await fields {
            _ = try await store.pauseSeries(id: created.series.id, from: day(fixture, 7), to: day(fixture, 3), reason: "", expectedVersion: nil)
        } == ["to"])
        var backwards = created.series.schedule
        backwards.pickup = ClockTime(minutes: 10 * 60)
        #expect(await fields {
            _ = try await store.changeSeries(id: created.series.id, from: day(fixture, 7), schedule: backwards, expectedVersion: nil, horizonDays: 7)
        } == ["pickup"])
        // Nothing of the refused writes stayed.
        #expect(try await store.seriesList(householdID: 1).count == 1)
        #expect(try await store.seriesPage(id: created.series.id).changes.map(\.kind) == [.create])
    }

    @Test(arguments: Backend.all) func endingASeriesCancelsItsLaterDates(_ backend: Backend) async throws {
        let fixture = try await StoreFixture.make(backend)
        defer { fixture.remove() }
        try await fixture.load([])
        let store = fixture.store
        let created = try await store.createSeries(dialysis(fixture), horizonDays: SeriesStoreTests.horizon)
        let ended = try await store.endSeries(id: created.series.id, lastDay: day(fixture, 4), reason: "전원", expectedVersion: nil)
        #expect(ended.series.endsOn == day(fixture, 4))
        #expect(ended.cancelled.count == created.made.count - 3)
        #expect(try await store.extendSeries(horizonDays: 60) == 0)
        #expect(try await store.seriesPage(id: created.series.id).dates.count == 3)
        #expect(try await store.checkInvariants().isEmpty)
    }
}
