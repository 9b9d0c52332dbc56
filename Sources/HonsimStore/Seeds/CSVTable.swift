import CSV
import Foundation
import HonsimCore

/// A table read whole, from a CSV file or a workbook's sheet, each record with the file line it
/// starts on (the header is line 1), so that every problem can be reported as file:line:field.
/// Used by the demo seeds and by imports.
struct CSVTable: Sendable {
    struct Record: Sendable {
        let line: Int
        let values: [String]
        /// Column positions by header name, shared by every record of the table.
        let columns: [String: Int]

        /// The value under a header name, trimmed; empty when the column or the cell is missing.
        subscript(_ column: String) -> String { value(at: columns[column]) }

        func value(at index: Int?) -> String {
            guard let index, index < values.count else { return "" }
            return values[index].trimmingSpaces()
        }

        /// Cells beyond the header's columns that hold something: a comma that should have been
        /// quoted has shifted the row.
        var overflow: Int {
            values.count > columns.count ? values[columns.count...].filter { !$0.trimmingSpaces().isEmpty }.count : 0
        }
    }

    let file: String
    let header: [String]
    let records: [Record]
    let encoding: TextEncodingFound

    /// Reads a CSV file in any encoding `TextDecoding` knows. `progress` is told the lines read
    /// and the lines in the file as it goes.
    init(path: String, progress: ((Int, Int) -> Void)? = nil) throws {
        let name = URL(fileURLWithPath: path).lastPathComponent
        guard let data = FileManager.default.contents(atPath: path) else {
            throw StoreError.invalidData([DataIssue(file: name, line: 0, field: "-",
                                                    message: Phrase(ko: "파일을 읽을 수 없습니다", en: "cannot read the file"))])
        }
        try self.init(file: name, data: data, progress: progress)
    }

    init(file: String, data: Data, progress: ((Int, Int) -> Void)? = nil) throws {
        let decoded: (text: String, encoding: TextEncodingFound)
        do { decoded = try TextDecoding.decode(data) } catch {
            throw StoreError.invalidData([DataIssue(file: file, line: error.line, field: "-", message: Phrase(
                ko: "UTF-8이나 CP949(EUC-KR) 글자가 아닌 바이트가 있습니다. 엑셀에서 'CSV UTF-8'로 저장해 주세요",
                en: "a byte here is neither UTF-8 nor CP949/EUC-KR text; save the file from Excel as \"CSV UTF-8\""))])
        }
        try self.init(file: file, text: decoded.text, encoding: decoded.encoding, progress: progress)
    }

    init(file: String, text: String, encoding: TextEncodingFound = .utf8, progress: ((Int, Int) -> Void)? = nil) throws {
        self.file = file
        self.encoding = encoding
        let reader: CSVReader
        do {
            reader = try CSVReader(string: text, hasHeaderRow: true, delimiter: CSVTable.delimiter(of: text))
        } catch {
            throw StoreError.invalidData([DataIssue(file: file, line: 1, field: "-", message: Phrase(ko: "CSV 머리글을 읽을 수 없습니다", en: "cannot read the CSV header"))])
        }
        header = (reader.headerRow ?? []).map { $0.trimmingSpaces() }
        let columns = CSVTable.columns(header)
        // Progress counts lines after the header, which is each record's but for quoted newlines.
        let totalLines = progress == nil ? 0 : text.utf8.reduce(text.utf8.last == 0x0A ? -1 : 0) { $1 == 0x0A ? $0 + 1 : $0 }
        var records: [Record] = []
        // A record starts one line after the previous one ended; quoted fields may hold newlines.
        var line = 2
        while let row = reader.next() {
            let newlines = row.reduce(0) { $0 + $1.utf8.reduce(0) { $1 == 0x0A ? $0 + 1 : $0 } }
            defer { line += 1 + newlines }
            if line % 2_000 == 0 { progress?(line - 1, totalLines) }
            if row.allSatisfy({ $0.trimmingSpaces().isEmpty }) { continue }
            records.append(Record(line: line, values: row, columns: columns))
        }
        if let error = reader.error {
            throw StoreError.invalidData([DataIssue(file: file, line: line, field: "-", message: Phrase(ko: "CSV 형식 오류: \(error)", en: "malformed CSV: \(error)"))])
        }
        progress?(totalLines, totalLines)
        self.records = records
    }

    /// A table from rows already split into cells (a workbook's sheet); the first row is the header.
    init(file: String, rows: [(line: Int, values: [String])], encoding: TextEncodingFound = .utf8) {
        self.file = file
        self.encoding = encoding
        header = (rows.first?.values ?? []).map { $0.trimmingSpaces() }
        let columns = CSVTable.columns(header)
        records = rows.dropFirst()
            .filter { !$0.values.allSatisfy { $0.trimmingSpaces().isEmpty } }
            .map { Record(line: $0.line, values: $0.values, columns: columns) }
    }

    /// Blank header cells (Excel leaves them after the last column) name no column.
    private static func columns(_ header: [String]) -> [String: Int] {
        var columns: [String: Int] = [:]
        for (index, name) in header.enumerated() where !name.isEmpty && columns[name] == nil { columns[name] = index }
        return columns
    }

    /// Comma, unless the header line has more tabs (Excel's "Unicode text") or semicolons
    /// (Excel in locales whose decimal mark is a comma).
    static func delimiter(of text: String) -> UnicodeScalar {
        var commas = 0, tabs = 0, semicolons = 0
        for byte in text.utf8 {
            if byte == 0x0A { break }
            switch byte {
            case UInt8(ascii: ","): commas += 1
            case 0x09: tabs += 1
            case UInt8(ascii: ";"): semicolons += 1
            default: break
            }
        }
        if tabs > commas && tabs >= semicolons { return "\t" }
        if semicolons > commas { return ";" }
        return ","
    }

    /// Issues for required columns the header lacks.
    func missingColumns(_ required: [String]) -> [DataIssue] {
        required.filter { !header.contains($0) }.map {
            DataIssue(file: file, line: 1, field: $0, message: Phrase(ko: "필수 열이 없습니다", en: "required column is missing"))
        }
    }
}
