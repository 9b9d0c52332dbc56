import Foundation
import HonsimCore

/// A series' history in words, in the screen's language: each change said from its parts (its
/// kind, dates, schedule, volunteer), never from the stored detail translated. Free text a
/// coordinator typed (a pause's or an end's reason) is data and shown as typed.
extension SeriesChange {
    /// `volunteer` names a volunteer by id as the caller shows volunteers (masked on the command line).
    public func words(volunteer: (Int64) -> String) -> Phrase {
        let note = detail.isEmpty ? Phrase(ko: "", en: "") : Phrase(ko: " (\(detail))", en: " (\(detail))")
        switch kind {
        case .create, .change:
            let verb = kind == .create ? Phrase(ko: "등록", en: "made") : Phrase(ko: "변경", en: "changed")
            let from = self.from.map { Phrase(ko: " \($0)부터", en: " from \($0)") } ?? Phrase(ko: "", en: "")
            let until = to.map { Phrase(ko: " \($0)까지", en: " until \($0)") } ?? Phrase(ko: "", en: "")
            guard let schedule else {
                return Phrase(ko: "\(verb.ko)\(from.ko)\(until.ko) · \(detail)", en: "\(verb.en)\(from.en)\(until.en) · \(detail)")
            }
            let said = SeriesChange.words(schedule)
            return Phrase(ko: "\(verb.ko)\(from.ko)\(until.ko) · \(said.ko)", en: "\(verb.en)\(from.en)\(until.en) · \(said.en)")
        case .pause:
            let from = self.from?.description ?? "", to = self.to?.description ?? ""
            return Phrase(ko: "일시 중지 \(from) ~ \(to)\(note.ko)", en: "paused \(from) to \(to)\(note.en)")
        case .resume:
            let from = self.from?.description ?? ""
            return Phrase(ko: "재개 \(from)부터", en: "resumed from \(from)")
        case .end:
            let last = to?.description ?? ""
            return Phrase(ko: "종료 \(last)까지\(note.ko)", en: "ended after \(last)\(note.en)")
        case .assign:
            let who = volunteerID.map(volunteer) ?? detail
            let from = self.from.map { Phrase(ko: " (\($0)부터)", en: " (from \($0))") } ?? Phrase(ko: "", en: "")
            return Phrase(ko: "담당 봉사자 지정: \(who)\(from.ko)", en: "standing volunteer set: \(who)\(from.en)")
        }
    }

    /// A schedule as the history shows it: "월 수 금 10:00 (출발 09:00) · 병원 · 센터 차량 · 3시간".
    static func words(_ schedule: SeriesChangeSchedule) -> Phrase {
        func days(_ language: Language) -> String { schedule.weekdays.map { DomainPhrases.weekday($0).text(language) }.joined(separator: " ") }
        let transport = DomainPhrases.transport(schedule.transport)
        let duration = DomainPhrases.duration(minutes: schedule.expectedMinutes)
        return Phrase(
            ko: "\(days(.ko)) \(schedule.appointment) (출발 \(schedule.pickup)) · \(schedule.place) · \(transport.ko) · \(duration.ko)",
            en: "\(days(.en)) \(schedule.appointment) (pickup \(schedule.pickup)) · \(schedule.place) · \(transport.en) · \(duration.en)")
    }
}
