import HonsimCore

/// Why rows match a filter when the match is not in what the row shows: a dong's former name
/// (석수 finds 충훈동, once 석수3동), initial consonants (ㅅㅅ), a request's number (#123).
/// Said beside the filter, so that a coordinator is not left wondering why 충훈동 is listed.
enum FilterReason {
    static let former = Phrase(ko: "옛 이름", en: "former name")
    static let initials = Phrase(ko: "초성", en: "initials")
    static let requestNumber = Phrase(ko: "요청 번호", en: "request number")

    /// The reasons for `filter` over `dongs`, joined, or nil when every match is plain text.
    static func describe(_ filter: String, dongs: [Dong], language: Language) -> String? {
        var reasons: [String] = []
        for word in filter.lowercased().split(separator: " ").map(String.init) {
            if SearchMatch.isInitialsQuery(word) {
                reasons.append("\(initials.text(language)) \(word)")
            } else if word.hasPrefix("#"), word.count > 1, word.dropFirst().allSatisfy(\.isNumber) {
                reasons.append("\(requestNumber.text(language)) \(word)")
            } else {
                let renamed = dongs.compactMap { dong -> String? in
                    guard !dong.name.lowercased().contains(word),
                          let name = dong.formerNames.first(where: { $0.lowercased().contains(word) }) else { return nil }
                    return "\(name)→\(dong.name)"
                }
                if !renamed.isEmpty { reasons.append("\(former.text(language)) \(renamed.joined(separator: ", "))") }
            }
        }
        return reasons.isEmpty ? nil : reasons.joined(separator: "; ")
    }
}
