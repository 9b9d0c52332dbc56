import Foundation
import HonsimCore
import Testing
@testable import HonsimStore
@testable import HonsimTUI

/// Both forms of the run sheets byte for byte, so that making them faster cannot change what
/// is printed: the fixed store's day with data that has to be cleaned, escaped and wrapped
/// (escape sequences, tabs, C1 controls, a no-break space, markup, combining marks, emoji, long
/// notes), and the demo's day after the demo's moment as a coordinator of one dong sees it, the
/// other dongs' households masked.
@Suite("Run sheets, byte for byte", .serialized)
struct RunSheetOutputTests {
    /// The fixed store of `RunSheetTests` with awkward data on its households and escorts.
    static func awkwardStore() async throws -> (SQLiteStore, URL) {
        let (store, folder) = try await RunSheetTests.fixedStore()
        var first = try await store.household(id: 1)
        first.notes = "계단 없는 출입구\t이용 \u{1B}[31m빨강\u{1B}[0m · 보청기 \u{85}착용\u{9B}2J 확인, 출입구 비밀번호는 전화로 "
            + "물어보기 & 엘리베이터 <3층> \"점검 중\" — 아주 긴 유의 사항이라 한 줄에 들어가지 않고 여러 줄로 접혀야 합니다 Lorem ipsum dolor sit amet"
        first.address = "안양시 만안구 석수로\u{A0}12, 101동 304호 (e\u{301}cole) \u{1F600}"
        first.family = FamilyContact(name: "박은정 <딸>", relation: "딸 & 사위", phone: "010-5555-6666")
        try await store.saveHousehold(first, expectedVersion: nil, allowDuplicate: true)
        var third = try await store.household(id: 3)
        third.name = "  이말순\u{7}  "
        third.caseManager = "조선영 \u{1B}]0;title\u{7}주무관"
        try await store.saveHousehold(third, expectedVersion: nil, allowDuplicate: true)
        return (store, folder)
    }

    func document(_ store: SQLiteStore, day: CivilDate, _ language: Language) async throws -> RunSheetDocument {
        RunSheetDocument(sheets: try await store.runSheets(on: day, volunteerID: nil), officePhone: "031-389-0000",
                         language: language, calendar: store.calendar, dongs: try await store.dongs())
    }

    @Test(arguments: [Language.ko, .en]) func awkwardDataIsCleanedEscapedAndWrappedAsBefore(_ language: Language) async throws {
        let (store, folder) = try await RunSheetOutputTests.awkwardStore()
        defer { try? FileManager.default.removeItem(at: folder) }
        let document = try await document(store, day: RunSheetTests.day, language)
        let text = document.text(), html = document.html()
        assertGolden(text, named: "run-sheet-awkward-\(language.rawValue)")
        assertGolden(html, named: "run-sheet-awkward-html-\(language.rawValue)")
        #expect(!text.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x85 || $0.value == 0x9B || $0.value == 0x07 })
        #expect(html.contains("&lt;3층&gt; &quot;점검 중&quot;") && html.contains("\u{A0}12"))
    }

    @Test func theDemosDayAsACoordinatorOfOneDongIsPrintedAsBefore() async throws {
        let (store, folder) = try await DemoDashboard.store()
        defer { try? FileManager.default.removeItem(at: folder) }
        let day = CivilDate(DemoDashboard.now, calendar: store.calendar).adding(days: 1, calendar: store.calendar)
        let dong = try #require(try await store.escorts(on: day).escorts.first { $0.volunteer != nil }?.request.dongCode)
        try await store.addUser(name: "park", role: .coordinator, dongs: [dong], displayName: "박")
        let park = try SQLiteStore(path: store.location, user: "park", clock: { DemoDashboard.now })
        let document = try await document(park, day: day, .ko)
        #expect(document.sheets.pages.count > 1 && !document.sheets.householdsInFull.isEmpty)
        assertGolden(document.text(), named: "run-sheet-demo-day-ko")
        assertGolden(document.html(), named: "run-sheet-demo-day-html-ko")
    }
}
