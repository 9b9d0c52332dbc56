import Foundation
import HonsimCore
import Testing
@testable import HonsimStore
@testable import HonsimTUI

/// Golden snapshots of each kiosk view on the demo data, at 80x24 and on a large hall screen
/// (160x48), and the check that matters most: no full name or phone on any of them.
@Suite("Kiosk snapshots", .serialized)
struct KioskSnapshotTests {
    static let sizes = [(80, 24), (160, 48)]

    func render(_ state: KioskState) -> Canvas {
        let canvas = renderKiosk(state, theme: .mono)
        assertWellFormed(canvas)
        return canvas
    }

    /// Every household's and volunteer's name and phone in the store, which no kiosk screen
    /// may show. Names of one syllable mask to "*" and are too short to look for.
    func personalData(_ store: SQLiteStore) async throws -> [String] {
        let households = try await store.households()
        let volunteers = try await store.volunteers()
        return (households.map(\.name) + volunteers.map(\.name)).filter { $0.count >= 2 }
            + (households.map(\.phone) + volunteers.map(\.phone)).filter { !$0.isEmpty }
    }

    func assertNothingPersonal(_ canvas: Canvas, _ personal: [String], sourceLocation: SourceLocation = #_sourceLocation) {
        let text = canvas.text
        for item in personal where text.contains(item) {
            Issue.record("the kiosk shows \(item)", sourceLocation: sourceLocation)
        }
    }

    @Test(arguments: Language.allCases)
    func everyViewAtEachSize(language: Language) async throws {
        let (store, folder) = try await DemoDashboard.store()
        defer { try? FileManager.default.removeItem(at: folder) }
        let data = try await KioskLoader.load(store, now: DemoDashboard.now)
        let personal = try await personalData(store)
        #expect(personal.count > 500)
        for (width, height) in Self.sizes {
            var state = KioskState(width: width, height: height, language: language, calendar: store.calendar, now: DemoDashboard.now)
            state = kioskUpdate(state, .loaded(data)).0
            // Every screen of one turn of the rotation.
            for screen in state.screens {
                while state.screen != screen { state = kioskUpdate(state, .tick(state.now.addingTimeInterval(state.rotateSeconds))).0 }
                let canvas = render(state)
                assertNothingPersonal(canvas, personal)
                // The first page of each view is kept as a golden; the others are checked above.
                if screen.page == 0 {
                    assertSnapshot(canvas, named: "kiosk-\(screen.view)-\(language)-\(width)x\(height)")
                }
            }
        }
    }

    @Test func theBoardShowsMaskedHouseholdsAndVolunteerInitials() async throws {
        let (store, folder) = try await DemoDashboard.store()
        defer { try? FileManager.default.removeItem(at: folder) }
        let data = try await KioskLoader.load(store, now: DemoDashboard.now)
        let today = try await store.requests(in: TimeSpan(start: CivilDate(DemoDashboard.now, calendar: store.calendar).start(in: store.calendar),
                                                          minutes: 24 * 60))
        #expect(data.board.map(\.requestID) == today.map(\.id))
        for (row, request) in zip(data.board, today) {
            let household = try await store.household(id: request.householdID)
            #expect(row.household == Masking.name(household.name))
            if let id = request.volunteerID {
                #expect(row.volunteer == Masking.initials(try await store.volunteer(id: id).name))
            } else {
                #expect(row.volunteer.isEmpty)
            }
        }
        #expect(data.city == (try await store.statistics(for: .thisMonth(now: DemoDashboard.now, calendar: store.calendar), now: DemoDashboard.now)).city)
        #expect(data.gus.map(\.name) == ["만안구", "동안구"])
        #expect(data.dongs.count == 31)
    }

    @Test func theStoreUnreachableAndTheQuestionBeforeClosing() async throws {
        let (store, folder) = try await DemoDashboard.store()
        defer { try? FileManager.default.removeItem(at: folder) }
        // Never reached since it started: it says so in the middle, and what it is doing.
        var state = KioskState(width: 80, height: 24, language: .en, calendar: store.calendar, now: DemoDashboard.now)
        // Before the store first answers, the footer does not claim a connection.
        let footer = { (canvas: Canvas) in canvas.text.split(separator: "\n").last.map(String.init) ?? "" }
        #expect(footer(render(state)).contains("loading…") && !footer(render(state)).contains("connected"))
        state = kioskUpdate(state, .failed("cannot open the store")).0
        assertSnapshot(render(state), named: "kiosk-unreachable-en-80x24")
        state = kioskUpdate(state, .loaded(try await KioskLoader.load(store, now: DemoDashboard.now))).0
        #expect(footer(render(state)).contains("connected"))
        state = kioskUpdate(state, .key(.character("q"))).0
        assertSnapshot(render(state), named: "kiosk-confirm-quit-en-80x24")
    }

    @Test func anEmptyStoreSaysThereIsNothingToday() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("honsim-kiosk-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = try SQLiteStore(path: folder.appendingPathComponent("empty.sqlite").path, create: true)
        var state = KioskState(width: 80, height: 24, language: .ko, calendar: store.calendar, now: DemoDashboard.now)
        state = kioskUpdate(state, .loaded(try await KioskLoader.load(store, now: DemoDashboard.now))).0
        #expect(render(state).text.contains("오늘은 동행 일정이 없습니다"))
        state = kioskUpdate(state, .tick(state.now.addingTimeInterval(state.rotateSeconds))).0
        #expect(render(state).text.contains("이번 달 자료가 아직 없습니다"))
    }

    @Test func everyKioskPhraseHasBothLanguages() {
        for phrase in KioskText.all {
            #expect(!phrase.ko.isEmpty && !phrase.en.isEmpty && phrase.ko != phrase.en, "\(phrase)")
        }
    }
}
