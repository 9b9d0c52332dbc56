/// Text folded into lines that fit a width in display columns: the kiosk's boards and the
/// printed run sheets alike.
extension TerminalText {
    /// `text` in lines of at most `width` columns, broken between words (a word longer than a
    /// line, such as a path, is cut), at most `lines` of them; the last one kept ends with `…`
    /// when some were left out.
    public static func wrap(_ text: String, width: Int, lines: Int = .max) -> [String] {
        var result: [String] = []
        var line = "", lineWidth = 0
        let clean = sanitize(text)
        // Text whose every scalar stands alone measures as the sum of its parts: then a line's
        // width is kept as it grows, not measured again for every word.
        let additive = DisplayWidth.isScalarByScalar(clean)
        for word in clean.split(separator: " ").map(String.init) {
            let candidate = line.isEmpty ? word : line + " " + word
            let wordWidth = additive ? DisplayWidth.of(word) : 0
            let candidateWidth = additive ? (line.isEmpty ? wordWidth : lineWidth + 1 + wordWidth) : DisplayWidth.of(candidate)
            if candidateWidth <= width || line.isEmpty {
                line = candidate
                lineWidth = candidateWidth
            } else {
                result.append(line)
                line = word
                lineWidth = wordWidth
            }
        }
        if !line.isEmpty { result.append(line) }
        let kept = result.prefix(lines).map { truncate($0, width: width) }
        return result.count > lines ? Array(kept.dropLast()) + [truncate(kept.last.map { $0 + " …" } ?? "…", width: width)] : kept
    }
}
