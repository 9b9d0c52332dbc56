/// Matching what a coordinator types in a filter: plain text anywhere in a field, case
/// insensitive, or Korean initial consonants (초성): ㅅㅅ finds 석수, ㄱㅇㄷ finds 관양동.
public enum SearchMatch {
    private static let initials: [Character] = ["ㄱ", "ㄲ", "ㄴ", "ㄷ", "ㄸ", "ㄹ", "ㅁ", "ㅂ", "ㅃ", "ㅅ", "ㅆ", "ㅇ", "ㅈ", "ㅉ", "ㅊ", "ㅋ", "ㅌ", "ㅍ", "ㅎ"]
    private static let initialSet = Set(initials)
    /// The same, as scalars, for text built scalar by scalar.
    static let initialScalars: [Unicode.Scalar] = initials.map { $0.unicodeScalars.first! }

    /// The initial consonant of a Hangul syllable, or the character itself.
    public static func initial(of character: Character) -> Character {
        guard let scalar = character.unicodeScalars.first, character.unicodeScalars.count == 1,
              (0xAC00...0xD7A3).contains(scalar.value) else { return character }
        return initials[Int(scalar.value - 0xAC00) / (21 * 28)]
    }

    /// The text with every Hangul syllable replaced by its initial consonant.
    public static func initials(of text: String) -> String {
        String(text.map(initial(of:)))
    }

    /// True when the query is initial consonants, with perhaps digits among them (ㅅㅅ2ㄷ for
    /// 석수2동), so it is matched against initials.
    public static func isInitialsQuery(_ query: String) -> Bool {
        query.contains { initialSet.contains($0) } && query.allSatisfy { initialSet.contains($0) || $0 == " " || ($0.isASCII && $0.isNumber) }
    }

    /// True when every word of the query is found in one of the fields.
    public static func matches(_ query: String, in fields: [String]) -> Bool {
        let words = query.lowercased().split(separator: " ").map(String.init)
        if words.isEmpty { return true }
        let lowered = fields.map { $0.lowercased() }
        return words.allSatisfy { word in
            if isInitialsQuery(word) {
                return lowered.contains { initials(of: $0).contains(word) }
            }
            return lowered.contains { $0.contains(word) }
        }
    }
}

/// A record's searchable text, prepared once so that filtering thousands of records as each
/// key is typed compares bytes instead of lower-casing strings again and again.
public struct SearchText: Sendable, Hashable {
    /// The text, then its initials, in one buffer: a city's volunteer list holds 20,000 of
    /// these, and one allocation each instead of two saves a megabyte.
    private let bytes: [UInt8]
    /// Where the initials begin in `bytes`.
    private let initialsStart: Int32

    private var text: ArraySlice<UInt8> { bytes[..<Int(initialsStart)] }
    private var initials: ArraySlice<UInt8> { bytes[Int(initialsStart)...] }

    public init(_ fields: [String]) {
        (bytes, initialsStart) = SearchText.bytes(of: fields)
    }

    /// The fields' text, lower-cased, then its initials, and where they begin.
    static func bytes(of fields: [String]) -> ([UInt8], Int32) {
        let joined = fields.joined(separator: "\u{1F}")
        return plainBytes(joined) ?? generalBytes(joined)
    }

    /// Lower-cased, then reduced to initials character by character: right for any text.
    static func generalBytes(_ joined: String) -> ([UInt8], Int32) {
        let lowered = joined.lowercased()
        let initials = SearchMatch.initials(of: lowered).utf8
        var bytes: [UInt8] = []
        bytes.reserveCapacity(lowered.utf8.count + initials.count)
        bytes.append(contentsOf: lowered.utf8)
        bytes.append(contentsOf: initials)
        return (bytes, Int32(clamping: lowered.utf8.count))
    }

    /// The same bytes for text of ASCII, Hangul syllables and compatibility jamo only, nearly
    /// all that is searched, made scalar by scalar: each such scalar is a character of its own
    /// and only ASCII has case. The general way walks the text by grapheme twice and took most
    /// of a reload of a city's requests pane. Nil for any other text.
    static func plainBytes(_ joined: String) -> ([UInt8], Int32)? {
        var lowered: [UInt8] = []
        var initials: [UInt8] = []
        lowered.reserveCapacity(joined.utf8.count * 2)
        initials.reserveCapacity(joined.utf8.count)
        // Both ranges beyond ASCII take three bytes in UTF-8.
        func append(_ value: UInt32, to bytes: inout [UInt8]) {
            bytes.append(UInt8(0xE0 | (value >> 12)))
            bytes.append(UInt8(0x80 | ((value >> 6) & 0x3F)))
            bytes.append(UInt8(0x80 | (value & 0x3F)))
        }
        for scalar in joined.unicodeScalars {
            switch scalar.value {
            case 0x41...0x5A:
                lowered.append(UInt8(scalar.value) + 0x20)
                initials.append(UInt8(scalar.value) + 0x20)
            case 0..<0x80:
                lowered.append(UInt8(scalar.value))
                initials.append(UInt8(scalar.value))
            case 0xAC00...0xD7A3:
                append(scalar.value, to: &lowered)
                append(SearchMatch.initialScalars[Int(scalar.value - 0xAC00) / (21 * 28)].value, to: &initials)
            case 0x3130...0x318F:
                append(scalar.value, to: &lowered)
                append(scalar.value, to: &initials)
            default:
                return nil
            }
        }
        let start = Int32(clamping: lowered.count)
        lowered.append(contentsOf: initials)
        return (lowered, start)
    }

