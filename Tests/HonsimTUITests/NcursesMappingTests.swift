import CNcurses
import Testing
@testable import HonsimTUI

/// The pure parts of the ncurses backend: no curses is opened here.
@Suite("Ncurses key mapping")
struct NcursesKeyMappingTests {
    @Test("curses key codes", arguments: [
        (KEY_UP, Key.up), (KEY_DOWN, .down), (KEY_LEFT, .left), (KEY_RIGHT, .right),
        (KEY_PPAGE, .pageUp), (KEY_NPAGE, .pageDown), (KEY_HOME, .home), (KEY_END, .end),
        (KEY_BTAB, .backTab), (KEY_DC, .delete), (KEY_BACKSPACE, .backspace), (KEY_ENTER, .enter),
    ])
    func keyCodes(code: Int32, key: Key) {
        #expect(NcursesKeyMap.decode(status: KEY_CODE_YES, code: UInt32(bitPattern: code)) == .key(key))
    }

    @Test("function keys F1–F12 and beyond")
    func functionKeys() {
        for n in [1, 5, 10, 12, 24] {
            #expect(NcursesKeyMap.keyCode(honsim_key_f(Int32(n))) == .function(n))
        }
        #expect(NcursesKeyMap.keyCode(honsim_key_f(0)) == nil)
    }

    @Test("KEY_RESIZE asks for the new size; unknown codes are ignored")
    func resizeAndUnknown() {
        #expect(NcursesKeyMap.decode(status: KEY_CODE_YES, code: UInt32(KEY_RESIZE)) == .resize)
        #expect(NcursesKeyMap.decode(status: KEY_CODE_YES, code: UInt32(KEY_MOUSE)) == .ignored)
    }

    @Test("plain characters", arguments: [
        (UInt32(9), Key.tab), (10, .enter), (13, .enter), (27, .escape), (127, .backspace), (8, .backspace),
        (1, .control("a")), (3, .control("c")), (18, .control("r")), (26, .control("z")),
        (0x71, .character("q")), (0x51, .character("Q")), (0x20, .character(" ")),
        (0xD64D, .character("홍")), (0x2F, .character("/")), (0x3F, .character("?")),
    ])
    func characters(code: UInt32, key: Key) {
        #expect(NcursesKeyMap.decode(status: OK, code: code) == .key(key))
    }

    @Test("NUL and other control codes are not text")
    func controlsIgnored() {
        for code: UInt32 in [0, 28, 31, 0x85, 0x9B] {
            #expect(NcursesKeyMap.decode(status: OK, code: code) == .ignored)
        }
    }
}

@Suite("Ncurses color degradation")
struct NcursesColorTests {
    @Test("the terminal's own color stays -1 wherever there are colors")
    func none() {
        #expect(ColorDegradation.cursesColor(.none, colorCount: 256) == -1)
        #expect(ColorDegradation.cursesColor(.none, colorCount: 8) == -1)
        #expect(ColorDegradation.cursesColor(.none, colorCount: 0) == nil)
    }

    @Test("24-bit colors go to the nearest of xterm's 256", arguments: [
        ((0, 0, 0), 16), ((255, 255, 255), 231), ((255, 0, 0), 196), ((0, 135, 175), 31),
        ((215, 0, 0), 160), ((128, 128, 128), 244), ((8, 8, 8), 232), ((238, 238, 238), 255),
        ((100, 100, 100), 241),
    ])
    func to256(rgb: (Int, Int, Int), index: Int32) {
        let color = TerminalColor.rgb(UInt8(rgb.0), UInt8(rgb.1), UInt8(rgb.2))
        #expect(ColorDegradation.cursesColor(color, colorCount: 256) == index)
    }

    @Test("fewer than 256 colors: the nearest ANSI color")
    func toANSI() {
        #expect(ColorDegradation.cursesColor(.rgb(215, 0, 0), colorCount: 8) == 1)
        #expect(ColorDegradation.cursesColor(.rgb(0, 135, 175), colorCount: 8) == 6)
        #expect(ColorDegradation.cursesColor(.rgb(255, 80, 80), colorCount: 16) == 9)
        #expect(ColorDegradation.cursesColor(.rgb(255, 80, 80), colorCount: 8) == 1)
        #expect(ColorDegradation.cursesColor(.palette(196), colorCount: 16) == 9)
        #expect(ColorDegradation.cursesColor(.palette(244), colorCount: 16) == 8)
        #expect(ColorDegradation.cursesColor(.palette(244), colorCount: 256) == 244)
        #expect(ColorDegradation.cursesColor(.palette(4), colorCount: 8) == 4)
    }

    @Test("mid tones keep their hue; a mid gray on 8 colors is the terminal's own color")
    func hueAndGray() {
        #expect(ColorDegradation.cursesColor(.palette(133), colorCount: 16) == 5)  // #af5faf → magenta, not gray
        #expect(ColorDegradation.cursesColor(.palette(28), colorCount: 8) == 2)
        #expect(ColorDegradation.cursesColor(.palette(130), colorCount: 8) == 3)
        #expect(ColorDegradation.cursesColor(.palette(244), colorCount: 8) == -1)
        #expect(ColorDegradation.cursesColor(.rgb(250, 250, 250), colorCount: 8) == 7)
        #expect(ColorDegradation.cursesColor(.rgb(10, 10, 10), colorCount: 8) == 0)
    }

