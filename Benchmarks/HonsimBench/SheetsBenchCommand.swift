import ArgumentParser
import Foundation
import HonsimCore
import HonsimStore

/// `honsim-bench sheets`: the run sheets of a day on a city's store, as `honsim sheet` makes
/// them: the read with its access-log entries (one per household, in the same transaction),
/// then the sheets in one form, HTML or text. Each run writes to the access log, so it is
/// measured on a copy.
struct SheetsBenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sheets", abstract: "Time the run sheets of a day (read, access log, then HTML or text) on a store; it writes to its access log.")

    @Option(help: ArgumentHelp("The store: a SQLite file or a postgres:// URL. Use a copy: every run adds access-log entries.", valueName: "path|url"))
    var store: String
    @Option(help: ArgumentHelp("The day, YYYY-MM-DD (default: the busiest of the next seven days).", valueName: "date")) var day: String?
    @Option(help: "Timed runs.") var iterations = 20
    @Option(help: "Runs before timing.") var warmups = 3
    @Flag(help: "Print the results as JSON instead of a table.") var json = false

    static let targetMs = 200.0

    /// The two forms `honsim sheet --format` writes.
    enum SheetForm: String, CaseIterable { case html, txt }

    func run() async throws {
        let opened: any CaseStore = PostgresURL.isPostgres(store) ? try await PostgresStore.open(try PostgresURL(store)) : try SQLiteStore(path: store)
        let calendar = opened.calendar
        var chosen = day.flatMap(CivilDate.init(iso:))
        if chosen == nil {
            // The busiest day ahead: the most escorts with a volunteer.
            let today = CivilDate(Date(), calendar: calendar)
            var best = (day: today, escorts: -1)
            for offset in 0..<7 {
                let candidate = today.adding(days: offset, calendar: calendar)
                let held = try await opened.escorts(on: candidate).escorts.filter { $0.volunteer != nil }.count
                if held > best.escorts { best = (candidate, held) }
            }
            chosen = best.day
        }
        guard let date = chosen else { throw ValidationError("--day is not a date like 2026-11-29") }
        let dongs = try await opened.dongs()
        // As `honsim sheet --format html|txt` and the dashboard's key make them: one form per run.
        var summaries: [Summary] = []
        for format in SheetForm.allCases {
            summaries.append(try await Measure.run("run sheets of \(date), \(format.rawValue)", targetMs: Self.targetMs, warmups: warmups,
                                                   iterations: iterations,
                                                   describe: { (made: (pages: Int, escorts: Int, bytes: Int)) in
                                                       "\(made.pages) volunteers, \(made.escorts) escorts, \(made.bytes / 1024) KiB"
                                                   }) { _ in
                let sheets = try await opened.runSheets(on: date, volunteerID: nil)
                let document = RunSheetDocument(sheets: sheets, officePhone: "031-000-0000", language: .ko, calendar: calendar, dongs: dongs)
                let made = format == .html ? document.html() : document.text()
                return (pages: sheets.pages.count, escorts: sheets.pages.reduce(0) { $0 + $1.escorts.count }, bytes: made.utf8.count)
            })
        }
        try Measure.report(summaries, json: json,
                           note: "Each run: one transaction reading the day and logging each household shown in full, then the sheets in one form.")
        (opened as? PostgresStore)?.close()
    }
}
