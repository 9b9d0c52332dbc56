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
        callsTitle, callsLoading, callsEmpty, callsPartyFirst, callsChooseResult, callsVolunteerCannotGo, callsWhom, callsResult,
        callsDay, callsReady, callsSide, callsVehicle, vehiclesUnconfirmed, labelBooking,
    ]
}
