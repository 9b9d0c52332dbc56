import ArgumentParser
import Foundation
import HonsimCore
import HonsimStore
import HonsimTUI

/// How the dashboard looks, shared by `dashboard` and `demo`.
struct DisplayOptions: ParsableArguments {
    @Flag(help: "Draw lines with + - | (for terminals such as PuTTY whose line drawing is broken).") var ascii = false
    @Option(name: .customLong("ambiguous-width"), help: ArgumentHelp(
        "How wide the terminal draws characters such as ─ and ·: auto (ask it at start), narrow, or wide (PuTTY's \"CJK ambiguous characters as wide\", xterm -cjk_width: the screen is drawn in ASCII).",
        valueName: "auto|narrow|wide"))
    var ambiguousWidth: AmbiguousWidth?
    @Option(help: ArgumentHelp("A theme name (default, light, dark, high-contrast, deuteranopia, mono, kiosk) or a .toml file.", valueName: "name|path"))
    var theme: String?
    @Flag(name: .customLong("no-color"), help: "No colors, only bold and reverse (also when NO_COLOR is set).") var noColor = false
    @Flag(help: "Mask every name and phone on screen, for a screen others can see.") var masked = false
    @Flag(help: "Open the store read-only: a viewer, whatever your role, and nothing can be changed.") var readonly = false
    @Option(help: ArgumentHelp("A config file instead of $XDG_CONFIG_HOME/honsim/config.toml.", valueName: "path")) var config: String?
}

struct DashboardCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dashboard", abstract: "Open the full-screen dashboard (the default).",
        discussion: """
            Keys: ? help, Tab/Shift-Tab or 1 2 3 between panes, arrows or j/k within one, / filter \
            (Hangul, former dong names, initials such as ㅅㅅ), s sort, d dong scope, [ ] statistics period, \
            f volunteers free for the selected request, Enter details, I import a file (CSV or .xlsx, after a preview), \
            E save the focused pane as CSV, r refresh, q quit.

            \(DashboardConfig.documentation)
            """)
    @OptionGroup var options: StoreOptions
    @OptionGroup var display: DisplayOptions

    func run() async throws {
        try await reportingErrors(options.language) {
            let store = try await options.open(readOnly: display.readonly)
            try await Dashboard.open(store: store, options: options, display: display)
        }
    }
}

/// Wires the store, the terminal, the theme and the config to the dashboard's main loop.
enum Dashboard {
    static func open(store: any CaseStore, options: StoreOptions, display: DisplayOptions) async throws {
        ProcessMemory.limitArenas()
        var warnings: [String] = []
        let (config, configError) = DashboardConfig.load(path: display.config)
        if let configError { warnings.append("\(configError); using the default settings") }
        let language = options.lang.flatMap { Language(rawValue: $0.lowercased()) } ?? config.language ?? Language.fromEnvironment()
        var (theme, themeWarnings) = ThemeLoader.resolve(name: display.theme ?? config.theme, noColor: display.noColor)
        warnings += themeWarnings
        if let notice = ConsoleNotice.forTerminal(ProcessInfo.processInfo.environment["TERM"]) { warnings.insert(notice, at: 0) }
        let unknown = Keymap.unknownActions(in: config.keys)
        if !unknown.isEmpty { warnings.append("config: unknown actions in [keys]: \(unknown.joined(separator: ", "))") }
        // Who else can open the store's file: said first, and kept on the status bar.
        var optionsInLanguage = options
        optionsInLanguage.lang = language.rawValue
        let exposure = optionsInLanguage.exposureWarning()
        if let exposure { warnings.insert(exposure, at: 0) }

        // Asked before ncurses takes the screen: the answer decides how every frame is drawn.
        let lines = (display.ambiguousWidth ?? config.ambiguousWidth).lines(ascii: display.ascii || config.ascii, probe: TerminalProbe.ambiguousWidth)
        let terminal: NcursesTerminal
        do {
            terminal = try NcursesTerminal(lineDrawing: lines.isASCII, colors: !display.noColor)
        } catch {
            FileHandle.standardError.write(Data("honsim: \(error)\n".utf8))
            throw ExitCode(1)
        }
        if !terminal.usesColor { theme = .mono }
        let dongs = try await store.dongs()
        let access = try await store.access()
        // A person with dongs of their own starts on them, unless the settings say otherwise.
        let scope = config.defaultScope.isEmpty && !access.coversEveryDong
            ? access.dongCodes : Set(config.defaultScope.compactMap { dongs.resolve($0)?.code })
        var state = AppState(
            width: terminal.width, height: terminal.height, language: language, calendar: store.calendar, now: Date(),
            keymap: Keymap(overrides: config.keys), lines: lines,
            storeLabel: store.location, user: access.user, maskAll: display.masked, scope: scope)
        state.access = access
        state.session.storeExposed = exposure != nil
        state.idleAfter = config.idleMinutes > 0 ? TimeInterval(config.idleMinutes * 60) : nil
        state.vehicleRules = config.vehicleRules
        state.session.sheet = config.sheet
        // Said on screen at once, and again on the terminal after the dashboard closes.
        state.notice = warnings.first.map { "honsim: \($0)" }
        let runner = DashboardRunner(store: store, terminal: terminal, theme: theme, state: state,
                                     refreshInterval: TimeInterval(config.refreshIntervalMilliseconds) / 1000)
        let status = await runner.run()
        for warning in warnings { FileHandle.standardError.write(Data("honsim: \(warning)\n".utf8)) }
        if status != 0 { throw ExitCode(status) }
    }
}

extension AmbiguousWidth: ExpressibleByArgument {}

/// What honsim asks the terminal before ncurses takes it.
enum TerminalProbe {
    /// The terminal's answer about ambiguous-width characters, when standard input and output
    /// are a terminal that can be asked (not dumb).
    static func ambiguousWidth() -> AmbiguousWidth? {
        let term = ProcessInfo.processInfo.environment["TERM"] ?? ""
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1, !term.isEmpty, term != "dumb" else { return nil }
        return AmbiguousWidthProbe.probe(input: STDIN_FILENO, output: STDOUT_FILENO)
    }
}
