import Foundation
import HonsimCore

/// What leaves honsim with the reminders of a day, and its record: the list saved for a bulk-SMS
/// web service, or each message handed to the sender command. The same code for `honsim
/// messages` and the dashboard's call list.
///
/// Full phones and names leave the store either way, so the access log records it first: what
/// cannot be logged does not leave. Each message is then recorded per escort and side as it
/// stands: prepared (in a file), sent (the sender exited 0), or failed, with the exit status.
public struct ReminderDispatch: Sendable {
    public let store: any CaseStore

    public init(store: any CaseStore) {
        self.store = store
    }

    /// Writes the list as `contents` renders it through `write` (a private file: 0600, whole or
    /// not at all), and records each message as prepared. Returns how many messages it holds.
    @discardableResult
    public func save(_ list: ReminderList, contents: (ReminderList) throws -> String,
                     write: (String) throws -> Void) async throws -> Int {
        try await logExport(list, kind: "messages \(list.day.day)")
        try write(try contents(list))
        try await recordPrepared(list)
        return list.reminders.count
    }

    /// Logs the export and records each message as prepared: for a list given to someone
    /// else to send (standard output).
    public func logExport(_ list: ReminderList, kind: String) async throws {
        guard !list.reminders.isEmpty else { return }
        try await store.recordExport(kind: kind, rows: list.reminders.count, householdIDs: list.revealedHouseholds, from: .export)
    }

    /// In one transaction: a city's day is thousands of messages.
    public func recordPrepared(_ list: ReminderList) async throws {
        try await store.recordMessages(list.reminders.map { $0.record(.prepared) }, resend: false)
    }

    /// What came of sending a day's reminders: one line per message.
    public struct Report: Sendable, Hashable {
        public struct Line: Sendable, Hashable {
            public var reminder: Reminder
            public var outcome: Outcome

            public func describe(_ language: Language) -> String {
                let whom = "#\(reminder.requestID) \(DomainPhrases.party(reminder.audience.party).text(language)) \(reminder.phone)"
                switch outcome {
                case .sent: return "\(whom): " + (language == .ko ? "보냄" : "sent")
                case .skipped: return "\(whom): " + (language == .ko ? "이미 보냄, 건너뜀 (--resend 로 다시 보내기)" : "already sent, skipped (--resend sends it again)")
                case .failed(let outcome): return "\(whom): " + outcome.describe(language)
                case .unrecorded(let reason):
                    return "\(whom): " + (language == .ko ? "보냈지만 기록하지 못했습니다: \(reason)" : "sent, but not recorded: \(reason)")
                }
            }
        }

        public enum Outcome: Sendable, Hashable {
            case sent
            /// Already sent for this escort, side and day; not sent again.
            case skipped
            case failed(SenderCommand.Outcome)
            /// Sent, but its record could not be written: said, never hidden.
            case unrecorded(String)
        }

        public var lines: [Line] = []

        public var sent: Int { lines.filter { if case .sent = $0.outcome { true } else if case .unrecorded = $0.outcome { true } else { false } }.count }
        public var skipped: Int { lines.filter { $0.outcome == .skipped }.count }
        public var failed: Int { lines.filter { if case .failed = $0.outcome { true } else { false } }.count }

        public func summary(_ language: Language) -> String {
            language == .ko ? "보냄 \(sent), 실패 \(failed), 이미 보내서 건너뜀 \(skipped)"
                : "\(sent) sent, \(failed) failed, \(skipped) skipped as already sent"
        }
    }

    /// Hands each reminder to `sender`, one at a time, and records what came of it. One already
    /// sent for the same escort, side and day is skipped unless `resend`. A message counts as
    /// sent only when the program exited 0.
    public func send(_ list: ReminderList, with sender: SenderCommand, resend: Bool,
                     progress: @Sendable (Report.Line) -> Void = { _ in }) async throws -> Report {
        let due = list.reminders.filter { resend || !list.wasSent($0) }
        var dueList = list
        dueList.keepOnly(due)
        try await logExport(dueList, kind: "messages sent \(list.day.day)")
        var report = Report()
        for reminder in list.reminders {
            let line: Report.Line
            if !due.contains(reminder) {
                line = Report.Line(reminder: reminder, outcome: .skipped)
            } else {
                let outcome = await sender.send(text: reminder.text, to: reminder.phone)
                line = Report.Line(reminder: reminder, outcome: await record(reminder, outcome, resend: resend))
            }
            report.lines.append(line)
            progress(line)
        }
        return report
    }

    private func record(_ reminder: Reminder, _ outcome: SenderCommand.Outcome, resend: Bool) async -> Report.Outcome {
        guard outcome == .sent else {
            // The failure is reported on its line whether or not its record could be written.
            _ = try? await store.recordMessage(reminder.record(.failed, exitStatus: outcome.exitStatus, detail: outcome.describe(.en)),
                                               resend: false)
            return .failed(outcome)
        }
        let sent = reminder.record(.sent, exitStatus: 0)
        do {
            try await store.recordMessage(sent, resend: resend)
        } catch StoreError.alreadySent {
            // Another session sent it meanwhile: this one went out too, and the record says so.
            _ = try? await store.recordMessage(sent, resend: true)
        } catch {
            return .unrecorded("\(error)")
        }
        return .sent
    }
}

extension ReminderList {
    /// The list with only these reminders.
    mutating func keepOnly(_ kept: [Reminder]) {
        reminders = kept
    }
}
