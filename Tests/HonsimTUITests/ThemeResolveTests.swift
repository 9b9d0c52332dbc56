import Foundation
import Testing
@testable import HonsimTUI

@Suite("Theme resolution")
struct ThemeResolveTests {
    /// A temporary home with an XDG config folder and a working directory, both empty.
    final class Sandbox {
        let root: String
        init() throws {
            root = NSTemporaryDirectory() + "honsim-theme-\(UUID().uuidString)"
            try FileManager.default.createDirectory(atPath: root + "/config/honsim/themes", withIntermediateDirectories: true)
            try FileManager.default.createDirectory(atPath: root + "/work", withIntermediateDirectories: true)
        }
        deinit { try? FileManager.default.removeItem(atPath: root) }

        var environment: [String: String] { ["XDG_CONFIG_HOME": root + "/config", "HOME": root] }
        func write(_ text: String, to path: String) throws {
            try FileManager.default.createDirectory(atPath: ((root + "/" + path) as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try text.write(toFile: root + "/" + path, atomically: true, encoding: .utf8)
        }
        func resolve(_ name: String?, noColor: Bool = false, extra: [String: String] = [:], executable: String? = nil) -> (Theme, warnings: [String]) {
            ThemeLoader.resolve(name: name, noColor: noColor, environment: environment.merging(extra) { $1 },
                                workingDirectory: root + "/work", executableDirectory: executable)
        }
    }

    static let green = "name = \"green\"\n[styles]\nnormal = { fg = \"green\" }\n"

    @Test("NO_COLOR with any non-empty value, or --no-color, gives mono")
    func noColor() throws {
        let sandbox = try Sandbox()
        #expect(sandbox.resolve("dark", extra: ["NO_COLOR": "1"]).0 == .mono)
        #expect(sandbox.resolve(nil, extra: ["NO_COLOR": "yes please"]).0 == .mono)
        #expect(sandbox.resolve("dark", noColor: true).0 == .mono)
        #expect(sandbox.resolve(nil, extra: ["NO_COLOR": ""]).0.name == "default")  // empty means unset (no-color.org)
    }

    @Test("no name: the built-in default, without warnings")
    func builtInDefault() throws {
        let (theme, warnings) = try Sandbox().resolve(nil)
        #expect(theme == ThemeLoader.builtInDefault)
        #expect(warnings.isEmpty)
    }

    @Test("built-in themes by name when no file is found")
    func builtInByName() throws {
        let (theme, warnings) = try Sandbox().resolve("high-contrast")
        #expect(theme.name == "high-contrast" && warnings.isEmpty)
    }

    @Test("the user's config folder comes first, then ./Themes")
    func searchOrder() throws {
        let sandbox = try Sandbox()
        try sandbox.write(Self.green.replacingOccurrences(of: "green\"\n[", with: "from-work\"\n["), to: "work/Themes/dark.toml")
        #expect(sandbox.resolve("dark").0.name == "from-work")
        try sandbox.write(Self.green.replacingOccurrences(of: "green\"\n[", with: "from-config\"\n["), to: "config/honsim/themes/dark.toml")
        #expect(sandbox.resolve("dark").0.name == "from-config")
    }

    @Test("~/.config when XDG_CONFIG_HOME is unset")
    func homeConfig() throws {
        let sandbox = try Sandbox()
        try sandbox.write(Self.green, to: ".config/honsim/themes/green.toml")
        let theme = ThemeLoader.resolve(name: "green", noColor: false, environment: ["HOME": sandbox.root],
                                        workingDirectory: sandbox.root + "/work", executableDirectory: nil).0
        #expect(theme.style(.normal).foreground == .ansi(2))
    }

    @Test("Themes/ of the package the binary was built in, found from .build/debug")
    func packageFolder() throws {
        let sandbox = try Sandbox()
        try sandbox.write("// swift-tools-version:6.1\n", to: "pkg/Package.swift")
        try sandbox.write(Self.green, to: "pkg/Themes/green.toml")
        try FileManager.default.createDirectory(atPath: sandbox.root + "/pkg/.build/x86_64-unknown-linux-gnu/debug", withIntermediateDirectories: true)
        let (theme, warnings) = sandbox.resolve("green", executable: sandbox.root + "/pkg/.build/x86_64-unknown-linux-gnu/debug")
        #expect(theme.name == "green" && warnings.isEmpty)
    }

    @Test("a path, absolute, relative or with ~")
    func paths() throws {
        let sandbox = try Sandbox()
        try sandbox.write(Self.green, to: "work/my/green.toml")
        #expect(sandbox.resolve("my/green.toml").0.name == "green")
        #expect(sandbox.resolve(sandbox.root + "/work/my/green.toml").0.name == "green")
        #expect(sandbox.resolve("~/work/my/green.toml").0.name == "green")
        let (theme, warnings) = sandbox.resolve("my/missing.toml")
        #expect(theme == ThemeLoader.builtInDefault)
        #expect(warnings.first?.contains("missing.toml: no such file") == true)
    }

    @Test("a malformed theme warns with the error and falls back to the default")
    func malformed() throws {
        let sandbox = try Sandbox()
        try sandbox.write("[styles]\nurgent = { fg = \"reddish\" }\n", to: "config/honsim/themes/bad.toml")
        let (theme, warnings) = sandbox.resolve("bad")
        #expect(theme == ThemeLoader.builtInDefault)
        #expect(warnings.count == 1)
        #expect(warnings.first?.contains("bad.toml:2: styles.urgent.fg: 'reddish' is not a color") == true)
        #expect(warnings.first?.hasSuffix("using the default theme") == true)
    }

    @Test("an unknown name warns and lists the themes there are")
    func unknownName() throws {
        let (theme, warnings) = try Sandbox().resolve("solarized")
        #expect(theme == ThemeLoader.builtInDefault)
        #expect(warnings.first?.contains("no theme named 'solarized'") == true)
        #expect(warnings.first?.contains("kiosk") == true)
    }
}
