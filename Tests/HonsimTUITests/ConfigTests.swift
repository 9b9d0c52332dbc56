import Foundation
import HonsimCore
import Testing
@testable import HonsimTUI

@Suite("Dashboard config")
struct ConfigTests {
    @Test("every key")
    func everyKey() throws {
        let config = try DashboardConfig.parse("""
            # my settings
            theme = "dark"
            language = "en"
            refresh_interval_ms = 500
            default_scope = ["충훈동", "안양1동"]
            ascii = true
            ambiguous_width = "wide"

            [keys]
            quit = ["q", "ctrl-c"]
            refresh = "F5"
            assign = ["enter", "a"]
            frobnicate = ["x"]
            """, file: "config.toml")
        #expect(config.theme == "dark")
        #expect(config.language == .en)
        #expect(config.refreshIntervalMilliseconds == 500)
        #expect(config.defaultScope == ["충훈동", "안양1동"])
        #expect(config.ascii)
        #expect(config.ambiguousWidth == .wide)
        #expect(config.keys["quit"] == [.character("q"), .control("c")])
        #expect(config.keys["refresh"] == [.function(5)])
        #expect(config.keys["assign"] == [.enter, .character("a")])
        #expect(config.keys["frobnicate"] == [.character("x")])  // kept for the caller to judge
    }

    @Test("an empty file is the defaults")
    func defaults() throws {
        let config = try DashboardConfig.parse("", file: "config.toml")
        #expect(config == DashboardConfig())
        #expect(config.refreshIntervalMilliseconds == 1000 && config.theme == nil && config.language == nil)
        #expect(!config.ascii && config.keys.isEmpty && config.defaultScope.isEmpty && config.ambiguousWidth == .auto)
    }

    @Test("errors name the file, the line and the key", arguments: [
        ("theme = \"dark\"\nrefresh_interval_ms = 50\n", 2, "refresh_interval_ms", "50 is too short (at least 100)"),
        ("refresh_interval_ms = \"fast\"\n", 1, "refresh_interval_ms", "expected milliseconds"),
        ("\n\nlanguage = \"fr\"\n", 3, "language", "expected \"ko\" or \"en\", found 'fr'"),
        ("ascii = \"yes\"\n", 1, "ascii", "expected true or false, found a string"),
        ("ascii = true\nambiguous_width = \"double\"\n", 2, "ambiguous_width", "expected \"auto\", \"narrow\" or \"wide\", found 'double'"),
        ("default_scope = \"충훈동\"\n", 1, "default_scope", "expected a list of dong names"),
        ("default_scope = [\"충훈동\", 3]\n", 1, "default_scope", "expected dong names in quotes, found an integer"),
        ("theme = \"x\"\ncolour = \"red\"\n", 2, "colour", "unknown key (use theme, language"),
        ("[keys]\nquit = [\"q\"]\nrefresh = [\"F5\", \"hyper-r\"]\n", 3, "keys.refresh", "'hyper-r' is not a key"),
        ("[keys]\nquit = [1]\n", 2, "keys.quit", "expected key names in quotes"),
        ("keys = 3\n", 1, "keys", "expected a [keys] table"),
    ] as [(String, Int, String, String)])
    func errors(text: String, line: Int, key: String, message: String) {
        let error = #expect(throws: ConfigError.self) { try DashboardConfig.parse(text, file: "config.toml") }
        #expect(error?.line == line)
        #expect(error?.key == key)
        #expect(error?.message.contains(message) == true, "\(error?.description ?? "")")
        #expect(error?.description.hasPrefix("config.toml:\(line): \(key): ") == true)
    }

    @Test("a syntax error has TOMLKit's line")
    func syntax() {
        let error = #expect(throws: ConfigError.self) { try DashboardConfig.parse("theme = \"dark\"\nascii = \n", file: "c.toml") }
        #expect(error?.line == 2)
        #expect(error?.key == nil)
    }

    @Test("a missing file is the defaults, a malformed one the defaults and an error")
    func loading() throws {
        let folder = NSTemporaryDirectory() + "honsim-config-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let environment = ["XDG_CONFIG_HOME": folder, "HOME": "/nonexistent"]
        #expect(DashboardConfig.defaultPath(environment: environment) == folder + "/honsim/config.toml")
        #expect(DashboardConfig.defaultPath(environment: ["HOME": "/home/kim"]) == "/home/kim/.config/honsim/config.toml")

        let missing = DashboardConfig.load(environment: environment)
        #expect(missing.config == DashboardConfig() && missing.error == nil)

        try FileManager.default.createDirectory(atPath: folder + "/honsim", withIntermediateDirectories: true)
        try "theme = \"light\"\nrefresh_interval_ms = 250\n".write(toFile: folder + "/honsim/config.toml", atomically: true, encoding: .utf8)
        let good = DashboardConfig.load(environment: environment)
        #expect(good.config.theme == "light" && good.config.refreshIntervalMilliseconds == 250 && good.error == nil)

        try "theme = \"light\"\nascii = 1\n".write(toFile: folder + "/honsim/config.toml", atomically: true, encoding: .utf8)
        let bad = DashboardConfig.load(environment: environment)
        #expect(bad.config == DashboardConfig())
        #expect(bad.error?.description == folder + "/honsim/config.toml:2: ascii: expected true or false, found an integer")
    }

