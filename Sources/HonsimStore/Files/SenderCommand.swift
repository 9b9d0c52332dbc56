import Foundation
import HonsimCore

/// A site's own SMS gateway client, run once per message: the text on standard input, the
/// phone as the last argument. No shell: the program is started directly, so nothing in a
/// phone or a text is ever read as a command.
///
/// Standard input and standard error are unnamed files (made 0600, unlinked at once) rather
/// than pipes: a program that exits without reading cannot kill honsim with SIGPIPE, and one
/// that leaves a child holding its stderr cannot keep honsim waiting for the end of a pipe.
public struct SenderCommand: Sendable {
    public var program: String
    public var arguments: [String]
    public var timeout: TimeInterval

    public init(program: String, arguments: [String] = [], timeout: TimeInterval) {
        self.program = program
        self.arguments = arguments
        self.timeout = timeout
    }

    /// From the config's `sender`: the program and its first arguments. Nil when none is set.
    public init?(_ settings: ReminderSettings) {
        guard let program = settings.sender.first, !program.isEmpty else { return nil }
        self.init(program: program, arguments: Array(settings.sender.dropFirst()), timeout: TimeInterval(settings.timeoutSeconds))
    }

    /// What came of one message.
    public enum Outcome: Sendable, Hashable {
        /// The program took it and exited 0.
        case sent
        /// The program exited with a status other than 0; the first line of its stderr.
        case failed(status: Int, message: String)
        /// It ran past the timeout and was killed.
        case timedOut(seconds: Int)
        /// The program could not be started: not found, not executable.
        case missing(reason: String)

        public var exitStatus: Int? {
            switch self {
            case .sent: 0
            case .failed(let status, _): status
            case .timedOut, .missing: nil
            }
        }

        public func describe(_ language: Language) -> String {
            let ko = language == .ko
            switch self {
            case .sent: return ko ? "보냄" : "sent"
            case .failed(let status, let message):
                let tail = message.isEmpty ? "" : ": \(message)"
                return ko ? "보내기 실패(종료 코드 \(status))\(tail)" : "sender failed (exit status \(status))\(tail)"
            case .timedOut(let seconds):
                return ko ? "보내기 프로그램이 \(seconds)초 안에 끝나지 않아 멈췄습니다" : "the sender did not finish within \(seconds) s and was stopped"
            case .missing(let reason):
                return ko ? "보내기 프로그램을 실행할 수 없습니다: \(reason)" : "the sender cannot be run: \(reason)"
            }
        }
    }

    /// The program as it will be run: a name without a slash is looked up on PATH.
    public func resolvedProgram(environment: [String: String] = ProcessInfo.processInfo.environment) -> String? {
        if program.contains("/") { return FileManager.default.isExecutableFile(atPath: program) ? program : nil }
        for folder in (environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin").split(separator: ":") {
            let path = "\(folder)/\(program)"
            if FileManager.default.isExecutableFile(atPath: path) { return path }
        }
        return nil
    }

    /// Runs the program for one message and waits for it, at most `timeout`.
    public func send(text: String, to phone: String) async -> Outcome {
        guard let path = resolvedProgram() else { return .missing(reason: "\(program): not found or not executable") }
        guard let input = UnnamedFile(), let errors = UnnamedFile() else {
            return .missing(reason: "no temporary file for the message: \(String(cString: strerror(errno)))")
        }
        guard input.write(Data(text.utf8)) else { return .missing(reason: "could not write the message for the sender") }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments + [phone]
        process.standardInput = input.handle
        process.standardOutput = FileHandle.nullDevice
        process.standardError = errors.handle
        let exit = ExitWaiter()
        process.terminationHandler = { finished in exit.finish(finished.terminationStatus, reason: finished.terminationReason) }
        do { try process.run() } catch { return .missing(reason: "\(program): \(error.localizedDescription)") }
        let pid = process.processIdentifier
        let killer = Task {
            try await Task.sleep(nanoseconds: UInt64(max(0.1, timeout) * 1_000_000_000))
            guard exit.markTimedOut() else { return }
            kill(pid, SIGTERM)
            try await Task.sleep(nanoseconds: 2_000_000_000)
            kill(pid, SIGKILL)
        }
        let (status, reason) = await exit.wait()
        killer.cancel()
        if exit.timedOut { return .timedOut(seconds: Int(timeout.rounded())) }
        if reason == .uncaughtSignal { return .failed(status: 128 + Int(status), message: "killed by signal \(status)") }
        guard status == 0 else { return .failed(status: Int(status), message: errors.firstLine()) }
        return .sent
    }
}

/// Waits for a process's end once, however it comes, and remembers whether the timeout came first.
private final class ExitWaiter: @unchecked Sendable {
    private let lock = NSLock()
    private var result: (Int32, Process.TerminationReason)?
    private var waiting: CheckedContinuation<(Int32, Process.TerminationReason), Never>?
    private var timedOutFlag = false

    func finish(_ status: Int32, reason: Process.TerminationReason) {
        lock.lock()
        result = (status, reason)
        let continuation = waiting
        waiting = nil
        lock.unlock()
        continuation?.resume(returning: (status, reason))
    }

    func wait() async -> (Int32, Process.TerminationReason) {
        await withCheckedContinuation { continuation in
            lock.lock()
            if let result {
                lock.unlock()
                continuation.resume(returning: result)
            } else {
                waiting = continuation
                lock.unlock()
            }
        }
    }

    /// True when the process was still running: it is then to be stopped.
    func markTimedOut() -> Bool {
        lock.lock()
        defer { lock.unlock() }
        guard result == nil else { return false }
        timedOutFlag = true
        return true
    }

    var timedOut: Bool {
        lock.lock()
        defer { lock.unlock() }
        return timedOutFlag
    }
}

/// A file with no name: made 0600 in the temporary folder and unlinked at once, so that the
/// message it holds is never left behind or seen by anyone else.
private final class UnnamedFile {
    let handle: FileHandle

    init?() {
        let folder = ProcessInfo.processInfo.environment["TMPDIR"].flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp"
        var template = Array("\(folder)/honsim-message-XXXXXX".utf8CString)
        let descriptor = mkstemp(&template)
        guard descriptor >= 0 else { return nil }
        unlink(String(cString: template))
        fchmod(descriptor, PrivateFile.mode)
        handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
    }

    /// Writes `data` and goes back to its start, for the program to read.
    func write(_ data: Data) -> Bool {
        do {
            try handle.write(contentsOf: data)
            try handle.seek(toOffset: 0)
            return true
        } catch { return false }
    }

    /// The first line that says something, cut to a line's length.
    func firstLine() -> String {
        guard (try? handle.seek(toOffset: 0)) != nil, let data = try? handle.read(upToCount: 4096) else { return "" }
        let line = String(decoding: data, as: UTF8.self).split(whereSeparator: \.isNewline)
            .map { $0.trimmingCharacters(in: .whitespaces) }.first { !$0.isEmpty } ?? ""
        return String(TerminalText.sanitize(line).prefix(200))
    }
}
