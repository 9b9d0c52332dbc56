import Foundation
import HonsimCore

/// The report's words, in Korean and English, shared by its three formats.
enum ReportText {
    static let title = Phrase(ko: "병원 동행 월간 활동 및 실적", en: "Hospital escorts: monthly activity and results")
    static let generated = Phrase(ko: "작성", en: "made")
    static let maskedNote = Phrase(ko: "개인정보 가림", en: "personal data masked")
    static let unmaskedNote = Phrase(ko: "개인정보 포함 — 외부 배포 금지", en: "contains personal data — not for distribution")
    static let cityTotal = Phrase(ko: "시 전체", en: "City")
    static let byDong = Phrase(ko: "동별 실적", en: "By dong")
    static let summary = Phrase(ko: "요약", en: "Summary")
    static let chart = Phrase(ko: "동별 요청과 완료", en: "Requests and completed escorts by dong")
    static let chartLegend = Phrase(ko: "█ 완료  ░ 그 밖의 요청", en: "█ completed  ░ other requests")
    static let allRequests = Phrase(ko: "요청 전체", en: "all requests")
    static let hours = Phrase(ko: "봉사 시간", en: "Volunteer hours")
    static let reasons = Phrase(ko: "취소 사유", en: "Cancellation reasons")
    static let noReason = Phrase(ko: "(사유 미기록)", en: "(no reason recorded)")
    static let otherReasons = Phrase(ko: "그 밖의 사유", en: "other reasons")
    static let noCancellations = Phrase(ko: "이달 취소된 요청이 없습니다.", en: "No request was cancelled this month.")
    static let noHours = Phrase(ko: "이달 완료된 동행이 없습니다.", en: "No escort was completed this month.")
    static let change = Phrase(ko: "전월 대비", en: "vs. previous month")

    static let gu = Phrase(ko: "구", en: "gu")
    static let dong = Phrase(ko: "동", en: "dong")
    static let level = Phrase(ko: "구분", en: "level")
    static let requests = Phrase(ko: "요청", en: "requests")
    static let completed = Phrase(ko: "완료", en: "completed")
    static let cancelled = Phrase(ko: "취소", en: "cancelled")
    static let noShows = Phrase(ko: "불참", en: "no-shows")
    static let pending = Phrase(ko: "대기", en: "pending")
    static let urgent = Phrase(ko: "긴급 미배정", en: "urgent unassigned")
    static let rate = Phrase(ko: "이행률", en: "fulfilment")
    static let median = Phrase(ko: "배정까지(중앙값)", en: "median to assign")
    static let volunteerHours = Phrase(ko: "봉사 시간", en: "volunteer hours")
    static let volunteers = Phrase(ko: "활동 봉사자", en: "active volunteers")
    static let households = Phrase(ko: "이용 대상자", en: "households served")
    static let rank = Phrase(ko: "순위", en: "rank")
    static let volunteer = Phrase(ko: "봉사자", en: "volunteer")
    static let escorts = Phrase(ko: "동행", en: "escorts")
    static let reason = Phrase(ko: "사유", en: "reason")
    static let count = Phrase(ko: "건수", en: "count")
    static let share = Phrase(ko: "비율", en: "share")

    static func levelName(_ level: MonthlyReport.Level) -> Phrase {
        switch level {
        case .dong: Phrase(ko: "동", en: "dong")
        case .gu: Phrase(ko: "구 합계", en: "gu total")
        case .city: Phrase(ko: "시 전체", en: "city")
        }
    }

    /// "총 123.5시간, 봉사자 45명이 동행 210건", the hours line under the heading.
    static func hoursLine(_ report: MonthlyReport, _ language: Language) -> String {
        let city = report.city?.current ?? AreaStatistics()
        let hours = ReportFigures.hours(city.volunteerMinutes)
        return language == .ko
            ? "총 \(hours)시간 · 완료된 동행 \(city.completed)건 · 동행을 마친 봉사자 \(report.volunteersWithHours)명"
            : "\(hours) hours in all · \(city.completed) completed escorts · \(report.volunteersWithHours) volunteers completed one or more"
    }

    static func header(_ report: MonthlyReport, _ language: Language) -> String {
        let made = "\(CivilDate(report.generatedAt, calendar: report.calendar)) \(ClockTime(report.generatedAt, calendar: report.calendar))"
        return "\(generated.text(language)) \(made) · \(change.text(language)): \(report.previousLabel) · "
            + (report.masked ? maskedNote : unmaskedNote).text(language)
    }