    @Test("the documentation names every key and parses as its own example")
    func documentation() throws {
        let text = DashboardConfig.documentation
        for key in DashboardConfig.knownKeys { #expect(text.contains(key)) }
        // The settings themselves, unindented, make a config file of their own.
        let example = text.split(separator: "\n").filter { line in
            ["[keys]", "[backup]", "[series]", "[log]", "[sheet]", "[rules]"].contains(line) || line.hasPrefix("[vehicles.")
                || (!line.hasPrefix(" ") && line.range(of: #"^[a-z_]+ = "#, options: .regularExpression) != nil)
        }.joined(separator: "\n")
        #expect(example.contains("[keys]") && example.contains("default_scope"))
        let config = try DashboardConfig.parse(example, file: "example")
        #expect(config.theme == "dark" && config.keys["refresh"] == [.function(5), .control("r")])
        #expect(config.backupKeep == 14 && config.logLevel == "info" && config.seriesHorizonDays == 28)
        #expect(config.vehicleRules == .anyang, "the centers' example is the built-in voucher taxi written out")
        #expect(config.sheet.officePhone == "031-000-0000" && config.sheet.folder.hasSuffix("/동행일지"))
    }

    @Test("[sheet] takes the office's phone and a folder, and names an unknown key with its line")
    func sheetSettings() throws {
        let config = try DashboardConfig.parse("[sheet]\noffice_phone = \" 031-389-0000 \"\nfolder = \"/srv/sheets\"\n", file: "c.toml")
        #expect(config.sheet == SheetSettings(officePhone: "031-389-0000", folder: "/srv/sheets"))
        #expect(throws: ConfigError.self) { try DashboardConfig.parse("[sheet]\nphone = \"1\"\n", file: "c.toml") }
        do {
            _ = try DashboardConfig.parse("theme = \"dark\"\n[sheet]\noffice_phone = 31\n", file: "c.toml")
            Issue.record("a number for the phone is refused")
        } catch {
            #expect(error.description == "c.toml:3: sheet.office_phone: expected text in quotes, found an integer")
        }
    }
}

@Suite("Config key specs")
struct ConfigKeySpecTests {
    @Test("specs as people write them", arguments: [
        ("q", Key.character("q")), ("Q", .character("Q")), ("?", .character("?")), ("/", .character("/")),
        ("F5", .function(5)), ("f12", .function(12)), ("ctrl-r", .control("r")), ("Ctrl-R", .control("r")),
        ("c-x", .control("x")), ("^l", .control("l")), ("ctrl-i", .tab), ("ctrl-m", .enter), ("ctrl-h", .backspace),
        ("tab", .tab), ("shift-tab", .backTab), ("enter", .enter), ("return", .enter), ("esc", .escape),
        ("up", .up), ("↓", .down), ("pgdn", .pageDown), ("PgUp", .pageUp), ("home", .home), ("end", .end),
        ("space", .character(" ")), ("backspace", .backspace), ("del", .delete), ("가", .character("가")),
    ])
    func parse(spec: String, key: Key) {
        #expect(KeySpec.parse(spec) == key)
    }

    @Test("not keys", arguments: ["", "ctrl-", "ctrl-1", "F0", "F99", "hyper-x", "qq", "alt-x"])
    func invalid(spec: String) {
        #expect(KeySpec.parse(spec) == nil)
    }

    @Test("described for the help screen")
    func describe() {
        #expect(KeySpec.describe(.character("q")) == "q")
        #expect(KeySpec.describe(.function(5)) == "F5")
        #expect(KeySpec.describe(.control("r")) == "Ctrl-R")
        #expect(KeySpec.describe(.tab) == "Tab")
        #expect(KeySpec.describe(.backTab) == "Shift-Tab")
        #expect(KeySpec.describe(.up) == "↑")
        #expect(KeySpec.describe(.character(" ")) == "Space")
    }

    @Test("every key survives describe → parse")
    func roundTrip() {
        let keys: [Key] = [
            .character("q"), .character("Q"), .character("?"), .character(" "), .character("가"),
            .up, .down, .left, .right, .pageUp, .pageDown, .home, .end,
            .enter, .escape, .tab, .backTab, .backspace, .delete,
        ] + (1...12).map(Key.function) + "abcdefgklnopqrstuvwxyz".map(Key.control)
        for key in keys {
            #expect(KeySpec.parse(KeySpec.describe(key)) == key, "\(key) → \(KeySpec.describe(key))")
        }
        for spec in ["q", "F5", "ctrl-r", "tab", "shift-tab", "enter", "esc", "up", "pgdn"] {
            let key = KeySpec.parse(spec)
            #expect(key.map { KeySpec.parse(KeySpec.describe($0)) } == key)
        }
    }
}
