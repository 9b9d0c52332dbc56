import Foundation
import HonsimCore
import Testing

/// The built binary in a real terminal: tmux runs it, sends keys and reads the screen.
@Suite("Dashboard end to end in tmux", .serialized)
struct DashboardEndToEndTests {
    /// A tmux server of its own, so tests never touch anyone's sessions.
    final class Tmux {
        let socket = "honsim-test-\(UUID().uuidString.prefix(8))"

        /// Runs a tmux command with posix_spawn and waitpid, its output going to a file. (The
        /// first command forks the tmux server, which keeps inherited pipes open, and
        /// Foundation's Process does not notice that such a client has exited.)
        @discardableResult
        func run(_ arguments: [String]) throws -> String {
            let output = FileManager.default.temporaryDirectory.appendingPathComponent("tmux-\(UUID().uuidString)").path
            defer { try? FileManager.default.removeItem(atPath: output) }
            var actions: posix_spawn_file_actions_t = posix_spawn_file_actions_t()
            posix_spawn_file_actions_init(&actions)
            defer { posix_spawn_file_actions_destroy(&actions) }
            posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
            posix_spawn_file_actions_addopen(&actions, 1, output, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
            posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
            // With no signal blocked and each at its default: a test runs on a thread that blocks
            // most signals, and a child inherits that mask. The tmux server forked from the first
            // command, and the program in its pane, would then never see the SIGHUP and SIGTERM
            // that `kill-server` sends: they outlived the test, still running.
            var attributes = posix_spawnattr_t()
            posix_spawnattr_init(&attributes)
            defer { posix_spawnattr_destroy(&attributes) }
            var none = sigset_t(), all = sigset_t()
            sigemptyset(&none)
            sigfillset(&all)
            posix_spawnattr_setsigmask(&attributes, &none)
            posix_spawnattr_setsigdefault(&attributes, &all)
            posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
            let argv = (["tmux", "-L", socket] + arguments).map { strdup($0) } + [nil]
            defer { argv.forEach { free($0) } }
            var pid: pid_t = 0
            guard posix_spawnp(&pid, "tmux", &actions, &attributes, argv, environ) == 0 else { throw TmuxFailed() }
            var status: Int32 = 0
            waitpid(pid, &status, 0)
            return (try? String(contentsOfFile: output, encoding: .utf8)) ?? ""
        }

        struct TmuxFailed: Error {}

        func start(width: Int, height: Int, command: String) throws {
            try run(["new-session", "-d", "-x", String(width), "-y", String(height), "-s", "main", command])
        }

        func screen() throws -> [String] {
            // One line per terminal row; the output's final newline is not a row.
            var lines = try run(["capture-pane", "-p", "-t", "main"]).components(separatedBy: "\n")
            if lines.last == "" { lines.removeLast() }
            return lines
        }

        func keys(_ keys: String...) throws { try run(["send-keys", "-t", "main"] + keys) }

        func resize(width: Int, height: Int) throws {
            try run(["resize-window", "-t", "main", "-x", String(width), "-y", String(height)])
        }

        /// Waits until the screen satisfies `condition` and has settled, up to `timeout`;
        /// returns the screen. A capture can land while a frame is half written (a frame of
        /// Korean text in colour is more than one write), so a screen counts only when a
        /// second capture a moment later is the same.
        func wait(_ timeout: Duration = .seconds(20), until condition: ([String]) -> Bool) throws -> [String] {
            let deadline = ContinuousClock.now + timeout
            var lines = try screen()
            while ContinuousClock.now < deadline {
                if condition(lines) {
                    Thread.sleep(forTimeInterval: 0.1)
                    let again = try screen()
                    if again == lines { return lines }
                    lines = again
                    continue
                }
                Thread.sleep(forTimeInterval: 0.05)
                lines = try screen()
            }
            return lines
        }

        deinit { _ = try? run(["kill-server"]) }
    }

    func householdName(of request: Int64, in store: SeededStore) throws -> String {
        let requests = try JSONSerialization.jsonObject(with: Data(try store.run(["export", "requests", "--format", "json"]).stdout.utf8)) as? [[String: Any]] ?? []
        let household = requests.first { ($0["id"] as? NSNumber)?.int64Value == request }?["household_id"] as? NSNumber
        let households = try JSONSerialization.jsonObject(with: Data(try store.run(["export", "households", "--format", "json"]).stdout.utf8)) as? [[String: Any]] ?? []
        return households.first { ($0["id"] as? NSNumber) == household }?["name"] as? String ?? "?"
    }

