import HonsimCore

/// Every word the dashboard shows, in Korean and English. A `Phrase` needs both, and
/// `UIText.all` lists every phrase so a test can check none is empty.
public enum UIText {
    public static let appTitle = Phrase(ko: "혼심 · 병원 동행", en: "honsim · hospital escorts")
    public static let requests = Phrase(ko: "요청", en: "Requests")
    public static let volunteers = Phrase(ko: "봉사자", en: "Volunteers")
    public static let statistics = Phrase(ko: "동별 통계", en: "By dong")
    public static let scopeAll = Phrase(ko: "전체", en: "all")
    public static let scope = Phrase(ko: "범위", en: "scope")
    public static let loading = Phrase(ko: "불러오는 중…", en: "loading…")
    public static let emptyStore = Phrase(
        ko: "자료가 없습니다. 'honsim seed'(데모 자료) 또는 'honsim demo'로 시작하세요.",
        en: "No data yet. Start with 'honsim seed' (demo data) or 'honsim demo'.")
    public static let noMatch = Phrase(ko: "조건에 맞는 항목이 없습니다", en: "nothing matches")
    public static let noOpenRequests = Phrase(ko: "처리할 요청이 없습니다", en: "no open requests")
    public static let tooSmall = Phrase(ko: "터미널이 너무 작습니다", en: "terminal too small")
    public static let needsAtLeast = Phrase(ko: "최소 80x24가 필요합니다", en: "needs at least 80x24")
    public static let connected = Phrase(ko: "연결됨", en: "connected")
    public static let storeError = Phrase(ko: "저장소 오류", en: "store error")
    /// The store's file can be read by other accounts (see `honsim check`).
    public static let storeExposed = Phrase(ko: "주의: 다른 계정도 저장소를 읽을 수 있음", en: "warning: other accounts can read the store")
    public static let urgent = Phrase(ko: "긴급", en: "urgent")
    public static let overdue = Phrase(ko: "지남", en: "overdue")
    public static let filter = Phrase(ko: "찾기", en: "filter")
    public static let freeOnly = Phrase(ko: "선택 요청 시간에 가능", en: "free for the selected request")
    public static let updated = Phrase(ko: "갱신", en: "updated")
    public static let help = Phrase(ko: "도움말", en: "Help")
    public static let helpClose = Phrase(ko: "Esc 또는 ?: 닫기", en: "Esc or ?: close")
    public static let details = Phrase(ko: "요청 상세", en: "Request details")
    public static let household = Phrase(ko: "대상자", en: "Household")
    public static let chooseScope = Phrase(ko: "동 범위 선택", en: "Choose dongs")
    public static let scopeHint = Phrase(ko: "Space: 선택  a: 전체  Enter: 적용  Esc: 취소", en: "Space: toggle  a: all  Enter: apply  Esc: cancel")
    public static let total = Phrase(ko: "합계", en: "total")
    public static let city = Phrase(ko: "안양시", en: "city")
    public static let weeklyTrend = Phrase(ko: "12주 추이", en: "12 weeks")
    public static let fulfilment = Phrase(ko: "이행률", en: "fulfilled")

    // Column headings.
    public static let colWhen = Phrase(ko: "일시", en: "when")
    public static let colHousehold = Phrase(ko: "대상자", en: "household")
    public static let colVolunteer = Phrase(ko: "봉사자", en: "volunteer")
    public static let colDong = Phrase(ko: "동", en: "dong")
    public static let colHospital = Phrase(ko: "병원", en: "hospital")
    public static let colTransport = Phrase(ko: "교통", en: "transport")
    public static let colNeeds = Phrase(ko: "필요", en: "needs")
    public static let colStatus = Phrase(ko: "상태", en: "status")
    public static let colName = Phrase(ko: "이름", en: "name")
    public static let colSkills = Phrase(ko: "기술", en: "skills")
    public static let colWeek = Phrase(ko: "월화수목금토일", en: "M T W T F S S")
    public static let colAssignments = Phrase(ko: "주배정", en: "week")
    public static let colHours = Phrase(ko: "월시간", en: "month h")
    public static let colRequests = Phrase(ko: "요청", en: "req")
    public static let colCompleted = Phrase(ko: "완료", en: "done")
    public static let colCancelled = Phrase(ko: "취소", en: "canc")
    public static let colNoShows = Phrase(ko: "불참", en: "no-sh")
    public static let colPending = Phrase(ko: "대기", en: "pend")
    public static let colUrgent = Phrase(ko: "긴급", en: "urg")
    public static let colRate = Phrase(ko: "이행률", en: "rate")
    public static let colMedian = Phrase(ko: "배정(중앙)", en: "to assign")
    public static let colHoursGiven = Phrase(ko: "봉사시간", en: "vol h")
    public static let colActive = Phrase(ko: "봉사자", en: "vols")
    public static let colServed = Phrase(ko: "대상자", en: "served")

