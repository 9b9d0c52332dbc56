import Foundation
import HonsimCore
import Testing
@testable import HonsimStore
@testable import HonsimTUI

/// The series page (`S` on a request of a standing series): its goldens in Korean and English,
/// a pause checked in place and then written, and its volunteer set from the page.
@Suite("Standing series page", .serialized)
struct SeriesFlowTests {
    /// Dialysis for the first household, Mondays, Wednesdays and Fridays at 10:00 from 12-02,
    /// open-ended, with its standing volunteer, paused for the week of 12-14.
    static func seeded() async throws -> (SQLiteStore, URL, StandingSeries) {
        let (store, folder) = try await DemoDashboard.store()
        let household = try #require(try await store.households().first { !$0.closed })
        let created = try await store.createSeries(StandingSeries(
            householdID: household.id,
            schedule: SeriesSchedule(weekdays: [.mon, .wed, .fri], appointment: ClockTime(minutes: 600), pickup: ClockTime(minutes: 540),
                                     hospital: "한림대학교성심병원", department: "인공신장실", transport: .centerVehicle, purpose: .dialysis,
                                     expectedMinutes: 180),
            startsOn: CivilDate(year: 2026, month: 12, day: 2)), horizonDays: 28)
        let first = try #require(created.made.first)
        let best = try #require(try await store.candidates(for: first.id).eligible.first)
        _ = try await store.assignSeries(id: created.series.id, volunteerID: best.volunteer.id, expectedVersion: nil)
        let paused = try await store.pauseSeries(id: created.series.id, from: CivilDate(year: 2026, month: 12, day: 14),
                                                 to: CivilDate(year: 2026, month: 12, day: 20), reason: "입원", expectedVersion: nil)
        return (store, folder, paused.series)
    }

    /// The dashboard with a date of the series selected.
    static func selecting(_ series: StandingSeries, store: SQLiteStore, language: Language) async throws -> AppState {
        var state = try await DemoDashboard.state(width: 120, height: 40, language: language, store: store)
        let index = try #require(state.visibleRequests.firstIndex { $0.seriesID == series.requestSeriesID })
        state.selection[.requests] = index
        return state
    }

    @Test(arguments: Language.allCases)
    func theSeriesPageShowsItsDatesVolunteerPauseAndChanges(language: Language) async throws {
        let (store, folder, series) = try await SeriesFlowTests.seeded()
        defer { try? FileManager.default.removeItem(at: folder) }
        let state = try await SeriesFlowTests.selecting(series, store: store, language: language)
        let page = try await press(state, store: store, .character("S"))
        guard case .series(let sheet) = page.overlay, let loaded = sheet.page else { Issue.record("no series page"); return }
        #expect(loaded.series.id == series.id)
        #expect(!loaded.dates.contains { (14...20).contains(CivilDate($0.appointmentAt, calendar: store.calendar).day) && $0.status != .cancelled })
        #expect(loaded.changes.map(\.kind) == [.create, .assign, .pause])
        assertSnapshot(render(page), named: "series-page-\(language)-120x40")
        // A pause that ends before it starts is refused in place, naming the field.
        var form = try await press(page, store: store, .character("p"))
        form = try await type(form, store: store, "2026-12-23")
        form = try await press(form, store: store, .tab)
        form = try await type(form, store: store, "2026-12-21")
        form = try await press(form, store: store, .tab)
        guard case .series(let typed) = form.overlay, let pause = typed.form else { Issue.record("no pause form"); return }
        #expect(pause.form.field("to")?.error != nil)
        #expect(pause.form.field("from")?.error == nil)
        assertSnapshot(render(form), named: "series-pause-error-\(language)-120x40")
        let closed = try await press(page, store: store, .escape)
        #expect(closed.overlay == nil)
    }

    @Test func aPauseFromThePageReleasesItsDatesAndListsThem() async throws {
        let (store, folder, series) = try await SeriesFlowTests.seeded()
        defer { try? FileManager.default.removeItem(at: folder) }
        var state = try await SeriesFlowTests.selecting(series, store: store, language: .en)
        state = try await press(state, store: store, .character("S"), .character("p"))
        state = try await type(state, store: store, "2026-12-21")
        state = try await press(state, store: store, .tab)
        state = try await type(state, store: store, "2026-12-27")
        state = try await press(state, store: store, .tab)
        state = try await type(state, store: store, "travel")
        state = try await press(state, store: store, .enter)
        guard case .series(let sheet) = state.overlay else { Issue.record("the page closed: \(String(describing: state.overlay))"); return }
        #expect(sheet.form == nil)
        let outcome = try #require(sheet.outcome)
        let days = (outcome.released + outcome.cancelled).map { CivilDate($0.request.appointmentAt, calendar: store.calendar).day }.sorted()
        #expect(days == [21, 23, 25])
        #expect(state.notice?.contains("standing series saved") == true)
        #expect(sheet.page?.series.pauses.count == 2)
        #expect(try await store.checkInvariants().isEmpty)
    }

    @Test func aViewerCannotOpenTheFormsAndTheKeysAreInTheHelp() async throws {
        let (store, folder, series) = try await SeriesFlowTests.seeded()
        defer { try? FileManager.default.removeItem(at: folder) }
        var state = try await SeriesFlowTests.selecting(series, store: store, language: .en)
        state.access = Access(user: "viewer", role: .viewer, readOnly: true)
        state = try await press(state, store: store, .character("S"), .character("p"))
        guard case .series(let sheet) = state.overlay else { Issue.record("no series page"); return }
        #expect(sheet.form == nil)
        #expect(state.notice?.contains("read-only") == true)
        let help = DialogKeymaps([:]).helpSections(.en).map(\.heading)
        #expect(help.contains("A standing series"))
        #expect(Keymap().label(.series) == "S")
    }
}
