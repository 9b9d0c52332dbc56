import ArgumentParser
import Foundation
import HonsimCore
import HonsimStore
import HonsimTUI

/// Options every command that touches the store shares.
struct StoreOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The case store: a SQLite file path, or postgres://user@host:port/db (?sslmode=, ?host=/socket/dir).", valueName: "path|url"))
    var store: String?

    @Option(name: .long, help: ArgumentHelp("Language of messages: ko or en.", valueName: "ko|en"))
    var lang: String?

    // Read before the command is parsed, to start the log (LogSetup); declared here so that
    // every command accepts it and its help lists it.
    @Option(name: .customLong("log-level"), help: ArgumentHelp(
        "What the log (~/.local/state/honsim/honsim.log) records: trace, debug, info, notice, warning, error, critical.",
        valueName: "level"))
    var logLevel: String?

    func validate() throws {
        if let logLevel, !DashboardConfig.logLevels.contains(logLevel.lowercased()) {
            throw ValidationError("--log-level: '\(logLevel)' is not one of \(DashboardConfig.logLevels.joined(separator: ", "))")
        }
    }

    var language: Language {
        lang.flatMap { Language(rawValue: $0.lowercased()) } ?? Language.fromEnvironment()
    }

    /// The path the store lives at, and whether it is the default one in the data folder.
    func resolvedPath(environment: [String: String] = ProcessInfo.processInfo.environment) -> (path: String, isDefault: Bool) {
        if let store, !store.isEmpty { return (store, false) }
        if let store = environment["HONSIM_STORE"], !store.isEmpty { return (store, false) }
        return (DataFolder.path(environment: environment) + "/cases.sqlite", true)
    }

    /// Opens the store. Commands that create (`init`, `seed`, `demo`) make the default data
    /// folder if needed (0700: the owner's alone); a folder named explicitly must already exist.
    /// A new SQLite store's files get `sharing`'s mode whatever the umask. `readOnly` opens the
    /// SQLite connection itself read-only (`--readonly`, the kiosk).
    func open(create: Bool = false, readOnly: Bool = false, sharing: StoreSharing = .owner) async throws -> any CaseStore {
        let store = try await openStore(create: create, readOnly: readOnly, sharing: sharing)
        if !readOnly {
            do { try await store.bringKeptFiguresUpToDate() } catch {
                // A viewer may not write: the statistics are then read from the rows.
                LogSetup.logger.notice("kept figures not brought up to date", metadata: ["error": "\(type(of: error))"])
            }
            await SeriesHorizon.extend(store)
        }
        return store
    }

    private func openStore(create: Bool, readOnly: Bool, sharing: StoreSharing) async throws -> any CaseStore {
        let (path, isDefault) = resolvedPath()
        if PostgresURL.isPostgres(path) {
            return try await PostgresStore.open(try PostgresURL(path), create: create, readOnly: readOnly,
                                                timeZone: create ? SQLiteStore.defaultTimeZone : nil)
        }
        if create && isDefault { try DataFolder.make(URL(fileURLWithPath: path).deletingLastPathComponent().path) }
        return try SQLiteStore(path: path, create: create, readOnly: readOnly, sharing: sharing)
    }

    /// The warning that people other than the owner (and the group it is shared with) can open
    /// the SQLite store's files, or nil: a server store's rows are guarded by the server.
    func exposureWarning() -> String? {
        let (path, _) = resolvedPath()
        if PostgresURL.isPostgres(path) { return nil }
        return StoreFiles.exposure(of: path)?.message(language)
    }
}

enum DataFolder {
    /// $XDG_DATA_HOME/honsim, or ~/.local/share/honsim.
    static func path(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        let base = environment["XDG_DATA_HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? (environment["HOME"] ?? NSHomeDirectory()) + "/.local/share"
        return base + "/honsim"
    }

    /// The demo store, when no store is named and the demo is the only store in the data folder:
    /// what a viewer such as the kiosk opens rather than failing on a store nobody made.
    static func demoWhenAlone(environment: [String: String] = ProcessInfo.processInfo.environment) -> String? {
        guard (environment["HONSIM_STORE"] ?? "").isEmpty else { return nil }
        let folder = path(environment: environment)
        let fileManager = FileManager.default
        guard !fileManager.fileExists(atPath: folder + "/cases.sqlite"), fileManager.fileExists(atPath: folder + "/demo.sqlite")
        else { return nil }
        return folder + "/demo.sqlite"
    }

    /// Makes the data folder, readable by its owner only, whatever the umask.
    static func make(_ path: String) throws {
        try StoreFiles.prepareFolder(path, sharing: .owner)
    }
}

/// Where a command's output goes: standard output, or with `--output` a file that is its
/// owner's alone (0600) and appears whole or not at all, since it holds people's data.
struct OutputOption: ParsableArguments {
    @Option(name: .shortAndLong, help: ArgumentHelp("Write to this file (readable by you alone, never half-written) instead of standard output.",
                                                    valueName: "file"))
    var output: String?

    func write(_ text: String) throws {
        guard let output else { return emit(text) }
        try PrivateFile.write(text, to: output)
    }
}

/// Prints a store error as one sentence and exits with status 1; anything else is rethrown.
func reportingErrors<T>(_ language: Language, calendar: Calendar? = nil, _ body: () async throws -> T) async throws -> T {
    do {
        return try await body()
    } catch let error as FileWriteError {
        FileHandle.standardError.write(Data(("honsim: " + error.message(language) + "\n").utf8))
        throw ExitCode(1)
    } catch let error as StoreError {
        LogSetup.logger.error("command failed", metadata: ["kind": "\(error.logKind)"])
        FileHandle.standardError.write(Data(("honsim: " + error.message(language, calendar: calendar ?? StoreCalendar.fallback) + "\n").utf8))
        throw ExitCode(1)
    }
}

/// Writes to standard output without Swift's print buffering surprises in pipes.
func emit(_ text: String) {
    FileHandle.standardOutput.write(Data(text.utf8))
}
