/// Display width of text in terminal columns. Hangul and other East Asian wide characters
/// and emoji take 2 columns, combining marks 0; control characters and escape sequences are
/// stripped, because text from the store is data and must never steer the terminal.
public enum DisplayWidth {
    /// The width of one grapheme cluster: 0, 1 or 2.
    public static func of(_ character: Character) -> Int {
        // Fast paths for what a Korean screen is made of: ASCII and Hangul syllables.
        if let ascii = character.asciiValue { return ascii < 0x20 || ascii == 0x7F ? 0 : 1 }
        let scalars = character.unicodeScalars
        if let only = scalars.first, (0xAC00...0xD7A3).contains(only.value), scalars.count == 1 { return 2 }
        guard let first = scalars.first else { return 0 }
        if isControl(first) { return 0 }
        // A cluster with an emoji presentation selector or a ZWJ sequence is drawn as one emoji.
        if scalars.contains(where: { $0.value == 0xFE0F }) && first.properties.isEmoji { return 2 }
        if scalars.count > 1 && scalars.contains(where: { $0.value == 0x200D }) && first.properties.isEmoji { return 2 }
        return of(first)
    }

    /// The width of a single scalar, as wcwidth would give it with current Unicode data.
    public static func of(_ scalar: Unicode.Scalar) -> Int {
        if isControl(scalar) { return 0 }
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format: return 0
        default: break
        }
        // Hangul medial vowels and final consonants combine with the initial into one syllable.
        if (0x1160...0x11FF).contains(scalar.value) || (0xD7B0...0xD7FF).contains(scalar.value) { return 0 }
        if scalar.properties.isEmojiPresentation { return 2 }
        return isWide(scalar.value) ? 2 : 1
    }

    public static func of(_ text: String) -> Int {
        // Most text on a screen is ASCII, Hangul syllables and lines: add up their scalars
        // without finding grapheme boundaries, which costs more than the rest of the sum.
        var width = 0
        for scalar in text.unicodeScalars {
            guard let columns = loneWidth(scalar) else { return text.reduce(0) { $0 + of($1) } }
            width += columns
        }
        return width
    }

    /// Whether every scalar of `text` is a grapheme on its own (see `loneWidth`), so the text
    /// can be laid out scalar by scalar.
    public static func isScalarByScalar(_ text: String) -> Bool {
        text.unicodeScalars.allSatisfy { loneWidth($0) != nil }
    }

    /// The width of a scalar that is always a grapheme cluster by itself in the text a screen
    /// holds — printable ASCII, precomposed Hangul syllables, the dot, the multiplication sign,
    /// the ellipsis, arrows, box drawing and blocks — or nil for any other. None of these join
    /// a neighbour, unless the neighbour is a combining scalar, which is not one of them.
    @inline(__always)
    public static func loneWidth(_ scalar: Unicode.Scalar) -> Int? {
        switch scalar.value {
        case 0x20...0x7E, 0xB7, 0xD7, 0x2026, 0x2190...0x21FF, 0x2500...0x259F: return 1
        case 0xAC00...0xD7A3: return 2
        default: return nil
        }
    }

    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
    }

    /// East Asian Ambiguous characters (UAX #11) that screens and Korean data hold: one column
    /// on most terminals, two on those set to treat them as wide (PuTTY's "CJK ambiguous
    /// characters as wide", `xterm -cjk_width`). A slight superset of the Unicode list, which
    /// errs the safe way: such a character is replaced rather than left to break a row.
    public static func isAmbiguous(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0xA1, 0xA4, 0xA7, 0xA8, 0xAA, 0xAD, 0xAE, 0xB0...0xB4, 0xB6...0xBA, 0xBC...0xBF, 0xC6, 0xD0, 0xD7, 0xD8,
             0xDE...0xE1, 0xE6, 0xE8...0xEA, 0xEC, 0xED, 0xF0, 0xF2, 0xF3, 0xF7...0xFA, 0xFC, 0xFE,
             0x0391...0x03A9, 0x03B1...0x03C9,  // Greek
             0x0401, 0x0410...0x044F, 0x0451,  // Cyrillic
             0x2010...0x2027, 0x2030...0x203E,  // dashes, quotes, dots, primes
             0x2074, 0x207F, 0x2081...0x2084, 0x20AC,
             0x2103, 0x2105, 0x2109, 0x2113, 0x2116, 0x2121, 0x2122, 0x2126, 0x212B,
             0x2153...0x218B,  // fractions, Roman numerals
             0x2190...0x21FF,  // arrows
             0x2200...0x22FF,  // mathematical operators
             0x2312, 0x2460...0x24FF,  // circled and parenthesised digits and letters
             0x2500...0x25FF,  // box drawing, blocks, geometric shapes
             0x2605, 0x2606, 0x2609, 0x260E, 0x260F, 0x261C, 0x261E, 0x2640, 0x2642, 0x2660...0x266F,
             0x269E, 0x269F, 0x26BF, 0x26C6...0x26E1, 0x26E3, 0x26E8...0x26FF,
             0x273D, 0x2776...0x277F, 0x2B56...0x2B59, 0x3248...0x324F,
             0xE000...0xF8FF,  // private use
             0xFFFD:
            return true
        default:
            return false
        }
    }

    /// East Asian Wide and Fullwidth ranges (UAX #11).
    static func isWide(_ value: UInt32) -> Bool {
        switch value {
        case 0x1100...0x115F,  // Hangul Jamo initial consonants
             0x231A...0x231B, 0x2329...0x232A,
             0x2E80...0x303E,  // CJK radicals, punctuation
             0x3041...0x33FF,  // Kana, Bopomofo, Hangul compatibility Jamo, CJK symbols
             0x3400...0x4DBF, 0x4E00...0x9FFF,  // CJK ideographs
             0xA000...0xA4CF,  // Yi
             0xA960...0xA97F,  // Hangul Jamo extended A
             0xAC00...0xD7A3,  // Hangul syllables
             0xF900...0xFAFF,  // CJK compatibility ideographs
             0xFE10...0xFE19, 0xFE30...0xFE6F,
             0xFF00...0xFF60, 0xFFE0...0xFFE6,  // Fullwidth forms
             0x1F300...0x1F64F, 0x1F900...0x1F9FF,
             0x20000...0x2FFFD, 0x30000...0x3FFFD:
            return true
        default:
            return false
        }
    }
}

