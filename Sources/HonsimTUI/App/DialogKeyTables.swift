import HonsimCore

/// Moving in the list of any dialog: candidates, a plan, the activity log, a page, the dongs.
public enum ListKey: String, DialogAction {
    case up, down
    case pageUp = "page_up"
    case pageDown = "page_down"
    case top, bottom

    public static let table = "list"
    public static let heading = Phrase(ko: "대화상자 목록", en: "Lists in dialogs")
    public var defaultKeys: [Key] {
        switch self {
        case .up: [.up, .character("k")]
        case .down: [.down, .character("j")]
        case .pageUp: [.pageUp]
        case .pageDown: [.pageDown]
        case .top: [.home, .character("g")]
        case .bottom: [.end, .character("G")]
        }
    }
    public var phrase: Phrase {
        switch self {
        case .up: Phrase(ko: "위로", en: "up")
        case .down: Phrase(ko: "아래로", en: "down")
        case .pageUp: Phrase(ko: "열 줄 위", en: "ten lines up")
        case .pageDown: Phrase(ko: "열 줄 아래", en: "ten lines down")
        case .top: Phrase(ko: "처음", en: "first")
        case .bottom: Phrase(ko: "끝", en: "last")
        }
    }
}

/// The fields of every form: a lifecycle move's details, a new request, a household or volunteer.
public enum FormKey: String, DialogAction {
    case nextField = "next_field"
    case previousField = "previous_field"
    case submit
    case back
    case yes

    public static let table = "form"
    public static let heading = Phrase(ko: "입력 양식", en: "Forms")
    public var defaultKeys: [Key] {
        switch self {
        case .nextField: [.tab, .down]
        case .previousField: [.backTab, .up]
        case .submit: [.enter]
        case .back: [.escape]
        case .yes: [.character("y"), .character("Y")]
        }
    }
    public var phrase: Phrase {
        switch self {
        case .nextField: Phrase(ko: "다음 칸", en: "next field")
        case .previousField: Phrase(ko: "이전 칸", en: "previous field")
        case .submit: Phrase(ko: "저장 (마지막 칸에서)", en: "save (on the last field)")
        case .back: Phrase(ko: "닫기 (입력했으면 묻기)", en: "close (asks if typed)")
        case .yes: Phrase(ko: "예 (물을 때)", en: "yes, when asked")
        }
    }
}

/// The pane filter being typed.
public enum FilterKey: String, DialogAction {
    case keep, drop

    public static let table = "filter"
    public static let heading = Phrase(ko: "찾기 입력", en: "Typing a filter")
    public var defaultKeys: [Key] {
        switch self {
        case .keep: [.enter]
        case .drop: [.escape]
        }
    }
    public var phrase: Phrase {
        switch self {
        case .keep: Phrase(ko: "찾기 유지", en: "keep the filter")
        case .drop: Phrase(ko: "찾기 지우기", en: "drop the filter")
        }
    }
}

/// This screen. The main keymap's help and quit close it too.
public enum HelpScreenKey: String, DialogAction {
    case close

    public static let table = "help_screen"
    public static let heading = Phrase(ko: "도움말 화면", en: "This help")
    public var defaultKeys: [Key] { [.escape] }
    public var phrase: Phrase { Phrase(ko: "닫기 (도움말·종료 키도)", en: "close (help, quit too)") }
}

/// A request's details. The main keymap's quit closes them too.
public enum DetailsKey: String, DialogAction {
    case close

    public static let table = "details"
    public static let heading = Phrase(ko: "요청 상세", en: "Request details")
    public var defaultKeys: [Key] { [.escape, .enter] }
    public var phrase: Phrase { Phrase(ko: "닫기", en: "close") }
}

/// The dong scope picker (`d`).
public enum ScopeKey: String, DialogAction {
    case toggle, all, accept, close

    public static let table = "scope_picker"
    public static let heading = Phrase(ko: "동 범위 고르기", en: "Choosing the dong scope")
    public var defaultKeys: [Key] {
        switch self {
        case .toggle: [.character(" ")]
        case .all: [.character("a")]
        case .accept: [.enter]
        case .close: [.escape]
        }
    }
    public var phrase: Phrase {
        switch self {
        case .toggle: Phrase(ko: "이 동 넣기/빼기", en: "tick or untick this dong")
        case .all: Phrase(ko: "모두/하나도", en: "all or none")
        case .accept: Phrase(ko: "적용", en: "apply")
        case .close: Phrase(ko: "바꾸지 않고 닫기", en: "close without a change")
        }
    }
}

