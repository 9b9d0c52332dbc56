import Foundation
import HonsimCore
import Testing
@testable import HonsimStore

/// Households from the files offices really have: Korean headers, Excel's encodings, quoted
/// commas and newlines, blank lines at the end, and mistakes, reported by line and column.
@Suite("Importing households")
struct ImportHouseholdsTests {
    static let messy = """
        이름,생년,성별,동,연락처,주소,이동보조,필요,메모
        김영희,1944,여,석수2동,010-2222-3333,"안양시 만안구 석수로 12, 101동 202호",지팡이,"청각, 시각","아들이 ""주말""에 방문
        저녁엔 부재"
        박철수,1950년,남,석수3동,01098765432,,휠체어,,


        """

    /// What the messy file holds, as the store should keep it.
    func expectMessyImported(_ fixture: StoreFixture, sourceLocation: SourceLocation = #_sourceLocation) async throws {
        let households = try await fixture.store.households()
        #expect(households.count == 6, sourceLocation: sourceLocation)
        let kim = try #require(households.first { $0.name == "김영희" }, sourceLocation: sourceLocation)
        #expect(kim.id == 5 && kim.birthYear == 1944 && kim.gender == .female, sourceLocation: sourceLocation)
        #expect(kim.dongCode == StoreFixture.seokSu2.code, sourceLocation: sourceLocation)
        #expect(kim.address == "안양시 만안구 석수로 12, 101동 202호", sourceLocation: sourceLocation)
        #expect(kim.mobility == .cane && kim.needs == [.hearing, .vision], sourceLocation: sourceLocation)
        #expect(kim.notes == "아들이 \"주말\"에 방문\n저녁엔 부재", sourceLocation: sourceLocation)
        let park = try #require(households.first { $0.name == "박철수" }, sourceLocation: sourceLocation)
        // A former dong name finds the dong; a phone without hyphens is written the one way.
        #expect(park.id == 6 && park.birthYear == 1950 && park.dongCode == StoreFixture.chunghun.code, sourceLocation: sourceLocation)
        #expect(park.phone == "010-9876-5432" && park.mobility == .wheelchair, sourceLocation: sourceLocation)
    }

    @Test(arguments: Backend.all) func utf8WithABOMQuotedCommasAndNewlinesAndTrailingBlankLines(_ backend: Backend) async throws {
        let fixture = try await StoreFixture.make(backend)
        defer { fixture.remove() }
        try await fixture.loadCast()
        let path = try fixture.file("대상자.csv", utf8: Self.messy, bom: true)
        let outcome = try await fixture.importFile(path, .households)
        #expect(outcome.count == 2 && outcome.ids == 5...6 && !outcome.dryRun)
        try await expectMessyImported(fixture)
        #expect(try await fixture.store.checkInvariants().isEmpty)
    }

    @Test(arguments: Backend.all) func cp949AsKoreanExcelSavesItWithWindowsLineEnds(_ backend: Backend) async throws {
        let fixture = try await StoreFixture.make(backend)
        defer { fixture.remove() }
        try await fixture.loadCast()
        let bytes = try cp949(Self.messy.replacingOccurrences(of: "\n", with: "\r\n"))
        // Not UTF-8: the test would prove nothing if iconv had handed back the same bytes.
        #expect(String(validating: [UInt8](bytes), as: UTF8.self) == nil)
        let file = try ImportFile.read(path: try fixture.file("excel.csv", bytes))
        #expect(file.encoding == .cp949)
        #expect(file.header.first == "이름" && file.rowCount == 2)
        _ = try await fixture.importFile(file.path, .households)
        let kim = try #require(try await fixture.store.households().first { $0.name == "김영희" })
        // The newline inside the quoted note stays as Excel wrote it.
        #expect(kim.notes == "아들이 \"주말\"에 방문\r\n저녁엔 부재")
        #expect(try await fixture.store.households().contains { $0.name == "박철수" && $0.phone == "010-9876-5432" })
    }

    @Test(arguments: Backend.all) func englishHeadersInAnyCaseAndOrderWithAnUnknownColumn(_ backend: Backend) async throws {
        let fixture = try await StoreFixture.make(backend)
        defer { fixture.remove() }
        try await fixture.loadCast()
        let path = try fixture.file("households.csv", utf8: """
            Dong,Name,Birth Year,Gender,Phone,Mobility,Favourite colour
            평촌동,Lee Young,1947,F,02-345-6789,walker,blue
            """)
        let file = try ImportFile.read(path: path)
        let batch = file.parse(as: .households, dongs: try await fixture.store.dongs(), now: Date(), calendar: fixture.calendar)
        #expect(batch.ignoredColumns == ["Favourite colour"])
        #expect(batch.issues.isEmpty && batch.households.count == 1)
        _ = try await fixture.store.importRecords(batch, dryRun: false, progress: nil)
        let lee = try #require(try await fixture.store.households().first { $0.name == "Lee Young" })
        #expect(lee.dongCode == StoreFixture.pyeongchon.code && lee.gender == .female && lee.mobility == .walker && lee.phone == "02-345-6789")
    }

