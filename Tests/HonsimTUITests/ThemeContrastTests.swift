import Foundation
import HonsimCore
import Testing
@testable import HonsimStore
@testable import HonsimTUI

/// Every theme readable on every terminal: each view of the dashboard and the kiosk, drawn in
/// each theme, degraded as the ncurses terminal degrades it to 256, 16 and 8 colors and to
/// none. A cell fails when one of its colors is forced and the other left to the terminal
/// (on a terminal of the other brightness it vanishes), and text fails when its contrast is
/// under 4.5:1 (WCAG 2, from relative luminance). The terminal's own color, wherever it
/// meets a forced one, counts as both white and black.
@Suite("Theme contrast and pairing", .serialized)
struct ThemeContrastTests {
    static let depths = [256, 16, 8, 0]
    static let minimumRatio = 4.5

    static var themes: [Theme] {
        ThemeLoader.builtInNames.compactMap { ThemeLoader.builtIn(named: $0) } + [.mono]
    }

    @Test func everyThemeAtEveryDepthOnEveryView() async throws {
        let (store, folder) = try await DemoDashboard.store()
        defer { try? FileManager.default.removeItem(at: folder) }
        var screens: [EveryView.Screen] = []
        for language in Language.allCases {
            screens += try await EveryView.dashboard(store: store, language: language)
            screens += try await EveryView.kiosk(store: store, language: language)
        }
        #expect(screens.count > 40)
        var checkedCells = 0
        for theme in Self.themes {
            for depth in Self.depths {
                var failures: [String] = []
                for screen in screens {
                    let canvas = screen.draw(theme)
                    checkedCells += canvas.cells.count
                    if let problem = Self.firstProblem(canvas, theme: theme, colorCount: depth) {
                        failures.append("\(screen.name): \(problem)")
                    }
                }
                if !failures.isEmpty {
                    // The first failure of each program, the dashboard's and the kiosk's.
                    let firsts: [String] = ["dashboard", "kiosk"].compactMap { program in failures.first { $0.hasPrefix(program) } }
                    let shown = firsts.joined(separator: "\n  and ")
                    Issue.record("theme \(theme.name) at \(depth) colors fails on \(failures.count) of \(screens.count) screens; first: \(shown)")
                }
            }
        }
        #expect(checkedCells > 1_000_000)
    }

    /// The check itself fails where it should: a gray forced on a background left to the
    /// terminal, and gray text on a gray background.
    @Test func theCheckCatchesWhatItIsFor() {
        var unpaired = Canvas(width: 4, height: 1)
        unpaired.write("ab", x: 0, y: 0, style: Style(foreground: .palette(244)))
        #expect(Self.firstProblem(unpaired, theme: .mono, colorCount: 256)?.contains("left to the terminal") == true)
        var faint = Canvas(width: 4, height: 1)
        faint.write("ab", x: 0, y: 0, style: Style(foreground: .palette(244), background: .palette(240)))
        #expect(Self.firstProblem(faint, theme: .mono, colorCount: 256)?.contains("contrast") == true)
        var fine = Canvas(width: 4, height: 1)
        fine.write("ab", x: 0, y: 0, style: Style(foreground: .palette(231), background: .palette(16)))
        #expect(Self.firstProblem(fine, theme: .mono, colorCount: 256) == nil)
        #expect(abs(Contrast.ratio((255, 255, 255), (0, 0, 0)) - 21) < 0.01)
        #expect(abs(Contrast.ratio((118, 118, 118), (255, 255, 255)) - 4.54) < 0.01)
    }

    /// The first cell of `canvas` that breaks a rule at `colorCount` colors, described.
    static func firstProblem(_ canvas: Canvas, theme: Theme, colorCount: Int) -> String? {
        // A screen uses a few styles over thousands of cells: each style is judged once as a
        // drawing and once as text, and only a failure is described.
        var passedAsDrawing = Set<Style>(), passedAsText = Set<Style>()
        for y in 0..<canvas.height {
            for x in 0..<canvas.width {
                let cell = canvas[x, y]
                guard !cell.isContinuation else { continue }
                // Dim is for what cannot be used (WCAG leaves inactive controls out); lines and
                // blocks are drawings, not text.
                let asText = isText(cell.grapheme) && !cell.style.attributes.contains(.dim)
                guard !(asText ? passedAsText : passedAsDrawing).contains(cell.style) else { continue }
                guard let (foreground, background) = ColorDegradation.cursesPair(cell.style, colorCount: colorCount) else {
                    passedAsDrawing.insert(cell.style)
                    passedAsText.insert(cell.style)
                    continue
                }
                let shown = {
                    let role = theme.styles.first { $0.value == cell.style }.map { $0.key.rawValue } ?? "a layered style"
                    return "'\(cell.grapheme)' at (\(x), \(y)) in \(role) \(describe(cell.style))"
                }
                if (foreground == -1) != (background == -1) {
                    return "\(shown()): drawn with \(foreground == -1 ? "foreground" : "background") left to the terminal "
                        + "and \(foreground == -1 ? "background" : "foreground") \(max(foreground, background)); \(canvas.line(y))"
                }
                guard asText else { passedAsDrawing.insert(cell.style); continue }
                let ratio = Contrast.worst(foreground, background)
                if ratio < minimumRatio {
                    return "\(shown()): contrast \(String(format: "%.2f", ratio)):1 (colors \(foreground) on \(background)); \(canvas.line(y))"
                }
                passedAsText.insert(cell.style)
            }
        }
        return nil
    }

    static func isText(_ grapheme: String) -> Bool {
        guard let scalar = grapheme.unicodeScalars.first, grapheme != " " else { return false }
        return !(0x2500...0x259F).contains(scalar.value)
    }

    static func describe(_ style: Style) -> String { "{fg \(style.foreground), bg \(style.background)}" }
}

/// WCAG 2 contrast between curses colors as xterm draws them.
enum Contrast {
    static func ratio(_ a: (Int, Int, Int), _ b: (Int, Int, Int)) -> Double {
        let (la, lb) = (luminance(a), luminance(b))
        return (max(la, lb) + 0.05) / (min(la, lb) + 0.05)
    }

    /// The lower of the ratios on a white and on a black terminal, where a color is the terminal's own (-1).
    static func worst(_ foreground: Int32, _ background: Int32) -> Double {
        if foreground == -1 && background == -1 { return 21 }  // the terminal's own pair
        let candidates = { (color: Int32) -> [(Int, Int, Int)] in
            color == -1 ? [(255, 255, 255), (0, 0, 0)] : [rgb(color)]
        }
        var worst = 21.0
        for f in candidates(foreground) {
            for b in candidates(background) { worst = min(worst, ratio(f, b)) }
        }
        return worst
    }

    static func rgb(_ color: Int32) -> (Int, Int, Int) { ColorDegradation.rgb(ofPaletteIndex: Int(color)) }

    static func luminance(_ color: (Int, Int, Int)) -> Double {
        func channel(_ value: Int) -> Double {
            let c = Double(value) / 255
            return c <= 0.04045 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4)
        }
        return 0.2126 * channel(color.0) + 0.7152 * channel(color.1) + 0.0722 * channel(color.2)
    }
}
