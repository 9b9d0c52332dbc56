import Foundation
import HonsimCore

/// Draws the kiosk: a header with the clock, the current view of the rotation, and a footer
/// that says when the figures were read and whether the store can be reached.
public func renderKiosk(_ state: KioskState, theme: Theme) -> Canvas {
    var canvas = drawKiosk(state, theme: theme)
    if state.lines.isASCII { ASCIIGlyphs.apply(to: &canvas, ambiguousWide: state.lines == .ambiguousWide) }
    return canvas
}

private func drawKiosk(_ state: KioskState, theme: Theme) -> Canvas {
    var canvas = Canvas(width: state.width, height: state.height, style: theme.style(.normal))
    let layout = state.layout
    if layout.tooSmall {
        drawKioskTooSmall(state, theme: theme, into: &canvas)
        return canvas
    }
    drawKioskHeader(state, layout: layout, theme: theme, into: &canvas)
    drawKioskTitleLine(state, layout: layout, theme: theme, into: &canvas)
    let views = KioskViews(state: state, layout: layout, theme: theme)
    if let data = state.data {
        switch state.screen.view {
        case .board: views.drawBoard(data, page: state.screen.page, into: &canvas)
        case .figures: views.drawFigures(data, into: &canvas)
        case .dongs: views.drawDongs(data, page: state.screen.page, into: &canvas)
        }
    } else if let problem = state.storeProblem {
        // Nothing to show yet: what is wrong, for whoever looks after the screen, and that it is being handled.
        let detail = wrap(problem, width: layout.body.width, lines: 3)
        views.centered([state.text(KioskText.unavailable)] + detail + [state.text(KioskText.retryEvery)],
                       roles: [.warning] + detail.map { _ in .normal } + [.muted], into: &canvas)
    } else {
        views.centered([state.text(KioskText.loading)], roles: [.muted], into: &canvas)
    }
    drawKioskFooter(state, layout: layout, theme: theme, into: &canvas)
    if state.confirmingQuitSince != nil {
        Dialog.draw(into: &canvas, title: state.text(KioskText.confirmQuit),
                    buttons: [("y", state.text(KioskText.confirmYes)), ("", state.text(KioskText.confirmNo))],
                    lines: state.lines, theme: theme)
    }
    return canvas
}

/// What the views share: the state, where things go, and the theme.
struct KioskViews {
    let state: KioskState
    let layout: KioskLayout
    let theme: Theme

    func text(_ phrase: Phrase) -> String { state.text(phrase) }

    /// Lines in the middle of the body, each cut to its width.
    func centered(_ lines: [String], roles: [StyleRole], into canvas: inout Canvas) {
        let body = layout.body
        let top = body.y + max(0, (body.height - lines.count) / 2)
        for (index, line) in lines.enumerated() {
            let fitted = WidgetSupport.fit(line, body.width)
            canvas.write(fitted, x: body.x + max(0, (body.width - DisplayWidth.of(fitted)) / 2), y: top + index,
                         style: theme.style(index < roles.count ? roles[index] : .normal), clip: body)
        }
    }

    /// The largest scale, up to `maximum`, at which every value fits a tile of `width` by
    /// `height` rows (its label included): figures side by side share one size. Nil when
    /// even the smallest does not fit.
    func commonScale(_ values: [String], width: Int, height: Int, maximum: Int) -> Int? {
        var scale = maximum
        for value in values {
            guard let fits = BigDigits.scale(fitting: value, width: width - 2, height: height - 1, maximum: scale, lines: state.lines)
            else { return nil }
            scale = min(scale, fits)
        }
        return scale
    }

    /// Rows a tile takes: its label and its figure in big digits at `scale` (bold text at nil).
    func tileHeight(scale: Int?) -> Int { 1 + (scale.map { BigDigits.rows(scale: $0, lines: state.lines) } ?? 1) }

    /// Labelled figures side by side across `rect`, each an equal share of its width: the
    /// label on top, the figure below in big digits at `scale`, or bold text at nil.
    func tiles(_ items: [(label: String, value: String)], rect: Rect, scale: Int?, into canvas: inout Canvas) {
        guard !items.isEmpty, rect.height >= 2 else { return }
        let width = rect.width / items.count
        for (index, item) in items.enumerated() {
            let tile = Rect(x: rect.x + index * width, y: rect.y, width: width, height: rect.height)
            let label = WidgetSupport.fit(item.label, tile.width)
            canvas.write(label, x: tile.x + (tile.width - DisplayWidth.of(label)) / 2, y: tile.y, style: theme.style(.muted), clip: tile)
            let area = Rect(x: tile.x, y: tile.y + 1, width: tile.width, height: tile.height - 1)
            if let scale, BigDigits.canDraw(item.value) {
                let size = BigDigits.size(of: item.value, scale: scale, lines: state.lines)
                BigDigits.draw(item.value, x: area.x + (area.width - size.width) / 2, y: area.y, scale: scale, lines: state.lines,
                               style: theme.style(.accent), clip: area, into: &canvas)
            } else {
                let value = WidgetSupport.fit(item.value, area.width)
                canvas.write(value, x: area.x + (area.width - DisplayWidth.of(value)) / 2, y: area.y,
                             style: WidgetSupport.layer(Style(attributes: .bold), over: theme.style(.accent)), clip: area)
            }
        }
    }
}

