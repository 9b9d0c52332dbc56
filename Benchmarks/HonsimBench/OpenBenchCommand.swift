import ArgumentParser
import Foundation

/// `honsim-bench open`: the dashboard opening as a coordinator sees it, from process start.
/// The built `honsim dashboard --store STORE` runs in a pseudo-terminal of the given size;
/// the time runs from just before it is spawned until (a) its first frame reached the
/// terminal, (b) the first frame with the requests pane filled, and (c) the first frame with
/// no pane still "불러오는 중". The dashboard says when with one line each on a pipe whose
/// descriptor HONSIM_BENCH_MARKERS names (see `BenchMarkers`): written right after ncurses
/// sent that frame, from the state the frame was drawn from, so no screen is parsed and
/// nothing is added to what the terminal receives. The benchmark answers the terminal's
/// cursor-position question as xterm does, so the ambiguous-width probe costs what it costs
/// on a real terminal rather than its time-out; then it presses q and waits for the exit.
struct OpenBenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "open", abstract: "Measure the dashboard's first frame and whole screen from process start, in a pseudo-terminal.")

    @Option(help: ArgumentHelp("The store to open: a SQLite file or a postgres:// URL. It is only read.", valueName: "path|url"))
    var store: String
    @Option(help: ArgumentHelp("The built honsim executable.", valueName: "path")) var binary: String
    @Option(help: "Openings to time.") var iterations = 7
    @Option(help: "Openings before those, not timed (the store's pages come into the cache).") var warmups = 1
    @Option(help: "The terminal's columns.") var width = 200
    @Option(help: "The terminal's rows.") var height = 60
    @Flag(help: "Print the results as JSON instead of a table.") var json = false

    static let firstFrameTargetMs = 150.0
    static let wholeScreenTargetMs = 400.0

    func validate() throws {
        guard FileManager.default.isExecutableFile(atPath: binary) else {
            throw ValidationError("--binary \(binary): no executable there")
        }
        guard width >= 80, height >= 24 else { throw ValidationError("--width and --height: at least 80x24") }
        guard iterations > 0 else { throw ValidationError("--iterations: at least 1") }
    }

    func run() async throws {
        var frames: [Duration] = [], requests: [Duration] = [], wholes: [Duration] = [], peaks: [Int] = []
        for index in 0..<(warmups + iterations) {
            let opening = try PseudoTerminalRun.launch(binary: binary, arguments: ["dashboard", "--store", store],
                                                     width: width, height: height)
            guard index >= warmups else { continue }
            frames.append(opening.frame)
            requests.append(opening.requests)
            wholes.append(opening.whole)
            peaks.append(opening.peakKB)
        }
        peaks.sort()
        let memory = String(format: " Peak memory (VmHWM) of the dashboard's process at its whole screen: median %.1f MB, max %.1f MB.",
                            Double(peaks[peaks.count / 2]) / 1_024, Double(peaks.last ?? 0) / 1_024)
        let size = "\(width)x\(height)"
        try Measure.report([
            Summary(name: "first frame (\(size))", targetMs: Self.firstFrameTargetMs, result: "the frame drawn", durations: frames),
            Summary(name: "requests pane filled", targetMs: Self.firstFrameTargetMs, result: "requests on screen", durations: requests),
            Summary(name: "whole screen", targetMs: Self.wholeScreenTargetMs, result: "no pane loading", durations: wholes),
        ], json: json, note: "From spawning `honsim dashboard --store …` in a \(size) pseudo-terminal; the dashboard marks each frame on a pipe (HONSIM_BENCH_MARKERS)." + memory)
    }
}

/// One run of the dashboard in a pseudo-terminal, timed by its markers.
enum PseudoTerminalRun {
    struct Opening {
        var frame: Duration
        var requests: Duration
        var whole: Duration
        /// The process's peak memory when its screen was whole, in KB.
        var peakKB: Int
    }

    enum Failure: Error, CustomStringConvertible {
        case system(String, Int32)
        case noMarker(String, output: String)

        var description: String {
            switch self {
            case .system(let call, let code): "\(call) failed: \(String(cString: strerror(code)))"
            case .noMarker(let mark, let output): "the dashboard never marked \"\(mark)\" within 60 s; its last output:\n\(output)"
            }
        }
    }

    static func launch(binary: String, arguments: [String], width: Int, height: Int) throws -> Opening {
        let pty = try PseudoTerminalCalls()
        let master = pty.openMaster(O_RDWR | O_NOCTTY)
        guard master >= 0, pty.grant(master) == 0, pty.unlock(master) == 0, let name = pty.name(master) else {
            throw Failure.system("posix_openpt", errno)
        }
        let slave = open(name, O_RDWR | O_NOCTTY)
        guard slave >= 0 else { throw Failure.system("open pseudo-terminal", errno) }
        var size = winsize(ws_row: UInt16(height), ws_col: UInt16(width), ws_xpixel: 0, ws_ypixel: 0)
        guard ioctl(slave, UInt(TIOCSWINSZ), &size) == 0 else { throw Failure.system("TIOCSWINSZ", errno) }
        var markerPipe: [Int32] = [-1, -1]
        guard pipe(&markerPipe) == 0 else { throw Failure.system("pipe", errno) }
        defer { close(master); close(markerPipe[0]) }

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        // The descriptors the child must not keep are closed first: one of them may be 3.
        posix_spawn_file_actions_addclose(&actions, master)
        posix_spawn_file_actions_addclose(&actions, markerPipe[0])
        for target: Int32 in [0, 1, 2] { posix_spawn_file_actions_adddup2(&actions, slave, target) }
        posix_spawn_file_actions_adddup2(&actions, markerPipe[1], 3)
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }

