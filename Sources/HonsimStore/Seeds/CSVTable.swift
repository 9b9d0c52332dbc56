import CSV
import Foundation
import HonsimCore

/// A CSV file read whole, each record with the file line it starts on (the header is line 1),
/// so that every problem can be reported as file:line:field.
struct CSVTable {
    struct Record {
        let line: Int
        let fields: [String: String]

        subscript(_ column: String) -> String { fields[column]?.trimmingCharacters(in: .whitespaces) ?? "" }
    }

    let file: String
    let header: [String]
    let records: [Record]

    init(path: String) throws {
        let name = URL(fileURLWithPath: path).lastPathComponent
        guard let data = FileManager.default.contents(atPath: path) else {
            throw StoreError.invalidData([DataIssue(file: name, line: 0, field: "-",
                                                    message: Phrase(ko: "파일을 읽을 수 없습니다", en: "cannot read the file"))])
        }
        guard var text = String(data: data, encoding: .utf8) else {
            throw StoreError.invalidData([DataIssue(file: name, line: 0, field: "-",
                                                    message: Phrase(ko: "UTF-8 텍스트가 아닙니다", en: "not UTF-8 text"))])
        }
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        try self.init(file: name, text: text)
    }

    init(file: String, text: String) throws {
        self.file = file
        let reader: CSVReader
        do { reader = try CSVReader(string: text, hasHeaderRow: true) } catch {
            throw StoreError.invalidData([DataIssue(file: file, line: 1, field: "-", message: Phrase(ko: "CSV 머리글을 읽을 수 없습니다", en: "cannot read the CSV header"))])
        }
        header = (reader.headerRow ?? []).map { $0.trimmingCharacters(in: .whitespaces) }
        var records: [Record] = []
        // A record starts one line after the previous one ended; quoted fields may hold newlines.
        var line = 2
        while let row = reader.next() {
            let newlines = row.reduce(0) { $0 + $1.reduce(0) { $1 == "\n" ? $0 + 1 : $0 } }
            defer { line += 1 + newlines }
            if row.allSatisfy({ $0.trimmingCharacters(in: .whitespaces).isEmpty }) { continue }
            var fields: [String: String] = [:]
            for (index, column) in header.enumerated() where index < row.count { fields[column] = row[index] }
            records.append(Record(line: line, fields: fields))
        }
        if let error = reader.error {
            throw StoreError.invalidData([DataIssue(file: file, line: line, field: "-", message: Phrase(ko: "CSV 형식 오류: \(error)", en: "malformed CSV: \(error)"))])
        }
        self.records = records
    }

    /// Issues for required columns the header lacks.
    func missingColumns(_ required: [String]) -> [DataIssue] {
        required.filter { !header.contains($0) }.map {
            DataIssue(file: file, line: 1, field: $0, message: Phrase(ko: "필수 열이 없습니다", en: "required column is missing"))
        }
    }
}
