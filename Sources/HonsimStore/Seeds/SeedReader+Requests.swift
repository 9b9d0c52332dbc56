import Foundation
import HonsimCore

extension SeedReader {
    static let requestColumns = ["id", "household_id", "hospital", "appointment_day", "appointment_time", "pickup_time",
                                 "transport", "purpose", "expected_minutes", "status"]

    mutating func readRequests(_ table: CSVTable, households: [Int64: Household], volunteers: [Int64: Volunteer]) throws -> [EscortRequest] {
        issues += table.missingColumns(SeedReader.requestColumns)
        var requests: [Int64: (request: EscortRequest, line: Int)] = [:]
        for record in table.records {
            guard let request = readRequest(table, record, households: households, volunteers: volunteers) else { continue }
            if requests[request.id] != nil {
                issue(table, record, "id", ko: "중복된 번호입니다: \(request.id)", en: "duplicate id \(request.id)")
                continue
            }
            requests[request.id] = (request, record.line)
        }
        checkOverlaps(table, requests.values.map { $0 })
        return requests.values.map(\.request).sorted { $0.id < $1.id }
    }

    private mutating func readRequest(_ table: CSVTable, _ record: CSVTable.Record, households: [Int64: Household],
                                      volunteers: [Int64: Volunteer]) -> EscortRequest? {
        let number = Phrase(ko: "숫자", en: "a number")
        let dayOffset = Phrase(ko: "오늘 기준 일수", en: "a day offset")
        let clock = Phrase(ko: "시각(HH:MM)", en: "a time (HH:MM)")
        let id = field(table, record, "id", expected: number) { Int64($0) }
        let householdID = field(table, record, "household_id", expected: number) { Int64($0) }
        let day = field(table, record, "appointment_day", expected: dayOffset) { Int($0) }
        let time = field(table, record, "appointment_time", expected: clock, ClockTime.init)
        let pickup = field(table, record, "pickup_time", expected: clock, ClockTime.init)
        let transport = field(table, record, "transport", expected: Phrase(ko: "교통수단", en: "a transport (public_transport, center_vehicle, taxi, walk, volunteer_car)"), Transport.init(word:))
        let purpose = field(table, record, "purpose", expected: Phrase(ko: "목적", en: "a purpose (clinic, dialysis, rehab, tests, chemo, other)"), Purpose.init(word:))
        let minutes = field(table, record, "expected_minutes", expected: number) { Int($0) }
        let status = field(table, record, "status", expected: Phrase(ko: "상태", en: "a status"), RequestStatus.init(word:))
        let volunteerID = field(table, record, "volunteer_id", optional: true, expected: number) { Int64($0) }
        let requestedDay = field(table, record, "requested_day", optional: true, expected: dayOffset) { Int($0) }
        let assignedAfter = field(table, record, "assigned_after_minutes", optional: true, expected: number) { Int($0) }
        let actual = field(table, record, "actual_minutes", optional: true, expected: number) { Int($0) }
        let followUp = field(table, record, "follow_up", optional: true, expected: Phrase(ko: "예/아니오", en: "yes or no"), Flag.parse)
        let returnTrip = field(table, record, "return_trip", optional: true, expected: Phrase(ko: "예/아니오", en: "yes or no"), Flag.parse)
        let cancelledBefore = field(table, record, "cancelled_hours_before", optional: true, expected: number) { Int($0) }
        guard let id, let householdID, let day, let time, let pickup, let transport, let purpose, let minutes, let status else { return nil }
        guard let household = households[householdID] else {
            issue(table, record, "household_id", ko: "없는 대상자입니다: \(householdID)", en: "no household \(householdID)")
            return nil
        }
        let appointmentAt = at(day: day, time)
        let createdAt = at(day: requestedDay ?? min(day, 0) - 7, ClockTime(minutes: 9 * 60))
        let assignedAt = assignedAfter.map { min(now, createdAt.addingTimeInterval(TimeInterval($0 * 60))) }
        let request = EscortRequest(
            id: id, householdID: householdID, dongCode: household.dongCode, hospital: record["hospital"],
            department: record["department"], appointmentAt: appointmentAt, pickupAt: at(day: day, pickup),
            pickupPlace: record["pickup_place"], returnTrip: returnTrip ?? true, transport: transport, purpose: purpose,
            expectedMinutes: minutes, notes: record["notes"], status: status, volunteerID: volunteerID,
            seriesID: record["series"].isEmpty ? nil : record["series"], createdAt: createdAt,
            assignedAt: volunteerID == nil ? nil : (assignedAt ?? createdAt),
            completion: status == .completed
                ? Completion(actualMinutes: actual ?? minutes, outcome: record["outcome"], doctorNotes: record["doctor_notes"], followUp: followUp ?? false)
                : nil,
            cancelReason: status == .cancelled ? record["cancel_reason"] : nil,
            updatedAt: status == .cancelled ? cancelledAt(id: id, appointmentAt: appointmentAt, createdAt: createdAt, hoursBefore: cancelledBefore)
                : status.isEnd ? appointmentAt : (assignedAt ?? createdAt),
            updatedBy: "seed")
        for problem in Validation.request(request) {
            issue(table, record, problem.field, ko: problem.message.ko, en: problem.message.en)
        }
        if let volunteerID {
            guard let volunteer = volunteers[volunteerID] else {
                issue(table, record, "volunteer_id", ko: "없는 봉사자입니다: \(volunteerID)", en: "no volunteer \(volunteerID)")
                return nil
            }
            // Rules no override can lift hold for the demo data too.
            if household.mobility == .wheelchair && !volunteer.skills.contains(.wheelchair) {
                issue(table, record, "volunteer_id", ko: "휠체어 대상자에게 휠체어 보조가 안 되는 봉사자입니다", en: "a wheelchair household needs a wheelchair-capable volunteer")
            }
            if transport.needsVolunteerCar && !volunteer.hasCar {
                issue(table, record, "transport", ko: "봉사자에게 차량이 없습니다", en: "the volunteer has no car")
            }
        }
        return request
    }

