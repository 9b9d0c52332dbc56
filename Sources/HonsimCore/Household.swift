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
    /// The family contact the run sheet names and the call list calls when the household cannot
    /// answer (보호자·가족 연락처): a name, how they are related (딸, 아들, 조카, 이웃) and a phone.
    /// As personal as the household's own name and phone, and masked by the same rule.
    public var family: FamilyContact

    public init(
        id: Int64, dongCode: String, name: String, birthYear: Int, gender: Gender, phone: String = "",
        address: String = "", mobility: Mobility = .none, needs: Set<Need> = [],
        preferredVolunteerGender: Gender? = nil, caseManager: String = "", consentDate: CivilDate? = nil,
        notes: String = "", closed: Bool = false, version: Int = 1, family: FamilyContact = FamilyContact()
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
        self.family = family
    }
}

/// A household's family contact: empty when none is recorded.
public struct FamilyContact: Sendable, Hashable, Codable {
    public var name: String
    /// How they are related to the household, in the office's words: 딸, 아들, 조카, 이웃.
    public var relation: String
    public var phone: String

    public init(name: String = "", relation: String = "", phone: String = "") {
        self.name = name
        self.relation = relation
        self.phone = phone
    }

    public var isEmpty: Bool { name.trimmingSpaces().isEmpty && relation.trimmingSpaces().isEmpty && phone.trimmingSpaces().isEmpty }

    /// As a role that may not see the household in full gets it: the name and phone by the one
    /// masking rule; the relation says nothing of who the person is and stays.
    public var masked: FamilyContact {
        FamilyContact(name: Masking.name(name), relation: relation, phone: Masking.phone(phone))
    }

    /// "김영희 (딸) 010-1234-5678", what is recorded of it; "" when nothing is.
    public var line: String {
        let relation = self.relation.trimmingSpaces()
        return [name.trimmingSpaces(), relation.isEmpty ? "" : "(\(relation))", phone.trimmingSpaces()]
            .filter { !$0.isEmpty }.joined(separator: " ")
    }
}
