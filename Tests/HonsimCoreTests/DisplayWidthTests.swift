import Testing
@testable import HonsimCore

@Suite("Display width")
struct DisplayWidthTests {
    @Test("widths of text", arguments: [
        ("", 0),
        ("abc", 3),
        ("Hello, world!", 13),
        ("한글", 4),
        ("안양2동", 7),
        ("안양 2동", 8),      // 2 + 2 + 1 (space) + 1 + 2
        ("석수2동", 7),
        ("홍길동 (82)", 11),
        ("ｶﾀｶﾅ", 4),          // halfwidth katakana: narrow
        ("ＡＢ", 4),          // fullwidth Latin
        ("漢字", 4),
        ("ひらがな", 8),
        ("e\u{301}", 1),      // e + combining acute
        ("cafe\u{301}", 4),
        ("\u{1112}\u{1161}\u{11AB}", 2),  // ᄒ+ᅡ+ᆫ, decomposed 한
        ("\u{1112}\u{1161}\u{11AB}\u{1100}\u{1173}\u{11AF}", 4),  // decomposed 한글
        ("👍", 2),
        ("👍🏽", 2),
        ("👨‍👩‍👧", 2),
        ("❤️", 2),
        ("🇰🇷", 2),
        ("a👍b", 4),
        ("\u{7}\u{1B}\u{0}", 0),
        ("a\u{7F}b", 2),
        ("a\u{85}b", 2),     // C1 control
        ("a\u{200B}b", 2),   // zero-width space (format)
    ])
    func widths(text: String, width: Int) {
        #expect(DisplayWidth.of(text) == width)
    }

    @Test("single characters and scalars")
    func singles() {
        #expect(DisplayWidth.of(Character("가")) == 2)
        #expect(DisplayWidth.of(Character("Ａ")) == 2)
        #expect(DisplayWidth.of(Character("a")) == 1)
        #expect(DisplayWidth.of(Character("\u{1B}")) == 0)
        #expect(DisplayWidth.of(Character("\t")) == 0)
        #expect(DisplayWidth.of(Character("\r\n")) == 0)
        #expect(DisplayWidth.of(Unicode.Scalar(0x0301)!) == 0)
        #expect(DisplayWidth.of(Unicode.Scalar(0x1161)!) == 0)  // medial vowel alone
        #expect(DisplayWidth.of(Unicode.Scalar(0x11AB)!) == 0)  // final consonant alone
        #expect(DisplayWidth.of(Unicode.Scalar(0x1112)!) == 2)  // initial consonant
        #expect(DisplayWidth.of(Unicode.Scalar(0x3131)!) == 2)  // ㄱ, compatibility jamo
        #expect(DisplayWidth.of(Unicode.Scalar(0xD7A3)!) == 2)  // 힣, the last syllable
        #expect(DisplayWidth.of(Unicode.Scalar(0x2026)!) == 1)  // …, the truncation mark
    }

    @Test("a lone scalar's width is what the full rules give it, and it stays one grapheme beside any other lone scalar")
    func loneScalarsAgreeWithTheFullRules() {
        let lone = (0...0x10FFFF).compactMap(Unicode.Scalar.init).filter { DisplayWidth.loneWidth($0) != nil }
        #expect(lone.count > 11_000, "ASCII, Hangul syllables, lines and blocks")
        for scalar in lone {
            #expect(DisplayWidth.loneWidth(scalar) == DisplayWidth.of(Character(scalar)), "U+\(String(scalar.value, radix: 16))")
        }
        // Neighbours of every kind of lone scalar stay apart: as many graphemes as scalars.
        let samples = lone.filter { [0x20, 0x41, 0x7E, 0xB7, 0xD7, 0x2026, 0x2190, 0x2500, 0x2588, 0xAC00, 0xD55C, 0xD7A3].contains($0.value) }
        for first in samples {
            for second in samples {
                let pair = String(String.UnicodeScalarView([first, second]))
                #expect(pair.count == 2 && DisplayWidth.of(pair) == pair.reduce(0) { $0 + DisplayWidth.of($1) })
            }
        }
        // A combining scalar after a lone one takes the full rules: decomposed Hangul, a mark.
        #expect(DisplayWidth.of("가\u{11A8}") == 2)
        #expect(DisplayWidth.isScalarByScalar("가\u{11A8}") == false)
        #expect(DisplayWidth.isScalarByScalar("석수2동 ─ 10:30…") == true)
    }

    @Test("numbers with leading zeros, as %0Nd prints them")
    func zeroPadding() {
        #expect(zeroPadded(7, 2) == "07" && zeroPadded(12, 2) == "12" && zeroPadded(123, 2) == "123")
        #expect(zeroPadded(0, 2) == "00" && zeroPadded(2026, 4) == "2026" && zeroPadded(33, 4) == "0033" && zeroPadded(-5, 3) == "-05")
        #expect(CivilDate(year: 2026, month: 3, day: 9).description == "2026-03-09")
        #expect(ClockTime(minutes: 9 * 60 + 5).description == "09:05")
    }