        var environment = ProcessInfo.processInfo.environment
        environment["TERM"] = "xterm-256color"
        environment["HONSIM_BENCH_MARKERS"] = "3"
        environment["LC_ALL"] = environment["LC_ALL"] ?? "C.UTF-8"
        let argv = ([binary] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { (argv + envp).forEach { free($0) } }

        let clock = ContinuousClock()
        let started = clock.now
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, binary, &actions, &attributes, argv, envp)
        close(slave)
        close(markerPipe[1])
        guard spawned == 0 else { throw Failure.system("posix_spawn", spawned) }

        var marks: [String: Duration] = [:]
        var pendingMarks = "", recentOutput: [UInt8] = []
        var quitSent = false
        var peakKB = 0
        let deadline = started + .seconds(60)
        var buffer = [UInt8](repeating: 0, count: 65_536)
        var masterOpen = true
        while clock.now < deadline {
            var fds = [pollfd(fd: markerPipe[0], events: Int16(POLLIN), revents: 0),
                       pollfd(fd: masterOpen ? master : -1, events: Int16(POLLIN), revents: 0)]
            guard poll(&fds, 2, 100) >= 0 || errno == EINTR else { throw Failure.system("poll", errno) }
            if fds[0].revents & Int16(POLLIN | POLLHUP) != 0 {
                let n = read(markerPipe[0], &buffer, buffer.count)
                if n > 0 {
                    pendingMarks += String(decoding: buffer[0..<n], as: UTF8.self)
                    while let newline = pendingMarks.firstIndex(of: "\n") {
                        let mark = String(pendingMarks[..<newline])
                        pendingMarks.removeSubrange(...newline)
                        marks[mark] = marks[mark] ?? clock.now - started
                    }
                }
            }
            if masterOpen, fds[1].revents & Int16(POLLIN | POLLHUP | POLLERR) != 0 {
                // The screen's bytes are drained so the dashboard never blocks on a full terminal.
                let n = read(master, &buffer, buffer.count)
                if n <= 0 {
                    masterOpen = false
                } else {
                    recentOutput = Array((recentOutput + buffer[0..<n]).suffix(4_096))
                    // The ambiguous-width probe asks where the cursor is: answer as xterm does, narrow.
                    if containsCursorQuestion(buffer[0..<n]) {
                        let answer = Array("\u{1B}[1;2R".utf8)
                        _ = write(master, answer, answer.count)
                    }
                }
            }
            if marks["whole"] != nil && !quitSent {
                peakKB = MemoryPoint.sample("whole screen", process: pid).peakKB
                _ = write(master, "q", 1)
                quitSent = true
            }
            var status: Int32 = 0
            if waitpid(pid, &status, WNOHANG) == pid {
                guard let frame = marks["frame"], let requests = marks["requests"], let whole = marks["whole"] else {
                    recentOutput += Array("\n(exit status \(status))".utf8)
                    throw Failure.noMarker(marks["frame"] == nil ? "frame" : marks["requests"] == nil ? "requests" : "whole",
                                           output: String(decoding: recentOutput, as: UTF8.self))
                }
                return Opening(frame: frame, requests: requests, whole: whole, peakKB: peakKB)
            }
        }
        kill(pid, SIGKILL)
        var status: Int32 = 0
        waitpid(pid, &status, 0)
        let missing = Opening.marks.first { marks[$0] == nil } ?? "exit"
        throw Failure.noMarker(missing, output: String(decoding: recentOutput, as: UTF8.self))
    }

    static func containsCursorQuestion(_ bytes: ArraySlice<UInt8>) -> Bool {
        let question = Array("\u{1B}[6n".utf8)
        guard bytes.count >= question.count else { return false }
        let array = Array(bytes)
        return (0...(array.count - question.count)).contains { array[$0..<($0 + question.count)].elementsEqual(question) }
    }
}

extension PseudoTerminalRun.Opening {
    static let marks = ["frame", "requests", "whole"]
}

/// libc's pseudo-terminal calls (posix_openpt, grantpt, unlockpt, ptsname), found at run time:
/// Swift's view of glibc's headers leaves out these X/Open functions.
struct PseudoTerminalCalls {
    typealias OpenMaster = @convention(c) (Int32) -> Int32
    typealias OnMaster = @convention(c) (Int32) -> Int32
    typealias Name = @convention(c) (Int32) -> UnsafeMutablePointer<CChar>?

    let openMaster: OpenMaster
    let grant: OnMaster
    let unlock: OnMaster
    private let ptsname: Name

    struct Missing: Error, CustomStringConvertible {
        var symbol: String
        var description: String { "libc has no \(symbol)" }
    }

    init() throws {
        let libc = dlopen(nil, RTLD_NOW)
        func find(_ symbol: String) throws -> UnsafeMutableRawPointer {
            guard let found = dlsym(libc, symbol) else { throw Missing(symbol: symbol) }
            return found
        }
        openMaster = unsafeBitCast(try find("posix_openpt"), to: OpenMaster.self)
        grant = unsafeBitCast(try find("grantpt"), to: OnMaster.self)
        unlock = unsafeBitCast(try find("unlockpt"), to: OnMaster.self)
        ptsname = unsafeBitCast(try find("ptsname"), to: Name.self)
    }

    func name(_ master: Int32) -> String? { ptsname(master).map { String(cString: $0) } }
}
