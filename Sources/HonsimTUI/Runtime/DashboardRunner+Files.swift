import Foundation
import HonsimCore
import HonsimStore

extension DashboardRunner {
    /// The import and export flows' work, in the background; the results come back as events.
    func performFileWork(_ work: FileEffect) {
        let language = state.language, now = state.now
        switch work {
        case .preview(let path, let kind):
            Task { [inbox, store] in
                do { inbox.post(.files(.previewed(try await Importer.preview(path: path, kind: kind, store: store, now: now)))) } catch {
                    inbox.post(.files(.importFailed(DashboardLoader.describe(error, language: language, calendar: store.calendar))))
                }
            }
        case .commit(let path, let kind, let fingerprint):
            Task { [inbox, store] in
                do {
                    let outcome = try await Importer.run(path: path, kind: kind, into: store, dryRun: false, now: Date(),
                                                         expectedFingerprint: fingerprint)
                    inbox.post(.files(.imported(outcome)))
                } catch {
                    inbox.post(.files(.importFailed(DashboardLoader.describe(error, language: language, calendar: store.calendar))))
                }
            }
        case .export(let export):
            do { inbox.post(.files(.exported(path: try PaneExportWriter.write(export), rows: export.rows))) } catch {
                let reason = (error as NSError).localizedDescription
                inbox.post(.files(.exportFailed(language == .ko ? "CSV를 저장하지 못했습니다: \(reason)" : "could not save the CSV: \(reason)")))
            }
        }
    }
}

/// Writes a pane's CSV beside the others, never over one: a second export in the same minute
/// gets -2. The file is readable by its owner only, since it holds people's names.
enum PaneExportWriter {
    static func write(_ export: PaneExport, fileManager: FileManager = .default) throws -> String {
        let base = (export.fileName as NSString).deletingPathExtension, suffix = (export.fileName as NSString).pathExtension
        for attempt in 1...100 {
            let name = attempt == 1 ? export.fileName : "\(base)-\(attempt).\(suffix)"
            let path = (export.folder as NSString).appendingPathComponent(name)
            if fileManager.fileExists(atPath: path) { continue }
            guard fileManager.createFile(atPath: path, contents: Data(export.contents.utf8), attributes: [.posixPermissions: 0o600]) else {
                throw CocoaError(.fileWriteNoPermission, userInfo: [NSFilePathErrorKey: path])
            }
            return path
        }
        throw CocoaError(.fileWriteFileExists, userInfo: [NSFilePathErrorKey: export.folder])
    }
}
