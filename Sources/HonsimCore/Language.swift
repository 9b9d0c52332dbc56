import Foundation

/// The languages of honsim's words. Korean is the default; every phrase has both, and the
/// compiler sees to it: a `Phrase` cannot be made without its English.
public enum Language: String, Sendable, Hashable, CaseIterable {
    case ko, en

    /// English when LC_ALL, LC_MESSAGES or LANG (in that order, as POSIX does) names an
    /// English locale; Korean otherwise.
    public static func fromEnvironment(_ environment: [String: String] = ProcessInfo.processInfo.environment) -> Language {
        for key in ["LC_ALL", "LC_MESSAGES", "LANG"] {
            guard let value = environment[key], !value.isEmpty else { continue }
            return value.lowercased().hasPrefix("en") ? .en : .ko
        }
        return .ko
    }
}

public struct Phrase: Sendable, Hashable {
    public let ko: String
    public let en: String

    public init(ko: String, en: String) {
        self.ko = ko
        self.en = en
    }

    public func text(_ language: Language) -> String { language == .ko ? ko : en }
}
