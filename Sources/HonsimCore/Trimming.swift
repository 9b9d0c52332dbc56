extension StringProtocol {
    /// Without leading and trailing spaces and tabs: what `trimmingCharacters(in: .whitespaces)`
    /// gives, without Foundation's round trip through NSString, which on Linux costs about a
    /// microsecond a call; an import of 200,000 rows trims millions of cells.
    public func trimmingSpaces() -> String { trimmedScalarByScalar() }

    /// The general way, for text that has spaces to trim at an end.
    func trimmedScalarByScalar() -> String {
        let scalars = unicodeScalars
        var start = scalars.startIndex, end = scalars.endIndex
        while start < end, scalars[start].isSpaceOrTab { start = scalars.index(after: start) }
        while end > start, scalars[scalars.index(before: end)].isSpaceOrTab { end = scalars.index(before: end) }
        var trimmed = String.UnicodeScalarView()
        trimmed.append(contentsOf: scalars[start..<end])
        return String(trimmed)
    }
}

extension Substring {
    /// The common case first: a word of a list split at its separators, nothing to trim, is
    /// copied whole rather than scalar by scalar (a city's day splits thousands of lists).
    public func trimmingSpaces() -> String {
        if let first = unicodeScalars.first, let last = unicodeScalars.last, !first.isSpaceOrTab, !last.isSpaceOrTab { return String(self) }
        return trimmedScalarByScalar()
    }
}

extension String {
    /// The common case first: nothing to trim gives the same string back, with no copy.
    public func trimmingSpaces() -> String {
        if let first = unicodeScalars.first, let last = unicodeScalars.last, !first.isSpaceOrTab, !last.isSpaceOrTab { return self }
        return trimmedScalarByScalar()
    }
}

extension Unicode.Scalar {
    /// A tab or a space separator (Unicode category Zs): Foundation's `CharacterSet.whitespaces`.
    /// The Zs scalars are listed rather than looked up: the lookup costs more than the trim.
    var isSpaceOrTab: Bool {
        switch value {
        case 0x20, 0x09, 0xA0, 0x1680, 0x2000...0x200A, 0x202F, 0x205F, 0x3000: return true
        default: return false
        }
    }
}
