/// The one masking rule for personal data, used by the kiosk, by exports meant for
/// meetings, and wherever a coordinator sees a household outside their dongs.
public enum Masking {
    /// 홍길동 → 홍*동, 김솔 → 김*, 남궁민수 → 남궁*수. Four syllables or more keep a
    /// two-syllable surname (남궁, 황보, 선우) and the last syllable. Spaces are kept.
    public static func name(_ name: String) -> String {
        let letters = Array(name.trimmingSpaces())
        let count = letters.filter { !$0.isWhitespace }.count
        guard count > 1 else { return count == 1 ? "*" : "" }
        let keepHead = count >= 4 ? 2 : 1
        let keepTail = count >= 3 ? 1 : 0
        var seen = 0
        var result = ""
        for letter in letters {
            if letter.isWhitespace { result.append(letter); continue }
            result.append(seen < keepHead || seen >= count - keepTail ? letter : "*")
            seen += 1
        }
        return result
    }

    /// 010-1234-5678 → 010-****-5678; 02-123-4567 → 02-***-4567. Digits without hyphens
    /// are grouped as Korean numbers are written. Anything else keeps only its last 4 digits.
    /// A number masked already stays as it is: the store masks what a role may not see, and a
    /// screen may mask it again.
    public static func phone(_ phone: String) -> String {
        let trimmed = phone.trimmingSpaces()
        if trimmed.isEmpty { return "" }
        let groups = trimmed.split(whereSeparator: { $0 == "-" || $0 == " " || $0 == "." }).map(String.init)
        if groups.count == 3, groups.allSatisfy({ $0.allSatisfy { $0.isASCIIDigit || $0 == "*" } }) {
            return "\(groups[0])-\(String(repeating: "*", count: groups[1].count))-\(groups[2])"
        }
        let digits = trimmed.filter(\.isASCIIDigit)
        guard digits.count >= 9, digits.count <= 11, digits.hasPrefix("0") else {
            return String(repeating: "*", count: max(0, digits.count - 4)) + String(digits.suffix(4))
        }
        let areaLength = digits.hasPrefix("02") ? 2 : 3
        let middleLength = digits.count - areaLength - 4
        return "\(digits.prefix(areaLength))-\(String(repeating: "*", count: middleLength))-\(digits.suffix(4))"
    }

    /// A volunteer as a public screen shows them: 정지민 → ㅈ*ㅁ, each syllable's initial
    /// consonant as Koreans abbreviate names, of the name masked by `name` (Maria Santos → M.*).
    /// Of the masked name, so that it is the same whether a store gave the name in full (SQLite)
    /// or already masked (a kiosk's login on PostgreSQL reads only masked names).
    public static func initials(_ name: String) -> String {
        Masking.name(name).split(whereSeparator: \.isWhitespace).map { word -> String in
            guard let first = word.first else { return "" }
            if SearchMatch.initial(of: first) != first { return SearchMatch.initials(of: String(word)) }
            if first == "*" { return "*" }
            return String(first).uppercased() + "."
        }.joined()
    }

    /// The street and number are personal; the dong and district are not.
    public static func address(_ address: String) -> String {
        let words = address.split(separator: " ")
        guard words.count > 2 else { return address.isEmpty ? "" : "***" }
        return words.prefix(2).joined(separator: " ") + " ***"
    }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}
