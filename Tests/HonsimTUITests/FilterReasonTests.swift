import Foundation
import HonsimCore
import Testing
@testable import HonsimStore
@testable import HonsimTUI

/// A row that matches the filter through something it does not show says how.
@Suite("Why a row matches the filter", .serialized)
struct FilterReasonTests {
    @Test(arguments: Language.allCases)
    func aFormerDongNameIsNamedBesideTheFilter(language: Language) async throws {
        let (store, folder) = try await DemoDashboard.store()
        defer { try? FileManager.default.removeItem(at: folder) }
        let state = try await DemoDashboard.state(width: 120, height: 40, language: language, store: store)
        let typing = type(press(state, .character("/")).0, "석수")
        // 충훈동 was 석수3동: its rows are listed, and the filter line says why.
        #expect(typing.visibleRequests.contains { typing.dongName($0.dongCode) == "충훈동" })
        let reason = language == .ko ? "옛 이름 석수3동→충훈동" : "former name 석수3동→충훈동"
        #expect(render(typing).text.contains(reason))
        // Once the filter is set, the pane's badge keeps saying it.
        let set = press(typing, .enter).0
        #expect(render(set).text.contains("/석수 (\(reason)"))
        if language == .ko { assertSnapshot(render(typing), named: "filter-former-name-ko-120x40") }
    }

    @Test func initialsAndRequestNumbersAreNamedToo() async throws {
        let (store, folder) = try await DemoDashboard.store()
        defer { try? FileManager.default.removeItem(at: folder) }
        let state = try await DemoDashboard.state(width: 120, height: 40, language: .en, store: store)
        let initials = type(press(state, .character("/")).0, "ㅅㅅ")
        #expect(render(initials).text.contains("initials ㅅㅅ"))
        let target = try #require(state.visibleRequests.dropFirst(5).first)
        let byNumber = type(press(state, .character("/")).0, "#\(target.id)")
        #expect(byNumber.visibleRequests.contains { $0.id == target.id })
        #expect(render(byNumber).text.contains("request number #\(target.id)"))
        // Plain words need no reason.
        #expect(FilterReason.describe("내과", dongs: state.data?.dongs.dongs ?? [], language: .en) == nil)
    }
}
