import Foundation

/// Degrades a theme's colors to what the terminal has: 24-bit → 256 → 16 → 8 → none.
/// Pure functions, so the mapping is tested without a terminal.
enum ColorDegradation {
    /// The curses pair a style is drawn with on a terminal of `colorCount` colors: nil when
    /// colors are not drawn at all (attributes only), (-1, -1) for the terminal's own pair.
    ///
    /// Colors are degraded as a pair, not one by one: a theme that forces both colors gets two
    /// forced colors back, never one of them handed to the terminal (a mid gray has no ANSI
    /// match on 8 colors; left to the terminal it is black on a light one, on whatever
    /// background the theme forced). And when degrading costs the pair its contrast (orange
    /// becomes red, and black on red is hard to read), the text color is changed for black or
    /// white, or the pair turned around so that the hue stays, as the background.
    static func cursesPair(_ style: Style, colorCount: Int) -> (foreground: Int32, background: Int32)? {
        guard var foreground = cursesColor(style.foreground, colorCount: colorCount),
              var background = cursesColor(style.background, colorCount: colorCount)
        else { return nil }
        // What the theme left to the terminal stays the terminal's; only what it forced is fixed here.
        guard style.foreground != .none, style.background != .none, colorCount < 256 else { return (foreground, background) }
        let plain = colorCount >= 16 ? [0, 15] : [0, 7]
        func best(against other: Int32) -> Int32 {
            Int32(plain.max { contrast(Int32($0), other) < contrast(Int32($1), other) } ?? 0)
        }
        // Both mid grays with no ANSI match: the background goes to black or white, whichever
        // it is nearer (a dark status bar stays dark on a light terminal), the text to the other.
        if foreground == -1 && background == -1 {
            background = luminance(rgb(of: style.background)) < 0.18 ? 0 : Int32(plain[1])
        }
        if background == -1 { background = best(against: foreground) }
        if foreground == -1 { foreground = best(against: background) }
        guard contrast(foreground, background) < minimumContrast else { return (foreground, background) }
        let text = best(against: background)
        if contrast(text, background) >= minimumContrast && !isChromatic(foreground) { return (text, background) }
        // A colored text that lost its contrast: its color goes behind black or white text.
        let turned = best(against: foreground)
        if isChromatic(foreground) && contrast(turned, foreground) >= minimumContrast { return (turned, foreground) }
        if contrast(text, background) >= minimumContrast { return (text, background) }
        // Nothing keeps the hue readable: the plain pair of most contrast.
        return (Int32(plain[1]), Int32(plain[0]))
    }

    /// The color as xterm draws it, for a forced color.
    static func rgb(of color: TerminalColor) -> (Int, Int, Int) {
        switch color {
        case .none: return (0, 0, 0)
        case .ansi(let index): return ansiRGB[Int(index) & 15]
        case .palette(let index): return rgb(ofPaletteIndex: Int(index))
        case .rgb(let r, let g, let b): return (Int(r), Int(g), Int(b))
        }
    }

    /// WCAG's least contrast for text (AA).
    static let minimumContrast = 4.5

    /// WCAG 2 contrast ratio between two curses colors as xterm draws them by default.
    static func contrast(_ a: Int32, _ b: Int32) -> Double {
        let (la, lb) = (luminance(rgb(ofPaletteIndex: Int(a))), luminance(rgb(ofPaletteIndex: Int(b))))
        return (max(la, lb) + 0.05) / (min(la, lb) + 0.05)
    }

