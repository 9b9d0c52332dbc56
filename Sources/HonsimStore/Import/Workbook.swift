import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import HonsimCore
import ZIPFoundation

/// One sheet of an Excel workbook (.xlsx: a zip of XML parts) as rows of text, each with its
/// row number, which is the line a person sees in Excel. Dates and times that Excel keeps as
/// serial numbers under a date format come out as `2026-12-03` and `10:30`, as they look.
enum Workbook {
    static func isWorkbook(_ data: Data) -> Bool { data.starts(with: [0x50, 0x4B, 0x03, 0x04]) }

    /// Excel 97–2003 (.xls) and password-protected workbooks are OLE compound files.
    static func isLegacyOrEncrypted(_ data: Data) -> Bool { data.starts(with: [0xD0, 0xCF, 0x11, 0xE0]) }

    /// A part larger than this is refused rather than inflated: a zip can claim anything.
    static let partLimit = 512 * 1024 * 1024

    static func rows(_ data: Data, file: String, sheet wanted: String?) throws -> (sheet: String, rows: [(line: Int, values: [String])]) {
        let fail = { (ko: String, en: String) in
            StoreError.invalidData([DataIssue(file: file, line: 0, field: "-", message: Phrase(ko: ko, en: en))])
        }
        let archive: Archive
        do { archive = try Archive(data: data, accessMode: .read) } catch {
            throw fail("xlsx 파일을 열 수 없습니다(손상된 파일)", "cannot open the workbook (the file is damaged)")
        }
        func part(_ path: String) throws -> Data? {
            guard let entry = archive[path] else { return nil }
            guard entry.uncompressedSize <= UInt64(partLimit) else {
                throw fail("xlsx 파일의 \(path)이(가) 너무 큽니다", "\(path) in the workbook is too large")
            }
            var contents = Data()
            do { _ = try archive.extract(entry, skipCRC32: true) { contents.append($0) } } catch {
                throw fail("xlsx 파일의 \(path)을(를) 풀 수 없습니다(손상된 파일)", "cannot unpack \(path) of the workbook (the file is damaged)")
            }
            return contents
        }
        /// A part read as XML; nil when the workbook has no such part.
        func xml<T>(_ path: String, _ read: (Data) throws -> T) throws -> T? {
            guard let data = try part(path) else { return nil }
            do { return try read(data) } catch {
                throw fail("xlsx 파일의 \(path)이(가) 손상되었습니다", "\(path) in the workbook is damaged")
            }
        }
        guard let workbook = try xml("xl/workbook.xml", { try ElementCollector.collect($0, names: ["sheet", "workbookPr"]) }) else {
            throw fail("엑셀 통합 문서(xlsx)가 아닙니다", "not an Excel workbook (xlsx)")
        }
        let sheets = workbook.filter { $0.name == "sheet" }
        let date1904 = workbook.contains { $0.name == "workbookPr" && ["1", "true"].contains($0.attributes["date1904"] ?? "") }
        let chosen: ElementCollector.Element
        if let wanted {
            guard let found = sheets.first(where: { $0.attributes["name"] == wanted }) else {
                let names = sheets.compactMap { $0.attributes["name"] }.joined(separator: ", ")
                throw fail("'\(wanted)' 시트가 없습니다 (있는 시트: \(names))", "no sheet named '\(wanted)' (the sheets are: \(names))")
            }
            chosen = found
        } else {
            guard let first = sheets.first else { throw fail("시트가 없는 통합 문서입니다", "the workbook has no sheet") }
            chosen = first
        }
        let relations = try xml("xl/_rels/workbook.xml.rels") { try ElementCollector.collect($0, names: ["Relationship"]) } ?? []
        let relation = chosen.attributes.first { $0.key.hasSuffix(":id") || $0.key == "id" }?.value
        let target = relations.first { $0.attributes["Id"] == relation }?.attributes["Target"] ?? "worksheets/sheet1.xml"
        let sheetPath = target.hasPrefix("/") ? String(target.dropFirst()) : "xl/" + target
        let strings = try xml("xl/sharedStrings.xml", SharedStrings.parse) ?? []
        let dateStyles = try xml("xl/styles.xml", DateStyles.parse) ?? [:]
        let reader = SheetReader(strings: strings, dateStyles: dateStyles, date1904: date1904)
        guard let rows = try xml(sheetPath, reader.read) else {
            throw fail("시트 내용(\(sheetPath))이 없습니다", "the sheet's part \(sheetPath) is missing")
        }
        return (chosen.attributes["name"] ?? "", rows)
    }
}

