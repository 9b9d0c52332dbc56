import Foundation
import HonsimCore

/// The call list's lines about notes and reminders: the call waiting for its note, the
/// confirmation before sending, and the selected escort's messages and latest note.
struct CallSheetLines {
    let state: AppState

    func extra(_ sheet: CallSheet) -> [String] {
        let language = state.language, ko = language == .ko
        var lines: [String] = []
        if let note = sheet.note {
            lines.append("#\(note.requestID) \(DomainPhrases.party(note.party).text(language)) — "
                         + "\(DomainPhrases.result(note.result).text(language)) → \(state.text(UIText.callsNote))")
        }
        if let plan = sheet.sending {
            let skipped = plan.alreadySent > 0 ? (ko ? ", 이미 보낸 \(plan.alreadySent)건은 건너뜀" : ", \(plan.alreadySent) already sent skipped") : ""
            lines.append(ko
                ? "안내 문자 \(plan.total)건을 보냅니다: 봉사자 \(plan.volunteers)명, 대상자 \(plan.households)명\(skipped)"
                : "send \(plan.total) reminder(s): \(plan.volunteers) to volunteers, \(plan.households) to households\(skipped)")
            lines.append(ko ? "y 보내기, 다른 키는 취소" : "y sends them; any other key cancels")
        }
        if sheet.note == nil, sheet.sending == nil, let escort = sheet.selected {
            lines.append(selectedLine(escort))
        }
        return lines
    }

    /// `#301 문자: 봉사자 보냄 09:12, 대상자 - · 메모: 딸에게 전달`
    private func selectedLine(_ escort: DayEscort) -> String {
        let language = state.language
        let sides = ReminderAudience.allCases.map { audience -> String in
            let whom = DomainPhrases.party(audience.party).text(language)
            guard let message = escort.lastMessage(to: audience) else { return "\(whom) -" }
            let word = Self.word(message.state).text(language)
            return "\(whom) \(word) \(ClockTime(message.at, calendar: state.calendar))"
        }
        var line = "#\(escort.request.id) \(state.text(UIText.messagesColumn)): " + sides.joined(separator: ", ")
        if let family = family(escort) { line += " · \(DomainPhrases.party(.family).text(language)) \(family)" }
        if let note = escort.attempts.last(where: { !$0.note.isEmpty })?.note {
            line += " · " + (language == .ko ? "메모" : "note") + ": " + TerminalText.sanitize(note)
        }
        return line
    }

    /// The household's family contact, "김영희 (딸) 010-1234-5678", as the screen shows the
    /// household: in full where the role and scope allow, masked otherwise; nil when none.
    func family(_ escort: DayEscort) -> String? {
        let family = escort.household.family
        guard !family.isEmpty else { return nil }
        return RecordPage.familyLine(family, full: state.showsFullDetails(of: escort.household))
    }

    /// One word for an escort's reminders in the list: failed if a side's latest failed, sent
    /// when every side with a message had it sent, saved (in a file) otherwise; nil for none.
    static func messageState(_ escort: DayEscort) -> Phrase? {
        let latest = ReminderAudience.allCases.compactMap { escort.lastMessage(to: $0) }
        guard !latest.isEmpty else { return nil }
        if latest.contains(where: { $0.state == .failed }) { return word(.failed) }
        if ReminderAudience.allCases.allSatisfy({ escort.lastMessage(to: $0) == nil || escort.wasSent(to: $0) }) { return word(.sent) }
        return word(.prepared)
    }

    static func word(_ state: MessageRecord.State) -> Phrase {
        switch state {
        case .prepared: Phrase(ko: "저장", en: "saved")
        case .sent: Phrase(ko: "보냄", en: "sent")
        case .failed: Phrase(ko: "실패", en: "failed")
        }
    }
}
