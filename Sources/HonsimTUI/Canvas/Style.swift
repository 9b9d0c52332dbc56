/// A color as a theme names it. The ncurses backend degrades it to what the terminal has:
/// 24-bit → 256 → 8 colors → none.
public enum TerminalColor: Hashable, Sendable {
    /// The terminal's own foreground or background: right on light and dark backgrounds alike.
    case none
    /// One of the 16 ANSI colors (0–7 normal, 8–15 bright).
    case ansi(UInt8)
    /// An index into the 256-color palette.
    case palette(UInt8)
    case rgb(UInt8, UInt8, UInt8)
}

public struct TextAttributes: OptionSet, Hashable, Sendable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }

    public static let bold = TextAttributes(rawValue: 1 << 0)
    public static let dim = TextAttributes(rawValue: 1 << 1)
    public static let reverse = TextAttributes(rawValue: 1 << 2)
    public static let underline = TextAttributes(rawValue: 1 << 3)
}

public struct Style: Hashable, Sendable {
    public var foreground: TerminalColor
    public var background: TerminalColor
    public var attributes: TextAttributes

    public init(foreground: TerminalColor = .none, background: TerminalColor = .none, attributes: TextAttributes = []) {
        self.foreground = foreground
        self.background = background
        self.attributes = attributes
    }

    public static let plain = Style()
}

/// What a piece of the screen is, for the theme to give it a style. Widgets ask by role and
/// never name colors themselves.
public enum StyleRole: String, CaseIterable, Hashable, Sendable {
    case normal
    case title
    case border
    case borderFocused = "border_focused"
    case header
    case selection
    case selectionUnfocused = "selection_unfocused"
    case muted
    case accent
    case urgent
    case warning
    case ok
    case error
    /// A row another process just changed, marked for a moment.
    case changed
    case statusBar = "status_bar"
    case statusKey = "status_key"
    case badge
    case chartBar = "chart_bar"
    case chartBarAlt = "chart_bar_alt"
    case sparkline
    case dialog
    case input
    case disabled
}

/// A set of styles by role, with a name. Loading themes from TOML files is ThemeLoader's job.
public struct Theme: Hashable, Sendable {
    public var name: String
    public var styles: [StyleRole: Style]

    public init(name: String, styles: [StyleRole: Style]) {
        self.name = name
        self.styles = styles
    }

    /// The style for a role; a role the theme leaves out is drawn plain.
    public func style(_ role: StyleRole) -> Style { styles[role] ?? styles[.normal] ?? .plain }

    /// No colors at all, only attributes: NO_COLOR, --no-color, and terminals without color.
    public static let mono = Theme(name: "mono", styles: [
        .normal: .plain,
        .title: Style(attributes: .bold),
        .border: .plain,
        .borderFocused: Style(attributes: .bold),
        .header: Style(attributes: [.bold, .underline]),
        // Reverse and underline: urgent rows are reversed too, and a selected row must
        // still stand out among them (on an urgent row, reverse over reverse cancels out
        // and the underline remains).
        .selection: Style(attributes: [.reverse, .underline]),
        .selectionUnfocused: Style(attributes: .underline),
        .muted: Style(attributes: .dim),
        .accent: Style(attributes: .bold),
        .urgent: Style(attributes: [.bold, .reverse]),
        .warning: Style(attributes: .bold),
        .ok: .plain,
        .error: Style(attributes: [.bold, .reverse]),
        .changed: Style(attributes: .bold),
        .statusBar: Style(attributes: .reverse),
        .statusKey: Style(attributes: [.reverse, .bold]),
        .badge: Style(attributes: .reverse),
        .chartBar: Style(attributes: .reverse),
        .chartBarAlt: Style(attributes: .dim),
        .sparkline: .plain,
        .dialog: .plain,
        .input: Style(attributes: .underline),
        .disabled: Style(attributes: .dim),
    ])
}
