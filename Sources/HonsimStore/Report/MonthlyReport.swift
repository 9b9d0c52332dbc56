import Foundation
import HonsimCore

/// The monthly report the council asks for ("활동 및 실적"): the figures of every dong with the
/// totals of each gu and of the city, each beside the month before; volunteer hours; and the
/// reasons requests were cancelled. Built from the store's statistics (exact gu and city
/// figures, not sums of dongs) and the month's requests. Masked by default: volunteers' names
/// and any phone number in a typed reason.
public struct MonthlyReport: Sendable {
    public enum Level: Sendable, Hashable { case dong, gu, city }

    /// One line of the figures table.
    public struct Row: Sendable {
        public var level: Level
        public var name: String
        public var gu: String
        public var current: AreaStatistics
        public var previous: AreaStatistics
    }

    public struct VolunteerHours: Sendable, Hashable {
        public var id: Int64
        public var name: String
        public var dong: String
        public var escorts: Int
        public var minutes: Int
    }

    public struct Reason: Sendable, Hashable {
        public var text: String
        public var count: Int
    }

    public var year: Int
    public var month: Int
    public var generatedAt: Date
    public var calendar: Calendar
    public var masked: Bool
    /// Dongs in the store's order, each gu followed by its total, then the city.
    public var rows: [Row]
    /// The volunteers who gave the most hours, most first.
    public var topVolunteers: [VolunteerHours]
    public var volunteersWithHours: Int
    /// The most frequent reasons, most first; what is left is `otherReasons`.
    public var reasons: [Reason]
    public var otherReasons: Int
    public var cancelled: Int
    /// The month's requests by the households' eligibility categories (council rules), as
    /// the dashboard's pane and `honsim report --by category` read them.
    public var byCategory = CategoryBreakdown(groups: [])

    public var label: String { String(format: "%04d-%02d", year, month) }
    public var previousLabel: String { month == 1 ? String(format: "%04d-12", year - 1) : String(format: "%04d-%02d", year, month - 1) }
    public var city: Row? { rows.last { $0.level == .city } }
    /// The city, then each gu: the summary at the top of the report.
    public var totals: [Row] { rows.filter { $0.level == .city } + rows.filter { $0.level == .gu } }

    /// Reads what the report needs from the store: the statistics of the month and the month
    /// before, and the month's requests for volunteer hours and cancellation reasons.
    public static func make(store: any CaseStore, year: Int, month: Int, now: Date = Date(), masked: Bool = true,
                            topVolunteers: Int = 10, topReasons: Int = 5) async throws -> MonthlyReport {
        let calendar = store.calendar
        let period = StatisticsPeriod.month(year: year, month: month)
        let current = try await store.statistics(for: period, now: now)
        let previous = try await store.statistics(for: period.previous(calendar: calendar), now: now)
        let requests = try await store.requests(in: period.range(calendar: calendar))
        var report = MonthlyReport(year: year, month: month, current: current, previous: previous, dongs: try await store.dongs(),
                                   requests: requests, volunteers: try await store.volunteers(), now: now, calendar: calendar,
                                   masked: masked, topVolunteers: topVolunteers, topReasons: topReasons)
        report.byCategory = try await store.categoryStatistics(for: period, dongCodes: nil)
        return report
    }

    public init(year: Int, month: Int, current: StatisticsReport, previous: StatisticsReport, dongs: DongDirectory,
                requests: [EscortRequest], volunteers: [Volunteer], now: Date, calendar: Calendar, masked: Bool,
                topVolunteers: Int = 10, topReasons: Int = 5) {
        self.year = year
        self.month = month
        generatedAt = now
        self.calendar = calendar
        self.masked = masked
        var rows: [Row] = []
        var gus: [String] = []
        for dong in dongs.dongs where !gus.contains(dong.gu) { gus.append(dong.gu) }
        for gu in gus {
            for dong in dongs.dongs where dong.gu == gu {
                rows.append(Row(level: .dong, name: dong.name, gu: gu, current: current.byDong[dong.code] ?? AreaStatistics(),
                                previous: previous.byDong[dong.code] ?? AreaStatistics()))
            }
            rows.append(Row(level: .gu, name: gu, gu: gu, current: current.byGu[gu] ?? AreaStatistics(), previous: previous.byGu[gu] ?? AreaStatistics()))
        }
        rows.append(Row(level: .city, name: "", gu: "", current: current.city, previous: previous.city))
        self.rows = rows

        // Completed escorts give hours, as the statistics count them.
        var given: [Int64: (escorts: Int, minutes: Int)] = [:]
        for request in requests where request.status == .completed {
            guard let volunteer = request.volunteerID else { continue }
            given[volunteer, default: (0, 0)].escorts += 1
            given[volunteer, default: (0, 0)].minutes += request.completion?.actualMinutes ?? request.expectedMinutes
        }
        let names = Dictionary(volunteers.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        volunteersWithHours = given.count
        self.topVolunteers = given.sorted { ($0.value.minutes, $1.key) > ($1.value.minutes, $0.key) }.prefix(topVolunteers).map { id, figures in
            let volunteer = names[id]
            let name = volunteer?.name ?? "#\(id)"
            return VolunteerHours(id: id, name: masked ? Masking.name(name) : name,
                                  dong: volunteer.flatMap { dongs.dong(code: $0.dongCode)?.name } ?? "",
                                  escorts: figures.escorts, minutes: figures.minutes)
        }

        var counts: [String: Int] = [:]
        var order: [String] = []
        var cancelled = 0
        for request in requests where request.status == .cancelled {
            cancelled += 1
            let reason = MonthlyReport.normalize(request.cancelReason ?? "")
            if counts[reason] == nil { order.append(reason) }
            counts[reason, default: 0] += 1
        }
        self.cancelled = cancelled
        let ranked = order.enumerated().sorted { (counts[$0.element] ?? 0, -$0.offset) > (counts[$1.element] ?? 0, -$1.offset) }.map(\.element)
        reasons = ranked.prefix(topReasons).map { Reason(text: masked ? MonthlyReport.maskPhones($0) : $0, count: counts[$0] ?? 0) }
        otherReasons = ranked.dropFirst(topReasons).reduce(0) { $0 + (counts[$1] ?? 0) }
    }

    /// One spelling per reason: trimmed, runs of spaces made one. An empty reason stays empty
    /// and is shown as "not recorded".
    static func normalize(_ reason: String) -> String {
        TerminalText.sanitize(reason).split(whereSeparator: { $0 == " " }).joined(separator: " ")
    }

    /// Phone numbers typed into a reason ("보호자 010-1234-5678 요청") are masked by the one rule.
    static func maskPhones(_ text: String) -> String {
        text.split(separator: " ", omittingEmptySubsequences: false).map { word in
            let digits = word.filter { $0.isASCII && $0.isNumber }
            return digits.count >= 9 && digits.hasPrefix("0") ? Masking.phone(String(word)) : String(word)
        }.joined(separator: " ")
    }
}

extension MonthlyReport {
    public enum Format: String, Sendable, CaseIterable { case md, csv, html }

    /// The report in a format, in a language.
    public func render(_ format: Format, language: Language) throws -> String {
        switch format {
        case .md: ReportMarkdown.render(self, language: language)
        case .csv: try ReportCSV.render(self, language: language)
        case .html: ReportHTML.render(self, language: language)
        }
    }
}
