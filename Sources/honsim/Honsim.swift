import ArgumentParser
import Foundation

struct Honsim: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "honsim",
        abstract: "혼심 — 혼자가 아니라 안심: the hospital-escort dashboard for people who live alone.",
        discussion: """
            The store is chosen by --store PATH (or a postgres:// URL), else $HONSIM_STORE, else \
            $XDG_DATA_HOME/honsim/cases.sqlite (~/.local/share when XDG_DATA_HOME is unset).
            Korean is the default language; --lang en or an English locale gives English.
            """,
        version: BuildInfo.version,
        subcommands: [
            DashboardCommand.self, DemoCommand.self, InitCommand.self, SeedCommand.self, ImportCommand.self, ExportCommand.self, ReportCommand.self,
            SuggestCommand.self, AssignCommand.self, ConfirmCommand.self, StartCommand.self, CompleteCommand.self,
            ReleaseCommand.self, CancelCommand.self, NoShowCommand.self, CheckCommand.self, UsersCommand.self,
            KioskCommand.self, BackupCommand.self, RestoreCommand.self, MigrateCommand.self, VolunteerCommand.self, HouseholdCommand.self,
            HoursCommand.self, PurgeCommand.self, AccessLogCommand.self,
            CallsCommand.self, BookingCommand.self, SheetCommand.self, SeriesCommand.self, ReturnLegCommand.self, RulesCommand.self,
            MessagesCommand.self, ExpensesCommand.self,
        ],
        defaultSubcommand: DashboardCommand.self
    )
}
