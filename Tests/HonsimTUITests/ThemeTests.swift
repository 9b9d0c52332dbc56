import Foundation
import Testing
@testable import HonsimTUI

/// The package's Themes/ folder, found from this file's path.
let packageThemesFolder = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Themes").path

func themeFiles() -> [String] {
    ((try? FileManager.default.contentsOfDirectory(atPath: packageThemesFolder)) ?? [])
        .filter { $0.hasSuffix(".toml") }.sorted()
}

@Suite("Theme files")
struct ThemeFileTests {
    @Test("Themes/ holds the themes the design promises")
    func promised() {
        let names = themeFiles().map { String($0.dropLast(5)) }
        for name in ["default", "light", "dark", "high-contrast", "deuteranopia", "mono", "kiosk"] {
            #expect(names.contains(name))
        }
    }

    @Test("every theme file parses and defines every role", arguments: themeFiles())
    func parsesCompletely(file: String) throws {
        let theme = try ThemeLoader.load(path: packageThemesFolder + "/" + file)
        #expect(theme.name == String(file.dropLast(5)))
        let missing = StyleRole.allCases.filter { theme.styles[$0] == nil }
        #expect(missing.isEmpty, "\(file) leaves out \(missing.map(\.rawValue))")
    }

    @Test("each built-in theme equals its file, and every file is built in", arguments: themeFiles())
    func builtInMatchesFile(file: String) throws {
        let name = String(file.dropLast(5))
        let fromFile = try ThemeLoader.load(path: packageThemesFolder + "/" + file)
        #expect(ThemeLoader.builtIn(named: name) == fromFile, "update BuiltInThemes.swift from Themes/\(file)")
    }

    @Test("no built-in theme without a file")
    func noStrayBuiltIns() {
        #expect(ThemeLoader.builtInNames == themeFiles().map { String($0.dropLast(5)) })
        #expect(ThemeLoader.builtInDefault.name == "default")
    }

    @Test("mono.toml is exactly Theme.mono")
    func monoMatches() throws {
        #expect(try ThemeLoader.load(path: packageThemesFolder + "/mono.toml") == Theme.mono)
    }

    @Test("the default theme uses the terminal's pair, and paints both colors where it paints one")
    func defaultSafeOnLightAndDark() {
        let theme = ThemeLoader.builtInDefault
        #expect(theme.style(.normal) == Style())
        for (role, style) in theme.styles {
            #expect((style.foreground == .none) == (style.background == .none), "\(role.rawValue) sets one color and leaves the other")
        }
        // Meaning still has a color: urgent and errors are painted red, warnings amber.
        #expect(ColorDegradation.cursesColor(theme.style(.urgent).background, colorCount: 8) == 1)
        #expect(ColorDegradation.cursesColor(theme.style(.warning).background, colorCount: 8) == 3)
    }

    @Test("deuteranopia: nothing urgent, erroneous or ok is red or green, and urgent differs from a warning")
    func deuteranopia() throws {
        let theme = try #require(ThemeLoader.builtIn(named: "deuteranopia"))
        func family(_ color: TerminalColor) -> Int32? { ColorDegradation.cursesColor(color, colorCount: 8) }
        for role in [StyleRole.urgent, .error, .ok, .warning, .badge, .statusKey] {
            let style = theme.style(role)
            #expect(![1, 2].contains(family(style.background)) && ![1, 2].contains(family(style.foreground)), "\(role.rawValue)")
        }
        #expect(theme.style(.urgent) != theme.style(.warning))
    }
}

@Suite("Theme parsing")
struct ThemeParsingTests {
    @Test("colors by name, index, #RRGGBB and default; attributes")
    func example() throws {
        let theme = try ThemeLoader.parse("""
            name = "example"
            [styles]
            normal = { fg = "default", bg = "default" }
            title = { fg = "cyan", bold = true }
            urgent = { fg = "#d70000", bold = true, reverse = false }
            border = { fg = 244 }
            muted = { fg = "bright_black", dim = true, underline = true }
            badge = { fg = "Bright-Blue", bg = "black", reverse = true }
            """, file: "example.toml")
        #expect(theme.name == "example")
        #expect(theme.style(.normal) == Style())
        #expect(theme.style(.title) == Style(foreground: .ansi(6), attributes: .bold))
        #expect(theme.style(.urgent) == Style(foreground: .rgb(0xD7, 0, 0), attributes: .bold))
        #expect(theme.style(.border) == Style(foreground: .palette(244)))
        #expect(theme.style(.muted) == Style(foreground: .ansi(8), attributes: [.dim, .underline]))
        #expect(theme.style(.badge) == Style(foreground: .ansi(12), background: .ansi(0), attributes: .reverse))
        #expect(theme.style(.chartBar) == Style())  // left out: drawn as normal
    }

