import Foundation
import HonsimCore
@testable import HonsimStore
import ZIPFoundation

/// Files as offices make them, written into the fixture's folder.
extension StoreFixture {
    @discardableResult
    func file(_ name: String, _ bytes: Data) throws -> String {
        let path = folder.appendingPathComponent(name).path
        try bytes.write(to: URL(fileURLWithPath: path))
        return path
    }

    @discardableResult
    func file(_ name: String, utf8 text: String, bom: Bool = false) throws -> String {
        try file(name, (bom ? Data([0xEF, 0xBB, 0xBF]) : Data()) + Data(text.utf8))
    }

    /// The fixture's cast loaded with no requests, ready to import into.
    func loadCast() async throws { try await load([]) }

    /// Reads, parses and imports a file as `honsim import` does.
    func importFile(_ path: String, _ kind: ImportKind?, dryRun: Bool = false, now: Date = Date()) async throws -> ImportOutcome {
        try await Importer.run(path: path, kind: kind, into: store, dryRun: dryRun, now: now)
    }

    /// The rows of a table, on either backend.
    func count(_ table: String) async throws -> Int {
        try await rawInt("SELECT COUNT(*) FROM \(table)") ?? 0
    }
}

/// The issues an import was refused with, or nil when it was not refused that way.
func importIssues(_ body: () async throws -> ImportOutcome) async -> [DataIssue]? {
    do { _ = try await body() } catch StoreError.invalidData(let issues) { return issues } catch { return nil }
    return nil
}

/// CP949 bytes made by the system's iconv program, independently of the code under test.
func cp949(_ text: String) throws -> Data {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/iconv")
    process.arguments = ["-f", "UTF-8", "-t", "CP949"]
    let input = Pipe(), output = Pipe()
    process.standardInput = input
    process.standardOutput = output
    try process.run()
    input.fileHandleForWriting.write(Data(text.utf8))
    try input.fileHandleForWriting.close()
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return data
}

/// A minimal but real .xlsx: a zip of the XML parts Excel writes, with shared strings, inline
/// strings, numbers and cells styled as dates and times.
enum XLSX {
    enum Cell {
        case shared(String)
        case inline(String)
        case number(String)
        /// A number under style 1 (built-in date format 14) or 2 (time, format 20).
        case date(Double)
        case time(Double)
    }

    static func make(sheets: [(name: String, rows: [[Cell?]])]) throws -> Data {
        var shared: [String] = []
        func index(_ text: String) -> Int {
            if let found = shared.firstIndex(of: text) { return found }
            shared.append(text)
            return shared.count - 1
        }
        func escape(_ text: String) -> String {
            text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
        }
        var sheetParts: [String] = []
        for sheet in sheets {
            var xml = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>"#
            for (rowIndex, row) in sheet.rows.enumerated() {
                xml += #"<row r="\#(rowIndex + 1)">"#
                for (column, cell) in row.enumerated() {
                    guard let cell else { continue }
                    let reference = "\(Character(UnicodeScalar(UInt8(65 + column))))\(rowIndex + 1)"
                    switch cell {
                    case .shared(let text): xml += #"<c r="\#(reference)" t="s"><v>\#(index(text))</v></c>"#
                    case .inline(let text): xml += #"<c r="\#(reference)" t="inlineStr"><is><t>\#(escape(text))</t></is></c>"#
                    case .number(let value): xml += #"<c r="\#(reference)"><v>\#(value)</v></c>"#
                    case .date(let serial): xml += #"<c r="\#(reference)" s="1"><v>\#(serial)</v></c>"#
                    case .time(let fraction): xml += #"<c r="\#(reference)" s="2"><v>\#(fraction)</v></c>"#
                    }
                }
                xml += "</row>"
            }
            sheetParts.append(xml + "</sheetData></worksheet>")
        }
        let sheetsXML = sheets.enumerated().map { #"<sheet name="\#($1.name)" sheetId="\#($0 + 1)" r:id="rId\#($0 + 1)"/>"# }.joined()
        let relations = sheets.indices.map {
            #"<Relationship Id="rId\#($0 + 1)" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet\#($0 + 1).xml"/>"#
        }.joined()
        var parts: [(String, String)] = [
            ("[Content_Types].xml", #"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>"#),
            ("xl/workbook.xml", #"<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>\#(sheetsXML)</sheets></workbook>"#),
            ("xl/_rels/workbook.xml.rels", #"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\#(relations)</Relationships>"#),
            ("xl/styles.xml", #"<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><cellStyleXfs count="1"><xf numFmtId="0"/></cellStyleXfs><cellXfs count="3"><xf numFmtId="0"/><xf numFmtId="14" applyNumberFormat="1"/><xf numFmtId="20" applyNumberFormat="1"/></cellXfs></styleSheet>"#),
        ]
        for (index, xml) in sheetParts.enumerated() { parts.append(("xl/worksheets/sheet\(index + 1).xml", xml)) }
        let strings = shared.map { "<si><t>\(escape($0))</t></si>" }.joined()
        parts.append(("xl/sharedStrings.xml", #"<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="\#(shared.count)">\#(strings)</sst>"#))
        let archive = try Archive(data: Data(), accessMode: .create)
        for (path, xml) in parts {
            let data = Data(xml.utf8)
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate) { position, size in
                data.subdata(in: Int(position)..<(Int(position) + size))
            }
        }
        return archive.data ?? Data()
    }

    /// Excel's serial day for a date (days since 1899-12-30).
    static func serial(_ date: CivilDate) -> Double {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? calendar.timeZone
        let base = CivilDate(year: 1899, month: 12, day: 30).start(in: calendar)
        return (date.start(in: calendar).timeIntervalSince(base) / 86_400).rounded()
    }
}
