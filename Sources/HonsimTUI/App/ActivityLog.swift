import Foundation
import HonsimCore
import HonsimStore

/// The activity view (`l`): the audit log, newest first, narrowed by dong, user and request.
public struct ActivityLog: Hashable, Sendable {
    /// Dong (name, former name or 초성), user, request number.
    public var form: FormState
    /// Whether the keys go to the filter fields or to the list.
    public var editingFilters = false
    public var entries: [AuditEntry]?
    public var cursor = 0
    /// The query the entries answer; a newer one is on its way when they differ.
    public var shownQuery: AuditQuery?

    static let limit = 500

    public init(language: Language) {
        form = FormState(fields: [
            FormField(key: "dong", label: UIText.colDong.text(language), placeholder: UIText.placeholderAny.text(language)),
            FormField(key: "user", label: UIText.fieldUser.text(language), placeholder: UIText.placeholderAny.text(language)),
            FormField(key: "request", label: UIText.fieldRequestNumber.text(language), placeholder: UIText.placeholderAny.text(language)),
        ])
    }

    /// The store query for what is typed. A dong matches by any of its names, 초성 included;
    /// a dong filter that matches no dong matches no entry rather than every one.
    func query(dongs: DongDirectory?) -> AuditQuery {
        var query = AuditQuery()
        let dong = form.text("dong")
        if !dong.isEmpty {
            let search = SearchQuery(dong)
            query.dongCodes = Set((dongs?.dongs ?? []).filter { SearchText($0.allNames).matches(search) }.map(\.code))
        }
        let user = form.text("user")
        if !user.isEmpty { query.user = user }
        let request = form.text("request").trimmingCharacters(in: CharacterSet(charactersIn: "#"))
        if !request.isEmpty { query.requestID = Int64(request) ?? -1 }
        return query
    }
}

extension AppState {
    mutating func openActivity() -> [Effect] {
        let log = ActivityLog(language: language)
        let query = log.query(dongs: data?.dongs)
        overlay = .activity(log)
        return [.loadActivity(query, limit: ActivityLog.limit)]
    }

}

extension ActivityLog: Component {
    mutating func update(_ key: Key, _ around: Surroundings) -> Reply {
        let keys = around.keys.activity
        if editingFilters {
            if keys.matches(key, .done, typing: true) {
                editingFilters = false
                return .stay
            }
            guard form.handle(key, bindings: around.keys.form) == .edited else { return .stay }
            cursor = 0
            return reload(around)
        }
        if around.keys.list.move(&cursor, last: max(0, (entries?.count ?? 0) - 1), for: key) { return .stay }
        switch keys.action(for: key) {
        case .close?: return .closing()
        case .filters?: editingFilters = true
        case .refresh?: return reload(around)
        case .done?, nil: break
        }
        return .stay
    }

    private func reload(_ around: Surroundings) -> Reply {
        Reply(effects: [.loadActivity(query(dongs: around.data?.dongs), limit: ActivityLog.limit)])
    }
}

extension AppState {
    mutating func activityLoaded(_ query: AuditQuery, _ entries: [AuditEntry]) {
        guard case .activity(var log) = overlay, log.query(dongs: data?.dongs) == query else { return }
        log.entries = entries
        log.shownQuery = query
        log.cursor = min(log.cursor, max(0, entries.count - 1))
        overlay = .activity(log)
    }
}
