import Foundation
import HonsimCore
import TOMLKit

/// `[messages]`: the reminders sent the day before. A template with a placeholder honsim does
/// not know is not fatal: it is named as `file:line: key` in the warnings and the built-in
/// text is used, so a typo never sends "{tiem}" to a household.
extension DashboardConfig {
    /// The reminders' settings, with the run sheets' office phone (`[sheet] office_phone`) when
    /// `[messages]` names none: an office has one number.
    public var reminders: ReminderSettings {
        var settings = messages
        if settings.officePhone.isEmpty { settings.officePhone = sheet.officePhone }
        return settings
    }

    static let messageKeys = ["language", "office_phone", "sender", "timeout_seconds", "volunteer", "household"]

    mutating func readMessages(_ value: TOMLValueConvertible, text: String,
                               failure: ([String], String) -> ConfigError) throws(ConfigError) {
        let section = "messages"
        guard let table = value.table else { throw failure([section], "expected a [messages] table, found \(value.kindDescription)") }
        for name in ThemeLoader.inSourceOrder(table.keys, under: [section], in: text) {
            guard let setting = table[name] else { continue }
            let path = [section, name]
            switch name {
            case "language":
                guard let code = setting.string, let language = Language(rawValue: code.lowercased()) else {
                    throw failure(path, "expected \"ko\" or \"en\", found \(setting.kindDescription)")
                }
                messages.language = language
            case "office_phone":
                guard let phone = setting.string else { throw failure(path, "expected the office's phone in quotes, found \(setting.kindDescription)") }
                messages.officePhone = phone.trimmingSpaces()
            case "sender":
                messages.sender = try Self.senderCommand(setting, path: path, failure: failure)
            case "timeout_seconds":
                guard let seconds = setting.int, seconds >= 1 else {
                    throw failure(path, "expected whole seconds, at least 1, found \(setting.kindDescription)")
                }
                messages.timeoutSeconds = seconds
            case "volunteer", "household":
                guard let audience = ReminderAudience(rawValue: name), let texts = setting.table else {
                    throw failure(path, "expected a [messages.\(name)] table with ko and en texts, found \(setting.kindDescription)")
                }
                for code in ThemeLoader.inSourceOrder(texts.keys, under: path, in: text) {
                    guard let template = texts[code] else { continue }
                    guard let language = Language(rawValue: code) else { throw failure(path + [code], "unknown key (use ko, en)") }
                    guard let words = template.string else {
                        throw failure(path + [code], "expected the message's text in quotes, found \(template.kindDescription)")
                    }
                    let unknown = ReminderTemplates.unknownPlaceholders(in: words)
                    guard unknown.isEmpty else {
                        warnings.append(failure(path + [code], "unknown placeholder \(unknown.map { "{\($0)}" }.joined(separator: ", ")) "
                                                + "(use \(ReminderPlaceholder.names)); the built-in text is used"))
                        continue
                    }
                    messages.templates.texts[audience, default: [:]][language] = words
                }
            default:
                throw failure(path, "unknown key (use \(Self.messageKeys.joined(separator: ", ")))")
            }
        }
    }

    /// A program's path (or name on PATH), or a list: the program and its first arguments.
    private static func senderCommand(_ setting: TOMLValueConvertible, path: [String],
                                      failure: ([String], String) -> ConfigError) throws(ConfigError) -> [String] {
        let expected = "expected a program in quotes, or a list of the program and its arguments"
        if let program = setting.string { return program.isEmpty ? [] : [program] }
        guard let list = setting.array else { throw failure(path, "\(expected), found \(setting.kindDescription)") }
        var words: [String] = []
        for item in list {
            guard let word = item.string else { throw failure(path, "\(expected), found \(item.kindDescription) in the list") }
            words.append(word)
        }
        guard words.first.map({ !$0.isEmpty }) ?? true else { throw failure(path, "the program's name is empty") }
        return words
    }

    static var messagesDocumentation: String {
        """
        [messages]
        office_phone = "031-8045-1234"
            the office's phone, for {office_phone} in the texts
        language = "ko"
            the language the reminders are written in, "ko" or "en"
        sender = "/usr/local/bin/sms-send"
            optional: a program (or ["program", "arg", ...]) that 'honsim
            messages --send' runs per message: the text on standard input,
            the phone as its last argument; no shell
        timeout_seconds = 10
            a sender still running after this is stopped: failed
        [messages.volunteer]
        ko = "{volunteer}님, {date} {time} {place} ..."
            the texts for volunteers and ([messages.household]) households,
            ko and en; placeholders: {date}, {time}, {appointment}, {place},
            {hospital}, {name}, {volunteer}, {household}, {office_phone}
        """
    }
}
