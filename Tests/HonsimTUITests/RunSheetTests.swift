import Foundation
import HonsimCore
import Testing
@testable import HonsimStore
@testable import HonsimTUI

/// Run sheets (동행 일지): the printed text form from a fixed store as goldens in Korean and
/// English, the HTML form's print rules, and the dashboard's keys: `P` writes the selected
/// escort's or volunteer's sheet, and the call list's `o` types returned sheets back in.
@Suite("Run sheets", .serialized)
struct RunSheetTests {
    static let day = CivilDate(year: 2026, month: 12, day: 7)

    /// A store with fixed people and one fixed Monday: 정지민 holds two escorts (one by the
    /// center's vehicle, booked), 한수어 one of a household with needs and notes; one escort is
    /// still pending and so on no sheet.
    static func fixedStore() async throws -> (SQLiteStore, URL) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("honsim-sheet-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let now = CivilDate(year: 2026, month: 12, day: 4).start(in: DemoDashboard.calendar).addingTimeInterval(9 * 3600)
        let store = try SQLiteStore(path: folder.appendingPathComponent("cases.sqlite").path, user: "kim", create: true,
                                    timeZone: "Asia/Seoul", clock: { now })
        let seokSu2 = Dong(code: "41171-11", name: "석수2동", gu: "만안구"), pyeongchon = Dong(code: "41173-09", name: "평촌동", gu: "동안구")
        let households = [
            Household(id: 1, dongCode: seokSu2.code, name: "김순자", birthYear: 1941, gender: .female, phone: "010-1234-5678",
                      address: "안양시 만안구 석수로 12, 101동 304호", mobility: .wheelchair, needs: [.hearing], caseManager: "조선영",
                      notes: "계단 없는 출입구 이용", family: FamilyContact(name: "박은정", relation: "딸", phone: "010-5555-6666")),
            Household(id: 2, dongCode: seokSu2.code, name: "박영호", birthYear: 1948, gender: .male, phone: "010-2222-3333",
                      address: "안양시 만안구 삼막로 5"),
            Household(id: 3, dongCode: pyeongchon.code, name: "이말순", birthYear: 1939, gender: .female, phone: "031-444-5555",
                      address: "안양시 동안구 평촌대로 200, 5동 1102호", mobility: .cane, needs: [.vision, .cognitive, .language]),
        ]
        let volunteers = [
            Volunteer(id: 1, dongCode: seokSu2.code, name: "정지민", gender: .female, phone: "010-9000-0001", skills: [.wheelchair],
                      availability: StoreFixtureWeek.allWeek),
            Volunteer(id: 3, dongCode: pyeongchon.code, name: "한수어", gender: .female, phone: "010-9000-0003", availability: StoreFixtureWeek.allWeek),
        ]
        func at(_ hour: Int, _ minute: Int = 0) -> Date { day.start(in: store.calendar).addingTimeInterval(TimeInterval(hour * 3600 + minute * 60)) }
        let requests = [
            EscortRequest(id: 11, householdID: 1, dongCode: seokSu2.code, hospital: "한림대학교성심병원", department: "신경과",
                          appointmentAt: at(10), pickupAt: at(9), pickupPlace: "101동 앞", transport: .centerVehicle, purpose: .clinic,
                          expectedMinutes: 180, notes: "휠체어 리프트 차량", status: .confirmed, volunteerID: 1, createdAt: now, assignedAt: now),
            EscortRequest(id: 12, householdID: 2, dongCode: seokSu2.code, hospital: "안양메트로병원", department: "정형외과",
                          appointmentAt: at(14, 30), pickupAt: at(13, 50), pickupPlace: "집 앞", returnTrip: false, purpose: .rehab,
                          expectedMinutes: 90, status: .assigned, volunteerID: 1, createdAt: now, assignedAt: now),
            EscortRequest(id: 13, householdID: 3, dongCode: pyeongchon.code, hospital: "평촌성모안과", department: "안과",
                          appointmentAt: at(11), pickupAt: at(10, 20), pickupPlace: "5동 경비실", purpose: .tests, expectedMinutes: 120,
                          status: .assigned, volunteerID: 3, createdAt: now, assignedAt: now),
            EscortRequest(id: 14, householdID: 2, dongCode: seokSu2.code, hospital: "안양메트로병원", appointmentAt: at(16),
                          pickupAt: at(15, 20), createdAt: now),
        ]
        try await store.load(StoreData(dongs: [seokSu2, pyeongchon], households: households, volunteers: volunteers, requests: requests),
                             replacingExisting: false)
        try await store.setBooking(requestID: 11, status: .confirmed, reference: "착-1207-03", vehicle: "착한수레 3호")
        return (store, folder)
    }

