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
    /// Actual minutes of completed escorts, as the per-dong statistics count volunteer hours.
    public var minutes = 0
    public var households = 0

    public init(category: EligibilityCategory?) { self.category = category }

    public var name: Phrase {
        category.map(CouncilRulePhrases.category) ?? Phrase(ko: "구분 미기록", en: "not recorded")
    }

    /// Adds a group's figures (households too: a household is in one group only).
    mutating func add(_ group: CategoryGroup) {
        requests += group.requests
        completed += group.completed
        noShows += group.noShows
        cancelled += group.cancelled
        minutes += group.minutes
        households += group.households
    }
}

/// The requests of a period whose households have one same set of categories: one row of the
/// store's grouped read. A household has one set, so its requests are in one group only, and
/// the groups' households add up without counting anyone twice.
public struct CategoryGroup: Sendable, Hashable {
    public var categories: Set<EligibilityCategory>
    public var requests: Int
    public var completed: Int
    public var noShows: Int
    public var cancelled: Int
    public var minutes: Int
    public var households: Int

    public init(categories: Set<EligibilityCategory>, requests: Int, completed: Int = 0, noShows: Int = 0, cancelled: Int = 0,
                minutes: Int = 0, households: Int) {
        self.categories = categories
        self.requests = requests
        self.completed = completed
        self.noShows = noShows
        self.cancelled = cancelled
        self.minutes = minutes
        self.households = households
    }
}

/// A period's figures by category: one row per category in the categories' order, then "not
/// recorded", and the total. A household of several categories (and its requests) counts under
/// each of them; the total counts every request and household once, so the rows may add up to
/// more than the total.
public struct CategoryBreakdown: Sendable, Hashable, Codable {
    /// Every category and "not recorded", rows with no request included.
    public var rows: [CategoryFigures]
    /// Every request and household once (its `category` is nil: it is no category's row).
    public var total: CategoryFigures

    public init(groups: [CategoryGroup]) {
        var byCategory: [EligibilityCategory?: CategoryFigures] = [:]
        var total = CategoryFigures(category: nil)
        for group in groups {
            let keys: [EligibilityCategory?] = group.categories.isEmpty ? [nil] : group.categories.sorted().map { $0 }
            for key in keys { byCategory[key, default: CategoryFigures(category: key)].add(group) }
            total.add(group)
        }
        let order: [EligibilityCategory?] = EligibilityCategory.allCases.map { $0 } + [nil]
        rows = order.map { byCategory[$0] ?? CategoryFigures(category: $0) }
        self.total = total
    }

    /// How the rows count, in the words every view of them ends with.
    public static let countingNote = Phrase(ko: "여러 구분에 해당하는 대상자는 각 구분에 셉니다. 합계는 요청과 대상자를 한 번씩 셉니다.",
                                            en: "A household of several categories counts in each; the total counts every request and household once.")
    public static let totalName = Phrase(ko: "합계", en: "total")

    /// The rows that have a request: what the monthly report lists.
    public var withRequests: [CategoryFigures] { rows.filter { $0.requests > 0 } }

    /// Households of several categories are counted under each: the rows then add up to more
    /// requests than the total has.
    public var countsSomeTwice: Bool { rows.reduce(0) { $0 + $1.requests } > total.requests }
}
