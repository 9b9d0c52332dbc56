import Foundation

/// One use of the service by a household: an escort not cancelled, at its appointment, with
/// its minutes (actual once completed, expected before). `number` is the new request's place
/// among those checked (its row in an import, its date in a series), 0 for one already stored.
public struct HouseholdUse: Sendable, Hashable {
    public var appointmentAt: Date
    public var minutes: Int
    public var number: Int

    public init(appointmentAt: Date, minutes: Int, number: Int = 0) {
        self.appointmentAt = appointmentAt
        self.minutes = minutes
        self.number = number
    }
}

/// A council's rule that bites on a household or a new request, with the reason in words.
public struct RuleFinding: Sendable, Hashable, Codable {
    public enum Reason: Sendable, Hashable, Codable {
        case servedElsewhere(Set<OtherService>)
        case notEligible(Set<EligibilityCategory>)
        case noCategory
        case usesPerMonth(year: Int, month: Int, limit: Int, total: Int)
        case usesPerYear(year: Int, limit: Int, total: Int)
        case hoursPerYear(year: Int, limitHours: Int, totalMinutes: Int)
    }

    public var reason: Reason
    /// A coordinator may go past it with a reason, as the council's rules say.
    public var overridable: Bool
    /// The new requests (by `HouseholdUse.number`) that go past a limit; empty for eligibility.
    public var numbers: [Int]

    public init(reason: Reason, overridable: Bool, numbers: [Int] = []) {
        self.reason = reason
        self.overridable = overridable
        self.numbers = numbers
    }

    /// The rule's key, as config and `honsim rules` name it.
    public var rule: String {
        switch reason {
        case .servedElsewhere: "excluded_services"
        case .notEligible: "eligible_categories"
        case .noCategory: "require_category"
        case .usesPerMonth: "uses_per_month"
        case .usesPerYear: "uses_per_year"
        case .hoursPerYear: "hours_per_year"
        }
    }

    /// By how much a limit is passed, in its unit (escorts, or minutes for hours); 0 for eligibility.
    public var excess: Int {
        switch reason {
        case .usesPerMonth(_, _, let limit, let total), .usesPerYear(_, let limit, let total): total - limit
        case .hoursPerYear(_, let limitHours, let totalMinutes): totalMinutes - limitHours * 60
        case .servedElsewhere, .notEligible, .noCategory: 0
        }
    }

    public var phrase: Phrase { CouncilRulePhrases.finding(self) }
}

/// The council's rules applied: pure decisions that the store, the forms and the import share.
public enum CouncilRuleCheck {
    /// Whether a household is outside the rules, and why; nil when it is eligible.
    public static func eligibility(_ eligibility: HouseholdEligibility, rules: CouncilRules) -> RuleFinding? {
        let excluded = eligibility.servedElsewhere.intersection(rules.excludedServices)
        if !excluded.isEmpty {
            return RuleFinding(reason: .servedElsewhere(excluded), overridable: rules.eligibilityOverridable)
        }
        if eligibility.categories.isEmpty {
            return rules.requireCategory ? RuleFinding(reason: .noCategory, overridable: rules.eligibilityOverridable) : nil
        }
        if eligibility.categories.isDisjoint(with: rules.eligibleCategories) {
            return RuleFinding(reason: .notEligible(eligibility.categories), overridable: rules.eligibilityOverridable)
        }
        return nil
    }

    /// The limits that `adding` would pass, given the household's `existing` uses: each month
    /// and year over its limit once, naming the new requests past it (in appointment order, the
    /// ones from which the count goes over) and by how much.
    public static func limits(rules: CouncilRules, existing: [HouseholdUse], adding: [HouseholdUse], calendar: Calendar) -> [RuleFinding] {
        guard !adding.isEmpty else { return [] }
        var findings: [RuleFinding] = []
        let all = (existing + adding).sorted { ($0.appointmentAt, $0.number) < ($1.appointmentAt, $1.number) }
        func month(_ use: HouseholdUse) -> [Int] {
            let parts = calendar.dateComponents([.year, .month], from: use.appointmentAt)
            return [parts.year ?? 0, parts.month ?? 0]
        }
        func year(_ use: HouseholdUse) -> [Int] { [calendar.component(.year, from: use.appointmentAt)] }
        /// Within each period, the new uses from which `measure` goes past `limit`: what is stored
        /// counts first (it is already there), then the new ones in appointment order.
        func passing(_ period: (HouseholdUse) -> [Int], limit: Int, measure: (HouseholdUse) -> Int,
                     finding: ([Int], Int, [Int]) -> RuleFinding) {
            let periods = Dictionary(grouping: all, by: period)
            for key in periods.keys.sorted(by: { $0.lexicographicallyPrecedes($1) }) {
                guard let uses = periods[key], uses.contains(where: { $0.number > 0 }) else { continue }
                var running = uses.filter { $0.number == 0 }.reduce(0) { $0 + measure($1) }
                var past: [Int] = []
                for use in uses where use.number > 0 {
                    running += measure(use)
                    if running > limit { past.append(use.number) }
                }
                if running > limit && !past.isEmpty { findings.append(finding(key, running, past)) }
            }
        }
        if let limit = rules.usesPerMonth {
            passing(month, limit: limit, measure: { _ in 1 }) { key, total, past in
                RuleFinding(reason: .usesPerMonth(year: key[0], month: key[1], limit: limit, total: total),
                            overridable: rules.limitsOverridable, numbers: past)
            }
        }
        if let limit = rules.usesPerYear {
            passing(year, limit: limit, measure: { _ in 1 }) { key, total, past in
                RuleFinding(reason: .usesPerYear(year: key[0], limit: limit, total: total), overridable: rules.limitsOverridable, numbers: past)
            }
        }
        if let hours = rules.hoursPerYear {
            passing(year, limit: hours * 60, measure: \.minutes) { key, total, past in
                RuleFinding(reason: .hoursPerYear(year: key[0], limitHours: hours, totalMinutes: total),
                            overridable: rules.limitsOverridable, numbers: past)
            }
        }
        return findings
    }

