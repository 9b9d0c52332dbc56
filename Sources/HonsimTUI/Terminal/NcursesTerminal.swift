import CNcurses
import Foundation

/// Why the dashboard cannot take over this terminal.
public enum NcursesTerminalError: Error, Equatable, CustomStringConvertible {
    /// TERM is unset, unknown to terminfo, or a terminal without cursor addressing (dumb).
    case unsupportedTerminal(String?)
    /// ncurses is global state: one NcursesTerminal at a time.
    case alreadyOpen
    /// Standard input or output is not a terminal (a pipe, a file, a job started without one).
    /// ncurses would draw into it and find no key ever coming, and the dashboard would wait on
    /// nothing at full speed.
    case notATerminal

    public var description: String {
        switch self {
        case .unsupportedTerminal(let term):
            let shown = term.map { "TERM=\($0)" } ?? "TERM is not set"
            return "this terminal (\(shown)) cannot show the dashboard; use a terminal such as "
                + "xterm-256color, or the command line: honsim --help"
        case .alreadyOpen:
            return "the dashboard is already open in this process"
        case .notATerminal:
            return "the dashboard needs a terminal, and standard input or output is not one; "
                + "open it in a terminal, or use the command line: honsim --help"
        }
    }
}

/// The real terminal, through ncursesw. Draws a `Canvas` by writing only the cells that
/// changed since the previous frame and lets `doupdate` send the difference once per frame.
public final class NcursesTerminal: Terminal {
    /// The number of colors drawn with: 0 when colors are off or the terminal has none.
    public private(set) var colorCount: Int = 0
    /// Whether styles get colors; otherwise only attributes (bold, reverse, …) are drawn.
    public var usesColor: Bool { colorCount >= 8 }
    /// Whether LC_CTYPE decodes UTF-8; without it ncurses drops Hangul.
    public let isUTF8: Bool
    /// Box-drawing and block characters are drawn as ASCII (+, -, |, #).
    public let asciiLineDrawing: Bool

    private var screen: OpaquePointer?
    private var window: UnsafeMutablePointer<WINDOW>?
    private let output: UnsafeMutablePointer<FILE>
    private var previous: Canvas?
    private var needsFullRedraw = true

    /// Takes over the terminal. `termType` overrides TERM; `output` and `input` default to
    /// stdout and stdin (tests pass a file, to count the bytes a frame costs).
    public init(
        lineDrawing ascii: Bool = false, colors: Bool = true, termType: String? = nil,
        output: UnsafeMutablePointer<FILE>? = nil, input: UnsafeMutablePointer<FILE>? = nil
    ) throws {
        isUTF8 = Self.prepareLocale()
        asciiLineDrawing = ascii
        let type = termType ?? ProcessInfo.processInfo.environment["TERM"]
        guard let type, !type.isEmpty, !Self.unusableTypes.contains(type) else {
            throw NcursesTerminalError.unsupportedTerminal(type)
        }
        guard honsim_tracked_screen() == nil else { throw NcursesTerminalError.alreadyOpen }
        // Only where the standard streams are used: a test's files are no terminal, and need none.
        if (input == nil && isatty(STDIN_FILENO) != 1) || (output == nil && isatty(STDOUT_FILENO) != 1) {
            throw NcursesTerminalError.notATerminal
        }
        let out = output ?? honsim_stdout()
        let inp = input ?? honsim_stdin()
        guard let out, let inp else { throw NcursesTerminalError.unsupportedTerminal(type) }
        self.output = out

        // Our handlers go in before newterm, so ncurses sees them and does not install its
        // own SIGINT/SIGTERM handlers (which would exit at once, skipping our cleanup).
        _ = TerminalSignals.install()
        // newterm, not initscr: initscr prints and exits the process when TERM is unknown.
        guard let screen = newterm(type, out, inp) else {
            TerminalSignals.restore()
            throw NcursesTerminalError.unsupportedTerminal(type)
        }
        self.screen = screen
        honsim_track_screen(screen)
        guard let window = honsim_stdscr(), Self.canAddressCursor() else {
            close()
            throw NcursesTerminalError.unsupportedTerminal(type)
        }
        self.window = window

        cbreak()  // keys come at once, Ctrl-C still signals
        noecho()
        nonl()  // Enter arrives as 13 and output newlines are not translated
        keypad(window, true)
        leaveok(window, true)  // the cursor is hidden: do not spend bytes moving it back
        set_escdelay(25)  // a lone ESC is a key; a sequence over SSH arrives within 25 ms
        curs_set(0)
        if colors, has_colors(), start_color() != ERR {
            use_default_colors()  // color -1 is the terminal's own, on light and dark backgrounds
            colorCount = Int(honsim_colors())
        }
    }

    deinit { close() }

    /// Terminal types that cannot address the cursor; terminfo knows them but the dashboard
    /// would scroll garbage.
    static let unusableTypes: Set<String> = ["dumb", "unknown", "emacs"]

    public var width: Int { window.map { Int(honsim_getmaxx($0)) } ?? 0 }
    public var height: Int { window.map { Int(honsim_getmaxy($0)) } ?? 0 }
    public var isOpen: Bool { screen != nil }

    /// The signal (SIGINT, SIGTERM, SIGHUP) caught since the terminal opened, if any. The
    /// main loop checks it between events, then calls `close()` and exits with 128 + signal
    /// (or calls `exitIfSignalled()`, which does both).
    public var pendingSignal: Int32? { TerminalSignals.pending }

    /// When a signal is pending: gives the terminal back and exits with 128 + the signal.
    public func exitIfSignalled() {
        guard let signal = pendingSignal else { return }
        close()
        exit(128 + signal)
    }

