import ArgumentParser
import Foundation
import HonsimCore
import HonsimStore

/// `honsim-bench series`: gives a store standing series (20,000 by default, one per household,
/// made with no dates ahead), then times extending every series' horizon by a week, one week
/// further each run: what the first process to open the store after midnight pays.
struct SeriesBenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "series",
        abstract: "Measure extending the horizon of standing series by a week (writes: use a copy of the store).")

    @Option(help: ArgumentHelp("The SQLite file to measure: a copy, since standing series are written into it.", valueName: "path"))
    var store: String
    @Option(help: "Standing series the store is given first, if it has fewer.") var series = 20_000
    @Option(help: "Measured extensions, each a week further than the one before.") var iterations = 3
    @Flag(help: "Print JSON instead of a table.") var json = false

    static let targetMs = 2_000.0

    func validate() throws {
        guard series > 0, iterations > 0 else { throw ValidationError("counts must be positive") }
    }

    func run() async throws {
        guard FileManager.default.fileExists(atPath: store) else { throw ValidationError("no store at \(store)") }
        let log = ProgressLog()
        let opened = try SQLiteStore(path: store)
        let calendar = opened.calendar
        let have = try await opened.seriesList(householdID: nil).count
        if have < series {
            let households = try await opened.households().filter { !$0.closed }.prefix(series - have)
            log.note("making \(households.count) standing series")
            let today = CivilDate(Date(), calendar: calendar)
            var made = 0
            for (index, household) in households.enumerated() {
                // Dialysis on Monday, Wednesday and Friday or rehabilitation on Tuesday and
                // Thursday, at times spread over the day: the city's mix.
                let days: [Weekday] = index % 3 == 0 ? [.tue, .thu] : [.mon, .wed, .fri]
                let pickup = 7 * 60 + (index % 16) * 30
                let draft = StandingSeries(householdID: household.id, schedule: SeriesSchedule(
                    weekdays: days, appointment: ClockTime(minutes: pickup + 60), pickup: ClockTime(minutes: pickup),
                    hospital: "한림대학교성심병원", transport: .centerVehicle, purpose: index % 3 == 0 ? .rehab : .dialysis,
                    expectedMinutes: 180), startsOn: today.adding(days: 1, calendar: calendar))
                _ = try await opened.createSeries(draft, horizonDays: 0)
                made += 1
                if made % 2_000 == 0 { log.note("\(made) made") }
            }
        }
        // Where the series stand now: each measured run extends them one week further.
        let start = try await opened.seriesList(householdID: nil).compactMap(\.madeUntil).max() ?? CivilDate(Date(), calendar: calendar)
        let base = max(0, calendar.dateComponents([.day], from: CivilDate(Date(), calendar: calendar).start(in: calendar),
                                                  to: start.start(in: calendar)).day ?? 0)
        let summary = try await Measure.run("extend every series' horizon by a week", targetMs: Self.targetMs, warmups: 0,
                                            iterations: iterations, describe: { (made: Int) in "\(made) dates made" }) { index in
            try await opened.extendSeries(horizonDays: base + 7 * (index + 1))
        }
        try Measure.report([summary], json: json, note: "(each run makes one more week of dates for every series, in one transaction)")
    }
}
