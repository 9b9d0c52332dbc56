import HonsimCore

/// A bordered pane: a title on the top border at the left ("┌─ 요청 12 ───"), an optional
/// badge at the right (a count "12건", a filter "/석수"). The focused pane has the
/// `.borderFocused` border and a bold title, so focus shows even without colors.
public struct PaneFrame: Hashable, Sendable {
    public var title: String
    public var focused: Bool
    public var badge: String?
    public var lines: LineSet

    public init(title: String, focused: Bool = false, badge: String? = nil, lines: LineSet = .unicode) {
        self.title = title
        self.focused = focused
        self.badge = badge
        self.lines = lines
    }

    /// The area inside the border of a pane drawn in `rect`.
    public static func inner(of rect: Rect) -> Rect { rect.inset(by: 1) }

    /// Draws border, title and badge inside `rect` and returns the inner Rect. The inside is
    /// left untouched: the caller draws it. A rect smaller than 2×2 gets no border at all.
    @discardableResult
    public func draw(into canvas: inout Canvas, rect: Rect, theme: Theme) -> Rect {
        let inner = Self.inner(of: rect)
        guard rect.width >= 2, rect.height >= 2 else { return inner }
        let border = theme.style(focused ? .borderFocused : .border)
        let middle = String(repeating: lines.horizontal, count: rect.width - 2)
        canvas.write(lines.topLeft + middle + lines.topRight, x: rect.x, y: rect.y, style: border, clip: rect)
        canvas.write(lines.bottomLeft + middle + lines.bottomRight, x: rect.x, y: rect.maxY - 1, style: border, clip: rect)
        for y in (rect.y + 1)..<(rect.maxY - 1) {
            canvas.write(lines.vertical, x: rect.x, y: y, style: border, clip: rect)
            canvas.write(lines.vertical, x: rect.maxX - 1, y: y, style: border, clip: rect)
        }
        drawLabels(into: &canvas, rect: rect, theme: theme)
        return inner
    }

    /// Title and badge go between "┌─" and "─┐", each with a space either side. The badge
    /// gives way when it would leave the title fewer than 4 columns: the title says which
    /// pane this is, the badge only adds to it.
    private func drawLabels(into canvas: inout Canvas, rect: Rect, theme: Theme) {
        let room = rect.width - 4
        guard room >= 3 else { return }
        let titleWidth = WidgetSupport.width(title)
        var badgeText = badge.map { " " + WidgetSupport.fit($0, room - 2) + " " } ?? ""
        let badgeWidth = DisplayWidth.of(badgeText)
        let titleNeeds = titleWidth == 0 ? 0 : min(titleWidth + 2, 6)
        if badgeWidth > 0, badgeWidth + (titleNeeds > 0 ? titleNeeds + 1 : 0) > room { badgeText = "" }
        let titleRoom = room - (badgeText.isEmpty ? 0 : DisplayWidth.of(badgeText) + 1)
        if titleWidth > 0, titleRoom >= 3 {
            var style = theme.style(.title)
            // Bold marks the focused pane; an unfocused title is drawn without it.
            if focused { style.attributes.insert(.bold) } else { style.attributes.remove(.bold) }
            canvas.write(" " + WidgetSupport.fit(title, titleRoom - 2) + " ", x: rect.x + 2, y: rect.y, style: style, clip: rect)
        }
        if !badgeText.isEmpty {
            canvas.write(badgeText, x: rect.maxX - 2 - DisplayWidth.of(badgeText), y: rect.y, style: theme.style(.badge), clip: rect)
        }
    }

    /// Draws a frame in one call; see `draw(into:rect:theme:)`.
    @discardableResult
    public static func draw(into canvas: inout Canvas, rect: Rect, title: String, focused: Bool = false,
                            badge: String? = nil, lines: LineSet = .unicode, theme: Theme) -> Rect {
        PaneFrame(title: title, focused: focused, badge: badge, lines: lines).draw(into: &canvas, rect: rect, theme: theme)
    }
}
