import Foundation
import HonsimCore
import Testing
@testable import HonsimStore
@testable import HonsimTUI

/// Each form of the series page through `update`, reaching a real store: change from a date,
/// resume, end and the standing volunteer, with what the store refuses shown in place (a series
/// overlapping another of the household, a volunteer who does not exist); and the page with its
/// history in the screen's language, in Korean and English.
@Suite("Standing series page: its forms", .serialized)
struct SeriesFormsFlowTests {
    /// The seeded series' page open, with the dashboard behind it.
    static func page(language: Language = .en) async throws -> (SQLiteStore, URL, StandingSeries, AppState) {
        let (store, folder, series) = try await SeriesFlowTests.seeded()
        let state = try await SeriesFlowTests.selecting(series, store: store, language: language)
        return (store, folder, series, try await press(state, store: store, .character("S")))
    }

    func sheet(_ state: AppState) -> SeriesSheet? {
        if case .series(let sheet) = state.overlay { sheet } else { nil }
    }

    func days(_ requests: [EscortRequest], _ store: SQLiteStore) -> [Int] {
        requests.map { CivilDate($0.appointmentAt, calendar: store.calendar).day }
    }

    /// Moves to the field `key` of the open form.
    func focus(_ state: AppState, store: SQLiteStore, on key: String) async throws -> AppState {
        var state = state
        for _ in 0..<12 {
            guard let form = sheet(state)?.form?.form, form.fields.indices.contains(form.focus), form.fields[form.focus].key != key else { break }
            state = try await press(state, store: store, .tab)
        }
        return state
    }

    /// Enter on every field to the last, which sends the form.
    func submit(_ state: AppState, store: SQLiteStore) async throws -> AppState {
        var state = state
        for _ in 0..<12 {
            guard let form = sheet(state)?.form?.form else { break }
            let last = form.focus == form.fields.count - 1
            state = try await press(state, store: store, .enter)
            if last { break }
        }
        return state
    }