/// A part of the workbook that is not well-formed XML.
private struct DamagedPart: Error {}

/// A reader of one XML part. It keeps count of open elements, so that a part cut off half-way
/// is refused rather than half a sheet imported (the parser alone does not always say so).
private class XMLPart: NSObject, XMLParserDelegate {
    private var depth = 0
    private var sawElement = false
    private var failed = false

    /// Runs a parser over `data` and gives this reader back to read from.
    func parsing(_ data: Data) throws -> Self {
        let parser = XMLParser(data: data)
        parser.delegate = self
        guard parser.parse(), !failed, sawElement, depth == 0 else { throw DamagedPart() }
        return self
    }

    func open(_ name: String, attributes: [String: String]) {}
    func characters(_ text: String) {}
    func close(_ name: String) {}

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        depth += 1
        sawElement = true
        open(name, attributes: attributes)
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) { characters(string) }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        depth -= 1
        close(name)
    }

    func parser(_ parser: XMLParser, parseErrorOccurred parseError: any Error) { failed = true }
}

/// Collects the attributes of the elements with the given names.
private final class ElementCollector: XMLPart {
    struct Element {
        let name: String
        let attributes: [String: String]
    }

    private let names: Set<String>
    private var found: [Element] = []

    private init(names: Set<String>) { self.names = names }

    static func collect(_ data: Data, names: Set<String>) throws -> [Element] {
        try ElementCollector(names: names).parsing(data).found
    }

    override func open(_ name: String, attributes: [String: String]) {
        if names.contains(name) { found.append(Element(name: name, attributes: attributes)) }
    }
}

/// xl/sharedStrings.xml: the text of each `<si>`, runs joined, phonetic guides (`<rPh>`) left out.
private final class SharedStrings: XMLPart {
    private var strings: [String] = []
    private var current = ""
    private var inText = false
    private var inPhonetic = false

    static func parse(_ data: Data) throws -> [String] { try SharedStrings().parsing(data).strings }

    override func open(_ name: String, attributes: [String: String]) {
        switch name {
        case "si": current = ""
        case "t": inText = !inPhonetic
        case "rPh": inPhonetic = true
        default: break
        }
    }

    override func characters(_ string: String) {
        if inText { current += string }
    }

    override func close(_ name: String) {
        switch name {
        case "si": strings.append(current)
        case "t": inText = false
        case "rPh": inPhonetic = false
        default: break
        }
    }
}

/// xl/styles.xml: which cell styles (`cellXfs` positions) show a number as a date, a time or both.
private final class DateStyles: XMLPart {
    enum Kind: Equatable { case date, time, dateTime }

    private var customFormats: [Int: String] = [:]
    private var styleFormats: [Int] = []
    private var inCellStyles = false

    static func parse(_ data: Data) throws -> [Int: Kind] {
        let collector = try DateStyles().parsing(data)
        var kinds: [Int: Kind] = [:]
        for (style, format) in collector.styleFormats.enumerated() {
            if let kind = kind(of: format, code: collector.customFormats[format]) { kinds[style] = kind }
        }
        return kinds
    }

    override func open(_ name: String, attributes: [String: String]) {
        switch name {
        case "numFmt":
            if let id = attributes["numFmtId"].flatMap(Int.init) { customFormats[id] = attributes["formatCode"] ?? "" }
        case "cellXfs": inCellStyles = true
        case "xf" where inCellStyles: styleFormats.append(attributes["numFmtId"].flatMap(Int.init) ?? 0)
        default: break
        }
    }

    override func close(_ name: String) {
        if name == "cellXfs" { inCellStyles = false }
    }

