import Foundation
import HonsimCore
import HonsimStore

/// The volunteers' side in words, for the commands and the dashboard alike: credentials, what
/// expires, a month's expenses and what the portal's checks leave out.
public enum CredentialText {
    /// "보험 12-20까지 (14일)", "보험 만료 (3일 지남)", "교육 기록 없음".
    public static func state(_ item: CredentialExpiry, language: Language) -> String {
        let ko = language == .ko
        let what = item.credential.phrase.text(language)
        guard let until = item.validUntil, let left = item.daysLeft else { return ko ? "\(what) 기록 없음" : "\(what): none on record" }
        if left < 0 { return ko ? "\(what) 만료 \(until) (\(-left)일 지남)" : "\(what) lapsed \(until) (\(-left) days ago)" }
        if left == 0 { return ko ? "\(what) 오늘 만료 \(until)" : "\(what) lapses today \(until)" }
        return ko ? "\(what) \(until)까지 (\(left)일 남음)" : "\(what) until \(until) (\(left) days left)"
    }

    /// The list `honsim volunteer expiring` prints and the dashboard's credentials list shows.
    public static func lines(_ found: [CredentialExpiry], volunteers: [Int64: Volunteer], dongs: DongDirectory,
                             language: Language) -> [String] {
        found.map { item in
            let volunteer = volunteers[item.volunteerID]
            let name = TerminalText.sanitize(volunteer?.name ?? "#\(item.volunteerID)")
            let dong = volunteer.flatMap { dongs.dong(code: $0.dongCode)?.name } ?? ""
            return "\(item.hasLapsed ? "!" : " ") \(name) (#\(item.volunteerID), \(dong)) — \(state(item, language: language))"
        }
    }

    public static func list(_ found: [CredentialExpiry], volunteers: [Int64: Volunteer], dongs: DongDirectory, days: Int,
                            language: Language) -> String {
        let ko = language == .ko
        guard !found.isEmpty else { return ko ? "\(days)일 안에 만료되는 자격이 없습니다.\n" : "nothing lapses within \(days) days.\n" }
        let head = ko ? "\(days)일 안에 만료되거나 만료된 자격 \(found.count)건:\n" : "\(found.count) credential(s) lapsing within \(days) days or lapsed:\n"
        return head + lines(found, volunteers: volunteers, dongs: dongs, language: language).joined(separator: "\n") + "\n"
    }

    /// One volunteer's credentials, as `honsim volunteer credentials` shows them.
    public static func card(_ volunteer: Volunteer, rules: CredentialRules, today: CivilDate, calendar: Calendar, language: Language) -> String {
        let ko = language == .ko
        var out = "\(TerminalText.sanitize(volunteer.name)) (#\(volunteer.id))\n"
        for credential in Credential.allCases {
            let until = rules.validUntil(credential, of: volunteer, calendar: calendar)
            let left = until.map { calendar.dateComponents([.day], from: today.start(in: calendar), to: $0.start(in: calendar)).day ?? 0 }
            out += "  " + state(CredentialExpiry(volunteerID: volunteer.id, credential: credential, validUntil: until, daysLeft: left),
                                language: language) + "\n"
        }
        let consent = volunteer.portalConsentOn.map { ko ? "포털 실적 제공 동의 \($0)" : "portal consent \($0)" }
            ?? (ko ? "포털 실적 제공 동의 없음" : "no portal consent")
        return out + "  " + consent + "\n"
    }
}

