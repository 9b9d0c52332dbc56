import HonsimCore

/// The call list (`C`): the day moves with `[` `]`; a call is recorded in two keys, whom it
/// was with, then what came of it.
public enum CallsKey: String, DialogAction {
    case close
    case previousDay = "previous_day"
    case nextDay = "next_day"
    case volunteer, household, family, center
    case confirmed
    case noAnswer = "no_answer"
    case leftMessage = "left_message"
    case askedToChange = "asked_to_change"
    case cancelled
    case booking
    case sheet
    case typeIn = "type_in"

    public static let table = "calls"
    public static let heading = Phrase(ko: "전날 확인 전화 목록", en: "The call list")
    public var defaultKeys: [Key] {
        switch self {
        case .close: [.escape, .character("q"), .character("C")]
        case .previousDay: [.character("["), .left]
        case .nextDay: [.character("]"), .right]
        case .volunteer: [.character("v")]
        case .household: [.character("h")]
        case .family: [.character("f")]
        case .center: [.character("e")]
        case .confirmed: [.character("y")]
        case .noAnswer: [.character("n")]
        case .leftMessage: [.character("m")]
        case .askedToChange: [.character("x")]
        case .cancelled: [.character("c")]
        case .booking: [.character("b")]
        case .sheet: [.character("P")]
        case .typeIn: [.character("o")]
        }
    }
    public var phrase: Phrase {
        switch self {
        case .close: Phrase(ko: "닫기", en: "close")
        case .previousDay: Phrase(ko: "전날", en: "previous day")
        case .nextDay: Phrase(ko: "다음 날", en: "next day")
        case .volunteer: Phrase(ko: "봉사자와 통화", en: "called the volunteer")
        case .household: Phrase(ko: "대상자와 통화", en: "called the household")
        case .family: Phrase(ko: "가족과 통화", en: "called the family")
        case .center: Phrase(ko: "센터와 통화", en: "called the center")
        case .confirmed: Phrase(ko: "결과: 확인", en: "result: confirmed")
        case .noAnswer: Phrase(ko: "결과: 부재", en: "result: no answer")
        case .leftMessage: Phrase(ko: "결과: 메시지 남김", en: "result: left a message")
        case .askedToChange: Phrase(ko: "결과: 변경 요청", en: "result: asked to change")
        // A volunteer who cannot go is released and reassigned; a household goes to the cancel form.
        case .cancelled: Phrase(ko: "결과: 못 감·취소", en: "result: cannot go, cancel")
        case .booking: Phrase(ko: "차량 예약", en: "vehicle booking")
        case .sheet: Phrase(ko: "동행 일지 저장", en: "save run sheet")
        // The completion form on each escort under way, in the sheets' order.
        case .typeIn: Phrase(ko: "돌아온 일지 입력", en: "type sheets in")
        }
    }

    var party: ContactParty? {
        switch self {
        case .volunteer: .volunteer
        case .household: .household
        case .family: .family
        case .center: .center
        default: nil
        }
    }

    var result: ContactResult? {
        switch self {
        case .confirmed: .confirmed
        case .noAnswer: .noAnswer
        case .leftMessage: .leftMessage
        case .askedToChange: .askedToChange
        case .cancelled: .cancelled
        default: nil
        }
    }
}
