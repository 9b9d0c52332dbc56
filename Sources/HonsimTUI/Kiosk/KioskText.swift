import HonsimCore

/// The kiosk's words, in Korean and English. Kept apart from the dashboard's `UIText`: the
/// kiosk speaks to the public in the hall, not to coordinators.
public enum KioskText {
    public static let title = Phrase(ko: "혼심 · 병원 동행 현황", en: "honsim · hospital escorts")
    public static let board = Phrase(ko: "오늘의 동행", en: "Today's escorts")
    public static let figures = Phrase(ko: "이번 달 현황", en: "This month")
    public static let dongs = Phrase(ko: "동별 현황", en: "By dong")
    public static let noEscortsToday = Phrase(ko: "오늘은 동행 일정이 없습니다", en: "No escorts today")
    public static let noFigures = Phrase(ko: "이번 달 자료가 아직 없습니다", en: "No figures for this month yet")
    public static let loading = Phrase(ko: "불러오는 중…", en: "loading…")
    public static let lastUpdated = Phrase(ko: "마지막 갱신", en: "last updated")
    public static let connected = Phrase(ko: "연결됨", en: "connected")
    public static let unavailable = Phrase(ko: "저장소에 연결되지 않음", en: "store unreachable")
    public static let retrying = Phrase(ko: "다시 시도 중", en: "retrying")
    public static let readOnly = Phrase(ko: "읽기 전용", en: "read-only")
    public static let confirmQuit = Phrase(ko: "키오스크 화면을 끝낼까요?", en: "Close the kiosk screen?")
    public static let confirmYes = Phrase(ko: "끝내기", en: "close")
    public static let confirmNo = Phrase(ko: "다른 키: 계속 보기", en: "any other key: keep showing")
    public static let city = Phrase(ko: "안양시 전체", en: "Whole city")

    // Board columns.
    public static let colTime = Phrase(ko: "시간", en: "time")
    public static let colHousehold = Phrase(ko: "대상자", en: "household")
    public static let colDong = Phrase(ko: "동", en: "dong")
    public static let colHospital = Phrase(ko: "병원", en: "hospital")
    public static let colVolunteer = Phrase(ko: "봉사자", en: "volunteer")
    public static let colStatus = Phrase(ko: "상태", en: "status")

    // Figures.
    public static let today = Phrase(ko: "오늘 전체", en: "today")
    public static let requests = Phrase(ko: "요청", en: "requests")
    public static let completed = Phrase(ko: "완료", en: "completed")
    public static let underway = Phrase(ko: "진행", en: "under way")
    public static let waiting = Phrase(ko: "대기", en: "waiting")
    public static let fulfilment = Phrase(ko: "이행률", en: "fulfilled")
    public static let hours = Phrase(ko: "봉사 시간", en: "volunteer hours")
    public static let households = Phrase(ko: "함께한 대상자", en: "households served")
    public static let volunteers = Phrase(ko: "활동 봉사자", en: "active volunteers")
    public static let urgent = Phrase(ko: "긴급", en: "urgent")
    public static let vehicleUnconfirmed = Phrase(ko: "차량 미확정", en: "no vehicle yet")
    /// The per-dong columns, short enough for a narrow screen.
    public static let dongCounts = Phrase(ko: "완료/요청", en: "done/req")
    public static let dongRate = Phrase(ko: "이행률", en: "rate")
    public static let retryEvery = Phrase(ko: "5초마다 다시 시도합니다", en: "trying again every 5 seconds")

    /// Every phrase above, for the test that checks both languages are there.
    public static let all: [Phrase] = [
        vehicleUnconfirmed, title, board, figures, dongs, noEscortsToday, noFigures, loading, lastUpdated, connected, unavailable, retrying,
        readOnly, confirmQuit, confirmYes, confirmNo, city, colTime, colHousehold, colDong, colHospital, colVolunteer,
        colStatus, today, requests, completed, underway, waiting, fulfilment, hours, households, volunteers, urgent,
        dongCounts, dongRate, retryEvery,
    ]
}