/// Makes text from the store safe and fitting for a terminal cell grid.
public enum TerminalText {
    /// Removes escape sequences (CSI, OSC and the rest) and every other control character;
    /// tabs and newlines become spaces so a note cannot break the layout.
    public static func sanitize(_ text: String) -> String {
        // Most text holds no control character at all: hand it back as it is.
        if !holdsControl(text) { return text }
        var result = String.UnicodeScalarView()
        var scalars = text.unicodeScalars.makeIterator()
        var pending = scalars.next()
        while let scalar = pending {
            pending = scalars.next()
            switch scalar.value {
            case 0x1B:  // ESC: drop the whole sequence
                guard let introducer = pending else { break }
                pending = scalars.next()
                if introducer == "[" {  // CSI: parameters, then a final byte 0x40–0x7E
                    while let next = pending, !(0x40...0x7E).contains(next.value) { pending = scalars.next() }
                    pending = scalars.next()
                } else if (0x20...0x2F).contains(introducer.value) {
                    // nF sequences such as ESC ( B (charset) and ESC # 8: intermediates, then a final byte.
                    while let next = pending, (0x20...0x2F).contains(next.value) { pending = scalars.next() }
                    pending = scalars.next()
                } else if introducer == "]" || introducer == "P" || introducer == "_" || introducer == "^" {
                    // OSC/DCS/APC/PM: up to BEL or ESC \
                    while let next = pending, next.value != 0x07, next.value != 0x1B { pending = scalars.next() }
                    if pending?.value == 0x1B { pending = scalars.next() }
                    pending = scalars.next()
                }
            case 0x09, 0x0A, 0x0D:
                result.append(" ")
            case 0x9B:  // 8-bit CSI
                while let next = pending, !(0x40...0x7E).contains(next.value) { pending = scalars.next() }
                pending = scalars.next()
            default:
                if !DisplayWidth.isControl(scalar) { result.append(scalar) }
            }
        }
        return String(result)
    }

    /// Whether `text` holds a control character (C0, DEL or C1), found in its UTF-8 bytes. A C1
    /// control is 0xC2 then 0x80–0x9F; 0xC2 before anything else is printable (the middle dot
    /// of every list, a no-break space) and needs no slower look.
    static func holdsControl(_ text: String) -> Bool {
        func holds(_ bytes: some Sequence<UInt8>) -> Bool {
            var afterC2 = false
            for byte in bytes {
                if byte < 0x20 || byte == 0x7F || (afterC2 && byte < 0xA0) { return true }
                afterC2 = byte == 0xC2
            }
            return false
        }
        // The bytes in place where the string keeps them so (nearly always): a plain loop over
        // memory, where stepping through the view checks each index.
        return text.utf8.withContiguousStorageIfAvailable { holds($0) } ?? holds(text.utf8)
    }

    /// Cuts `text` to at most `width` columns at a character boundary, ending with `…` when cut.
    public static func truncate(_ text: String, width: Int) -> String {
        guard width > 0 else { return "" }
        if DisplayWidth.of(text) <= width { return text }
        var result = ""
        var used = 0
        for character in text {
            let w = DisplayWidth.of(character)
            if used + w > width - 1 { break }
            result.append(character)
            used += w
        }
        return result + "…"
    }

    /// Pads `text` with spaces to exactly `width` columns, cutting it first if needed.
    public static func pad(_ text: String, width: Int) -> String {
        let cut = truncate(text, width: width)
        return cut + String(repeating: " ", count: max(0, width - DisplayWidth.of(cut)))
    }
}
