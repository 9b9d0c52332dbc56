import ArgumentParser
import Foundation
import HonsimCore
import HonsimStore

struct CallsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "calls", abstract: "The call list of a day: every escort, both sides' phones, the calls so far and the vehicle.",
        discussion: """
            The escorts whose appointment falls on --day (tomorrow by default), what needs a coordinator first: \
            asked to change or cancel, no volunteer, unreached, then ready. Names and phones are masked where your \
            role does not show them in full; a list with households in full is recorded in the access log first.
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

    @OptionGroup var options: StoreOptions
    @Option(help: ArgumentHelp("The day, YYYY-MM-DD (default: tomorrow).", valueName: "date")) var day: String?
    @Option(help: "text or json.") var format: Format = .text

    func validate() throws {
        if let day, CivilDate(iso: day) == nil { throw ValidationError("--day '\(day)' is not a date like 2026-11-29") }
    }

    func run() async throws {
        try await reportingErrors(options.language) {
            let store = try await options.open()
            let calendar = store.calendar
            let date = day.flatMap(CivilDate.init(iso:)) ?? CivilDate(Date(), calendar: calendar).adding(days: 1, calendar: calendar)
            let list = CallList(day: try await store.escorts(on: date), access: try await store.access(), calendar: calendar,
                                dongs: try await store.dongs())
            // Recorded before anything is shown: if it cannot be logged, it does not leave.
            if list.revealedHouseholds > 0 { try await store.recordExport(kind: "calls \(date)", rows: list.revealedHouseholds) }
            emit(format == .json ? list.json() : list.text(language: options.language))
        }
    }
}
