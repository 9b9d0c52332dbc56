import Foundation
import HonsimCore

/// The screen in ASCII but for the text of words: for `--ascii` (terminals and fonts that draw
/// symbols wrong) and for terminals that draw East Asian ambiguous-width characters two
/// columns wide (PuTTY's "treat CJK ambiguous characters as wide", `xterm -cjk_width`), where
/// a `…`, `·` or a box line would push the rest of the row out of place.
///
/// Widgets already draw their lines, bars and marks in ASCII for `LineSet.ascii`; this pass,
/// run on the finished frame, catches every other symbol (separators, ellipses, arrows in
/// phrases) wherever it came from. Letters and digits stay: Hangul, and whatever script the
/// data is written in. On an ambiguous-wide terminal a letter of ambiguous width (Greek,
/// Cyrillic, circled digits) would still take two columns, so there it becomes its ASCII
/// compatibility form, or `?`.
enum ASCIIGlyphs {
    /// Replaces, in place, every non-ASCII symbol of `canvas` by an ASCII stand-in of the same width.
    static func apply(to canvas: inout Canvas, ambiguousWide: Bool) {
        for y in 0..<canvas.height {
            for x in 0..<canvas.width {
                let cell = canvas[x, y]
                guard !cell.isContinuation, let replacement = stand(in: cell.grapheme, ambiguousWide: ambiguousWide) else { continue }
                canvas[x, y].grapheme = replacement
                // A wide symbol's right half becomes a space of its own.
                if x + 1 < canvas.width, canvas[x + 1, y].isContinuation, DisplayWidth.of(replacement) == 1 {
                    canvas[x + 1, y].grapheme = " "
                }
            }
        }
    }

    /// The ASCII for one grapheme, or nil to keep it.
    static func stand(in grapheme: String, ambiguousWide: Bool) -> String? {
        guard let scalar = grapheme.unicodeScalars.first, !scalar.isASCII else { return nil }
        let isWord: Bool
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
             .decimalNumber, .letterNumber, .otherNumber:
            isWord = true
        default:
            isWord = false
        }
        if isWord && !(ambiguousWide && DisplayWidth.isAmbiguous(scalar)) { return nil }
        if let known = known[scalar.value] { return known }
        if let line = Glyph.asciiLine(scalar) { return line }
        // Fullwidth forms, circled digits and the like have an ASCII compatibility form.
        let compatible = grapheme.precomposedStringWithCompatibilityMapping
        if compatible.unicodeScalars.count == 1, let only = compatible.unicodeScalars.first, only.isASCII,
           only.value >= 0x20 { return compatible }
        return "?"
    }

    /// Symbols the screens use, and their ASCII.
    static let known: [UInt32: String] = [
        0xB7: "/", 0xD7: "x", 0x2013: "-", 0x2014: "-", 0x2212: "-", 0x2026: "~", 0x2039: "<", 0x203A: ">",
        0x2018: "'", 0x2019: "'", 0x201C: "\"", 0x201D: "\"",
        0x2190: "<", 0x2191: "^", 0x2192: ">", 0x2193: "v",
        0x25B3: "^", 0x25B2: "^", 0x25BC: "v", 0x25B8: ">", 0x25B6: ">", 0x25CB: "o", 0x25CF: "*",
        0x26A0: "!", 0x2713: "v", 0x2715: "x",
    ]
}