    /// Excel's built-in formats by id (14–22, 45–47, and the East Asian 27–36 and 50–58), or a
    /// custom format code read for its date and time letters outside quotes and brackets.
    static func kind(of format: Int, code: String?) -> Kind? {
        switch format {
        case 14...17, 27...31, 34...36, 50...58: return .date
        case 18...21, 32, 33, 45...47: return .time
        case 22: return .dateTime
        default: break
        }
        guard let code, format >= 164 else { return nil }
        var plain = ""
        var quoted = false, bracket = false
        for character in code.lowercased() {
            switch character {
            case "\"": quoted.toggle()
            case "[" where !quoted: bracket = true
            case "]" where !quoted: bracket = false
            default: if !quoted && !bracket { plain.append(character) }
            }
        }
        // [h]:mm elapsed hours: the brackets are dropped above, so look at the code itself.
        let hasTime = plain.contains("h") || plain.contains("s") || code.lowercased().contains("[h]")
        let hasDate = plain.contains("y") || plain.contains("d") || (plain.contains("m") && !hasTime)
        switch (hasDate, hasTime) {
        case (true, true): return .dateTime
        case (true, false): return .date
        case (false, true): return .time
        default: return nil
        }
    }
}

/// A worksheet's `<sheetData>`: cells by their reference (C12), rows by their number.
private final class SheetReader: XMLPart {
    private let strings: [String]
    private let dateStyles: [Int: DateStyles.Kind]
    private let date1904: Bool
    private var rows: [(line: Int, values: [String])] = []
    private var row: [String] = []
    private var rowNumber = 0
    private var cellColumn = 0
    private var cellType = ""
    private var cellStyle = 0
    private var text = ""
    private var collecting = false
    private var inPhonetic = false

    init(strings: [String], dateStyles: [Int: DateStyles.Kind], date1904: Bool) {
        self.strings = strings
        self.dateStyles = dateStyles
        self.date1904 = date1904
    }

    func read(_ data: Data) throws -> [(line: Int, values: [String])] { try parsing(data).rows }

    override func open(_ name: String, attributes: [String: String]) {
        switch name {
        case "row":
            rowNumber = attributes["r"].flatMap(Int.init) ?? rowNumber + 1
            row = []
        case "c":
            cellColumn = attributes["r"].map(SheetReader.column(of:)) ?? row.count
            cellType = attributes["t"] ?? "n"
            cellStyle = attributes["s"].flatMap(Int.init) ?? 0
            text = ""
        case "v", "t":
            collecting = !inPhonetic
        case "rPh":
            inPhonetic = true
        default: break
        }
    }

    override func characters(_ string: String) {
        if collecting { text += string }
    }

    override func close(_ name: String) {
        switch name {
        case "v", "t": collecting = false
        case "rPh": inPhonetic = false
        case "c":
            if row.count <= cellColumn { row += Array(repeating: "", count: cellColumn - row.count + 1) }
            row[cellColumn] = value()
        case "row":
            rows.append((rowNumber, row))
        default: break
        }
    }

    private func value() -> String {
        switch cellType {
        case "s": return Int(text).flatMap { strings.indices.contains($0) ? strings[$0] : nil } ?? ""
        case "b": return text == "1" ? "TRUE" : "FALSE"
        case "inlineStr", "str", "e", "d": return text
        default:
            guard let number = Double(text) else { return text }
            if let kind = dateStyles[cellStyle] { return SheetReader.format(serial: number, kind: kind, date1904: date1904) }
            // Whole numbers as whole numbers: 1941, not 1941.0 or 1.941E3.
            if number == number.rounded(), abs(number) < 1e15 { return String(Int64(number)) }
            return text
        }
    }

    /// "C12" → 2: letters are the column, A = 0.
    static func column(of reference: String) -> Int {
        var column = 0
        for scalar in reference.unicodeScalars {
            guard (65...90).contains(scalar.value) else { break }
            column = column * 26 + Int(scalar.value) - 64
        }
        return max(0, column - 1)
    }

    /// A serial day count as Excel shows it: days from 1899-12-30 (which absorbs Excel's
    /// make-believe 1900-02-29 for every date after it), or from 1904-01-01.
    static func format(serial: Double, kind: DateStyles.Kind, date1904: Bool) -> String {
        let days = Int(serial.rounded(.down))
        let minutes = Int(((serial - Double(days)) * 24 * 60).rounded())
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? calendar.timeZone
        let base = date1904 ? CivilDate(year: 1904, month: 1, day: 1) : CivilDate(year: 1899, month: 12, day: 30)
        let day = base.adding(days: days + minutes / (24 * 60), calendar: calendar)
        let time = ClockTime(minutes: minutes % (24 * 60))
        switch kind {
        case .date: return day.description
        case .time: return time.description
        case .dateTime: return "\(day) \(time)"
        }
    }
}
