import Foundation

/// What a volunteer is paid back for one escort (실비), in won: fares, parking and meals.
public struct Expenses: Sendable, Hashable, Codable {
    public var fares: Int
    public var parking: Int
    public var meals: Int

    public init(fares: Int = 0, parking: Int = 0, meals: Int = 0) {
        self.fares = fares
        self.parking = parking
        self.meals = meals
    }

    public var total: Int { fares + parking + meals }
    public var isEmpty: Bool { total == 0 }

    public static func + (a: Expenses, b: Expenses) -> Expenses {
        Expenses(fares: a.fares + b.fares, parking: a.parking + b.parking, meals: a.meals + b.meals)
    }
}

/// The council's rule on expenses: what one escort may pay back. Past it the payment is more
/// than costs, and the hours may no longer count as volunteering (자원봉사활동 실적 불인정).
public enum ExpenseRules {
    /// By how much `expenses` pass the ceiling, or nil when within it.
    public static func excess(_ expenses: Expenses, ceiling: Int) -> Int? {
        expenses.total > ceiling ? expenses.total - ceiling : nil
    }

    /// The warning shown where a payment passes the ceiling: in the completion form, the
    /// import of completed escorts and the monthly report.
    public static func warning(_ expenses: Expenses, ceiling: Int) -> Phrase? {
        guard let over = excess(expenses, ceiling: ceiling) else { return nil }
        return Phrase(ko: "실비 \(won(expenses.total))이 한도 \(won(ceiling))을 \(won(over)) 넘습니다: 자원봉사 시간으로 인정되지 않을 수 있습니다",
                      en: "expenses of \(won(expenses.total)) pass the ceiling of \(won(ceiling)) by \(won(over)): "
                          + "then the hours may not count as volunteering")
    }

    /// What is wrong with the amounts: none may be negative.
    public static func issues(_ expenses: Expenses) -> [FieldIssue] {
        [("fares", expenses.fares), ("parking", expenses.parking), ("meals", expenses.meals)].compactMap { field, amount in
            amount < 0 ? FieldIssue(field: field, message: Phrase(ko: "0원 이상이어야 합니다", en: "must be 0 or more")) : nil
        }
    }

    /// An amount as typed ("12,000", "12000원", ""), in won; nil when it is not a whole
    /// amount of zero or more. Empty is zero: most escorts pay back nothing.
    public static func amount(_ text: String) -> Int? {
        var digits = text.trimmingSpaces()
        if digits.hasSuffix("원") { digits.removeLast() }
        digits = digits.replacingOccurrences(of: ",", with: "").trimmingSpaces()
        if digits.isEmpty { return 0 }
        guard digits.allSatisfy({ $0.isASCII && $0.isNumber }), digits.count <= 9, let value = Int(digits) else { return nil }
        return value
    }

    /// "12,000원": the amount with thousands grouped, as a payment slip writes it.
    public static func won(_ amount: Int) -> String {
        grouped(amount) + "원"
    }

    public static func grouped(_ amount: Int) -> String {
        let digits = String(abs(amount))
        var out = ""
        for (index, character) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { out.append(",") }
            out.append(character)
        }
        return (amount < 0 ? "-" : "") + out
    }
}

/// One escort's expenses in a month's report, with the names the report may show.
public struct ExpenseLine: Sendable, Hashable, Codable {
    public var requestID: Int64
    public var day: CivilDate
    public var volunteerID: Int64
    public var volunteerName: String
    public var dongCode: String
    public var expenses: Expenses
    /// By how much the payment passes the ceiling; nil within it.
    public var overCeiling: Int?

    public init(requestID: Int64, day: CivilDate, volunteerID: Int64, volunteerName: String, dongCode: String, expenses: Expenses,
                overCeiling: Int?) {
        self.requestID = requestID
        self.day = day
        self.volunteerID = volunteerID
        self.volunteerName = volunteerName
        self.dongCode = dongCode
        self.expenses = expenses
        self.overCeiling = overCeiling
    }
}

/// A month's expenses: every escort's, and the sums by volunteer and by dong.
public struct ExpenseReport: Sendable, Hashable {
    public struct Total: Sendable, Hashable {
        public var key: String
        public var label: String
        public var escorts: Int
        public var expenses: Expenses
        public var overCeiling: Int
    }

    public var month: String
    public var ceiling: Int
    public var lines: [ExpenseLine]

    public init(month: String, ceiling: Int, lines: [ExpenseLine]) {
        self.month = month
        self.ceiling = ceiling
        self.lines = lines
    }

    /// By volunteer, in the order of their names.
    public var byVolunteer: [Total] {
        totals(key: { String($0.volunteerID) }, label: { $0.volunteerName }).sorted { ($0.label, $0.key) < ($1.label, $1.key) }
    }

    /// By dong, in `order` (the city's), dongs without expenses left out.
    public func byDong(order: [String], names: [String: String]) -> [Total] {
        let found = Dictionary(uniqueKeysWithValues: totals(key: \.dongCode, label: { names[$0.dongCode] ?? $0.dongCode }).map { ($0.key, $0) })
        return order.compactMap { found[$0] } + found.values.filter { !order.contains($0.key) }.sorted { $0.key < $1.key }
    }

    public var total: Expenses { lines.reduce(Expenses()) { $0 + $1.expenses } }

    private func totals(key: (ExpenseLine) -> String, label: (ExpenseLine) -> String) -> [Total] {
        var found: [String: Total] = [:]
        for line in lines {
            let k = key(line)
            var total = found[k] ?? Total(key: k, label: label(line), escorts: 0, expenses: Expenses(), overCeiling: 0)
            total.escorts += 1
            total.expenses = total.expenses + line.expenses
            total.overCeiling += line.overCeiling == nil ? 0 : 1
            found[k] = total
        }
        return Array(found.values)
    }
}
