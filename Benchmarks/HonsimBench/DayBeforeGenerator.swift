import Foundation
import HonsimCore
import HonsimStore

/// The day before of a generated city, for each of its escorts from today to two weeks ahead:
/// the calls a coordinator made (most volunteers reached, half the households, a note on some),
/// the vehicles booked with the center or the taxi, and the reminders saved or sent. Every
/// day of the fortnight is as tomorrow is by the afternoon, its calls made: the call list's
/// heaviest day, every day. Chosen by the request's id, so a seed gives the same store.
enum DayBeforeGenerator {
    static let daysAhead = 14
    static let caller = "bench"

    static func make(_ requests: [EscortRequest], now: Date, calendar: Calendar)
        -> (attempts: [ContactAttempt], bookings: [VehicleBooking], messages: [MessageRecord]) {
        var attempts: [ContactAttempt] = [], bookings: [VehicleBooking] = [], messages: [MessageRecord] = []
        let today = CivilDate(now, calendar: calendar)
        let last = today.adding(days: daysAhead, calendar: calendar)
        for request in requests where request.status != .cancelled {
            let day = CivilDate(request.appointmentAt, calendar: calendar)
            guard day >= today, day <= last else { continue }
            let id = Int(request.id), held = request.volunteerID != nil
            // The afternoon before, or an hour ago for today's and tomorrow's.
            let called = min(day.start(in: calendar).addingTimeInterval(-10 * 3600), now.addingTimeInterval(-3600))
            func at(_ minute: Int) -> Date { called.addingTimeInterval(TimeInterval(minute * 60)) }
            if held && id % 10 < 9 {
                // The volunteer who holds the escort is called once assigned (`CallSides`).
                let assigned = request.assignedAt.map { $0.addingTimeInterval(60) } ?? at(0)
                attempts.append(ContactAttempt(requestID: request.id, party: .volunteer, result: id % 10 < 7 ? .confirmed : .noAnswer,
                                               at: min(max(at(0), assigned), now), by: caller))
            }
            if id % 10 < 8 {
                let result: ContactResult = id % 10 < 5 ? .confirmed : id % 10 < 7 ? .noAnswer : .leftMessage
                attempts.append(ContactAttempt(requestID: request.id, party: id % 7 == 0 ? .family : .household, result: result,
                                               note: id % 4 == 0 ? "딸과 통화, 9시 전에 나와 계시기로" : "", at: at(3), by: caller))
            }
            if request.transport.needsBooking && id % 3 != 0 {
                let status: BookingStatus = id % 10 < 5 ? .confirmed : id % 10 < 7 ? .requested : .refused
                bookings.append(VehicleBooking(requestID: request.id, status: status, reference: status == .confirmed ? "AY-\(id)" : "",
                                               vehicle: status == .confirmed ? "착한수레 \(id % 42 + 1)호" : "", updatedAt: at(-60),
                                               updatedBy: caller))
            }
            if held && id % 10 < 8 {
                let state: MessageRecord.State = id % 10 < 6 ? .sent : .prepared
                let pickup = ClockTime(request.pickupAt, calendar: calendar)
                for (party, text) in [(ContactParty.volunteer, "[동행] \(day) \(pickup) \(request.hospital) \(request.department) 동행 부탁드립니다. 문의 031-8045-1234"),
                                      (.household, "[동행] \(day) \(pickup)에 봉사자가 댁으로 모시러 갑니다. \(request.hospital) \(request.department). 문의 031-8045-1234")] {
                    messages.append(MessageRecord(requestID: request.id, day: day, party: party,
                                                  phone: "010-\(party == .volunteer ? 5 : 7)\(zeroPadded(id % 1000, 3))-\(zeroPadded(id % 10000, 4))",
                                                  text: text, state: state, exitStatus: state == .sent ? 0 : nil, at: at(30), by: caller))
                }
            }
        }
        return (attempts, bookings, messages)
    }
}
