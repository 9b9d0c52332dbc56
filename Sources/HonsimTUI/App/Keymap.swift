import HonsimCore

/// What a key can ask the dashboard to do. Names are the ones the config file's [keys]
/// table uses.
public enum Action: String, CaseIterable, Hashable, Sendable {
    case quit
    case help
    case nextPane = "next_pane"
    case previousPane = "previous_pane"
    case requestsPane = "pane_requests"
    case volunteersPane = "pane_volunteers"
    case statisticsPane = "pane_statistics"
    case up, down
    case pageUp = "page_up"
    case pageDown = "page_down"
    case top, bottom
    case open
    case filter
    case sort
    case scope
    case refresh
    case previousPeriod = "previous_period"
    case nextPeriod = "next_period"
    case freeOnly = "free_only"
    case back
    case assign, confirm, start, complete, release, cancel
    case noShow = "no_show"
    case undo
    case newRequest = "new_request"
    case activity
    case plan
    case importFile = "import"
    case exportPane = "export"
    case household
    case calls
    case booking
    case runSheet = "run_sheet"
    case series
    case credentials
    case statisticsView = "statistics_view"
    case returnLeg = "return_leg"

    public var phrase: Phrase {
        switch self {
        case .quit: Phrase(ko: "종료", en: "quit")
        case .help: Phrase(ko: "도움말", en: "help")
        case .nextPane: Phrase(ko: "다음 창", en: "next pane")
        case .previousPane: Phrase(ko: "이전 창", en: "previous pane")
        case .requestsPane: Phrase(ko: "요청 창", en: "requests pane")
        case .volunteersPane: Phrase(ko: "봉사자 창", en: "volunteers pane")
        case .statisticsPane: Phrase(ko: "통계 창", en: "statistics pane")
        case .up: Phrase(ko: "위로", en: "up")
        case .down: Phrase(ko: "아래로", en: "down")
        case .pageUp: Phrase(ko: "한 쪽 위", en: "page up")
        case .pageDown: Phrase(ko: "한 쪽 아래", en: "page down")
        case .top: Phrase(ko: "처음", en: "first")
        case .bottom: Phrase(ko: "끝", en: "last")
        case .open: Phrase(ko: "상세 보기", en: "details")
        case .filter: Phrase(ko: "찾기", en: "filter")
        case .sort: Phrase(ko: "정렬 바꾸기", en: "sort")
        case .scope: Phrase(ko: "동 범위", en: "dong scope")
        case .refresh: Phrase(ko: "새로 고침", en: "refresh")
        case .previousPeriod: Phrase(ko: "이전 기간", en: "previous period")
        case .nextPeriod: Phrase(ko: "다음 기간", en: "next period")
        case .freeOnly: Phrase(ko: "가능한 봉사자만", en: "free volunteers only")
        case .back: Phrase(ko: "닫기/취소", en: "close/cancel")
        case .assign: Phrase(ko: "배정", en: "assign")
        case .confirm: Phrase(ko: "확인(통화)", en: "confirm (phoned)")
        case .start: Phrase(ko: "출발", en: "start")
        case .complete: Phrase(ko: "완료 기록", en: "complete")
        case .release: Phrase(ko: "배정 해제", en: "release")
        case .cancel: Phrase(ko: "요청 취소", en: "cancel request")
        case .noShow: Phrase(ko: "불참", en: "no-show")
        case .undo: Phrase(ko: "되돌리기", en: "undo")
        case .newRequest: Phrase(ko: "새 요청", en: "new request")
        case .activity: Phrase(ko: "활동 기록", en: "activity log")
        case .plan: Phrase(ko: "배정 계획 제안", en: "suggest a plan")
        case .importFile: Phrase(ko: "파일 가져오기(CSV·엑셀)", en: "import a file (CSV, Excel)")
        case .exportPane: Phrase(ko: "이 창을 CSV로 저장", en: "save this pane as CSV")
        case .household: Phrase(ko: "대상자 기록", en: "household page")
        case .calls: Phrase(ko: "전날 확인 전화 목록", en: "call list of a day")
        case .booking: Phrase(ko: "차량 예약 (선택한 요청)", en: "vehicle booking (the selected request)")
        case .runSheet: Phrase(ko: "동행 일지 저장", en: "save run sheet")
        case .series: Phrase(ko: "요청의 정기 일정", en: "the request's series")
        case .credentials: Phrase(ko: "봉사자 자격 만료 목록", en: "volunteers' expiring credentials")
        case .statisticsView: Phrase(ko: "통계 동별·구분별 바꾸기", en: "statistics by dong or by category")
        case .returnLeg: Phrase(ko: "귀가 구간 (선택한 요청)", en: "return leg (the selected request)")
        }
    }
}

