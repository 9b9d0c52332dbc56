import Foundation

/// The domain's vocabulary in Korean and English, shared by the dashboard, the command
/// line and reports so that a word means the same everywhere.
public enum DomainPhrases {
    public static func status(_ status: RequestStatus) -> Phrase {
        switch status {
        case .pending: Phrase(ko: "대기", en: "pending")
        case .assigned: Phrase(ko: "배정", en: "assigned")
        case .confirmed: Phrase(ko: "확정", en: "confirmed")
        case .inProgress: Phrase(ko: "동행중", en: "in progress")
        case .completed: Phrase(ko: "완료", en: "completed")
        case .cancelled: Phrase(ko: "취소", en: "cancelled")
        case .noShow: Phrase(ko: "불참", en: "no-show")
        }
    }

    public static func mobility(_ mobility: Mobility) -> Phrase {
        switch mobility {
        case .none: Phrase(ko: "없음", en: "none")
        case .cane: Phrase(ko: "지팡이", en: "cane")
        case .walker: Phrase(ko: "보행기", en: "walker")
        case .wheelchair: Phrase(ko: "휠체어", en: "wheelchair")
        }
    }

    public static func need(_ need: Need) -> Phrase {
        switch need {
        case .hearing: Phrase(ko: "청각", en: "hearing")
        case .vision: Phrase(ko: "시각", en: "vision")
        case .cognitive: Phrase(ko: "인지", en: "cognitive")
        case .language: Phrase(ko: "언어", en: "language")
        }
    }

    public static func transport(_ transport: Transport) -> Phrase {
        switch transport {
        case .publicTransport: Phrase(ko: "대중교통", en: "public transport")
        case .centerVehicle: Phrase(ko: "센터 차량", en: "center vehicle")
        case .taxi: Phrase(ko: "택시", en: "taxi")
        case .walk: Phrase(ko: "도보", en: "on foot")
        case .volunteerCar: Phrase(ko: "봉사자 차량", en: "volunteer's car")
        }
    }

    public static func purpose(_ purpose: Purpose) -> Phrase {
        switch purpose {
        case .clinic: Phrase(ko: "진료", en: "clinic")
        case .dialysis: Phrase(ko: "투석", en: "dialysis")
        case .rehab: Phrase(ko: "재활", en: "rehab")
        case .tests: Phrase(ko: "검사", en: "tests")
        case .chemo: Phrase(ko: "항암", en: "chemo")
        case .other: Phrase(ko: "기타", en: "other")
        }
    }

    public static func gender(_ gender: Gender) -> Phrase {
        switch gender {
        case .female: Phrase(ko: "여", en: "female")
        case .male: Phrase(ko: "남", en: "male")
        }
    }

