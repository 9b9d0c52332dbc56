import Foundation

/// Why a household is served: the categories a council records on a household (대상 구분).
public enum EligibilityCategory: String, Sendable, Hashable, Codable, CaseIterable, Comparable {
    case basicLivelihood = "basic_livelihood"
    case nearPoverty = "near_poverty"
    case caseManaged = "case_managed"
    case emergency
    case other

    /// Accepts the stored word, the Korean one and common short forms, as spreadsheets write them.
    public init?(word: String) {
        let word = word.trimmingSpaces().lowercased()
        if let value = EligibilityCategory(rawValue: word) { self = value; return }
        switch word.replacingOccurrences(of: " ", with: "") {
        case "기초생활수급", "기초생활수급자", "수급", "수급자", "기초수급": self = .basicLivelihood
        case "차상위", "차상위계층": self = .nearPoverty
        case "사례관리", "사례관리대상": self = .caseManaged
        case "긴급지원", "긴급": self = .emergency
        case "기타": self = .other
        default: return nil
        }
    }

    public static func < (a: Self, b: Self) -> Bool { (allCases.firstIndex(of: a) ?? 0) < (allCases.firstIndex(of: b) ?? 0) }
}

/// A service that already serves a household elsewhere, which a council may exclude from
/// escorts so that one person is not served twice.
public enum OtherService: String, Sendable, Hashable, Codable, CaseIterable, Comparable {
    case longTermCare = "long_term_care"
    case customizedElderlyCare = "elderly_care"
    case disabilityAssistance = "disability_assistance"

    public init?(word: String) {
        let word = word.trimmingSpaces().lowercased()
        if let value = OtherService(rawValue: word) { self = value; return }
        switch word.replacingOccurrences(of: " ", with: "") {
        case "장기요양", "장기요양등급": self = .longTermCare
        case "노인맞춤돌봄", "노인맞춤돌봄서비스": self = .customizedElderlyCare
        case "장애인활동지원", "활동지원": self = .disabilityAssistance
        default: return nil
        }
    }

    public static func < (a: Self, b: Self) -> Bool { (allCases.firstIndex(of: a) ?? 0) < (allCases.firstIndex(of: b) ?? 0) }
}

/// What a household's record says about its eligibility: its categories and the services
/// that serve it elsewhere. Nothing recorded is not the same as not eligible: a council
/// decides (`CouncilRules.requireCategory`).
public struct HouseholdEligibility: Sendable, Hashable, Codable {
    public var categories: Set<EligibilityCategory>
    public var servedElsewhere: Set<OtherService>

    public init(categories: Set<EligibilityCategory> = [], servedElsewhere: Set<OtherService> = []) {
        self.categories = categories
        self.servedElsewhere = servedElsewhere
    }

    public var isEmpty: Bool { categories.isEmpty && servedElsewhere.isEmpty }

    /// Stored and exported as words joined by commas, in the categories' order.
    public static func words<T: RawRepresentable & Comparable>(_ set: Set<T>) -> String where T.RawValue == String {
        set.sorted().map(\.rawValue).joined(separator: ",")
    }

    /// Parses words joined by commas; nil names the first word that is not one.
    public static func parse<T>(_ text: String, as make: (String) -> T?) -> Result<Set<T>, UnknownWord> {
        var set = Set<T>()
        for word in text.split(whereSeparator: { $0 == "," || $0 == ";" || $0 == "/" }).map({ String($0).trimmingSpaces() }) where !word.isEmpty {
            guard let value = make(word) else { return .failure(UnknownWord(word: word)) }
            set.insert(value)
        }
        return .success(set)
    }

    public struct UnknownWord: Error, Hashable, Sendable { public let word: String }
}

/// A council's rules (지역사회보장협의체 운영 기준) for one dong, or the city's defaults. The
/// built-in defaults refuse nobody already served: every category is eligible, a household
/// with nothing recorded is not refused, and there are no limits until a council sets them.
public struct CouncilRules: Sendable, Hashable, Codable {
    public static let defaultNoShowWindowDays = 90
    public static let defaultNoShowThreshold = 3
    public static let defaultLateCancelHours = 24

    /// Categories that make a household eligible.
    public var eligibleCategories: Set<EligibilityCategory> = Set(EligibilityCategory.allCases)
    /// Services whose users are served elsewhere and so not by escorts.
    public var excludedServices: Set<OtherService> = Set(OtherService.allCases)
    /// A household with no category recorded is outside the rules.
    public var requireCategory = false
    /// A household outside the rules may still be served, by a coordinator's override with a reason.
    public var eligibilityOverridable = true
    /// Escorts per household in a calendar month; nil: no limit.
    public var usesPerMonth: Int?
    /// Escorts per household in a calendar year; nil: no limit.
    public var usesPerYear: Int?
    /// Hours of escorts per household in a calendar year; nil: no limit.
    public var hoursPerYear: Int?
    /// A limit passed may still be allowed by override with a reason.
    public var limitsOverridable = true
    /// Days back over which no-shows and late cancellations are counted.
    public var noShowWindowDays = CouncilRules.defaultNoShowWindowDays
    /// No-shows and late cancellations together from which a flag is shown.
    public var noShowThreshold = CouncilRules.defaultNoShowThreshold
    /// A cancellation (or a volunteer's drop-out) less than this many hours before the
    /// appointment is late.
    public var lateCancelHours = CouncilRules.defaultLateCancelHours

    public init() {}
}

/// The city's rules and each dong's council's own, by dong code. A dong's entry is its whole
/// rule set (the city's with its differences), so that what applies in a dong is one record.
public struct CouncilRuleBook: Sendable, Hashable, Codable {
    public var city: CouncilRules
    public var dongs: [String: CouncilRules]

    public init(city: CouncilRules = CouncilRules(), dongs: [String: CouncilRules] = [:]) {
        self.city = city
        self.dongs = dongs
    }

    /// The rules that apply to a household or request of `dongCode`.
    public func rules(forDong dongCode: String) -> CouncilRules { dongs[dongCode] ?? city }
}
