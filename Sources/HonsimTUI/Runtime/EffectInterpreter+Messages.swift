import Foundation
import HonsimCore
import HonsimStore

/// The call list's reminders, carried out as `honsim messages` does: the day read again from
/// the store (not the list on screen, which may be a minute old), then saved or sent through
/// `ReminderDispatch`.
extension EffectInterpreter {
    func messages(_ work: MessageEffect) async -> MessageEvent {
        let day: CivilDate, settings: ReminderSettings
        switch work {
        case .save(let date, _, let chosen), .send(let date, let chosen): (day, settings) = (date, chosen)
        }
        let ko = language == .ko
        do {
            let list = ReminderList(day: try await store.escorts(on: day), access: try await store.access(), settings: settings,
                                    calendar: store.calendar, dongs: try await store.dongs())
            guard !list.reminders.isEmpty else {
                return .failed(day, (list.withheld > 0 ? UIText.messagesWithheldAll : UIText.messagesNone).text(language))
            }
            let dispatch = ReminderDispatch(store: store)
            switch work {
            case .save(_, let folder, _):
                let stamp = String(format: "%04d%02d%02d", day.year, day.month, day.day)
                var path = ""
                try await dispatch.save(list) { list in try list.csv() } write: { contents in
                    path = try PaneExportWriter.write(PaneExport(folder: folder, fileName: "honsim-messages-\(stamp).csv",
                                                                 contents: contents, rows: list.reminders.count))
                }
                return .saved(day, path: path, count: list.reminders.count, withheld: list.withheld)
            case .send(_, let settings):
                guard let sender = SenderCommand(settings) else { return .failed(day, UIText.messagesNoSender.text(language)) }
                return .sent(day, try await dispatch.send(list, with: sender, resend: false))
            }
        } catch let error as StoreError {
            return .failed(day, describe(error))
        } catch {
            let reason = (error as NSError).localizedDescription
            return .failed(day, ko ? "안내 문자 목록을 저장하지 못했습니다: \(reason)" : "could not save the reminders: \(reason)")
        }
    }
}
