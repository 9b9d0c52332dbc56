import Foundation

/// A word in braces that a reminder template may hold, and what it becomes.
public enum ReminderPlaceholder: String, Sendable, Hashable, CaseIterable {
    /// The escort's day, `2026-12-01 (화)`.
    case date
    /// The pickup time, `09:40`.
    case time
    /// The appointment's time at the hospital.
    case appointment
    /// Where the volunteer meets the household.
    case place
    /// The hospital and its department.
    case hospital
    /// The person the message goes to, as the sender's role may show the name.
    case name
    /// The volunteer's name, as the role may show it.
    case volunteer
    /// The household's name, as the role may show it.
    case household
    /// The office's phone (`[messages] office_phone`).
    case officePhone = "office_phone"

    public static var names: String { allCases.map { "{\($0.rawValue)}" }.joined(separator: ", ") }
}

/// The texts of the reminders sent the day before: one for volunteers and one for households,
/// in Korean and in English, with placeholders in braces (`{time}`).
public struct ReminderTemplates: Sendable, Hashable {
    /// By the party the message goes to (volunteer or household) and the language.
    public var texts: [ReminderAudience: [Language: String]]

    public init(texts: [ReminderAudience: [Language: String]] = [:]) {
        self.texts = texts
    }

    /// Calm, short texts that fit a long SMS, in both languages.
    public static let defaults = ReminderTemplates(texts: [
        .volunteer: [
            .ko: "[병원 동행] {volunteer}님, {date} {time}에 {place}에서 {household}님을 만나 {hospital}({appointment} 진료)에 함께 가 주세요. 못 가시게 되면 {office_phone}로 꼭 연락 주세요.",
            .en: "[Hospital escort] {volunteer}, on {date} please meet {household} at {place} at {time} and go with them to {hospital} (appointment {appointment}). If you cannot go, please call {office_phone}.",
        ],
        .household: [
            .ko: "[병원 동행] {household}님, {date} {time}에 {place}(으)로 동행 봉사자 {volunteer}님이 찾아갑니다. {hospital} 진료는 {appointment}입니다. 바뀐 일정이 있으면 {office_phone}로 연락 주세요.",
            .en: "[Hospital escort] {household}, on {date} at {time} the volunteer {volunteer} will meet you at {place} for {hospital} (appointment {appointment}). If anything has changed, please call {office_phone}.",
        ],
    ])

    /// The text for `audience` in `language`: the configured one, else the built-in default.
    public func text(for audience: ReminderAudience, language: Language) -> String {
        texts[audience]?[language] ?? ReminderTemplates.defaults.texts[audience]?[language] ?? ""
    }

    /// The words in braces that are not placeholders, in the order they appear.
    public static func unknownPlaceholders(in template: String) -> [String] {
        placeholders(in: template).filter { ReminderPlaceholder(rawValue: $0) == nil }
    }

    /// Fills a template. A placeholder with no value becomes empty; braces that hold no word
    /// (`{ }`, a lone `{`) are kept as written.
    public static func render(_ template: String, values: [ReminderPlaceholder: String]) -> String {
        var out = ""
        var rest = Substring(template)
        while let open = rest.firstIndex(of: "{") {
            out += rest[..<open]
            let after = rest[rest.index(after: open)...]
            guard let close = after.firstIndex(of: "}"), isWord(after[..<close]) else {
                out += "{"
                rest = after
                continue
            }
            let word = String(after[..<close])
            out += ReminderPlaceholder(rawValue: word).map { values[$0] ?? "" } ?? "{\(word)}"
            rest = after[after.index(after: close)...]
        }
        return out + rest
    }

    private static func placeholders(in template: String) -> [String] {
        var found: [String] = []
        var rest = Substring(template)
        while let open = rest.firstIndex(of: "{") {
            let after = rest[rest.index(after: open)...]
            guard let close = after.firstIndex(of: "}") else { break }
            if isWord(after[..<close]) { found.append(String(after[..<close])) }
            rest = isWord(after[..<close]) ? after[after.index(after: close)...] : after
        }
        return found
    }

    private static func isWord(_ text: Substring) -> Bool {
        !text.isEmpty && text.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" }
    }
}

/// Whom a reminder goes to: the volunteer, or the household (its own phone).
public enum ReminderAudience: String, Sendable, Hashable, CaseIterable, Codable {
    case volunteer, household

    public var party: ContactParty { self == .volunteer ? .volunteer : .household }
}

/// The reminders' settings (`[messages]` in config): the texts, the language they are written
/// in, the office's phone, and the optional sender command with its timeout.
public struct ReminderSettings: Sendable, Hashable {
    public static let defaultTimeoutSeconds = 10

    public var templates: ReminderTemplates
    /// The language of the messages, whatever the screen's: the people who get them read Korean.
    public var language: Language
    public var officePhone: String
    /// The sender: a program and its first arguments; the phone is added as the last one.
    /// Empty: no sender, the list is saved for a bulk-SMS web service instead.
    public var sender: [String]
    public var timeoutSeconds: Int

    public init(templates: ReminderTemplates = ReminderTemplates(), language: Language = .ko, officePhone: String = "",
                sender: [String] = [], timeoutSeconds: Int = ReminderSettings.defaultTimeoutSeconds) {
        self.templates = templates
        self.language = language
        self.officePhone = officePhone
        self.sender = sender
        self.timeoutSeconds = timeoutSeconds
    }
}

/// One reminder ready to go: to whom (as the role may show the name), the phone, the text.
public struct Reminder: Sendable, Hashable {
    public var requestID: Int64
    public var householdID: Int64
    public var day: CivilDate
    public var audience: ReminderAudience
    public var name: String
    public var phone: String
    public var text: String

    public init(requestID: Int64, householdID: Int64, day: CivilDate, audience: ReminderAudience, name: String, phone: String, text: String) {
        self.requestID = requestID
        self.householdID = householdID
        self.day = day
        self.audience = audience
        self.name = name
        self.phone = phone
        self.text = text
    }

    /// The message record this reminder makes in `state`.
    public func record(_ state: MessageRecord.State, exitStatus: Int? = nil, detail: String = "") -> MessageRecord {
        MessageRecord(requestID: requestID, day: day, party: audience.party, phone: phone, text: text, state: state,
                      exitStatus: exitStatus, detail: detail, at: Date())
    }
}

extension DayEscort {
    /// The latest message recorded for one side, if any.
    public func lastMessage(to audience: ReminderAudience) -> MessageRecord? {
        messages.last { $0.party == audience.party }
    }

    /// Whether a reminder for that side already went out.
    public func wasSent(to audience: ReminderAudience) -> Bool {
        messages.contains { $0.party == audience.party && $0.state == .sent }
    }
}
