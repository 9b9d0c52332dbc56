import Foundation
import HonsimCore
@testable import HonsimStore
import Testing

/// The day before, on both backends: calls recorded and audited, the escorts of a day with
/// their readiness, vehicle bookings, the record of reminder messages that keeps one from
/// going out twice, and the statistics that count the calls.
@Suite("The day before")
struct DayBeforeStoreTests {
    /// The fixture's Monday as a civil date.
    func monday(_ fixture: StoreFixture) -> CivilDate { CivilDate(fixture.monday, calendar: fixture.calendar) }

    /// Three escorts on Monday (two held, one still pending, the second by the center's
    /// vehicle) and one on Tuesday.
    func loadDay(_ fixture: StoreFixture) async throws {
        try await fixture.load([
            fixture.request(1, household: 1, day: 0, hour: 9, status: .assigned, volunteer: 1),
            fixture.request(2, household: 3, day: 0, hour: 13, status: .assigned, volunteer: 3, transport: .centerVehicle),
            fixture.request(3, household: 4, day: 0, hour: 15),
            fixture.request(4, household: 1, day: 1, hour: 9, status: .assigned, volunteer: 1),
        ])
    }

    @Test(arguments: Backend.all) func theEscortsOfADayComeWithTheirCallsInTheCallListsOrder(_ backend: Backend) async throws {
        let fixture = try await StoreFixture.make(backend)
        defer { fixture.remove() }
        try await loadDay(fixture)
        var day = try await fixture.store.escorts(on: monday(fixture))
        #expect(day.escorts.map(\.request.id) == [3, 1, 2], "no volunteer first, then the unreached by pickup; Tuesday's is not there")
        #expect(day.summary == EscortDay.Summary(total: 3, ready: 0, unreached: 2, needsAction: 0, noVolunteer: 1, vehiclesToBook: 1))
        #expect(day.escorts.first { $0.request.id == 2 }?.booking.status == .toBook, "the center's vehicle is to book until someone books it")
        #expect(day.escorts.first { $0.request.id == 1 }?.volunteer?.name == "정지민")
        #expect(day.escorts.first { $0.request.id == 1 }?.household.phone == "010-1234-5678")

        let first = try await fixture.store.recordAttempt(requestID: 1, party: .volunteer, result: .confirmed, note: "  8시 50분 도착  ")
        #expect(first.id > 0 && first.by == "kim" && first.note == "8시 50분 도착")
        try await fixture.store.recordAttempt(requestID: 1, party: .household, result: .noAnswer, note: "")
        try await fixture.store.recordAttempt(requestID: 1, party: .family, result: .confirmed, note: "딸과 통화")
        try await fixture.store.recordAttempt(requestID: 2, party: .household, result: .askedToChange, note: "오후로")
        day = try await fixture.store.escorts(on: monday(fixture))
        #expect(day.escorts.map(\.request.id) == [2, 3, 1])
        #expect(day.escorts.map(\.readiness) == [.needsAction, .noVolunteer, .ready])
        #expect(day.summary.ready == 1 && day.summary.needsAction == 1 && day.summary.unreached == 0)
        let attempts = try await fixture.store.contactAttempts(requestID: 1)
        #expect(attempts.map(\.party) == [.volunteer, .household, .family])
        #expect(attempts.map(\.result) == [.confirmed, .noAnswer, .confirmed])

        let audit = try await fixture.store.auditLog(in: nil, limit: 1)
        #expect(audit.first?.action == "call" && audit.first?.entity == "call" && audit.first?.entityID == "2")
        #expect(audit.first?.after?.contains("asked_to_change") == true)
        #expect(try await fixture.store.checkInvariants().isEmpty)
    }