    static func reasonText(_ reason: MonthlyReport.Reason, _ language: Language) -> String {
        reason.text.isEmpty ? noReason.text(language) : reason.text
    }
}

/// Figures as the report writes them, the same in every format.
enum ReportFigures {
    /// 123.5: hours to one decimal.
    static func hours(_ minutes: Int) -> String {
        let tenths = Int((Double(minutes) / 6).rounded())
        return "\(tenths / 10).\(tenths % 10)"
    }

    /// 75%, or - when no request ended.
    static func rate(_ value: Double?) -> String { value.map { "\(Int(($0 * 100).rounded()))%" } ?? "-" }

    /// 45분, 2.5시간: minutes under an hour, else hours to one decimal.
    static func duration(_ minutes: Int?, _ language: Language) -> String {
        guard let minutes else { return "-" }
        if minutes < 60 { return language == .ko ? "\(minutes)분" : "\(minutes) min" }
        return language == .ko ? "\(hours(minutes))시간" : "\(hours(minutes)) h"
    }

    /// +5, -3, ±0: a change in a count.
    static func change(_ now: Int, _ before: Int) -> String {
        let delta = now - before
        return delta > 0 ? "+\(delta)" : delta < 0 ? "\(delta)" : "±0"
    }

    /// +4%p: the change of a rate in percentage points; empty when either month has none.
    static func rateChange(_ now: Double?, _ before: Double?) -> String {
        guard let now, let before else { return "" }
        let points = Int((now * 100).rounded()) - Int((before * 100).rounded())
        return (points > 0 ? "+\(points)" : points < 0 ? "\(points)" : "±0") + "%p"
    }

    /// +1.5: the change of hours.
    static func hoursChange(_ now: Int, _ before: Int) -> String {
        let tenths = Int((Double(now - before) / 6).rounded())
        if tenths == 0 { return "±0" }
        return (tenths > 0 ? "+" : "-") + "\(abs(tenths) / 10).\(abs(tenths) % 10)"
    }
}

/// The columns of the figures table as people read it (Markdown and HTML): each count with its
/// change from the month before.
enum ReportColumns {
    struct Column {
        let title: String
        let numeric: Bool
        let cell: (MonthlyReport.Row) -> String
    }

    static func name(_ row: MonthlyReport.Row, _ language: Language) -> String {
        switch row.level {
        case .dong: row.name
        case .gu: "\(row.name) \(language == .ko ? "합계" : "total")"
        case .city: ReportText.cityTotal.text(language)
        }
    }

    static func figures(_ language: Language) -> [Column] {
        let t = { (phrase: Phrase) in phrase.text(language) }
        let counted = { (title: Phrase, value: @escaping (AreaStatistics) -> Int) in
            Column(title: t(title), numeric: true) { row in
                "\(value(row.current)) (\(ReportFigures.change(value(row.current), value(row.previous))))"
            }
        }
        let plain = { (title: Phrase, value: @escaping (AreaStatistics) -> Int) in
            Column(title: t(title), numeric: true) { "\(value($0.current))" }
        }
        return [
            counted(ReportText.requests, \.requests),
            counted(ReportText.completed, \.completed),
            plain(ReportText.cancelled, \.cancelled),
            plain(ReportText.noShows, \.noShows),
            plain(ReportText.pending, \.pending),
            plain(ReportText.urgent, \.urgentUnassigned),
            Column(title: t(ReportText.rate), numeric: true) { row in
                let change = ReportFigures.rateChange(row.current.fulfilmentRate, row.previous.fulfilmentRate)
                return ReportFigures.rate(row.current.fulfilmentRate) + (change.isEmpty ? "" : " (\(change))")
            },
            Column(title: t(ReportText.median), numeric: true) { ReportFigures.duration($0.current.medianMinutesToAssign, language) },
            Column(title: t(ReportText.volunteerHours), numeric: true) { row in
                "\(ReportFigures.hours(row.current.volunteerMinutes)) (\(ReportFigures.hoursChange(row.current.volunteerMinutes, row.previous.volunteerMinutes)))"
            },
            plain(ReportText.volunteers, \.activeVolunteers),
            counted(ReportText.households, \.householdsServed),
        ]
    }
}
