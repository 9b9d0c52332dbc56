import ArgumentParser
import Foundation
import HonsimCore
import HonsimStore
import HonsimTUI

/// `honsim kiosk`: the display in the welfare center's hall. Read-only at the connection
/// level, masked throughout, and no key changes anything.
struct KioskCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kiosk", abstract: "The welfare center's hall display: today's escorts and this month's figures, read-only.",
        discussion: """
            Rotates between today's escorts (households masked, volunteers by initials), the city's and each gu's \
            figures for this month in large numbers, and per-dong bars. The store is opened read-only: nothing on this \
            screen can change it. It keeps running when the store cannot be reached (it says so and retries) and \
            follows terminal resizes. q asks before closing; no other key does anything.
            """)

    @OptionGroup var options: StoreOptions
    @Option(help: ArgumentHelp("Seconds each view stays on screen (3 to 3600).", valueName: "seconds")) var rotate = 15
    @Option(help: ArgumentHelp("The views to rotate, in order, comma-separated: board, figures, dongs.", valueName: "views"))
    var views = "board,figures,dongs"
    @Flag(help: "Draw lines and figures with ASCII characters (PuTTY and other terminals whose line drawing is broken).") var ascii = false
    @Option(name: .customLong("ambiguous-width"), help: ArgumentHelp(
        "How wide the display draws characters such as ─ and ·: auto (ask it at start), narrow, or wide (drawn in ASCII).",
        valueName: "auto|narrow|wide"))
    var ambiguousWidth: AmbiguousWidth = .auto
    @Option(help: ArgumentHelp("A theme name or .toml file; the kiosk theme by default.", valueName: "name|path")) var theme = "kiosk"
    @Flag(name: .customLong("no-color"), help: "No colors, only bold and reverse (also when NO_COLOR is set).") var noColor = false

    var parsedViews: [KioskView] {
        views.split(separator: ",").compactMap { KioskView(rawValue: $0.trimmingCharacters(in: .whitespaces).lowercased()) }
    }

    func validate() throws {
        guard (3...3600).contains(rotate) else { throw ValidationError("--rotate must be between 3 and 3600 seconds, not \(rotate)") }
        let words = views.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        if let unknown = words.first(where: { KioskView(rawValue: $0) == nil }) {
            throw ValidationError("--views: '\(unknown)' is not one of board, figures, dongs")
        }
        guard !words.isEmpty else { throw ValidationError("--views needs at least one of board, figures, dongs") }
    }

    func run() async throws {
        ProcessMemory.limitArenas()
        let language = options.language
        var options = options
        // A center that has only tried the demo sees the demo, rather than a message.
        if options.store == nil, let demo = DataFolder.demoWhenAlone() { options.store = demo }
        let chosenOptions = options
        // A SQLite file may be moved or replaced under a kiosk that runs for days; a PostgreSQL
        // store stays where it is, and its pool reconnects by itself.
        let connection = KioskConnection(
            open: { try await chosenOptions.open(readOnly: true) },
            isCurrent: { ($0 as? SQLiteStore)?.isStillAtItsPath ?? true })
        // The store's own calendar when it can be read now; the city's time zone otherwise,
        // until it can.
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: SQLiteStore.defaultTimeZone) ?? .current
        calendar.firstWeekday = 2
        let opened = try? await connection.open()
        if let opened { calendar = opened.calendar }

        // A theme's warning is said on the terminal when the kiosk closes, not on the hall's screen.
        var (resolved, warnings) = ThemeLoader.resolve(name: theme, noColor: noColor)
        if let notice = ConsoleNotice.forTerminal(ProcessInfo.processInfo.environment["TERM"]) { warnings.insert(notice, at: 0) }
        var chosen = resolved
        let lines = ambiguousWidth.lines(ascii: ascii, probe: TerminalProbe.ambiguousWidth)
        let terminal: NcursesTerminal
        do {
            terminal = try NcursesTerminal(lineDrawing: lines.isASCII, colors: !noColor)
        } catch {
            FileHandle.standardError.write(Data("honsim: \(error)\n".utf8))
            throw ExitCode(1)
        }
        if !terminal.usesColor { chosen = .mono }
        var state = KioskState(width: terminal.width, height: terminal.height, language: language, calendar: calendar, now: Date(),
                               lines: lines, views: parsedViews, rotateSeconds: TimeInterval(rotate))
        // The centers' booking rules, for 차량 미확정 on the board; a mistake in the file is said
        // on the terminal when the kiosk closes, and the built-in rules are used.
        let (settings, settingsError) = DashboardConfig.load()
        state.vehicleRules = settings.vehicleRules
        if let settingsError { warnings.append("config: \(settingsError)") }
        let runner = KioskRunner(connection: connection, opened: opened, terminal: terminal, theme: chosen, state: state)
        let status = await runner.run()
        for warning in warnings { FileHandle.standardError.write(Data("honsim: \(warning)\n".utf8)) }
        if status != 0 { throw ExitCode(status) }
    }
}
