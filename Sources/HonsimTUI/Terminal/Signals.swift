import CNcurses

/// SIGINT, SIGTERM and SIGHUP while the dashboard owns the terminal.
///
/// Why a flag and not cleanup in the handler: a signal can arrive in the middle of a curses
/// call or a malloc, and endwin, stdio and Swift code are not async-signal-safe. So the C
/// handler (CNcurses/shim.c) only stores the signal number in a lock-free atomic, and the
/// main loop, which polls at least every 100 ms, sees it between events, closes the terminal
/// and exits with 128 + the signal, as a shell expects of a process killed by it.
enum TerminalSignals {
    /// Installs the handlers (again a no-op when they already are).
    static func install() -> Bool {
        honsim_clear_pending_signal()
        return honsim_signals_install() == 0
    }

    /// Puts back the handlers that were there before `install`.
    static func restore() { honsim_signals_restore() }

    /// The signal caught since `install`, if any.
    static var pending: Int32? {
        let signal = honsim_pending_signal()
        return signal == 0 ? nil : signal
    }

    static func clear() { honsim_clear_pending_signal() }
}
