import Foundation
import HonsimCore

/// When two records are the same one: the same person (households: name, birth year and dong;
/// volunteers: name and phone) or the same escort (the same household at the same time).
/// Spaces in names do not make a difference; nor do hyphens in phone numbers.
enum ImportIdentity {
    struct Household: Hashable {
        let name: String
        let birthYear: Int
        let dongCode: String

        init(name: String, birthYear: Int, dongCode: String) {
            self.name = ImportIdentity.compact(name)
            self.birthYear = birthYear
            self.dongCode = dongCode
        }
    }

    struct Volunteer: Hashable {
        let name: String
        let phone: String

        init(name: String, phone: String) {
            self.name = ImportIdentity.compact(name)
            self.phone = phone.filter(\.isASCIIDigitCharacter)
        }
    }

    struct Request: Hashable {
        let householdID: Int64
        let appointment: Int64
    }

    static func compact(_ name: String) -> String { name.filter { !$0.isWhitespace } }

    /// The words of each kind's rule, for the messages.
    static func rule(_ kind: ImportKind) -> Phrase {
        switch kind {
        case .households: Phrase(ko: "같은 이름·생년·동", en: "same name, birth year and dong")
        case .volunteers: Phrase(ko: "같은 이름·연락처", en: "same name and phone")
        case .requests: Phrase(ko: "같은 대상자·진료 일시", en: "same household and appointment time")
        }
    }

    /// Rows whose identity an earlier row of the file, or a stored record, already has. The
    /// first row of the file with an identity is the one kept; the others are reported.
    static func duplicates<Record, Key: Hashable>(
        in rows: [ImportRow<Record>], batch: ImportBatch, field: ImportField, key: (Record) -> Key?, stored: (Key) -> Int64?
    ) -> [DataIssue] {
        var first: [Key: Int] = [:]
        var issues: [DataIssue] = []
        let rule = rule(batch.kind)
        let entity = batch.kind.phrase
        for row in rows {
            guard let key = key(row.record) else { continue }
            if let line = first[key] {
                issues.append(batch.issue(row.line, field, ko: "\(line)행과 중복됩니다(\(rule.ko))", en: "duplicates line \(line) (\(rule.en))"))
            } else if let id = stored(key) {
                issues.append(batch.issue(row.line, field, ko: "이미 저장소에 있습니다: \(entity.ko) \(id)번(\(rule.ko))",
                                          en: "already in the store: \(batch.kind.entity) \(id) (\(rule.en))"))
            } else {
                first[key] = row.line
            }
        }
        return issues
    }
}
