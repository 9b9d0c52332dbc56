import Foundation
import HonsimCore
import HonsimStore

/// The household and volunteer pages as titled sections of lines: the dashboard draws them,
/// `honsim household|volunteer show` prints them, so both say the same thing the same way.
/// Names and phones of households are masked unless `full`; text from the store is sanitized.
public struct RecordPage: Sendable, Hashable {
    public struct Section: Sendable, Hashable {
        public var title: String
        public var lines: [String]
    }

    public var title: String
    public var sections: [Section]

    public var text: String {
        ([title] + sections.flatMap { section in ["", "[\(section.title)]"] + (section.lines.isEmpty ? ["  -"] : section.lines.map { "  " + $0 }) })
            .joined(separator: "\n") + "\n"
    }

    public static func when(_ date: Date, _ calendar: Calendar) -> String {
        "\(CivilDate(date, calendar: calendar)) \(ClockTime(date, calendar: calendar))"
    }

    public static func hours(_ minutes: Int) -> String { String(format: "%.1f", Double(minutes) / 60) }

    public static func household(_ record: HouseholdRecord, dongs: DongDirectory, full: Bool, now: Date, calendar: Calendar,
                                 language: Language) -> RecordPage {
        let ko = language == .ko
        let h = record.household
        let clean = TerminalText.sanitize
        let dong = dongs.dong(code: h.dongCode)?.name ?? h.dongCode
        let name = full ? clean(h.name) : Masking.name(clean(h.name))
        var details = [
            "\(ko ? "이름" : "name"): \(name) · \(h.birthYear) · \(DomainPhrases.gender(h.gender).text(language)) · \(dong)",
            "\(ko ? "전화" : "phone"): \(h.phone.isEmpty ? "-" : full ? clean(h.phone) : Masking.phone(h.phone))",
            "\(ko ? "주소" : "address"): \(full ? clean(h.address) : Masking.address(clean(h.address)))",
            "\(ko ? "가족" : "family"): " + familyLine(h.family, full: full),
            "\(ko ? "이동" : "mobility"): \(DomainPhrases.mobility(h.mobility).text(language))"
                + (h.needs.isEmpty ? "" : " · " + h.needs.sorted().map { DomainPhrases.need($0).text(language) }.joined(separator: ", ")),
        ]
        if let gender = h.preferredVolunteerGender {
            details.append("\(ko ? "희망 봉사자 성별" : "preferred volunteer"): \(DomainPhrases.gender(gender).text(language))")
        }
        if !h.caseManager.isEmpty { details.append("\(ko ? "담당" : "case manager"): \(clean(h.caseManager))") }
        if full && !h.notes.isEmpty { details.append("\(ko ? "메모" : "notes"): \(clean(h.notes))") }
        if h.closed { details.append(ko ? "종결된 기록입니다(이력은 남아 있음)" : "closed (its history is kept)") }
        if !full { details.append(ko ? "담당 동이 아니어서 가려서 보입니다" : "masked: not one of your dongs") }
        let volunteer = { (id: Int64?) in id.flatMap { record.volunteerNames[$0] }.map(clean) ?? "" }
        let row = { (r: EscortRequest) in
            "#\(r.id) \(when(r.appointmentAt, calendar)) \(clean(r.hospital)) \(clean(r.department)) · "
                + DomainPhrases.status(r.status).text(language) + (r.volunteerID == nil ? "" : " · \(volunteer(r.volunteerID))")
        }
        let notes = record.doctorNotes.map { r in
            let said = r.completion?.doctorNotes ?? ""
            return "\(CivilDate(r.appointmentAt, calendar: calendar)) \(clean(r.hospital))"
                + (said.isEmpty ? "" : ": " + (full ? clean(said) : "…"))
                + (r.completion?.followUp == true ? (ko ? " [추적 필요]" : " [follow-up]") : "")
        }
        return RecordPage(title: "\(ko ? "대상자" : "household") #\(h.id) \(name)", sections: [
            Section(title: ko ? "기본 정보" : "details", lines: details),
        ] + (record.standing.map { [Section(title: ko ? "협의체 기준" : "council rules", lines: councilLines($0, language: language))] } ?? []) + [
            Section(title: ko ? "다음 진료" : "next appointments", lines: record.upcoming(now: now).map(row)),
            Section(title: ko ? "의사 소견·추적" : "doctor's words and follow-ups", lines: notes),
            Section(title: ko ? "함께 간 봉사자" : "volunteers who went before",
                    lines: record.companions.map { "\(clean($0.name)) #\($0.volunteerID) · \($0.escorts)\(ko ? "회" : "×")" }),
            Section(title: ko ? "동행 이력" : "escort history", lines: record.history.map(row)),
            Section(title: ko ? "확인 전화" : "calls", lines: record.calls.prefix(20).map { call(clean, $0, calendar: calendar, language: language) }),
        ])
    }