public enum ExpenseText {
    /// The month's report: by volunteer, by dong, the total, and the escorts past the ceiling.
    public static func report(_ report: ExpenseReport, dongs: DongDirectory, language: Language) -> String {
        let ko = language == .ko
        var out = ko ? "\(report.month) 실비 — \(report.lines.count)건, 한도 \(ExpenseRules.won(report.ceiling))/건\n"
            : "\(report.month) expenses — \(report.lines.count) escort(s), ceiling \(ExpenseRules.grouped(report.ceiling)) won each\n"
        guard !report.lines.isEmpty else { return out + (ko ? "기록된 실비가 없습니다.\n" : "no expenses recorded.\n") }
        func row(_ total: ExpenseReport.Total) -> String {
            let e = total.expenses
            let over = total.overCeiling > 0 ? (ko ? " · 한도 초과 \(total.overCeiling)건" : " · \(total.overCeiling) over the ceiling") : ""
            return ko ? "  \(TerminalText.sanitize(total.label)): \(total.escorts)건 \(ExpenseRules.won(e.total)) (교통 \(ExpenseRules.grouped(e.fares)), "
                + "주차 \(ExpenseRules.grouped(e.parking)), 식비 \(ExpenseRules.grouped(e.meals)))\(over)\n"
                : "  \(TerminalText.sanitize(total.label)): \(total.escorts) \(ExpenseRules.grouped(e.total)) won (fares \(ExpenseRules.grouped(e.fares)), "
                + "parking \(ExpenseRules.grouped(e.parking)), meals \(ExpenseRules.grouped(e.meals)))\(over)\n"
        }
        out += ko ? "봉사자별\n" : "by volunteer\n"
        out += report.byVolunteer.map(row).joined()
        out += ko ? "동별\n" : "by dong\n"
        out += report.byDong(order: dongs.dongs.map(\.code), names: Dictionary(uniqueKeysWithValues: dongs.dongs.map { ($0.code, $0.name) }))
            .map(row).joined()
        out += ko ? "합계 \(ExpenseRules.won(report.total.total))\n" : "total \(ExpenseRules.grouped(report.total.total)) won\n"
        let over = report.lines.filter { $0.overCeiling != nil }
        if !over.isEmpty {
            out += ko ? "한도를 넘은 지급 \(over.count)건: 자원봉사 시간으로 인정되지 않을 수 있습니다\n"
                : "\(over.count) payment(s) past the ceiling: then the hours may not count as volunteering\n"
            for line in over {
                out += "  #\(line.requestID) \(line.day) \(TerminalText.sanitize(line.volunteerName)) \(ExpenseRules.won(line.expenses.total)) "
                    + (ko ? "(\(ExpenseRules.won(line.overCeiling ?? 0)) 초과)\n" : "(\(ExpenseRules.grouped(line.overCeiling ?? 0)) won over)\n")
            }
        }
        return out
    }
}

public enum PortalText {
    /// What the portal's checks leave out of the export, in words; empty when nothing is.
    public static func leftOut(_ export: PortalHours.Export, names: [Int64: String], language: Language) -> String {
        let ko = language == .ko
        func who(_ id: Int64) -> String { "\(TerminalText.sanitize(names[id] ?? "#\(id)")) (#\(id))" }
        var out = ""
        if !export.overLimit.isEmpty {
            out += ko ? "하루 8시간을 넘은 날 \(export.overLimit.count)건 (8시간만 내보냄):\n"
                : "\(export.overLimit.count) day(s) over 8 hours (8 hours exported):\n"
            for day in export.overLimit {
                out += "  \(who(day.volunteerID)) \(day.day) \(RecordPage.hours(day.minutes))\(ko ? "시간, 초과" : " h, over by") "
                    + "\(RecordPage.hours(day.excessMinutes))\(ko ? "시간" : " h")\n"
            }
        }
        if !export.tooOld.isEmpty {
            out += ko ? "3개월이 지난 활동 \(export.tooOld.count)건 (따로 등록):\n" : "\(export.tooOld.count) activity(ies) older than 3 months (listed apart):\n"
            for activity in export.tooOld {
                out += "  \(who(activity.volunteerID)) \(activity.day) #\(activity.requestID) \(activity.minutes)\(ko ? "분" : " min")\n"
            }
        }
        if !export.missingConsent.isEmpty {
            out += ko ? "실적 제공 동의가 없는 봉사자 \(export.missingConsent.count)명 (내보내지 않음):\n"
                : "\(export.missingConsent.count) volunteer(s) without consent to share (not exported):\n"
            for missing in export.missingConsent {
                out += "  \(who(missing.volunteerID)) \(missing.escorts)\(ko ? "건" : " escort(s)") \(RecordPage.hours(missing.minutes))\(ko ? "시간" : " h")\n"
            }
        }
        return out
    }
}
