import Foundation
import HonsimStore

/// Finds and loads themes. `resolve` is what the dashboard calls: it never fails, it falls back
/// to the built-in default theme and says why in a warning.
public enum ThemeLoader {
    public static let defaultName = "default"

    /// The built-in default theme (Themes/default.toml, compiled in).
    public static let builtInDefault: Theme = builtIn(named: defaultName) ?? .mono

    /// A theme compiled into the binary, so an installed honsim always has its themes.
    public static func builtIn(named name: String) -> Theme? {
        guard let text = BuiltInThemes.sources[name] else { return nil }
        return try? parse(text, file: "\(name).toml")
    }

    public static var builtInNames: [String] { BuiltInThemes.sources.keys.sorted() }

    /// Loads a theme file.
    public static func load(path: String) throws(ThemeError) -> Theme {
        guard FileManager.default.fileExists(atPath: path) else { throw ThemeError(file: path, message: "no such file") }
        guard let data = FileManager.default.contents(atPath: path) else { throw ThemeError(file: path, message: "cannot be read") }
        guard let text = String(data: data, encoding: .utf8) else { throw ThemeError(file: path, message: "is not UTF-8 text") }
        return try parse(text, file: path)
    }

    /// The theme to draw with, and warnings to show when the requested one could not be used.
    ///
    /// - NO_COLOR set to a non-empty value (no-color.org) or `noColor`: Theme.mono.
    /// - `name` with a "/" or ending in ".toml": that file (relative to `workingDirectory`).
    /// - otherwise a name, looked up as NAME.toml in `$XDG_CONFIG_HOME/honsim/themes`
    ///   (~/.config when unset), then `Themes/` in the working directory, then `Themes/` of the
    ///   package the binary was built in (found walking up from the executable, as `swift run`
    ///   puts it in .build/<config>/), then the built-in themes.
    /// - nil: "default", looked up the same way, so a user's default.toml overrides ours.
    public static func resolve(
        name: String?, noColor: Bool,
        environment: [String: String] = ProcessInfo.processInfo.environment,
        workingDirectory: String = FileManager.default.currentDirectoryPath,
        executableDirectory: String? = Bundle.main.executableURL?.resolvingSymlinksInPath().deletingLastPathComponent().path
    ) -> (Theme, warnings: [String]) {
        if noColor || !(environment["NO_COLOR"] ?? "").isEmpty { return (.mono, []) }
        let requested = (name ?? "").trimmingCharacters(in: .whitespaces)
        let fallback = "; using the default theme"

        if isPath(requested) {
            let path = absolute(requested, environment: environment, workingDirectory: workingDirectory)
            do throws(ThemeError) {
                return (try load(path: path), [])
            } catch {
                return (builtInDefault, ["theme \(error)\(fallback)"])
            }
        }

        let themeName = requested.isEmpty ? defaultName : requested
        let folders = searchFolders(environment: environment, workingDirectory: workingDirectory, executableDirectory: executableDirectory)
        for folder in folders {
            let path = (folder as NSString).appendingPathComponent("\(themeName).toml")
            guard FileManager.default.fileExists(atPath: path) else { continue }
            do throws(ThemeError) {
                return (try load(path: path), [])
            } catch {
                return (builtInDefault, ["theme \(error)\(fallback)"])
            }
        }
        if let theme = builtIn(named: themeName) { return (theme, []) }
        let known = availableNames(folders: folders).joined(separator: ", ")
        return (builtInDefault, ["no theme named '\(themeName)' (themes: \(known))\(fallback)"])
    }

    /// Every theme name `resolve` can find, for help text and error messages.
    public static func availableNames(
        environment: [String: String] = ProcessInfo.processInfo.environment,
        workingDirectory: String = FileManager.default.currentDirectoryPath,
        executableDirectory: String? = Bundle.main.executableURL?.resolvingSymlinksInPath().deletingLastPathComponent().path
    ) -> [String] {
        availableNames(folders: searchFolders(environment: environment, workingDirectory: workingDirectory, executableDirectory: executableDirectory))
    }

    static func availableNames(folders: [String]) -> [String] {
        var names = Set(builtInNames)
        for folder in folders {
            let files = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
            for file in files where file.hasSuffix(".toml") { names.insert(String(file.dropLast(5))) }
        }
        return names.sorted()
    }

    /// The folders searched for NAME.toml, in order.
    static func searchFolders(environment: [String: String], workingDirectory: String, executableDirectory: String?) -> [String] {
        var folders = [
            (ConfigDirectory.honsim(environment: environment) as NSString).appendingPathComponent("themes"),
            (workingDirectory as NSString).appendingPathComponent("Themes"),
        ]
        if let package = PackageFolder.find("Themes", workingDirectory: workingDirectory, executableDirectory: executableDirectory) {
            folders.append(package)
        }
        var seen = Set<String>()
        return folders.map { ($0 as NSString).standardizingPath }.filter { seen.insert($0).inserted }
    }

    static func isPath(_ name: String) -> Bool { name.contains("/") || name.hasSuffix(".toml") }

    static func absolute(_ path: String, environment: [String: String], workingDirectory: String) -> String {
        if path == "~" || path.hasPrefix("~/") {
            return ConfigDirectory.home(environment: environment) + path.dropFirst()
        }
        if path.hasPrefix("/") { return path }
        return ((workingDirectory as NSString).appendingPathComponent(path) as NSString).standardizingPath
    }
}

/// Where honsim's settings live: $XDG_CONFIG_HOME/honsim, or ~/.config/honsim when it is unset
/// (the XDG Base Directory rule: a relative XDG_CONFIG_HOME is ignored too).
enum ConfigDirectory {
    static func honsim(environment: [String: String]) -> String {
        let base: String
        if let xdg = environment["XDG_CONFIG_HOME"], xdg.hasPrefix("/") {
            base = xdg
        } else {
            base = (home(environment: environment) as NSString).appendingPathComponent(".config")
        }
        return (base as NSString).appendingPathComponent("honsim")
    }

    static func home(environment: [String: String]) -> String {
        if let home = environment["HOME"], !home.isEmpty { return home }
        return NSHomeDirectory()
    }
}
