import Foundation
import HonsimCore
import HonsimStore

/// A volunteer's run sheet of a day, asked from the dashboard: written as HTML into the
/// `[sheet] folder` of config, or the folder the dashboard was started in (where a pane's CSV
/// goes too), never over a file already there.
public struct SheetRequest: Hashable, Sendable {
    public var day: CivilDate
    public var volunteerID: Int64
    public var folder: String
    public var officePhone: String
    public var language: Language

    public init(day: CivilDate, volunteerID: Int64, folder: String, officePhone: String, language: Language) {
        self.day = day
        self.volunteerID = volunteerID
        self.folder = folder
        self.officePhone = officePhone
        self.language = language
    }

    /// honsim-sheet-2026-12-07-v12.html
    public var fileName: String { "honsim-sheet-\(day)-v\(volunteerID).html" }
}

extension AppState {
    /// `P` on the panes: the selected escort's volunteer's sheet of its day, or the selected
    /// volunteer's sheet of tomorrow.
    mutating func sheetForSelection() -> [Effect] {
        switch focus {
        case .requests:
            guard let request = selectedRequest else { notice = text(UIText.notNow); return [] }
            guard let volunteerID = request.volunteerID else { notice = text(SheetText.noVolunteer); return [] }
            return [.files(.sheet(sheetRequest(day: CivilDate(request.appointmentAt, calendar: calendar), volunteerID: volunteerID)))]
        case .volunteers:
            guard let volunteer = selectedVolunteer else { notice = text(UIText.notNow); return [] }
            let tomorrow = CivilDate(now, calendar: calendar).adding(days: 1, calendar: calendar)
            return [.files(.sheet(sheetRequest(day: tomorrow, volunteerID: volunteer.id)))]
        case .statistics:
            notice = text(SheetText.selectFirst)
            return []
        }
    }

    func sheetRequest(day: CivilDate, volunteerID: Int64) -> SheetRequest {
        SheetRequest(day: day, volunteerID: volunteerID, folder: session.sheet.folder.isEmpty ? workingFolder : session.sheet.folder,
                     officePhone: session.sheet.officePhone, language: language)
    }

    /// The sheet was written, or why not: said in the status bar with where it went.
    mutating func sheetEvent(_ event: FileEvent) {
        switch event {
        case .sheetWritten(let path, let escorts):
            noticeRole = .ok
            notice = language == .ko ? "동행 일지를 저장했습니다 (동행 \(escorts)건): \(path)" : "run sheet saved (\(escorts) escorts): \(path)"
        case .sheetFailed(let message):
            noticeRole = .warning
            notice = message
        default:
            break
        }
    }

    /// The returned sheets of the call list's day, typed back in: the completion form on each
    /// escort that can still be completed, in the sheets' order (by volunteer, then pickup);
    /// each saved form opens the next, Esc stops.
    mutating func startTypingIn(_ day: EscortDay) -> [Effect] {
        let open = RunSheets.sheetOrder(day).map(\.request).filter { Lifecycle.actions(from: $0.status).contains(.complete) }
        // Only the escorts this person may complete: a coordinator's own dongs.
        let escorts = open.filter { access.allows(.complete, dongCode: $0.dongCode) }
        guard !escorts.isEmpty else {
            notice = text(open.isEmpty ? SheetText.nothingToTypeIn : access.refusal(dongNames: accessDongNames))
            return []
        }
        completionQueue = escorts
        return advanceCompletionQueue()
    }

    /// After a completion form is saved: the next returned sheet's escort, if any.
    mutating func advanceCompletionQueue() -> [Effect] {
        guard !completionQueue.isEmpty else { return [] }
        let next = completionQueue.removeFirst()
        overlay = .action(ActionForm(action: .complete, request: next, language: language))
        return []
    }
}

/// The run sheets' words on the dashboard.
enum SheetText {
    static let noVolunteer = Phrase(ko: "봉사자가 없는 동행이라 일지가 없습니다", en: "no volunteer holds this escort: no run sheet")
    static let selectFirst = Phrase(ko: "요청이나 봉사자를 고른 뒤 일지를 저장하세요", en: "select an escort or a volunteer for a run sheet")
    static let nothingToTypeIn = Phrase(ko: "이 날에는 완료 기록을 적을 동행이 없습니다", en: "no escort of this day left to complete")
}

/// What the call list asks of the run sheets.
enum SheetAsk {
    /// The sheet of the volunteer of the selected escort, for the list's day.
    case write(day: CivilDate, volunteerID: Int64)
    /// The day's returned sheets, typed back in through the completion form.
    case typeIn(EscortDay)
}

extension AppState {
    mutating func carryOut(_ ask: SheetAsk) -> [Effect] {
        switch ask {
        case .write(let day, let volunteerID): return [.files(.sheet(sheetRequest(day: day, volunteerID: volunteerID)))]
        case .typeIn(let day): return startTypingIn(day)
        }
    }
}
