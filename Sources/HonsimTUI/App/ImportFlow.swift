import Foundation
import HonsimCore
import HonsimStore

/// The dashboard's `I`: a file's path typed in, a preview read in the background (the first
/// rows and every problem, from a dry run against the store), and the import only when the
/// coordinator confirms a preview with no problem. Nothing is written before that Enter.
public struct ImportFlow: Sendable {
    public enum Stage: Sendable {
        case askingPath(TextInputState)
        case reading(path: String)
        /// `scroll` is the first problem shown.
        case preview(ImportPreview, scroll: Int)
        case importing(ImportPreview)
        case done(ImportOutcome)
    }

    public var stage: Stage
    /// The kind chosen with Tab; nil: as the file's header suggests.
    public var kind: ImportKind?
    /// Why the last step failed (a missing file, a store that is busy), shown in the dialog.
    public var problem: String?

    public init(stage: Stage = .askingPath(TextInputState()), kind: ImportKind? = nil, problem: String? = nil) {
        self.stage = stage
        self.kind = kind
        self.problem = problem
    }

    /// A path as typed: absolute, from the home folder (~), or relative to the folder the
    /// dashboard was started in.
    static func resolve(_ typed: String, folder: String) -> String {
        let path = typed.trimmingSpaces()
        if path.hasPrefix("/") || path.hasPrefix("~") { return path }
        return (folder as NSString).appendingPathComponent(path)
    }

    /// Tab's order: as the header suggests, then each kind.
    static func nextKind(after kind: ImportKind?) -> ImportKind? {
        switch kind {
        case nil: .households
        case .households: .volunteers
        case .volunteers: .requests
        case .requests: nil
        }
    }
}

/// What the import and export flows ask the runner to do besides the import itself, which
/// is a write (`WriteRequest.importFile`).
public enum FileEffect: Hashable, Sendable {
    case preview(path: String, kind: ImportKind?)
    case export(PaneExport)
    /// A volunteer's run sheet of a day, written as HTML.
    case sheet(SheetRequest)
}

/// What comes back from them.
public enum FileEvent: Sendable {
    case previewed(ImportPreview)
    case importFailed(String)
    case exported(path: String, rows: Int)
    case exportFailed(String)
    case sheetWritten(path: String, escorts: Int)
    case sheetFailed(String)
}

/// Keys while the import dialog is open (`[keys.import]`): it has them all.
extension ImportFlow: Component {
    mutating func update(_ key: Key, _ around: Surroundings) -> Reply {
        let keys = around.keys.importing
        let typing = if case .askingPath = stage { true } else { false }
        let action = keys.action(for: key, typing: typing)
        if action == .close, !isImporting { return .closing() }
        switch stage {
        case .askingPath(var input):
            switch action {
            case .kind?: kind = ImportFlow.nextKind(after: kind)
            case .go?:
                guard !input.text.trimmingSpaces().isEmpty else { break }
                let path = ImportFlow.resolve(input.text, folder: around.workingFolder)
                stage = .reading(path: path)
                problem = nil
                return Reply(effects: [.files(.preview(path: path, kind: kind))])
            case .close?, nil:
                _ = input.handle(key)
                stage = .askingPath(input)
            }
        case .preview(let preview, let scroll):
            switch around.keys.list.action(for: key) {
            case .down?: stage = .preview(preview, scroll: min(scroll + 1, max(0, preview.issues.count - 1))); return .stay
            case .up?: stage = .preview(preview, scroll: max(0, scroll - 1)); return .stay
            case .pageUp?, .pageDown?, .top?, .bottom?, nil: break
            }
            switch action {
            case .kind?:
                // Another kind reads the file anew, with that kind's columns.
                kind = ImportFlow.nextKind(after: kind ?? preview.kind) ?? .households
                stage = .reading(path: preview.path)
                return Reply(effects: [.files(.preview(path: preview.path, kind: kind))])
            case .go? where preview.canImport:
                stage = .importing(preview)
                problem = nil
                return .writing(.importFile(path: preview.path, kind: preview.kind, fingerprint: preview.fingerprint))
            case .go?, .close?, nil: break
            }
        case .done:
            if action == .go { return .closing(around.reload) }
        case .reading, .importing:
            break
        }
        return .stay
    }
}

extension AppState {
    mutating func startImport() -> (AppState, [Effect]) {
        importFlow = ImportFlow()
        return (self, [])
    }

    /// Results of the runner's file work.
    mutating func receive(_ event: FileEvent) -> (AppState, [Effect]) {
        switch event {
        case .exported(let path, let rows):
            notice = language == .ko ? "CSV로 저장했습니다 (\(Grouping.thousands(rows))행): \(path)" : "saved as CSV (\(Grouping.thousands(rows)) rows): \(path)"
        case .exportFailed(let message):
            notice = message
        case .previewed(let preview):
            // A preview that comes back after the dialog was closed is dropped.
            guard case .reading(let path)? = importFlow?.stage, path == preview.path else { break }
            importFlow?.stage = .preview(preview, scroll: 0)
            importFlow?.kind = preview.kind
        case .importFailed(let message):
            _ = importFailed(message)
        case .sheetWritten, .sheetFailed:
            sheetEvent(event)
        }
        return (self, [])
    }

    /// The import came back, down the write path.
    mutating func importWritten(_ result: WriteResult) -> [Effect] {
        guard case .importing? = importFlow?.stage, let outcome = result.imported else { return [] }
        importFlow?.stage = .done(outcome)
        return []
    }

    /// A preview or the import failed: the dialog says why, back where the coordinator can
    /// correct the path or look at the preview again.
    mutating func importFailed(_ message: String) -> [Effect] {
        guard let flow = importFlow else { return [] }
        importFlow?.problem = message
        switch flow.stage {
        case .reading(let path):
            let typed = ImportFlow.typed(path, folder: workingFolder)
            importFlow?.stage = .askingPath(TextInputState(text: typed))
        case .importing(let preview): importFlow?.stage = .preview(preview, scroll: 0)
        case .askingPath, .preview, .done: break
        }
        return []
    }
}

extension ImportFlow {
    /// An import under way cannot be called back: Esc waits for its answer.
    var isImporting: Bool {
        if case .importing = stage { return true }
        return false
    }

    /// The path shown again for correcting: relative to the working folder when it is inside it.
    static func typed(_ path: String, folder: String) -> String {
        path.hasPrefix(folder + "/") ? String(path.dropFirst(folder.count + 1)) : path
    }
}
