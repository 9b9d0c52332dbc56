import Foundation
import HonsimCore

/// The steps `honsim import` and the dashboard's `I` share: read the file, read its rows as
/// records with the store's dongs, and hand the batch to the store, which checks the rest and
/// writes all of it or nothing.
public enum Importer {
    public static func run(path: String, kind: ImportKind?, into store: any CaseStore, dryRun: Bool, sheet: String? = nil,
                           now: Date = Date(), expectedFingerprint: UInt64? = nil,
                           progress: ImportProgress.Handler? = nil) async throws -> ImportOutcome {
        let file = try ImportFile.read(path: path, sheet: sheet, progress: progress)
        if let expectedFingerprint, expectedFingerprint != file.fingerprint {
            throw StoreError.invalidData([DataIssue(file: file.name, line: 0, field: "-", message: Phrase(
                ko: "미리 본 뒤에 파일이 바뀌었습니다. 다시 미리 보세요", en: "the file changed after the preview; preview it again"))])
        }
        let batch = file.parse(as: try resolve(kind, file), dongs: try await store.dongs(), now: now, calendar: store.calendar,
                               progress: progress)
        var outcome = try await store.importRecords(batch, dryRun: dryRun, progress: progress)
        outcome.encoding = file.encoding
        outcome.sheet = file.sheet
        outcome.ignoredColumns = batch.ignoredColumns
        return outcome
    }

    /// What the dashboard shows before an import: the first rows and every problem, found by a
    /// dry run against the store, so that what it says is what the import would do.
    public static func preview(path: String, kind: ImportKind?, store: any CaseStore, now: Date = Date(),
                               sampleRows: Int = 5) async throws -> ImportPreview {
        let file = try ImportFile.read(path: path)
        let kind = try resolve(kind, file)
        let batch = file.parse(as: kind, dongs: try await store.dongs(), now: now, calendar: store.calendar)
        var issues: [DataIssue] = []
        var outcome: ImportOutcome?
        do { outcome = try await store.importRecords(batch, dryRun: true, progress: nil) } catch StoreError.invalidData(let found) {
            issues = found
        }
        let sample = file.sample(as: kind, count: sampleRows)
        return ImportPreview(path: file.path, file: file.name, kind: kind, encoding: file.encoding, sheet: file.sheet,
                             rows: file.rowCount, columns: sample.columns, sample: sample.rows, issues: issues,
                             ignoredColumns: batch.ignoredColumns, outcome: outcome, fingerprint: file.fingerprint)
    }

    static func resolve(_ kind: ImportKind?, _ file: ImportFile) throws -> ImportKind {
        if let kind = kind ?? file.guessedKind { return kind }
        throw StoreError.invalidData([DataIssue(file: file.name, line: 1, field: "-", message: Phrase(
            ko: "대상자·봉사자·요청 중 어느 자료인지 머리글로 알 수 없습니다", en: "the header does not say whether these are households, volunteers or requests"))])
    }
}

/// A file as the dashboard previews it before importing.
public struct ImportPreview: Sendable, Hashable {
    public var path: String
    public var file: String
    public var kind: ImportKind
    public var encoding: TextEncodingFound?
    public var sheet: String?
    public var rows: Int
    /// The columns read, in the file's order, and the first rows' cells under them.
    public var columns: [ImportField]
    public var sample: [[String]]
    /// Every problem, by line; empty when the import can go ahead.
    public var issues: [DataIssue]
    public var ignoredColumns: [String]
    /// What the import would do, when there is no problem.
    public var outcome: ImportOutcome?
    public var fingerprint: UInt64

    public init(path: String, file: String, kind: ImportKind, encoding: TextEncodingFound?, sheet: String?, rows: Int,
                columns: [ImportField], sample: [[String]], issues: [DataIssue], ignoredColumns: [String],
                outcome: ImportOutcome?, fingerprint: UInt64) {
        self.path = path
        self.file = file
        self.kind = kind
        self.encoding = encoding
        self.sheet = sheet
        self.rows = rows
        self.columns = columns
        self.sample = sample
        self.issues = issues
        self.ignoredColumns = ignoredColumns
        self.outcome = outcome
        self.fingerprint = fingerprint
    }

    public var canImport: Bool { issues.isEmpty && outcome != nil }
}
