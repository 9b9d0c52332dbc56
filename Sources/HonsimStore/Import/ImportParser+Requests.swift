import Foundation
import HonsimCore

extension ImportParser {
    /// How long an escort takes when the file does not say: a clinic visit with the trips
    /// there and back, or a dialysis or chemotherapy session.
    static func defaultMinutes(for purpose: Purpose) -> Int {
        purpose == .dialysis || purpose == .chemo ? 300 : 120
    }

    /// Pickup when the file does not say: an hour before the appointment.
    static let defaultLeadMinutes = 60

    /// A new pending request. Its household is named by id (대상자번호) or by name, birth year and
    /// dong; the store finds it. The appointment must be ahead: an imported request waits for a
    /// volunteer, and nobody can go to an appointment that is over.
    mutating func request(_ record: CSVTable.Record) -> RequestDraft? {
        let (dongs, year, calendar, start) = (self.dongs, currentYear, self.calendar, batch.issues.count)
        let reference = householdReference(record, dongs: dongs, year: year)
        let hospital = required(record, .hospital, .name) { $0 }
        let day = required(record, .appointmentDate, .date, SpreadsheetValues.date)
        // The time column when it holds one, else a time written after the date.
        var time: ClockTime?
        if !text(record, .appointmentTime).isEmpty {
            time = required(record, .appointmentTime, .time, SpreadsheetValues.time)
        } else if let given = day?.time {
            time = given
        } else if day != nil {
            if has(.appointmentTime) {
                issue(record, .appointmentTime, ko: "값이 비어 있습니다", en: "value is missing")
            } else {
                issue(record, .appointmentDate, ko: "진료 시각이 없습니다: 날짜 뒤에 시각을 적거나 진료시각 열을 두세요",
                      en: "no appointment time: write it after the date or in an appointment_time column")
            }
        }
        let pickup = optional(record, .pickupTime, .time, SpreadsheetValues.time)
        let transport = optional(record, .transport, .transport, Transport.init(word:))
        let purpose = optional(record, .purpose, .purpose, Purpose.init(word:)) ?? .clinic
        let minutes = optional(record, .expectedMinutes, .minutes, SpreadsheetValues.minutes)
        let returnTrip = optional(record, .returnTrip, .flag, Flag.parse)
        var appointmentAt: Date?
        if let day, let time {
            appointmentAt = day.date.start(in: calendar).addingTimeInterval(TimeInterval(time.minutes * 60))
            if let at = appointmentAt, at <= now {
                issue(record, .appointmentDate, ko: "진료 일시가 이미 지났습니다: \(day.date) \(time)",
                      en: "the appointment is in the past: \(day.date) \(time)")
            }
        }
        // Stand-ins where a cell did not read, so that validation still looks at the others.
        let at = appointmentAt ?? now.addingTimeInterval(86_400)
        let midnight = CivilDate(at, calendar: calendar).start(in: calendar)
        let pickupAt = pickup.map { midnight.addingTimeInterval(TimeInterval($0.minutes * 60)) }
            ?? at.addingTimeInterval(-TimeInterval(ImportParser.defaultLeadMinutes * 60))
        let request = EscortRequest(
            id: 0, householdID: 0, dongCode: "", hospital: hospital ?? "", department: text(record, .department),
            appointmentAt: at, pickupAt: pickupAt, pickupPlace: text(record, .pickupPlace),
            returnTrip: returnTrip ?? true, transport: transport ?? .publicTransport, purpose: purpose,
            expectedMinutes: minutes ?? ImportParser.defaultMinutes(for: purpose), notes: text(record, .notes),
            status: .pending, createdAt: now)
        var problems = Validation.request(request)
        if appointmentAt == nil { problems.removeAll { $0.field == "pickup_time" } }
        guard validation(record, problems, since: start), let reference else { return nil }
        return RequestDraft(household: reference, request: request)
    }

    /// The household id when the row gives one (with the name, if any, to check it against),
    /// else the name, birth year and dong.
    private mutating func householdReference(_ record: CSVTable.Record, dongs: DongDirectory, year: Int) -> HouseholdReference? {
        let name = text(record, .name)
        if !text(record, .householdID).isEmpty {
            let id = required(record, .householdID, .number) { Int64($0.hasPrefix("#") ? String($0.dropFirst()) : $0) }
            return id.map { .id($0, name: name.isEmpty ? nil : name) }
        }
        guard has(.name) && has(.birthYear) && has(.dong) else {
            issue(record, .householdID, ko: "값이 비어 있습니다", en: "value is missing")
            return nil
        }
        let named = required(record, .name, .name) { $0 }
        let birthYear = required(record, .birthYear, .year) { SpreadsheetValues.birthYear($0, currentYear: year) }
        let dong = required(record, .dong, .dong) { ImportParser.dong($0, in: dongs) }
        guard let named, let birthYear, let dong else { return nil }
        return .identity(name: named, birthYear: birthYear, dongCode: dong.code)
    }
}
