import HonsimCore

/// The words of the call list.
extension UIText {
    public static let callsTitle = Phrase(ko: "전날 확인 전화", en: "Call list")
    public static let callsLoading = Phrase(ko: "이 날의 동행을 읽는 중…", en: "reading the day's escorts…")
    public static let callsEmpty = Phrase(ko: "이 날에는 동행이 없습니다", en: "no escorts on this day")
    public static let callsPartyFirst = Phrase(ko: "먼저 통화한 사람을 고르세요: v 봉사자 h 대상자 f 가족 e 센터",
                                               en: "first choose whom you called: v volunteer, h household, f family, e center")
    public static let callsChooseResult = Phrase(ko: "결과를 고르세요: y 확인 n 부재 m 메시지 x 변경 요청 c 취소 (Esc 취소)",
                                                 en: "the result: y confirmed, n no answer, m message, x change, c cancel (Esc: back)")
    public static let callsNoVolunteer = Phrase(ko: "봉사자가 없는 동행입니다: 봉사자에게는 배정한 뒤에 전화를 기록합니다",
                                                en: "no volunteer holds this escort: a volunteer's call is recorded once one is assigned")
    public static let callsVolunteerCannotGo = Phrase(ko: "봉사자 불가(전날 확인 전화)", en: "volunteer cannot go (call the day before)")
    public static let callsWhom = Phrase(ko: "통화 상대", en: "called")
    public static let callsResult = Phrase(ko: "결과", en: "result")
    public static let callsDay = Phrase(ko: "날짜", en: "day")
    public static let callsReady = Phrase(ko: "준비", en: "ready")
    public static let callsSide = Phrase(ko: "확인", en: "call")
    public static let callsVehicle = Phrase(ko: "차량", en: "vehicle")
    public static let vehiclesUnconfirmed = Phrase(ko: "차량 미확정", en: "vehicles unbooked")
    public static let labelBooking = Phrase(ko: "차량 예약", en: "vehicle booking")

    static let calls: [Phrase] = [
        callsTitle, callsLoading, callsEmpty, callsPartyFirst, callsChooseResult, callsNoVolunteer, callsVolunteerCannotGo, callsWhom, callsResult,
        callsDay, callsReady, callsSide, callsVehicle, vehiclesUnconfirmed, labelBooking,
    ]
}

/// The words of the call list's reminders.
extension UIText {
    public static let messagesNoSender = Phrase(ko: "보내기 프로그램이 설정되지 않았습니다(config.toml [messages] sender). M 으로 CSV를 저장해 문자 서비스에 올리세요",
                                                en: "no sender is set ([messages] sender in config.toml); M saves the CSV for a bulk-SMS service")
    public static let messagesNone = Phrase(ko: "이 날에는 보낼 안내 문자가 없습니다(전화번호가 있는 동행 없음)",
                                            en: "no reminders for this day (no escort with a phone)")
    public static let messagesWithheldAll = Phrase(ko: "전화번호를 전부 볼 수 있는 동행이 없어 안내 문자를 만들 수 없습니다",
                                                   en: "no escort whose phones you may see in full: no reminders")
    public static let messagesAllSent = Phrase(ko: "이 날의 안내 문자는 모두 보냈습니다(다시 보내기: honsim messages --send --resend)",
                                               en: "every reminder of this day was sent (to send again: honsim messages --send --resend)")
    public static let messagesNotSent = Phrase(ko: "안내 문자를 보내지 않았습니다", en: "no reminder was sent")
    public static let messagesColumn = Phrase(ko: "문자", en: "sms")
    public static let messagesSave = Phrase(ko: "문자 CSV", en: "SMS CSV")
    public static let messagesSend = Phrase(ko: "문자 보내기", en: "send SMS")
    public static let callsNote = Phrase(ko: "메모(선택) — Enter 저장, Esc 메모 없이 저장", en: "note (optional) — Enter saves, Esc saves without")

    static let messages: [Phrase] = [
        messagesNoSender, messagesNone, messagesWithheldAll, messagesAllSent, messagesNotSent, messagesColumn, messagesSave,
        messagesSend, callsNote,
    ]
}
