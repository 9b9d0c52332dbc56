import Foundation
import HonsimCore
import TOMLKit

/// The dashboard's settings from `$XDG_CONFIG_HOME/honsim/config.toml`
/// (`~/.config/honsim/config.toml`). Every key is optional; command-line options win over it.
public struct DashboardConfig: Equatable, Sendable {
    public static let defaultRefreshIntervalMilliseconds = 1000
    public static let minimumRefreshIntervalMilliseconds = 100
    public static let defaultIdleMinutes = 5
    public static let defaultRetentionYears = 5

    /// A theme name or a path to a theme file; nil means the default theme.
    public var theme: String?
    /// nil: from the locale (Language.fromEnvironment).
    public var language: Language?
    public var refreshIntervalMilliseconds: Int
    /// Dong names the dashboard opens scoped to; empty is every dong the user may see.
    public var defaultScope: [String]
    /// Draw lines with + - | instead of box-drawing characters.
    public var ascii: Bool
    /// How wide the terminal draws East Asian ambiguous characters: asked at start (auto),
    /// or said here for a terminal that does not answer.
    public var ambiguousWidth: AmbiguousWidth
    /// Action name → the keys bound to it, as written; a dialog's or form's key as
    /// `table.action` (from `[keys.assign]`). Names are kept as given: the keymap knows the
    /// actions and reports an unknown one.
    public var keys: [String: [Key]]
    /// Minutes without a key after which the dashboard hides everything until a key; 0 never.
    public var idleMinutes: Int = DashboardConfig.defaultIdleMinutes
    /// Years a closed household's personal details are kept: `honsim purge` without a day
    /// destroys those of households closed longer ago.
    public var retentionYears: Int = DashboardConfig.defaultRetentionYears
    /// How many backups `honsim backup FOLDER` keeps there (`[backup] keep`); 0 keeps all.
    public var backupKeep: Int = DashboardConfig.defaultBackupKeep
    /// How many days ahead a standing series' dates are made (`[series] horizon_days`).
    public var seriesHorizonDays: Int = StandingSeries.defaultHorizonDays
    /// What the log records (`[log] level`): trace, debug, info, notice, warning, error, critical.
    public var logLevel: String?
    /// The centers that book vehicles, their numbers, deadlines and hours (`[vehicles]`).
    public var vehicleRules: VehicleRules = .anyang
    /// The run sheets' office phone and folder (`[sheet]`).
    public var sheet = SheetSettings()
    /// The `[rules]` section: the council's rules an admin imports into the store
    /// (`honsim rules import`); the dashboard works by the store's (Config+Rules.swift).
    public var councilRules: CouncilRulesFile?
    public static let defaultBackupKeep = 14
    public static let logLevels = ["trace", "debug", "info", "notice", "warning", "error", "critical"]

    public init(
        theme: String? = nil, language: Language? = nil,
        refreshIntervalMilliseconds: Int = DashboardConfig.defaultRefreshIntervalMilliseconds,
        defaultScope: [String] = [], ascii: Bool = false, ambiguousWidth: AmbiguousWidth = .auto, keys: [String: [Key]] = [:]
    ) {
        self.theme = theme
        self.language = language
        self.refreshIntervalMilliseconds = refreshIntervalMilliseconds
        self.defaultScope = defaultScope
        self.ascii = ascii
        self.ambiguousWidth = ambiguousWidth
        self.keys = keys
    }

    /// `$XDG_CONFIG_HOME/honsim/config.toml`, or `~/.config/honsim/config.toml`.
    public static func defaultPath(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        (ConfigDirectory.honsim(environment: environment) as NSString).appendingPathComponent("config.toml")
    }

