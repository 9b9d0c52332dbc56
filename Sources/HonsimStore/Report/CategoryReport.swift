import Foundation
import HonsimCore

/// A period's figures by eligibility category on their own (`honsim report --by category`),
/// in the words the monthly report's section and the dashboard's pane use. Counts only: no
/// household is named, so nothing here is masked.
public struct CategoryReport: Sendable {
    public enum Format: String, Sendable, CaseIterable { case md, csv, json }

    public var period: StatisticsPeriod
    public var breakdown: CategoryBreakdown

    public init(period: StatisticsPeriod, breakdown: CategoryBreakdown) {
        self.period = period
        self.breakdown = breakdown
    }

    /// Every dong's requests of the period (those of `dongCodes` only, when given).
    public static func make(store: any CaseStore, period: StatisticsPeriod, dongCodes: Set<String>? = nil) async throws -> CategoryReport {
        CategoryReport(period: period, breakdown: try await store.categoryStatistics(for: period, dongCodes: dongCodes))
    }

    public func render(_ format: Format, language: Language) throws -> String {
        switch format {
        case .md:
            let ko = language == .ko
            return "# \(ko ? "대상 구분별 실적" : "By eligibility category") \(period.label)\n\n"
                + CategoryReport.markdownTable(breakdown.rows, total: breakdown.total, language: language)
        case .csv:
            let header = CategoryReport.header(language)
            let table = RecordTable(columns: [header[0]] + header.dropFirst().map { $0 } + [language == .ko ? "기간" : "period"],
                                    rows: CategoryReport.lines(breakdown.rows, total: breakdown.total, language: language).map { cells in
                                        [.text(cells[0])] + cells.dropFirst().map { .text($0) } + [.text(period.label)]
                                    })
            return try table.spreadsheetCSV()
        case .json:
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            let value = Document(period: period.label, categories: breakdown.rows.map { Row($0, language: language) },
                                 total: Row(breakdown.total, language: language, name: CategoryReport.totalName.text(language)),
                                 note: CategoryReport.note.text(language))
            return ((try? encoder.encode(value)).map { String(decoding: $0, as: UTF8.self) } ?? "{}") + "\n"
        }
    }

    // MARK: The words, shared with the monthly report's section

    static let note = CategoryBreakdown.countingNote
    static let totalName = CategoryBreakdown.totalName

    static func header(_ language: Language) -> [String] {
        language == .ko ? ["대상 구분", "요청", "완료", "불참", "취소", "시간", "대상자"]
            : ["category", "requests", "completed", "no-shows", "cancelled", "hours", "households"]
    }

    /// The rows then the total, as cells.
    static func lines(_ rows: [CategoryFigures], total: CategoryFigures, language: Language) -> [[String]] {
        let cells = { (row: CategoryFigures, name: String) in
            [name, "\(row.requests)", "\(row.completed)", "\(row.noShows)", "\(row.cancelled)", ReportFigures.hours(row.minutes), "\(row.households)"]
        }
        return rows.map { cells($0, $0.name.text(language)) } + [cells(total, totalName.text(language))]
    }

    /// The Markdown table with the total and the note on how households are counted.
    static func markdownTable(_ rows: [CategoryFigures], total: CategoryFigures, language: Language) -> String {
        ReportMarkdown.table(header: header(language), numeric: [false, true, true, true, true, true, true],
                             rows: lines(rows, total: total, language: language))
            + "\n" + note.text(language) + "\n"
    }

    private struct Document: Encodable {
        let period: String
        let categories: [Row]
        let total: Row
        let note: String
    }

    private struct Row: Encodable {
        /// The stored word (`basic_livelihood`), or `not_recorded`, or `total`.
        let category: String
        let name: String
        let requests, completed, noShows, cancelled, minutes, households: Int
        let hours: Double

        init(_ figures: CategoryFigures, language: Language, name: String? = nil) {
            category = name == nil ? figures.category?.rawValue ?? "not_recorded" : "total"
            self.name = name ?? figures.name.text(language)
            requests = figures.requests
            completed = figures.completed
            noShows = figures.noShows
            cancelled = figures.cancelled
            minutes = figures.minutes
            households = figures.households
            hours = (Double(figures.minutes) / 6).rounded() / 10
        }

        enum CodingKeys: String, CodingKey {
            case category, name, requests, completed, cancelled, minutes, households, hours
            case noShows = "no_shows"
        }
    }
}
