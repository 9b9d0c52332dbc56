import HonsimCore

/// A standing series' page (`S`): its dates scroll with the list keys; each change opens a
/// form of its own, checked as it is typed.
public enum SeriesKey: String, DialogAction {
    case close, change, pause, resume, end
    case assignVolunteer = "assign_volunteer"

    public static let table = "series"
    public static let heading = Phrase(ko: "정기 일정", en: "A standing series")
    public var defaultKeys: [Key] {
        switch self {
        case .close: [.escape, .character("q"), .character("S")]
        case .change: [.character("e")]
        case .pause: [.character("p")]
        case .resume: [.character("r")]
        case .end: [.character("x")]
        case .assignVolunteer: [.character("a")]
        }
    }
    public var phrase: Phrase {
        switch self {
        case .close: Phrase(ko: "닫기", en: "close")
        case .change: Phrase(ko: "날짜부터 바꾸기", en: "change from a date")
        case .pause: Phrase(ko: "일시 중지", en: "pause")
        case .resume: Phrase(ko: "재개", en: "resume")
        case .end: Phrase(ko: "종료", en: "end")
        case .assignVolunteer: Phrase(ko: "담당 봉사자 지정", en: "set its volunteer")
        }
    }

    /// The form a key opens, if it opens one.
    var form: SeriesForm.Kind? {
        switch self {
        case .close: nil
        case .change: .change
        case .pause: .pause
        case .resume: .resume
        case .end: .end
        case .assignVolunteer: .assign
        }
    }
}
