/// A key as the dashboard understands it, whatever the terminal sent.
public enum Key: Hashable, Sendable {
    case character(Character)
    case up, down, left, right
    case pageUp, pageDown, home, end
    case enter, escape, tab, backTab, backspace, delete
    case function(Int)
    /// Ctrl and a letter, lower case: `.control("c")`.
    case control(Character)
}

public enum InputEvent: Hashable, Sendable {
    case key(Key)
    case resize(width: Int, height: Int)
}

/// Where frames go and keys come from. NcursesTerminal is the real one; MemoryTerminal keeps
/// the grid for tests and benchmarks.
public protocol Terminal: AnyObject {
    var width: Int { get }
    var height: Int { get }
    /// Shows the canvas; a backend writes only the cells that changed since the last frame.
    func draw(_ canvas: Canvas)
    /// The next key or resize, waiting at most `timeoutMilliseconds`; nil when none came.
    func nextEvent(timeoutMilliseconds: Int) -> InputEvent?
    /// Gives the terminal back as it was.
    func close()
    /// A signal (SIGINT, SIGTERM, SIGHUP) that asks the program to end, once caught.
    var pendingSignal: Int32? { get }
}

extension Terminal {
    public var pendingSignal: Int32? { nil }
}
