import Foundation
import TOMLKit

/// A theme file that cannot be used, with where and why:
/// `dark.toml:7: styles.urgent.fg: 'reddish' is not a color (use a name like "red", 0–255, or "#RRGGBB")`.
public typealias ThemeError = SettingsFileError

extension ThemeLoader {
    static let colorHint = "use a name like \"red\", 0–255, or \"#RRGGBB\""
    static let attributeKeys: [(String, TextAttributes)] = [
        ("bold", .bold), ("dim", .dim), ("reverse", .reverse), ("underline", .underline),
    ]

    /// Parses a theme's TOML text. `file` names it in errors; its stem is the theme's name
    /// when the text has no `name`. Roles left out are drawn in the `normal` style.
    public static func parse(_ text: String, file: String) throws(ThemeError) -> Theme {
        let table: TOMLTable
        do {
            table = try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            throw ThemeError(file: file, line: error.source.begin.line, message: "not valid TOML: \(error.description)")
        } catch {
            throw ThemeError(file: file, message: "not valid TOML: \(error)")
        }
        func failure(_ path: [String], _ message: String) -> ThemeError {
            ThemeError(file: file, line: TOMLLocation.line(of: path, in: text), key: path.joined(separator: "."), message: message)
        }

        for key in inSourceOrder(table.keys, under: [], in: text) where !["name", "description", "styles"].contains(key) {
            throw failure([key], "unknown key (a theme has name, description and [styles])")
        }
        var name = ((file as NSString).lastPathComponent as NSString).deletingPathExtension
        if let value = table["name"] {
            guard let string = value.string else { throw failure(["name"], "expected a name in quotes, found \(value.kindDescription)") }
            guard !string.isEmpty else { throw failure(["name"], "must not be empty") }
            name = string
        }
        if let value = table["description"], value.string == nil {
            throw failure(["description"], "expected text in quotes, found \(value.kindDescription)")
        }
        guard let stylesValue = table["styles"] else { throw failure(["styles"], "missing: a theme needs a [styles] table") }
        guard let styles = stylesValue.table else { throw failure(["styles"], "expected a table, found \(stylesValue.kindDescription)") }

        var result: [StyleRole: Style] = [:]
        for roleName in inSourceOrder(styles.keys, under: ["styles"], in: text) {
            let path = ["styles", roleName]
            guard let role = StyleRole(rawValue: roleName) else {
                throw failure(path, "unknown role (roles: \(StyleRole.allCases.map(\.rawValue).joined(separator: ", ")))")
            }
            guard let entry = styles[roleName], let fields = entry.table else {
                throw failure(path, "expected a table like { fg = \"cyan\", bold = true }, found \(styles[roleName]?.kindDescription ?? "nothing")")
            }
            result[role] = try style(fields, path: path, failure: failure)
        }
        return Theme(name: name, styles: result)
    }

    private static func style(_ fields: TOMLTable, path: [String], failure: ([String], String) -> ThemeError) throws(ThemeError) -> Style {
        var style = Style()
        for key in fields.keys {
            guard let value = fields[key] else { continue }
            let keyPath = path + [key]
            switch key {
            case "fg", "bg":
                guard let color = color(value) else {
                    let shown = value.string.map { "'\($0)'" } ?? value.int.map(String.init)
                    throw failure(keyPath, shown.map { "\($0) is not a color (\(colorHint))" } ?? "expected a color (\(colorHint)), found \(value.kindDescription)")
                }
                if key == "fg" { style.foreground = color } else { style.background = color }
            default:
                guard let attribute = attributeKeys.first(where: { $0.0 == key })?.1 else {
                    throw failure(keyPath, "unknown key (use fg, bg, bold, dim, reverse, underline)")
                }
                guard let on = value.bool else { throw failure(keyPath, "expected true or false, found \(value.kindDescription)") }
                if on { style.attributes.insert(attribute) }
            }
        }
        return style
    }

    /// A color as a theme writes it: "default", an ANSI name, 0–255, or "#RRGGBB".
    static func color(_ value: TOMLValueConvertible) -> TerminalColor? {
        if let index = value.int { return (0...255).contains(index) ? .palette(UInt8(index)) : nil }
        guard let text = value.string?.trimmingCharacters(in: .whitespaces).lowercased() else { return nil }
        return color(named: text)
    }

    static func color(named text: String) -> TerminalColor? {
        if text == "default" || text == "none" { return TerminalColor.none }
        if text.hasPrefix("#") {
            let hex = text.dropFirst()
            guard hex.count == 6, let value = UInt32(hex, radix: 16) else { return nil }
            return .rgb(UInt8((value >> 16) & 0xFF), UInt8((value >> 8) & 0xFF), UInt8(value & 0xFF))
        }
        let name = text.replacingOccurrences(of: "-", with: "_")
        if name == "gray" || name == "grey" { return .ansi(8) }
        let bright = name.hasPrefix("bright_")
        guard let index = ansiNames.firstIndex(of: bright ? String(name.dropFirst(7)) : name) else { return nil }
        return .ansi(UInt8(index + (bright ? 8 : 0)))
    }

    static let ansiNames = ["black", "red", "green", "yellow", "blue", "magenta", "cyan", "white"]

    /// Keys in the order they appear in the text, so the first error reported is the first
    /// one a reader meets (TOMLKit hands keys over sorted).
    static func inSourceOrder(_ keys: [String], under path: [String], in text: String) -> [String] {
        keys.map { ($0, TOMLLocation.line(of: path + [$0], in: text) ?? Int.max) }
            .sorted { ($0.1, $0.0) < ($1.1, $1.0) }
            .map(\.0)
    }
}
