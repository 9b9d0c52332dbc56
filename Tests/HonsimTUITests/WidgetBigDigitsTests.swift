import HonsimCore
import Testing
@testable import HonsimTUI

@Suite("Big digits")
struct WidgetBigDigitsTests {
    @Test func digitsAreThreeByFivePixelsInHalfBlocks() {
        #expect(BigDigits.render("10:42", scale: 1, lines: .unicode) == [
            "▄█  █▀█ ▄ █ █ ▀▀█",
            " █  █ █ ▄ ▀▀█ █▀▀",
            "▀▀▀ ▀▀▀     ▀ ▀▀▀",
        ])
        #expect(BigDigits.size(of: "10:42", scale: 1, lines: .unicode) == (17, 3))
    }

    @Test func scaleTwoDoublesEveryPixelIntoFullBlocks() {
        let rows = BigDigits.render("7", scale: 2, lines: .unicode)
        #expect(rows == ["██████", "    ██", "    ██", "  ██  ", "  ██  "])
        #expect(BigDigits.size(of: "7", scale: 2, lines: .unicode) == (6, 5))
    }

    @Test func asciiUsesWholeCellsOfHash() {
        #expect(BigDigits.render("4%", scale: 1, lines: .ascii) == ["# # # #", "# #   #", "###  # ", "  # #  ", "  # # #"])
        #expect(BigDigits.size(of: "4%", scale: 1, lines: .ascii) == (7, 5))
    }

    @Test func theLargestScaleThatFitsIsChosenAndNoneWhenNothingFits() {
        // "1,234": four digits, a comma, four gaps: 17 pixels wide.
        #expect(BigDigits.scale(fitting: "1,234", width: 40, height: 8, lines: .unicode) == 2)
        #expect(BigDigits.scale(fitting: "1,234", width: 34, height: 5, lines: .unicode) == 2)
        #expect(BigDigits.scale(fitting: "1,234", width: 33, height: 5, lines: .unicode) == 1)
        #expect(BigDigits.scale(fitting: "1,234", width: 16, height: 5, lines: .unicode) == nil)
        #expect(BigDigits.scale(fitting: "12건", width: 80, height: 10, lines: .unicode) == nil, "no glyph for Hangul")
    }

    @Test func drawingStaysInsideItsClip() {
        let clip = Rect(x: 2, y: 1, width: 8, height: 2)
        let canvas = drawConfined(width: 20, height: 6, rect: clip) { canvas in
            BigDigits.draw("2026", x: 2, y: 1, scale: 1, lines: .unicode, style: .plain, clip: clip, into: &canvas)
        }
        #expect(canvas.line(1).hasPrefix("..▀▀█ █▀█"))
    }
}
