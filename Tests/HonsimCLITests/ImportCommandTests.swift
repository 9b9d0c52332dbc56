import Foundation
import Testing

/// `honsim import` as a coordinator runs it on the demo store.
@Suite("Command line: import", .serialized)
struct ImportCommandTests {
    func write(_ store: SeededStore, _ name: String, _ data: Data) throws -> String {
        let path = store.folder.appendingPathComponent(name).path
        try data.write(to: URL(fileURLWithPath: path))
        return path
    }

    /// A file in CP949, written by the system's iconv program as Korean Excel would write it.
    func writeCP949(_ store: SeededStore, _ name: String, _ text: String) throws -> String {
        let path = store.folder.appendingPathComponent(name).path
        let shell = Process()
        shell.executableURL = URL(fileURLWithPath: "/bin/sh")
        shell.arguments = ["-c", "printf '%s' \"$0\" | iconv -f UTF-8 -t CP949 > \"$1\"", text, path]
        try shell.run()
        shell.waitUntilExit()
        return path
    }

    @Test func aKoreanExcelFileIsImportedAndSaysHowItWasRead() throws {
        let store = try SeededStore()
        defer { store.remove() }
        let path = try writeCP949(store, "명단.csv", "이름,생년,성별,동,연락처,나이\n김영희,1944,여,석수3동,01022223333,82\n")
        let result = try store.run(["import", "households", path], lang: "ko")
        #expect(result.status == 0)
        #expect(result.stdout == "대상자 1건을 가져왔습니다 (번호 399): 명단.csv\n")
        #expect(result.stderr == "honsim: CP949/EUC-KR로 읽었습니다\nhonsim: 모르는 열은 읽지 않았습니다: 나이\n")
        // Not a terminal: no progress bar, so no carriage returns in a script's log.
        #expect(!result.stderr.contains("\r"))
        let exported = try store.run(["export", "households"]).stdout
        #expect(exported.contains("399,충훈동,김영희,1944,여,010-2222-3333,"))
        #expect(try store.run(["check"]).status == 0)
    }

    @Test func badRowsAreListedInEitherLanguageAndNothingChanges() throws {
        let store = try SeededStore()
        defer { store.remove() }
        let before = try store.snapshot()
        let path = try write(store, "h.csv", Data("이름,생년,성별,동\n김영희,1944,여,석수2동\n박철수,19x0,남,없는동\n곽귀순,1945,여,안양1동\n".utf8))
        let english = try store.run(["import", "households", path])
        #expect(english.status == 1 && english.stdout.isEmpty)
        #expect(english.stderr == """
            honsim: h.csv: nothing was imported: 3 problem(s)
              h.csv:3: 생년: not a birth year: '19x0' (like 1948)
              h.csv:3: 동: unknown dong: '없는동'
              h.csv:4: 이름: already in the store: household 1 (same name, birth year and dong)

            """)
        let korean = try store.run(["import", "대상자", path, "--dry-run"], lang: "ko")
        #expect(korean.status == 1)
        #expect(korean.stderr.hasPrefix("honsim: h.csv: 문제 3건이 있어 아무것도 가져오지 않았습니다 (--dry-run)\n  h.csv:3: 생년: 생년이 아닙니다: '19x0' (예: 1948)\n"))
        #expect(try store.snapshot() == before)
    }

    @Test func aDryRunSaysWhatWouldHappenAndWritesNothing() throws {
        let store = try SeededStore()
        defer { store.remove() }
        let before = try store.snapshot()
        let path = try write(store, "volunteers.csv", Data("name,gender,dong,availability\nNew Helper,F,평촌동,mon 09:00-12:00\n".utf8))
        let result = try store.run(["import", "volunteers", path, "--dry-run"])
        #expect(result.status == 0)
        #expect(result.stdout == "checked only: 1 volunteer, no problem found (nothing was written): volunteers.csv\n")
        #expect(try store.snapshot() == before)
        #expect(try store.run(["import", "volunteers", path]).stdout == "imported 1 volunteer (id 151) from volunteers.csv\n")
    }

    @Test func aFileThatIsMissingOrOfNoKnownKind() throws {
        let store = try SeededStore()
        defer { store.remove() }
        let missing = try store.run(["import", "households", store.folder.appendingPathComponent("none.csv").path])
        #expect(missing.status == 1 && missing.stderr.contains("none.csv:0: -: no such file"))
        let wrongKind = try store.run(["import", "patients", "x.csv"])
        #expect(wrongKind.status != 0 && wrongKind.stderr.contains("patients"))
    }
}
