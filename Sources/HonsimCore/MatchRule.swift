import Foundation

/// The rules of matching, by name: the hard filters in the order their reasons are listed,
/// then the terms of the score in theirs. Each rule has exactly one entry in `RuleTable.apply`,
/// which holds its test over the packed pool and its reason in words; whether a filter may be
/// overridden is said here, once. Ranking, the store's assign check, the near-miss reasons
/// and `Exclusion.isOverridable` all read these entries, so they cannot disagree.
public enum MatchRule: Int, CaseIterable, Sendable, Hashable {
    // Hard filters.
    case closed, overlap, wheelchairSkill, car, availability, dayOff, genderPreference, weeklyCap, insurance
    // Terms of the score.
    case sameDong, sameGu, escortedBefore, hoursThisMonth, signLanguage, speaksLanguage, careWorker, wheelchairCapable, hasCar
    case seriesVolunteer
    case training

    /// A hard filter rather than a term of the score.
    public var isFilter: Bool { rawValue <= MatchRule.insurance.rawValue }

    /// Whether a coordinator may assign a volunteer who fails this filter, after a confirmation
    /// (they phoned the volunteer). Never for what cannot work: a closed record, a double
    /// booking, a wheelchair without the skill, a car trip without a car.
    @inline(__always)
    public var isOverridable: Bool {
        switch self {
        case .availability, .dayOff, .genderPreference, .weeklyCap: return true
        // The insurance by the council's setting (`CredentialRules`), which the table passes.
        case .closed, .overlap, .wheelchairSkill, .car, .insurance: return false
        case .sameDong, .sameGu, .escortedBefore, .hoursThisMonth, .signLanguage, .speaksLanguage, .careWorker,
             .wheelchairCapable, .hasCar, .seriesVolunteer, .training:
            return false
        }
    }
}

extension Exclusion {
    /// The filter this reason comes from.
    public var rule: MatchRule {
        switch self {
        case .closed: return .closed
        case .overlap: return .overlap
        case .needsWheelchairSkill: return .wheelchairSkill
        case .needsCar: return .car
        case .outsideAvailability: return .availability
        case .dayOff: return .dayOff
        case .genderPreference: return .genderPreference
        case .weeklyCap: return .weeklyCap
        case .insuranceLapsed: return .insurance
        }
    }
}

extension ScoreTerm.Reason {
    /// The term of the score this reason comes from.
    public var rule: MatchRule {
        switch self {
        case .sameDong: return .sameDong
        case .sameGu: return .sameGu
        case .escortedBefore: return .escortedBefore
        case .hoursThisMonth: return .hoursThisMonth
        case .signLanguage: return .signLanguage
        case .speaksLanguage: return .speaksLanguage
        case .careWorker: return .careWorker
        case .wheelchairCapable: return .wheelchairCapable
        case .hasCar: return .hasCar
        case .seriesVolunteer: return .seriesVolunteer
        case .trainingMissing: return .training
        }
    }
}

/// What reads the rule table for one volunteer. Every entry is handed to the reader, failed
/// or not, with its reason as a closure: the tally that ranks thousands never builds one.
protocol RuleReader {
    /// A hard filter: `found` is nil when the volunteer passes it, else what its reason names
    /// (the clashing escort, the day off, the wanted gender, or nothing more).
    mutating func filter<Found>(_ rule: MatchRule, overridable: Bool, found: Found?, because: (Found) -> Exclusion)
    /// A term of the score, with its points when it applies. The points are plain arithmetic,
    /// worked out either way, so that the tally can add them without a branch.
    mutating func term(_ rule: MatchRule, applies: Bool, points: Int, because: () -> ScoreTerm.Reason)
}

extension RuleReader {
    /// A filter whose overriding the rule itself decides.
    @inline(__always)
    mutating func filter<Found>(_ rule: MatchRule, found: Found?, because: (Found) -> Exclusion) {
        filter(rule, overridable: rule.isOverridable, found: found, because: because)
    }

    /// A filter whose reason names nothing more than the rule.
    @inline(__always)
    mutating func filter(_ rule: MatchRule, fails: Bool, because: @autoclosure () -> Exclusion) {
        filter(rule, found: fails ? () : nil) { _ in because() }
    }

    @inline(__always)
    mutating func term(_ rule: MatchRule, applies: Bool, points: Int, because: @autoclosure () -> ScoreTerm.Reason) {
        term(rule, applies: applies, points: points, because: because)
    }
}

/// The table read as numbers: how many filters fail, whether an override could accept them
/// all, and the score. What ranking does for every volunteer of the pool.
struct RuleTally: RuleReader {
    var exclusions = 0
    var overridable = true
    var score = 0

    // Written without branches: on a random pool they would be mispredicted half the time.
    @inline(__always)
    mutating func filter<Found>(_ rule: MatchRule, overridable ruleOverridable: Bool, found: Found?, because: (Found) -> Exclusion) {
        let fails = found != nil
        exclusions &+= fails ? 1 : 0
        overridable = overridable && (ruleOverridable || !fails)
    }

    @inline(__always)
    mutating func term(_ rule: MatchRule, applies: Bool, points: Int, because: () -> ScoreTerm.Reason) {
        score &+= applies ? points : 0
    }
}

/// The table read as words: every failed filter and every term with its points. What a kept
/// candidate and the assign check get.
struct RuleReasons: RuleReader {
    var exclusions: [Exclusion] = []
    var terms: [ScoreTerm] = []

    mutating func filter<Found>(_ rule: MatchRule, overridable: Bool, found: Found?, because: (Found) -> Exclusion) {
        guard let found else { return }
        exclusions.append(because(found))
    }

    mutating func term(_ rule: MatchRule, applies: Bool, points: Int, because: () -> ScoreTerm.Reason) {
        guard applies else { return }
        terms.append(ScoreTerm(because(), points: points))
    }
}