    // MARK: Sanitize

    @Test("sanitize strips escape sequences and control characters", arguments: [
        ("\u{1B}[31mred\u{1B}[0m", "red"),
        ("\u{1B}[1;38;5;196mbold\u{1B}[m", "bold"),
        ("a\u{1B}[2Jb", "ab"),                          // clear screen
        ("\u{1B}]0;pwned\u{7}title", "title"),          // OSC window title, ended by BEL
        ("\u{1B}]0;pwned\u{1B}\\title", "title"),       // OSC ended by ST
        ("\u{1B}]8;;http://x\u{1B}\\link\u{1B}]8;;\u{1B}\\", "link"),  // hyperlink
        ("\u{1B}P1$r\u{1B}\\x", "x"),                   // DCS
        ("ding\u{7}dong", "dingdong"),
        ("a\tb\nc\rd", "a b c d"),
        ("a\u{9B}31mb", "ab"),                          // 8-bit CSI
        ("a\u{85}b\u{90}c\u{9F}", "abc"),               // C1 controls
        ("a\u{0}b\u{7F}c", "abc"),
        ("안양\u{1B}[7m2동", "안양2동"),
        ("끝\u{1B}", "끝"),                             // lone ESC at the end
        ("\u{1B}7a\u{1B}8", "a"),                       // two-byte escapes: save/restore cursor
        ("plain 한글 e\u{301} 👍", "plain 한글 e\u{301} 👍"),
    ])
    func sanitize(raw: String, clean: String) {
        #expect(TerminalText.sanitize(raw) == clean)
    }

    /// ECMA-48 nF escapes: ESC, intermediates 0x20–0x2F, then a final byte. `tput sgr0` on
    /// xterm writes `ESC ( B ESC [ m`, so text pasted from a terminal carries it.
    @Test("sanitize strips a whole nF escape such as ESC ( B")
    func sanitizeNFEscape() {
        #expect(TerminalText.sanitize("\u{1B}(Bred\u{1B}[m") == "red")
        #expect(TerminalText.sanitize("a\u{1B}#8b") == "ab")
    }

    @Test("sanitized text holds no control characters")
    func sanitizedHasNoControls() {
        let raw = "\u{1B}[31m홍\u{7}길\u{1B}]2;x\u{7}동\u{9B}0m\n\u{1B}[0m"
        let clean = TerminalText.sanitize(raw)
        #expect(clean == "홍길동 ")
        #expect(!clean.unicodeScalars.contains { DisplayWidth.isControl($0) })
    }

    // MARK: Truncate and pad

    @Test("truncate cuts at a character boundary and ends with …", arguments: [
        ("가나다라", 5, "가나…"),
        ("가나다라", 4, "가…"),
        ("가나다라", 8, "가나다라"),
        ("가나다라", 7, "가나다…"),
        ("가나다라", 2, "…"),
        ("가나다라", 1, "…"),
        ("가나다라", 0, ""),
        ("가나다라", -3, ""),
        ("abcdef", 4, "abc…"),
        ("abc", 3, "abc"),
        ("", 3, ""),
        ("a가b", 3, "a…"),
        ("👍👍👍", 4, "👍…"),
        ("e\u{301}e\u{301}e\u{301}", 2, "e\u{301}…"),
        ("\u{1112}\u{1161}\u{11AB}\u{1100}\u{1173}\u{11AF}", 3, "\u{1112}\u{1161}\u{11AB}…"),
    ])
    func truncate(text: String, width: Int, expected: String) {
        let cut = TerminalText.truncate(text, width: width)
        #expect(cut == expected)
        #expect(DisplayWidth.of(cut) <= max(0, width))
    }

    @Test("truncate never splits a Hangul syllable or a cluster", arguments: 1...12)
    func truncateKeepsClusters(width: Int) {
        let text = "안양2동 👨‍👩‍👧 한글"
        let cut = TerminalText.truncate(text, width: width)
        #expect(DisplayWidth.of(cut) <= width)
        let body = cut.hasSuffix("…") ? String(cut.dropLast()) : cut
        #expect(text.hasPrefix(body))
        // Every character kept is a whole character of the original.
        #expect(Array(body) == Array(text.prefix(body.count)))
    }

    @Test("pad fills to exactly the width", arguments: [
        ("ab", 5, "ab   "),
        ("한글", 6, "한글  "),
        ("가나다라", 5, "가나…"),
        ("가나다라", 4, "가… "),
        ("abc", 3, "abc"),
        ("", 2, "  "),
        ("abc", 0, ""),
    ])
    func pad(text: String, width: Int, expected: String) {
        let padded = TerminalText.pad(text, width: width)
        #expect(padded == expected)
        #expect(DisplayWidth.of(padded) == width)
    }
}
