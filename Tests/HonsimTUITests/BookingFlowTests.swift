import Foundation
import HonsimCore
import Testing
@testable import HonsimStore
@testable import HonsimTUI

/// The booking form (`b`), through `update` and a real store seeded with the demo: opened
/// from the call list and from the requests pane, checked in place (a confirmed booking needs
/// the center's reference), and after a refusal the change of transport it offers.
@Suite("Vehicle booking flows", .serialized)
struct BookingFlowTests {
    let store: SQLiteStore
    let folder: URL

    init() async throws {
        (store, folder) = try await DemoDashboard.store()
    }

    func form(_ state: AppState) -> BookingForm? {
        if case .booking(let form) = state.overlay { return form }
        return nil
    }

    /// The call list of tomorrow, with the cursor on the first escort whose vehicle is still to book.
    func openOnVehicleToBook(width: Int = 120, height: Int = 40, language: Language = .ko) async throws -> (AppState, DayEscort) {
        let start = try await DemoDashboard.state(width: width, height: height, language: language, store: store)
        var state = try await press(start, store: store, .character("C"))
        guard case .calls(let sheet) = state.overlay, let list = sheet.list else { throw BookingFlowProblem.noList }
        let index = try #require(list.escorts.firstIndex { $0.request.transport.needsBooking && $0.booking.status == .toBook },
                                 "the demo has a vehicle to book tomorrow")
        for _ in 0..<index { state = try await press(state, store: store, .down) }
        return (state, list.escorts[index])
    }

    enum BookingFlowProblem: Error { case noList }

    @Test func aConfirmedBookingNeedsTheCentersReferenceAndGoesBackToTheCallList() async throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        var (state, escort) = try await openOnVehicleToBook()
        state = try await press(state, store: store, .character("b"))
        var opened = try #require(form(state))
        #expect(opened.request.id == escort.request.id && opened.status == .toBook && opened.returnTo != nil)
        // Confirmed, and Enter through the fields without a reference: refused in place.
        state = try await press(state, store: store, .right, .right, .enter, .enter, .enter)
        opened = try #require(form(state))
        #expect(opened.status == .confirmed)
        #expect(opened.form.field("reference")?.error == UIText.errorBookingReference.ko)
        #expect(opened.form.fields[opened.form.focus].key == "reference", "the focus goes to the field to fix")
        #expect(try await store.bookings(requestIDs: [escort.request.id]).isEmpty, "nothing written")
        state = try await type(state, store: store, "AY-1201-77")
        state = try await press(state, store: store, .enter)
        state = try await type(state, store: store, "착한수레 5호")
        state = try await press(state, store: store, .enter)
        let stored = try #require(try await store.bookings(requestIDs: [escort.request.id])[escort.request.id])
        #expect(stored.status == .confirmed && stored.reference == "AY-1201-77" && stored.vehicle == "착한수레 5호" && stored.updatedBy == "kim")
        guard case .calls(let sheet) = state.overlay else { Issue.record("expected the call list again, got \(String(describing: state.overlay))"); return }
        #expect(sheet.list?.escorts.first { $0.request.id == escort.request.id }?.booking.status == .confirmed, "the list was read again")
        #expect(state.notice?.contains("예약 확정") == true)
    }

    @Test func aRefusedBookingOffersTheOtherTransportsAndTheChangeIsWrittenToTheRequest() async throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        var (state, escort) = try await openOnVehicleToBook()
        let version = try await store.request(id: escort.request.id).version
        state = try await press(state, store: store, .character("b"), .right, .right, .right, .enter, .enter, .enter)
        #expect(try await store.bookings(requestIDs: [escort.request.id])[escort.request.id]?.status == .refused)
        guard case .transport(let choice) = state.overlay else { Issue.record("expected the change of transport, got \(String(describing: state.overlay))"); return }
        #expect(!choice.options.contains(escort.request.transport) && choice.options.first == .publicTransport)
        // Esc would keep the transport; Enter on public transport changes it.
        state = try await press(state, store: store, .enter)
        let request = try await store.request(id: escort.request.id)
        #expect(request.transport == .publicTransport && request.version == version + 1)
        #expect(try await store.auditLog(in: nil, limit: 1).first?.action == "transport")
        guard case .calls(let sheet) = state.overlay else { Issue.record("expected the call list again, got \(String(describing: state.overlay))"); return }
        #expect(sheet.list?.escorts.first { $0.request.id == escort.request.id }?.vehicleOpen == false)
        #expect(try await store.checkInvariants().isEmpty)
    }

    @Test func keepingTheTransportAfterARefusalGoesBackToTheListUnchanged() async throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        var (state, escort) = try await openOnVehicleToBook()
        state = try await press(state, store: store, .character("b"), .right, .right, .right, .enter, .enter, .enter, .escape)
        guard case .calls = state.overlay else { Issue.record("expected the call list, got \(String(describing: state.overlay))"); return }
        #expect(try await store.request(id: escort.request.id).transport == escort.request.transport)
    }

    @Test func theRequestsPaneOpensTheBookingOfTheSelectedRequestAndOnlyOfABookedTransport() async throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        var state = try await DemoDashboard.state(width: 120, height: 40, store: store)
        let booked = try #require(state.visibleRequests.firstIndex { $0.transport.needsBooking })
        let other = try #require(state.visibleRequests.firstIndex { !$0.transport.needsBooking })
        state.selection[.requests] = other
        state = try await press(state, store: store, .character("b"))
        #expect(state.overlay == nil && state.notice == UIText.bookingNotBooked.ko)
        state.selection[.requests] = booked
        state = try await press(state, store: store, .character("b"))
        let opened = try #require(form(state))
        #expect(opened.request.id == state.visibleRequests[booked].id && opened.returnTo == nil)
        state = try await press(state, store: store, .escape)
        #expect(state.overlay == nil)
    }

    @Test func aViewerCannotOpenTheBookingForm() async throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        var state = try await DemoDashboard.state(width: 120, height: 40, store: store,
                                                  access: Access(user: "park", role: .viewer))
        state.selection[.requests] = try #require(state.visibleRequests.firstIndex { $0.transport.needsBooking })
        state = try await press(state, store: store, .character("b"))
        #expect(form(state) == nil)
    }

    @Test(arguments: [(Language.ko, 80, 24), (.ko, 120, 40), (.en, 80, 24), (.en, 120, 40)])
    func goldens(_ language: Language, _ width: Int, _ height: Int) async throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        var (state, _) = try await openOnVehicleToBook(width: width, height: height, language: language)
        state = try await press(state, store: store, .character("b"), .right, .right, .enter, .enter, .enter)
        assertSnapshot(render(state), named: "booking-\(language.rawValue)-\(width)x\(height)")
        // Refused: the change of transport.
        // Esc on what was typed asks first; yes goes back to the call list it came from.
        state = try await press(state, store: store, .escape, .character("y"))
        guard case .calls = state.overlay else { Issue.record("expected the call list, got \(String(describing: state.overlay))"); return }
        (state, _) = try await openOnVehicleToBook(width: width, height: height, language: language)
        state = try await press(state, store: store, .character("b"), .right, .right, .right, .enter, .enter, .enter)
        assertSnapshot(render(state), named: "transport-\(language.rawValue)-\(width)x\(height)")
    }
}
