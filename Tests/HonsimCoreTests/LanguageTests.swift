import Foundation
import Testing
@testable import HonsimCore

@Suite("Language and phrases")
struct LanguageTests {
    // MARK: Choosing the language

    @Test("the language follows LC_ALL, then LC_MESSAGES, then LANG", arguments: [
        ([:], Language.ko),
        (["LANG": "en_US.UTF-8"], .en),
        (["LANG": "en"], .en),
        (["LANG": "EN_GB"], .en),
        (["LANG": "ko_KR.UTF-8"], .ko),
        (["LANG": "C.UTF-8"], .ko),
        (["LANG": "C"], .ko),
        (["LANG": "POSIX"], .ko),
        (["LANG": ""], .ko),
        (["LANG": "fr_FR.UTF-8"], .ko),
        (["LC_ALL": "en_US.UTF-8", "LANG": "ko_KR.UTF-8"], .en),
        (["LC_ALL": "ko_KR.UTF-8", "LANG": "en_US.UTF-8"], .ko),
        (["LC_ALL": "C.UTF-8", "LANG": "en_US.UTF-8"], .ko),
        (["LC_ALL": "", "LANG": "en_US.UTF-8"], .en),
        (["LC_MESSAGES": "en_US.UTF-8", "LANG": "ko_KR.UTF-8"], .en),
        (["LC_ALL": "ko_KR.UTF-8", "LC_MESSAGES": "en_US.UTF-8"], .ko),
        (["LC_CTYPE": "en_US.UTF-8"], .ko),
    ] as [([String: String], Language)])
    func fromEnvironment(environment: [String: String], expected: Language) {
        #expect(Language.fromEnvironment(environment) == expected)
    }

    @Test("a phrase gives its text by language")
    func phraseText() {
        let phrase = Phrase(ko: "대기", en: "pending")
        #expect(phrase.text(.ko) == "대기")
        #expect(phrase.text(.en) == "pending")
        #expect(Language.allCases == [.ko, .en])
    }

    // MARK: Every phrase

    static func isHangul(_ scalar: Unicode.Scalar) -> Bool { (0xAC00...0xD7A3).contains(scalar.value) }

    /// Korean text has Hangul, English text has none, and they differ.
    static func check(_ phrase: Phrase, _ what: String) {
        #expect(!phrase.ko.isEmpty, "\(what): empty Korean")
        #expect(!phrase.en.isEmpty, "\(what): empty English")
        #expect(phrase.ko != phrase.en, "\(what): same in both languages")
        #expect(phrase.ko.unicodeScalars.contains(where: isHangul), "\(what): Korean '\(phrase.ko)' has no Hangul")
        #expect(!phrase.en.unicodeScalars.contains(where: isHangul), "\(what): English '\(phrase.en)' has Hangul")
    }

    /// Phrases of one enum must not share a word: two statuses reading the same would confuse.
    static func checkDistinct(_ phrases: [Phrase], _ what: String) {
        #expect(Set(phrases.map(\.ko)).count == phrases.count, "\(what): Korean phrases repeat")
        #expect(Set(phrases.map(\.en)).count == phrases.count, "\(what): English phrases repeat")
    }

    @Test("every case of every enum has both languages")
    func enumPhrases() {
        for value in RequestStatus.allCases { Self.check(DomainPhrases.status(value), "status \(value)") }
        for value in Mobility.allCases { Self.check(DomainPhrases.mobility(value), "mobility \(value)") }
        for value in Need.allCases { Self.check(DomainPhrases.need(value), "need \(value)") }
        for value in Transport.allCases { Self.check(DomainPhrases.transport(value), "transport \(value)") }
        for value in Purpose.allCases { Self.check(DomainPhrases.purpose(value), "purpose \(value)") }
        for value in Gender.allCases { Self.check(DomainPhrases.gender(value), "gender \(value)") }
        for value in LifecycleAction.allCases { Self.check(DomainPhrases.action(value), "action \(value)") }
        for value in [Skill.wheelchair, .signLanguage, .careWorker, .language("vi")] { Self.check(DomainPhrases.skill(value), "skill \(value)") }

        Self.checkDistinct(RequestStatus.allCases.map(DomainPhrases.status), "status")
        Self.checkDistinct(Mobility.allCases.map(DomainPhrases.mobility), "mobility")
        Self.checkDistinct(Need.allCases.map(DomainPhrases.need), "need")
        Self.checkDistinct(Transport.allCases.map(DomainPhrases.transport), "transport")
        Self.checkDistinct(Purpose.allCases.map(DomainPhrases.purpose), "purpose")
        Self.checkDistinct(Gender.allCases.map(DomainPhrases.gender), "gender")
        Self.checkDistinct(LifecycleAction.allCases.map(DomainPhrases.action), "action")
    }