    /// A household's family contact as a page or the details show it: "김영희 (딸) 010-1234-5678",
    /// masked by the one rule unless `full`.
    public static func familyLine(_ family: FamilyContact, full: Bool) -> String {
        guard !family.isEmpty else { return "-" }
        let shown = full ? family : family.masked
        return TerminalText.sanitize(shown.line)
    }

    /// A household under its council's rules: eligibility (unless masked), uses against the
    /// limits, and no-shows with the flag (⚑) once past the threshold.
    public static func councilLines(_ standing: HouseholdStanding, language: Language) -> [String] {
        let ko = language == .ko
        var lines: [String] = []
        if !standing.isMasked {
            lines.append((ko ? "대상 구분: " : "eligibility: ") + CouncilRulePhrases.eligibility(standing.eligibility).text(language))
        }
        if let finding = standing.finding { lines.append("✕ " + finding.phrase.text(language)) }
        lines.append((ko ? "이용: " : "uses: ") + standing.usage.phrase.text(language) + (standing.usage.isAtALimit ? (ko ? " (한도 도달)" : " (limit reached)") : ""))
        lines.append((standing.flagged ? "⚑ " : "") + standing.conduct.phrase.text(language))
        return lines
    }

    /// One call as the household page and a request's details list it.
    public static func call(_ clean: (String) -> String, _ attempt: ContactAttempt, calendar: Calendar, language: Language) -> String {
        "#\(attempt.requestID) \(when(attempt.at, calendar)) \(DomainPhrases.party(attempt.party).text(language)) "
            + DomainPhrases.result(attempt.result).text(language) + (attempt.note.isEmpty ? "" : " — \(clean(attempt.note))")
            + " (\(clean(attempt.by)))"
    }

    public static func volunteer(_ record: VolunteerRecord, dongs: DongDirectory, fullHousehold: (Household) -> Bool, now: Date,
                                 calendar: Calendar, language: Language) -> RecordPage {
        let ko = language == .ko
        let v = record.volunteer
        let clean = TerminalText.sanitize
        let dong = dongs.dong(code: v.dongCode)?.name ?? v.dongCode
        let skills = v.skills.isEmpty ? "-" : v.skills.sorted().map { DomainPhrases.skill($0).text(language) }.joined(separator: ", ")
        let car = v.hasCar ? (ko ? " · 차량 있음" : " · has a car") : ""
        let windows: [String] = v.availability.map { window in
            DomainPhrases.weekday(window.weekday).text(language) + " \(window.start)–\(window.end)"
        }
        let daysOff: [String] = v.daysOff.map { off in
            let range = off.to == off.from ? off.from.description : "\(off.from)–\(off.to)"
            return off.reason.isEmpty ? range : "\(range) (\(clean(off.reason)))"
        }
        var details: [String] = []
        details.append("\(ko ? "이름" : "name"): \(clean(v.name)) · \(DomainPhrases.gender(v.gender).text(language)) · \(dong)")
        details.append("\(ko ? "전화" : "phone"): \(v.phone.isEmpty ? "-" : clean(v.phone))")
        details.append("\(ko ? "기술" : "skills"): \(skills)\(car)")
        details.append("\(ko ? "주간 한도" : "weekly cap"): \(hours(v.weeklyCapMinutes))\(ko ? "시간" : " h")")
        details.append("\(ko ? "가능 시간" : "weekly hours"): \(windows.isEmpty ? "-" : windows.joined(separator: ", "))")
        details.append("\(ko ? "휴무" : "days off"): \(daysOff.isEmpty ? "-" : daysOff.joined(separator: ", "))")
        details.append(credentialsLine(v, language: language))
        if v.closed { details.append(ko ? "종결된 기록입니다(이력은 남아 있음)" : "closed (its history is kept)") }
        let row = { (r: EscortRequest) -> String in
            let household = record.households[r.householdID]
            let name = household.map { fullHousehold($0) ? clean($0.name) : Masking.name(clean($0.name)) } ?? "?"
            let minutes = r.completion?.actualMinutes ?? r.expectedMinutes
            return "#\(r.id) \(when(r.pickupAt, calendar)) \(name) \(clean(r.hospital)) · "
                + DomainPhrases.status(r.status).text(language) + " · \(hours(minutes))\(ko ? "시간" : " h")"
        }
        return RecordPage(title: "\(ko ? "봉사자" : "volunteer") #\(v.id) \(clean(v.name))", sections: [
            Section(title: ko ? "기본 정보" : "details", lines: details),
            Section(title: ko ? "다음 배정" : "next assignments", lines: record.upcoming(now: now).map(row)),
            Section(title: ko ? "월별 활동 시간" : "hours by month", lines: record.months.reversed().map {
                "\($0.month) · \($0.escorts)\(ko ? "회" : " escorts") · \(hours($0.minutes))\(ko ? "시간" : " h")"
            }),
            Section(title: ko ? "동행 이력" : "escort history", lines: record.history.map(row)),
        ])
    }
}
