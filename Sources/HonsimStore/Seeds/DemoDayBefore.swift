import Foundation
import HonsimCore

/// The demo's calls and vehicle bookings, made from its requests rather than kept in a CSV
/// of their own: they follow the requests' day offsets and statuses, so that the call list is
/// full on a fresh demo whatever day it is. Deterministic: the same seeds and day give the
/// same rows.
///
/// - The last four months: each escort that held a volunteer was confirmed the day before,
///   now and then after a first call that found nobody; a few households were never reached,
///   and a no-show's household did not answer. Each booked vehicle was confirmed.
/// - Today: confirmed yesterday, vehicles confirmed but one still waiting for the center.
/// - Tomorrow: a mix, in the order of pickup: some ready, some with a side not yet reached,
///   some not called yet; vehicles confirmed, requested, refused and still to book.
/// - The week after: a few vehicles requested.
enum DemoDayBefore {
    static let caller = "seed"

    /// `withFamily`: the households that have a family contact; only they get calls to family.
    static func make(_ requests: [EscortRequest], withFamily: Set<Int64>, today: CivilDate, now: Date, calendar: Calendar)
        -> (attempts: [ContactAttempt], bookings: [VehicleBooking]) {
        var attempts: [ContactAttempt] = []
        var bookings: [VehicleBooking] = []
        let tomorrow = today.adding(days: 1, calendar: calendar)
        let earliest = today.adding(days: -120, calendar: calendar)
        let latest = today.adding(days: 7, calendar: calendar)
        func at(_ day: CivilDate, _ minutes: Int) -> Date { day.start(in: calendar).addingTimeInterval(TimeInterval(minutes * 60)) }
        func call(_ request: EscortRequest, _ party: ContactParty, _ result: ContactResult, _ when: Date, note: String = "") {
            attempts.append(ContactAttempt(requestID: request.id, party: party, result: result, note: note, at: when, by: caller))
        }
        func book(_ request: EscortRequest, _ status: BookingStatus, _ when: Date) {
            let day = CivilDate(request.pickupAt, calendar: calendar)
            let confirmed = status == .confirmed
            let reference = confirmed ? "AY-\(zeroPadded(day.year % 100, 2))\(zeroPadded(day.month, 2))\(zeroPadded(day.day, 2))-\(zeroPadded(Int(request.id % 1000), 3))" : ""
            let vehicle = confirmed ? (request.transport == .taxi ? "경기 32사 \(1000 + Int(request.id * 37 % 9000))" : "착한수레 \(Int(request.id % 42) + 1)호") : ""
            bookings.append(VehicleBooking(requestID: request.id, status: status, reference: reference, vehicle: vehicle,
                                           updatedAt: when, updatedBy: caller))
        }

        var tomorrowCalls = 0, tomorrowVehicles = 0, todayWaiting = false
        for request in requests.sorted(by: { ($0.pickupAt, $0.id) < ($1.pickupAt, $1.id) }) {
            let day = CivilDate(request.appointmentAt, calendar: calendar)
            guard day >= earliest, day <= latest else { continue }
            let dayBefore = day.adding(days: -1, calendar: calendar)
            let id = Int(request.id)
            if day == tomorrow {
                // Called this morning, within the hour before now.
                let minute = { (step: Int) in now.addingTimeInterval(TimeInterval(-90 * 60 + (tomorrowCalls * 4 + step) * 60)) }
                if request.volunteerID != nil && !request.status.isEnd {
                    switch tomorrowCalls % 5 {
                    case 0: call(request, .volunteer, .confirmed, minute(0)); call(request, .household, .confirmed, minute(1))
                    case 1: call(request, .volunteer, .confirmed, minute(0)); call(request, .household, .noAnswer, minute(1))
                    case 2:
                        call(request, .volunteer, .confirmed, minute(0))
                        if withFamily.contains(request.householdID) {
                            call(request, .family, .confirmed, minute(1), note: "가족이 같이 나옴")
                        } else {
                            call(request, .household, .confirmed, minute(1))
                        }
                    case 3: break
                    default:
                        call(request, .household, .noAnswer, minute(0)); call(request, .volunteer, .confirmed, minute(1))
                        call(request, .household, .confirmed, minute(2))
                    }
                    tomorrowCalls += 1
                }
                if request.transport.needsBooking && !request.status.isEnd {
                    let pattern: [BookingStatus?] = [.confirmed, nil, .confirmed, .refused, .confirmed, .requested]
                    if tomorrowVehicles < pattern.count, let status = pattern[tomorrowVehicles] {
                        book(request, status, now.addingTimeInterval(TimeInterval(-(150 - tomorrowVehicles * 10) * 60)))
                    }
                    tomorrowVehicles += 1
                }
                continue
            }
            if day > tomorrow {
                if request.transport.needsBooking && !request.status.isEnd && id % 3 == 0 {
                    book(request, .requested, now.addingTimeInterval(TimeInterval(-(id % 180 + 30) * 60)))
                }
                continue
            }
            // Today and the days before: what was done the day before each.
            let held = request.volunteerID != nil && (request.status.holdsVolunteer || request.status == .completed || request.status == .noShow)
            if held {
                call(request, .volunteer, .confirmed, at(dayBefore, 10 * 60 + id % 60))
                if request.status == .noShow {
                    call(request, .household, .noAnswer, at(dayBefore, 11 * 60 + id % 30))
                    call(request, .household, .noAnswer, at(dayBefore, 16 * 60 + id % 30))
                } else if id % 11 == 0 && day < today {
                    call(request, .household, .noAnswer, at(dayBefore, 11 * 60 + id % 30))
                } else if id % 5 == 0 {
                    call(request, .household, .noAnswer, at(dayBefore, 11 * 60 + id % 30))
                    call(request, .household, .confirmed, at(dayBefore, 15 * 60 + id % 30))
                } else {
                    let family = id % 7 == 0 && withFamily.contains(request.householdID)
                    call(request, family ? .family : .household, .confirmed, at(dayBefore, 11 * 60 + id % 30))
                }
            }
            if request.transport.needsBooking && request.status != .cancelled {
                // One of today's later escorts is still waiting for the center's answer.
                if day == today && request.pickupAt > now && !request.status.isEnd && !todayWaiting {
                    todayWaiting = true
                    book(request, .requested, at(dayBefore, 16 * 60))
                } else {
                    book(request, .confirmed, at(dayBefore, 14 * 60 + id % 60))
                }
            }
        }
        return (attempts, bookings)
    }
}