    @Test("Korean phrases read back through the word parsers")
    func koreanRoundTrip() {
        for value in RequestStatus.allCases { #expect(RequestStatus(word: DomainPhrases.status(value).ko) == value) }
        for value in Mobility.allCases { #expect(Mobility(word: DomainPhrases.mobility(value).ko) == value) }
        for value in Need.allCases { #expect(Need(word: DomainPhrases.need(value).ko) == value) }
        for value in Transport.allCases { #expect(Transport(word: DomainPhrases.transport(value).ko) == value) }
        for value in Purpose.allCases { #expect(Purpose(word: DomainPhrases.purpose(value).ko) == value) }
        for value in Gender.allCases { #expect(Gender(word: DomainPhrases.gender(value).ko) == value) }
        for value in [Skill.wheelchair, .signLanguage, .careWorker] { #expect(Skill(word: DomainPhrases.skill(value).ko) == value) }
    }

    @Test("a language skill names its code in both languages")
    func languageSkill() {
        #expect(DomainPhrases.skill(.language("zh")) == Phrase(ko: "외국어(zh)", en: "language (zh)"))
    }

    /// Every reason, with an index the compiler keeps exhaustive: a new case breaks this switch.
    static func index(_ reason: ScoreTerm.Reason) -> Int {
        switch reason {
        case .sameDong: 0
        case .sameGu: 1
        case .escortedBefore: 2
        case .hoursThisMonth: 3
        case .signLanguage: 4
        case .speaksLanguage: 5
        case .careWorker: 6
        case .wheelchairCapable: 7
        case .hasCar: 8
        case .seriesVolunteer: 9
        case .trainingMissing: 10
        }
    }

    static let allReasons: [ScoreTerm.Reason] = [
        .sameDong, .sameGu, .escortedBefore(times: 3), .hoursThisMonth(minutes: 90), .signLanguage,
        .speaksLanguage, .careWorker, .wheelchairCapable, .hasCar, .seriesVolunteer, .trainingMissing,
    ]

    static func index(_ exclusion: Exclusion) -> Int {
        switch exclusion {
        case .closed: 0
        case .overlap: 1
        case .needsWheelchairSkill: 2
        case .needsCar: 3
        case .outsideAvailability: 4
        case .dayOff: 5
        case .genderPreference: 6
        case .weeklyCap: 7
        case .insuranceLapsed: 8
        }
    }

    static let allExclusions: [Exclusion] = [
        .closed, .overlap(TimeSpan(start: at(2026, 11, 30, 10, 0), minutes: 60)), .needsWheelchairSkill, .needsCar,
        .outsideAvailability, .dayOff(CivilDate(year: 2026, month: 12, day: 1)), .genderPreference(.male),
        .weeklyCap(usedMinutes: 400, capMinutes: 480), .insuranceLapsed(validUntil: CivilDate(year: 2026, month: 11, day: 1), overridable: false),
    ]

    @Test("every score reason has both languages")
    func reasonPhrases() {
        #expect(Set(Self.allReasons.map(Self.index)) == Set(0...10))
        for reason in Self.allReasons { Self.check(DomainPhrases.reason(reason), "reason \(reason)") }
        Self.checkDistinct(Self.allReasons.map(DomainPhrases.reason), "reason")
    }

    @Test("every exclusion has both languages")
    func exclusionPhrases() {
        #expect(Set(Self.allExclusions.map(Self.index)) == Set(0...8))
        for exclusion in Self.allExclusions { Self.check(DomainPhrases.exclusion(exclusion, calendar: seoul), "exclusion \(exclusion)") }
        Self.checkDistinct(Self.allExclusions.map { DomainPhrases.exclusion($0, calendar: seoul) }, "exclusion")
    }

    @Test("durations as people say them", arguments: [
        (0, "0분", "0 min"), (45, "45분", "45 min"), (60, "1시간", "1 h"), (90, "1시간 30분", "1 h 30 min"),
        (480, "8시간", "8 h"), (1441, "24시간 1분", "24 h 1 min"),
    ])
    func durations(minutes: Int, ko: String, en: String) {
        #expect(DomainPhrases.duration(minutes: minutes) == Phrase(ko: ko, en: en))
        Self.check(DomainPhrases.duration(minutes: minutes), "duration \(minutes)")
    }
}
