import Foundation
import HonsimCore

/// The call list of a day as text for a person or JSON for scripts (`honsim calls`): each
/// escort with its time, both sides and their phones, full or masked by the one masking rule
/// as the person's role allows, the calls so far and the vehicle.
public struct CallList: Sendable {
    public let day: EscortDay
    public let access: Access
    public let calendar: Calendar
    public let dongs: DongDirectory

    public init(day: EscortDay, access: Access, calendar: Calendar, dongs: DongDirectory) {
        self.day = day
        self.access = access
        self.calendar = calendar
        self.dongs = dongs
    }

    /// How many households on the list appear in full: what the access log records.
    public var revealedHouseholds: Int { day.escorts.filter { access.seesFullDetails(dongCode: $0.request.dongCode) }.count }

    /// The household's and the volunteer's name and phone as this person may see them.
    public func people(_ escort: DayEscort) -> (household: String, householdPhone: String, volunteer: String, volunteerPhone: String) {
        let full = access.seesFullDetails(dongCode: escort.request.dongCode)
        let fullVolunteer = access.seesFullDetails(dongCode: nil)
        let household = TerminalText.sanitize(escort.household.name), phone = TerminalText.sanitize(escort.household.phone)
        let volunteer = escort.volunteer.map { TerminalText.sanitize($0.name) } ?? ""
        let volunteerPhone = escort.volunteer.map { TerminalText.sanitize($0.phone) } ?? ""
        return (full ? household : Masking.name(household), full ? phone : Masking.phone(phone),
                fullVolunteer ? volunteer : Masking.name(volunteer), fullVolunteer ? volunteerPhone : Masking.phone(volunteerPhone))
    }

    /// The household's family contact as this person may see it (the one masking rule where
    /// the household is masked); nil when none is recorded.
    public func family(_ escort: DayEscort) -> String? {
        let family = escort.household.family
        guard !family.isEmpty else { return nil }
        let shown = access.seesFullDetails(dongCode: escort.request.dongCode) ? family : family.masked
        return TerminalText.sanitize(shown.line)
    }

    public func text(language: Language) -> String {
        let ko = language == .ko
        guard !day.escorts.isEmpty else {
            return ko ? "\(day.day): 이 날에는 동행이 없습니다\n" : "\(day.day): no escorts on this day\n"
        }
        var out = "\(day.day) — " + DomainPhrases.summary(day.summary, language: language) + "\n"
        for escort in day.escorts {
            let request = escort.request, people = people(escort), sides = escort.sides
            let pickup = ClockTime(request.pickupAt, calendar: calendar)
            let dong = dongs.dong(code: request.dongCode)?.name ?? request.dongCode
            out += "\(pickup) #\(request.id) [\(DomainPhrases.readiness(escort.readiness).text(language))] "
                + "\(TerminalText.sanitize(request.hospital)) (\(dong))\n"
            out += "    " + (ko ? "대상자" : "household") + " \(people.household) \(people.householdPhone.isEmpty ? "-" : people.householdPhone)"
                + " — " + DomainPhrases.side(sides.household, language: language) + "\n"
            if let family = family(escort) { out += "    " + (ko ? "가족" : "family") + " \(family)\n" }
            let volunteer = escort.volunteer == nil ? (ko ? "없음" : "none") : "\(people.volunteer) \(people.volunteerPhone.isEmpty ? "-" : people.volunteerPhone)"
            out += "    " + (ko ? "봉사자" : "volunteer") + " \(volunteer) — " + DomainPhrases.side(sides.volunteer, language: language) + "\n"
            if request.transport.needsBooking {
                var vehicle = DomainPhrases.transport(request.transport).text(language) + ": " + DomainPhrases.booking(escort.booking.status).text(language)
                if !escort.booking.reference.isEmpty { vehicle += " \(TerminalText.sanitize(escort.booking.reference))" }
                if !escort.booking.vehicle.isEmpty { vehicle += " \(TerminalText.sanitize(escort.booking.vehicle))" }
                out += "    " + vehicle + "\n"
            }
        }
        return out
    }

    public func json() -> String {
        let entries = day.escorts.map { escort -> String in
            let request = escort.request, people = people(escort)
            let attempts = escort.attempts.map { attempt in
                "{\"party\": \"\(attempt.party.rawValue)\", \"result\": \"\(attempt.result.rawValue)\", "
                    + "\"at\": \(RecordTable.quoteJSON(stamp(attempt.at))), \"by\": \(RecordTable.quoteJSON(attempt.by))}"
            }
            return "    {\"request_id\": \(request.id), \"pickup_at\": \(RecordTable.quoteJSON(stamp(request.pickupAt))), "
                + "\"hospital\": \(RecordTable.quoteJSON(request.hospital)), \"readiness\": \"\(readinessWord(escort.readiness))\", "
                + "\"household\": \(RecordTable.quoteJSON(people.household)), \"household_phone\": \(RecordTable.quoteJSON(people.householdPhone)), "
                + "\"family\": \(RecordTable.quoteJSON(family(escort) ?? "")), "
                + "\"volunteer_id\": \(request.volunteerID.map(String.init) ?? "null"), \"volunteer\": \(RecordTable.quoteJSON(people.volunteer)), "
                + "\"volunteer_phone\": \(RecordTable.quoteJSON(people.volunteerPhone)), \"transport\": \"\(request.transport.rawValue)\", "
                + "\"booking\": \"\(escort.booking.status.rawValue)\", \"booking_reference\": \(RecordTable.quoteJSON(escort.booking.reference)), "
                + "\"attempts\": [\(attempts.joined(separator: ", "))]}"
        }
        let summary = day.summary
        return "{\n  \"day\": \"\(day.day)\",\n  \"summary\": {\"total\": \(summary.total), \"ready\": \(summary.ready), "
            + "\"unreached\": \(summary.unreached), \"needs_action\": \(summary.needsAction), \"no_volunteer\": \(summary.noVolunteer), "
            + "\"vehicles_to_book\": \(summary.vehiclesToBook)},\n  \"escorts\": [\n" + entries.joined(separator: ",\n") + "\n  ]\n}\n"
    }

    private func readinessWord(_ readiness: Readiness) -> String {
        switch readiness {
        case .needsAction: "needs_action"
        case .noVolunteer: "no_volunteer"
        case .unreached: "unreached"
        case .ready: "ready"
        }
    }

    private func stamp(_ date: Date) -> String { "\(CivilDate(date, calendar: calendar))T\(ClockTime(date, calendar: calendar))" }
}
