import ArgumentParser
import Foundation
import HonsimCore
import HonsimStore

extension MonthlyReport.Format: ExpressibleByArgument {}

struct ReportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report", abstract: "The monthly per-dong report (활동 및 실적), to standard output.",
        discussion: """
            Every dong's requests, completed, cancelled, no-shows, pending, urgent unassigned, fulfilment \
            rate, median time to assign, volunteer hours, active volunteers and households served, with the \
            totals of each gu and of the city and the change from the month before; then the volunteers with \
            the most hours and the top reasons for cancellations. md draws text bars, html SVG charts; csv is \
            for a spreadsheet. Volunteers' names and phone numbers in reasons are masked unless --unmasked.
            """)

    @OptionGroup var options: StoreOptions
    @Option(help: ArgumentHelp("The month, YYYY-MM.", valueName: "YYYY-MM")) var month: String
    @Option(help: "md, csv or html.") var format: MonthlyReport.Format = .md
    @Flag(help: "Show volunteers' names and reasons as typed (for the office only, not for meetings).") var unmasked = false
    @OptionGroup var output: OutputOption

    func validate() throws {
        guard StatisticsPeriod(month: month) != nil else { throw ValidationError("--month '\(month)' is not a month like 2026-11") }
    }

    func run() async throws {
        try await reportingErrors(options.language) {
            let store = try await options.open()
            guard case .month(let year, let number)? = StatisticsPeriod(month: month) else { return }
            let report = try await MonthlyReport.make(store: store, year: year, month: number, masked: !unmasked)
            try output.write(try report.render(format, language: options.language))
        }
    }
}