    func document(_ store: SQLiteStore, _ language: Language) async throws -> RunSheetDocument {
        RunSheetDocument(sheets: try await store.runSheets(on: RunSheetTests.day, volunteerID: nil), officePhone: "031-389-0000",
                         language: language, calendar: store.calendar, dongs: try await store.dongs())
    }

    @Test(arguments: [Language.ko, .en]) func theTextFormPrintsOnePagePerVolunteerIn80Columns(_ language: Language) async throws {
        let (store, folder) = try await RunSheetTests.fixedStore()
        defer { try? FileManager.default.removeItem(at: folder) }
        let text = try await document(store, language).text()
        assertGolden(text, named: "run-sheet-\(language.rawValue)")
        #expect(text.split(separator: "\u{0C}").count == 2, "정지민's page, then 한수어's")
        #expect(text.split(separator: "\n").allSatisfy { DisplayWidth.of(String($0)) <= 80 })
    }

    @Test func theHTMLFormIsSelfContainedPrintsOnA4AndEscapesData() async throws {
        let (store, folder) = try await RunSheetTests.fixedStore()
        defer { try? FileManager.default.removeItem(at: folder) }
        var household = try await store.household(id: 2)
        household.notes = "<script>alert(1)</script> & \"따옴표\""
        try await store.saveHousehold(household, expectedVersion: nil, allowDuplicate: true)
        let html = try await document(store, .ko).html()
        #expect(html.contains("@page { size: A4") && html.contains("break-after: page"))
        #expect(html.contains("\"Noto Sans CJK KR\", \"Noto Sans KR\", \"NanumGothic\", \"Malgun Gothic\", \"Apple SD Gothic Neo\", sans-serif"))
        #expect(!html.contains("<script") && html.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;따옴표&quot;"))
        #expect(!html.contains("http://") && !html.contains("https://") && !html.contains("<link"), "nothing fetched")
        #expect(html.components(separatedBy: "<section class=\"page\">").count == 3)
        #expect(!html.contains("color: #") || !html.contains("color: red"), "no meaning in colour")
    }

