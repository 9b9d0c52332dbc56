import Foundation
import HonsimCore
import Testing

@Suite("Trimming spaces")
struct TrimmingTests {
    /// The same result as Foundation's trimming by `.whitespaces`, which it stands in for.
    @Test(arguments: ["", " ", "김순자", "  김순자 ", "\t010-1234-5678\t", "\u{3000}석수2동\u{3000}", "\u{00A0}a b\u{00A0}",
                      "줄\n", "\n줄", " 가 나 ", "\u{2003}\u{2009}x\u{202F}"])
    func likeFoundation(text: String) {
        #expect(text.trimmingSpaces() == text.trimmingCharacters(in: .whitespaces))
        #expect(text[...].trimmingSpaces() == text.trimmingCharacters(in: .whitespaces))
    }
}