    /// The settings at `path` (the default path when nil). A missing file gives the defaults
    /// and no error; a malformed one gives the defaults and the error, for the caller to show.
    public static func load(
        path: String? = nil, environment: [String: String] = ProcessInfo.processInfo.environment
    ) -> (config: DashboardConfig, error: ConfigError?) {
        let path = path ?? defaultPath(environment: environment)
        guard FileManager.default.fileExists(atPath: path) else { return (DashboardConfig(), nil) }
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
            return (DashboardConfig(), ConfigError(file: path, message: "cannot be read as UTF-8 text"))
        }
        do throws(ConfigError) {
            return (try parse(text, file: path), nil)
        } catch {
            return (DashboardConfig(), error)
        }
    }

    /// Parses the text of a config file; `file` names it in errors.
    public static func parse(_ text: String, file: String) throws(ConfigError) -> DashboardConfig {
        let table: TOMLTable
        do {
            table = try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            throw ConfigError(file: file, line: error.source.begin.line, message: "not valid TOML: \(error.description)")
        } catch {
            throw ConfigError(file: file, message: "not valid TOML: \(error)")
        }
        func failure(_ path: [String], _ message: String) -> ConfigError {
            ConfigError(file: file, line: TOMLLocation.line(of: path, in: text), key: path.joined(separator: "."), message: message)
        }
        func found(_ value: TOMLValueConvertible) -> String { "found \(value.kindDescription)" }

        var config = DashboardConfig()
        for key in ThemeLoader.inSourceOrder(table.keys, under: [], in: text) {
            guard let value = table[key] else { continue }
            switch key {
            case "theme":
                guard let theme = value.string else { throw failure([key], "expected a theme name in quotes, \(found(value))") }
                config.theme = theme.isEmpty ? nil : theme
            case "language":
                guard let code = value.string, let language = Language(rawValue: code.lowercased()) else {
                    throw failure([key], "expected \"ko\" or \"en\", \(value.string.map { "found '\($0)'" } ?? found(value))")
                }
                config.language = language
            case "refresh_interval_ms":
                guard let interval = value.int else { throw failure([key], "expected milliseconds as a whole number, \(found(value))") }
                guard interval >= minimumRefreshIntervalMilliseconds else {
                    throw failure([key], "\(interval) is too short (at least \(minimumRefreshIntervalMilliseconds))")
                }
                config.refreshIntervalMilliseconds = interval
            case "default_scope":
                guard let list = value.array else { throw failure([key], "expected a list of dong names like [\"충훈동\"], \(found(value))") }
                config.defaultScope = try list.map { (item: TOMLValueConvertible) throws(ConfigError) -> String in
                    guard let name = item.string else { throw failure([key], "expected dong names in quotes, \(found(item))") }
                    return name
                }
            case "ascii":
                guard let flag = value.bool else { throw failure([key], "expected true or false, \(found(value))") }
                config.ascii = flag
            case "ambiguous_width":
                guard let word = value.string, let width = AmbiguousWidth(rawValue: word.lowercased()) else {
                    throw failure([key], "expected \"auto\", \"narrow\" or \"wide\", \(value.string.map { "found '\($0)'" } ?? found(value))")
                }
                config.ambiguousWidth = width
            case "idle_minutes":
                guard let minutes = value.int, minutes >= 0 else {
                    throw failure([key], "expected minutes as a whole number (0: never hide), \(found(value))")
                }
                config.idleMinutes = minutes
            case "retention_years":
                guard let years = value.int, years >= 1 else {
                    throw failure([key], "expected whole years, at least 1, \(found(value))")
                }
                config.retentionYears = years
            case "keys":
                guard let bindings = value.table else { throw failure([key], "expected a [keys] table, \(found(value))") }
                for action in ThemeLoader.inSourceOrder(bindings.keys, under: ["keys"], in: text) {
                    guard let binding = bindings[action] else { continue }
                    // A table of its own is a dialog's or form's keys: `[keys.assign]`.
                    if let dialog = binding.table {
                        for name in ThemeLoader.inSourceOrder(dialog.keys, under: ["keys", action], in: text) {
                            guard let keys = dialog[name] else { continue }
                            config.keys["\(action).\(name)"] = try keySpecs(keys, path: ["keys", action, name], failure: failure)
                        }
                        continue
                    }
                    config.keys[action] = try keySpecs(binding, path: ["keys", action], failure: failure)
                }
            case "backup":
                guard let backup = value.table else { throw failure([key], "expected a [backup] table, \(found(value))") }
                for name in ThemeLoader.inSourceOrder(backup.keys, under: [key], in: text) {
                    guard let setting = backup[name] else { continue }
                    guard name == "keep" else { throw failure([key, name], "unknown key (use keep)") }
                    guard let count = setting.int, count >= 0 else {
                        throw failure([key, name], "expected how many backups to keep as a whole number (0 keeps all), \(found(setting))")
                    }
                    config.backupKeep = count
                }
            case "series":
                config.seriesHorizonDays = try seriesHorizon(value, text: text, failure: failure)
            case "log":
                guard let log = value.table else { throw failure([key], "expected a [log] table, \(found(value))") }
                for name in ThemeLoader.inSourceOrder(log.keys, under: [key], in: text) {
                    guard let setting = log[name] else { continue }
                    guard name == "level" else { throw failure([key, name], "unknown key (use level)") }
                    guard let level = setting.string?.lowercased(), logLevels.contains(level) else {
                        throw failure([key, name], "expected one of \(logLevels.joined(separator: ", ")), \(found(setting))")
                    }
                    config.logLevel = level
                }
            case "vehicles":
                guard let vehicles = value.table else { throw failure([key], "expected a [vehicles] table, \(found(value))") }
                config.vehicleRules = try parseVehicles(vehicles, text: text, failure: failure)
            case "sheet":
                config.sheet = try SheetSettings.parse(value, text: text, failure: failure)
            case "rules":
                guard let rules = value.table else { throw failure([key], "expected a [rules] table, \(found(value))") }
                config.councilRules = CouncilRulesFile.parse(rules, text: text, file: file)
            default:
                throw failure([key], "unknown key (use \(knownKeys.joined(separator: ", ")))")
            }
        }
        return config
    }

    /// Names joined by ", " in lines that stay under 76 columns.
    private static func wrapped(_ names: [String]) -> [String] {
        var lines: [String] = [], line = "    "
        for (index, name) in names.enumerated() {
            let piece = name + (index == names.count - 1 ? "" : ",")
            if line.count + piece.count + 1 > 74 { lines.append(line); line = "    " }
            line += (line == "    " ? "" : " ") + piece
        }
        return lines + [line]
    }

    static let knownKeys = ["theme", "language", "refresh_interval_ms", "default_scope", "ascii", "ambiguous_width", "idle_minutes",
                            "retention_years", "keys", "backup", "log", "vehicles", "sheet", "series", "rules"]

    /// A binding: one key spec or a list of them.
    private static func keySpecs(
        _ value: TOMLValueConvertible, path: [String], failure: ([String], String) -> ConfigError
    ) throws(ConfigError) -> [Key] {
        let specs: [TOMLValueConvertible] = value.array.map { Array($0) } ?? [value]
        var keys: [Key] = []
        for spec in specs {
            guard let text = spec.string else {
                throw failure(path, "expected key names in quotes like [\"q\", \"F5\", \"ctrl-r\"], found \(spec.kindDescription)")
            }
            guard let key = KeySpec.parse(text) else {
                throw failure(path, "'\(text)' is not a key (e.g. \"q\", \"F5\", \"ctrl-r\", \"tab\", \"shift-tab\", \"enter\", \"esc\", \"up\", \"pgdn\")")
            }
            keys.append(key)
        }
        return keys
    }

    /// The file's keys, for `honsim dashboard --help`.
    /// For `honsim dashboard --help`. Lines stay under 76 columns so that the help
    /// formatter does not fold them.
    public static var documentation: String {
        let actions = Action.allCases.map(\.rawValue)
        var actionLines: [String] = []
        var line = "    "
        for action in actions {
            if line.count + action.count + 2 > 74 { actionLines.append(line); line = "    " }
            line += action + (action == actions.last ? "" : ",")
            if action != actions.last { line += " " }
        }
        actionLines.append(line)
        actionLines = actionLines.map { $0.replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression) }
        let dialogLines = wrapped(DialogKeymaps.tables.keys.sorted())
        return """
            Settings: $XDG_CONFIG_HOME/honsim/config.toml (~/.config/honsim/...).
            Every setting is optional; command-line options win over the file.

            theme = "dark"
                default, light, dark, high-contrast, deuteranopia, mono, kiosk,
                a NAME from ~/.config/honsim/themes/NAME.toml, or a .toml path
            language = "ko"
                "ko" or "en"; by default from the locale, Korean otherwise
            refresh_interval_ms = 1000
                how often the screen refreshes without a key (at least 100)
            default_scope = ["충훈동", "호계1동"]
                the dongs the dashboard opens with (current or former names)
            ascii = false
                true draws lines with + - | for terminals without box drawing
            ambiguous_width = "auto"
                how wide the terminal draws characters such as the line and
                the dot: "auto" asks it at start; "wide" (PuTTY's "CJK
                ambiguous characters as wide", xterm -cjk_width) draws the
                screen in ASCII; "narrow" as most terminals
            idle_minutes = 5
                minutes without a key before the screen hides every name (0: never)
            retention_years = 5
                years 'honsim purge' keeps a closed household's personal details
            [keys]
            quit = ["q", "ctrl-x"]
            refresh = ["F5", "ctrl-r"]
                an action and its keys: a character, F1-F12, ctrl-LETTER, tab,
                shift-tab, enter, esc, space, up, down, left, right, pgup,
                pgdn, home, end, backspace, delete. The actions:
            \(actionLines.joined(separator: "\n"))
            [keys.assign]
            search = "s"
                a dialog's or form's own keys, in a table named after it:
            \(dialogLines.joined(separator: "\n"))
                the help (?) lists every table with its actions and keys
            [backup]
            keep = 14
                how many backups 'honsim backup FOLDER' keeps there (0: all)
            [series]
            horizon_days = 28
                how many days ahead a standing series' dates are made (1-366)
            [log]
            level = "info"
                trace, debug, info, notice, warning, error or critical
            [vehicles."바우처택시"]
            phone = "031-400-7990"
            transports = ["taxi"]
            days_ahead = 1
            cutoff = "18:00"
            hours = "07:00-18:00"
            days = ["mon", "tue", "wed", "thu", "fri", "sat"]
                a center that books vehicles: 착한수레 and 바우처택시 are built
                in (Anyang's); [vehicles] warning_hours = 24 flags an escort
                that long before its booking deadline
            \(SheetSettings.documentation)
            [rules]
            uses_per_month = 4
                the council's rules, which an admin imports into the store
                with 'honsim rules import'; the dashboard works by the
                store's rules (see 'honsim rules --help')

            NO_COLOR=1 in the environment turns colors off whatever the theme.
            """
    }
}