    public func draw(_ canvas: Canvas) {
        guard let window else { return }
        let rows = min(canvas.height, height)
        let full = needsFullRedraw || previous?.width != canvas.width || previous?.height != canvas.height
        if full {
            werase(window)
            clearok(window, true)  // the screen may hold anything after a resize: clear it
        }
        let last = full ? nil : previous
        for y in 0..<max(0, rows) {
            for x in FramePlan.columns(previous: last, current: canvas, row: y, width: width) {
                put(canvas, x: x, y: y)
            }
        }
        wnoutrefresh(window)
        doupdate()
        previous = canvas
        needsFullRedraw = false
    }

    public func nextEvent(timeoutMilliseconds: Int) -> InputEvent? {
        guard let window else { return nil }
        wtimeout(window, Int32(clamping: max(0, timeoutMilliseconds)))
        var code: wint_t = 0
        let status = wget_wch(window, &code)
        guard status != ERR else { return nil }
        switch NcursesKeyMap.decode(status: status, code: UInt32(code)) {
        case .key(let key):
            return .key(key)
        case .resize:
            needsFullRedraw = true
            return .resize(width: width, height: height)
        case .ignored:
            return nil
        }
    }

    /// Gives the terminal back as it was: endwin, then frees the screen. Safe to call twice.
    ///
    /// The screen is cleared first, however the dashboard ends (q, SIGTERM, SIGHUP): a terminal
    /// without an alternate screen (the Linux console, vt100, screen without altscreen) would
    /// otherwise keep the last frame, names included, for the next person to read. Where there
    /// is an alternate screen, the cleared one is the one that goes away.
    public func close() {
        guard let screen else { return }
        set_term(screen)
        if let window {
            werase(window)
            wnoutrefresh(window)
            doupdate()
        }
        endwin()
        honsim_track_screen(nil)
        TerminalSignals.restore()
        delscreen(screen)
        self.screen = nil
        window = nil
        previous = nil
    }

    /// Pushes what curses wrote into the output FILE, so a caller that passed its own file
    /// can count the bytes a frame cost.
    public func flushOutput() { fflush(output) }

    /// Forgets the previous frame: the next draw clears the screen and writes every cell.
    public func invalidate() { needsFullRedraw = true }

    // MARK: - Cells

    private func put(_ canvas: Canvas, x: Int, y: Int) {
        guard let window else { return }
        let cell = canvas[x, y]
        var grapheme = cell.isContinuation ? " " : cell.grapheme
        if asciiLineDrawing { grapheme = Glyph.asciiFallback(grapheme) }
        let wideInCanvas = FramePlan.isWide(canvas, x: x, y: y)
        let columns = grapheme.unicodeScalars.first.map { Int(honsim_wcwidth(Int32(bitPattern: $0.value))) } ?? 1
        // curses advances by the C library's wcwidth; when it disagrees with the canvas, draw
        // a stand-in of the canvas's width so the rest of the row stays where it belongs.
        guard columns >= 1, columns <= (wideInCanvas ? 2 : 1) else {
            write("?", style: cell.style, x: x, y: y, in: window)
            if wideInCanvas { write("?", style: cell.style, x: x + 1, y: y, in: window) }
            return
        }
        write(grapheme, style: cell.style, x: x, y: y, in: window)
        if wideInCanvas && columns == 1 { write(" ", style: cell.style, x: x + 1, y: y, in: window) }
    }

    private func write(_ grapheme: String, style: Style, x: Int, y: Int, in window: UnsafeMutablePointer<WINDOW>) {
        var cell = cchar_t()
        let text = Glyph.wideCharacters(grapheme)
        _ = text.withUnsafeBufferPointer { honsim_setcchar(&cell, $0.baseAddress, attributes(style), pair(style)) }
        // The bottom-right cell returns ERR (the cursor cannot advance) yet is drawn.
        _ = mvwadd_wch(window, Int32(y), Int32(x), &cell)
    }

    private func attributes(_ style: Style) -> attr_t {
        var result = honsim_a_normal()
        if style.attributes.contains(.bold) { result |= honsim_a_bold() }
        if style.attributes.contains(.dim) { result |= honsim_a_dim() }
        if style.attributes.contains(.reverse) { result |= honsim_a_reverse() }
        if style.attributes.contains(.underline) { result |= honsim_a_underline() }
        return result
    }

    /// The color pair for a style. alloc_pair (ncurses 6.1) finds or makes the pair in its
    /// own table, so there is no cache of ours to keep in step.
    private func pair(_ style: Style) -> Int32 {
        guard usesColor, let (foreground, background) = ColorDegradation.cursesPair(style, colorCount: colorCount),
              foreground != -1 || background != -1
        else { return 0 }
        return max(0, alloc_pair(foreground, background))
    }

    // MARK: - Setup

    /// LC_ALL from the environment; if its codeset is not UTF-8, LC_CTYPE alone is switched to
    /// a UTF-8 locale, because ncursesw silently drops Hangul without one. Returns whether
    /// UTF-8 is in effect.
    static func prepareLocale() -> Bool {
        setlocale(LC_ALL, "")
        if codesetIsUTF8() { return true }
        for name in ["C.UTF-8", "en_US.UTF-8", "UTF-8"] where setlocale(LC_CTYPE, name) != nil {
            if codesetIsUTF8() { return true }
        }
        return false
    }

    private static func codesetIsUTF8() -> Bool {
        guard let codeset = honsim_codeset() else { return false }
        let name = String(cString: codeset).uppercased()
        return name == "UTF-8" || name == "UTF8"
    }

    /// A terminal without cursor addressing (cup) cannot show a full-screen dashboard.
    private static func canAddressCursor() -> Bool {
        guard let capability = tigetstr("cup") else { return false }
        return Int(bitPattern: capability) != -1
    }
}
