import Foundation

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
