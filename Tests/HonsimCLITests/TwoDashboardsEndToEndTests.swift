import Foundation
import HonsimCore
import Testing

/// Two coordinators, each with a dashboard on the same store, assign the same request at
/// the same moment: exactly one assignment is made, and the other dashboard says who won.
@Suite("Two dashboards in tmux", .serialized)
struct TwoDashboardsEndToEndTests {
    typealias Tmux = DashboardEndToEndTests.Tmux

    func command(_ store: SeededStore) -> String {
        "env LANG=C.UTF-8 TERM=xterm-256color \(CLI.binary) dashboard --store \(store.path) --lang ko; echo HONSIM-EXITED $?; sleep 30"
    }

    @Test(.enabled(if: DashboardEndToEndTests.tmuxInstalled, "tmux is not installed"))
    func bothPressEnterOnTheSameRequestAndExactlyOneWins() throws {
        let store = try SeededStore()
        defer { store.remove() }
        let first = Tmux(), second = Tmux()
        try first.start(width: 120, height: 40, command: command(store))
        try second.start(width: 120, height: 40, command: command(store))
        for tmux in [first, second] {
            // The first row holds a request: the data is in.
            _ = try tmux.wait { $0.count > 3 && ($0[3].contains("긴급") || $0[3].contains("대기")) }
            try tmux.keys("a")
        }
        // Both dialogs are open on the same request, with their candidates.
        let dialogs = try [first, second].map { tmux in try tmux.wait { $0.joined().contains("봉사자 배정 — #") && $0.contains { $0.contains("│  1 ") } } }
        let title = { (lines: [String]) in lines.first { $0.contains("봉사자 배정 — #") }.flatMap { line in
            line.range(of: "#").map { String(line[$0.upperBound...].prefix { $0.isNumber }) } } }
        let requestID = try #require(title(dialogs[0]))
        #expect(title(dialogs[1]) == requestID)

        let won = { (lines: [String]) in lines.last?.contains("배정했습니다: #\(requestID)") == true }
        let lost = { (lines: [String]) in lines.joined().contains("이미") && lines.joined().contains("배정되었습니다") }
        // At some hours of the day the demo's best candidate is outside their weekly hours, and
        // the dialog asks before overriding that rule: both coordinators answer yes at once,
        // which is the same race.
        let asks = { (lines: [String]) in lines.joined().contains("규칙 예외로 배정할까요?") }

        try first.keys("Enter")
        try second.keys("Enter")
        let answers = try [first, second].map { tmux in try tmux.wait { won($0) || lost($0) || asks($0) } }
        for (tmux, screen) in zip([first, second], answers) where asks(screen) { try tmux.keys("y") }
        let screens = try [first, second].map { tmux in try tmux.wait { won($0) || lost($0) } }
        #expect(screens.filter(won).count == 1, "exactly one dashboard assigned")
        #expect(screens.filter(lost).count == 1, "the other says it was assigned first")
        // The loser's dialog names the volunteer the winner assigned, and stays open.
        let loser = try #require(screens.first(where: lost))
        let notice = try #require(screens.first(where: won)?.last)
        let volunteer = try #require(notice.components(separatedBy: "→ ").last?.components(separatedBy: " ·").first)
        #expect(loser.joined().contains("\(volunteer) 봉사자에게"))
        #expect(loser.joined().contains("봉사자 배정 — #\(requestID)"))

        let audit = try store.run(["export", "audit", "--format", "json"]).stdout
        let entries = (try JSONSerialization.jsonObject(with: Data(audit.utf8)) as? [[String: Any]]) ?? []
        #expect(entries.filter { (($0["action"] as? String)?.hasPrefix("assign") == true) && ($0["entity_id"] as? String) == requestID }.count == 1)
        #expect(try store.run(["check"]).status == 0)
        for tmux in [first, second] { try tmux.keys("Escape", "q") }
    }
}
