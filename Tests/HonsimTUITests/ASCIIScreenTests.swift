import Foundation
import HonsimCore
import Testing
@testable import HonsimStore
@testable import HonsimTUI

/// `--ascii` and terminals that draw ambiguous-width characters wide: every screen in ASCII but
/// for the words (Hangul, and whatever script the data is in), and the layout that follows.
@Suite("ASCII and ambiguous-wide screens", .serialized)
struct ASCIIScreenTests {
    /// Cells holding a symbol outside ASCII: what `--ascii` must leave none of.
    static func symbols(_ canvas: Canvas) -> [String] {
        var found: [String] = []
        for y in 0..<canvas.height {
            for x in 0..<canvas.width {
                let grapheme = canvas[x, y].grapheme
                guard let scalar = grapheme.unicodeScalars.first, !scalar.isASCII else { continue }
                switch scalar.properties.generalCategory {
                case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter, .decimalNumber:
                    continue
                default:
                    found.append("\(grapheme) at (\(x), \(y)): \(canvas.line(y))")
                }
            }
        }
        return found
    }

    @Test(arguments: [LineSet.ascii, .ambiguousWide])
    func everyScreenIsASCIIButItsWords(lines: LineSet) async throws {
        let (store, folder) = try await DemoDashboard.store()
        defer { try? FileManager.default.removeItem(at: folder) }
        var screens: [EveryView.Screen] = []
        for language in Language.allCases {
            screens += try await EveryView.dashboard(store: store, language: language, lines: lines)
            screens += try await EveryView.kiosk(store: store, language: language, lines: lines)
        }
        var hangul = 0
        for screen in screens {
            for theme in [Theme.mono, ThemeLoader.builtInDefault] {
                let canvas = screen.draw(theme)
                assertWellFormed(canvas)
                let found = Self.symbols(canvas)
                #expect(found.isEmpty, "\(screen.name): \(found.prefix(3).joined(separator: "\n"))")
                hangul += canvas.cells.filter { $0.grapheme.unicodeScalars.first.map { (0xAC00...0xD7A3).contains($0.value) } ?? false }.count
            }
        }
        // The words stay: Korean screens and the data's names are still Hangul.
        #expect(hangul > 10_000)
    }

    @Test(arguments: Language.allCases)
    func goldens(language: Language) async throws {
        let (store, folder) = try await DemoDashboard.store()
        defer { try? FileManager.default.removeItem(at: folder) }
        for lines in [LineSet.ascii, .ambiguousWide] {
            var state = try await DemoDashboard.state(width: 120, height: 40, language: language, store: store)
            state.lines = lines
            assertSnapshot(render(state), named: "dashboard-\(lines.rawValue)-\(language)-120x40")
            assertSnapshot(render(press(state, .character("?")).0), named: "help-\(lines.rawValue)-\(language)-120x40")
            var kiosk = KioskState(width: 160, height: 48, language: language, calendar: store.calendar, now: DemoDashboard.now, lines: lines)
            kiosk = kioskUpdate(kiosk, .loaded(try await KioskLoader.load(store, now: DemoDashboard.now))).0
            for view in KioskView.allCases {
                while kiosk.screen.view != view { kiosk = kioskUpdate(kiosk, .tick(kiosk.now.addingTimeInterval(kiosk.rotateSeconds))).0 }
                let canvas = renderKiosk(kiosk, theme: .mono)
                assertWellFormed(canvas)
                assertSnapshot(canvas, named: "kiosk-\(view)-\(lines.rawValue)-\(language)-160x48")
            }
        }
    }

    /// Letters stay under `--ascii`; on an ambiguous-wide terminal those of ambiguous width
    /// (which it would draw two columns wide) become their ASCII form, or `?`.
    @Test func lettersOfAmbiguousWidthOnlyOnAWideTerminal() {
        var canvas = Canvas(width: 20, height: 1)
        canvas.write("김α①─…·", x: 0, y: 0, style: .plain)
        var ascii = canvas
        ASCIIGlyphs.apply(to: &ascii, ambiguousWide: false)
        #expect(ascii.text == "김α①-~/")
        var wide = canvas
        ASCIIGlyphs.apply(to: &wide, ambiguousWide: true)
        #expect(wide.text == "김?1-~/")
        // A wide symbol leaves a space of its own in its right half.
        var fullwidth = Canvas(width: 6, height: 1)
        fullwidth.write("（가", x: 0, y: 0, style: .plain)
        ASCIIGlyphs.apply(to: &fullwidth, ambiguousWide: false)
        #expect(fullwidth.text == "( 가")
        assertWellFormed(fullwidth)
    }
}
