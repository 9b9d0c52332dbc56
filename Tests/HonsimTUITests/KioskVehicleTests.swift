import Foundation
import HonsimCore
import Testing
@testable import HonsimStore
@testable import HonsimTUI

/// The kiosk's today board says 차량 미확정 for an escort inside its booking deadline without
/// a confirmed vehicle, by the centers' rules it is given; names stay masked.
@Suite("Kiosk vehicles", .serialized)
struct KioskVehicleTests {
    @Test func anEscortWaitingForItsVehicleSaysSoOnTheBoardAndTheCountsLine() async throws {
        let (store, folder) = try await DemoDashboard.store()
        defer { try? FileManager.default.removeItem(at: folder) }
        let data = try await KioskLoader.load(store, now: DemoDashboard.now)
        let waiting = data.board.filter(\.vehicleUnconfirmed)
        #expect(waiting.count == 1, "the demo's escort of today still waiting for the center's answer")
        let row = try #require(waiting.first)
        let booking = try await store.bookings(requestIDs: [row.requestID])[row.requestID]
        #expect(booking?.status == .requested)
        #expect(row.household.contains("*"), "masked as always")

        var state = KioskState(width: 80, height: 24, language: .ko, calendar: store.calendar, now: DemoDashboard.now, views: [.board])
        state = kioskUpdate(state, .loaded(data)).0
        let text = renderKiosk(state, theme: .mono).text
        #expect(text.contains("차량 미확정 1"), "counted on the counts line")
        #expect(text.components(separatedBy: "차량 미확정").count - 1 == 2, "and on its row")

        // Once the center confirms, the board says nothing of it.
        try await store.setBooking(requestID: row.requestID, status: .confirmed, reference: "AY-1", vehicle: "")
        #expect(try await KioskLoader.load(store, now: DemoDashboard.now).board.allSatisfy { !$0.vehicleUnconfirmed })
    }

    @Test func theCentersRulesGivenToTheKioskDecide() async throws {
        let (store, folder) = try await DemoDashboard.store()
        defer { try? FileManager.default.removeItem(at: folder) }
        // A warning of no hours: nothing is inside its deadline's warning yet but past deadlines.
        var rules = VehicleRules.anyang
        rules.warning = 0
        rules.rules[.taxi]?.cutoff = ClockTime(minutes: 23 * 60)
        rules.rules[.taxi]?.daysAhead = 0
        let data = try await KioskLoader.load(store, now: DemoDashboard.now, vehicleRules: rules)
        #expect(data.board.allSatisfy { !$0.vehicleUnconfirmed }, "a taxi booked by 23:00 the same day is not late at 10:00")
    }
}
