import Foundation
import HonsimTestServer
import Testing

/// The dashboard and the kiosk on a PostgreSQL store whose server goes down and comes back, in tmux.
@Suite("Screens end to end on PostgreSQL", .serialized,
       .enabled(if: DashboardEndToEndTests.tmuxInstalled && SeededStore.backends.contains("postgres")))
struct PostgresDashboardEndToEndTests {
    @Test func aServerThatGoesDownShowsDisconnectedKeepsTheScreenAndComesBackByItself() throws {
        let server = try PostgresServer.dedicated()
        defer { server.stop() }
        try server.psql("CREATE DATABASE city")
        let url = server.url(user: "postgres", database: "city")
        let seeded = try CLI.run(["seed", "--store", url, "--dir", CLI.seeds])
        try #require(seeded.status == 0, "\(seeded.stderr)")

        let tmux = DashboardEndToEndTests.Tmux()
        try tmux.start(width: 120, height: 40,
                       command: "env LANG=C.UTF-8 TERM=xterm-256color \(CLI.binary) dashboard --store '\(url)' --lang en; echo HONSIM-EXITED $?; sleep 30")
        // Wait for the data itself, not only the frame: the panes say "loading…" until then.
        let loaded = { (lines: [String]) in lines.joined().contains("1 Requests") && !lines.joined().contains("loading…") }
        let shown = try tmux.wait(.seconds(60), until: loaded)
        try #require(loaded(shown), "\(shown.joined(separator: "\n"))")
        // The requests pane as it was, to see that the data stays on screen.
        let before = shown.joined(separator: "\n")

        // No key is pressed: the change feed's connection drops with the server, and the
        // screen finds out by itself.
        try server.pause()
        let down = try tmux.wait { $0.joined().contains("disconnected") }
        #expect(down.joined().contains("disconnected from the store, retrying"), "\(down.joined(separator: "\n"))")
        #expect(!down.joined().contains("HONSIM-EXITED"))
        // The last data stays: the requests pane.s first rows are as they were.
        let firstRows = before.components(separatedBy: "\n").filter { $0.contains("│") }.prefix(6)
        let downText = down.joined(separator: "\n")
        #expect(firstRows.filter { downText.contains($0) }.count >= 3)

        try server.resume()
        let back = try tmux.wait(.seconds(30)) { !$0.joined().contains("disconnected") }
        #expect(!back.joined().contains("disconnected"), "\(back.joined(separator: "\n"))")
        #expect(back.joined().contains("1 Requests"))
        try tmux.keys("q")
        let closed = try tmux.wait { $0.joined().contains("HONSIM-EXITED") }
        #expect(closed.joined().contains("HONSIM-EXITED 0"))
    }

    @Test func theKioskSaysWhenTheServerIsDownKeepsItsFiguresAndComesBackByItself() throws {
        let server = try PostgresServer.dedicated()
        defer { server.stop() }
        try server.psql("CREATE DATABASE hall")
        let url = server.url(user: "postgres", database: "hall")
        let seeded = try CLI.run(["seed", "--store", url, "--dir", CLI.seeds])
        try #require(seeded.status == 0, "\(seeded.stderr)")

        let tmux = DashboardEndToEndTests.Tmux()
        try tmux.start(width: 80, height: 24,
                       command: "env LANG=C.UTF-8 TERM=xterm-256color \(CLI.binary) kiosk --store '\(url)' --views board; echo KIOSK-EXITED $?; sleep 30")
        // Loaded, not only drawn: "last updated" appears with the first figures.
        let loaded = { (lines: [String]) in lines.last?.contains("연결됨") == true && lines.last?.contains("마지막 갱신") == true }
        let up = try tmux.wait(.seconds(30), until: loaded)
        try #require(loaded(up), "\(up.joined(separator: "\n"))")
        // Nothing is written and no key is pressed: the kiosk notices the server going by itself.
        try server.pause()
        let down = try tmux.wait { $0.last?.contains("저장소에 연결되지 않음") == true }
        #expect(down.last?.contains("마지막 갱신") == true, "the time of the figures still on screen: \(down.joined(separator: "\n"))")
        #expect(down.joined().contains("오늘의 동행"), "\(down.joined(separator: "\n"))")
        #expect(!down.joined().contains("KIOSK-EXITED"))
        try server.resume()
        let back = try tmux.wait(.seconds(30)) { $0.last?.contains("연결됨") == true }
        #expect(back.last?.contains("연결됨") == true, "\(back.joined(separator: "\n"))")
        try tmux.keys("q", "y")
        #expect(try tmux.wait { $0.joined().contains("KIOSK-EXITED") }.joined().contains("KIOSK-EXITED 0"))
    }
}