/// The assign dialog (`a`). Digits 1–9 pick the candidate numbered so on screen.
public enum AssignKey: String, DialogAction {
    case close, search, choose, retry, override

    public static let table = "assign"
    public static let heading = Phrase(ko: "배정 대화상자", en: "The assign dialog")
    public var defaultKeys: [Key] {
        switch self {
        case .close: [.escape, .character("q")]
        case .search: [.character("/")]
        case .choose: [.enter]
        case .retry: [.character("r")]
        case .override: [.character("y"), .character("Y"), .enter]
        }
    }
    public var phrase: Phrase {
        switch self {
        case .close: Phrase(ko: "닫기, 찾기 끝", en: "close, or end a search")
        case .search: Phrase(ko: "이름으로 모든 봉사자 찾기", en: "search volunteers by name")
        case .choose: Phrase(ko: "이 봉사자 배정", en: "assign this volunteer")
        case .retry: Phrase(ko: "실패한 배정 다시 시도", en: "try the assign again")
        case .override: Phrase(ko: "예외로 배정 (물을 때)", en: "assign anyway, when asked")
        }
    }
}

/// The new-request form's household search.
public enum RequestFormKey: String, DialogAction {
    case pick

    public static let table = "request_form"
    public static let heading = Phrase(ko: "새 요청 양식", en: "The new-request form")
    public var defaultKeys: [Key] { [.enter, .tab] }
    public var phrase: Phrase { Phrase(ko: "찾은 대상자 고르기", en: "take the household found") }
}

/// A household's or volunteer's page (`h`, Enter on a volunteer), with what opens from it.
public enum RecordKey: String, DialogAction {
    case back, edit, new, hours
    case closeRecord = "close_record"
    case release
    case keepAssigned = "keep_assigned"
    case keepTheirs = "keep_theirs"
    case keepMine = "keep_mine"
    case editOn = "edit_on"

    public static let table = "record"
    public static let heading = Phrase(ko: "대상자·봉사자 기록", en: "Household, volunteer pages")
    public var defaultKeys: [Key] {
        switch self {
        case .back: [.escape, .character("q")]
        case .edit: [.character("e")]
        case .new: [.character("n")]
        case .hours: [.character("w")]
        case .closeRecord: [.character("x")]
        case .release: [.character("R"), .enter]
        case .keepAssigned: [.escape]
        case .keepTheirs: [.character("k")]
        case .keepMine: [.character("m")]
        case .editOn: [.escape]
        }
    }
    public var phrase: Phrase {
        switch self {
        case .back: Phrase(ko: "닫기", en: "close")
        case .edit: Phrase(ko: "고치기", en: "edit")
        case .new: Phrase(ko: "같은 종류 새 기록", en: "a new record, same kind")
        case .hours: Phrase(ko: "봉사 가능 시간·휴무", en: "weekly hours and days off")
        case .closeRecord: Phrase(ko: "종결/다시 열기", en: "close or reopen it")
        case .release: Phrase(ko: "못 가게 된 동행 배정 해제", en: "release dropped escorts")
        case .keepAssigned: Phrase(ko: "배정 그대로 두기", en: "leave them assigned")
        case .keepTheirs: Phrase(ko: "다른 사람 것 두기", en: "keep theirs")
        case .keepMine: Phrase(ko: "내 것으로 저장", en: "save mine over it")
        case .editOn: Phrase(ko: "계속 고치기", en: "go on editing")
        }
    }
}

/// A volunteer's weekly hours and days off (`w` on their page). ↑ ↓ are the list's keys.
public enum GridKey: String, DialogAction {
    case left, right, toggle
    case toggleDay = "toggle_day"
    case daysOff = "days_off"
    case save, back

