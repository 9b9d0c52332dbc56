import Foundation
import HonsimCore
import Testing
@testable import HonsimStore
@testable import HonsimTUI

/// The household and volunteer pages, their forms, the availability grid and the drop-out
/// flow, through `update` and a real store.
@Suite("Records: pages, forms, availability and drop-outs", .serialized)
struct RecordFlowTests {
    let store: SQLiteStore
    let folder: URL

    init() async throws {
        (store, folder) = try await DemoDashboard.store()
    }

    func state(access: Access = .unrestricted(user: "kim")) async throws -> AppState {
        try await DemoDashboard.state(width: 120, height: 40, store: store, access: access)
    }

    func sheet(_ state: AppState) -> RecordSheet? {
        if case .records(let sheet) = state.overlay { return sheet }
        return nil
    }

    func form(_ state: AppState) -> RecordForm? {
        if case .form(let form)? = sheet(state)?.mode { return form }
        return nil
    }

    func openVolunteer(_ id: Int64, _ start: AppState) async throws -> AppState {
        var state = start
        let effects = state.openVolunteerPage(id)
        return try await settle(state, effects, store: store)
    }

    /// Moves to the field `key` and types `text` over what is there.
    func fill(_ state: AppState, _ key: String, _ text: String) async throws -> AppState {
        var state = state
        guard let index = form(state)?.form.index(of: key) else { return state }
        while form(state)?.form.focus != index { state = try await press(state, store: store, .tab) }
        for _ in 0..<40 { state = try await press(state, store: store, .backspace) }
        return try await type(state, store: store, text)
    }

