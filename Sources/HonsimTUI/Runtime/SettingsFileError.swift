/// A TOML file of ours (a theme, the config) that cannot be used, with where and why, as
/// `file:line: key: message`: a person can go straight to the line.
public struct SettingsFileError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The file as it was named (a path, or a bare file name for built-in text).
    public var file: String
    /// 1-based; nil when the place cannot be told (an unreadable file).
    public var line: Int?
    /// The dotted key, e.g. "styles.urgent.fg"; nil for a syntax error.
    public var key: String?
    public var message: String

    public init(file: String, line: Int? = nil, key: String? = nil, message: String) {
        self.file = file
        self.line = line
        self.key = key
        self.message = message
    }

    public var description: String {
        let place = line.map { "\(file):\($0)" } ?? file
        return key.map { "\(place): \($0): \(message)" } ?? "\(place): \(message)"
    }
}