    @Test(arguments: Backend.all) func aMissingRequiredColumnIsNamedOnLineOneAndNothingIsImported(_ backend: Backend) async throws {
        let fixture = try await StoreFixture.make(backend)
        defer { fixture.remove() }
        try await fixture.loadCast()
        let audit = try await fixture.auditEntries()
        let path = try fixture.file("no-gender.csv", utf8: "이름,생년,동\n김영희,1944,석수2동\n")
        let issues = try #require(await importIssues { try await fixture.importFile(path, .households) })
        #expect(issues.map { $0.description(.en) } == ["no-gender.csv:1: 성별/gender: required column is missing"])
        #expect(issues.map { $0.description(.ko) } == ["no-gender.csv:1: 성별/gender: 필수 열이 없습니다"])
        #expect(try await fixture.count("household") == 4)
        #expect(try await fixture.auditEntries() == audit)
    }

    @Test(arguments: Backend.all) func tenThousandRowsWithThreeBadOnesImportNothingAndReportThree(_ backend: Backend) async throws {
        let fixture = try await StoreFixture.make(backend)
        defer { fixture.remove() }
        try await fixture.loadCast()
        let audit = try await fixture.auditEntries()
        let dongs = ["석수2동", "안양2동", "충훈동", "평촌동"]
        var lines = ["성명,출생연도,성별,행정동,연락처"]
        for index in 0..<10_000 {
            lines.append("대상자\(index),\(1930 + index % 40),\(index % 3 == 0 ? "남" : "여"),\(dongs[index % 4]),010-\(String(format: "%04d", index))-1234")
        }
        // Line numbers count the header as line 1: record i is on line i + 2.
        lines[1_000] = "대상자998,1958,여,없는동,010-0998-1234"
        lines[5_001] = "대상자4999,19x5,남,평촌동,010-4999-1234"
        lines[9_998] = lines[1]
        let path = try fixture.file("big.csv", utf8: lines.joined(separator: "\n") + "\n")
        let issues = try #require(await importIssues { try await fixture.importFile(path, .households) })
        #expect(issues.map { $0.description(.en) } == [
            "big.csv:1001: 행정동: unknown dong: '없는동'",
            "big.csv:5002: 출생연도: not a birth year: '19x5' (like 1948)",
            "big.csv:9999: 성명: duplicates line 2 (same name, birth year and dong)",
        ])
        #expect(issues.map { $0.description(.ko) }[2] == "big.csv:9999: 성명: 2행과 중복됩니다(같은 이름·생년·동)")
        #expect(try await fixture.count("household") == 4)
        #expect(try await fixture.auditEntries() == audit)
    }

    @Test(arguments: Backend.all) func aHouseholdAlreadyStoredIsADuplicate(_ backend: Backend) async throws {
        let fixture = try await StoreFixture.make(backend)
        defer { fixture.remove() }
        try await fixture.loadCast()
        // 김순자, 1941, 석수2동 is household 1; spaces in a name make no difference.
        let path = try fixture.file("again.csv", utf8: "이름,생년,성별,동\n김 순자,1941,여,석수2동\n김순자,1941,여,평촌동\n")
        let issues = try #require(await importIssues { try await fixture.importFile(path, .households) })
        #expect(issues.map { $0.description(.en) } == ["again.csv:2: 이름: already in the store: household 1 (same name, birth year and dong)"])
        #expect(try await fixture.count("household") == 4)
    }

    @Test(arguments: Backend.all) func aDryRunReportsWhatItWouldDoAndWritesNothing(_ backend: Backend) async throws {
        let fixture = try await StoreFixture.make(backend)
        defer { fixture.remove() }
        try await fixture.loadCast()
        let audit = try await fixture.auditEntries()
        let path = try fixture.file("대상자.csv", utf8: Self.messy)
        let dry = try await fixture.importFile(path, .households, dryRun: true)
        #expect(dry.dryRun && dry.count == 2 && dry.ids == 5...6)
        #expect(try await fixture.count("household") == 4)
        #expect(try await fixture.auditEntries() == audit)
        #expect(dry.summary(.en) == "checked only: 2 households, no problem found (nothing was written): 대상자.csv")
        let real = try await fixture.importFile(path, .households)
        #expect(real.ids == dry.ids)
        #expect(real.summary(.ko) == "대상자 2건을 가져왔습니다 (번호 5–6): 대상자.csv")
    }

    @Test(arguments: Backend.all) func oneAuditEntryRecordsTheImportWithItsFileCountAndIDs(_ backend: Backend) async throws {
        let fixture = try await StoreFixture.make(backend, user: "park")
        defer { fixture.remove() }
        try await fixture.loadCast()
        _ = try await fixture.importFile(try fixture.file("대상자.csv", utf8: Self.messy), .households)
        let entry = try #require(try await fixture.store.auditLog(in: nil, limit: 1).first)
        #expect(entry.action == "import" && entry.entity == "household" && entry.entityID == "5-6" && entry.user == "park")
        #expect(entry.after == #"{"file":"대상자.csv","firstID":5,"lastID":6,"rows":2}"#)
        let stamps = try await fixture.rawSQL("SELECT updated_by FROM household WHERE id >= 5 ORDER BY id")
        #expect(stamps == ["park", "park"])
    }

    @Test(arguments: Backend.all) func everyBadCellOfARowIsReportedWithItsColumnAsTheFileNamesIt(_ backend: Backend) async throws {
        let fixture = try await StoreFixture.make(backend)
        defer { fixture.remove() }
        try await fixture.loadCast()
        let path = try fixture.file("bad.csv", utf8: """
            이름,생년,성별,동,연락처,이동보조,필요,동의일
            ,1944,여,석수2동,,,,
            홍길동,1890,X,석수9동,010-12,뛰어감,후각,2026-02-30
            이순신,1945,남,평촌동,,,,
            """)
        let issues = try #require(await importIssues { try await fixture.importFile(path, .households) })
        #expect(issues.map { $0.description(.en) } == [
            "bad.csv:2: 이름: value is missing",
            "bad.csv:3: 성별: not a gender: 'X' (like 남, 여)",
            "bad.csv:3: 동: unknown dong: '석수9동'",
            "bad.csv:3: 이동보조: not a mobility: '뛰어감' (like 없음, 지팡이, 보행기, 휠체어)",
            "bad.csv:3: 필요: not a list of needs: '후각' (like 청각, 시각, 인지, 언어)",
            "bad.csv:3: 동의일: not a date: '2026-02-30' (like 2026-12-03)",
            // The domain's own rules still look at the cells that did read.
            "bad.csv:3: 생년: birth year out of range: 1890",
            "bad.csv:3: 연락처: not a phone number: 010-12",
        ])
        #expect(try await fixture.count("household") == 4)
    }

    @Test(arguments: Backend.all) func aFileWithOnlyAHeaderIsAProblemNotAnEmptyImport(_ backend: Backend) async throws {
        let fixture = try await StoreFixture.make(backend)
        defer { fixture.remove() }
        try await fixture.loadCast()
        let path = try fixture.file("header.csv", utf8: "이름,생년,성별,동\n\n")
        let issues = try #require(await importIssues { try await fixture.importFile(path, .households) })
        #expect(issues.map { $0.description(.en) } == ["header.csv:2: -: no rows below the header"])
    }

    @Test(arguments: Backend.all) func aRowShiftedByAnUnquotedCommaIsCaught(_ backend: Backend) async throws {
        let fixture = try await StoreFixture.make(backend)
        defer { fixture.remove() }
        try await fixture.loadCast()
        let path = try fixture.file("shifted.csv", utf8: "이름,생년,성별,동,주소\n김영희,1944,여,석수2동,안양시 석수로 12, 101동\n박철수,1950,남,평촌동,\n")
        let issues = try #require(await importIssues { try await fixture.importFile(path, .households) })
        #expect(issues.map { $0.description(.en) } == ["shifted.csv:2: -: 1 more cell(s) than the header has columns; a value holding a comma must be in double quotes"])
    }

    @Test func anUndecodableByteIsPlacedOnItsLine() async throws {
        let fixture = try StoreFixture()
        defer { fixture.remove() }
        let path = try fixture.file("broken.csv", Data("name,birth_year\nA,1940\n".utf8) + Data([0xFF, 0xFF, 0x0A]))
        let issues = try #require(await importIssues { try await fixture.importFile(path, .households) })
        #expect(issues.map(\.line) == [3])
        #expect(issues.first?.message.ko.contains("CSV UTF-8") == true)
    }
}
