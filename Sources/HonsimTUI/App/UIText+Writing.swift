import HonsimCore
import HonsimStore

/// The words of the dialogs and forms that change the store: assigning, lifecycle moves,
/// new requests, undo, and the activity log.
extension UIText {
    // Outcomes, in the status bar.
    public static let assigned = Phrase(ko: "배정했습니다", en: "assigned")
    public static let assignedOverride = Phrase(ko: "예외로 배정했습니다", en: "assigned by override")
    public static let done = Phrase(ko: "처리했습니다", en: "done")
    public static let requestCreated = Phrase(ko: "새 요청을 등록했습니다", en: "new request saved")
    public static let undone = Phrase(ko: "되돌렸습니다", en: "undone")
    public static let undoHint = Phrase(ko: "되돌리기", en: "undo")
    public static let nothingToUndo = Phrase(ko: "되돌릴 내 작업이 없습니다", en: "nothing of yours to undo")
    public static let notNow = Phrase(ko: "선택한 요청에는 지금 할 수 없는 작업입니다", en: "not possible for the selected request now")
    public static let planAccepted = Phrase(ko: "계획대로 배정", en: "plan assigned")
    public static let planFailed = Phrase(ko: "실패", en: "failed")

    // The assign dialog.
    public static let assignTitle = Phrase(ko: "봉사자 배정", en: "Assign a volunteer")
    public static let candidates = Phrase(ko: "추천 순위", en: "Ranked candidates")
    public static let excluded = Phrase(ko: "제외된 봉사자와 사유", en: "Excluded, and why")
    public static let noCandidates = Phrase(ko: "조건에 맞는 봉사자가 없습니다. /로 이름을 찾아 보세요", en: "nobody meets the rules; / searches by name")
    public static let loadingCandidates = Phrase(ko: "후보를 찾는 중…", en: "finding candidates…")
    public static let searchName = Phrase(ko: "이름 찾기", en: "find by name")
    /// Over the list when it shows only the best of the eligible.
    public static func listedOf(_ listed: Int, _ eligible: Int) -> Phrase {
        Phrase(ko: "가능한 봉사자 \(Grouping.thousands(eligible))명 중 점수 순 \(Grouping.thousands(listed))명 · 다른 분은 / 이름 찾기",
               en: "the best \(Grouping.thousands(listed)) of \(Grouping.thousands(eligible)) eligible · / finds anyone else by name")
    }
    public static let cannotAssign = Phrase(ko: "배정할 수 없습니다", en: "cannot be assigned")
    public static let overrideQuestion = Phrase(ko: "규칙 예외로 배정할까요? (y: 예, 다른 키: 아니오)", en: "Assign by override? (y: yes, any other key: no)")
    public static let noLongerPending = Phrase(ko: "이 요청은 이제 대기 상태가 아닙니다", en: "this request is no longer pending")
    public static let retryHint = Phrase(ko: "r: 다시 시도", en: "r: try again")
    public static let pick = Phrase(ko: "n번째", en: "nth")
    public static let close = Phrase(ko: "닫기", en: "close")
    public static let colScore = Phrase(ko: "점수", en: "score")
    public static let colReasons = Phrase(ko: "이유", en: "reasons")
    public static let working = Phrase(ko: "저장하는 중…", en: "saving…")

