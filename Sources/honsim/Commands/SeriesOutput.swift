import Foundation
import HonsimCore
import HonsimStore

/// How `honsim series` prints: text in the chosen language, or JSON. Households' names are
/// masked: a listing of series is for planning, not for seeing who.
enum SeriesOutput {
    /// The command-line option that sets a series' field, to name it in a refusal.
    static func option(for field: String) -> String {
        switch field {
        case "days": "--days"
        case "time": "--time"
        case "pickup": "--pickup"
        case "hospital": "--hospital"
        case "hours": "--hours"
        case "from": "--from"
        case "to": "--to"
        case "until": "--until"
        case "household": "--household"
        default: field
        }
    }

    static func words(_ schedule: SeriesSchedule, language: Language) -> String {
        let days = schedule.weekdays.map { DomainPhrases.weekday($0).text(language) }.joined(separator: " ")
        let hours = String(format: "%g", Double(schedule.expectedMinutes) / 60)
        return language == .ko
            ? "\(days) \(schedule.appointment) (출발 \(schedule.pickup)) \(schedule.hospital) \(schedule.department) · \(DomainPhrases.transport(schedule.transport).text(language)) · \(hours)시간"
            : "\(days) \(schedule.appointment) (pickup \(schedule.pickup)) \(schedule.hospital) \(schedule.department) · \(DomainPhrases.transport(schedule.transport).text(language)) · \(hours) h"
    }

    static func span(_ series: StandingSeries, language: Language) -> String {
        let end = series.endsOn.map(\.description) ?? (language == .ko ? "종료일 없음" : "open-ended")
        return "\(series.startsOn) ~ \(end)"
    }

    static func list(_ list: [StandingSeries], language: Language) -> String {
        guard !list.isEmpty else { return language == .ko ? "정기 일정이 없습니다\n" : "no standing series\n" }
        return list.map { series in
            let volunteer = series.volunteerID.map { language == .ko ? " · 담당 봉사자 #\($0)" : " · volunteer #\($0)" } ?? ""
            let paused = series.pauses.isEmpty ? "" : (language == .ko ? " · 중지 \(series.pauses.count)회" : " · \(series.pauses.count) pause(s)")
            let who = language == .ko ? "대상자 #\(series.householdID)" : "household #\(series.householdID)"
            return "#\(series.id) \(who) \(DomainPhrases.purpose(series.schedule.purpose).text(language)) \(words(series.schedule, language: language)) · \(span(series, language: language))\(volunteer)\(paused)"
        }.joined(separator: "\n") + "\n"
    }