    /// A weekday's short name: 월, Mon.
    public static func weekday(_ weekday: Weekday) -> Phrase {
        let index = weekday.rawValue - 1
        return Phrase(ko: ["월", "화", "수", "목", "금", "토", "일"][index], en: ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"][index])
    }

    public static func skill(_ skill: Skill) -> Phrase {
        switch skill {
        case .wheelchair: Phrase(ko: "휠체어", en: "wheelchair")
        case .signLanguage: Phrase(ko: "수어", en: "sign language")
        case .careWorker: Phrase(ko: "요양보호사", en: "care worker")
        case .language(let code): Phrase(ko: "외국어(\(code))", en: "language (\(code))")
        }
    }

    public static func action(_ action: LifecycleAction) -> Phrase {
        switch action {
        case .assign: Phrase(ko: "배정", en: "assign")
        case .confirm: Phrase(ko: "확정", en: "confirm")
        case .start: Phrase(ko: "출발", en: "start")
        case .complete: Phrase(ko: "완료", en: "complete")
        case .release: Phrase(ko: "배정 해제", en: "release")
        case .cancel: Phrase(ko: "취소", en: "cancel")
        case .noShow: Phrase(ko: "불참 처리", en: "no-show")
        }
    }

    /// "이번 달 3시간", "3시간 30분": hours and minutes as people say them.
    public static func duration(minutes: Int) -> Phrase {
        let hours = minutes / 60, rest = minutes % 60
        switch (hours, rest) {
        case (0, _): return Phrase(ko: "\(rest)분", en: "\(rest) min")
        case (_, 0): return Phrase(ko: "\(hours)시간", en: "\(hours) h")
        default: return Phrase(ko: "\(hours)시간 \(rest)분", en: "\(hours) h \(rest) min")
        }
    }

    public static func reason(_ reason: ScoreTerm.Reason) -> Phrase {
        switch reason {
        case .sameDong: return Phrase(ko: "같은 동", en: "same dong")
        case .sameGu: return Phrase(ko: "같은 구", en: "same gu")
        case .escortedBefore(let times): return Phrase(ko: "이 대상자와 \(times)회 동행", en: "escorted this household \(times)×")
        case .hoursThisMonth(let minutes):
            let d = duration(minutes: minutes)
            return Phrase(ko: "이번 달 \(d.ko)", en: "\(d.en) this month")
        case .signLanguage: return Phrase(ko: "수어 가능", en: "signs")
        case .speaksLanguage: return Phrase(ko: "외국어 가능", en: "speaks the language")
        case .careWorker: return Phrase(ko: "요양보호사", en: "care worker")
        case .wheelchairCapable: return Phrase(ko: "휠체어 가능", en: "wheelchair-capable")
        case .hasCar: return Phrase(ko: "차량 보유", en: "has a car")
        case .seriesVolunteer: return Phrase(ko: "이 일정의 담당 봉사자", en: "this series' volunteer")
        case .trainingMissing: return Phrase(ko: "기본 교육 미이수", en: "no valid training")
        }
    }

    /// A candidate's reasons in words, as the dialog and `honsim suggest` list them.
    public static func reasons(of candidate: Candidate, language: Language, withPoints: Bool) -> [String] {
        candidate.terms.map { reason($0.reason).text(language) + (withPoints ? ($0.points < 0 ? " \($0.points)" : " +\($0.points)") : "") }
    }

    /// Why a candidate is excluded, in words.
    public static func exclusions(of candidate: Candidate, calendar: Calendar, language: Language) -> [String] {
        candidate.exclusions.map { exclusion($0, calendar: calendar).text(language) }
    }

    public static func exclusion(_ exclusion: Exclusion, calendar: Calendar) -> Phrase {
        switch exclusion {
        case .closed: return Phrase(ko: "활동 종료", en: "no longer active")
        case .overlap(let span):
            let from = ClockTime(span.start, calendar: calendar), to = ClockTime(span.end, calendar: calendar)
            return Phrase(ko: "겹치는 일정 \(from)–\(to)", en: "busy \(from)–\(to)")
        case .needsWheelchairSkill: return Phrase(ko: "휠체어 보조 불가", en: "no wheelchair skill")
        case .needsCar: return Phrase(ko: "차량 없음", en: "no car")
        case .outsideAvailability: return Phrase(ko: "활동 시간 외", en: "outside their hours")
        case .dayOff(let from): return Phrase(ko: "휴무 (\(from)부터)", en: "day off (from \(from))")
        case .genderPreference(let gender):
            return Phrase(ko: "\(DomainPhrases.gender(gender).ko)성 봉사자 희망", en: "household asks for a \(DomainPhrases.gender(gender).en) volunteer")
        case .weeklyCap(let used, let cap):
            return Phrase(ko: "주간 한도 초과 (\(duration(minutes: used).ko)/\(duration(minutes: cap).ko))",
                          en: "over weekly cap (\(duration(minutes: used).en)/\(duration(minutes: cap).en))")
        case .insuranceLapsed(let until, _):
            return Phrase(ko: "상해보험 만료 (\(until)까지)", en: "insurance lapsed (valid until \(until))")
        }
    }
}