    public static let table = "hours_grid"
    public static let heading = Phrase(ko: "봉사 가능 시간표", en: "The weekly hours grid")
    public var defaultKeys: [Key] {
        switch self {
        case .left: [.left, .character("h")]
        case .right: [.right, .character("l")]
        case .toggle: [.character(" ")]
        case .toggleDay: [.character("a")]
        case .daysOff: [.tab, .backTab]
        case .save: [.enter]
        case .back: [.escape]
        }
    }
    public var phrase: Phrase {
        switch self {
        case .left: Phrase(ko: "한 시간 앞", en: "an hour earlier")
        case .right: Phrase(ko: "한 시간 뒤", en: "an hour later")
        case .toggle: Phrase(ko: "이 시간 넣기/빼기", en: "tick or untick this hour")
        case .toggleDay: Phrase(ko: "이 요일 전체", en: "the whole day")
        case .daysOff: Phrase(ko: "휴무 입력 칸으로/돌아오기", en: "to the days off and back")
        case .save: Phrase(ko: "저장", en: "save")
        case .back: Phrase(ko: "저장하지 않고 닫기", en: "close without saving")
        }
    }
}

/// The plan sheet (`p`).
public enum PlanKey: String, DialogAction {
    case close, tick, all
    case moreDays = "more_days"
    case fewerDays = "fewer_days"
    case accept

    public static let table = "plan"
    public static let heading = Phrase(ko: "배정 계획", en: "The plan sheet")
    public var defaultKeys: [Key] {
        switch self {
        case .close: [.escape, .character("q"), .character("p")]
        case .tick: [.character(" ")]
        case .all: [.character("a")]
        case .moreDays: [.character("+"), .character("]"), .right]
        case .fewerDays: [.character("-"), .character("["), .left]
        case .accept: [.enter]
        }
    }
    public var phrase: Phrase {
        switch self {
        case .close: Phrase(ko: "닫기", en: "close")
        case .tick: Phrase(ko: "이 제안 넣기/빼기", en: "tick or untick this one")
        case .all: Phrase(ko: "모두/하나도", en: "all or none")
        case .moreDays: Phrase(ko: "하루 더", en: "one day more")
        case .fewerDays: Phrase(ko: "하루 덜", en: "one day less")
        case .accept: Phrase(ko: "고른 제안 배정", en: "assign what is ticked")
        }
    }
}

/// The activity log (`l`).
public enum ActivityKey: String, DialogAction {
    case close, filters, refresh, done

    public static let table = "activity"
    public static let heading = Phrase(ko: "활동 기록", en: "The activity log")
    public var defaultKeys: [Key] {
        switch self {
        case .close: [.escape, .character("q"), .character("l")]
        case .filters: [.character("/"), .tab]
        case .refresh: [.character("r")]
        case .done: [.escape, .enter]
        }
    }
    public var phrase: Phrase {
        switch self {
        case .close: Phrase(ko: "닫기", en: "close")
        case .filters: Phrase(ko: "동·사용자·요청으로 좁히기", en: "narrow by dong, user, #")
        case .refresh: Phrase(ko: "새로 읽기", en: "read again")
        case .done: Phrase(ko: "좁히기 끝", en: "done narrowing")
        }
    }
}

/// The import dialog (`I`).
public enum ImportKey: String, DialogAction {
    case close, kind, go

    public static let table = "import"
    public static let heading = Phrase(ko: "파일 가져오기", en: "Importing a file")
    public var defaultKeys: [Key] {
        switch self {
        case .close: [.escape]
        case .kind: [.tab]
        case .go: [.enter]
        }
    }
    public var phrase: Phrase {
        switch self {
        case .close: Phrase(ko: "닫기 (가져오는 중 제외)", en: "close, unless importing")
        case .kind: Phrase(ko: "가져올 종류 바꾸기", en: "another kind of rows")
        case .go: Phrase(ko: "미리 보기·가져오기·마침", en: "preview, import, finish")
        }
    }
}

/// The box that says a write failed.
public enum ProblemKey: String, DialogAction {
    case retry, close

    public static let table = "problem"
    public static let heading = Phrase(ko: "실패 알림", en: "A failed change")
    public var defaultKeys: [Key] {
        switch self {
        case .retry: [.enter, .character("r")]
        case .close: [.escape, .character("q")]
        }
    }
    public var phrase: Phrase {
        switch self {
        case .retry: Phrase(ko: "다시 시도", en: "try again")
        case .close: Phrase(ko: "닫기", en: "close")
        }
    }
}
