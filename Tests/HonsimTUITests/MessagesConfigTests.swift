import Foundation
import HonsimCore
import Testing
@testable import HonsimTUI

/// `[messages]` in config.toml: the texts, the office phone, the sender; a template with an
/// unknown placeholder named as file:line:key with the built-in text used instead; the rest
/// of the file still in force.
@Suite("Reminder settings")
struct MessagesConfigTests {
    @Test func theSettingsAndTextsAreRead() throws {
        let config = try DashboardConfig.parse("""
            language = "en"
            [messages]
            office_phone = " 031-8045-1234 "
            language = "en"
            sender = ["/usr/local/bin/sms", "--from", "0318045000"]
            timeout_seconds = 3
            [messages.volunteer]
            ko = "{name}님 {time}"
            en = "{name}, {time}"
            """, file: "config.toml")
        #expect(config.messages.officePhone == "031-8045-1234" && config.messages.language == .en)
        #expect(config.messages.sender == ["/usr/local/bin/sms", "--from", "0318045000"] && config.messages.timeoutSeconds == 3)
        #expect(config.messages.templates.text(for: .volunteer, language: .ko) == "{name}님 {time}")
        #expect(config.messages.templates.text(for: .household, language: .en) == ReminderTemplates.defaults.text(for: .household, language: .en))
        #expect(config.warnings.isEmpty)
        #expect(try DashboardConfig.parse("[messages]\nsender = \"sms-send\"\n", file: "c.toml").messages.sender == ["sms-send"])
    }

    @Test func anUnknownPlaceholderIsNamedByFileLineAndKeyAndTheDefaultIsUsed() throws {
        let text = """
            theme = "dark"

            [messages]
            office_phone = "031-8045-1234"

            [messages.household]
            en = "{household}, see you at {tiem} at {plce}"
            ko = "{household}님 {time}"
            """
        let config = try DashboardConfig.parse(text, file: "/home/kim/.config/honsim/config.toml")
        #expect(config.warnings.map(\.description) == [
            "/home/kim/.config/honsim/config.toml:7: messages.household.en: unknown placeholder {tiem}, {plce} "
                + "(use {date}, {time}, {appointment}, {place}, {hospital}, {name}, {volunteer}, {household}, {office_phone}); "
                + "the built-in text is used",
        ])
        #expect(config.messages.templates.text(for: .household, language: .en) == ReminderTemplates.defaults.text(for: .household, language: .en))
        #expect(config.messages.templates.text(for: .household, language: .ko) == "{household}님 {time}", "the good one is kept")
        #expect(config.theme == "dark" && config.messages.officePhone == "031-8045-1234", "the rest of the file in force")
    }

    @Test func aWrongValueSaysWhereAndWhat() {
        func problem(_ text: String) -> String? {
            do { _ = try DashboardConfig.parse(text, file: "c.toml"); return nil } catch { return error.description }
        }
        #expect(problem("[messages]\ntimeout_seconds = 0\n") == "c.toml:2: messages.timeout_seconds: expected whole seconds, at least 1, found an integer")
        #expect(problem("[messages]\nsender = 5\n")?.hasPrefix("c.toml:2: messages.sender: expected a program in quotes") == true)
        #expect(problem("[messages]\nphone = \"x\"\n")?.hasPrefix("c.toml:2: messages.phone: unknown key (use language, office_phone") == true)
        #expect(problem("[messages.household]\nfr = \"x\"\n") == "c.toml:2: messages.household.fr: unknown key (use ko, en)")
    }
}
