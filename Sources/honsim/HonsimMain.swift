import ArgumentParser
import Foundation
import HonsimStore

/// Starts the log, answers `--version` (which reads the store), then runs the command.
@main
enum HonsimMain {
    static func main() async {
        // A file-size limit reached (ulimit -f) fails the write, said in a sentence like a full
        // disk, rather than killing honsim half-way.
        signal(SIGXFSZ, SIG_IGN)
        let arguments = Array(CommandLine.arguments.dropFirst())
        LogSetup.start(arguments: arguments)
        if arguments.contains("--version"), arguments.first?.hasPrefix("-") ?? false {
            await VersionReport.print(arguments: arguments.filter { $0 != "--version" })
            return
        }
        await Honsim.main()
    }
}

/// `honsim --version`: this honsim's version and build, and the schema of the store it would
/// open (`--store`, $HONSIM_STORE or the default), read without migrating it.
enum VersionReport {
    static func print(arguments: [String]) async {
        let options: StoreOptions
        do { options = try StoreOptions.parse(arguments) } catch { Honsim.exit(withError: error) }
        let ko = options.language == .ko
        emit("honsim \(BuildInfo.version)\n")
        emit((ko ? "빌드: " : "build: ") + BuildInfo.build + "\n")
        let (path, _) = options.resolvedPath()
        let shown = PostgresURL.isPostgres(path) ? ((try? PostgresURL(path).display) ?? path) : path
        do {
            let store = try await options.open(readOnly: true)
            let schema = try await store.schemaVersion()
            let behind = schema.applied < schema.known
            emit(ko
                 ? "저장소: \(shown), 스키마 \(schema.applied)/\(schema.known)\(behind ? " ('honsim init'으로 갱신)" : "")\n"
                 : "store: \(shown), schema \(schema.applied) of \(schema.known)\(behind ? " (run 'honsim init' to migrate it)" : "")\n")
        } catch let error as StoreError {
            emit((ko ? "저장소: " : "store: ") + error.message(options.language, calendar: StoreCalendar.fallback) + "\n")
        } catch {
            emit((ko ? "저장소: " : "store: ") + "\(error)\n")
        }
    }
}
