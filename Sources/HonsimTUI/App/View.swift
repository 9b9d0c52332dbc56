import Foundation
import HonsimCore

/// Draws the whole screen for a state: the title line, the panes (three side by side, or
/// tabs on a small terminal), the status bar, and whatever overlay is open.
public func renderFrame(_ state: AppState, theme: Theme) -> Canvas {
    var canvas = Canvas(width: state.width, height: state.height, style: theme.style(.normal))
    view(state, theme: theme, into: &canvas)
    if state.lines.isASCII { ASCIIGlyphs.apply(to: &canvas, ambiguousWide: state.lines == .ambiguousWide) }
    return canvas
}

public func view(_ state: AppState, theme: Theme, into canvas: inout Canvas) {
    let bounds = canvas.bounds
    canvas.fill(bounds, style: theme.style(.normal))
    if state.idle.hidden {
        drawIdleScreen(state, theme: theme, into: &canvas)
        return
    }
    if state.layout == .tooSmall {
        drawTooSmall(state, theme: theme, into: &canvas)
        return
    }
    let (titleRow, rest) = bounds.splitTop(1)
    drawTitle(state, theme: theme, into: &canvas, rect: titleRow)
    let body = Rect(x: rest.x, y: rest.y, width: rest.width, height: rest.height - 1)
    drawStatusBar(state, theme: theme, into: &canvas, rect: Rect(x: 0, y: bounds.maxY - 1, width: bounds.width, height: 1))

    let panes = PaneViews(state: state, theme: theme)
    switch state.layout {
    case .threePanes:
        let (left, right) = body.splitLeft(body.width * 11 / 20)
        let (top, bottom) = right.splitTop(right.height * 2 / 5)
        panes.drawRequests(into: &canvas, rect: left)
        panes.drawVolunteers(into: &canvas, rect: top)
        panes.drawStatistics(into: &canvas, rect: bottom)
    case .tabs:
        let (tabs, area) = body.splitTop(1)
        drawTabs(state, theme: theme, into: &canvas, rect: tabs)
        switch state.focus {
        case .requests: panes.drawRequests(into: &canvas, rect: area)
        case .volunteers: panes.drawVolunteers(into: &canvas, rect: area)
        case .statistics: panes.drawStatistics(into: &canvas, rect: area)
        }
    case .tooSmall:
        break
    }
    OverlayViews(state: state, theme: theme).draw(into: &canvas)
    ImportViews(state: state, theme: theme).draw(into: &canvas)
}

private func drawTooSmall(_ state: AppState, theme: Theme, into canvas: inout Canvas) {
    let lines = [
        "\(state.text(UIText.tooSmall)): \(state.text(UIText.needsAtLeast))",
        "(\(state.width)x\(state.height))",
    ]
    for (index, line) in lines.enumerated() {
        let width = DisplayWidth.of(line)
        let y = max(0, state.height / 2 - 1 + index)
        canvas.write(line, x: max(0, (state.width - width) / 2), y: y, style: theme.style(index == 0 ? .warning : .muted))
    }
}

private func drawTitle(_ state: AppState, theme: Theme, into canvas: inout Canvas, rect: Rect) {
    canvas.fill(rect, style: theme.style(.title))
    let day = CivilDate(state.now, calendar: state.calendar)
    let weekday = Weekday(state.now, calendar: state.calendar)
    let weekdayName = DomainPhrases.weekday(weekday).text(state.language)
    let scope: String
    if state.scope.isEmpty {
        scope = state.text(UIText.scopeAll)
    } else {
        let names = (state.data?.dongs.dongs ?? []).filter { state.scope.contains($0.code) }.map(\.name)
        scope = names.count <= 3 ? names.joined(separator: ", ") : "\(names.prefix(2).joined(separator: ", ")) +\(names.count - 2)"
    }
    let left = " \(state.text(UIText.appTitle))   \(day) (\(weekdayName)) \(ClockTime(state.now, calendar: state.calendar))"
    let right = "\(state.text(UIText.scope)): \(scope) "
    canvas.write(left, x: rect.x, y: rect.y, width: rect.width, style: theme.style(.title))
    let rightWidth = DisplayWidth.of(right)
    if DisplayWidth.of(left) + rightWidth + 2 <= rect.width {
        canvas.write(right, x: rect.maxX - rightWidth, y: rect.y, style: theme.style(.title))
    }
}

