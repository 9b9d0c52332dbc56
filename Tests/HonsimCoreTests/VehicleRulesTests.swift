import Foundation
import HonsimCore
import Testing

/// When a vehicle must be booked, and when an escort is flagged for want of one.
@Suite("Vehicle rules")
struct VehicleRulesTests {
    let calendar: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Asia/Seoul") ?? .current
        return calendar
    }()

    func at(_ day: Int, _ hour: Int) -> Date {
        CivilDate(year: 2026, month: 12, day: day).start(in: calendar).addingTimeInterval(TimeInterval(hour * 3600))
    }

    func escort(_ transport: Transport, pickup: Date, status: RequestStatus = .assigned) -> EscortRequest {
        EscortRequest(id: 7, householdID: 1, dongCode: "41171-11", hospital: "안양샘병원", appointmentAt: pickup.addingTimeInterval(3600),
                      pickupAt: pickup, transport: transport, status: status, volunteerID: status == .pending ? nil : 1, createdAt: at(1, 9))
    }

    @Test func theCentersVehicleIsBookedBy17TheDayBeforeAndFlaggedADayAhead() {
        let rules = VehicleRules.anyang
        let request = escort(.centerVehicle, pickup: at(10, 9))
        #expect(rules.deadline(for: request, calendar: calendar) == at(9, 17))
        #expect(rules.deadline(for: escort(.taxi, pickup: at(10, 9)), calendar: calendar) == at(9, 18))
        #expect(rules.deadline(for: escort(.publicTransport, pickup: at(10, 9)), calendar: calendar) == nil)
        #expect(!rules.needsBooking(request, booking: nil, now: at(8, 16), calendar: calendar), "more than a day before the deadline")
        #expect(rules.needsBooking(request, booking: nil, now: at(8, 17), calendar: calendar))
        #expect(rules.needsBooking(request, booking: VehicleBooking(requestID: 7, status: .refused), now: at(9, 20), calendar: calendar),
                "past the deadline and refused: still flagged")
        #expect(!rules.needsBooking(request, booking: VehicleBooking(requestID: 7, status: .confirmed, reference: "A1"), now: at(9, 20),
                                    calendar: calendar))
        #expect(!rules.needsBooking(request, booking: nil, now: at(10, 10), calendar: calendar), "the escort has begun")
        #expect(!rules.needsBooking(escort(.centerVehicle, pickup: at(10, 9), status: .cancelled), booking: nil, now: at(9, 20), calendar: calendar))
    }

    @Test func readinessNeedsBothSidesAndPutsRequestsForActionFirst() {
        func call(_ party: ContactParty, _ result: ContactResult, _ minute: Int) -> ContactAttempt {
            ContactAttempt(requestID: 7, party: party, result: result, at: at(9, 10).addingTimeInterval(TimeInterval(minute * 60)))
        }
        #expect(Readiness(attempts: [], hasVolunteer: true) == .unreached)
        #expect(Readiness(attempts: [call(.volunteer, .confirmed, 0), call(.family, .confirmed, 1)], hasVolunteer: true) == .ready)
        #expect(Readiness(attempts: [call(.volunteer, .confirmed, 0), call(.household, .confirmed, 1), call(.volunteer, .noAnswer, 2)],
                          hasVolunteer: true) == .ready, "a later no answer does not undo a confirmation")
        #expect(Readiness(attempts: [call(.volunteer, .confirmed, 0), call(.household, .askedToChange, 1)], hasVolunteer: true) == .needsAction)
        #expect(Readiness(attempts: [call(.household, .askedToChange, 0), call(.household, .confirmed, 1)], hasVolunteer: false) == .noVolunteer,
                "a confirmation takes the request for a change back")
        // A volunteer assigned after the calls: the confirmation was someone else's.
        let confirmed = [call(.volunteer, .confirmed, 0), call(.household, .confirmed, 1)]
        #expect(Readiness(attempts: confirmed, hasVolunteer: true, volunteerSince: at(9, 10)) == .ready, "assigned before the call")
        #expect(Readiness(attempts: confirmed, hasVolunteer: true, volunteerSince: at(9, 20)) == .unreached)
        #expect(CallSides(confirmed, volunteerSince: at(9, 20)).volunteer.attempts == 0)
        #expect(CallSides(confirmed, volunteerSince: at(9, 20)).household.confirmed, "the household's side is the household's whoever goes")
        #expect(Readiness(attempts: [call(.volunteer, .cancelled, 0)], hasVolunteer: true, volunteerSince: at(9, 20)) == .unreached,
                "the volunteer who could not go was replaced: the new one is still to call")
        #expect(CallFigures.unreached([call(.volunteer, .noAnswer, 0)], pickupAt: at(10, 9)))
        #expect(!CallFigures.unreached([], pickupAt: at(10, 9)), "never called is not unreached")
        #expect(CallFigures.confirmedDayBefore([call(.volunteer, .confirmed, 0), call(.household, .confirmed, 0)], dayStart: at(10, 0)))
    }
}
