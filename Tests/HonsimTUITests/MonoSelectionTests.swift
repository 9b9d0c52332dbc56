import Foundation
import HonsimCore
import Testing
@testable import HonsimStore
@testable import HonsimTUI

/// Without colors (NO_COLOR, vt100) urgent rows are reversed; the selected row must still be
/// told apart from them, on an urgent row and beside one.
@Suite("Mono selection", .serialized)
struct MonoSelectionTests {
    /// The style of the cell under the first column of the `row`th request row.
    func rowStyle(_ canvas: Canvas, row: Int) -> Style {
        // The requests pane: its border on row 1, its header on row 2, rows from row 3.
        canvas[1, 3 + row].style
    }

    @Test func theSelectedRowStandsOutAmongUrgentRows() async throws {
        let (store, folder) = try await DemoDashboard.store()
        defer { try? FileManager.default.removeItem(at: folder) }
        let state = try await DemoDashboard.state(width: 120, height: 40, language: .ko, store: store)
        // The demo's first requests, sorted to do first, are urgent.
        let urgent = state.visibleRequests.prefix(3).allSatisfy { $0.isUrgent(now: state.now) }
        #expect(urgent)
        for selected in [0, 1] {
            let moved = selected == 0 ? state : press(state, .down).0
            let canvas = renderFrame(moved, theme: .mono)
            let chosen = rowStyle(canvas, row: selected), other = rowStyle(canvas, row: 2)
            #expect(other.attributes.contains(.reverse))
            #expect(chosen != other)
            // More than reverse video: underlined whether or not reverse cancels out.
            #expect(chosen.attributes.contains(.underline))
        }
        // And a selected row that is not urgent, beside urgent ones.
        let plain = state.visibleRequests.firstIndex { !$0.isUrgent(now: state.now) } ?? 0
        var far = state
        for _ in 0..<plain { far = press(far, .down).0 }
        let canvas = renderFrame(far, theme: .mono)
        let styles = (3..<(canvas.height - 2)).map { canvas[1, $0].style }
        #expect(styles.filter { $0.attributes.isSuperset(of: [.reverse, .underline]) }.count == 1)
        #expect(styles.contains { $0.attributes.contains(.reverse) && !$0.attributes.contains(.underline) })
    }
}
