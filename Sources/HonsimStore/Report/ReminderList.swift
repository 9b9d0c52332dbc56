import Foundation
import HonsimCore

/// The reminders of a day (`honsim messages`, the call list's `M` and `S`): one per side of each
/// escort still to happen that has a phone, as the list a bulk-SMS web service takes (phone,
/// name, text) or for the sender command.
///
/// Only escorts whose household this person may see in full and whose request they may change
/// are on it; the others are counted as withheld. A message is nothing without the full
/// number, and a list of masked phones would send nothing while looking done, so a role that may
/// not see a phone in full gets no row for it rather than a masked one; a viewer gets no list at
/// all. Names in the texts go through the call list's masking (`CallList.people`): the one rule.
public struct ReminderList: Sendable {
    public let day: EscortDay
    public let settings: ReminderSettings
    public internal(set) var reminders: [Reminder] = []
    /// Escorts left out because this person may not see or change them.
    public private(set) var withheld = 0
    /// Escorts still to happen on the day.
    public private(set) var escortCount = 0
    /// Escorts nobody holds yet: no reminder says "the volunteer will meet you" before one does.
    public private(set) var withoutVolunteer = 0

    public init(day: EscortDay, access: Access, settings: ReminderSettings, calendar: Calendar, dongs: DongDirectory) {
        self.day = day
        self.settings = settings
        let people = CallList(day: day, access: access, calendar: calendar, dongs: dongs)
        let weekday = Weekday(day.day.start(in: calendar), calendar: calendar)
        let date = "\(day.day.month)/\(day.day.day) (\(DomainPhrases.weekday(weekday).text(settings.language)))"
        for escort in day.escorts.sorted(by: { ($0.request.pickupAt, $0.request.id) < ($1.request.pickupAt, $1.request.id) })
        where !escort.request.status.isEnd {
            escortCount += 1
            let request = escort.request
            guard escort.volunteer != nil else {
                withoutVolunteer += 1
                continue
            }
            guard access.seesFullDetails(dongCode: request.dongCode), access.canChange(dongCode: request.dongCode) else {
                withheld += 1
                continue
            }
            let shown = people.people(escort)
            let department = TerminalText.sanitize(request.department)
            var values: [ReminderPlaceholder: String] = [
                .date: date,
                .time: ClockTime(request.pickupAt, calendar: calendar).description,
                .appointment: ClockTime(request.appointmentAt, calendar: calendar).description,
                .place: TerminalText.sanitize(request.pickupPlace),
                .hospital: TerminalText.sanitize(request.hospital) + (department.isEmpty ? "" : " \(department)"),
                .volunteer: shown.volunteer, .household: shown.household,
                // Until the office sets its number, the texts name the office: never "call  ".
                .officePhone: settings.officePhone.isEmpty ? (settings.language == .ko ? "행정복지센터" : "the welfare office")
                    : settings.officePhone,
            ]
            if !shown.volunteerPhone.isEmpty {
                values[.name] = shown.volunteer
                append(escort, .volunteer, name: shown.volunteer, phone: shown.volunteerPhone, values: values)
            }
            if !shown.householdPhone.isEmpty {
                values[.name] = shown.household
                append(escort, .household, name: shown.household, phone: shown.householdPhone, values: values)
            }
        }
    }

    private mutating func append(_ escort: DayEscort, _ audience: ReminderAudience, name: String, phone: String,
                                 values: [ReminderPlaceholder: String]) {
        let template = settings.templates.text(for: audience, language: settings.language)
        reminders.append(Reminder(requestID: escort.request.id, householdID: escort.household.id, day: day.day, audience: audience,
                                  name: name, phone: phone, text: ReminderTemplates.render(template, values: values)))
    }

    /// The households whose full name and phone the list holds: what the access log records.
    public var revealedHouseholds: [Int64] {
        var seen = Set<Int64>()
        return reminders.compactMap { seen.insert($0.householdID).inserted ? $0.householdID : nil }
    }

    /// Whether a reminder for that escort and side already went out.
    public func wasSent(_ reminder: Reminder) -> Bool {
        day.escorts.first { $0.request.id == reminder.requestID }?.wasSent(to: reminder.audience) ?? false
    }

    /// phone, name, text: the columns bulk-SMS web services take.
    public var table: RecordTable {
        RecordTable(columns: ["phone", "name", "text"], rows: reminders.map { [.text($0.phone), .text($0.name), .text($0.text)] })
    }

    /// For a spreadsheet as much as for the service: a name or text that begins like a formula stays words.
    public func csv() throws -> String { try table.spreadsheetCSV() }

    public func json() -> String {
        RecordTable(columns: ["request_id", "party", "phone", "name", "text", "sent"], rows: reminders.map {
            [.number($0.requestID), .text($0.audience.rawValue), .text($0.phone), .text($0.name), .text($0.text),
             .text(wasSent($0) ? "yes" : "no")]
        }).json()
    }

    /// For a person to read before anything is sent.
    public func text(language: Language) -> String {
        let ko = language == .ko
        var out = ""
        if escortCount == 0 {
            out = ko ? "\(day.day): 이 날에는 동행이 없습니다\n" : "\(day.day): no escorts on this day\n"
        }
        for reminder in reminders {
            let whom = DomainPhrases.party(reminder.audience.party).text(language)
            let sent = wasSent(reminder) ? (ko ? " (보냄)" : " (sent)") : ""
            out += "#\(reminder.requestID) \(whom) \(reminder.name) \(reminder.phone)\(sent)\n    \(reminder.text)\n"
        }
        return out
    }

    /// What the list leaves out, in words; nil when nothing is.
    public func withheldNotice(language: Language) -> String? {
        let ko = language == .ko
        var parts: [String] = []
        if withheld > 0 {
            parts.append(ko ? "동행 \(withheld)건은 전화번호를 전부 볼 수 없는 동의 것이라 목록에서 뺐습니다"
                         : "\(withheld) escort(s) left out: their phones are not yours to see in full")
        }
        if withoutVolunteer > 0 {
            parts.append(ko ? "봉사자가 아직 없는 동행 \(withoutVolunteer)건에는 문자를 만들지 않았습니다"
                         : "\(withoutVolunteer) escort(s) without a volunteer yet get no reminder")
        }
        return parts.isEmpty ? nil : parts.joined(separator: "; ")
    }
}