/// Keys to actions. Defaults follow htop and k9s (`?` help, `/` filter, Tab between panes,
/// vi keys beside the arrows); the config file can rebind any action, and any key of a
/// dialog or form (`[keys.assign]`, `[keys.form]`, …), which arrive here as `assign.search`.
public struct Keymap: Sendable {
    public private(set) var bindings: [Action: [Key]]
    private var lookup: [Key: Action]
    /// The keys of each dialog and form.
    public private(set) var dialogs: DialogKeymaps

    public static let defaultBindings: [Action: [Key]] = [
        .quit: [.character("q")],
        .help: [.character("?"), .function(1)],
        .nextPane: [.tab],
        .previousPane: [.backTab],
        .requestsPane: [.character("1")],
        .volunteersPane: [.character("2")],
        .statisticsPane: [.character("3")],
        .up: [.up, .character("k")],
        .down: [.down, .character("j")],
        .pageUp: [.pageUp, .control("b")],
        .pageDown: [.pageDown, .control("f")],
        .top: [.home, .character("g")],
        .bottom: [.end, .character("G")],
        .open: [.enter],
        .filter: [.character("/")],
        .sort: [.character("s")],
        .scope: [.character("d")],
        .refresh: [.character("r"), .control("r"), .function(5)],
        .previousPeriod: [.character("[")],
        .nextPeriod: [.character("]")],
        .freeOnly: [.character("f")],
        .back: [.escape],
        .assign: [.character("a")],
        .confirm: [.character("c")],
        .start: [.character("t")],
        .complete: [.character("o")],
        .release: [.character("R")],
        .cancel: [.character("x")],
        .noShow: [.character("N")],
        .undo: [.character("u")],
        .newRequest: [.character("n")],
        .activity: [.character("l")],
        .plan: [.character("p")],
        .importFile: [.character("I")],
        .exportPane: [.character("E")],
        .household: [.character("h")],
        .calls: [.character("C")],
        .booking: [.character("b")],
        .runSheet: [.character("P")],
        .series: [.character("S")],
        .credentials: [.character("e")],
        .statisticsView: [.character("v")],
        .returnLeg: [.character("L")],
    ]

    /// The defaults with `overrides` (action name → keys) applied; unknown action names are
    /// returned so the caller can report them.
    public init(overrides: [String: [Key]] = [:]) {
        var bindings = Keymap.defaultBindings
        for (name, keys) in overrides {
            if let action = Action(rawValue: name) { bindings[action] = keys }
        }
        dialogs = DialogKeymaps(Keymap.dialogOverrides(overrides))
        self.bindings = bindings
        var lookup: [Key: Action] = [:]
        // Sorted so that a key bound twice resolves the same way every run.
        for action in Action.allCases {
            for key in bindings[action] ?? [] where lookup[key] == nil { lookup[key] = action }
        }
        self.lookup = lookup
    }

    public static func unknownActions(in overrides: [String: [Key]]) -> [String] {
        let main = overrides.keys.filter { !$0.contains(".") && Action(rawValue: $0) == nil }
        return (main + DialogKeymaps.unknown(in: dialogOverrides(overrides))).sorted()
    }

    /// `table.action` names by table.
    static func dialogOverrides(_ overrides: [String: [Key]]) -> [String: [String: [Key]]] {
        var tables: [String: [String: [Key]]] = [:]
        for (name, keys) in overrides {
            guard let dot = name.firstIndex(of: ".") else { continue }
            tables[String(name[..<dot]), default: [:]][String(name[name.index(after: dot)...])] = keys
        }
        return tables
    }

    public func action(for key: Key) -> Action? { lookup[key] }

    /// The first key of an action, as the status bar and help show it.
    public func label(_ action: Action) -> String {
        (bindings[action] ?? []).map(KeySpec.describe).joined(separator: " ")
    }
}