    @Test func P_writesTheSelectedEscortsVolunteersSheetAndTheStatusLineSaysWhere() async throws {
        let (store, folder) = try await DemoDashboard.store()
        defer { try? FileManager.default.removeItem(at: folder) }
        var state = try await DemoDashboard.state(width: 120, height: 40, store: store)
        state.session.sheet = SheetSettings(officePhone: "031-389-0000", folder: folder.path)
        let index = try #require(state.visibleRequests.firstIndex { $0.volunteerID != nil }, "the demo lists an escort with a volunteer")
        for _ in 0..<index { state = update(state, .key(.down)).0 }
        let request = try #require(state.selectedRequest)
        state = try await press(state, store: store, .character("P"))
        let name = "honsim-sheet-\(CivilDate(request.appointmentAt, calendar: store.calendar))-v\(request.volunteerID ?? 0).html"
        let path = folder.appendingPathComponent(name).path
        #expect(state.notice?.hasSuffix(path) == true, "\(state.notice ?? "")")
        let html = try String(contentsOfFile: path, encoding: .utf8)
        #expect(html.contains("#\(request.id)") && html.contains("031-389-0000"))
        let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
        #expect(mode == 0o600)
        #expect(try await store.accessLog(AccessLogQuery()).contains { $0.source == .sheet })
        // A second sheet of the same volunteer and day sits beside the first.
        state = try await press(state, store: store, .character("P"))
        #expect(state.notice?.hasSuffix("-2.html") == true)

        // From the volunteers pane: the selected volunteer's sheet of tomorrow, or why there is none.
        state = try await press(state, store: store, .character("2"), .character("P"))
        #expect(state.notice?.contains("동행 일지를 저장했습니다") == true || state.notice?.contains("맡겨진 동행이 없습니다") == true,
                "\(state.notice ?? "")")
    }

    @Test func theCallListWritesTheSelectedEscortsSheetAndTypesReturnedSheetsInOrder() async throws {
        let (store, folder) = try await DemoDashboard.store()
        defer { try? FileManager.default.removeItem(at: folder) }
        let calendar = store.calendar
        let today = CivilDate(DemoDashboard.now, calendar: calendar)
        // Two of today's escorts under way, of two volunteers if the demo has them.
        let held = try await store.escorts(on: today).escorts.filter { $0.request.volunteerID != nil && !$0.request.status.isEnd }
        #expect(held.count >= 2, "the demo has escorts today")
        for escort in held.prefix(3) {
            if escort.request.status == .assigned { try await store.perform(.confirm, requestID: escort.request.id, details: ActionDetails(), expectedVersion: nil) }
            if escort.request.status != .inProgress { try await store.perform(.start, requestID: escort.request.id, details: ActionDetails(), expectedVersion: nil) }
        }
        let expected = RunSheets.sheetOrder(try await store.escorts(on: today)).map(\.request).filter { $0.status == .inProgress }.map(\.id)
        #expect(expected.count >= 2)

        var state = try await DemoDashboard.state(width: 120, height: 40, store: store)
        state.session.sheet = SheetSettings(folder: folder.path)
        state = try await press(state, store: store, .character("C"), .character("["))
        guard case .calls(let sheet) = state.overlay else { Issue.record("the call list is open"); return }
        #expect(sheet.day == today)
        // P on the list: the selected escort's volunteer's sheet of the list's day.
        let first = try #require(sheet.list?.escorts.firstIndex { $0.request.volunteerID != nil })
        for _ in 0..<first { state = try await press(state, store: store, .down) }
        state = try await press(state, store: store, .character("P"))
        #expect(state.notice?.contains("honsim-sheet-\(today)-v") == true, "\(state.notice ?? "")")

        // o: the completion form on each escort under way, in the sheets' order.
        state = try await press(state, store: store, .character("o"))
        var typed: [Int64] = []
        while case .action(let form) = state.overlay, form.action == .complete {
            typed.append(form.request.id)
            if typed.count == expected.count { break }
            // As the sheet says: the minutes, the outcome, what the doctor said, follow-up.
            state = try await press(state, store: store, .control("u"))
            state = try await type(state, store: store, "150")
            state = try await press(state, store: store, .tab)
            state = try await type(state, store: store, "진료 마침")
            state = try await press(state, store: store, .tab)
            state = try await type(state, store: store, "2주 뒤 재진")
            // Enter past the three expense amounts, left empty (nothing paid back), saves.
            state = try await press(state, store: store, .tab, .enter, .enter, .enter, .enter)
        }
        #expect(typed == expected, "one form after another in the sheets' order")
        // Esc on the last one stops: nothing more opens, and it is not completed.
        state = try await press(state, store: store, .escape)
        #expect({ if case .action = state.overlay { return false }; return true }())
        let statuses = try await expected.asyncMap { try await store.request(id: $0).status }
        #expect(statuses.dropLast().allSatisfy { $0 == .completed } && statuses.last == .inProgress)
    }
}

/// Every hour of every day, for the fixed volunteers.
enum StoreFixtureWeek {
    static var allWeek: WeeklyAvailability {
        WeeklyAvailability(Weekday.allCases.map { AvailabilityWindow(weekday: $0, start: ClockTime(minutes: 0), end: ClockTime(minutes: 24 * 60)) })
    }
}

extension Sequence {
    func asyncMap<T>(_ transform: (Element) async throws -> T) async rethrows -> [T] {
        var result: [T] = []
        for element in self { result.append(try await transform(element)) }
        return result
    }
}
