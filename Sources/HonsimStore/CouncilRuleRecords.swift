import Foundation
import HonsimCore

/// A coordinator's decision to go past the council's rules, with the reason they give.
public struct RuleOverride: Sendable, Hashable {
    public var reason: String

    public init(reason: String) { self.reason = reason }
}

/// An override as recorded on a request: which rule, what it said, why it was passed, who and when.
public struct RecordedOverride: Sendable, Hashable, Codable {
    public var requestID: Int64
    public var rule: String
    public var detail: String
    public var reason: String
    public var at: Date
    public var by: String
}

/// A household under its council's rules, as its page shows it.
public struct HouseholdStanding: Sendable, Hashable, Codable {
    public var eligibility: HouseholdEligibility
    /// Why the household is outside the rules; nil when it is within them.
    public var finding: RuleFinding?
    public var usage: UsageSummary
    public var conduct: ConductCounts
    /// Past the no-show threshold: the page shows the flag with the counts.
    public var flagged: Bool
    /// Eligibility hidden from a role that may not see the household in full.
    public var isMasked = false

    public init(eligibility: HouseholdEligibility = HouseholdEligibility(), finding: RuleFinding? = nil, usage: UsageSummary = UsageSummary(),
                conduct: ConductCounts = ConductCounts(), flagged: Bool = false) {
        self.eligibility = eligibility
        self.finding = finding
        self.usage = usage
        self.conduct = conduct
        self.flagged = flagged
    }

    /// What a role that may not see the household in full sees: the counts, not its
    /// categories or the services it uses, which say much about a person's circumstances.
    func masked() -> HouseholdStanding {
        var standing = self
        standing.eligibility = HouseholdEligibility()
        standing.finding = nil
        standing.isMasked = true
        return standing
    }
}
