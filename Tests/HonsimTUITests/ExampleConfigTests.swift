import Foundation
import Testing
@testable import HonsimTUI

/// The example settings file the package installs (packaging/config.example.toml): every setting
/// honsim knows is in it, and with its # taken away each line is what the reader is told.
@Suite("The example settings file")
struct ExampleConfigTests {
    static let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("packaging/config.example.toml").path

    @Test func asShippedItIsTheDefaults() throws {
        let text = try String(contentsOfFile: Self.path, encoding: .utf8)
        #expect(try DashboardConfig.parse(text, file: Self.path) == DashboardConfig())
    }

    @Test func everySettingIsThereAndParsesWhenUncommented() throws {
        let text = try String(contentsOfFile: Self.path, encoding: .utf8)
        // A setting is a line "#key = value" or "#[table]"; prose has a space after the #.
        let uncommented = text.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
            line.hasPrefix("#") && !line.hasPrefix("# ") && line.count > 1 ? String(line.dropFirst()) : String(line)
        }.joined(separator: "\n")
        let config = try DashboardConfig.parse(uncommented, file: Self.path)
        for key in DashboardConfig.knownKeys {
            #expect(uncommented.contains("\n\(key) =") || uncommented.contains("\n[\(key)]"), "\(key) is not in the example")
        }
        #expect(config.theme == "default" && config.language == .ko && config.refreshIntervalMilliseconds == 1000)
        #expect(config.defaultScope == ["충훈동", "호계1동"] && config.ascii == false)
        #expect(config.backupKeep == 14 && config.logLevel == "info")
        #expect(config.keys["quit"] == [.character("q"), .control("x")] && config.keys["assign.search"] == [.character("s")])
        #expect(config.vehicleRules == .anyang, "the example's centers are the built-in ones, written out")
    }

    @Test func backupAndLogSettingsSayWhatIsWrong() throws {
        #expect(throws: ConfigError.self) { try DashboardConfig.parse("[backup]\nkeep = -1\n", file: "c.toml") }
        #expect(throws: ConfigError.self) { try DashboardConfig.parse("[log]\nlevel = \"loud\"\n", file: "c.toml") }
        #expect(throws: ConfigError.self) { try DashboardConfig.parse("[backup]\nfolder = \"/x\"\n", file: "c.toml") }
        let config = try DashboardConfig.parse("[backup]\nkeep = 0\n[log]\nlevel = \"Warning\"\n", file: "c.toml")
        #expect(config.backupKeep == 0 && config.logLevel == "warning")
    }
}
