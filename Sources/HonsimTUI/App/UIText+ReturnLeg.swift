import HonsimCore

/// The words of the return leg: its form (`L`), its marks in the requests pane and its lines
/// in a request's details.
public enum ReturnLegText {
    public static let title = Phrase(ko: "귀가 구간", en: "Return leg")
    public static let fieldWhen = Phrase(ko: "귀가 출발", en: "Pickup")
    public static let atATime = Phrase(ko: "시각 지정", en: "at a time")
    public static let whenCalled = Phrase(ko: "호출 시", en: "when called")
    public static let fieldPickup = Phrase(ko: "출발 시각", en: "Pickup time")
    public static let placeholderPickup = Phrase(ko: "예: 13:30", en: "e.g. 13:30")
    public static let fieldMinutes = Phrase(ko: "소요 (분)", en: "Minutes")
    public static let fieldVolunteer = Phrase(ko: "봉사자", en: "Volunteer")
    public static let sameVolunteer = Phrase(ko: "가는 길과 같은 봉사자", en: "the same as the way there")
    public static let otherVolunteer = Phrase(ko: "다른 봉사자 (배정 창)", en: "another (the assign dialog)")
    public static let noVolunteer = Phrase(ko: "나중에 배정", en: "assign later")
    public static let errorMinutes = Phrase(ko: "분 단위 숫자로 적으세요 (예: 90)", en: "a number of minutes (e.g. 90)")
    public static let whenCalledHint = Phrase(ko: "호출 시: 진료 한 시간 뒤부터 봉사자의 시간을 잡아 둡니다",
                                              en: "when called: the volunteer's time is held from an hour after the appointment")
    public static let noReturnTrip = Phrase(ko: "귀가 동행이 없는 요청입니다", en: "the request has no return trip")
    public static let ended = Phrase(ko: "끝난 요청에는 귀가 구간을 만들 수 없습니다", en: "an ended request cannot have a return leg")
    public static let made = Phrase(ko: "귀가 구간을 만들었습니다", en: "return leg made")
    public static let changed = Phrase(ko: "귀가 구간을 바꿨습니다", en: "return leg changed")
    public static let notAssigned = Phrase(ko: "봉사자를 배정하지 못했습니다", en: "not assigned")
    public static let released = Phrase(ko: "봉사자를 뺐습니다", en: "volunteer released")
    /// The mark before the hospital in the requests pane.
    public static let legMark = Phrase(ko: "귀가", en: "return")
    public static let outboundMark = Phrase(ko: "+귀가", en: "+return")
    /// In the details.
    public static let labelLeg = Phrase(ko: "귀가 구간", en: "Return leg")
    public static let labelOutbound = Phrase(ko: "가는 길", en: "Way there")
    public static func request(_ id: Int64) -> Phrase { Phrase(ko: "요청 #\(id)", en: "request #\(id)") }
    public static func hasLeg(_ id: Int64) -> Phrase {
        Phrase(ko: "귀가 구간은 요청 #\(id)입니다: 봉사자는 그 줄에서 배정·해제로 바꿉니다",
               en: "the return leg is request #\(id): its volunteer changes on its own row (assign, release)")
    }
    public static func isLeg(_ id: Int64) -> Phrase {
        Phrase(ko: "이 요청은 요청 #\(id)의 귀가 구간입니다", en: "this request is the return leg of request #\(id)")
    }

    static let all: [Phrase] = [
        title, fieldWhen, atATime, whenCalled, fieldPickup, placeholderPickup, fieldMinutes, fieldVolunteer, sameVolunteer,
        otherVolunteer, noVolunteer, errorMinutes, whenCalledHint, noReturnTrip, ended, made, changed, notAssigned, released, legMark, outboundMark,
        labelLeg, labelOutbound, request(1), hasLeg(1), isLeg(1),
    ]
}
