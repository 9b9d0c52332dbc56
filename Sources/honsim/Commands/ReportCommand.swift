import ArgumentParser
import Foundation
import HonsimCore
import HonsimStore

extension MonthlyReport.Format: ExpressibleByArgument {}

/// What `honsim report` breaks the month down by.
enum ReportBreakdown: String, ExpressibleByArgument, CaseIterable { case dong, category }

/// The report's formats; json only for the figures by category.
enum ReportFormat: String, ExpressibleByArgument, CaseIterable { case md, csv, html, json }

struct ReportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report", abstract: "The monthly per-dong report (활동 및 실적), to standard output.",
        discussion: """
            Every dong's requests, completed, cancelled, no-shows, pending, urgent unassigned, fulfilment \
            rate, median time to assign, volunteer hours, active volunteers and households served, with the \
            totals of each gu and of the city and the change from the month before; then the volunteers with \
            the most hours and the top reasons for cancellations. md draws text bars, html SVG charts; csv is \
            for a spreadsheet. Volunteers' names and phone numbers in reasons are masked unless --unmasked. \
            With --by category, only the month's requests by the households' eligibility categories \
            (대상 구분별): requests, completed, no-shows, cancelled, hours and households per category, \
            a household of several categories under each, then the total counting each once; as md, csv or json. \
            Only the households your role sees in full count under their categories; the others as not recorded.
            """)

    @OptionGroup var options: StoreOptions
    @Option(help: ArgumentHelp("The month, YYYY-MM.", valueName: "YYYY-MM")) var month: String
    @Option(help: "md, csv or html; with --by category md, csv or json.") var format: ReportFormat = .md
    @Option(help: "dong (the whole report) or category (the figures by eligibility category only).") var by: ReportBreakdown = .dong
    @Flag(help: "Show volunteers' names and reasons as typed (for the office only, not for meetings).") var unmasked = false
    @OptionGroup var output: OutputOption

    func validate() throws {
        guard StatisticsPeriod(month: month) != nil else { throw ValidationError("--month '\(month)' is not a month like 2026-11") }
        if by == .dong && format == .json { throw ValidationError("--format json is for --by category; the whole report is md, csv or html") }
        if by == .category && format == .html { throw ValidationError("--format html is the whole report's; --by category is md, csv or json") }
    }

    func run() async throws {
        try await reportingErrors(options.language) {
            let store = try await options.open()
            guard let period = StatisticsPeriod(month: month), case .month(let year, let number) = period else { return }
            if by == .category, let format = CategoryReport.Format(rawValue: format.rawValue) {
                let report = try await CategoryReport.make(store: store, period: period)
                return try output.write(try report.render(format, language: options.language))
            }
            guard let format = MonthlyReport.Format(rawValue: format.rawValue) else { return }
            let report = try await MonthlyReport.make(store: store, year: year, month: number, masked: !unmasked)
            try output.write(try report.render(format, language: options.language))
        }
    }
}