    /// When a request was cancelled: `hoursBefore` the appointment where the row says (a late
    /// cancellation, which the council's no-show rule counts), else a few days ahead as most
    /// are; never before the request was made, nor after now.
    func cancelledAt(id: Int64, appointmentAt: Date, createdAt: Date, hoursBefore: Int?) -> Date {
        let ahead = TimeInterval((hoursBefore ?? 24 * (1 + Int(id % 5)) + 2) * 3600)
        return min(now, appointmentAt, max(createdAt.addingTimeInterval(3600), appointmentAt.addingTimeInterval(-ahead)))
    }

    /// A volunteer's active escorts must keep the travel buffer between them.
    private mutating func checkOverlaps(_ table: CSVTable, _ requests: [(request: EscortRequest, line: Int)]) {
        let buffer = TimeInterval(Schema.defaultTravelBufferMinutes * 60)
        let active = requests.filter { $0.request.status.holdsVolunteer && $0.request.volunteerID != nil }
        for (_, group) in Dictionary(grouping: active, by: { $0.request.volunteerID ?? 0 }) {
            let sorted = group.sorted { $0.request.pickupAt < $1.request.pickupAt }
            for (earlier, later) in zip(sorted, sorted.dropFirst()) where earlier.request.span.conflicts(with: later.request.span, buffer: buffer) {
                issues.append(DataIssue(file: table.file, line: later.line, field: "volunteer_id", message: Phrase(
                    ko: "봉사자 \(later.request.volunteerID ?? 0)의 요청 \(earlier.request.id)번과 시간이 겹칩니다",
                    en: "volunteer \(later.request.volunteerID ?? 0) is already on request \(earlier.request.id) then")))
            }
        }
    }
}