    @Test func enterOnTheVolunteersPaneOpensThePageWithHoursAndNextAssignments() async throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        var state = try await press(try await state(), store: store, .character("2"), .enter)
        let page = try #require(sheet(state)?.volunteer)
        #expect(page.volunteer.id == state.selectedVolunteer?.id)
        let screen = renderFrame(state, theme: .mono).text
        #expect(screen.contains("봉사자 #\(page.volunteer.id)") && screen.contains("[월별 활동 시간]") && screen.contains("[다음 배정]"))
        state = try await press(state, store: store, .escape)
        #expect(state.overlay == nil)
    }

    @Test func aBadFieldIsNamedInPlaceAndWhatWasTypedStays() async throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        var state = try await openVolunteer(1, try await state())
        state = try await press(state, store: store, .character("e"))
        state = try await fill(state, "phone", "010-12")
        state = try await press(state, store: store, .tab)
        #expect(form(state)?.form.field("phone")?.error == RecordText.badPhone.ko)
        // Enter on the last field does not save; the focus goes back to the bad field.
        while form(state)?.form.focus != (form(state)?.form.fields.count ?? 0) - 1 { state = try await press(state, store: store, .tab) }
        state = try await press(state, store: store, .enter)
        #expect(form(state)?.form.fields[form(state)?.form.focus ?? 0].key == "phone")
        #expect(form(state)?.form.text("phone") == "010-12")
        #expect(try await store.volunteer(id: 1).version == 1)
        state = try await fill(state, "phone", "010-5555-6666")
        while form(state)?.form.focus != (form(state)?.form.fields.count ?? 0) - 1 { state = try await press(state, store: store, .tab) }
        state = try await press(state, store: store, .enter)
        #expect(sheet(state)?.mode == .page)
        let saved = try await store.volunteer(id: 1)
        #expect(saved.phone == "010-5555-6666" && saved.version == 2)
        #expect(state.notice == RecordText.saved.ko)
    }

    @Test func aNewHouseholdByAFormerDongNameWarnsOfALikelyDuplicateBeforeSaving() async throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        var state = try await press(try await state(), store: store, .character("3"), .character("h"))
        #expect(form(state)?.isNew == true)
        state = try await fill(state, "name", "홍길순")
        state = try await fill(state, "birth", "1944")
        state = try await fill(state, "dong", "석수3동")
        state = try await fill(state, "phone", "010-1111-2222")
        let submit = { (state: AppState) async throws -> AppState in
            var state = state
            while form(state)?.form.focus != (form(state)?.form.fields.count ?? 0) - 1 { state = try await press(state, store: store, .tab) }
            return try await press(state, store: store, .enter)
        }
        state = try await submit(state)
        let first = try #require(sheet(state)?.household?.household)
        let chunghun = try await store.dongs().resolve("충훈동")?.code
        #expect(first.name == "홍길순" && first.dongCode == chunghun)
        // The same person again: the form warns and keeps everything; Enter again saves anyway.
        state = try await press(state, store: store, .escape, .character("h"))
        state = try await fill(state, "name", "홍길순")
        state = try await fill(state, "birth", "1944")
        state = try await fill(state, "dong", "충훈동")
        state = try await submit(state)
        #expect(form(state)?.message?.contains("#\(first.id)") == true)
        #expect(form(state)?.form.text("name") == "홍길순")
        state = try await press(state, store: store, .enter)
        #expect(sheet(state)?.household?.household.id == first.id + 1)
    }

    @Test func anEditMadeMeanwhileShowsBothVersionsAndMineCanBeApplied() async throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        var state = try await press(try await state(), store: store, .character("h"), .character("e"))
        let household = try #require(sheet(state)?.household?.household)
        let other = try await DemoDashboard.secondStore(store)
        var theirs = household
        theirs.address = "그분 주소 1"
        try await other.saveHousehold(theirs, expectedVersion: household.version, allowDuplicate: false)
        state = try await fill(state, "address", "내 주소 2")
        while form(state)?.form.focus != (form(state)?.form.fields.count ?? 0) - 1 { state = try await press(state, store: store, .tab) }
        state = try await press(state, store: store, .enter)
        #expect(form(state)?.message?.contains("lee님이") == true)
        #expect(form(state)?.theirs != nil)
        let screen = renderFrame(state, theme: .mono).text
        #expect(screen.contains("그분 그분 주소 1") && screen.contains("나 내 주소 2"))
        #expect(try await store.household(id: household.id).address == "그분 주소 1", "nothing was overwritten")
        state = try await press(state, store: store, .character("m"))
        #expect(try await store.household(id: household.id).address == "내 주소 2")
        #expect(sheet(state)?.mode == .page)
    }

    @Test func aViewerSeesThePageButCannotEdit() async throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let viewer = Access(user: "guest", role: .viewer, isRegistered: false, readOnly: false)
        var state = try await openVolunteer(1, try await state(access: viewer))
        #expect(sheet(state)?.volunteer != nil)
        state = try await press(state, store: store, .character("e"))
        #expect(sheet(state)?.mode == .page)
        #expect(state.notice == viewer.refusal(dongNames: []).ko)
    }

    @Test func theGridTogglesHoursAndADayOffOnAHeldEscortReleasesItAndOpensTheAssignDialog() async throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        var volunteers: [(Int64, EscortRequest)] = []
        for volunteer in try await store.volunteers() {
            let record = try await store.volunteerRecord(id: volunteer.id)
            if let next = record.escorts.first(where: { DropOuts.isHeld($0, now: DemoDashboard.now) }) { volunteers.append((volunteer.id, next)) }
            if volunteers.count == 1 { break }
        }
        let (volunteerID, escort) = try #require(volunteers.first)
        var state = try await openVolunteer(volunteerID, try await state())
        state = try await press(state, store: store, .character("w"))
        guard case .availability(let grid)? = sheet(state)?.mode else { Issue.record("no grid"); return }
        // Monday 07:00 flipped twice is as it was; the whole of Sunday on.
        state = try await press(state, store: store, .character(" "), .character(" "))
        for _ in 0..<6 { state = try await press(state, store: store, .down) }
        state = try await press(state, store: store, .character("a"))
        guard case .availability(let after)? = sheet(state)?.mode else { Issue.record("no grid"); return }
        #expect(after.cells[0] == grid.cells[0])
        #expect(after.cells[6].allSatisfy { $0 } || grid.cells[6].allSatisfy { $0 })
        let day = CivilDate(escort.pickupAt, calendar: store.calendar)
        state = try await press(state, store: store, .tab)
        for _ in 0..<200 { state = try await press(state, store: store, .backspace) }
        state = try await type(state, store: store, "\(day)")
        state = try await press(state, store: store, .enter)
        guard case .dropOuts(_, let listed)? = sheet(state)?.mode else { Issue.record("no drop-outs listed"); return }
        #expect(listed.first?.id == escort.id)
        #expect(renderFrame(state, theme: .mono).text.contains("#\(escort.id)"))
        state = try await press(state, store: store, .character("R"))
        guard case .assign(let dialog) = state.overlay else { Issue.record("the assign dialog did not open"); return }
        #expect(dialog.requestID == listed.first?.id)
        #expect(try await store.request(id: escort.id).status == .pending)
        state = try await press(state, store: store, .enter)
        let reassigned = try await store.request(id: escort.id)
        if listed.count == 1 {
            #expect(reassigned.status == .assigned && reassigned.volunteerID != volunteerID)
        }
        #expect(try await store.checkInvariants().isEmpty)
        #expect(try await store.volunteer(id: volunteerID).daysOff.contains { $0.from == day })
    }
}

/// Golden grids of the volunteer page and its availability grid, Korean and English.
@Suite("Record snapshots", .serialized)
struct RecordSnapshotTests {
    @Test(arguments: [Language.ko, .en])
    func theVolunteerPageAndItsGrid(language: Language) async throws {
        let (store, folder) = try await DemoDashboard.store()
        defer { try? FileManager.default.removeItem(at: folder) }
        var state = try await DemoDashboard.state(width: 120, height: 40, language: language, store: store)
        let effects = state.openVolunteerPage(1)
        state = try await settle(state, effects, store: store)
        var canvas = renderFrame(state, theme: .mono)
        assertWellFormed(canvas)
        assertSnapshot(canvas, named: "volunteer-page-\(language)-120x40")
        state = try await press(state, store: store, .character("w"), .right, .right, .character(" "))
        canvas = renderFrame(state, theme: .mono)
        assertWellFormed(canvas)
        assertSnapshot(canvas, named: "availability-grid-\(language)-120x40")
    }
}