    @Test("bright ANSI colors fold to normal ones on 8-color terminals")
    func brightFold() {
        #expect(ColorDegradation.cursesColor(.ansi(12), colorCount: 16) == 12)
        #expect(ColorDegradation.cursesColor(.ansi(12), colorCount: 8) == 4)
        #expect(ColorDegradation.cursesColor(.ansi(3), colorCount: 256) == 3)
    }

    @Test("no colors: attributes only")
    func noColors() {
        for color in [TerminalColor.ansi(1), .palette(200), .rgb(1, 2, 3)] {
            #expect(ColorDegradation.cursesColor(color, colorCount: 0) == nil)
            #expect(ColorDegradation.cursesColor(color, colorCount: 2) == nil)
        }
    }

    @Test("every palette index maps back to itself through its own color")
    func paletteRoundTrip() {
        for index in 16...255 {
            let (r, g, b) = ColorDegradation.rgb(ofPaletteIndex: index)
            let back = ColorDegradation.nearest256(r, g, b)
            #expect(ColorDegradation.rgb(ofPaletteIndex: back) == ColorDegradation.rgb(ofPaletteIndex: index))
        }
    }

    /// xterm as it comes (TERM=xterm, 8 colors) showing the kiosk: its grays have no ANSI
    /// match, and left to the terminal they were black on the kiosk's black on a white xterm.
    @Test("colors forced in pairs stay forced in pairs, and readable, on 8 and 16 colors")
    func pairsStayPairs() throws {
        let kiosk = try #require(ThemeLoader.builtIn(named: "kiosk"))
        func pair(_ role: StyleRole, _ colors: Int) -> [Int32]? {
            ColorDegradation.cursesPair(kiosk.style(role), colorCount: colors).map { [$0.foreground, $0.background] }
        }
        #expect(pair(.muted, 8) == [7, 0])  // the labels, seconds and page dots
        #expect(pair(.header, 8) == [7, 0])  // the table's header
        #expect(pair(.statusBar, 8) == [7, 0])  // two grays: dark stays dark
        // The urgent cell, orange at 256 and red at 8: white on red rather than black on red.
        #expect(pair(.urgent, 8) == [7, 1])
        for colors in [8, 16] {
            for role in StyleRole.allCases {
                let (f, b) = try #require(ColorDegradation.cursesPair(kiosk.style(role), colorCount: colors))
                #expect(f != -1 && b != -1, "\(role.rawValue) at \(colors)")
                #expect(ColorDegradation.contrast(f, b) >= 4.5 || role == .border || role == .disabled, "\(role.rawValue) at \(colors)")
            }
        }
        // What the theme leaves to the terminal stays the terminal's.
        #expect(ColorDegradation.cursesPair(Style(), colorCount: 8).map { [$0.foreground, $0.background] } == [-1, -1])
        #expect(ColorDegradation.cursesPair(Style(foreground: .palette(160), background: .palette(231)), colorCount: 0) == nil)
    }
}

@Suite("Ncurses frame plan")
struct NcursesFramePlanTests {
    func canvas(_ text: String, width: Int = 8) -> Canvas {
        var canvas = Canvas(width: width, height: 1)
        canvas.write(text, x: 0, y: 0, style: .plain)
        return canvas
    }

    @Test("first frame: every cell but continuations")
    func firstFrame() {
        #expect(FramePlan.columns(previous: nil, current: canvas("가a나"), row: 0, width: 8) == [0, 2, 3, 5, 6, 7])
    }

    @Test("an identical frame writes nothing")
    func identical() {
        #expect(FramePlan.columns(previous: canvas("가a나"), current: canvas("가a나"), row: 0, width: 8).isEmpty)
    }

    @Test("a changed character is written alone")
    func oneCell() {
        #expect(FramePlan.columns(previous: canvas("가a나"), current: canvas("가b나"), row: 0, width: 8) == [2])
        #expect(FramePlan.columns(previous: canvas("가a나"), current: canvas("다a나"), row: 0, width: 8) == [0])
    }

    @Test("wide to narrow: both halves are written")
    func wideToNarrow() {
        #expect(FramePlan.columns(previous: canvas("가"), current: canvas("ab"), row: 0, width: 8) == [0, 1])
    }

    @Test("narrow to wide: the wide character is written once, over both cells")
    func narrowToWide() {
        #expect(FramePlan.columns(previous: canvas("ab"), current: canvas("가"), row: 0, width: 8) == [0])
        // Shifted by one: "a가" over "가b" rewrites column 0, and the syllable now at 1.
        #expect(FramePlan.columns(previous: canvas("가b"), current: canvas("a가"), row: 0, width: 8) == [0, 1])
    }

    @Test("a style change on a wide character rewrites it from its first cell")
    func restyleWide() {
        var current = canvas("가나")
        current.restyle(Rect(x: 3, y: 0, width: 1, height: 1), style: Style(attributes: .bold))
        #expect(FramePlan.columns(previous: canvas("가나"), current: current, row: 0, width: 8) == [2])
    }

    @Test("ASCII fallback for lines and blocks; text untouched")
    func asciiFallback() {
        #expect("┌──┬┐│╭╯═║█▁".map { Glyph.asciiFallback(String($0)) }.joined() == "+--++|++-|#_")
        #expect(Glyph.asciiFallback("가") == "가")
        #expect(Glyph.wideCharacters("가") == [0xAC00, 0])
        #expect(Glyph.wideCharacters("") == [0x20, 0])
    }
}
