import Foundation
@testable import HonsimCore

/// The matching rules as the design states them, worked out on the unpacked records: an
/// oracle for the rule table, which works on the packed pool. Kept deliberately naive and
/// apart from the table, so that a wrong entry shows as a disagreement on random pools.
enum ReferenceMatching {
    static func evaluate(_ m: Matcher, _ volunteer: Volunteer, load: VolunteerLoad, dongs: DongDirectory,
                         calendar: Calendar) -> Candidate {
        let request = m.request, household = m.household
        let span = request.span
        let day = CivilDate(request.pickupAt, calendar: calendar)
        var exclusions: [Exclusion] = []
        if volunteer.closed { exclusions.append(.closed) }
        if let clash = load.busy.first(where: { $0.conflicts(with: span, buffer: m.rules.travelBuffer) }) {
            exclusions.append(.overlap(clash))
        }
        if household.mobility == .wheelchair && !volunteer.skills.contains(.wheelchair) { exclusions.append(.needsWheelchairSkill) }
        if request.transport.needsVolunteerCar && !volunteer.hasCar { exclusions.append(.needsCar) }
        if !volunteer.availability.covers(span, calendar: calendar) { exclusions.append(.outsideAvailability) }
        if let off = volunteer.dayOff(on: day) { exclusions.append(.dayOff(off.from)) }
        if let wanted = household.preferredVolunteerGender, volunteer.gender != wanted { exclusions.append(.genderPreference(wanted)) }
        if load.minutesInWeek + request.expectedMinutes > volunteer.weeklyCapMinutes {
            exclusions.append(.weeklyCap(usedMinutes: load.minutesInWeek, capMinutes: volunteer.weeklyCapMinutes))
        }
        if Credentials.insuranceLapsed(volunteer, on: day), let until = volunteer.insuredUntil {
            exclusions.append(.insuranceLapsed(validUntil: until, overridable: m.rules.credentials.insuranceLapseOverridable))
        }

        typealias P = Matcher.Points
        var terms: [ScoreTerm] = []
        if volunteer.dongCode == household.dongCode {
            terms.append(ScoreTerm(.sameDong, points: P.sameDong))
        } else if let gu = dongs.gu(of: household.dongCode), dongs.gu(of: volunteer.dongCode) == gu {
            terms.append(ScoreTerm(.sameGu, points: P.sameGu))
        }
        if load.escortsWithHousehold > 0 {
            let points = min(P.escortedBeforeMax, P.escortedBeforeFirst + P.escortedBeforeEach * (load.escortsWithHousehold - 1))
            terms.append(ScoreTerm(.escortedBefore(times: load.escortsWithHousehold), points: points))
        }
        terms.append(ScoreTerm(.hoursThisMonth(minutes: load.minutesInMonth),
                               points: max(0, P.fewHoursMax - P.fewHoursPerHour * (load.minutesInMonth / 60))))
        let speaks = volunteer.skills.contains { if case .language = $0 { return true } else { return false } }
        if household.needs.contains(.hearing) && volunteer.skills.contains(.signLanguage) {
            terms.append(ScoreTerm(.signLanguage, points: P.signLanguage))
        }
        if household.needs.contains(.language) && speaks { terms.append(ScoreTerm(.speaksLanguage, points: P.speaksLanguage)) }
        if (household.needs.contains(.cognitive) || household.needs.contains(.vision)) && volunteer.skills.contains(.careWorker) {
            terms.append(ScoreTerm(.careWorker, points: P.careWorker))
        }
        if (household.mobility == .walker || household.mobility == .wheelchair) && volunteer.skills.contains(.wheelchair) {
            terms.append(ScoreTerm(.wheelchairCapable, points: P.wheelchairCapable))
        }
        if request.transport.needsVolunteerCar && volunteer.hasCar { terms.append(ScoreTerm(.hasCar, points: P.hasCar)) }
        if m.seriesVolunteerID == volunteer.id { terms.append(ScoreTerm(.seriesVolunteer, points: P.seriesVolunteer)) }
        let trainedUntil = m.rules.credentials.validUntil(.training, of: volunteer, calendar: calendar)
        if trainedUntil.map({ $0 < day }) ?? true { terms.append(ScoreTerm(.trainingMissing, points: P.trainingMissing)) }
        return Candidate(volunteer: volunteer, score: terms.reduce(0) { $0 + $1.points }, terms: terms,
                         exclusions: exclusions, minutesInMonth: load.minutesInMonth)
    }

    /// Which filters a coordinator may override, as the design lists them.
    static let overridable: Set<MatchRule> = [.availability, .dayOff, .genderPreference, .weeklyCap]
}