    /// The same rule as `SearchMatch.matches`: every word found, initials against initials.
    public func matches(_ query: SearchQuery) -> Bool {
        query.words.allSatisfy { word in
            SearchText.contains(word.isInitials ? initials : text, word.bytes)
        }
    }

    static func contains(_ haystack: ArraySlice<UInt8>, _ needle: [UInt8]) -> Bool {
        // Counted from the slice's own start, whichever part of the buffer it is.
        haystack.withUnsafeBufferPointer { contains($0, needle) }
    }

    static func contains(_ haystack: UnsafeBufferPointer<UInt8>, _ needle: [UInt8]) -> Bool {
        guard !needle.isEmpty else { return true }
        guard haystack.count >= needle.count, let first = needle.first else { return false }
        var start = 0
        let last = haystack.count - needle.count
        while start <= last {
            if haystack[start] == first {
                var matched = true
                for offset in 1..<needle.count where haystack[start + offset] != needle[offset] {
                    matched = false
                    break
                }
                if matched { return true }
            }
            start += 1
        }
        return false
    }
}

/// The search texts of a long list (a city's 20,000 volunteers) in one buffer, by position in
/// the list: one SearchText each was an array each, 20,000 allocations with their headers,
/// 1.8 MB held while a dashboard is open. The bytes are SearchText's.
public struct SearchTexts: Sendable {
    private let bytes: [UInt8]
    /// Record i's text is `starts[i]..<initialsStarts[i]`, its initials from there to `starts[i + 1]`.
    private let starts: [UInt32]
    private let initialsStarts: [UInt32]

    public init<Records: Sequence>(_ records: Records) where Records.Element == [String] {
        var bytes: [UInt8] = [], starts: [UInt32] = [0], initialsStarts: [UInt32] = []
        starts.reserveCapacity(records.underestimatedCount + 1)
        initialsStarts.reserveCapacity(records.underestimatedCount)
        for fields in records {
            let (record, initialsStart) = SearchText.bytes(of: fields)
            initialsStarts.append(UInt32(bytes.count) + UInt32(initialsStart))
            bytes.append(contentsOf: record)
            starts.append(UInt32(bytes.count))
        }
        // Exactly as long as it is: grown by doubling, the buffer could be twice its bytes.
        self.bytes = bytes.withUnsafeBufferPointer { Array($0) }
        self.starts = starts
        self.initialsStarts = initialsStarts
    }

    public var count: Int { initialsStarts.count }

    /// Whether record `index` matches the query, by the rule of `SearchText.matches`.
    public func matches(_ index: Int, _ query: SearchQuery) -> Bool {
        query.words.allSatisfy { contains(index, $0) }
    }

    /// The same with a second record's text as one more field of this one's: each word in
    /// either. A word never spans two fields, so this is the match of the two joined.
    public func matches(_ index: Int, _ query: SearchQuery, orIn other: SearchTexts, at otherIndex: Int) -> Bool {
        query.words.allSatisfy { contains(index, $0) || other.contains(otherIndex, $0) }
    }

    private func contains(_ index: Int, _ word: SearchQuery.Word) -> Bool {
        let range = word.isInitials ? Int(initialsStarts[index])..<Int(starts[index + 1]) : Int(starts[index])..<Int(initialsStarts[index])
        return bytes.withUnsafeBufferPointer { SearchText.contains(UnsafeBufferPointer(rebasing: $0[range]), word.bytes) }
    }
}

/// A filter as typed, split into words once.
public struct SearchQuery: Sendable, Hashable {
    struct Word: Sendable, Hashable {
        var bytes: [UInt8]
        var isInitials: Bool
    }

    let words: [Word]

    public init(_ text: String) {
        words = text.lowercased().split(separator: " ").map { word in
            Word(bytes: Array(word.utf8), isInitials: SearchMatch.isInitialsQuery(String(word)))
        }
    }

    public var isEmpty: Bool { words.isEmpty }
}
