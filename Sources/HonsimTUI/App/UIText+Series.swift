import HonsimCore

/// The words of the series page and its forms.
public enum SeriesText {
    public static let title = Phrase(ko: "정기 일정", en: "Standing series")
    public static let loading = Phrase(ko: "읽는 중…", en: "reading…")
    public static let notASeries = Phrase(ko: "선택한 요청은 정기 일정이 아닙니다", en: "the selected request is not part of a standing series")
    public static let openEnded = Phrase(ko: "종료일 없음", en: "open-ended")
    public static let volunteer = Phrase(ko: "담당 봉사자", en: "Standing volunteer")
    public static let none = Phrase(ko: "없음", en: "none")
    public static let paused = Phrase(ko: "중지", en: "Paused")
    public static let datesAhead = Phrase(ko: "앞으로의 날짜", en: "Dates ahead")
    public static let changes = Phrase(ko: "변경 이력", en: "Changes")
    public static let lastChange = Phrase(ko: "방금 한 변경", en: "What the change did")
    public static let pickup = Phrase(ko: "출발", en: "pickup")
    public static let hours = Phrase(ko: "시간", en: "h")
    public static let keysHint = Phrase(ko: "바꾸기·중지·재개·종료·봉사자", en: "change, pause, resume, end, volunteer")

    public static let buttonChange = Phrase(ko: "바꾸기", en: "change")
    public static let buttonPause = Phrase(ko: "중지", en: "pause")
    public static let buttonResume = Phrase(ko: "재개", en: "resume")
    public static let buttonEnd = Phrase(ko: "종료", en: "end")
    public static let buttonVolunteer = Phrase(ko: "봉사자", en: "volunteer")

    public static let made = Phrase(ko: "만든 날짜", en: "Dates made")
    public static let assigned = Phrase(ko: "배정한 날짜", en: "Dates assigned")
    public static let kept = Phrase(ko: "봉사자가 그대로인 날짜", en: "Dates that keep their volunteer")
    public static let released = Phrase(ko: "봉사자를 뺀 날짜", en: "Dates released")
    public static let cancelled = Phrase(ko: "취소한 날짜", en: "Dates cancelled")
    public static let cannotTake = Phrase(ko: "맡을 수 없는 날짜 (하나씩 배정하세요)", en: "Dates they cannot take (assign one by one)")
    public static let saved = Phrase(ko: "정기 일정을 저장했습니다", en: "standing series saved")

    public static let formChange = Phrase(ko: "정기 일정 바꾸기", en: "Change the series")
    public static let formPause = Phrase(ko: "정기 일정 일시 중지", en: "Pause the series")
    public static let formResume = Phrase(ko: "정기 일정 재개", en: "Resume the series")
    public static let formEnd = Phrase(ko: "정기 일정 종료", en: "End the series")
    public static let formAssign = Phrase(ko: "담당 봉사자 지정", en: "Set the series' volunteer")

    public static let fieldFrom = Phrase(ko: "시작일", en: "From")
    public static let fieldTo = Phrase(ko: "종료일", en: "To")
    public static let fieldLast = Phrase(ko: "마지막 날", en: "Last day")
    public static let fieldDays = Phrase(ko: "요일", en: "Weekdays")
    public static let fieldVolunteer = Phrase(ko: "봉사자 번호", en: "Volunteer number")
    public static let placeholderVolunteer = Phrase(ko: "예: 12", en: "e.g. 12")
    public static let errorVolunteer = Phrase(ko: "봉사자 번호를 입력하세요", en: "type a volunteer's number")
    public static let errorNoVolunteer = Phrase(ko: "그런 봉사자가 없습니다", en: "no such volunteer")

    public static let limitFlag = Phrase(ko: "이용 한도 초과 (일정은 그대로 진행)", en: "past the household's limit (the series goes on)")
    public static let limitDates = Phrase(ko: "한도를 넘는 날짜", en: "dates past it")

    static let all: [Phrase] = [limitFlag, limitDates,
        buttonChange, buttonPause, buttonResume, buttonEnd, buttonVolunteer, title, loading, notASeries, openEnded, volunteer, none, paused, datesAhead, changes, lastChange, pickup, hours, keysHint,
        made, assigned, kept, released, cancelled, cannotTake, saved, formChange, formPause, formResume, formEnd, formAssign,
        fieldFrom, fieldTo, fieldLast, fieldDays, fieldVolunteer, placeholderVolunteer, errorVolunteer, errorNoVolunteer,
    ]
}