    /// WCAG 2 relative luminance.
    static func luminance(_ color: (Int, Int, Int)) -> Double {
        func channel(_ value: Int) -> Double {
            let c = Double(value) / 255
            return c <= 0.04045 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4)
        }
        return 0.2126 * channel(color.0) + 0.7152 * channel(color.1) + 0.0722 * channel(color.2)
    }

    private static func isChromatic(_ color: Int32) -> Bool { (1...6).contains(color) || (9...14).contains(color) }

    /// The curses color number for `color` on a terminal with `colorCount` colors:
    /// -1 is the terminal's own color (use_default_colors), nil means "draw no color at all".
    static func cursesColor(_ color: TerminalColor, colorCount: Int) -> Int32? {
        guard colorCount >= 8 else { return nil }
        switch color {
        case .none:
            return -1
        case .ansi(let index):
            return Int32(ansiFit(Int(index) & 15, colorCount: colorCount))
        case .palette(let index):
            if colorCount >= 256 { return Int32(index) }
            if index < 16 { return Int32(ansiFit(Int(index), colorCount: colorCount)) }
            let (r, g, b) = rgb(ofPaletteIndex: Int(index))
            return Int32(nearestANSI(r, g, b, colorCount: colorCount))
        case .rgb(let r, let g, let b):
            if colorCount >= 256 { return Int32(nearest256(Int(r), Int(g), Int(b))) }
            return Int32(nearestANSI(Int(r), Int(g), Int(b), colorCount: colorCount))
        }
    }

    /// Bright ANSI colors (8–15) fall back to their normal counterparts on 8-color terminals.
    static func ansiFit(_ index: Int, colorCount: Int) -> Int {
        colorCount >= 16 ? index : index % 8
    }

    /// The 16 ANSI colors as xterm draws them by default; the reference for "nearest".
    static let ansiRGB: [(Int, Int, Int)] = [
        (0, 0, 0), (205, 0, 0), (0, 205, 0), (205, 205, 0),
        (0, 0, 238), (205, 0, 205), (0, 205, 205), (229, 229, 229),
        (127, 127, 127), (255, 0, 0), (0, 255, 0), (255, 255, 0),
        (92, 92, 255), (255, 0, 255), (0, 255, 255), (255, 255, 255),
    ]

    /// The six levels of each channel in xterm's 6×6×6 color cube (indices 16–231).
    static let cubeLevels = [0, 95, 135, 175, 215, 255]

    /// The nearest of xterm's 256 colors, chosen from the cube and the gray ramp (232–255);
    /// the first 16 are left out because terminals redefine them.
    static func nearest256(_ r: Int, _ g: Int, _ b: Int) -> Int {
        let (ri, gi, bi) = (nearestLevel(r), nearestLevel(g), nearestLevel(b))
        let cube = 16 + 36 * ri + 6 * gi + bi
        let cubeDistance = distance((r, g, b), (cubeLevels[ri], cubeLevels[gi], cubeLevels[bi]))
        // Gray ramp: 8, 18, …, 238.
        let average = (r + g + b) / 3
        let grayStep = max(0, min(23, (average - 8 + 5) / 10))
        let grayLevel = 8 + 10 * grayStep
        let grayDistance = distance((r, g, b), (grayLevel, grayLevel, grayLevel))
        return grayDistance < cubeDistance ? 232 + grayStep : cube
    }

    /// The nearest of the 8 or 16 ANSI colors, or -1 (the terminal's own color).
    /// A colored input keeps its hue family (red, yellow, green, cyan, blue, magenta): by plain
    /// distance, mid tones such as #af5faf would snap to gray and orange to red, losing what
    /// the theme meant. A mid gray on an 8-color terminal becomes the terminal's own color,
    /// because ANSI "white" is unreadable on a light background.
    static func nearestANSI(_ r: Int, _ g: Int, _ b: Int, colorCount: Int) -> Int {
        let high = max(r, g, b), low = min(r, g, b)
        if high - low >= 48 {
            // Hue in degrees, then the nearest of the six ANSI hues, 60° apart from red.
            let chroma = Double(high - low)
            var hue: Double
            switch high {
            case r: hue = 60 * Double(g - b) / chroma
            case g: hue = 60 * Double(b - r) / chroma + 120
            default: hue = 60 * Double(r - g) / chroma + 240
            }
            if hue < 0 { hue += 360 }
            let family = Int((hue / 60).rounded()) % 6  // 0 red, 1 yellow, 2 green, 3 cyan, 4 blue, 5 magenta
            let ansi = [1, 3, 2, 6, 4, 5][family]
            return colorCount >= 16 && high >= 236 ? ansi + 8 : ansi
        }
        let level = (r + g + b) / 3
        if colorCount >= 16 {
            return [(0, 0), (127, 8), (229, 7), (255, 15)].min { abs($0.0 - level) < abs($1.0 - level) }?.1 ?? 7
        }
        if level >= 48 && level <= 200 { return -1 }
        return level < 48 ? 0 : 7
    }

    /// The color of a 256-palette index, as xterm defines it.
    static func rgb(ofPaletteIndex index: Int) -> (Int, Int, Int) {
        switch index {
        case 0..<16:
            return ansiRGB[index]
        case 16..<232:
            let n = index - 16
            return (cubeLevels[n / 36], cubeLevels[(n / 6) % 6], cubeLevels[n % 6])
        default:
            let level = 8 + 10 * (min(index, 255) - 232)
            return (level, level, level)
        }
    }

    private static func nearestLevel(_ value: Int) -> Int {
        // Midpoints between the cube levels 0, 95, 135, 175, 215, 255.
        switch value {
        case ..<48: return 0
        case ..<115: return 1
        default: return min(5, (value - 35) / 40)
        }
    }

    /// Squared distance, weighted roughly as the eye sees (green counts most, blue least).
    private static func distance(_ a: (Int, Int, Int), _ b: (Int, Int, Int)) -> Int {
        let dr = a.0 - b.0, dg = a.1 - b.1, db = a.2 - b.2
        return 3 * dr * dr + 4 * dg * dg + 2 * db * db
    }
}
