import HonsimCore
import Testing
@testable import HonsimTUI

@Suite("Every word of the dashboard in both languages")
struct UITextTests {
    @Test func everyPhraseHasKoreanAndEnglish() {
        for phrase in UIText.all {
            #expect(!phrase.ko.trimmingCharacters(in: .whitespaces).isEmpty, "a phrase lacks Korean: \(phrase.en)")
            #expect(!phrase.en.trimmingCharacters(in: .whitespaces).isEmpty, "a phrase lacks English: \(phrase.ko)")
        }
        #expect(UIText.all.count > 80)
    }

    @Test func everyActionHasBothLanguagesAndAKey() {
        let keymap = Keymap()
        for action in Action.allCases {
            #expect(!action.phrase.ko.isEmpty && !action.phrase.en.isEmpty)
            #expect(!keymap.label(action).isEmpty, "\(action) has no key")
        }
    }

    @Test func theKoreanTextIsKorean() {
        // A Korean phrase that is only ASCII letters is probably an untranslated English one.
        let untranslated = UIText.all.filter { phrase in
            phrase.ko.unicodeScalars.allSatisfy { $0.isASCII } && phrase.ko.contains { $0.isLetter } && phrase.ko == phrase.en
        }
        #expect(untranslated.isEmpty, "\(untranslated.map(\.en))")
    }
}
