import Foundation

public enum Gender: String, Sendable, Hashable, Codable, CaseIterable {
    case female = "F"
    case male = "M"

    /// Accepts 여/남, F/M, female/male and 여성/남성, as spreadsheets write them.
    public init?(word: String) {
        switch word.trimmingSpaces().lowercased() {
        case "여", "여성", "f", "female", "w", "woman": self = .female
        case "남", "남성", "m", "male", "man": self = .male
        default: return nil
        }
    }
}

/// How a household gets about; it decides who can go with them.
public enum Mobility: String, Sendable, Hashable, Codable, CaseIterable {
    case none, cane, walker, wheelchair

    public init?(word: String) {
        let word = word.trimmingSpaces().lowercased()
        if let value = Mobility(rawValue: word) { self = value; return }
        switch word {
        case "", "없음", "자립": self = .none
        case "지팡이": self = .cane
        case "보행기": self = .walker
        case "휠체어": self = .wheelchair
        default: return nil
        }
    }
}

/// A need that a volunteer's skills can meet.
public enum Need: String, Sendable, Hashable, Codable, CaseIterable, Comparable {
    case hearing, vision, cognitive, language

    public init?(word: String) {
        let word = word.trimmingSpaces().lowercased()
        if let value = Need(rawValue: word) { self = value; return }
        switch word {
        case "청각": self = .hearing
        case "시각": self = .vision
        case "인지": self = .cognitive
        case "언어": self = .language
        default: return nil
        }
    }

    public static func < (a: Need, b: Need) -> Bool { a.rawValue < b.rawValue }
}

/// A single-person household that needs escorts (대상자).
public struct Household: Sendable, Hashable, Codable, Identifiable {
    public var id: Int64
    public var dongCode: String
    public var name: String
    public var birthYear: Int
    public var gender: Gender
    public var phone: String
    public var address: String
    public var mobility: Mobility
    public var needs: Set<Need>
    public var preferredVolunteerGender: Gender?
    public var caseManager: String
    public var consentDate: CivilDate?
    public var notes: String
    public var closed: Bool
    public var version: Int

    public init(
        id: Int64, dongCode: String, name: String, birthYear: Int, gender: Gender, phone: String = "",
        address: String = "", mobility: Mobility = .none, needs: Set<Need> = [],
        preferredVolunteerGender: Gender? = nil, caseManager: String = "", consentDate: CivilDate? = nil,
        notes: String = "", closed: Bool = false, version: Int = 1
    ) {
        self.id = id
        self.dongCode = dongCode
        self.name = name
        self.birthYear = birthYear
        self.gender = gender
        self.phone = phone
        self.address = address
        self.mobility = mobility
        self.needs = needs
        self.preferredVolunteerGender = preferredVolunteerGender
        self.caseManager = caseManager
        self.consentDate = consentDate
        self.notes = notes
        self.closed = closed
        self.version = version
    }
}
