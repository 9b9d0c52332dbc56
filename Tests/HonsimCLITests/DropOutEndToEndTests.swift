import Foundation
import Testing

/// A volunteer phones in sick: in a real terminal, the day off is recorded on a day they hold
/// an escort, the escort is listed and released, the dashboard assigns it to someone else,
/// and the store's invariants still hold.
@Suite("A volunteer's drop-out end to end in tmux", .serialized)
struct DropOutEndToEndTests {
    typealias Tmux = DashboardEndToEndTests.Tmux

    @Test(.enabled(if: DashboardEndToEndTests.tmuxInstalled, "tmux is not installed"))
    func aDayOffListsTheEscortReleasesItAndTheDashboardReassignsIt() throws {
        let store = try SeededStore()
        defer { store.remove() }
        let held = try store.heldEscort()
        let name = try DashboardEndToEndTests().householdName(of: held.request, in: store)
        let tmux = Tmux()
        let off = "\(CLI.binary) volunteer off \(held.volunteer) --from \(held.day) --store \(store.path) --lang en"
        try tmux.start(width: 120, height: 40, command: "env LANG=C.UTF-8 sh -c '\(off); echo OFF-EXITED $?; \(off) --release; "
            + "echo RELEASE-EXITED $?; sleep 30'")
        let lines = try tmux.wait(.seconds(60)) { $0.joined().contains("RELEASE-EXITED") }
        let screen = lines.joined(separator: "\n")
        #expect(screen.contains("#\(held.request) \(held.day)"), "the escort is listed: \(screen)")
        #expect(screen.contains("OFF-EXITED 3"))
        #expect(screen.contains("returned to pending: ") && screen.contains("RELEASE-EXITED 0"))

        // The dashboard: the household's requests, the released one first (it needs a volunteer), a then Enter.
        let dashboard = Tmux()
        try dashboard.start(width: 120, height: 40, command: "env LANG=C.UTF-8 TERM=xterm-256color \(CLI.binary) dashboard --store \(store.path) "
            + "--lang en; echo HONSIM-EXITED $?; sleep 30")
        // Generous waits: the whole suite shares two cores with this terminal.
        _ = try dashboard.wait(.seconds(60)) { $0.joined().contains("1 Requests") && $0.joined().contains("connected") }
        try dashboard.keys("/")
        try dashboard.keys("-l", name)
        try dashboard.keys("Enter")
        var lines2 = try dashboard.wait(.seconds(60)) { $0.joined().contains("/\(name)") }
        #expect(lines2.contains { $0.contains(name) && ($0.contains("pending") || $0.contains("urgent")) }, "\(lines2.joined(separator: "\n"))")
        try dashboard.keys("a")
        // The first candidate's row, not just the title: Enter before the candidates are in does nothing.
        lines2 = try dashboard.wait(.seconds(60)) { $0.joined().contains("Assign a volunteer — #\(held.request)") && $0.contains { $0.contains("│  1 ") } }
        #expect(lines2.joined().contains("Assign a volunteer — #\(held.request)"), "the released escort is the first to see to: \(lines2.joined(separator: "\n"))")
        try dashboard.keys("Enter")
        lines2 = try dashboard.wait(.seconds(60)) { $0.joined().contains("assigned: #\(held.request)") }
        #expect(lines2.joined().contains("assigned: #\(held.request)"))
        try dashboard.keys("q")
        _ = try dashboard.wait { $0.joined().contains("HONSIM-EXITED") }

        let json = try store.run(["export", "requests", "--format", "json"]).stdout
        let rows = (try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[String: Any]]) ?? []
        let row = try #require(rows.first { ($0["id"] as? NSNumber)?.int64Value == held.request })
        #expect(row["status"] as? String == "assigned")
        let volunteer = (row["volunteer_id"] as? NSNumber)?.int64Value
        #expect(volunteer != nil && volunteer != held.volunteer, "someone else goes")
        let check = try store.run(["check"])
        #expect(check.status == 0, "\(check.stdout)")
    }
}