    @Test("a role as a table of its own, and the name from the file when absent")
    func tableForm() throws {
        let theme = try ThemeLoader.parse("[styles.urgent]\nfg = \"red\"\nbold = true\n", file: "/tmp/x/mine.toml")
        #expect(theme.name == "mine")
        #expect(theme.style(.urgent) == Style(foreground: .ansi(1), attributes: .bold))
    }

    static let darkWithTypo = """
        # dark, with a typo
        name = "dark"

        [styles]
        normal = { fg = "default" }
        title = { fg = 81, bold = true }
        urgent = { fg = "reddish", bold = true }
        """

    @Test("a bad color names file, line and key")
    func badColor() {
        #expect(throws: ThemeError(file: "dark.toml", line: 7, key: "styles.urgent.fg",
                                   message: "'reddish' is not a color (use a name like \"red\", 0–255, or \"#RRGGBB\")")) {
            try ThemeLoader.parse(Self.darkWithTypo, file: "dark.toml")
        }
        let error = #expect(throws: ThemeError.self) { try ThemeLoader.parse(Self.darkWithTypo, file: "dark.toml") }
        #expect(error?.description == "dark.toml:7: styles.urgent.fg: 'reddish' is not a color (use a name like \"red\", 0–255, or \"#RRGGBB\")")
    }

    @Test("semantic errors", arguments: [
        ("[styles]\nnormal = {}\nurgentt = { fg = \"red\" }\n", 3, "styles.urgentt", "unknown role"),
        ("[styles]\nurgent = { bold = \"yes\" }\n", 2, "styles.urgent.bold", "expected true or false, found a string"),
        ("[styles]\n\nborder = { fg = 300 }\n", 3, "styles.border.fg", "300 is not a color"),
        ("[styles]\nborder = { fg = \"#12345\" }\n", 2, "styles.border.fg", "'#12345' is not a color"),
        ("[styles]\nborder = { fg = true }\n", 2, "styles.border.fg", "expected a color"),
        ("[styles]\nborder = { blink = true }\n", 2, "styles.border.blink", "unknown key"),
        ("[styles]\nborder = \"red\"\n", 2, "styles.border", "expected a table like"),
        ("name = \"x\"\ncolours = 1\n[styles]\n", 2, "colours", "unknown key"),
        ("name = \"x\"\n", nil, "styles", "missing"),
        ("[styles.title]\nbold = true\n\n[styles.urgent]\nfg = \"rouge\"\n", 5, "styles.urgent.fg", "'rouge' is not a color"),
    ] as [(String, Int?, String, String)])
    func semanticErrors(text: String, line: Int?, key: String, message: String) {
        let error = #expect(throws: ThemeError.self) { try ThemeLoader.parse(text, file: "t.toml") }
        #expect(error?.line == line)
        #expect(error?.key == key)
        #expect(error?.message.contains(message) == true, "\(error?.description ?? "")")
    }

    @Test("a syntax error gives TOMLKit's line")
    func syntaxError() {
        let error = #expect(throws: ThemeError.self) {
            try ThemeLoader.parse("name = \"x\"\n[styles]\nnormal = { fg = \"red\"\n", file: "broken.toml")
        }
        #expect(error?.line == 3)
        #expect(error?.description.hasPrefix("broken.toml:3: not valid TOML") == true)
    }

    @Test("the line finder ignores # in strings and finds inline keys")
    func locator() {
        let text = "a = \"#x\" # c\n[t]\nk = { fg = \"#fff\", bg = 1 }\n[t.u]\nfg = 2\n"
        #expect(TOMLLocation.line(of: ["a"], in: text) == 1)
        #expect(TOMLLocation.line(of: ["t", "k", "bg"], in: text) == 3)
        #expect(TOMLLocation.line(of: ["t", "u", "fg"], in: text) == 5)
        #expect(TOMLLocation.line(of: ["t", "zz"], in: text) == 2)
        #expect(TOMLLocation.stripComment("x = \"#a\" # b") == "x = \"#a\" ")
    }
}
