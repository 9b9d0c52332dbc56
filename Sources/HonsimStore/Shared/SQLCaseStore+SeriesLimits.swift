import Foundation
import HonsimCore

/// A standing series against its household's limits (uses per month and year, hours per year).
///
/// Why a flag and not a refusal: a series is what dialysis and rehabilitation are, and they
/// cannot wait for next month. Its dates are made past a limit all the same, and the series
/// shows which dates pass it and by how much, where it is made and on its page, for the
/// coordinator to take to the council (the "never a silent refusal").
extension SQLCaseStore {
    /// The limits that the series' `dates` pass: what the household has apart from them counts
    /// first, then the dates in appointment order, numbered 1… as a new request's rows are.
    func seriesLimits(_ db: any StoreConnection, _ series: StandingSeries, dates: [EscortRequest]) async throws -> [RuleFinding] {
        let open = SeriesLimitDates.counted(dates)
        guard !open.isEmpty else { return [] }
        let rules = try await SQLCaseStore.fetchRuleBook(db).rules(forDong: series.dongCode)
        let adding = open.enumerated().map { HouseholdUse(appointmentAt: $0.element.appointmentAt, minutes: $0.element.expectedMinutes,
                                                          number: $0.offset + 1) }
        let years = Set(adding.map { calendar.component(.year, from: $0.appointmentAt) })
        let existing = try await householdUses(db, householdID: series.householdID, years: years, excluding: Set(open.map(\.id)))
        return CouncilRuleCheck.limits(rules: rules, existing: existing, adding: adding, calendar: calendar)
    }
}

/// Which of a series' dates a limit's finding names: its numbers count the open dates in
/// appointment order, as `seriesLimits` numbered them.
public enum SeriesLimitDates {
    public static func dates(_ finding: RuleFinding, of dates: [EscortRequest]) -> [EscortRequest] {
        let open = counted(dates)
        return finding.numbers.compactMap { open.indices.contains($0 - 1) ? open[$0 - 1] : nil }
    }

    /// The dates that count against a limit, in the order they are numbered.
    static func counted(_ dates: [EscortRequest]) -> [EscortRequest] {
        dates.filter { $0.status != .cancelled }.sorted { ($0.appointmentAt, $0.id) < ($1.appointmentAt, $1.id) }
    }

    /// The finding's words without its numbers: a series names its dates instead.
    public static func phrase(_ finding: RuleFinding) -> Phrase {
        var unnumbered = finding
        unnumbered.numbers = []
        return unnumbered.phrase
    }
}
