import HonsimCore

/// A modal box centered over the screen: a title on the border, body lines, room for the
/// caller's own content (a table of candidates), and button hints on the last line
/// ("Enter 배정   Esc 취소"), and an optional footer hint on the bottom border ("Esc 닫기").
///
/// Inside the border, top to bottom: the body lines, `contentHeight` rows for the caller, a
/// blank row, the buttons. When the screen is too low the buttons stay, then the body, and
/// the caller's rows shrink first.
public struct Dialog: Sendable {
    public var title: String
    public var body: [String]
    public var buttons: [(key: String, label: String)]
    /// A short hint on the bottom border, right-aligned.
    public var footer: String?
    /// Inner width wanted; nil: as wide as title, body and buttons need.
    public var width: Int?
    /// Rows left free below the body for the caller to draw in.
    public var contentHeight: Int
    public var lines: LineSet

    static let buttonGap = 3

    public init(title: String, body: [String] = [], buttons: [(key: String, label: String)] = [], footer: String? = nil,
                width: Int? = nil, contentHeight: Int = 0, lines: LineSet = .unicode) {
        self.title = title
        self.body = body
        self.buttons = buttons
        self.footer = footer
        self.width = width
        self.contentHeight = max(0, contentHeight)
        self.lines = lines
    }

    /// The box for a screen area: as large as asked or needed, no larger than the area.
    public func box(in area: Rect) -> Rect {
        let needed = max(WidgetSupport.width(title) + 4, body.map(WidgetSupport.width).max() ?? 0,
                         WidgetSupport.hintsWidth(buttons, gap: Self.buttonGap), WidgetSupport.width(footer ?? "") + 2)
        let rows = body.count + contentHeight + (buttons.isEmpty ? 0 : 2)
        // Border and a column of padding on each side.
        return WidgetSupport.centered(width: (width ?? needed) + 4, height: rows + 2, in: area)
    }

    /// Draws the dialog centered in `rect` and returns the caller's area inside it: below the
    /// body, above the buttons, within the padding; its height may be less than asked, or 0.
    @discardableResult
    public func draw(into canvas: inout Canvas, rect: Rect, theme: Theme) -> Rect {
        let box = box(in: rect)
        let dialog = theme.style(.dialog)
        canvas.fill(box, style: dialog)
        let frame = PaneFrame(title: title, focused: true, lines: lines).draw(into: &canvas, rect: box, theme: theme)
        if let footer, box.width > 6, box.height >= 2 {
            let text = " " + WidgetSupport.fit(footer, box.width - 6) + " "
            canvas.write(text, x: box.maxX - 2 - DisplayWidth.of(text), y: box.maxY - 1,
                         style: WidgetSupport.layer(theme.style(.muted), over: dialog), clip: box)
        }
        let inner = Rect(x: frame.x + 1, y: frame.y, width: frame.width - 2, height: frame.height)
        guard !inner.isEmpty else { return Rect(x: inner.x, y: inner.y, width: 0, height: 0) }

        var bottom = inner.maxY
        if !buttons.isEmpty {
            bottom -= 1
            let x = inner.x + max(0, (inner.width - WidgetSupport.hintsWidth(buttons, gap: Self.buttonGap)) / 2)
            WidgetSupport.drawHints(buttons, x: x, y: bottom, limit: inner.maxX, gap: Self.buttonGap,
                                    keyStyle: theme.style(.statusKey), labelStyle: dialog, clip: inner, into: &canvas)
            // The blank row above the buttons goes only when the body would lose a line.
            if bottom - inner.y > body.count { bottom -= 1 }
        }
        let bodyRows = min(body.count, max(0, bottom - inner.y))
        for (row, text) in body.prefix(bodyRows).enumerated() {
            canvas.write(WidgetSupport.fit(text, inner.width), x: inner.x, y: inner.y + row, style: dialog, clip: inner)
        }
        let top = inner.y + bodyRows
        return Rect(x: inner.x, y: top, width: inner.width, height: min(contentHeight, max(0, bottom - top)))
    }

    /// Draws a dialog in one call, centered in `rect` or, when nil, the whole canvas.
    @discardableResult
    public static func draw(into canvas: inout Canvas, rect: Rect? = nil, title: String, body: [String] = [],
                            buttons: [(key: String, label: String)] = [], footer: String? = nil, width: Int? = nil,
                            contentHeight: Int = 0, lines: LineSet = .unicode, theme: Theme) -> Rect {
        Dialog(title: title, body: body, buttons: buttons, footer: footer, width: width, contentHeight: contentHeight,
               lines: lines).draw(into: &canvas, rect: rect ?? canvas.bounds, theme: theme)
    }
}
