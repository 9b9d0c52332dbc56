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

    public init(kind: ImportKind, file: String, count: Int, ids: ClosedRange<Int64>?, dryRun: Bool) {
        self.kind = kind
        self.file = file
        self.count = count
        self.ids = ids
        self.dryRun = dryRun
    }

    /// One sentence for the command line and the dashboard.
    public func summary(_ language: Language) -> String {
        let range = ids.map { $0.lowerBound == $0.upperBound ? "\($0.lowerBound)" : "\($0.lowerBound)–\($0.upperBound)" }
        let number = Grouping.thousands(count)
        let what = kind.phrase
        if dryRun {
            return language == .ko
                ? "확인만 했습니다: \(what.ko) \(number)건을 모두 가져올 수 있습니다 (아무것도 쓰지 않음): \(file)"
                : "checked only: all \(number) \(what.en) can be imported (nothing was written): \(file)"
        }
        return language == .ko
            ? "\(what.ko) \(number)건을 가져왔습니다\(range.map { " (번호 \($0))" } ?? ""): \(file)"
            : "imported \(number) \(what.en)\(range.map { " (ids \($0))" } ?? "") from \(file)"
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