    static var tmuxInstalled: Bool { FileManager.default.isExecutableFile(atPath: "/usr/bin/tmux") }

    func command(_ store: SeededStore, lang: String = "ko") -> String {
        "env LANG=C.UTF-8 TERM=xterm-256color \(CLI.binary) dashboard --store \(store.path) --lang \(lang); echo HONSIM-EXITED $?; sleep 30"
    }

    func assertFits(_ lines: [String], width: Int, sourceLocation: SourceLocation = #_sourceLocation) {
        for (index, line) in lines.enumerated() {
            #expect(DisplayWidth.of(line) <= width, "line \(index) is \(DisplayWidth.of(line)) columns: \(line)", sourceLocation: sourceLocation)
        }
    }

    @Test(.enabled(if: tmuxInstalled, "tmux is not installed"))
    func threePanesAt120x40ThenTabsAfterAResizeThenQRestoresTheShell() throws {
        let store = try SeededStore()
        defer { store.remove() }
        let tmux = Tmux()
        try tmux.start(width: 120, height: 40, command: command(store))
        // A capture can land in the middle of a frame: wait for the footer, the last line written.
        // The panes fill as their reads come back: wait for the screen with none still loading.
        var lines = try tmux.wait {
            $0.joined().contains("동별 통계") && $0.joined().contains("월화수목금토일") && $0.last?.contains("연결됨") == true
                && !$0.joined().contains("불러오는 중")
        }
        assertFits(lines, width: 120)
        // The final screen is whole: every pane has its rows, none says it is loading.
        #expect(!lines.joined().contains("불러오는 중"))
        #expect(lines.joined().contains("2 봉사자 150"))
        #expect(lines.contains { $0.contains("%") && $0.contains("동 ") }, "the statistics have their figures")
        #expect(lines.first?.hasPrefix(" 혼심 · 병원 동행") == true)
        // Requests on the left, volunteers top right, statistics below them.
        let requestsRow = try #require(lines.firstIndex { $0.contains("1 요청") })
        let volunteersRow = try #require(lines.firstIndex { $0.contains("2 봉사자") })
        let statisticsRow = try #require(lines.firstIndex { $0.contains("3 동별 통계") })
        #expect(requestsRow == 1 && volunteersRow == 1 && statisticsRow > 10)
        let volunteersColumn = DisplayWidth.of(String(lines[1][..<(lines[1].range(of: "2 봉사자")?.lowerBound ?? lines[1].startIndex)]))
        #expect(volunteersColumn > 60)
        #expect(lines.last?.contains("연결됨") == true)

        try tmux.keys("?")
        lines = try tmux.wait { $0.joined().contains("도움말 —") }
        #expect(lines.joined().contains("다음 창"))
        try tmux.keys("Escape")
        _ = try tmux.wait { !$0.joined().contains("도움말 —") }

        try tmux.resize(width: 80, height: 24)
        lines = try tmux.wait { $0.count >= 2 && $0[1].contains("1 요청   2 봉사자") }
        #expect(lines[1].contains("1 요청   2 봉사자   3 동별 통계"))
        assertFits(lines, width: 80)
        try tmux.keys("2")
        lines = try tmux.wait { $0.joined().contains("주배정") }
        #expect(lines.joined().contains("2 봉사자 150"))

        try tmux.resize(width: 70, height: 20)
        lines = try tmux.wait { $0.joined().contains("터미널이 너무 작습니다") }
        #expect(lines.joined().contains("최소 80x24가 필요합니다"))

        try tmux.keys("q")
        lines = try tmux.wait { $0.joined().contains("HONSIM-EXITED") }
        #expect(lines.joined().contains("HONSIM-EXITED 0"))
        #expect(!lines.joined().contains("봉사자"), "the dashboard's screen should be gone after q")
    }

