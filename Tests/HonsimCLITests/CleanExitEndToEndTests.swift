import Foundation
import HonsimCore
import Testing

/// Terminals without an alternate screen (vt100, the Linux console): what the dashboard drew
/// must not stay behind for the next person, and the Linux console is told it cannot show Hangul.
@Suite("Leaving a terminal clean, end to end in tmux", .serialized)
struct CleanExitEndToEndTests {
    typealias Tmux = DashboardEndToEndTests.Tmux

    static var tmuxInstalled: Bool { DashboardEndToEndTests.tmuxInstalled }

    /// Every household's name in the store, as the dashboard would show it in full.
    func householdNames(_ store: SeededStore) throws -> [String] {
        let rows = try JSONSerialization.jsonObject(with: Data(try store.run(["export", "households", "--format", "json"]).stdout.utf8))
            as? [[String: Any]] ?? []
        return rows.compactMap { $0["name"] as? String }.filter { $0.count >= 2 }
    }

    func command(_ store: SeededStore, term: String, lang: String) -> String {
        "env LANG=C.UTF-8 TERM=\(term) \(CLI.binary) dashboard --store \(store.path) --lang \(lang); echo HONSIM-EXITED $?; sleep 30"
    }

    @Test(.enabled(if: tmuxInstalled, "tmux is not installed"), arguments: ["q", "TERM", "HUP"])
    func onVT100NoHouseholdNameIsLeftOnTheScreen(ending: String) throws {
        let store = try SeededStore()
        defer { store.remove() }
        let names = try householdNames(store)
        let tmux = Tmux()
        try tmux.start(width: 120, height: 40, command: command(store, term: "vt100", lang: "ko"))
        let before = try tmux.wait { lines in
            lines.last?.contains("연결됨") == true && names.filter { lines.joined().contains($0) }.count >= 5
        }
        let shown = names.filter { before.joined().contains($0) }
        #expect(shown.count >= 5, "the dashboard shows names before it quits: \(before.joined(separator: "\n"))")
        if ending == "q" {
            try tmux.keys("q")
        } else {
            try DashboardEndToEndTests.signalDashboard(ending, store: store.path)
        }
        let after = try tmux.wait { $0.joined().contains("HONSIM-EXITED") }
        #expect(after.joined().contains("HONSIM-EXITED"))
        let left = names.filter { after.joined().contains($0) }
        #expect(left.isEmpty, "left on the screen after \(ending): \(left.prefix(5))")
        #expect(!after.joined().contains("동별 통계"))
    }

    @Test(.enabled(if: tmuxInstalled, "tmux is not installed"))
    func theLinuxConsoleIsToldInBothLanguages() throws {
        let store = try SeededStore()
        defer { store.remove() }
        let tmux = Tmux()
        try tmux.start(width: 120, height: 40, command: command(store, term: "linux", lang: "en"))
        let open = try tmux.wait { $0.joined().contains("cannot draw Hangul") }
        #expect(open.joined().contains("this console (TERM=linux) cannot draw Hangul"))
        try tmux.keys("q")
        let after = try tmux.wait { $0.joined().contains("HONSIM-EXITED") }
        // Joined without line breaks: the terminal wraps the long notice.
        let text = after.joined()
        // Said again once the dashboard has gone, where it stays to be read: English and Korean.
        #expect(text.contains("kmscon or fbterm, or with --lang en"))
        #expect(text.contains("한글을 그릴 수 없습니다"))
        #expect(text.components(separatedBy: "cannot draw Hangul").count == 2, "said once after leaving")
    }
}
