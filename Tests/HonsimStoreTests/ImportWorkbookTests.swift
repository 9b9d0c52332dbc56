import Foundation
import HonsimCore
import Testing
@testable import HonsimStore
import ZIPFoundation

/// Excel workbooks (.xlsx) and the values people type into spreadsheets.
@Suite("Importing workbooks and spreadsheet values")
struct ImportWorkbookTests {
    @Test(arguments: Backend.all) func aWorkbookSheetWithSharedStringsNumbersDatesAndGaps(_ backend: Backend) async throws {
        let fixture = try await StoreFixture.make(backend)
        defer { fixture.remove() }
        try await fixture.loadCast()
        let consent = CivilDate(year: 2025, month: 3, day: 14)
        let workbook = try XLSX.make(sheets: [
            (name: "대상자 명단", rows: [
                [.shared("이름"), .shared("생년"), .shared("성별"), .shared("동"), .shared("연락처"), .shared("동의일")],
                [.shared("김영희"), .number("1944"), .shared("여"), .shared("석수2동"), .number("1022223333"), .date(XLSX.serial(consent))],
                // A row with no phone cell at all: Excel leaves empty cells out.
                [.inline("박철수"), .number("1950"), .shared("남"), .inline("평촌동"), nil, nil],
                [],
            ]),
            (name: "메모", rows: [[.shared("아무거나")]]),
        ])
        let path = try fixture.file("명단.xlsx", workbook)
        let file = try ImportFile.read(path: path)
        #expect(file.sheet == "대상자 명단" && file.encoding == nil && file.rowCount == 2 && file.guessedKind == .households)
        let outcome = try await fixture.importFile(path, nil)
        #expect(outcome.count == 2)
        let kim = try #require(try await fixture.store.households().first { $0.name == "김영희" })
        // The phone's leading 0, which a number cell loses, is given back.
        #expect(kim.birthYear == 1944 && kim.phone == "010-2222-3333" && kim.consentDate == consent)
        let park = try #require(try await fixture.store.households().first { $0.name == "박철수" })
        #expect(park.phone == "" && park.dongCode == StoreFixture.pyeongchon.code)
    }

    @Test(arguments: Backend.all) func aWorkbooksRowNumbersAreTheLinesOfItsProblems(_ backend: Backend) async throws {
        let fixture = try await StoreFixture.make(backend)
        defer { fixture.remove() }
        try await fixture.loadCast()
        let workbook = try XLSX.make(sheets: [(name: "Sheet1", rows: [
            [.shared("대상자번호"), .shared("병원"), .shared("진료일"), .shared("진료시각")],
            [.number("1"), .shared("한림대병원"), .date(XLSX.serial(CivilDate(fixture.at(day: 2, 0), calendar: fixture.calendar))), .time(10.5 / 24)],
            [.number("2"), .shared("한림대병원"), .shared("모레"), .time(0.5)],
        ])])
        let path = try fixture.file("요청.xlsx", workbook)
        let issues = try #require(await importIssues { try await fixture.importFile(path, .requests) })
        #expect(issues.map { $0.description(.en) } == ["요청.xlsx:3: 진료일: not a date: '모레' (like 2026-12-03)"])
        // Fixed, the date and time cells become the appointment.
        let fixed = try XLSX.make(sheets: [(name: "Sheet1", rows: [
            [.shared("대상자번호"), .shared("병원"), .shared("진료일"), .shared("진료시각")],
            [.number("1"), .shared("한림대병원"), .date(XLSX.serial(CivilDate(fixture.at(day: 2, 0), calendar: fixture.calendar))), .time(10.5 / 24)],
        ])])
        _ = try await fixture.importFile(try fixture.file("요청.xlsx", fixed), .requests)
        #expect(try await fixture.store.request(id: 1).appointmentAt == fixture.at(day: 2, 10, 30))
    }

