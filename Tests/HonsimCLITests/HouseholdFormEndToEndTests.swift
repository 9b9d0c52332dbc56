import Foundation
import HonsimCore
import Testing

/// The household form in a real terminal: a fresh demo, the dashboard in tmux, the selected
/// request's household page, its form with the family contact typed and a category ticked with
/// Space, saved, the page showing the contact; the store holds both (through the commands) and
/// `honsim check` is clean.
@Suite("The household form end to end in tmux", .serialized)
struct HouseholdFormEndToEndTests {
    typealias Tmux = DashboardEndToEndTests.Tmux

    /// The categories named on the line "대상 구분: …" of a page or of `honsim rules eligibility`,
    /// as the line reads after its label (a page's frame and padding with them).
    static func categories(in lines: [String]) -> String {
        guard let line = lines.first(where: { $0.contains("대상 구분:") }),
              let after = line.range(of: "대상 구분:")?.upperBound else { return "" }
        return String(line[after...])
    }

    @Test(.enabled(if: DashboardEndToEndTests.tmuxInstalled, "tmux is not installed"))
    func theFamilyContactAndACategoryAreTypedSavedAndShown() throws {
        let store = try SeededStore()
        defer { store.remove() }
        let tmux = Tmux()
        let command = "env LANG=C.UTF-8 TERM=xterm-256color \(CLI.binary) dashboard --store \(store.path) --lang ko; echo HONSIM-EXITED $?; sleep 30"
        try tmux.start(width: 120, height: 40, command: command)
        _ = try tmux.wait { $0.last?.contains("연결됨") == true && $0.joined().contains("동별 통계") }

        try tmux.keys("h")
        var lines = try tmux.wait { $0.joined().contains("[기본 정보]") && $0.joined().contains("가족:") }
        let title = try #require(lines.joined().firstMatch(of: /대상자 #(\d+)/), "the page's title names the household")
        let id = String(title.1)
        try tmux.keys("e")
        _ = try tmux.wait { $0.joined().contains("가족 이름") && $0.joined().contains("대상 구분") }
        // To the family name (the eleventh field), then each of the three, typed over what is there.
        for _ in 0..<10 { try tmux.keys("Tab") }
        for text in ["박은정", "딸", "010-5555-6666"] {
            for _ in 0..<20 { try tmux.keys("BSpace") }
            try tmux.keys("-l", text)
            try tmux.keys("Tab")
        }
        // On the categories: → to 차상위, Space ticks it; then to the last field and Enter saves.
        lines = try tmux.wait { $0.joined().contains("←→ 고르기") }
        try tmux.keys("Right", "Space")
        _ = try tmux.wait { $0.joined().contains("[x]차상위") }
        try tmux.keys("Tab", "Enter")
        // The demo's household may hold other categories already (the demo is made for today): 차상위 is among them now.
        lines = try tmux.wait { $0.joined().contains("가족: 박은정 (딸) 010-5555-6666") && HouseholdFormEndToEndTests.categories(in: $0).contains("차상위") }
        #expect(lines.joined().contains("저장했습니다"), "the status line says it was saved")

        try tmux.keys("Escape")
        _ = try tmux.wait { !$0.joined().contains("[기본 정보]") }
        try tmux.keys("q")
        lines = try tmux.wait { $0.joined().contains("HONSIM-EXITED") }
        #expect(lines.joined().contains("HONSIM-EXITED 0"))

        let page = try store.run(["household", "show", id], lang: "ko").stdout
        #expect(page.contains("가족: 박은정 (딸) 010-5555-6666"), "\(page)")
        let rules = try store.run(["rules", "eligibility", id], lang: "ko").stdout
        #expect(HouseholdFormEndToEndTests.categories(in: rules.components(separatedBy: "\n")).contains("차상위"), "\(rules)")
        let check = try store.run(["check"])
        #expect(check.status == 0 && check.stdout.hasPrefix("ok:"), "\(check.stdout)\(check.stderr)")
        let audit = try store.run(["export", "audit"]).stdout
        #expect(audit.contains("eligibility") && audit.contains("박은정"))
    }
}
