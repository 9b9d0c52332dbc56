import HonsimCore

/// The words of the household and volunteer pages, their forms, the availability grid and
/// the drop-out list.
public enum RecordText {
    public static let householdTitle = Phrase(ko: "대상자", en: "Household")
    public static let volunteerTitle = Phrase(ko: "봉사자", en: "Volunteer")
    public static let newHousehold = Phrase(ko: "새 대상자", en: "New household")
    public static let newVolunteer = Phrase(ko: "새 봉사자", en: "New volunteer")
    public static let edit = Phrase(ko: "고치기", en: "edit")
    public static let new = Phrase(ko: "새로", en: "new")
    public static let close = Phrase(ko: "종결", en: "close record")
    public static let reopen = Phrase(ko: "다시 열기", en: "reopen")
    public static let availability = Phrase(ko: "가능 시간·휴무", en: "hours and days off")
    public static let scroll = Phrase(ko: "스크롤", en: "scroll")
    public static let loading = Phrase(ko: "불러오는 중…", en: "loading…")
    public static let closeQuestion = Phrase(ko: "이 기록을 종결할까요? 이력은 남습니다 (y: 예, 다른 키: 아니오)",
                                             en: "Close this record? Its history is kept (y: yes, any other key: no)")
    public static let reopenQuestion = Phrase(ko: "이 기록을 다시 열까요? (y: 예)", en: "Reopen this record? (y: yes)")
    public static let saved = Phrase(ko: "저장했습니다", en: "saved")
    public static let maskedCannotEdit = Phrase(ko: "가린 화면에서는 고칠 수 없습니다 (--masked 없이 여세요)",
                                                en: "a masked screen cannot edit (open it without --masked)")
    public static let duplicateAgain = Phrase(ko: "그래도 저장하려면 Enter를 다시 누르세요", en: "press Enter again to save anyway")
    public static let conflictTitle = Phrase(ko: "다른 분이 먼저 바꿨습니다", en: "Changed by someone else meanwhile")
    public static let conflictKeys = Phrase(ko: "k: 그분 것 유지 · m: 내 것으로 덮어쓰기 · Esc: 계속 고치기",
                                            en: "k: keep theirs · m: apply mine over it · Esc: go on editing")
    public static let theirs = Phrase(ko: "그분", en: "theirs")
    public static let mine = Phrase(ko: "나", en: "mine")
    public static let gridHelp = Phrase(ko: "←→↑↓ 이동 · Space 시간 켜고 끄기 · a 하루 전체 · Tab 휴무 입력 · Enter 저장 · Esc 닫기",
                                        en: "arrows move · Space one hour · a whole day · Tab days off · Enter save · Esc close")
    public static let daysOffLabel = Phrase(ko: "휴무(예: 12/3, 12/10~12/12)", en: "days off (e.g. 12/3, 12/10~12/12)")
    public static let dropOutsTitle = Phrase(ko: "빠지게 된 동행", en: "Escorts the change drops")
    public static let dropOutsKeys = Phrase(ko: "R: 모두 대기로 돌리고 차례로 배정 · Esc: 그대로 두기",
                                            en: "R: release all and assign each in turn · Esc: leave them")
    public static let dropOutsLeft = Phrase(ko: "동행이 아직 이 봉사자에게 남아 있습니다", en: "the escorts are still this volunteer's")
    public static let released = Phrase(ko: "대기로 돌렸습니다", en: "released to pending")
    public static let releaseReason = Phrase(ko: "봉사자 일정 변경(휴무·가능 시간)", en: "volunteer's schedule changed (days off or hours)")
    public static let nextInQueue = Phrase(ko: "다음 배정", en: "next to assign")
    public static let noHousehold = Phrase(ko: "선택한 요청이 없어 새 대상자를 등록합니다", en: "no request selected: a new household")
    public static let masked = Phrase(ko: "담당 동이 아니어서 가려서 보입니다", en: "masked: not one of your dongs")

    // Fields.
    public static let fieldName = Phrase(ko: "이름", en: "name")
    public static let fieldBirthYear = Phrase(ko: "생년", en: "birth year")
    public static let fieldGender = Phrase(ko: "성별", en: "gender")
    public static let fieldDong = Phrase(ko: "동(옛 이름도)", en: "dong (former names too)")
    public static let fieldPhone = Phrase(ko: "전화", en: "phone")
    public static let fieldAddress = Phrase(ko: "주소", en: "address")
    public static let fieldMobility = Phrase(ko: "이동", en: "mobility")
    public static let fieldNeeds = Phrase(ko: "필요(청각 시각 인지 언어)", en: "needs (hearing vision …)")
    public static let fieldCaseManager = Phrase(ko: "담당자", en: "case manager")
    public static let fieldNotes = Phrase(ko: "메모", en: "notes")
    public static let fieldSkills = Phrase(ko: "기술(휠체어 수어 …)", en: "skills (wheelchair …)")
    public static let fieldCar = Phrase(ko: "차량", en: "has a car")
    public static let fieldCap = Phrase(ko: "주간 한도(시간)", en: "weekly cap (hours)")

    // Errors, named beside the field.
    public static let required = Phrase(ko: "꼭 적어 주세요", en: "required")
    public static let badYear = Phrase(ko: "네 자리 연도로 적어 주세요(예: 1945)", en: "a four-digit year, like 1945")
    public static let badPhone = Phrase(ko: "전화번호 형식이 아닙니다(예: 010-1234-5678)", en: "not a phone number (010-1234-5678)")
    public static let badCap = Phrase(ko: "1–60시간", en: "1–60 hours")
    public static func unknownDong(_ text: String) -> Phrase { Phrase(ko: "없는 동입니다: \(text)", en: "no such dong: \(text)") }
    public static func unknownWord(_ text: String) -> Phrase { Phrase(ko: "모르는 말입니다: \(text)", en: "not known: \(text)") }
    public static func badDayOff(_ text: String) -> Phrase {
        Phrase(ko: "날짜나 기간이 아닙니다: \(text)", en: "not a date or a range: \(text)")
    }
    public static func dayOffBackwards(_ text: String) -> Phrase {
        Phrase(ko: "끝나는 날이 시작보다 앞섭니다: \(text)", en: "ends before it starts: \(text)")
    }

    public static let all: [Phrase] = [
        householdTitle, volunteerTitle, newHousehold, newVolunteer, edit, new, close, reopen, availability, scroll, loading,
        closeQuestion, reopenQuestion, saved, duplicateAgain, conflictTitle, conflictKeys, theirs, mine, gridHelp, daysOffLabel,
        dropOutsTitle, dropOutsKeys, dropOutsLeft, released, releaseReason, nextInQueue, noHousehold, masked, fieldName,
        fieldBirthYear, fieldGender, fieldDong, fieldPhone, fieldAddress, fieldMobility, fieldNeeds, fieldCaseManager, fieldNotes,
        fieldSkills, fieldCar, fieldCap, required, badYear, badPhone, badCap,
    ]
}
