/// The characters frames and scroll marks are drawn with. `.ascii` is for terminals whose
/// line drawing is broken (PuTTY with a wrong character set, some serial consoles): `--ascii`.
public enum LineSet: String, Hashable, Sendable, CaseIterable {
    case unicode
    case ascii
    /// ASCII on a terminal that draws East Asian ambiguous-width characters two columns wide
    /// (found out at start, or `ambiguous_width = "wide"`): as `.ascii`, and letters of
    /// ambiguous width in the data (Greek, Cyrillic, circled digits) are replaced too.
    case ambiguousWide = "ambiguous-wide"

    /// Lines, marks and symbols drawn in ASCII.
    public var isASCII: Bool { self != .unicode }

    public var horizontal: String { self == .unicode ? "─" : "-" }
    public var vertical: String { self == .unicode ? "│" : "|" }
    public var topLeft: String { self == .unicode ? "┌" : "+" }
    public var topRight: String { self == .unicode ? "┐" : "+" }
    public var bottomLeft: String { self == .unicode ? "└" : "+" }
    public var bottomRight: String { self == .unicode ? "┘" : "+" }
    /// ├: a vertical line with a branch to the right, where a divider meets a left border.
    public var verticalRight: String { self == .unicode ? "├" : "+" }
    /// ┤: a vertical line with a branch to the left, where a divider meets a right border.
    public var verticalLeft: String { self == .unicode ? "┤" : "+" }
    /// ┬: a horizontal line with a branch down.
    public var horizontalDown: String { self == .unicode ? "┬" : "+" }
    /// ┴: a horizontal line with a branch up.
    public var horizontalUp: String { self == .unicode ? "┴" : "+" }
    public var cross: String { self == .unicode ? "┼" : "+" }
    /// Scroll marks: more above, more below.
    public var arrowUp: String { self == .unicode ? "↑" : "^" }
    public var arrowDown: String { self == .unicode ? "↓" : "v" }
}