    @Test func aNamedSheetAndTheFilesThatAreNotWorkbooks() async throws {
        let fixture = try StoreFixture()
        defer { fixture.remove() }
        let workbook = try XLSX.make(sheets: [(name: "첫째", rows: [[.shared("이름")]]), (name: "둘째", rows: [[.shared("이름"), .shared("생년")], [.shared("가"), .number("1950")]])])
        let path = try fixture.file("book.xlsx", workbook)
        #expect(try ImportFile.read(path: path, sheet: "둘째").rowCount == 1)
        let noSheet = try #require(await importIssues { try await Importer.run(path: path, kind: .households, into: fixture.store, dryRun: true, sheet: "셋째") })
        #expect(noSheet.first?.message.en == "no sheet named '셋째' (the sheets are: 첫째, 둘째)")
        let legacy = try fixture.file("old.xls", Data([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) + Data(repeating: 0, count: 64))
        let refused = try #require(await importIssues { try await fixture.importFile(legacy, .households) })
        #expect(refused.first?.message.ko.contains("97-2003") == true)
        let damaged = try fixture.file("damaged.xlsx", Data([0x50, 0x4B, 0x03, 0x04]) + Data(repeating: 7, count: 40))
        #expect(try #require(await importIssues { try await fixture.importFile(damaged, .households) }).first?.message.en.contains("damaged") == true)
        let missing = try #require(await importIssues { try await fixture.importFile(fixture.folder.appendingPathComponent("none.csv").path, .households) })
        #expect(missing.first?.message.en.hasPrefix("no such file") == true)
    }

    @Test(arguments: Backend.all) func aSheetCutOffHalfWayIsRefusedNotHalfImported(_ backend: Backend) async throws {
        let fixture = try await StoreFixture.make(backend)
        defer { fixture.remove() }
        try await fixture.loadCast()
        let whole = try XLSX.make(sheets: [(name: "Sheet1", rows: [[.shared("이름"), .shared("생년"), .shared("성별"), .shared("동")],
                                                                   [.shared("김영희"), .number("1944"), .shared("여"), .shared("석수2동")]])])
        // The same parts, the sheet's XML cut off in the middle of its second row.
        let source = try Archive(data: whole, accessMode: .read)
        let cut = try Archive(data: Data(), accessMode: .create)
        for entry in source {
            var contents = Data()
            _ = try source.extract(entry) { contents.append($0) }
            if entry.path == "xl/worksheets/sheet1.xml" { contents = contents.prefix(contents.count - 40) }
            let part = contents
            try cut.addEntry(with: entry.path, type: .file, uncompressedSize: Int64(part.count)) { position, size in
                part.subdata(in: Int(position)..<(Int(position) + size))
            }
        }
        let path = try fixture.file("cut.xlsx", cut.data ?? Data())
        let issues = try #require(await importIssues { try await fixture.importFile(path, .households) })
        #expect(issues.map { $0.description(.en) } == ["cut.xlsx:0: -: xl/worksheets/sheet1.xml in the workbook is damaged"])
        #expect(try await fixture.count("household") == 4)
    }

    @Test func datesAsKoreanSpreadsheetsWriteThem() {
        let expected = CivilDate(year: 2026, month: 12, day: 3)
        for text in ["2026-12-03", "2026.12.03", "2026/12/3", "2026. 12. 3.", "2026년 12월 3일", "20261203"] {
            #expect(SpreadsheetValues.date(text)?.date == expected, "\(text)")
            #expect(SpreadsheetValues.date(text)?.time == nil, "\(text)")
        }
        #expect(SpreadsheetValues.date("2026-12-03 14:30")?.time == ClockTime(minutes: 14 * 60 + 30))
        #expect(SpreadsheetValues.date("2026. 12. 3. 오후 2:30")?.time == ClockTime(minutes: 14 * 60 + 30))
        #expect(SpreadsheetValues.date("2026-12-03T09:05:00")?.time == ClockTime(minutes: 9 * 60 + 5))
        for bad in ["2026-13-01", "2026-02-30", "12/03/2026", "내일", "26-12-03", ""] {
            #expect(SpreadsheetValues.date(bad) == nil, "\(bad)")
        }
    }

    @Test func timesWithAMAndPMInBothLanguages() {
        let cases: [(String, Int?)] = [("10:30", 630), ("9:05", 545), ("14:30:00", 870), ("오전 10:30", 630), ("오후 2:30", 870),
                                       ("오후 12:00", 720), ("오전 12:10", 10), ("2:30 PM", 870), ("14시 30분", 870), ("9시", 540),
                                       ("9시 반", 570), ("25:00", nil), ("10:7", nil), ("오후 13:00", nil), ("열시", nil)]
        for (text, minutes) in cases { #expect(SpreadsheetValues.time(text)?.minutes == minutes, "\(text)") }
    }

    @Test func birthYearsDurationsPhonesAndLists() {
        #expect(SpreadsheetValues.birthYear("1941", currentYear: 2026) == 1941)
        #expect(SpreadsheetValues.birthYear("1941년", currentYear: 2026) == 1941)
        #expect(SpreadsheetValues.birthYear("1941-03-02", currentYear: 2026) == 1941)
        #expect(SpreadsheetValues.birthYear("410302", currentYear: 2026) == 1941)
        #expect(SpreadsheetValues.birthYear("190302", currentYear: 2026) == 2019)
        #expect(SpreadsheetValues.birthYear("41", currentYear: 2026) == nil)
        for (text, minutes) in [("120", 120), ("90분", 90), ("2시간", 120), ("1시간 30분", 90), ("1시간반", 90), ("1:45", 105), ("45 min", 45)] {
            #expect(SpreadsheetValues.minutes(text) == minutes, "\(text)")
        }
        #expect(SpreadsheetValues.minutes("한참") == nil)
        for (text, phone) in [("01012345678", "010-1234-5678"), ("1012345678", "010-1234-5678"), ("010.1234.5678", "010-1234-5678"),
                              ("010 1234 5678", "010-1234-5678"), ("0313456789", "031-345-6789"), ("021234567", "02-123-4567"),
                              ("(02) 123-4567", "02-123-4567"), ("없음", "없음"), ("", "")] {
            #expect(SpreadsheetValues.phone(text) == phone, "\(text)")
        }
        #expect(SpreadsheetValues.words("청각; 시각·인지/언어\n청각") == ["청각", "시각", "인지", "언어", "청각"])
        #expect(throws: Never.self) { try SpreadsheetValues.availability("월요일 9:00 - 13:00, 금 14:00~18:00") }
        #expect((try? SpreadsheetValues.availability("월요일 9:00 - 13:00, 금 14:00~18:00"))?.description == "mon 09:00-13:00;fri 14:00-18:00")
    }

    @Test func headersInEitherLanguageWithNotesInParentheses() {
        #expect(ImportField(header: "예상 소요(분)", kind: .requests) == .expectedMinutes)
        #expect(ImportField(header: "Birth Year", kind: .households) == .birthYear)
        #expect(ImportField(header: "*이름", kind: .households) == .name)
        #expect(ImportField(header: "연락처 ", kind: .volunteers) == .phone)
        // A volunteer column in a requests file is not the household's name.
        #expect(ImportField(header: "봉사자", kind: .requests) == nil)
        #expect(ImportField(header: "봉사자", kind: .volunteers) == .name)
        #expect(ImportKind.guess(header: ["이름", "생년", "성별", "동"]) == .households)
        #expect(ImportKind.guess(header: ["이름", "성별", "동", "활동시간"]) == .volunteers)
        #expect(ImportKind.guess(header: ["대상자번호", "병원", "진료일"]) == .requests)
        #expect(ImportKind.guess(header: ["a", "b"]) == nil)
    }

    @Test func delimitersAndEncodingsAreToldApart() throws {
        #expect(CSVTable.delimiter(of: "이름\t생년\t동\n") == "\t")
        #expect(CSVTable.delimiter(of: "이름;생년;동\n") == ";")
        #expect(CSVTable.delimiter(of: "이름,생년;메모\n") == ",")
        // Excel's "Unicode text": UTF-16 little-endian with a mark, separated by tabs.
        var utf16 = Data([0xFF, 0xFE])
        for unit in "이름\t생년\n김영희\t1944\n".utf16 { utf16.append(contentsOf: [UInt8(unit & 0xFF), UInt8(unit >> 8)]) }
        let table = try CSVTable(file: "unicode.txt", data: utf16)
        #expect(table.encoding == .utf16 && table.header == ["이름", "생년"] && table.records.first?["생년"] == "1944")
        #expect(try CSVTable(file: "a.csv", data: Data([0xEF, 0xBB, 0xBF]) + Data("이름\n가\n".utf8)).encoding == .utf8BOM)
        #expect(try CSVTable(file: "a.csv", data: cp949("이름\n가\n")).encoding == .cp949)
    }
}
