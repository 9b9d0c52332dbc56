import Foundation
import HonsimCore
import Testing

/// `honsim sheet`: the run sheets (동행 일지) of a day from the command line, on a seeded demo
/// store on both backends: text and HTML, one volunteer's, the days and volunteers with nothing,
/// the office's phone from config, and the access log of the households printed in full.
@Suite("honsim sheet")
struct SheetCommandTests {
    /// A config folder of the test's own, with the office's phone.
    func configHome(_ store: SeededStore) throws -> [String: String] {
        let folder = store.folder.appendingPathComponent("config/honsim")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try "[sheet]\noffice_phone = \"031-389-0000\"\n".write(to: folder.appendingPathComponent("config.toml"), atomically: true, encoding: .utf8)
        return ["XDG_CONFIG_HOME": store.folder.appendingPathComponent("config").path]
    }

    func sheet(_ store: SeededStore, _ arguments: [String], lang: String = "en") throws -> CLI.Result {
        try CLI.run(["sheet"] + arguments + ["--store", store.path, "--lang", lang], environment: try configHome(store))
    }

    @Test(arguments: SeededStore.backends) func tomorrowsSheetsInTextAndHTMLAreLoggedPerHousehold(_ backend: String) throws {
        let store = try SeededStore(backend: backend)
        defer { store.remove() }
        let text = try sheet(store, [])
        #expect(text.status == 0, "\(text.stderr)")
        let pages = text.stdout.split(separator: "\u{0C}", omittingEmptySubsequences: false)
        #expect(pages.count >= 2, "the demo has several volunteers out tomorrow")
        #expect(pages.allSatisfy { $0.hasPrefix("Escort run sheet — ") && $0.contains("Volunteer #") })
        #expect(text.stdout.contains("office 031-389-0000"), "the office's phone from config")
        #expect(text.stdout.contains("Signature") && text.stdout.contains("What the doctor said"))
        let widest = text.stdout.split(separator: "\n").map { DisplayWidth.of(String($0)) }.max() ?? 0
        #expect(widest <= 80, "fits a printer's 80 columns")

        // Every household on the sheets, once each, in the access log as seen on a sheet.
        let log = try store.run(["access-log"]).stdout
        #expect(log.contains("sheet"), "\(log)")

        let html = try sheet(store, ["--format", "html", "--output", store.folder.appendingPathComponent("sheets.html").path], lang: "ko")
        #expect(html.status == 0 && html.stdout.isEmpty, "\(html.stderr)")
        let file = store.folder.appendingPathComponent("sheets.html").path
        let page = try String(contentsOfFile: file, encoding: .utf8)
        #expect(page.contains("@page { size: A4") && page.contains("\"Noto Sans CJK KR\"") && page.contains("동행 일지"))
        #expect(page.components(separatedBy: "<section class=\"page\">").count == pages.count + 1, "one page per volunteer")
        let mode = try FileManager.default.attributesOfItem(atPath: file)[.posixPermissions] as? Int
        #expect(mode == 0o600, "a sheet holds people's data: its owner's alone")
    }

    @Test func oneVolunteersSheetAndTheDaysAndVolunteersWithNothing() throws {
        let store = try SeededStore()
        defer { store.remove() }
        let all = try sheet(store, [])
        let id = try #require(all.stdout.firstMatch(of: /Volunteer #(\d+)/)?.1)
        let one = try sheet(store, ["--volunteer", String(id)])
        #expect(one.status == 0 && !one.stdout.contains("\u{0C}") && one.stdout.contains("Volunteer #\(id) "), "\(one.stderr)")

        let empty = try sheet(store, ["--day", "2001-01-01"], lang: "ko")
        #expect(empty.status == 0 && empty.stdout == "2001-01-01: 이 날에는 봉사자가 맡은 동행이 없습니다\n")
        let idle = try sheet(store, ["--day", "2001-01-01", "--volunteer", String(id)])
        #expect(idle.status == 0 && idle.stdout.hasSuffix("has no escort on this day\n") && idle.stdout.contains("#\(id) "))
        let unknown = try sheet(store, ["--volunteer", "999999"])
        #expect(unknown.status == 1 && unknown.stderr.contains("999999"), "\(unknown.stderr)")
        let bad = try sheet(store, ["--day", "2026-02-30"])
        #expect(bad.status != 0 && bad.stderr.contains("--day '2026-02-30' is not a date"))
    }

    @Test func aViewerGetsAMaskedSheetAndNothingIsLogged() throws {
        let store = try SeededStore()
        defer { store.remove() }
        // Another admin keeps the store; the person running the tests becomes a viewer.
        #expect(try store.run(["users", "add", "boss", "--role", "admin"]).status == 0)
        #expect(try store.run(["users", "set", UsersCommandTests.me, "--role", "viewer"]).status == 0)
        let masked = try sheet(store, [])
        #expect(masked.status == 0, "\(masked.stderr)")
        #expect(masked.stdout.contains("* Masked:") && masked.stdout.contains("-****-"))
        #expect(!(try store.run(["access-log"]).stdout.contains("sheet")), "a masked sheet shows nobody in full")
    }
}