    // Periods.
    public static let periodThisWeek = Phrase(ko: "이번 주", en: "this week")
    public static let periodThisMonth = Phrase(ko: "이번 달", en: "this month")
    public static let periodLastMonth = Phrase(ko: "지난 달", en: "last month")
    public static let periodThisYear = Phrase(ko: "올해", en: "this year")

    // Detail labels.
    public static let labelName = Phrase(ko: "이름", en: "Name")
    public static let labelBorn = Phrase(ko: "출생", en: "Born")
    public static let labelPhone = Phrase(ko: "연락처", en: "Phone")
    public static let labelAddress = Phrase(ko: "주소", en: "Address")
    public static let labelMobility = Phrase(ko: "이동보조", en: "Mobility")
    public static let labelNeeds = Phrase(ko: "필요", en: "Needs")
    public static let labelPreferred = Phrase(ko: "희망 봉사자", en: "Prefers")
    public static let labelCaseManager = Phrase(ko: "담당", en: "Case manager")
    public static let labelHospital = Phrase(ko: "병원", en: "Hospital")
    public static let labelAppointment = Phrase(ko: "진료", en: "Appointment")
    public static let labelPickup = Phrase(ko: "출발", en: "Pickup")
    public static let labelReturn = Phrase(ko: "귀가 동행", en: "Return trip")
    public static let labelTransport = Phrase(ko: "교통", en: "Transport")
    public static let labelPurpose = Phrase(ko: "목적", en: "Purpose")
    public static let labelDuration = Phrase(ko: "예상 소요", en: "Expected")
    public static let labelStatus = Phrase(ko: "상태", en: "Status")
    public static let labelVolunteer = Phrase(ko: "봉사자", en: "Volunteer")
    public static let labelNotes = Phrase(ko: "메모", en: "Notes")
    public static let yes = Phrase(ko: "예", en: "yes")
    public static let no = Phrase(ko: "아니오", en: "no")
    public static let none = Phrase(ko: "없음", en: "none")

    /// Every phrase above, for the test that checks both languages are there.
    public static let all: [Phrase] = [
        appTitle, requests, volunteers, statistics, scopeAll, scope, loading, emptyStore, noMatch, noOpenRequests, tooSmall,
        needsAtLeast, connected, storeError, storeExposed, urgent, overdue, filter, freeOnly, updated, help, helpClose, details, household,
        chooseScope, scopeHint, total, city, weeklyTrend, fulfilment,
        colWhen, colHousehold, colVolunteer, colDong, colHospital, colTransport, colNeeds, colStatus, colName, colSkills, colWeek,
        colAssignments, colHours, colRequests, colCompleted, colCancelled, colNoShows, colPending, colUrgent, colRate,
        colMedian, colHoursGiven, colActive, colServed, periodThisWeek, periodThisMonth, periodLastMonth, periodThisYear,
        labelName, labelBorn, labelPhone, labelAddress, labelMobility, labelNeeds, labelPreferred, labelCaseManager,
        labelHospital, labelAppointment, labelPickup, labelReturn, labelTransport, labelPurpose, labelDuration, labelStatus,
        labelVolunteer, labelNotes, yes, no, none,
    ] + Action.allCases.map(\.phrase) + writing + ImportText.all + RecordText.all + IdleText.all + calls
        + booking + SeriesText.all + RuleText.all + messages + volunteerSide + CategoryText.all + ReturnLegText.all
        + HouseholdFormText.all + LoadingText.all
}
