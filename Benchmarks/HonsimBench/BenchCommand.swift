import ArgumentParser

/// `honsim-bench`: generates a city-sized store and times the dashboard's queries on it.
@main
struct BenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "honsim-bench",
        abstract: "Benchmark of the honsim case store at city scale.",
        subcommands: [GenerateCommand.self, RunCommand.self, DashboardBenchCommand.self, FeedBenchCommand.self, ShownBenchCommand.self, PlanBenchCommand.self, KioskSoakCommand.self, ImportBenchCommand.self, SheetsBenchCommand.self, SeriesBenchCommand.self, OpenBenchCommand.self]
    )
}