    @Test(.enabled(if: tmuxInstalled, "tmux is not installed"))
    func englishAt80x24AndAnotherProcessesChangeShows() throws {
        let store = try SeededStore()
        defer { store.remove() }
        let target = try #require(try store.pendingWithCandidates(requests: 1, candidates: 2).first)
        let tmux = Tmux()
        try tmux.start(width: 80, height: 24, command: command(store, lang: "en"))
        var lines = try tmux.wait { $0.joined().contains("1 Requests") && $0.last?.contains("connected") == true && !$0.joined().contains("loading…") }
        assertFits(lines, width: 80)
        #expect(!lines.joined().contains("loading…"), "the final screen is whole")
        #expect(lines.last?.contains("connected") == true)
        // Filter the requests pane to the household of the request another process will assign.
        let name = try householdName(of: target.request, in: store)
        try tmux.keys("/")
        try tmux.keys("-l", name)
        try tmux.keys("Enter")
        lines = try tmux.wait { $0.joined().contains("/\(name)") }
        let rowsBefore = lines.filter { $0.contains(name) && $0.hasPrefix("│") }
        #expect(!rowsBefore.isEmpty)
        #expect(rowsBefore.contains { $0.contains("pending") || $0.contains("urgent") })
        let assign = try store.run(["assign", String(target.request), String(target.volunteers[0])])
        #expect(assign.status == 0)
        // The row follows the change feed: how fast is the benchmark's business, not this test's.
        // A capture can land in the middle of a frame being written, so wait for the whole row.
        let assignedBefore = rowsBefore.filter { $0.contains("assigned") }.count
        let rows = { (lines: [String]) in lines.filter { $0.contains(name) && $0.hasPrefix("│") } }
        lines = try tmux.wait(.seconds(10)) { rows($0).filter { $0.contains("assigned") }.count == assignedBefore + 1 }
        #expect(rows(lines) != rowsBefore)
        #expect(rows(lines).filter { $0.contains("assigned") }.count == assignedBefore + 1)
        try tmux.keys("q")
        lines = try tmux.wait { $0.joined().contains("HONSIM-EXITED") }
        #expect(lines.joined().contains("HONSIM-EXITED 0"))
    }

    /// A dropped SSH connection (SIGHUP), a kill (SIGTERM) or Ctrl-C (SIGINT): the terminal
    /// is given back as it was, and the exit status says which signal it was.
    @Test(.enabled(if: tmuxInstalled, "tmux is not installed"), arguments: [("TERM", 143), ("HUP", 129), ("INT", 130)])
    func aSignalRestoresTheTerminal(signal: String, status: Int) throws {
        let store = try SeededStore()
        defer { store.remove() }
        let tmux = Tmux()
        try tmux.start(width: 100, height: 30, command: "env LANG=C.UTF-8 TERM=xterm-256color \(CLI.binary) dashboard --store \(store.path); "
            + "echo HONSIM-EXITED $?; stty -a | tr ' ' '\\n' | grep -x -e icanon -e echo | tr '\\n' ' '; sleep 30")
        _ = try tmux.wait { $0.joined().contains("동별 통계") }
        try Self.signalDashboard(signal, store: store.path)
        let lines = try tmux.wait { $0.joined().contains("HONSIM-EXITED") && $0.joined().contains("echo") }
        #expect(lines.joined().contains("HONSIM-EXITED \(status)"))
        #expect(lines.joined().contains("icanon") && lines.joined().contains("echo"), "the terminal's cooked mode is back")
        #expect(!lines.joined().contains("동별 통계"), "the dashboard's screen is gone")
    }

    /// Sends `signal` to the dashboard on `store` alone: its command line begins with the
    /// binary. The shell in the pane and the tmux server hold the same words further on, and
    /// would end with it, taking the screen the test reads.
    static func signalDashboard(_ signal: String, store: String) throws {
        let kill = Process()
        kill.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        kill.arguments = ["pkill", "-\(signal)", "-f", "^" + NSRegularExpression.escapedPattern(for: "\(CLI.binary) dashboard --store \(store)")]
        try kill.run()
        kill.waitUntilExit()
    }

    @Test(.enabled(if: tmuxInstalled, "tmux is not installed"))
    func aDumbTerminalGetsAClearMessage() throws {
        let store = try SeededStore()
        defer { store.remove() }
        let result = try CLI.run(["dashboard", "--store", store.path, "--lang", "en"], environment: ["TERM": "dumb"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("this terminal (TERM=dumb) cannot show the dashboard"))
    }

    /// Started with no terminal (a pipe, a job in the background), the dashboard used to draw into
    /// the pipe and wait for keys that never came, at full speed, until it was killed.
    @Test func withoutATerminalTheDashboardSaysSoAndEnds() throws {
        let store = try SeededStore()
        defer { store.remove() }
        for command in [["dashboard"], ["kiosk"]] {
            let result = try CLI.run(command + ["--store", store.path, "--lang", "en"], environment: ["TERM": "xterm-256color"])
            #expect(result.status == 1, "\(command)")
            #expect(result.stderr.contains("the dashboard needs a terminal, and standard input or output is not one"), "\(command): \(result.stderr)")
            #expect(!result.stdout.contains("\u{1B}["), "\(command) drew nothing into the pipe")
        }
    }
}
