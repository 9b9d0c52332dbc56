import HonsimCore

public struct HelpEntry: Hashable, Sendable {
    public var keys: String
    public var description: String
    /// False for what this session cannot do (a read-only kiosk cannot assign): drawn greyed
    /// out with `.disabled`, as htop does under --readonly, so people learn the key exists.
    public var enabled: Bool

    public init(keys: String, description: String, enabled: Bool = true) {
        self.keys = keys
        self.description = description
        self.enabled = enabled
    }
}

public struct HelpSection: Hashable, Sendable {
    public var heading: String
    public var entries: [HelpEntry]

    public init(heading: String, entries: [HelpEntry]) {
        self.heading = heading
        self.entries = entries
    }
}

/// The `?` help: a box centered over whatever is below it, sections of "keys  description"
/// lines. It scrolls by `offset` lines when taller than the screen; the top border then shows
/// which lines are visible ("1-6/14").
public struct HelpOverlay: Hashable, Sendable {
    public var title: String
    public var sections: [HelpSection]
    /// A hint on the bottom border, e.g. "Esc 닫기".
    public var footer: String?
    public var lines: LineSet

    public init(title: String, sections: [HelpSection], footer: String? = nil, lines: LineSet = .unicode) {
        self.title = title
        self.sections = sections
        self.footer = footer
        self.lines = lines
    }

    private enum Line {
        case section(String)
        case entry(HelpEntry)
        case blank
    }

    private var content: [Line] {
        var result: [Line] = []
        for section in sections {
            if !result.isEmpty { result.append(.blank) }
            if !section.heading.isEmpty { result.append(.section(section.heading)) }
            result += section.entries.map { .entry($0) }
        }
        return result
    }

    /// The number of content lines (section titles, entries, blank lines between sections).
    public var contentHeight: Int { content.count }

    private var keysWidth: Int {
        sections.flatMap(\.entries).map { WidgetSupport.width($0.keys) }.max() ?? 0
    }

    /// The box for a screen area: as large as the content needs, no larger than the area.
    public func box(in area: Rect) -> Rect {
        let entryWidth = sections.flatMap(\.entries).map { keysWidth + 2 + WidgetSupport.width($0.description) }.max() ?? 0
        let sectionWidth = sections.map { WidgetSupport.width($0.heading) }.max() ?? 0
        // The title shares the top border with the scroll position ("1-22/134"): room for both,
        // so that the title, which says how to close the help, is never cut.
        let count = String(contentHeight)
        let badgeWidth = contentHeight > max(0, area.height - 2) ? 2 * count.count + 1 + count.count + 3 : 0
        let innerWidth = max(entryWidth, sectionWidth, WidgetSupport.width(title) + 4 + badgeWidth,
                             WidgetSupport.width(footer ?? "") + 2)
        // Border and a column of padding on each side.
        return WidgetSupport.centered(width: innerWidth + 4, height: contentHeight + 2, in: area)
    }

    /// The largest useful offset in this area: the last content line at the bottom of the box.
    public func maxOffset(in area: Rect) -> Int {
        max(0, contentHeight - max(0, box(in: area).height - 2))
    }

    /// Draws the box centered in `rect`, its content scrolled by `offset` lines (clamped).
    public func draw(into canvas: inout Canvas, rect: Rect, offset: Int = 0, theme: Theme) {
        let box = box(in: rect)
        guard box.width >= 2, box.height >= 2 else { return }
        let dialog = theme.style(.dialog)
        canvas.fill(box, style: dialog)
        let lines = content
        let visible = box.height - 2
        let first = min(max(0, offset), maxOffset(in: rect))
        let badge = lines.count > visible && visible > 0
            ? "\(first + 1)-\(first + visible)/\(lines.count)" : nil
        let inner = PaneFrame(title: title, focused: true, badge: badge, lines: self.lines)
            .draw(into: &canvas, rect: box, theme: theme)
        if let footer, box.width > 6 {
            let text = " " + WidgetSupport.fit(footer, box.width - 6) + " "
            canvas.write(text, x: box.maxX - 2 - DisplayWidth.of(text), y: box.maxY - 1,
                         style: WidgetSupport.layer(theme.style(.muted), over: dialog), clip: box)
        }
        let area = Rect(x: inner.x + 1, y: inner.y, width: inner.width - 2, height: inner.height)
        let keysColumn = min(keysWidth, max(0, area.width / 2))
        for (row, line) in lines.dropFirst(first).prefix(visible).enumerated() {
            let y = area.y + row
            switch line {
            case .blank: break
            case .section(let text):
                canvas.write(WidgetSupport.fit(text, area.width), x: area.x, y: y,
                             style: WidgetSupport.layer(theme.style(.title), over: dialog), clip: area)
            case .entry(let entry):
                let keyStyle = WidgetSupport.layer(theme.style(entry.enabled ? .accent : .disabled), over: dialog)
                let textStyle = entry.enabled ? dialog : WidgetSupport.layer(theme.style(.disabled), over: dialog)
                WidgetSupport.writeAligned(entry.keys, x: area.x, y: y, width: keysColumn, rightAligned: false,
                                           style: keyStyle, clip: area, into: &canvas)
                let x = area.x + keysColumn + 2
                canvas.write(WidgetSupport.fit(entry.description, area.maxX - x), x: x, y: y, style: textStyle, clip: area)
            }
        }
    }

    /// Draws the help in one call, centered in `rect` or, when nil, the whole canvas.
    public static func draw(into canvas: inout Canvas, rect: Rect? = nil, title: String, sections: [HelpSection],
                            offset: Int = 0, footer: String? = nil, lines: LineSet = .unicode, theme: Theme) {
        HelpOverlay(title: title, sections: sections, footer: footer, lines: lines)
            .draw(into: &canvas, rect: rect ?? canvas.bounds, offset: offset, theme: theme)
    }
}
