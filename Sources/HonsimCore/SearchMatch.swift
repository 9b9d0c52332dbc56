/// Matching what a coordinator types in a filter: plain text anywhere in a field, case
/// insensitive, or Korean initial consonants (초성): ㅅㅅ finds 석수, ㄱㅇㄷ finds 관양동.
public enum SearchMatch {
    private static let initials: [Character] = ["ㄱ", "ㄲ", "ㄴ", "ㄷ", "ㄸ", "ㄹ", "ㅁ", "ㅂ", "ㅃ", "ㅅ", "ㅆ", "ㅇ", "ㅈ", "ㅉ", "ㅊ", "ㅋ", "ㅌ", "ㅍ", "ㅎ"]
    private static let initialSet = Set(initials)

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

    /// True when the query is all initial consonants, so it is matched against initials.
    static func isInitialsQuery(_ query: String) -> Bool {
        !query.isEmpty && query.allSatisfy { initialSet.contains($0) || $0 == " " }
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