private func drawTabs(_ state: AppState, theme: Theme, into canvas: inout Canvas, rect: Rect) {
    var x = rect.x + 1
    for pane in Pane.allCases {
        let label = " \(pane.rawValue + 1) \(state.text(state.paneTitle(pane))) "
        let style = theme.style(pane == state.focus ? .selection : .muted)
        x += canvas.write(label, x: x, y: rect.y, style: style, clip: rect) + 1
    }
}

private func drawStatusBar(_ state: AppState, theme: Theme, into canvas: inout Canvas, rect: Rect) {
    if let notice = state.notice {
        StatusBar.draw(into: &canvas, rect: rect, left: notice, hints: [], right: "", theme: theme)
        canvas.restyle(rect, style: theme.style(state.noticeRole))
        return
    }
    let storeState = state.storeProblem.map { "\(state.text(UIText.storeError)): \($0)" }
        ?? (state.session.storeExposed ? state.text(UIText.storeExposed) : state.text(UIText.connected))
    // The state first: when the bar is short, the path is what gets cut. Below 120 columns
    // the path and the clock (the title shows it) give their room to the keys.
    let narrow = state.width < 120
    // A store others can read: the warning in place of the path (the notice at start named
    // the files), so the keys keep their room.
    let left = narrow || state.session.storeExposed ? storeState : "\(storeState) · \(abbreviatedPath(state.storeLabel))"
    let urgent = state.urgentCount
    let who = "\(state.user) · \(state.access.label(dongNames: state.accessDongNames, language: state.language))"
    let vehicles = state.vehiclesToBookCount
    let right = "\(urgent > 0 ? "\(state.text(UIText.urgent)) \(urgent)  " : "")"
        + "\(vehicles > 0 ? "\(state.text(UIText.vehiclesUnconfirmed)) \(vehicles)  " : "")\(who)" + (narrow ? "" : "  \(ClockTime(state.now, calendar: state.calendar))")
    let hints = statusHints(state).map { (key: state.keymap.label($0).split(separator: " ").first.map(String.init) ?? "", label: state.text(state.hintPhrase($0))) }
    StatusBar.draw(into: &canvas, rect: rect, left: left, hints: hints, right: right, theme: theme)
    if state.storeProblem != nil || state.session.storeExposed {
        canvas.restyle(Rect(x: rect.x, y: rect.y, width: min(rect.width, DisplayWidth.of(storeState) + 1), height: 1),
                       style: theme.style(state.storeProblem != nil ? .error : .warning))
    }
}

/// A path with the home folder written as ~, as a shell would show it.
func abbreviatedPath(_ path: String) -> String {
    guard let home = homeFolder, path.hasPrefix(home + "/") else { return path }
    return "~" + path.dropFirst(home.count)
}

/// Read once: asking the process for its environment builds the whole dictionary each time.
private let homeFolder: String? = {
    let home = ProcessInfo.processInfo.environment["HOME"] ?? ""
    return home.isEmpty || home == "/" ? nil : home
}()

/// The keys that matter in the focused pane, as the status bar lists them.
func statusHints(_ state: AppState) -> [Action] {
    var actions: [Action] = [.help, .filter, .sort]
    switch state.focus {
    case .requests:
        // The moves the selected request allows, first: they are what a coordinator is there for.
        let moves = AppState.lifecycleKeys.map(\.0).filter(state.canUse)
        actions = [.help] + moves + [.newRequest, .filter, .open, .undo].filter(state.canUse)
    case .volunteers: actions += [.freeOnly, .scope]
    case .statistics:
        // The switch first, where 80 columns still show it; by category, the dongs counted are the scope's.
        actions = state.statisticsView == .byDong ? [.help, .statisticsView, .filter, .sort, .previousPeriod, .nextPeriod]
            : [.help, .statisticsView, .previousPeriod, .nextPeriod, .scope]
    }
    return actions + [.nextPane, .quit]
}
