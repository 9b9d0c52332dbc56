import Foundation
import HonsimCore

/// A spreadsheet read for import: a CSV file in any encoding offices use, or a sheet of an
/// .xlsx workbook, told apart by their first bytes rather than by their names.
public struct ImportFile: Sendable {
    public let path: String
    /// The file's name, as messages name it.
    public let name: String
    let table: CSVTable
    /// The sheet read, for a workbook.
    public let sheet: String?
    /// Identifies the bytes read: a preview and the import it leads to must read the same file.
    public let fingerprint: UInt64

    /// The text encoding of a CSV file; nil for a workbook.
    public var encoding: TextEncodingFound? { sheet == nil ? table.encoding : nil }
    public var header: [String] { table.header }
    /// Records, blank lines not counted.
    public var rowCount: Int { table.records.count }

    /// The kind the header suggests, else the file's name (대상자, 봉사자, 요청).
    public var guessedKind: ImportKind? {
        if let kind = ImportKind.guess(header: header) { return kind }
        let lower = name.lowercased()
        if lower.contains("봉사자") || lower.contains("volunteer") { return .volunteers }
        if lower.contains("요청") || lower.contains("동행") || lower.contains("request") { return .requests }
        if lower.contains("대상자") || lower.contains("household") { return .households }
        return nil
    }

    public static func read(path: String, sheet: String? = nil, progress: ImportProgress.Handler? = nil) throws -> ImportFile {
        let url = URL(fileURLWithPath: (path as NSString).expandingTildeInPath)
        let name = url.lastPathComponent
        let refuse = { (ko: String, en: String) in
            StoreError.invalidData([DataIssue(file: name, line: 0, field: "-", message: Phrase(ko: ko, en: en))])
        }
        var folder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &folder) else {
            throw refuse("파일이 없습니다: \(url.path)", "no such file: \(url.path)")
        }
        guard !folder.boolValue else { throw refuse("파일이 아니라 폴더입니다: \(url.path)", "a folder, not a file: \(url.path)") }
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw refuse("파일을 읽을 수 없습니다(권한 확인): \(url.path)", "cannot read the file (check permissions): \(url.path)")
        }
        guard !data.isEmpty else { throw refuse("빈 파일입니다", "the file is empty") }
        progress?(ImportProgress(phase: .reading, done: 0, total: data.count))
        let table: CSVTable
        var sheetName: String?
        if Workbook.isWorkbook(data) {
            let read = try Workbook.rows(data, file: name, sheet: sheet)
            sheetName = read.sheet
            table = CSVTable(file: name, rows: read.rows)
        } else if Workbook.isLegacyOrEncrypted(data) {
            throw refuse("엑셀 97-2003(.xls) 파일이나 암호가 걸린 파일은 읽을 수 없습니다. 암호를 풀고 .xlsx나 'CSV UTF-8'로 저장해 주세요",
                         "cannot read an Excel 97-2003 (.xls) or password-protected workbook; remove the password and save it as .xlsx or \"CSV UTF-8\"")
        } else {
            table = try CSVTable(file: name, data: data) { done, total in
                progress?(ImportProgress(phase: .reading, done: done, total: max(total, 1)))
            }
        }
        guard !table.header.allSatisfy(\.isEmpty) else { throw refuse("머리글(첫 줄)이 비어 있습니다", "the header (the first line) is empty") }
        return ImportFile(path: url.path, name: name, table: table, sheet: sheetName, fingerprint: fingerprint(data))
    }

    /// Reads the rows as `kind`, with the store's dongs; `now` decides which appointments are past.
    public func parse(as kind: ImportKind, dongs: DongDirectory, now: Date, calendar: Calendar,
                      progress: ImportProgress.Handler? = nil) -> ImportBatch {
        var parser = ImportParser(kind: kind, file: name, dongs: dongs, now: now, calendar: calendar)
        return parser.parse(table, progress: progress)
    }

    /// The cells of the first `count` records under the columns `kind` reads, in the file's order.
    public func sample(as kind: ImportKind, count: Int) -> (columns: [ImportField], rows: [[String]]) {
        var positions: [(ImportField, Int)] = []
        for (index, header) in header.enumerated() {
            if let field = ImportField(header: header, kind: kind), !positions.contains(where: { $0.0 == field }) {
                positions.append((field, index))
            }
        }
        let rows = table.records.prefix(count).map { record in positions.map { record.value(at: $0.1) } }
        return (positions.map(\.0), rows)
    }

    /// FNV-1a over the bytes: cheap, and plenty to see that a file changed between two reads.
    static func fingerprint(_ data: Data) -> UInt64 {
        data.withUnsafeBytes { bytes in
            bytes.reduce(UInt64(0xcbf2_9ce4_8422_2325)) { ($0 ^ UInt64($1)) &* 0x100_0000_01b3 }
        }
    }
}