    /// The day is read as one row per escort (request, household and booking side by side,
    /// by position): each part must be what reading it alone gives, to the last field.
    @Test(arguments: Backend.all) func eachEscortOfTheDayIsItsRequestHouseholdAndBookingAsReadAlone(_ backend: Backend) async throws {
        let fixture = try await StoreFixture.make(backend)
        defer { fixture.remove() }
        try await loadDay(fixture)
        try await fixture.store.setBooking(requestID: 2, status: .confirmed, reference: "AY-1207-031", vehicle: "착한수레 3호")
        try await fixture.store.perform(.confirm, requestID: 1, details: ActionDetails(), expectedVersion: nil)
        try await fixture.store.perform(.start, requestID: 1, details: ActionDetails(), expectedVersion: nil)
        try await fixture.store.perform(.complete, requestID: 1, details: ActionDetails(actualMinutes: 95, outcome: "정기 진료", doctorNotes: "2주 뒤",
                                                                                       followUp: true), expectedVersion: nil)
        let day = try await fixture.store.escorts(on: monday(fixture))
        #expect(day.escorts.count == 3)
        for escort in day.escorts {
            #expect(escort.request == (try await fixture.store.request(id: escort.request.id)))
            #expect(escort.household == (try await fixture.store.household(id: escort.request.householdID)))
            #expect(escort.volunteer?.id == escort.request.volunteerID)
        }
        let booked = try #require(day.escorts.first { $0.request.id == 2 })
        #expect(booked.booking == (try await fixture.store.bookings(requestIDs: [2]))[2])
        let completed = try #require(day.escorts.first { $0.request.id == 1 })
        #expect(completed.request.completion?.doctorNotes == "2주 뒤" && completed.request.completion?.followUp == true)
        #expect(day.escorts.first { $0.request.id == 3 }?.booking.status == .notNeeded, "no booking row: by public transport, none is needed")
    }

