import Foundation
import HonsimCore
import HonsimStore

/// A call whose side and result are chosen, with the note being typed: Enter saves the call
/// with the note, Esc saves it without. The call happened either way, so neither key loses it.
public struct CallNote: Hashable, Sendable {
    public var requestID: Int64
    public var party: ContactParty
    public var result: ContactResult
    public var input = TextInputState()
}

/// The day's reminders about to go to the sender, as the confirmation tells them.
public struct SendPlan: Hashable, Sendable {
    public var volunteers: Int
    public var households: Int
    /// Already sent for the same escort, side and day: skipped.
    public var alreadySent: Int
    public var withheld: Int

    public var total: Int { volunteers + households }
}

/// The day's reminders from the dashboard: saved as the CSV a bulk-SMS web service takes, or
/// handed to the sender command, by the same code as `honsim messages`.
public enum MessageEffect: Hashable, Sendable {
    /// Saves the day's list in `folder`, never over another file.
    case save(CivilDate, folder: String, settings: ReminderSettings)
    /// Sends what was not sent yet.
    case send(CivilDate, settings: ReminderSettings)
}

public enum MessageEvent: Sendable {
    case saved(CivilDate, path: String, count: Int, withheld: Int)
    case sent(CivilDate, ReminderDispatch.Report)
    /// Nothing to save or send, or it could not be: in words.
    case failed(CivilDate, String)
}

extension CallSheet {
    mutating func typeNote(_ key: Key, _ around: Surroundings) -> Reply {
        guard var typing = note else { return .stay }
        // Esc is also the list's close: asked by binding, not by the table's first action for
        // the key. A printable key is text, whatever it is bound to.
        func bound(_ action: CallsKey) -> Bool {
            if case .character = key { return false }
            return around.keys.calls.keys[action]?.contains(key) ?? false
        }
        guard bound(.saveNote) || bound(.skipNote) else {
            _ = typing.input.handle(key)
            note = typing
            return .stay
        }
        note = nil
        let text = bound(.saveNote) ? typing.input.text.trimmingSpaces() : ""
        return .writing(.attempt(requestID: typing.requestID, party: typing.party, result: typing.result, note: text))
    }

    mutating func saveMessages(_ around: Surroundings) -> Reply {
        guard list != nil else { return .stay }
        return Reply(effects: [.messages(.save(day, folder: around.workingFolder, settings: around.reminders))])
    }

    /// Tells how many would go, to whom, before anything is sent; nothing to send says why.
    mutating func askToSend(_ around: Surroundings) -> Reply {
        guard let list, let dongs = around.data?.dongs else { return .stay }
        var reply = Reply.stay
        // What would go is counted over the whole day.
        guard list.isWhole else {
            reply.notice = around.text(UIText.callsLoading)
            return reply
        }
        guard !around.reminders.sender.isEmpty else {
            reply.notice = around.text(UIText.messagesNoSender)
            return reply
        }
        let reminders = ReminderList(day: list, access: around.access, settings: around.reminders, calendar: around.calendar, dongs: dongs)
        let due = reminders.reminders.filter { !reminders.wasSent($0) }
        let plan = SendPlan(volunteers: due.filter { $0.audience == .volunteer }.count, households: due.filter { $0.audience == .household }.count,
                            alreadySent: reminders.reminders.count - due.count, withheld: reminders.withheld)
        guard plan.total > 0 else {
            reply.notice = around.text(reminders.reminders.isEmpty ? UIText.messagesNone : UIText.messagesAllSent)
            return reply
        }
        sending = plan
        return .stay
    }

    /// `y` sends; any other key leaves everything unsent.
    mutating func confirmSending(_ key: Key, _ around: Surroundings) -> Reply {
        sending = nil
        guard around.keys.calls.matches(key, .confirmed) else {
            var reply = Reply.stay
            reply.notice = around.text(UIText.messagesNotSent)
            return reply
        }
        return Reply(effects: [.messages(.send(day, settings: around.reminders))])
    }
}

extension AppState {
    /// A save or a send came back: said in the status bar, and the list read again to show
    /// each escort's message state.
    mutating func messagesDone(_ event: MessageEvent) -> [Effect] {
        let ko = language == .ko
        switch event {
        case .saved(_, let path, let count, let withheld):
            noticeRole = .ok
            notice = (ko ? "안내 문자 \(count)건을 저장했습니다: \(path)" : "saved \(count) reminder(s) to \(path)")
                + (withheld > 0 ? (ko ? " (볼 수 없는 동의 \(withheld)건 제외)" : " (\(withheld) of other dongs left out)") : "")
        case .sent(_, let report):
            noticeRole = report.failed > 0 ? .warning : .ok
            let firstFailure = report.lines.first { if case .failed = $0.outcome { true } else { false } }
            notice = (ko ? "안내 문자: " : "reminders: ") + report.summary(language)
                + (firstFailure.map { " — " + $0.describe(language) } ?? "")
        case .failed(_, let message):
            noticeRole = .warning
            notice = message
        }
        guard case .calls(let sheet) = overlay else { return [] }
        return [sheet.reload]
    }
}
