import Foundation
import HonsimCore

/// A dashboard left open on an office terminal shows full names to whoever passes: after
/// `Session.idleAfter` without a key it hides everything behind a calm notice, and the next key
/// only brings it back (the key does nothing else, so a stray one changes nothing). The clock's
/// tick notices the time; the kiosk, which always masks, has no such screen.
public struct IdleWatch: Sendable, Hashable {
    /// The first tick after the last key: idle time counts from there. Counted between ticks
    /// only, so a state made with another clock (a test's, a replay's) never looks idle for days.
    public var since: Date?
    /// The screen is hidden until a key.
    public var hidden = false

    public init() {}

    /// A tick at `now`: hides the screen once `limit` has passed without a key.
    mutating func tick(_ now: Date, limit: TimeInterval?) {
        guard let since, now >= since else {
            since = now
            return
        }
        if let limit, now.timeIntervalSince(since) >= limit { hidden = true }
    }

    /// A key: true when it only brings the screen back, and so does nothing else.
    mutating func key() -> Bool {
        since = nil
        defer { hidden = false }
        return hidden
    }
}

public enum IdleText {
    public static let title = Phrase(ko: "화면을 가렸습니다", en: "The screen is hidden")
    public static func reason(minutes: Int) -> Phrase {
        Phrase(ko: "\(minutes)분 동안 입력이 없어 이름과 연락처를 가렸습니다.",
               en: "Nothing was typed for \(minutes) min, so names and contacts are hidden.")
    }
    public static let back = Phrase(ko: "아무 키나 누르면 돌아옵니다. 하던 일은 그대로 있습니다.",
                                    en: "Press any key to come back; your work is as you left it.")
    public static let all: [Phrase] = [title, reason(minutes: 5), back]
}

/// The hidden screen: the title and the clock, and the notice in the middle; nothing of a person.
func drawIdleScreen(_ state: AppState, theme: Theme, into canvas: inout Canvas) {
    let bounds = canvas.bounds
    canvas.fill(bounds, style: theme.style(.normal))
    let day = CivilDate(state.now, calendar: state.calendar)
    let title = " \(state.text(UIText.appTitle))   \(day) \(ClockTime(state.now, calendar: state.calendar))"
    canvas.fill(bounds.splitTop(1).0, style: theme.style(.title))
    canvas.write(title, x: 0, y: 0, width: bounds.width, style: theme.style(.title))
    let minutes = Int(((state.idleAfter ?? 0) / 60).rounded())
    let lines: [(String, StyleRole)] = [
        (state.text(IdleText.title), .accent), ("", .normal),
        (state.text(IdleText.reason(minutes: minutes)), .normal), (state.text(IdleText.back), .muted),
    ]
    let top = max(1, bounds.height / 2 - lines.count / 2)
    for (index, (line, role)) in lines.enumerated() where !line.isEmpty {
        let x = max(0, (bounds.width - DisplayWidth.of(line)) / 2)
        canvas.write(line, x: x, y: top + index, width: bounds.width - x, style: theme.style(role))
    }
}