    // Forms.
    public static let save = Phrase(ko: "저장(마지막 칸에서)", en: "save (on the last field)")
    public static let nextField = Phrase(ko: "다음 칸", en: "next field")
    public static let discardQuestion = Phrase(ko: "입력한 내용을 버릴까요? (y: 버림, 다른 키: 계속 입력)", en: "Discard what you typed? (y: discard, any other key: keep editing)")
    public static let newRequestTitle = Phrase(ko: "새 동행 요청", en: "New escort request")
    public static let fieldActualMinutes = Phrase(ko: "실제 소요(분)", en: "Actual minutes")
    public static let fieldOutcome = Phrase(ko: "결과", en: "Outcome")
    public static let fieldDoctorNotes = Phrase(ko: "의사 소견", en: "Doctor said")
    public static let fieldFollowUp = Phrase(ko: "후속 조치 필요", en: "Follow-up needed")
    public static let fieldReason = Phrase(ko: "사유", en: "Reason")
    public static let fieldHousehold = Phrase(ko: "대상자", en: "Household")
    public static let fieldDate = Phrase(ko: "진료일", en: "Date")
    public static let fieldTime = Phrase(ko: "진료 시각", en: "Appointment")
    public static let fieldPickup = Phrase(ko: "출발 시각", en: "Pickup")
    public static let fieldHospital = Phrase(ko: "병원", en: "Hospital")
    public static let fieldDepartment = Phrase(ko: "진료과", en: "Department")
    public static let fieldHours = Phrase(ko: "예상 소요(시간)", en: "Hours")
    public static let fieldRepeat = Phrase(ko: "매주 반복 요일", en: "Repeat weekly on")
    public static let fieldUntil = Phrase(ko: "반복 종료일", en: "Repeat until")
    public static let fieldUser = Phrase(ko: "사용자", en: "User")
    public static let fieldRequestNumber = Phrase(ko: "요청 번호", en: "Request no.")
    public static let placeholderOutcome = Phrase(ko: "예: 진료 후 귀가", en: "e.g. seen, home safely")
    public static let placeholderDoctorNotes = Phrase(ko: "가족·대상자가 알아야 할 내용", en: "what the household or family must know")
    public static let placeholderReason = Phrase(ko: "꼭 적어 주세요", en: "required")
    public static let placeholderOptional = Phrase(ko: "선택", en: "optional")
    public static let placeholderAny = Phrase(ko: "전체", en: "any")
    public static let placeholderHousehold = Phrase(ko: "이름, 초성(ㄱㅅㅈ) 또는 #번호", en: "name, initials or #number")
    public static let placeholderDate = Phrase(ko: "2026-12-03, 12/3, 내일", en: "2026-12-03, 12/3, tomorrow")
    public static let placeholderPickup = Phrase(ko: "비우면 진료 1시간 전", en: "blank: an hour before")
    public static let placeholderHospital = Phrase(ko: "예: 한림대학교성심병원", en: "e.g. Hallym University Sacred Heart")
    public static let placeholderRepeat = Phrase(ko: "예: 월 수 금 (비우면 한 번)", en: "e.g. mon wed fri (blank: once)")
    public static let placeholderUntil = Phrase(ko: "반복할 때만 (비우면 종료일 없음)", en: "when repeating (blank: open-ended)")
    public static let errorRequired = Phrase(ko: "꼭 적어야 합니다", en: "required")
    public static let errorNoHousehold = Phrase(ko: "목록에서 대상자를 고르세요", en: "pick a household from the list")
    public static let errorDate = Phrase(ko: "날짜가 아닙니다", en: "not a date")
    public static let errorTime = Phrase(ko: "시각이 아닙니다(예: 10:30)", en: "not a time (e.g. 10:30)")
    public static let errorPickupAfter = Phrase(ko: "출발이 진료보다 늦습니다", en: "pickup is after the appointment")
    public static let errorHours = Phrase(ko: "30분–16시간으로 적으세요", en: "between 30 minutes and 16 hours")
    public static let errorWeekdays = Phrase(ko: "요일이 아닙니다(예: 월 수 금)", en: "not weekdays (e.g. mon wed fri)")
    public static let errorUntilBefore = Phrase(ko: "진료일보다 앞섭니다", en: "before the first date")
    public static let errorPast = Phrase(ko: "이미 지난 시각입니다", en: "already past")
    public static let errorMinutes = Phrase(ko: "10–960분으로 적으세요", en: "between 10 and 960 minutes")
    public static let errorReasonNeeded = Phrase(ko: "사유를 적어 주세요", en: "a reason is needed")
    public static let seriesOf = Phrase(ko: "건이 등록됩니다", en: "requests will be saved")

    // The activity view and problems.
    public static let activityTitle = Phrase(ko: "활동 기록", en: "Activity")
    public static let colUser = Phrase(ko: "사용자", en: "user")
    public static let colAction = Phrase(ko: "작업", en: "action")
    public static let colRequest = Phrase(ko: "요청", en: "request")
    public static let colChange = Phrase(ko: "변경 내용", en: "change")
    public static let noEntries = Phrase(ko: "기록이 없습니다", en: "no entries")
    public static let editFilters = Phrase(ko: "거르기", en: "filter")
    public static let problemTitle = Phrase(ko: "저장하지 못했습니다", en: "Not saved")
    public static let retry = Phrase(ko: "다시 시도", en: "try again")

    // The plan.
    public static let planTitle = Phrase(ko: "배정 계획 제안", en: "Suggested plan")
    public static let planWorking = Phrase(ko: "가장 좋은 배정을 계산하는 중…", en: "working out the best plan…")
    public static let planModel = Phrase(
        ko: "봉사자 한 명에 한 건씩, 모든 규칙을 지키며 배정 건수 → 긴급 건수 → 점수 합계가 가장 큰 배정입니다",
        en: "one request per volunteer, every rule kept; most requests, then most urgent ones, then the highest total score")
    public static let planAccept = Phrase(ko: "선택한 건 배정", en: "assign ticked")
    public static let planTick = Phrase(ko: "선택/해제", en: "tick")
    public static let planTickAll = Phrase(ko: "모두", en: "all")
    public static let planDays = Phrase(ko: "기간", en: "days")
    public static let planNobody = Phrase(ko: "배정할 수 있는 봉사자가 남지 않음", en: "nobody eligible left")
    public static let planEmpty = Phrase(ko: "이 기간에 대기 중인 요청이 없습니다", en: "no pending requests in these days")

    static let writing: [Phrase] = [
        planTitle, planWorking, planModel, planAccept, planTick, planTickAll, planDays, planNobody, planEmpty,
        assigned, assignedOverride, done, requestCreated, undone, undoHint, nothingToUndo, notNow, planAccepted, planFailed,
        assignTitle, candidates, excluded, noCandidates, loadingCandidates, searchName, cannotAssign, overrideQuestion,
        noLongerPending, retryHint, pick, close, colScore, colReasons, working, save, nextField, discardQuestion,
        newRequestTitle, fieldActualMinutes, fieldOutcome, fieldDoctorNotes, fieldFollowUp, fieldReason, fieldHousehold,
        fieldDate, fieldTime, fieldPickup, fieldHospital, fieldDepartment, fieldHours, fieldRepeat, fieldUntil, fieldUser,
        fieldRequestNumber, placeholderOutcome, placeholderDoctorNotes, placeholderReason, placeholderOptional,
        placeholderAny, placeholderHousehold, placeholderDate, placeholderPickup, placeholderHospital, placeholderRepeat,
        placeholderUntil, errorRequired, errorNoHousehold, errorDate, errorTime, errorPickupAfter, errorHours,
        errorWeekdays, errorUntilBefore, errorPast, errorMinutes, errorReasonNeeded, seriesOf,
        activityTitle, colUser, colAction, colRequest, colChange, noEntries, editFilters, problemTitle, retry,
    ]
}
