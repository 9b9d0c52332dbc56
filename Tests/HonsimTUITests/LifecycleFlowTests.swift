import Foundation
import HonsimCore
import Testing
@testable import HonsimStore
@testable import HonsimTUI

/// Lifecycle keys, undo, the new-request form and the activity view, through `update` and a real store.
@Suite("Lifecycle, undo, new requests and activity", .serialized)
struct LifecycleFlowTests {
    let store: SQLiteStore
    let folder: URL

    init() async throws {
        (store, folder) = try await DemoDashboard.store()
    }

    func state(language: Language = .ko) async throws -> AppState {
        try await DemoDashboard.state(width: 120, height: 40, language: language, store: store)
    }

    /// The dashboard with the first request assigned by `a` Enter, and still selected.
    func assigned() async throws -> (AppState, Int64) {
        let start = try await state()
        let id = try #require(start.selectedRequest?.id)
        var state = try await press(start, store: store, .character("a"), .enter)
        state.selection[.requests] = state.visibleRequests.firstIndex { $0.id == id } ?? 0
        return (state, id)
    }

    func actionForm(_ state: AppState) -> ActionForm? {
        if case .action(let form) = state.overlay { return form }
        return nil
    }

    @Test func keysAreOfferedOnlyWhereTheMoveIsLegal() async throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let start = try await state()
        #expect(start.selectedRequest?.status == .pending)
        #expect(start.isAvailable(.assign) && start.isAvailable(.cancel))
        #expect(!start.isAvailable(.confirm) && !start.isAvailable(.complete) && !start.isAvailable(.undo))
        let (refused, effects) = update(start, .key(.character("c")))
        #expect(effects.isEmpty && refused.notice != nil)
        // The help greys out what cannot be done now.
        let help = renderFrame(press(start, .character("?")).0, theme: .mono)
        let confirmLine = try #require(help.text.split(separator: "\n").first { $0.contains("확인(통화)") })
        #expect(confirmLine.contains("c"))
        let (assigned, _) = try await assigned()
        #expect(assigned.isAvailable(.confirm) && assigned.isAvailable(.release) && !assigned.isAvailable(.assign))
    }

    @Test func confirmStartAndCompleteRecordTheDoctorsWords() async throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let (assigned, id) = try await assigned()
        var state = try await press(assigned, store: store, .character("c"))
        #expect(try await store.request(id: id).status == .confirmed)
        state = try await press(state, store: store, .character("t"))
        #expect(try await store.request(id: id).status == .inProgress)
        state = try await press(state, store: store, .character("o"))
        #expect(actionForm(state)?.action == .complete)
        // The minutes: expected ones prefilled; replaced by typing.
        state = try await press(state, store: store, .control("u"))
        state = try await type(state, store: store, "95")
        state = try await press(state, store: store, .tab)
        state = try await type(state, store: store, "진료 후 귀가")
        state = try await press(state, store: store, .tab)
        state = try await type(state, store: store, "혈압약 증량, 2주 뒤 재진")
        // Enter past the follow-up and the three expense amounts, left empty (nothing paid back).
        state = try await press(state, store: store, .tab, .character(" "), .enter, .enter, .enter, .enter)
        #expect(state.overlay == nil)
        let done = try await store.request(id: id)
        #expect(done.status == .completed)
        #expect(done.completion == Completion(actualMinutes: 95, outcome: "진료 후 귀가", doctorNotes: "혈압약 증량, 2주 뒤 재진", followUp: true))
    }

    @Test func releaseNeedsAReasonAndKeepsWhatWasTyped() async throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let (assigned, id) = try await assigned()
        var state = try await press(assigned, store: store, .character("R"), .enter)
        #expect(actionForm(state)?.form.fields[0].error != nil)
        #expect(try await store.request(id: id).status == .assigned)
        state = try await type(state, store: store, "봉사자 감기")
        #expect(actionForm(state)?.form.fields[0].error == nil)
        state = try await press(state, store: store, .enter)
        let released = try await store.request(id: id)
        #expect(released.status == .pending && released.volunteerID == nil)
        #expect(try await store.auditLog(in: nil, limit: 1).first?.action == "release")
    }

    @Test func cancelAndNoShowAskForTheirReason() async throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let start = try await state()
        let first = try #require(start.selectedRequest?.id)
        var state = try await type(try await press(start, store: store, .character("x")), store: store, "입원으로 취소")
        state = try await press(state, store: store, .enter)
        #expect(try await store.request(id: first).cancelReason == "입원으로 취소")
        let (assigned, id) = try await assigned()
        state = try await press(assigned, store: store, .character("N"), .enter)
        #expect(try await store.request(id: id).status == .noShow)
    }

    @Test func escOnATypedFormAsksBeforeDroppingIt() async throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let start = try await state()
        var state = try await type(try await press(start, store: store, .character("x")), store: store, "사유")
        state = try await press(state, store: store, .escape)
        #expect(actionForm(state)?.confirmingDiscard == true)
        state = try await press(state, store: store, .character("n"))
        #expect(actionForm(state)?.form.text("reason") == "사유")
        state = try await press(state, store: store, .escape, .character("y"))
        #expect(state.overlay == nil)
        #expect(try await store.request(id: start.selectedRequest!.id).status == .pending)
    }

    @Test func uUndoesMyLastChangeOnce() async throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let (assigned, id) = try await assigned()
        var state = try await press(assigned, store: store, .character("u"))
        #expect(try await store.request(id: id).status == .pending)
        #expect(state.lastUndo == nil)
        #expect(try await store.auditLog(in: nil, limit: 1).first?.action == "undo")
        let (again, effects) = update(state, .key(.character("u")))
        #expect(effects.isEmpty && again.notice != nil)
        // After someone else's change, undo is refused and says whose.
        state.selection[.requests] = state.visibleRequests.firstIndex { $0.id == id } ?? 0
        state = try await press(state, store: store, .character("a"), .enter)
        let lee = try await DemoDashboard.secondStore(store, user: "lee")
        try await lee.perform(.confirm, requestID: id, details: ActionDetails(), expectedVersion: nil)
        state = try await press(state, store: store, .character("u"))
        guard case .problem(let problem) = state.overlay else { Issue.record("no problem shown"); return }
        #expect(problem.message.contains("lee"))
        #expect(try await store.request(id: id).status == .confirmed)
    }

    @Test func aNewRequestIsFoundByInitialsValidatedInPlaceAndSavedAsAStandingSeries() async throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let start = try await state()
        let household = try #require(try await store.households().first { !$0.closed })
        var state = try await press(start, store: store, .character("n"))
        state = try await type(state, store: store, "#\(household.id)")
        guard case .newRequest(let picking) = state.overlay else { Issue.record("no form"); return }
        #expect(picking.suggestions.map(\.id) == [household.id])
        state = try await press(state, store: store, .tab)
        state = try await type(state, store: store, "12/3")
        state = try await press(state, store: store, .tab)
        state = try await type(state, store: store, "25:00")
        state = try await press(state, store: store, .tab)
        guard case .newRequest(let bad) = state.overlay else { Issue.record("no form"); return }
        #expect(bad.form.field("time")?.error != nil)
        #expect(bad.form.text("time") == "25:00")
        // Fix the time, fill the rest, repeat on Mondays and Thursdays until Christmas: a standing series.
        state = try await press(state, store: store, .backTab, .control("u"))
        state = try await type(state, store: store, "오후 2시")
        state = try await press(state, store: store, .tab, .tab)
        state = try await type(state, store: store, "안양샘병원")
        state = try await press(state, store: store, .tab, .tab, .right, .tab, .character(" "), .tab, .tab)
        state = try await type(state, store: store, "월 목")
        state = try await press(state, store: store, .tab)
        state = try await type(state, store: store, "2026-12-25")
        state = try await press(state, store: store, .tab, .enter)
        #expect(state.overlay == nil, "\(String(describing: state.overlay))")
        let created = try await store.requests(in: TimeSpan(start: DemoDashboard.now, end: DemoDashboard.now.addingTimeInterval(40 * 86_400)))
            .filter { $0.hospital == "안양샘병원" && $0.householdID == household.id }
        // 12-03 (Thu), then every Monday and Thursday up to 12-24, made ahead by the store.
        let days = created.map { CivilDate($0.appointmentAt, calendar: store.calendar).description }
        #expect(days == ["2026-12-03", "2026-12-07", "2026-12-10", "2026-12-14", "2026-12-17", "2026-12-21", "2026-12-24"])
        #expect(created.allSatisfy { ClockTime($0.appointmentAt, calendar: store.calendar).description == "14:00" && $0.transport == .centerVehicle && $0.purpose == .dialysis })
        #expect(Set(created.compactMap(\.seriesID)).count == 1)
        let series = try #require(try await store.seriesList(householdID: household.id).first)
        #expect(series.schedule.weekdays == [.mon, .thu] && series.endsOn == CivilDate(year: 2026, month: 12, day: 25))
        #expect(created.allSatisfy { $0.seriesID == series.requestSeriesID })
        // The first of them is selected, ready for `a`.
        #expect(created.map(\.id).contains(try #require(state.selectedRequest?.id)))
    }

    @Test func aRepeatWithNoEndDateIsAnOpenEndedSeriesWithNoLimitOnItsDates() async throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let start = try await state()
        let household = try #require(try await store.households().first { !$0.closed })
        let state = try await makeRepeatingRequest(start, store: store, household: household.id, hospital: "무한반복병원", days: "월 화 수 목 금 토 일")
        #expect(state.overlay == nil, "\(String(describing: state.overlay))")
        let series = try #require(try await store.seriesList(householdID: household.id).first { $0.schedule.hospital == "무한반복병원" })
        #expect(series.endsOn == nil)
        // Every day for the four weeks ahead: more than the 27 dates a repeat was once limited to.
        #expect(try await store.seriesPage(id: series.id).dates.count == 28)
    }

    @Test func theActivityViewFiltersByDongUserAndRequest() async throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let (assigned, id) = try await assigned()
        let lee = try await DemoDashboard.secondStore(store, user: "lee")
        let other = try #require(try await store.pendingRequests(limit: 5).first)
        try await lee.perform(.cancel, requestID: other.id, details: ActionDetails(reason: "퇴원"), expectedVersion: nil)
        var state = try await press(assigned, store: store, .character("l"))
        guard case .activity(let all) = state.overlay else { Issue.record("no activity view"); return }
        #expect(all.entries?.prefix(2).map(\.user) == ["lee", "kim"])
        // Filter by user.
        state = try await press(state, store: store, .character("/"), .tab)
        state = try await type(state, store: store, "le")
        guard case .activity(let byUser) = state.overlay else { return }
        #expect(byUser.entries?.map(\.entityID) == [String(other.id)])
        // By request number, with the user cleared.
        state = try await press(state, store: store, .control("u"), .tab)
        state = try await type(state, store: store, "\(id)")
        guard case .activity(let byRequest) = state.overlay else { return }
        #expect(byRequest.entries?.map(\.action) == ["assign"])
        // By dong, typed as initials: a dong no entry is in shows none.
        let dong = try #require(state.data?.dongs.dong(code: other.dongCode))
        state = try await press(state, store: store, .control("u"), .tab)
        state = try await type(state, store: store, SearchMatch.initials(of: dong.name))
        guard case .activity(let byDong) = state.overlay else { return }
        #expect(byDong.entries?.contains { $0.entityID == String(other.id) } == true)
        #expect(byDong.entries?.allSatisfy { $0.dongCode.map { SearchText([state.dongName($0)]).matches(SearchQuery(SearchMatch.initials(of: dong.name))) } ?? false } == true)
    }
}
