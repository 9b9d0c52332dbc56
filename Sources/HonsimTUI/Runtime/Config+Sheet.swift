import Foundation
import TOMLKit

/// The run sheets' settings (`[sheet]`): the office's phone printed on every sheet, and the
/// folder the dashboard writes sheets to.
public struct SheetSettings: Equatable, Sendable {
    /// The office's phone, printed on each escort; empty leaves a line to write it on.
    public var officePhone = ""
    /// Where the dashboard writes sheets; empty: the folder the dashboard was started in,
    /// where it saves a pane's CSV too.
    public var folder = ""

    public init(officePhone: String = "", folder: String = "") {
        self.officePhone = officePhone
        self.folder = folder
    }

    static let keys = ["office_phone", "folder"]

    /// `[sheet]` as written in config.toml.
    static func parse(_ value: TOMLValueConvertible, text: String,
                      failure: ([String], String) -> ConfigError) throws(ConfigError) -> SheetSettings {
        guard let table = value.table else { throw failure(["sheet"], "expected a [sheet] table, found \(value.kindDescription)") }
        var settings = SheetSettings()
        for name in ThemeLoader.inSourceOrder(table.keys, under: ["sheet"], in: text) {
            guard let setting = table[name] else { continue }
            guard let word = setting.string else {
                throw failure(["sheet", name], "expected text in quotes, found \(setting.kindDescription)")
            }
            switch name {
            case "office_phone": settings.officePhone = word.trimmingCharacters(in: .whitespaces)
            case "folder": settings.folder = (word as NSString).expandingTildeInPath
            default: throw failure(["sheet", name], "unknown key (use \(keys.joined(separator: ", ")))")
            }
        }
        return settings
    }

    /// For `honsim dashboard --help`.
    static let documentation = """
        [sheet]
        office_phone = "031-000-0000"
            the office's phone printed on every run sheet
        folder = "~/동행일지"
            where the dashboard writes run sheets (default: where it started)
        """
}