/// `text` in at most `lines` lines of `width` columns (see `TerminalText.wrap`).
func wrap(_ text: String, width: Int, lines: Int) -> [String] {
    TerminalText.wrap(text, width: width, lines: lines)
}

/// 12,345: figures read from across a room want their thousands marked.
func grouped(_ value: Int) -> String {
    let digits = String(abs(value))
    var out = ""
    for (index, digit) in digits.enumerated() {
        if index > 0 && (digits.count - index) % 3 == 0 { out.append(",") }
        out.append(digit)
    }
    return value < 0 ? "-" + out : out
}

private func drawKioskTooSmall(_ state: KioskState, theme: Theme, into canvas: inout Canvas) {
    let lines = [
        "\(state.text(UIText.tooSmall)): \(state.text(UIText.needsAtLeast))",
        "(\(state.width)x\(state.height))",
    ]
    for (index, line) in lines.enumerated() {
        let y = max(0, state.height / 2 - 1 + index)
        canvas.write(line, x: max(0, (state.width - DisplayWidth.of(line)) / 2), y: y, style: theme.style(index == 0 ? .warning : .muted))
    }
}

private func weekdayName(_ state: KioskState) -> String {
    let weekday = Weekday(state.now, calendar: state.calendar).rawValue - 1
    return state.language == .ko ? ["월", "화", "수", "목", "금", "토", "일"][weekday]
        : ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"][weekday]
}

private func drawKioskHeader(_ state: KioskState, layout: KioskLayout, theme: Theme, into canvas: inout Canvas) {
    let rect = layout.header
    let day = CivilDate(state.now, calendar: state.calendar)
    let date = "\(day) (\(weekdayName(state)))"
    let seconds = Int(state.now.timeIntervalSince1970) % 60
    let clock = ClockTime(state.now, calendar: state.calendar).description
    let title = " " + state.text(KioskText.title)
    if layout.large {
        canvas.write(title, x: 0, y: rect.y, style: theme.style(.title))
        canvas.write(" " + date, x: 0, y: rect.y + 1, style: theme.style(.normal))
        let size = BigDigits.size(of: clock, scale: 1, lines: state.lines)
        let x = rect.maxX - 2 - size.width - 4
        BigDigits.draw(clock, x: x, y: rect.y, scale: 1, lines: state.lines, style: theme.style(.title), clip: rect, into: &canvas)
        canvas.write(":" + zeroPadded(seconds, 2), x: x + size.width + 1, y: rect.y + size.height - 1, style: theme.style(.muted), clip: rect)
        return
    }
    canvas.fill(rect, style: theme.style(.title))
    canvas.write(title, x: 0, y: rect.y, width: rect.width, style: theme.style(.title))
    let right = "\(date)  \(clock):\(zeroPadded(seconds, 2)) "
    canvas.write(right, x: rect.maxX - DisplayWidth.of(right), y: rect.y, style: theme.style(.title))
}

/// The view's name and what it covers on the left; where the rotation is on the right.
private func drawKioskTitleLine(_ state: KioskState, layout: KioskLayout, theme: Theme, into canvas: inout Canvas) {
    let rect = layout.titleLine
    var left = state.text(state.screen.view.title)
    if let data = state.data {
        switch state.screen.view {
        case .board: left += " · " + (state.language == .ko ? "\(data.board.count)건" : "\(data.board.count)")
        case .figures, .dongs: left += " · \(data.month.label)"
        }
    }
    canvas.write(left, x: rect.x, y: rect.y, style: WidgetSupport.layer(Style(attributes: .bold), over: theme.style(.accent)), clip: rect)
    let unicode = state.lines == .unicode
    var right = state.views.map { $0 == state.screen.view ? (unicode ? "●" : "*") : (unicode ? "○" : "o") }.joined(separator: " ")
    let pages = state.pages(state.screen.view)
    if pages > 1 { right = "\(state.screen.page + 1)/\(pages)  " + right }
    canvas.write(right, x: rect.maxX - DisplayWidth.of(right), y: rect.y, style: theme.style(.muted), clip: rect)
}

/// When the figures were read and whether the store answers: a stale screen says so.
private func drawKioskFooter(_ state: KioskState, layout: KioskLayout, theme: Theme, into canvas: inout Canvas) {
    let rect = layout.footer
    let updated = state.data.map {
        "\(state.text(KioskText.lastUpdated)) \(ClockTime($0.loadedAt, calendar: state.calendar)):\(zeroPadded(Int($0.loadedAt.timeIntervalSince1970) % 60, 2))"
    }
    // "Connected" only once something was read: until then the store has not answered yet.
    let connection = state.storeProblem != nil ? "\(state.text(KioskText.unavailable)) — \(state.text(KioskText.retrying))"
        : state.data == nil ? state.text(KioskText.loading) : state.text(KioskText.connected)
    // The time of the figures on the right, which a narrow bar never cuts: stale figures must say so.
    let right = ((updated.map { [$0] } ?? []) + [state.text(KioskText.readOnly)]).joined(separator: " · ")
    StatusBar.draw(into: &canvas, rect: rect, left: connection, right: right, theme: theme)
    if state.storeProblem != nil {
        canvas.restyle(Rect(x: rect.x, y: rect.y, width: min(rect.width, DisplayWidth.of(connection) + 1), height: 1), style: theme.style(.error))
    }
}
