import Foundation
import Testing
@testable import HonsimCore

/// A record's search text is made scalar by scalar when it is ASCII, Hangul syllables and
/// compatibility jamo only: the bytes must be those of the general way (lower-cased, then
/// reduced to initials character by character), and any other text must take the general way.
@Suite("Search text made scalar by scalar")
struct SearchTextTests {
    @Test("Korean and ASCII text gives the general way's bytes, to the byte")
    func plainTextMatchesTheGeneralWay() throws {
        var generator = SeededGenerator(seed: 7)
        let alphabet: [String] = ["A", "z", "Q", "0", " ", "#", "-", "\u{1F}", "\r\n", "\t", "ㄱ", "ㅎ", "ㅏ", "가", "힣", "석", "수", "동", "병", "원"]
        var samples = ["", "석수2동 SNUH 서울대학교병원", "#42 내과 CARDIOLOGY", "ㅅㅅ2ㄷ", "김민수\u{1F}대기\u{1F}pending"]
        for _ in 0..<500 {
            samples.append(String((0..<Int.random(in: 1...24, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! }.joined()))
            // Any syllable of the whole block, with its initial.
            let syllable = Unicode.Scalar(UInt32.random(in: 0xAC00...0xD7A3, using: &generator))!
            samples[samples.count - 1] += String(Character(syllable))
        }
        for sample in samples {
            let plain = try #require(SearchText.plainBytes(sample), "\(sample.debugDescription) is plain text")
            let general = SearchText.generalBytes(sample)
            #expect(plain.0 == general.0 && plain.1 == general.1, "\(sample.debugDescription)")
        }
    }

    @Test("text with anything else takes the general way, and is still found")
    func otherTextTakesTheGeneralWay() {
        for sample in ["Émile", "가\u{301}", "ᄀ\u{1161}", "👍🏽", "İstanbul", "ΣΑΣ", "café", "·"] {
            #expect(SearchText.plainBytes(sample) == nil, "\(sample.debugDescription)")
        }
        #expect(SearchText(["Émile", "석수동"]).matches(SearchQuery("émile ㅅㅅ")))
        #expect(SearchText(["서울대학교병원", "SNUH"]).matches(SearchQuery("snuh ㅅㅇㄷ")))
        #expect(!SearchText(["서울대학교병원"]).matches(SearchQuery("ㅂㅅ")))
    }
}
