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

/// What the import and export flows ask the runner to do.
public enum FileEffect: Hashable, Sendable {
    case preview(path: String, kind: ImportKind?)
    /// Import what was previewed; the fingerprint refuses a file changed since.
    case commit(path: String, kind: ImportKind, fingerprint: UInt64)
    case export(PaneExport)
}

/// What comes back from them.
public enum FileEvent: Sendable {
    case previewed(ImportPreview)
    case imported(ImportOutcome)
    case importFailed(String)
    case exported(path: String, rows: Int)
    case exportFailed(String)
}

extension AppState {
    mutating func startImport() -> (AppState, [Effect]) {
        importFlow = ImportFlow()
        return (self, [])
    }

    /// Keys while the import dialog is open: it has them all.
    mutating func handleImportKey(_ key: Key) -> (AppState, [Effect]) {
        guard var flow = importFlow else { return (self, []) }
        if key == .escape, !flow.isImporting {
            importFlow = nil
            return (self, [])
        }
        var effects: [Effect] = []
        switch flow.stage {
        case .askingPath(var input):
            switch key {
            case .tab: flow.kind = ImportFlow.nextKind(after: flow.kind)
            case .enter:
                let path = ImportFlow.resolve(input.text, folder: workingFolder)
                guard !input.text.trimmingSpaces().isEmpty else { break }
                flow.stage = .reading(path: path)
                flow.problem = nil
                effects.append(.files(.preview(path: path, kind: flow.kind)))
            default:
                _ = input.handle(key)
                flow.stage = .askingPath(input)
            }
        case .preview(let preview, let scroll):
            switch key {
            case .down, .character("j"): flow.stage = .preview(preview, scroll: min(scroll + 1, max(0, preview.issues.count - 1)))
            case .up, .character("k"): flow.stage = .preview(preview, scroll: max(0, scroll - 1))
            case .tab:
                // Another kind reads the file anew, with that kind's columns.
                flow.kind = ImportFlow.nextKind(after: flow.kind ?? preview.kind) ?? .households
                flow.stage = .reading(path: preview.path)
                effects.append(.files(.preview(path: preview.path, kind: flow.kind)))
            case .enter where preview.canImport:
                flow.stage = .importing(preview)
                flow.problem = nil
                effects.append(.files(.commit(path: preview.path, kind: preview.kind, fingerprint: preview.fingerprint)))
            default: break
            }
        case .done:
            if key == .enter || key == .escape {
                importFlow = nil
                return (self, [.load, .loadStatistics(period.period(now: now, calendar: calendar))])
            }
        case .reading, .importing:
            break
        }
        importFlow = flow
        return (self, effects)
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
        case .imported(let outcome):
            guard case .importing? = importFlow?.stage else { break }
            importFlow?.stage = .done(outcome)
        case .importFailed(let message):
            guard let flow = importFlow else { break }
            importFlow?.problem = message
            switch flow.stage {
            case .reading(let path): importFlow?.stage = .askingPath(TextInputState(text: ImportFlow.typed(path, folder: workingFolder)))
            case .importing(let preview): importFlow?.stage = .preview(preview, scroll: 0)
            default: break
            }
        }
        return (self, [])
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
