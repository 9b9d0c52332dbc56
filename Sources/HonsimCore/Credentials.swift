import Foundation

/// A volunteer's credentials with dates: what a council checks before sending someone along.
public enum Credential: String, Sendable, Hashable, CaseIterable, Codable {
    /// The basic volunteer training; valid for `CredentialRules.trainingValidMonths` after it.
    case training
    /// The volunteer accident insurance (자원봉사 상해보험), valid until a day.
    case insurance
    /// The background check; made again after `CredentialRules.backgroundCheckValidMonths`.
    case backgroundCheck = "background_check"
}

/// How a council reckons credentials: how long training and a background check stay valid,
/// and whether a coordinator may send a volunteer whose insurance has lapsed.
public struct CredentialRules: Sendable, Hashable, Codable {
    /// False: a lapsed insurance excludes, with no override (the volunteer is not covered if
    /// something happens on the way). True: an override after a confirmation may send them.
    public var insuranceLapseOverridable: Bool
    public var trainingValidMonths: Int
    public var backgroundCheckValidMonths: Int

    public init(insuranceLapseOverridable: Bool = false, trainingValidMonths: Int = 24, backgroundCheckValidMonths: Int = 12) {
        self.insuranceLapseOverridable = insuranceLapseOverridable
        self.trainingValidMonths = trainingValidMonths
        self.backgroundCheckValidMonths = backgroundCheckValidMonths
    }

    /// The last day a credential recorded on `date` is valid; nil when nothing is recorded.
    public func validUntil(_ credential: Credential, of volunteer: Volunteer, calendar: Calendar) -> CivilDate? {
        switch credential {
        case .insurance: return volunteer.insuredUntil
        case .training: return volunteer.trainedOn.map { CredentialRules.add(months: trainingValidMonths, to: $0, calendar: calendar) }
        case .backgroundCheck:
            return volunteer.backgroundCheckedOn.map { CredentialRules.add(months: backgroundCheckValidMonths, to: $0, calendar: calendar) }
        }
    }

    /// The earliest day a credential may have been recorded and still count on `day`: training
    /// done before it has lapsed. What ranking compares against, once per request.
    public func trainingCutoff(on day: CivilDate, calendar: Calendar) -> CivilDate {
        CredentialRules.add(months: -trainingValidMonths, to: day, calendar: calendar).adding(days: 1, calendar: calendar)
    }

    /// `months` after `date`, less a day: training on 2025-03-10 for 24 months holds through 2027-03-09.
    public static func add(months: Int, to date: CivilDate, calendar: Calendar) -> CivilDate {
        let start = date.start(in: calendar)
        let moved = calendar.date(byAdding: .month, value: months, to: start) ?? start
        return CivilDate(moved, calendar: calendar).adding(days: months >= 0 ? -1 : 0, calendar: calendar)
    }
}

/// One credential that runs out soon, or has run out, or was never recorded.
public struct CredentialExpiry: Sendable, Hashable {
    public var volunteerID: Int64
    public var credential: Credential
    /// The last valid day; nil when the credential is not on record at all.
    public var validUntil: CivilDate?
    /// Days from today to `validUntil`: negative once it has lapsed; nil when not on record.
    public var daysLeft: Int?

    public init(volunteerID: Int64, credential: Credential, validUntil: CivilDate?, daysLeft: Int?) {
        self.volunteerID = volunteerID
        self.credential = credential
        self.validUntil = validUntil
        self.daysLeft = daysLeft
    }

    public var hasLapsed: Bool { daysLeft.map { $0 < 0 } ?? false }
}

public enum Credentials {
    /// What of `volunteers` (active ones) expires within `days` of `today`, or has expired:
    /// soonest first, then by volunteer. A credential never recorded is listed only with
    /// `includeMissing` (a store that has just started recording them would list everyone).
    public static func expiring(_ volunteers: [Volunteer], today: CivilDate, within days: Int, rules: CredentialRules,
                                calendar: Calendar, includeMissing: Bool = false) -> [CredentialExpiry] {
        let horizon = today.adding(days: days, calendar: calendar)
        let todayStart = today.start(in: calendar)
        var found: [CredentialExpiry] = []
        for volunteer in volunteers where !volunteer.closed {
            for credential in Credential.allCases {
                guard let until = rules.validUntil(credential, of: volunteer, calendar: calendar) else {
                    if includeMissing {
                        found.append(CredentialExpiry(volunteerID: volunteer.id, credential: credential, validUntil: nil, daysLeft: nil))
                    }
                    continue
                }
                guard until <= horizon else { continue }
                let left = calendar.dateComponents([.day], from: todayStart, to: until.start(in: calendar)).day ?? 0
                found.append(CredentialExpiry(volunteerID: volunteer.id, credential: credential, validUntil: until, daysLeft: left))
            }
        }
        return found.sorted { a, b in
            let da = a.daysLeft ?? Int.max, db = b.daysLeft ?? Int.max
            if da != db { return da < db }
            if a.volunteerID != b.volunteerID { return a.volunteerID < b.volunteerID }
            return a.credential.rawValue < b.credential.rawValue
        }
    }

    /// Whether the volunteer's insurance has lapsed by `day`. Not on record is not lapsed:
    /// a store that has just started recording insurance must not stop every escort at once;
    /// the expiring list (`includeMissing`) names who has none on record.
    public static func insuranceLapsed(_ volunteer: Volunteer, on day: CivilDate) -> Bool {
        volunteer.insuredUntil.map { $0 < day } ?? false
    }
}

extension Credential {
    public var phrase: Phrase {
        switch self {
        case .training: return Phrase(ko: "기본 교육", en: "training")
        case .insurance: return Phrase(ko: "자원봉사 상해보험", en: "accident insurance")
        case .backgroundCheck: return Phrase(ko: "범죄경력 조회", en: "background check")
        }
    }
}