    @Test(arguments: Language.allCases)
    func aChangeFromADateMovesItsDatesAndThePageSaysItsHistoryInTheScreensLanguage(language: Language) async throws {
        let (store, folder, series, page) = try await SeriesFormsFlowTests.page(language: language)
        defer { try? FileManager.default.removeItem(at: folder) }
        // From 12-21: 11:00, pickup 10:00.
        var state = try await press(page, store: store, .character("e"))
        state = try await type(state, store: store, "2026-12-21")
        state = try await focus(state, store: store, on: "time")
        state = try await retype(state, store: store, "11:00")
        state = try await press(state, store: store, .tab)
        state = try await retype(state, store: store, "10:00")
        state = try await submit(state, store: store)
        let written = try #require(sheet(state))
        #expect(written.form == nil)
        let outcome = try #require(written.outcome)
        let loaded = try #require(written.page)
        #expect(loaded.series.schedule.appointment == ClockTime(minutes: 660))
        #expect(loaded.changes.map(\.kind) == [.create, .assign, .pause, .change])
        // Dates before 12-21 keep their time; from then on, 11:00.
        for date in loaded.dates {
            let day = CivilDate(date.appointmentAt, calendar: store.calendar)
            #expect(ClockTime(date.appointmentAt, calendar: store.calendar).minutes == (day.day >= 21 ? 660 : 600))
        }
        #expect(!(outcome.kept + outcome.released.map(\.request)).isEmpty)
        // The history in words: no stored token (mon, center_vehicle, 180min) on the screen.
        let screen = render(state).text
        for token in ["mon wed fri", "center_vehicle", "180min", "→"] { #expect(!screen.contains(token), "\(token) on the screen") }
        #expect(screen.contains(language == .ko ? "변경 2026-12-21부터 · 월 수 금 11:00 (출발 10:00)" : "changed from 2026-12-21 · Mon Wed Fri 11:00 (pickup 10:00)"))
        assertSnapshot(render(state), named: "series-history-\(language)-120x40")
        #expect(try await store.seriesPage(id: series.id).series.version == series.version + 1)
        #expect(try await store.checkInvariants().isEmpty)
    }

    @Test func aChangeOverlappingAnotherSeriesOfTheHouseholdIsRefusedInPlaceNamingTheTime() async throws {
        let (store, folder, series, page) = try await SeriesFormsFlowTests.page()
        defer { try? FileManager.default.removeItem(at: folder) }
        // The same household's rehabilitation on Tuesdays at 10:00.
        var rehab = series
        rehab.id = 0
        rehab.volunteerID = nil
        rehab.pauses = []
        rehab.schedule.weekdays = [.tue]
        rehab.schedule.purpose = .rehab
        rehab.schedule.hospital = "안양윌스기념병원"
        _ = try await store.createSeries(rehab, horizonDays: 28)
        // Tuesdays added to the dialysis at the same hour.
        var state = try await press(page, store: store, .character("e"))
        state = try await type(state, store: store, "2026-12-07")
        state = try await press(state, store: store, .tab)
        state = try await retype(state, store: store, "월 화 수 금")
        state = try await submit(state, store: store)
        let refused = try #require(sheet(state)?.form)
        #expect(refused.form.field("time")?.error?.contains("overlaps the household's standing series") == true)
        #expect(refused.form.fields[refused.form.focus].key == "time")
        assertSnapshot(render(state), named: "series-change-overlap-en-120x40")
        #expect(try await store.seriesPage(id: series.id).series.schedule.weekdays == [.mon, .wed, .fri], "nothing written")
    }

    @Test func resumingMidPauseMakesTheRestOfItsDatesAgain() async throws {
        let (store, folder, series, page) = try await SeriesFormsFlowTests.page()
        defer { try? FileManager.default.removeItem(at: folder) }
        var state = try await press(page, store: store, .character("r"))
        state = try await retype(state, store: store, "2026-12-16")
        state = try await submit(state, store: store)
        let written = try #require(sheet(state))
        #expect(written.form == nil)
        #expect(days(try #require(written.outcome).made, store) == [16, 18])
        let loaded = try #require(written.page)
        #expect(loaded.series.pauses.map { "\($0.from)~\($0.to)" } == ["2026-12-14~2026-12-15"])
        #expect(loaded.changes.last?.kind == .resume)
        #expect(render(state).text.contains("resumed from 2026-12-16"))
        #expect(try await store.seriesPage(id: series.id).dates.contains { CivilDate($0.appointmentAt, calendar: store.calendar).day == 16 })
        #expect(try await store.checkInvariants().isEmpty)
    }

    @Test func endingCancelsTheLaterDatesAndSaysWhy() async throws {
        let (store, folder, series, page) = try await SeriesFormsFlowTests.page()
        defer { try? FileManager.default.removeItem(at: folder) }
        var state = try await press(page, store: store, .character("x"))
        state = try await retype(state, store: store, "2026-12-11")
        state = try await press(state, store: store, .tab)
        state = try await type(state, store: store, "이사")
        state = try await submit(state, store: store)
        let written = try #require(sheet(state))
        let outcome = try #require(written.outcome)
        #expect(written.page?.series.endsOn == CivilDate(year: 2026, month: 12, day: 11))
        #expect(days((outcome.released + outcome.cancelled).map(\.request), store).allSatisfy { $0 > 11 })
        #expect(!(outcome.released + outcome.cancelled).isEmpty)
        #expect(written.page?.dates.allSatisfy { CivilDate($0.appointmentAt, calendar: store.calendar).day <= 11 } == true)
        #expect(render(state).text.contains("ended after 2026-12-11 (이사)"))
        #expect(try await store.seriesPage(id: series.id).changes.last?.kind == .end)
        #expect(try await store.checkInvariants().isEmpty)
    }

    @Test func theStandingVolunteerIsSetFromThePageAndANumberNobodyHasIsRefusedInPlace() async throws {
        let (store, folder, series, page) = try await SeriesFormsFlowTests.page()
        defer { try? FileManager.default.removeItem(at: folder) }
        var state = try await press(page, store: store, .character("a"))
        state = try await retype(state, store: store, "99999")
        state = try await press(state, store: store, .enter)
        #expect(sheet(state)?.form?.form.field("volunteer")?.error == SeriesText.errorNoVolunteer.en)
        // Another volunteer who may take the first date.
        let first = try #require(try await store.seriesPage(id: series.id).dates.first { $0.status == .pending })
        let other = try #require(try await store.candidates(for: first.id).eligible.first { $0.volunteer.id != series.volunteerID })
        state = try await retype(state, store: store, String(other.volunteer.id))
        state = try await press(state, store: store, .enter)
        let written = try #require(sheet(state))
        #expect(written.form == nil)
        let outcome = try #require(written.outcome)
        #expect(written.page?.series.volunteerID == other.volunteer.id)
        #expect(outcome.assigned.contains { $0.id == first.id })
        #expect(outcome.assigned.allSatisfy { $0.volunteerID == other.volunteer.id })
        #expect(render(state).text.contains("standing volunteer set: \(other.volunteer.name) #\(other.volunteer.id)"))
        #expect(try await store.checkInvariants().isEmpty)
    }

    @Test func aRepeatPastTheHouseholdsLimitIsMadeAndTheNoticeFlagsIt() async throws {
        let (store, folder) = try await DemoDashboard.store()
        defer { try? FileManager.default.removeItem(at: folder) }
        var city = CouncilRules()
        city.usesPerMonth = 2
        try await store.setCouncilRules(CouncilRuleBook(city: city))
        let start = try await DemoDashboard.state(width: 120, height: 40, language: .en, store: store)
        let household = try #require(try await store.households().first { !$0.closed })
        let state = try await makeRepeatingRequest(start, store: store, household: household.id, hospital: "한도넘는투석", days: "월 수 금")
        // Made all the same (dialysis cannot wait), and the notice says by how much, as a warning.
        #expect(state.overlay == nil, "\(String(describing: state.overlay))")
        let series = try #require(try await store.seriesList(householdID: household.id).first { $0.schedule.hospital == "한도넘는투석" })
        #expect(try await store.seriesPage(id: series.id).dates.count >= 12)
        #expect(state.noticeRole == .warning)
        #expect(state.notice?.contains("! past the household's limit (the series goes on): passes the limit of 2 uses in 2026-12") == true,
                "\(state.notice ?? "")")
        // Its page flags it too, with the dates past the limit.
        let page = try await press(state, store: store, .character("S"))
        let screen = render(page).text
        #expect(screen.contains("! past the household's limit (the series goes on)") && screen.contains("dates past it: 2026-12-"), "\(screen)")
        assertSnapshot(render(page), named: "series-limit-flag-en-120x40")
    }
}
