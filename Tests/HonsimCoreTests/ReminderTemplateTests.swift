import HonsimCore
import Testing

/// The reminders' templates: placeholders filled, unknown ones found, braces that hold no word
/// kept as written, and the built-in texts in both languages using only known placeholders.
@Suite("Reminder templates")
struct ReminderTemplateTests {
    @Test func placeholdersAreFilledAndOtherBracesKept() {
        let text = ReminderTemplates.render("{name}님 {time} {place} { } {office_phone} {", values: [
            .name: "김순자", .time: "09:40", .officePhone: "031-8045-1234",
        ])
        #expect(text == "김순자님 09:40  { } 031-8045-1234 {")
        #expect(ReminderTemplates.render("{tiem}", values: [.time: "09:40"]) == "{tiem}")
    }

    @Test func unknownPlaceholdersAreFoundInOrder() {
        #expect(ReminderTemplates.unknownPlaceholders(in: "{household} {tiem} {{plce}} {time} { x }") == ["tiem", "plce"])
        #expect(ReminderTemplates.unknownPlaceholders(in: "no braces").isEmpty)
    }

    @Test func theBuiltInTextsUseKnownPlaceholdersOnlyInBothLanguages() {
        for audience in ReminderAudience.allCases {
            for language in [Language.ko, .en] {
                let text = ReminderTemplates.defaults.text(for: audience, language: language)
                #expect(!text.isEmpty && ReminderTemplates.unknownPlaceholders(in: text).isEmpty)
                #expect(text.contains("{office_phone}") && text.contains("{time}") && text.contains("{hospital}"))
            }
        }
    }
}