    static func page(_ page: SeriesPage, language: Language, calendar: Calendar) -> String {
        let series = page.series
        let ko = language == .ko
        var lines = [
            (ko ? "정기 일정 #\(series.id)" : "standing series #\(series.id)")
                + " — \(Masking.name(page.household.name)) (#\(page.household.id))",
            "  " + words(series.schedule, language: language),
            "  " + span(series, language: language),
            "  " + (ko ? "담당 봉사자: " : "standing volunteer: ")
                + (series.volunteerID.map { "\(page.volunteerNames[$0].map(Masking.name) ?? "") #\($0)" } ?? (ko ? "없음" : "none")),
        ]
        for pause in series.pauses {
            lines.append("  " + (ko ? "중지 " : "paused ") + "\(pause.from) ~ \(pause.to)" + (pause.reason.isEmpty ? "" : " (\(pause.reason))"))
        }
        lines += limits(page.limits, dates: page.dates, language: language, calendar: calendar)
        lines.append(ko ? "앞으로의 날짜 (\(page.dates.count)건)" : "dates ahead (\(page.dates.count))")
        for request in page.dates {
            lines.append("  " + dateLine(request, names: page.volunteerNames, language: language, calendar: calendar))
        }
        lines.append(ko ? "변경 이력" : "changes")
        for change in page.changes {
            let words = change.words { "\(page.volunteerNames[$0].map(Masking.name) ?? "") #\($0)" }
            lines.append("  \(stamp(change.at, calendar: calendar)) \(change.user) \(words.text(language))")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func dateLine(_ request: EscortRequest, names: [Int64: String], language: Language, calendar: Calendar) -> String {
        let volunteer = request.volunteerID.map { " — \(names[$0].map(Masking.name) ?? "") #\($0)" } ?? ""
        return "\(stamp(request.pickupAt, calendar: calendar)) #\(request.id) \(DomainPhrases.status(request.status).text(language))\(volunteer)"
    }

    static func outcome(_ outcome: SeriesOutcome, format: SeriesFormat, language: Language, calendar: Calendar) -> String {
        if format == .json { return json(Outcome(outcome, calendar: calendar)) }
        let ko = language == .ko
        var lines = [(ko ? "정기 일정 #\(outcome.series.id): " : "standing series #\(outcome.series.id): ") + words(outcome.series.schedule, language: language)
            + " · " + span(outcome.series, language: language)]
        func section(_ title: String, _ requests: [EscortRequest]) {
            guard !requests.isEmpty else { return }
            lines.append("\(title) (\(requests.count))")
            lines += requests.map { "  \(stamp($0.pickupAt, calendar: calendar)) #\($0.id)" }
        }
        func notes(_ title: String, _ notes: [SeriesDateNote]) {
            guard !notes.isEmpty else { return }
            lines.append("\(title) (\(notes.count))")
            lines += notes.map { "  \(stamp($0.request.pickupAt, calendar: calendar)) #\($0.request.id): \($0.reason.text(language))" }
        }
        section(ko ? "만든 날짜" : "dates made", outcome.made)
        section(ko ? "배정한 날짜" : "dates assigned", outcome.assigned)
        section(ko ? "봉사자가 그대로인 날짜" : "dates that keep their volunteer", outcome.kept)
        notes(ko ? "봉사자를 뺀 날짜" : "dates released", outcome.released)
        notes(ko ? "취소한 날짜" : "dates cancelled", outcome.cancelled)
        notes(ko ? "이 봉사자가 맡을 수 없는 날짜 (하나씩 배정하세요)" : "dates this volunteer cannot take (assign one by one)", outcome.cannotTake)
        lines += limits(outcome.limits, dates: outcome.made, language: language, calendar: calendar)
        return lines.joined(separator: "\n") + "\n"
    }

    /// The household's limits a series' dates pass: made all the same, and flagged with the
    /// counts and the dates past each.
    static func limits(_ findings: [RuleFinding], dates: [EscortRequest], language: Language, calendar: Calendar) -> [String] {
        findings.flatMap { finding -> [String] in
            let past = SeriesLimitDates.dates(finding, of: dates).map { CivilDate($0.appointmentAt, calendar: calendar).description }
            return [(language == .ko ? "! 이용 한도 초과 (일정은 그대로 진행): " : "! past the household's limit (the series goes on): ")
                + SeriesLimitDates.phrase(finding).text(language)]
                + (past.isEmpty ? [] : ["  " + (language == .ko ? "한도를 넘는 날짜: " : "dates past it: ") + past.joined(separator: ", ")])
        }
    }

    struct LimitEntry: Encodable {
        let rule: String, words: String, excess: Int, dates: [String]

        init(_ finding: RuleFinding, dates: [EscortRequest], calendar: Calendar) {
            rule = finding.rule
            words = SeriesLimitDates.phrase(finding).en
            excess = finding.excess
            self.dates = SeriesLimitDates.dates(finding, of: dates).map { CivilDate($0.appointmentAt, calendar: calendar).description }
        }
    }

    static func stamp(_ date: Date, calendar: Calendar) -> String {
        "\(CivilDate(date, calendar: calendar)) \(ClockTime(date, calendar: calendar))"
    }

    // MARK: JSON

    static func json(_ value: some Encodable) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(value) else { return "{}\n" }
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    struct Record: Encodable {
        let id: Int64, householdID: Int64, dongCode: String, weekdays: [String], appointment: String, pickup: String
        let hospital: String, department: String, transport: String, purpose: String, expectedMinutes: Int
        let startsOn: String, endsOn: String?, volunteerID: Int64?, madeUntil: String?, version: Int
        let pauses: [[String: String]]

        init(_ series: StandingSeries) {
            id = series.id
            householdID = series.householdID
            dongCode = series.dongCode
            weekdays = series.schedule.weekdays.map(\.token)
            appointment = series.schedule.appointment.description
            pickup = series.schedule.pickup.description
            hospital = series.schedule.hospital
            department = series.schedule.department
            transport = series.schedule.transport.rawValue
            purpose = series.schedule.purpose.rawValue
            expectedMinutes = series.schedule.expectedMinutes
            startsOn = series.startsOn.description
            endsOn = series.endsOn?.description
            volunteerID = series.volunteerID
            madeUntil = series.madeUntil?.description
            version = series.version
            pauses = series.pauses.map { ["from": $0.from.description, "to": $0.to.description, "reason": $0.reason] }
        }

        enum CodingKeys: String, CodingKey {
            case id, weekdays, appointment, pickup, hospital, department, transport, purpose, pauses, version
            case householdID = "household_id", dongCode = "dong_code", expectedMinutes = "expected_minutes", startsOn = "starts_on"
            case endsOn = "ends_on", volunteerID = "volunteer_id", madeUntil = "made_until"
        }
    }

    struct DateEntry: Encodable {
        let requestID: Int64, pickupAt: String, status: String, volunteerID: Int64?, reason: String?

        init(_ request: EscortRequest, reason: Phrase? = nil, calendar: Calendar) {
            requestID = request.id
            pickupAt = SeriesOutput.stamp(request.pickupAt, calendar: calendar)
            status = request.status.rawValue
            volunteerID = request.volunteerID
            self.reason = reason?.en
        }

        enum CodingKeys: String, CodingKey {
            case status, reason
            case requestID = "request_id", pickupAt = "pickup_at", volunteerID = "volunteer_id"
        }
    }

    struct Page: Encodable {
        let series: Record, dates: [DateEntry], changes: [[String: String]], limits: [LimitEntry]

        init(_ page: SeriesPage, calendar: Calendar) {
            series = Record(page.series)
            dates = page.dates.map { DateEntry($0, calendar: calendar) }
            changes = page.changes.map { change in
                // A volunteer set is named by number, as the command line names volunteers.
                ["kind": change.kind.rawValue, "from": change.from?.description ?? "", "to": change.to?.description ?? "",
                 "detail": change.volunteerID.map { "#\($0)" } ?? change.detail, "at": SeriesOutput.stamp(change.at, calendar: calendar),
                 "user": change.user]
            }
            limits = page.limits.map { LimitEntry($0, dates: page.dates, calendar: calendar) }
        }
    }

    struct Outcome: Encodable {
        let series: Record, made: [DateEntry], assigned: [DateEntry], kept: [DateEntry], released: [DateEntry], cancelled: [DateEntry]
        let cannotTake: [DateEntry], limits: [LimitEntry]

        init(_ outcome: SeriesOutcome, calendar: Calendar) {
            limits = outcome.limits.map { LimitEntry($0, dates: outcome.made, calendar: calendar) }
            series = Record(outcome.series)
            made = outcome.made.map { DateEntry($0, calendar: calendar) }
            assigned = outcome.assigned.map { DateEntry($0, calendar: calendar) }
            kept = outcome.kept.map { DateEntry($0, calendar: calendar) }
            released = outcome.released.map { DateEntry($0.request, reason: $0.reason, calendar: calendar) }
            cancelled = outcome.cancelled.map { DateEntry($0.request, reason: $0.reason, calendar: calendar) }
            cannotTake = outcome.cannotTake.map { DateEntry($0.request, reason: $0.reason, calendar: calendar) }
        }

        enum CodingKeys: String, CodingKey {
            case series, made, assigned, kept, released, cancelled, limits
            case cannotTake = "cannot_take"
        }
    }
}
