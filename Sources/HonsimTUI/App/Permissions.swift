import HonsimCore

/// The one seam between roles and the dashboard's keys: `update` asks `allows` before it acts
/// on a key, and the help greys out what it would refuse. The store enforces the same rules
/// again, so a key the screen lets through can still be refused there, never the reverse.
extension Action {
    /// What only looks: every action here is open to a viewer. An action not listed counts
    /// as a change, so a new key is refused to viewers until someone decides it only looks.
    static let viewing: Set<Action> = [
        .quit, .help, .nextPane, .previousPane, .requestsPane, .volunteersPane, .statisticsPane, .up, .down, .pageUp,
        .pageDown, .top, .bottom, .open, .filter, .sort, .scope, .refresh, .previousPeriod, .nextPeriod, .freeOnly, .back,
        .activity,
        // The pane's CSV holds what the screen shows, masked where the screen masks.
        .exportPane,
        // The page only shows; its own keys (edit, close, hours) are checked against the record's dong.
        .household,
        // The list only shows; each call recorded from it is checked against the escort's dong by the store.
        .calls,
        // The sheet holds in full only what the store shows this role in full, and logs it.
        .runSheet,
        // The page only shows; its own keys (change, pause, assign…) are checked against the series' dong.
        .series,
        // The list of expiring credentials only shows.
        .credentials,
        // The statistics by category are counts, as the per-dong ones.
        .statisticsView,
    ]

    /// Changes that act on no selected request: a new request and an import (the store
    /// checks the dongs of what they bring), a plan for the dongs in scope, undoing one's own
    /// last change.
    static let ownWork: Set<Action> = [.newRequest, .plan, .undo, .importFile]

    public var changesData: Bool { !Action.viewing.contains(self) }
}

extension Access {
    /// May this session take `action` on a record of `dongCode` (the selected request's)?
    /// A change with no record to act on is an admin's.
    public func allows(_ action: Action, dongCode: String?) -> Bool {
        if Action.ownWork.contains(action) { return role != .viewer && !readOnly }
        return !action.changesData || canChange(dongCode: dongCode)
    }

    /// Why a change is refused, calmly, for the status bar.
    func refusal(dongNames: [String]) -> Phrase {
        if readOnly {
            return Phrase(ko: "읽기 전용 화면이라 바꿀 수 없습니다", en: "read-only: nothing can be changed here")
        }
        switch role {
        case .viewer, .kiosk:
            return Phrase(ko: "열람자는 볼 수만 있습니다", en: "viewers can look but not change")
        case .coordinator:
            let dongs = dongNames.joined(separator: ", ")
            return Phrase(ko: "담당 동(\(dongs))의 요청만 바꿀 수 있습니다", en: "only requests of your dongs (\(dongs)) can be changed")
        case .admin:
            return Phrase(ko: "바꿀 대상이 없습니다", en: "nothing selected to change")
        }
    }

    /// The role and its dongs as the status bar shows them: "관리자", "코디네이터 석수2동 외 1",
    /// "열람자 · 읽기 전용".
    func label(dongNames: [String], language: Language) -> String {
        var text = role.phrase.text(language)
        if role == .coordinator, let first = dongNames.first {
            let more = dongNames.count - 1
            text += " " + (more == 0 ? first : language == .ko ? "\(first) 외 \(more)" : "\(first) +\(more)")
        }
        if readOnly { text += " · " + (language == .ko ? "읽기 전용" : "read-only") }
        return text
    }
}

extension AppState {
    /// The names of the person's own dongs, in the city's order.
    var accessDongNames: [String] {
        (data?.dongs.dongs ?? []).filter { access.dongCodes.contains($0.code) }.map(\.name)
    }

    /// Refuses a key the person's role does not allow, saying why in the status bar; nil
    /// when the key may go ahead. What it acts on is the selected request.
    mutating func refuseIfNotAllowed(_ action: Action) -> (AppState, [Effect])? {
        guard !access.allows(action, dongCode: selectedRequest?.dongCode) else { return nil }
        notice = text(access.refusal(dongNames: accessDongNames))
        return (self, [])
    }

    /// Opening a request shows its household in full only where the screen and the role allow;
    /// then it is read for the details, and the store logs that view (개인정보 열람 기록) in the
    /// read itself, before anything of it is on screen.
    func detailsEffects(opening request: EscortRequest) -> [Effect] {
        guard let household = data?.households[request.householdID], showsFullDetails(of: household) else { return [] }
        return [.loadDetails(householdID: household.id, requestID: request.id)]
    }
}
