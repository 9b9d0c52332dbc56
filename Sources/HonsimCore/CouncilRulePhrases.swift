import Foundation

/// The council's rules in words, Korean and English: where a rule bites, the screen, the
/// command line and the import all say it the same way.
public enum CouncilRulePhrases {
    public static func category(_ category: EligibilityCategory) -> Phrase {
        switch category {
        case .basicLivelihood: Phrase(ko: "기초생활수급", en: "basic livelihood")
        case .nearPoverty: Phrase(ko: "차상위", en: "near poverty")
        case .caseManaged: Phrase(ko: "사례관리 대상", en: "case managed")
        case .emergency: Phrase(ko: "긴급 지원", en: "emergency support")
        case .other: Phrase(ko: "기타", en: "other")
        }
    }

    public static func service(_ service: OtherService) -> Phrase {
        switch service {
        case .longTermCare: Phrase(ko: "장기요양 등급", en: "long-term care grade")
        case .customizedElderlyCare: Phrase(ko: "노인맞춤돌봄", en: "customized elderly care")
        case .disabilityAssistance: Phrase(ko: "장애인활동지원", en: "disability assistance")
        }
    }

    /// Several categories or services: "기초생활수급, 차상위".
    public static func list<T: Comparable>(_ set: Set<T>, _ phrase: (T) -> Phrase) -> Phrase {
        let sorted = set.sorted()
        return Phrase(ko: sorted.map { phrase($0).ko }.joined(separator: ", "), en: sorted.map { phrase($0).en }.joined(separator: ", "))
    }

    /// A household's eligibility as its page shows it.
    public static func eligibility(_ eligibility: HouseholdEligibility) -> Phrase {
        let categories = eligibility.categories.isEmpty ? Phrase(ko: "대상 구분 미기록", en: "no category recorded")
            : list(eligibility.categories, category)
        guard !eligibility.servedElsewhere.isEmpty else { return categories }
        let services = list(eligibility.servedElsewhere, service)
        return Phrase(ko: "\(categories.ko) · 타 서비스: \(services.ko)", en: "\(categories.en) · served elsewhere: \(services.en)")
    }

    static func finding(_ finding: RuleFinding) -> Phrase {
        let base: Phrase
        switch finding.reason {
        case .servedElsewhere(let services):
            let names = list(services, service)
            base = Phrase(ko: "\(names.ko) 이용자는 다른 서비스로 지원받으므로 동행 대상이 아닙니다",
                          en: "served elsewhere (\(names.en)), so not eligible for escorts")
        case .notEligible(let categories):
            let names = list(categories, category)
            base = Phrase(ko: "대상 구분(\(names.ko))이 협의체 기준의 대상이 아닙니다",
                          en: "the household's category (\(names.en)) is not eligible under the council's rules")
        case .noCategory:
            base = Phrase(ko: "대상 구분이 기록되지 않았습니다 (협의체 기준: 구분 필수)",
                          en: "no eligibility category is recorded (the council requires one)")
        case .usesPerMonth(let year, let month, let limit, let total):
            base = Phrase(ko: "\(year)년 \(month)월 이용 한도 \(limit)회를 \(total - limit)회 넘습니다 (\(total)회)",
                          en: "passes the limit of \(limit) uses in \(year)-\(month < 10 ? "0" : "")\(month) by \(total - limit) (\(total) uses)")
        case .usesPerYear(let year, let limit, let total):
            base = Phrase(ko: "\(year)년 이용 한도 \(limit)회를 \(total - limit)회 넘습니다 (\(total)회)",
                          en: "passes the limit of \(limit) uses in \(year) by \(total - limit) (\(total) uses)")
        case .hoursPerYear(let year, let limitHours, let totalMinutes):
            let over = duration(totalMinutes - limitHours * 60)
            base = Phrase(ko: "\(year)년 이용 시간 한도 \(limitHours)시간을 \(over.ko) 넘습니다",
                          en: "passes the limit of \(limitHours) hours in \(year) by \(over.en)")
        }
        guard !finding.numbers.isEmpty else { return base }
        let numbers = finding.numbers.map(String.init).joined(separator: ", ")
        return Phrase(ko: "\(base.ko) — \(numbers)번째", en: "\(base.en) — number \(numbers)")
    }

    /// Minutes as hours and minutes: "2시간 30분", "2 h 30 min".
    static func duration(_ minutes: Int) -> Phrase {
        let hours = minutes / 60, rest = minutes % 60
        switch (hours, rest) {
        case (0, _): return Phrase(ko: "\(rest)분", en: "\(rest) min")
        case (_, 0): return Phrase(ko: "\(hours)시간", en: "\(hours) h")
        default: return Phrase(ko: "\(hours)시간 \(rest)분", en: "\(hours) h \(rest) min")
        }
    }

    static func usage(_ usage: UsageSummary) -> Phrase {
        func of(_ used: Int, _ limit: Int?) -> String { limit.map { "\(used)/\($0)" } ?? "\(used)" }
        let hours = usage.minutesInYear / 60
        return Phrase(
            ko: "이번 달 \(of(usage.usesInMonth, usage.usesPerMonth))회 · 올해 \(of(usage.usesInYear, usage.usesPerYear))회 · 올해 \(of(hours, usage.hoursPerYear))시간",
            en: "this month \(of(usage.usesInMonth, usage.usesPerMonth)) · this year \(of(usage.usesInYear, usage.usesPerYear)) · \(of(hours, usage.hoursPerYear)) h this year")
    }

    static func conduct(_ counts: ConductCounts) -> Phrase {
        Phrase(ko: "최근 \(counts.windowDays)일 불참 \(counts.noShows)회 · 늦은 취소 \(counts.lateCancellations)회",
               en: "last \(counts.windowDays) days: \(counts.noShows) no-show\(counts.noShows == 1 ? "" : "s"), "
                   + "\(counts.lateCancellations) late cancellation\(counts.lateCancellations == 1 ? "" : "s")")
    }

    /// The word for an override of the rules, as the audit log and the request's page show it.
    public static func overridden(_ reason: String) -> Phrase {
        Phrase(ko: "협의체 기준 예외 승인: \(reason)", en: "council rules overridden: \(reason)")
    }

    /// Why new requests for a household were refused, every rule in words, and whether an
    /// override with a reason may go ahead.
    public static func refusal(householdID: Int64, _ findings: [RuleFinding]) -> Phrase {
        let overridable = !findings.isEmpty && findings.allSatisfy(\.overridable)
        let ko = findings.map { "  " + $0.phrase.ko }.joined(separator: "\n")
        let en = findings.map { "  " + $0.phrase.en }.joined(separator: "\n")
        return Phrase(
            ko: "대상자 \(householdID)번의 요청은 협의체 기준에 맞지 않아 만들지 않았습니다\(overridable ? " (사유를 적어 예외로 진행할 수 있습니다)" : ""):\n\(ko)",
            en: "no request was made for household \(householdID): outside the council's rules\(overridable ? " (an override with a reason may go ahead)" : ""):\n\(en)")
    }

    /// The refusal when a rule that may not be overridden bites, or no reason was given.
    public static let overrideNeedsReason = Phrase(ko: "예외로 진행하려면 사유를 입력하세요", en: "an override needs a reason")
    public static let notOverridable = Phrase(ko: "협의체 기준상 예외가 허용되지 않습니다", en: "the council's rules allow no override here")
}
