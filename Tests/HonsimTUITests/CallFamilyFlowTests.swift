import Foundation
import HonsimCore
import Testing
@testable import HonsimStore
@testable import HonsimTUI

/// The call list (`C`) and a household's family contact: the selected escort's line names the
/// family and their phone, `f` (a call with the family) shows whom to call, and a coordinator of
/// another dong sees them masked by the one rule; the call is recorded as the family's.
@Suite("Call list: the family contact", .serialized)
struct CallFamilyFlowTests {
    func sheet(_ state: AppState) -> CallSheet? {
        if case .calls(let sheet) = state.overlay { return sheet }
        return nil
    }

    /// Tomorrow's list with the cursor on the first escort whose household has a family contact.
    func openOnFamily(_ store: SQLiteStore, access: Access = .unrestricted(user: "kim")) async throws -> (AppState, DayEscort) {
        let start = try await DemoDashboard.state(width: 120, height: 40, store: store, access: access)
        var state = try await press(start, store: store, .character("C"))
        let list = try #require(sheet(state)?.list)
        let index = try #require(list.escorts.firstIndex { !$0.household.family.isEmpty }, "the demo gives about half the households a family contact")
        for _ in 0..<index { state = try await press(state, store: store, .down) }
        return (state, list.escorts[index])
    }

    @Test func fShowsTheFamilyPhoneAndTheCallIsRecordedAsTheFamilys() async throws {
        let (store, folder) = try await DemoDashboard.store()
        defer { try? FileManager.default.removeItem(at: folder) }
        var (state, escort) = try await openOnFamily(store)
        let family = escort.household.family
        let line = "\(family.name) (\(family.relation)) \(family.phone)"
        #expect(render(state).text.contains("가족 " + line), "the selected escort's line")
        state = try await press(state, store: store, .character("f"))
        #expect(render(state).text.contains("가족 \(line) → "), "whom to call, before the result")
        state = try await press(state, store: store, .character("y"), .escape)
        let attempts = try await store.escorts(on: sheet(state)?.day ?? CivilDate(year: 2026, month: 12, day: 1)).escorts
            .first { $0.request.id == escort.request.id }?.attempts ?? []
        #expect(attempts.last?.party == .family && attempts.last?.result == .confirmed)
    }

    @Test func anotherDongsCoordinatorSeesTheFamilyMasked() async throws {
        let (store, folder) = try await DemoDashboard.store()
        defer { try? FileManager.default.removeItem(at: folder) }
        let (_, any) = try await openOnFamily(store)
        let dongs = try await store.dongs()
        let other = try #require(dongs.dongs.first { $0.code != any.household.dongCode })
        let access = Access(user: "park", role: .coordinator, dongCodes: [other.code])
        var (state, escort) = try await openOnFamily(store, access: access)
        try #require(escort.household.dongCode != other.code)
        let masked = escort.household.family.masked
        state = try await press(state, store: store, .character("f"))
        let screen = render(state).text
        #expect(screen.contains("가족 \(masked.name) (\(masked.relation)) \(masked.phone) → "))
        #expect(!screen.contains(escort.household.family.phone))
    }
}