    /// The call list's first screen: the whole day's order and counts, worked out from a few
    /// cells of each request and its booking's status, and the first escorts read whole. For
    /// every length, what comes must be the whole day's read cut there, with the whole day's counts.
    @Test(arguments: Backend.all) func aDayReadAScreenAtATimeIsTheWholeDayCutAfterItsFirstEscorts(_ backend: Backend) async throws {
        let fixture = try await StoreFixture.make(backend)
        defer { fixture.remove() }
        try await fixture.load([
            fixture.request(1, household: 1, day: 0, hour: 9, status: .assigned, volunteer: 1),
            fixture.request(2, household: 3, day: 0, hour: 13, status: .assigned, volunteer: 3, transport: .centerVehicle),
            fixture.request(3, household: 4, day: 0, hour: 15),
            fixture.request(4, household: 1, day: 1, hour: 9, status: .assigned, volunteer: 1),
            fixture.request(5, household: 2, day: 0, hour: 9, status: .assigned, volunteer: 2, transport: .taxi),
            fixture.request(6, household: 4, day: 0, hour: 11, status: .assigned, volunteer: 5, transport: .centerVehicle),
            fixture.request(7, household: 2, day: 0, hour: 16, transport: .taxi),
            fixture.request(8, household: 3, day: 0, hour: 17, status: .assigned, volunteer: 3),
            // The same pickup as request 2, and as unreached: the tie goes by request.
            fixture.request(9, household: 1, day: 0, hour: 13, status: .assigned, volunteer: 2),
        ])
        let store = fixture.store
        try await store.perform(.cancel, requestID: 8, details: ActionDetails(reason: "입원"), expectedVersion: nil)
        try await store.setBooking(requestID: 6, status: .confirmed, reference: "AY-1207-031", vehicle: "착한수레 3호")
        try await store.setBooking(requestID: 5, status: .refused, reference: "", vehicle: "")
        try await store.setBooking(requestID: 2, status: .requested, reference: "", vehicle: "")
        for (request, party) in [(6, ContactParty.volunteer), (6, .household), (1, .volunteer), (1, .household)] {
            try await store.recordAttempt(requestID: Int64(request), party: party, result: .confirmed, note: "")
        }
        try await store.recordAttempt(requestID: 1, party: .household, result: .askedToChange, note: "오후로")
        try await store.recordAttempt(requestID: 5, party: .volunteer, result: .noAnswer, note: "")

        let whole = try await store.escorts(on: monday(fixture))
        #expect(whole.isWhole && whole.escorts.map(\.request.id) == [1, 3, 7, 5, 2, 9, 6],
                "asked to change, no volunteer (by pickup), unreached (by pickup, then request), ready")
        #expect(whole.summary == EscortDay.Summary(total: 7, ready: 1, unreached: 3, needsAction: 1, noVolunteer: 2, vehiclesToBook: 3))
        for count in 0...9 {
            let first = try await store.escorts(on: monday(fixture), detailing: count)
            #expect(first.summary == whole.summary, "\(count) read whole")
            #expect(first.escorts == Array(whole.escorts.prefix(count)), "\(count) read whole")
            #expect(first.isWhole == (count >= 7))
        }
        let empty = try await store.escorts(on: monday(fixture).adding(days: 3, calendar: fixture.calendar), detailing: 100)
        #expect(empty.isWhole && empty.escorts.isEmpty && empty.summary.total == 0)
    }

    /// A volunteer's confirmation is theirs: once another volunteer holds the escort (released
    /// from the dashboard, then assigned again), its volunteer side is to call again, in the
    /// whole day and in its first screen alike.
    @Test(arguments: Backend.all) func aReplacedVolunteersConfirmationDoesNotMakeTheEscortReady(_ backend: Backend) async throws {
        let fixture = try await StoreFixture.make(backend)
        defer { fixture.remove() }
        try await loadDay(fixture)
        let store = fixture.store
        try await store.recordAttempt(requestID: 1, party: .volunteer, result: .confirmed, note: "")
        try await store.recordAttempt(requestID: 1, party: .household, result: .confirmed, note: "")
        #expect(try await store.escorts(on: monday(fixture)).escorts.first { $0.request.id == 1 }?.readiness == .ready)
        // Times are kept to the second: the new assignment comes in a later one.
        try await Task.sleep(for: .milliseconds(1_100))
        try await store.perform(.release, requestID: 1, details: ActionDetails(reason: "사정"), expectedVersion: nil)
        try await store.assign(requestID: 1, volunteerID: 2, expectedVersion: nil, override: true)
        for day in [try await store.escorts(on: monday(fixture)), try await store.escorts(on: monday(fixture), detailing: 10)] {
            let escort = try #require(day.escorts.first { $0.request.id == 1 })
            #expect(escort.volunteer?.id == 2 && escort.readiness == .unreached)
            #expect(escort.sides.volunteer.attempts == 0 && escort.sides.household.confirmed)
            #expect(day.summary.ready == 0)
        }
    }

    @Test(arguments: Backend.all) func theHouseholdPageCarriesTheCallsWithTheirNotesOnlyInFull(_ backend: Backend) async throws {
        let fixture = try await StoreFixture.make(backend)
        defer { fixture.remove() }
        try await loadDay(fixture)
        try await fixture.store.recordAttempt(requestID: 1, party: .household, result: .leftMessage, note: "딸에게 전달")
        try await fixture.store.recordAttempt(requestID: 4, party: .volunteer, result: .confirmed, note: "")
        let full = try await fixture.store.householdRecord(id: 1, reveal: .full(requestID: 1))
        #expect(full.calls.map(\.requestID) == [4, 1], "newest first")
        #expect(full.attempts[1]?.first?.note == "딸에게 전달")
        let masked = try await fixture.store.householdRecord(id: 1, reveal: .masked)
        #expect(masked.attempts[1]?.first?.result == .leftMessage && masked.attempts[1]?.first?.note == "")
    }

    @Test(arguments: Backend.all) func aDayWithNothingOnItIsEmpty(_ backend: Backend) async throws {
        let fixture = try await StoreFixture.make(backend)
        defer { fixture.remove() }
        try await loadDay(fixture)
        let day = try await fixture.store.escorts(on: monday(fixture).adding(days: 3, calendar: fixture.calendar))
        #expect(day.escorts.isEmpty && day.summary.total == 0)
    }

    @Test(arguments: Backend.all) func callsAndBookingsAreRefusedOutsideOnesDongsAndOnEndedEscorts(_ backend: Backend) async throws {
        let fixture = try await StoreFixture.make(backend)
        defer { fixture.remove() }
        try await loadDay(fixture)
        // Request 2 is 평촌동's; this coordinator has 석수2동 only.
        let other = try await fixture.otherStore(user: "lee", role: .coordinator, dongCodes: [StoreFixture.seokSu2.code])
        try await other.recordAttempt(requestID: 1, party: .volunteer, result: .confirmed, note: "")
        let refused = await storeError { try await other.recordAttempt(requestID: 2, party: .volunteer, result: .confirmed, note: "") }
        guard case .access = refused else { Issue.record("expected an access refusal, got \(String(describing: refused))"); return }
        let refusedBooking = await storeError { try await other.setBooking(requestID: 2, status: .requested, reference: "", vehicle: "") }
        guard case .access = refusedBooking else { Issue.record("expected an access refusal, got \(String(describing: refusedBooking))"); return }
        #expect(try await fixture.store.contactAttempts(requestID: 2).isEmpty)

        try await fixture.store.perform(.cancel, requestID: 3, details: ActionDetails(reason: "입원"), expectedVersion: nil)
        let ended = await storeError { try await fixture.store.recordAttempt(requestID: 3, party: .household, result: .confirmed, note: "") }
        guard case .escortEnded(3, "cancelled") = ended else { Issue.record("expected escortEnded, got \(String(describing: ended))"); return }
    }

    @Test(arguments: Backend.all) func aVehicleBookingMovesFromRequestedToConfirmedWithItsReference(_ backend: Backend) async throws {
        let fixture = try await StoreFixture.make(backend)
        defer { fixture.remove() }
        try await loadDay(fixture)
        let requested = try await fixture.store.setBooking(requestID: 2, status: .requested, reference: "", vehicle: "")
        #expect(requested.status == .requested && requested.updatedBy == "kim")
        let missing = await storeError { try await fixture.store.setBooking(requestID: 2, status: .confirmed, reference: "  ", vehicle: "") }
        guard case .bookingNeedsReference(2) = missing else { Issue.record("expected bookingNeedsReference, got \(String(describing: missing))"); return }
        try await fixture.store.setBooking(requestID: 2, status: .confirmed, reference: "AY-1207-031", vehicle: "착한수레 3호")
        let stored = try await fixture.store.bookings(requestIDs: [1, 2])
        #expect(stored.keys.sorted() == [2], "request 1 goes by public transport and has no booking")
        #expect(stored[2]?.status == .confirmed && stored[2]?.reference == "AY-1207-031" && stored[2]?.vehicle == "착한수레 3호")
        let day = try await fixture.store.escorts(on: monday(fixture))
        #expect(day.summary.vehiclesToBook == 0)
        let audit = try await fixture.store.auditLog(in: nil, limit: 1)
        #expect(audit.first?.action == "booking" && audit.first?.before?.contains("requested") == true)
        #expect(audit.first?.after?.contains("AY-1207-031") == true)

        try await fixture.store.setBooking(requestID: 2, status: .refused, reference: "", vehicle: "")
        #expect(try await fixture.store.escorts(on: monday(fixture)).summary.vehiclesToBook == 1, "a refused booking is open again")
    }

    @Test(arguments: Backend.all) func aSentMessageIsNotSentTwiceUnlessAsked(_ backend: Backend) async throws {
        let fixture = try await StoreFixture.make(backend)
        defer { fixture.remove() }
        try await loadDay(fixture)
        let day = monday(fixture)
        func message(_ state: MessageRecord.State, exit: Int? = nil) -> MessageRecord {
            MessageRecord(requestID: 1, day: day, party: .volunteer, phone: "010-2222-3333", text: "내일 9시 동행", state: state,
                          exitStatus: exit, at: Date())
        }
        try await fixture.store.recordMessage(message(.prepared), resend: false)
        try await fixture.store.recordMessage(message(.failed, exit: 2), resend: false)
        let sent = try await fixture.store.recordMessage(message(.sent, exit: 0), resend: false)
        #expect(sent.by == "kim")
        let twice = await storeError { try await fixture.store.recordMessage(message(.sent, exit: 0), resend: false) }
        guard case .alreadySent(1, "volunteer", _, _) = twice else { Issue.record("expected alreadySent, got \(String(describing: twice))"); return }
        try await fixture.store.recordMessage(message(.sent, exit: 0), resend: true)
        let stored = try await fixture.store.messages(on: day)
        #expect(stored.map(\.state) == [.prepared, .failed, .sent, .sent])
        #expect(stored.map(\.exitStatus) == [nil, 2, 0, 0])
        #expect(stored.first?.text == "내일 9시 동행")
        #expect(try await fixture.store.escorts(on: day).escorts.first { $0.request.id == 1 }?.messages.count == 4)
        let audit = try await fixture.store.auditLog(in: nil, limit: 1)
        #expect(audit.first?.action == "message" && audit.first?.after?.contains("010") == false, "no phone in the audit")
    }

    /// A day's reminders saved together are recorded in one transaction: all of them, or none
    /// when one cannot be (here, an escort cancelled meanwhile).
    @Test(arguments: Backend.all) func aDaysMessagesAreRecordedAllOrNone(_ backend: Backend) async throws {
        let fixture = try await StoreFixture.make(backend)
        defer { fixture.remove() }
        try await loadDay(fixture)
        let day = monday(fixture)
        func message(_ request: Int64, _ party: ContactParty) -> MessageRecord {
            MessageRecord(requestID: request, day: day, party: party, phone: "010-2222-3333", text: "내일 동행", state: .prepared, at: Date())
        }
        try await fixture.store.perform(.cancel, requestID: 3, details: ActionDetails(reason: "입원"), expectedVersion: nil)
        let refused = await storeError {
            try await fixture.store.recordMessages([message(1, .volunteer), message(2, .household), message(3, .household)], resend: false)
        }
        guard case .escortEnded(3, "cancelled") = refused else { Issue.record("expected escortEnded, got \(String(describing: refused))"); return }
        #expect(try await fixture.store.messages(on: day).isEmpty, "none of the three")

        let stored = try await fixture.store.recordMessages([message(1, .volunteer), message(1, .household), message(2, .volunteer)], resend: false)
        #expect(stored.map(\.requestID) == [1, 1, 2] && stored.allSatisfy { $0.id > 0 && $0.by == "kim" })
        #expect(try await fixture.store.messages(on: day).map(\.id) == stored.map(\.id))
        #expect(try await fixture.store.auditLog(in: nil, limit: 3).allSatisfy { $0.action == "message" })
    }

    @Test(arguments: Backend.all) func statisticsCountEscortsConfirmedTheDayBeforeAndUnreached(_ backend: Backend) async throws {
        let fixture = try await StoreFixture.make(backend)
        defer { fixture.remove() }
        try await loadDay(fixture)
        try await fixture.store.recordAttempt(requestID: 1, party: .volunteer, result: .confirmed, note: "")
        try await fixture.store.recordAttempt(requestID: 1, party: .household, result: .confirmed, note: "")
        try await fixture.store.recordAttempt(requestID: 4, party: .volunteer, result: .noAnswer, note: "")
        try await fixture.store.recordAttempt(requestID: 2, party: .volunteer, result: .confirmed, note: "")
        let report = try await fixture.store.statistics(for: .week(containing: monday(fixture)), now: Date())
        #expect(report.city.confirmedDayBefore == 1)
        #expect(report.city.unreached == 2, "request 4 was tried and not reached, request 2's household never confirmed")
        #expect(report.byDong[StoreFixture.seokSu2.code]?.confirmedDayBefore == 1)
        #expect(report.byDong[StoreFixture.pyeongchon.code]?.unreached == 1)
        #expect(report.byGu["만안구"]?.unreached == 1)
    }
}