/// A settings file that cannot be used, with where and why:
/// `config.toml:4: refresh_interval_ms: 50 is too short (at least 100)`.
public typealias ConfigError = SettingsFileError

/// Keys as people write them in the settings file and read them on the help screen.
public enum KeySpec {
    private static let named: [(names: [String], key: Key, shown: String)] = [
        (["up", "↑"], .up, "↑"), (["down", "↓"], .down, "↓"),
        (["left", "←"], .left, "←"), (["right", "→"], .right, "→"),
        (["pgup", "pageup", "page-up"], .pageUp, "PgUp"), (["pgdn", "pagedown", "page-down", "pgdown"], .pageDown, "PgDn"),
        (["home"], .home, "Home"), (["end"], .end, "End"),
        (["enter", "return", "ret"], .enter, "Enter"), (["esc", "escape"], .escape, "Esc"),
        (["tab"], .tab, "Tab"), (["shift-tab", "backtab", "s-tab"], .backTab, "Shift-Tab"),
        (["backspace", "bs"], .backspace, "Backspace"), (["delete", "del"], .delete, "Del"),
        (["space", "spc"], .character(" "), "Space"),
    ]

    /// "q", "Q", "?", "F5", "ctrl-r" (also "c-r", "^r"), "tab", "shift-tab", "enter", "esc",
    /// "up", "pgdn", "space", … Names are case-insensitive; a single character is taken as is.
    /// Ctrl-I, Ctrl-M and Ctrl-H are what terminals send for Tab, Enter and Backspace.
    public static func parse(_ spec: String) -> Key? {
        let trimmed = spec.trimmingCharacters(in: .whitespaces)
        let lower = trimmed.lowercased().replacingOccurrences(of: "_", with: "-")
        if let entry = named.first(where: { $0.names.contains(lower) }) { return entry.key }
        if trimmed.count == 1, let character = trimmed.first { return .character(character) }
        if lower.hasPrefix("f"), let number = Int(lower.dropFirst()), (1...24).contains(number) { return .function(number) }
        for prefix in ["ctrl-", "ctrl+", "control-", "c-", "^"] where lower.hasPrefix(prefix) {
            let rest = lower.dropFirst(prefix.count)
            guard rest.count == 1, let letter = rest.first, letter.isASCII, letter.isLetter else { return nil }
            switch letter {
            case "i": return .tab
            case "m", "j": return .enter
            case "h": return .backspace
            default: return .control(letter)
            }
        }
        return nil
    }

    /// How the help screen shows a key: "q", "F5", "Ctrl-R", "Tab", "Shift-Tab", "↑".
    public static func describe(_ key: Key) -> String {
        if let entry = named.first(where: { $0.key == key }) { return entry.shown }
        switch key {
        case .character(let character): return String(character)
        case .function(let number): return "F\(number)"
        case .control(let letter): return "Ctrl-\(letter.uppercased())"
        default: return "\(key)"
        }
    }
}
