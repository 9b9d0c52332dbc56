import ArgumentParser
import Foundation
import HonsimCore
import HonsimStore
import HonsimTUI

struct SheetCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sheet", abstract: "The run sheets (동행 일지) of a day: one A4 page per volunteer, to print.",
        discussion: """
            Each volunteer's escorts on --day (tomorrow by default) in pickup order: times, where to meet, the \
            household's needs, hospital, return trip, transport and its booking, phones, and boxes to fill in by hand. \
            Households appear in full only where your role shows them in full, and each one is then recorded in the \
            access log as seen on a sheet; the others are masked. The office's phone comes from [sheet] office_phone \
            in config.toml. --format html prints on A4 from any browser; txt fits 80 columns with a form feed between \
            volunteers.
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable { case html, txt }

    @OptionGroup var options: StoreOptions
    @Option(help: ArgumentHelp("The day, YYYY-MM-DD (default: tomorrow).", valueName: "date")) var day: String?
    @Option(help: ArgumentHelp("Only this volunteer's sheet.", valueName: "id")) var volunteer: Int64?
    @Option(help: "html or txt.") var format: Format = .txt
    @OptionGroup var output: OutputOption

    func validate() throws {
        if let day, CivilDate(iso: day) == nil { throw ValidationError("--day '\(day)' is not a date like 2026-11-29") }
    }

    func run() async throws {
        let config = DashboardConfig.load().config
        let language = options.lang.flatMap { Language(rawValue: $0.lowercased()) } ?? config.language ?? Language.fromEnvironment()
        try await reportingErrors(language) {
            let store = try await options.open()
            let calendar = store.calendar
            let date = day.flatMap(CivilDate.init(iso:)) ?? CivilDate(Date(), calendar: calendar).adding(days: 1, calendar: calendar)
            // The read records the households shown in full before anything leaves.
            let document = RunSheetDocument(sheets: try await store.runSheets(on: date, volunteerID: volunteer),
                                            officePhone: config.sheet.officePhone, language: language, calendar: calendar,
                                            dongs: try await store.dongs())
            if let empty = document.emptyMessage { return emit(empty + "\n") }
            try output.write(format == .html ? document.html() : document.text())
        }
    }
}