    /// Everything the rules say about new requests for one household.
    public static func findings(rules: CouncilRules, eligibility: HouseholdEligibility, existing: [HouseholdUse],
                                adding: [HouseholdUse], calendar: Calendar) -> [RuleFinding] {
        [CouncilRuleCheck.eligibility(eligibility, rules: rules)].compactMap { $0 }
            + limits(rules: rules, existing: existing, adding: adding, calendar: calendar)
    }

    /// What a household has used of its limits in the month and year of `date`: the line the
    /// request form and the household page show ("이번 달 3/4회 · 올해 20/40회 · 올해 31/60시간").
    public static func usage(rules: CouncilRules, existing: [HouseholdUse], at date: Date, calendar: Calendar) -> UsageSummary {
        let year = calendar.component(.year, from: date)
        let month = calendar.component(.month, from: date)
        let inYear = existing.filter { calendar.component(.year, from: $0.appointmentAt) == year }
        let inMonth = inYear.filter { calendar.component(.month, from: $0.appointmentAt) == month }
        return UsageSummary(usesInMonth: inMonth.count, usesInYear: inYear.count, minutesInYear: inYear.reduce(0) { $0 + $1.minutes },
                            usesPerMonth: rules.usesPerMonth, usesPerYear: rules.usesPerYear, hoursPerYear: rules.hoursPerYear)
    }
}

/// A household's uses against its limits.
public struct UsageSummary: Sendable, Hashable, Codable {
    public var usesInMonth: Int
    public var usesInYear: Int
    public var minutesInYear: Int
    public var usesPerMonth: Int?
    public var usesPerYear: Int?
    public var hoursPerYear: Int?

    public init(usesInMonth: Int = 0, usesInYear: Int = 0, minutesInYear: Int = 0, usesPerMonth: Int? = nil,
                usesPerYear: Int? = nil, hoursPerYear: Int? = nil) {
        self.usesInMonth = usesInMonth
        self.usesInYear = usesInYear
        self.minutesInYear = minutesInYear
        self.usesPerMonth = usesPerMonth
        self.usesPerYear = usesPerYear
        self.hoursPerYear = hoursPerYear
    }

    /// A limit already reached: the next request goes past it.
    public var isAtALimit: Bool {
        usesPerMonth.map { usesInMonth >= $0 } == true || usesPerYear.map { usesInYear >= $0 } == true
            || hoursPerYear.map { minutesInYear >= $0 * 60 } == true
    }

    public var phrase: Phrase { CouncilRulePhrases.usage(self) }
}

/// No-shows and late cancellations of a household or a volunteer over the council's window.
public struct ConductCounts: Sendable, Hashable, Codable {
    public var noShows: Int
    public var lateCancellations: Int
    public var windowDays: Int

    public init(noShows: Int = 0, lateCancellations: Int = 0, windowDays: Int = CouncilRules.defaultNoShowWindowDays) {
        self.noShows = noShows
        self.lateCancellations = lateCancellations
        self.windowDays = windowDays
    }

    public var total: Int { noShows + lateCancellations }

    /// Past the council's threshold: shown as a flag with the counts, never a refusal.
    public func isFlagged(threshold: Int) -> Bool { threshold > 0 && total >= threshold }

    /// "최근 90일 불참 2회 · 늦은 취소 1회".
    public var phrase: Phrase { CouncilRulePhrases.conduct(self) }
}

/// The no-show flags beside a ranking: the household's and each listed volunteer's, only those
/// past their council's threshold. A flag informs; it refuses nothing.
public struct ConductFlags: Sendable, Hashable, Codable {
    public var household: ConductCounts?
    public var volunteers: [Int64: ConductCounts]

    public init(household: ConductCounts? = nil, volunteers: [Int64: ConductCounts] = [:]) {
        self.household = household
        self.volunteers = volunteers
    }
}
