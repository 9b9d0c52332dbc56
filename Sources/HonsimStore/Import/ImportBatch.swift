import Foundation
import HonsimCore

/// A record read from a file, with the line it came from (the header is line 1).
public struct ImportRow<Record: Sendable>: Sendable {
    public var line: Int
    public var record: Record

    public init(line: Int, record: Record) {
        self.line = line
        self.record = record
    }
}

/// How a row of a requests file names its household: by id, or by name, birth year and dong.
public enum HouseholdReference: Sendable, Hashable {
    case id(Int64, name: String?)
    case identity(name: String, birthYear: Int, dongCode: String)
}

/// A request read from a file, its household still to be found in the store.
public struct RequestDraft: Sendable {
    public var household: HouseholdReference
    /// Complete but for `householdID`, `dongCode` and the id, which the store fills in.
    public var request: EscortRequest

    public init(household: HouseholdReference, request: EscortRequest) {
        self.household = household
        self.request = request
    }
}

/// What a file holds, read and checked as far as it can be without the store: the records
/// that read cleanly, and every problem with its line and column. The store adds what only
/// it can check (duplicates of stored records, the households requests name) and refuses the
/// whole batch when anything is wrong.
public struct ImportBatch: Sendable {
    public var kind: ImportKind
    public var file: String
    public var households: [ImportRow<Household>] = []
    public var volunteers: [ImportRow<Volunteer>] = []
    public var requests: [ImportRow<RequestDraft>] = []
    /// Households' eligibility as the file gives it, by line (ImportParser+Eligibility.swift).
    public var eligibility: [Int: HouseholdEligibility] = [:]
    public var issues: [DataIssue] = []
    /// Records in the file, blank lines not counted.
    public var rowCount = 0
    /// Headers that name no column honsim knows; their cells are not read.
    public var ignoredColumns: [String] = []
    /// The header under which each field was found, to name the column as the file does.
    public var columnNames: [ImportField: String] = [:]

    public init(kind: ImportKind, file: String) {
        self.kind = kind
        self.file = file
    }

    /// Records that read cleanly.
    public var recordCount: Int { households.count + volunteers.count + requests.count }

    /// The column as the file's header wrote it, or its own name when the file has none.
    public func column(_ field: ImportField) -> String { columnNames[field] ?? field.label }

    func issue(_ line: Int, _ field: ImportField, ko: String, en: String) -> DataIssue {
        DataIssue(file: file, line: line, field: column(field), message: Phrase(ko: ko, en: en))
    }
}

/// What an import did, or in a dry run would do.
public struct ImportOutcome: Sendable, Hashable {
    public var kind: ImportKind
    public var file: String
    public var count: Int
    /// The ids the new records got (or would get): consecutive, after every id in the store.
    public var ids: ClosedRange<Int64>?
    public var dryRun: Bool
    /// How the file was read, as the command line tells it: the text encoding of a CSV file or
    /// the sheet of a workbook, and headers that named no column honsim knows.
    public var encoding: TextEncodingFound?
    public var sheet: String?
    public var ignoredColumns: [String] = []

    public init(kind: ImportKind, file: String, count: Int, ids: ClosedRange<Int64>?, dryRun: Bool) {
        self.kind = kind
        self.file = file
        self.count = count
        self.ids = ids
        self.dryRun = dryRun
    }

    /// "CP949/EUC-KR로 읽음", "시트 '대상자 명단'", and the columns left unread, when there are any.
    public func notes(_ language: Language) -> [String] {
        var notes: [String] = []
        if let sheet { notes.append(language == .ko ? "시트 '\(sheet)'을(를) 읽었습니다" : "read the sheet '\(sheet)'") }
        if let encoding, encoding != .utf8 {
            // 로 after ㄹ (…KR 알), 으로 after another final consonant (UTF-16 식스틴, BOM 봄).
            let particle = encoding == .cp949 ? "로" : "으로"
            notes.append(language == .ko ? "\(encoding.label)\(particle) 읽었습니다" : "read as \(encoding.label)")
        }
        if !ignoredColumns.isEmpty {
            let list = ignoredColumns.map(TerminalText.sanitize).joined(separator: ", ")
            notes.append(language == .ko ? "모르는 열은 읽지 않았습니다: \(list)" : "columns not read (unknown): \(list)")
        }
        return notes
    }

    /// One sentence for the command line and the dashboard.
    public func summary(_ language: Language) -> String {
        let number = Grouping.thousands(count)
        let noun = count == 1 ? kind.entity : kind.phrase.en
        if dryRun {
            return language == .ko
                ? "확인만 했습니다: \(kind.phrase.ko) \(number)건, 문제 없음 (아무것도 쓰지 않음): \(file)"
                : "checked only: \(number) \(noun), no problem found (nothing was written): \(file)"
        }
        guard let ids = idsText(language) else { return language == .ko ? "가져올 행이 없습니다: \(file)" : "nothing to import: \(file)" }
        return language == .ko
            ? "\(kind.phrase.ko) \(number)건을 가져왔습니다 (\(ids)): \(file)"
            : "imported \(number) \(noun) (\(ids)) from \(file)"
    }

    /// "번호 399–401", "id 399", "ids 399–401".
    public func idsText(_ language: Language) -> String? {
        guard let ids else { return nil }
        let single = ids.lowerBound == ids.upperBound
        let range = single ? "\(ids.lowerBound)" : "\(ids.lowerBound)–\(ids.upperBound)"
        return language == .ko ? "번호 \(range)" : "\(single ? "id" : "ids") \(range)"
    }
}

/// How far an import has come, for a progress bar.
public struct ImportProgress: Sendable, Hashable {
    public enum Phase: Sendable, Hashable { case reading, checking, writing }
    public var phase: Phase
    public var done: Int
    public var total: Int

    public init(phase: Phase, done: Int, total: Int) {
        self.phase = phase
        self.done = done
        self.total = total
    }

    public typealias Handler = @Sendable (ImportProgress) -> Void

    public var label: Phrase {
        switch phase {
        case .reading: Phrase(ko: "읽는 중", en: "reading")
        case .checking: Phrase(ko: "확인 중", en: "checking")
        case .writing: Phrase(ko: "쓰는 중", en: "writing")
        }
    }
}

/// 12,345: counts as people read them, the same in both languages.
public enum Grouping {
    public static func thousands(_ value: Int) -> String {
        let digits = String(abs(value))
        var out = ""
        for (index, digit) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { out.append(",") }
            out.append(digit)
        }
        return (value < 0 ? "-" : "") + out
    }
}
