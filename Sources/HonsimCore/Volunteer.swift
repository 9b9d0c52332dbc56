import Foundation

/// What a volunteer can do beyond going along.
public enum Skill: Sendable, Hashable, Codable, Comparable, CustomStringConvertible {
    case wheelchair
    case signLanguage
    case careWorker
    /// A spoken language, by ISO 639-1 code ("en", "zh", "vi").
    case language(String)

    /// Accepts `wheelchair`, `sign_language`, `care_worker`, `lang:xx` and the Korean words.
    public init?(word: String) {
        let word = word.trimmingSpaces().lowercased()
        switch word {
        case "wheelchair", "휠체어": self = .wheelchair
        case "sign_language", "수어", "수화": self = .signLanguage
        case "care_worker", "요양보호사": self = .careWorker
        default:
            guard word.hasPrefix("lang:") else { return nil }
            let code = word.dropFirst(5)
            guard (2...3).contains(code.count), code.allSatisfy({ $0.isASCII && $0.isLetter }) else { return nil }
            self = .language(String(code))
        }
    }

    /// The token written in CSV files and the store.
    public var description: String {
        switch self {
        case .wheelchair: return "wheelchair"
        case .signLanguage: return "sign_language"
        case .careWorker: return "care_worker"
        case .language(let code): return "lang:\(code)"
        }
    }

    public static func < (a: Skill, b: Skill) -> Bool { a.description < b.description }
}

/// A volunteer who goes with households to hospital.
public struct Volunteer: Sendable, Hashable, Codable, Identifiable {
    // In an order that leaves little padding between fields (the one-byte fields fill out the
    // windows' 17 bytes): a city's volunteer list holds 20,000 of these for as long as a
    // dashboard is open, and each byte of a record is 20 KB of it.
    public var id: Int64
    public var dongCode: String
    public var name: String
    public var phone: String
    public var notes: String
    public var skills: Set<Skill>
    public var weeklyCapMinutes: Int
    public var daysOff: [DayOff]
    public var version: Int
    public var availability: WeeklyAvailability
    public var gender: Gender
    public var hasCar: Bool
    public var closed: Bool
    /// The volunteer's credentials (`Credentials.swift`). Optional, so that records written
    /// before they existed (the audit log's) still decode: nil is "not on record".
    /// The day the basic volunteer training was completed.
    public var trainedOn: CivilDate?
    /// The last day the volunteer accident insurance (자원봉사 상해보험) covers.
    public var insuredUntil: CivilDate?
    /// The day the background check (범죄경력 조회) was made.
    public var backgroundCheckedOn: CivilDate?
    /// The day the volunteer agreed that their hours go to the national volunteer portal.
    public var portalConsentOn: CivilDate?

    public init(
        id: Int64, dongCode: String, name: String, gender: Gender, phone: String = "",
        skills: Set<Skill> = [], hasCar: Bool = false, weeklyCapMinutes: Int = 8 * 60,
        availability: WeeklyAvailability = WeeklyAvailability(), daysOff: [DayOff] = [],
        notes: String = "", closed: Bool = false, version: Int = 1,
        trainedOn: CivilDate? = nil, insuredUntil: CivilDate? = nil, backgroundCheckedOn: CivilDate? = nil, portalConsentOn: CivilDate? = nil
    ) {
        self.trainedOn = trainedOn
        self.insuredUntil = insuredUntil
        self.backgroundCheckedOn = backgroundCheckedOn
        self.portalConsentOn = portalConsentOn
        self.id = id
        self.dongCode = dongCode
        self.name = name
        self.gender = gender
        self.phone = phone
        self.skills = skills
        self.hasCar = hasCar
        self.weeklyCapMinutes = weeklyCapMinutes
        self.availability = availability
        self.daysOff = daysOff
        self.notes = notes
        self.closed = closed
        self.version = version
    }

    /// The day off that covers `date`, if any.
    public func dayOff(on date: CivilDate) -> DayOff? {
        daysOff.first { $0.from <= date && date <= $0.to }
    }
}

/// Days a volunteer cannot go, inclusive at both ends.
public struct DayOff: Sendable, Hashable, Codable {
    public var from: CivilDate
    public var to: CivilDate
    public var reason: String

    public init(from: CivilDate, to: CivilDate, reason: String = "") {
        self.from = from
        self.to = to
        self.reason = reason
    }
}
