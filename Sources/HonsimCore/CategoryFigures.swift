import Foundation

/// A period's figures by eligibility category: what a council reports on whom the service
/// reached. A household of several categories counts in each; one with none recorded counts
/// under "not recorded" (`category` nil), so that nothing falls out of the totals' sight.
public struct CategoryFigures: Sendable, Hashable, Codable {
    /// nil: no category recorded.
    public var category: EligibilityCategory?
    public var requests = 0
    public var completed = 0
    public var noShows = 0
    public var cancelled = 0
    /// Actual minutes of completed escorts.
    public var minutes = 0
    public var households = 0

    public init(category: EligibilityCategory?) { self.category = category }

    public var name: Phrase {
        category.map(CouncilRulePhrases.category) ?? Phrase(ko: "구분 미기록", en: "not recorded")
    }

    /// One row per category in the categories' order, then "not recorded"; rows with no request left out.
    public static func make(requests: [EscortRequest], eligibility: [Int64: HouseholdEligibility]) -> [CategoryFigures] {
        var rows: [EligibilityCategory?: CategoryFigures] = [:]
        var served: [EligibilityCategory?: Set<Int64>] = [:]
        for request in requests {
            let categories = eligibility[request.householdID]?.categories ?? []
            let keys: [EligibilityCategory?] = categories.isEmpty ? [nil] : categories.sorted().map { $0 }
            for key in keys {
                var row = rows[key] ?? CategoryFigures(category: key)
                row.requests += 1
                switch request.status {
                case .completed:
                    row.completed += 1
                    row.minutes += request.completion?.actualMinutes ?? request.expectedMinutes
                case .noShow: row.noShows += 1
                case .cancelled: row.cancelled += 1
                case .pending, .assigned, .confirmed, .inProgress: break
                }
                rows[key] = row
                served[key, default: []].insert(request.householdID)
            }
        }
        let order: [EligibilityCategory?] = EligibilityCategory.allCases.map { $0 } + [nil]
        return order.compactMap { key in
            guard var row = rows[key] else { return nil }
            row.households = served[key]?.count ?? 0
            return row
        }
    }
}
