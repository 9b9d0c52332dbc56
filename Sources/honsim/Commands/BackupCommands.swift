import ArgumentParser
import Foundation
import HonsimCore
import HonsimStore
import HonsimTUI
import Logging

/// `honsim backup DEST`: a consistent copy of the store while dashboards keep writing.
struct BackupCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backup", abstract: "Copy the store safely while dashboards keep working.",
        discussion: """
            DEST is a folder: the copy is named after the store and the time (cases-20261206-030000.sqlite), and only \
            the newest [backup] keep copies of the settings file (14 by default, --keep) stay there. DEST may also be \
            a new .sqlite file's path. The copy is SQLite's online backup of one moment of the store, checked (integrity_check \
            and every invariant of 'honsim check') and readable by its owner only (0600); when anything fails, no file \
            is left. A PostgreSQL store is dumped with pg_dump in its custom format (restore it with pg_restore).
            """)
    @OptionGroup var options: StoreOptions
    @Argument(help: ArgumentHelp("A folder for the backups, or a new .sqlite file's path.", valueName: "dest")) var destination: String
    @Option(help: ArgumentHelp("How many backups to keep in the folder (0: all); the settings file's [backup] keep otherwise.",
                               valueName: "count"))
    var keep: Int?

    func validate() throws {
        if let keep, keep < 0 { throw ValidationError("--keep must be 0 (keep all) or more, not \(keep)") }
    }

    func run() async throws {
        let keep = keep ?? DashboardConfig.load().config.backupKeep
        let language = options.language
        try await reportingErrors(language) {
            let started = ContinuousClock.now
            let (path, _) = options.resolvedPath()
            let outcome: BackupOutcome
            if PostgresURL.isPostgres(path) {
                outcome = try PostgresDump.backup(try PostgresURL(path), to: destination, keep: keep, calendar: StoreCalendar.fallback)
            } else {
                guard let store = try await options.open() as? SQLiteStore else { throw StoreError.notADatabase(path: path) }
                outcome = try await store.backup(to: destination, keep: keep)
            }
            let elapsed = ContinuousClock.now - started
            let megabytes = String(format: "%.1f", Double(outcome.bytes) / 1_048_576)
            let seconds = String(format: "%.1f", Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
            Logger(label: "honsim.backup").notice("backup written", metadata: [
                "file": "\(outcome.file)", "bytes": "\(outcome.bytes)", "seconds": "\(seconds)", "removed": "\(outcome.removed.count)"])
            emit(language == .ko
                 ? "백업했습니다: \(outcome.file) (\(megabytes) MB, \(seconds)초, 점검 통과)\n"
                 : "backed up to \(outcome.file) (\(megabytes) MB in \(seconds) s, checked)\n")
            if !outcome.removed.isEmpty {
                emit(language == .ko ? "오래된 백업 \(outcome.removed.count)개를 지웠습니다(최근 \(keep)개 보관)\n"
                     : "removed \(outcome.removed.count) older backup(s), keeping the newest \(keep)\n")
            }
        }
    }
}

/// `honsim restore FILE`: puts a backup back, keeping the store it replaces aside.
struct RestoreCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "restore", abstract: "Put a backup back in place of the store (the replaced store is kept aside).",
        discussion: """
            Close every dashboard and the kiosk first: restore refuses while another process has the store open. \
            It also refuses a file that is not a honsim store or was made by a newer honsim. The store it replaces \
            is renamed beside it (cases.sqlite.replaced-20261206-030000). A PostgreSQL store is restored with pg_restore.
            """)
    @OptionGroup var options: StoreOptions
    @Argument(help: ArgumentHelp("The backup to put back.", valueName: "file")) var file: String

    func run() async throws {
        let language = options.language
        try await reportingErrors(language) {
            let (path, isDefault) = options.resolvedPath()
            if PostgresURL.isPostgres(path) { throw StoreError.backup(.restoreOnServer(location: (try? PostgresURL(path).display) ?? path)) }
            if isDefault { try DataFolder.make(URL(fileURLWithPath: path).deletingLastPathComponent().path) }
            let outcome = try await SQLiteStore.restore(from: file, to: path, calendar: StoreCalendar.fallback)
            Logger(label: "honsim.backup").notice("store restored", metadata: ["from": "\(file)", "keptAside": "\(outcome.keptAside ?? "-")"])
            // Opened as every dashboard will open it: an older backup is migrated now.
            let store = try await options.open()
            let counts = try await store.counts()
            emit(language == .ko
                 ? "되돌렸습니다: \(path) (대상자 \(counts.households), 봉사자 \(counts.volunteers), 요청 \(counts.requests))\n"
                 : "restored \(path) (\(counts.households) households, \(counts.volunteers) volunteers, \(counts.requests) requests)\n")
            if let aside = outcome.keptAside {
                emit(language == .ko ? "바뀌기 전 저장소는 여기 두었습니다: \(aside)\n" : "the store it replaced is kept at \(aside)\n")
            }
        }
    }
}

/// The city's calendar, for names and messages before a store's own is known.
enum StoreCalendar {
    static var fallback: Calendar {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: SQLiteStore.defaultTimeZone) ?? .current
        return calendar
    }
}
