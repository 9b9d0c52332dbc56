import ArgumentParser
import Foundation
import HonsimCore
import HonsimStore

/// Moves a dong office's SQLite store to the city's PostgreSQL server.
struct MigrateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "migrate", abstract: "Copy a SQLite store whole into a PostgreSQL store.",
        discussion: """
            Every table is copied in one transaction, the audit log and the users included, with the
            same ids; the row counts are then checked table by table. Run it as the PostgreSQL role
            that is to own the store. Running it again changes nothing; a target that holds other
            data is refused.
            """)
    @Option(help: ArgumentHelp("The SQLite store to copy.", valueName: "path")) var from: String
    @Option(help: ArgumentHelp("The PostgreSQL store: postgres://user@host:port/db.", valueName: "url")) var to: String
    @Option(name: .long, help: ArgumentHelp("Language of messages: ko or en.", valueName: "ko|en")) var lang: String?

    func run() async throws {
        let language = lang.flatMap { Language(rawValue: $0.lowercased()) } ?? Language.fromEnvironment()
        try await reportingErrors(language) {
            let url = try PostgresURL(to)
            let outcome = try await StoreCopy.copy(from: from, to: url)
            let figures = ["household", "volunteer", "escort_request", "assignment", "audit", "users"]
                .map { "\($0) \(outcome.counts[$0] ?? 0)" }.joined(separator: ", ")
            if outcome.copied {
                emit(language == .ko ? "복사하고 행 수를 확인했습니다: \(figures) → \(url.display)\n"
                     : "copied and verified the row counts: \(figures) → \(url.display)\n")
            } else {
                emit(language == .ko ? "이미 같은 자료가 있습니다. 바꾼 것이 없습니다: \(figures) (\(url.display))\n"
                     : "already holds this copy; nothing changed: \(figures) (\(url.display))\n")
            }
        }
    }
}
