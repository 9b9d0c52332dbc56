import Foundation
import HonsimStore

/// Writes a pane's CSV beside the others, never over one: a second export in the same minute
/// gets -2. The file is readable by its owner only, since it holds people's names, and appears
/// whole or not at all (`PrivateFile`).
enum PaneExportWriter {
    static func write(_ export: PaneExport) throws -> String {
        let base = (export.fileName as NSString).deletingPathExtension, suffix = (export.fileName as NSString).pathExtension
        for attempt in 1...100 {
            let name = attempt == 1 ? export.fileName : "\(base)-\(attempt).\(suffix)"
            let path = (export.folder as NSString).appendingPathComponent(name)
            do {
                try PrivateFile.write(export.contents, to: path, replacing: false)
                return path
            } catch let error as FileWriteError where error.exists {
                continue
            }
        }
        throw CocoaError(.fileWriteFileExists, userInfo: [NSFilePathErrorKey: export.folder])
    }
}
