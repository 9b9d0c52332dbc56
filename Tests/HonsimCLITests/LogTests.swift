import Foundation
import Testing

/// honsim's log, as the office's IT person reads it after something went wrong: which honsim
/// ran, what was refused and why, what was slow; and never a person's name, phone or address.
@Suite("The log", .serialized)
struct LogTests {
    static func stateFolder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("honsim-state-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    static func log(in state: URL) -> String {
        let folder = state.appendingPathComponent("honsim")
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter { $0.hasPrefix("honsim.log") }
        return names.sorted().compactMap { try? String(contentsOfFile: folder.appendingPathComponent($0).path, encoding: .utf8) }.joined()
    }

    /// Every name, phone and address of the demo data: the households' and the volunteers'.
    static func personalData() throws -> [String] {
        var found: [String] = []
        for (file, columns) in [("households.csv", ["name", "phone", "address"]), ("volunteers.csv", ["name", "phone"])] {
            let text = try String(contentsOfFile: CLI.seeds + "/" + file, encoding: .utf8)
            var lines = text.split(separator: "\n").map(String.init)
            let header = lines.removeFirst().split(separator: ",").map(String.init)
            let indexes = columns.compactMap { header.firstIndex(of: $0) }
            for line in lines {
                // Addresses are quoted and hold commas: split on commas outside quotes.
                var fields: [String] = [], field = "", quoted = false
                for character in line {
                    if character == "\"" { quoted.toggle() } else if character == "," && !quoted { fields.append(field); field = "" } else { field.append(character) }
                }
                fields.append(field)
                found += indexes.compactMap { $0 < fields.count && !fields[$0].isEmpty ? fields[$0] : nil }
            }
        }
        return found
    }

    /// Two coordinators race for one request in their dashboards (one is refused), a command
    /// is refused with a sentence that names a volunteer, another names a household: the log
    /// records each, and holds none of the demo's names, phones or addresses.
    @Test(.enabled(if: DashboardEndToEndTests.tmuxInstalled, "tmux is not installed"))
    func aSessionWithRefusalsLogsNoNamePhoneOrAddress() throws {
        let store = try SeededStore()
        defer { store.remove() }
        let state = try Self.stateFolder()
        defer { try? FileManager.default.removeItem(at: state) }
        let command = "env LANG=C.UTF-8 TERM=xterm-256color XDG_STATE_HOME=\(state.path) \(CLI.binary) dashboard --store \(store.path) --lang ko; sleep 30"
        let first = DashboardEndToEndTests.Tmux(), second = DashboardEndToEndTests.Tmux()
        try first.start(width: 120, height: 40, command: command)
        try second.start(width: 120, height: 40, command: command)
        for tmux in [first, second] {
            _ = try tmux.wait { $0.count > 3 && ($0[3].contains("긴급") || $0[3].contains("대기")) }
            try tmux.keys("a")
        }
        for tmux in [first, second] { _ = try tmux.wait { $0.joined().contains("봉사자 배정 — #") && $0.contains { $0.contains("│  1 ") } } }
        try first.keys("Enter")
        try second.keys("Enter")
        // One usually loses the race (a refused write); the command line's refusal below is certain.
        for tmux in [first, second] { _ = try tmux.wait { $0.joined().contains("배정되었습니다") || $0.last?.contains("배정했습니다") == true } }
        for tmux in [first, second] { try tmux.keys("Escape", "q") }

        // The same refusal from the command line, and a household's full record.
        let target = try #require(try store.pendingWithCandidates(requests: 1, candidates: 2).first)
        let environment = ["XDG_STATE_HOME": state.path]
        #expect(try CLI.run(["assign", String(target.request), String(target.volunteers[0]), "--store", store.path], environment: environment).status == 0)
        let refused = try CLI.run(["assign", String(target.request), String(target.volunteers[1]), "--store", store.path, "--lang", "en"],
                                  environment: environment)
        #expect(refused.status == 1 && refused.stderr.contains("already assigned to"), "the sentence names the volunteer: \(refused.stderr)")
        _ = try CLI.run(["household", "show", "1", "--store", store.path], environment: environment)
        _ = try CLI.run(["export", "households", "--store", store.path], environment: environment)
        Thread.sleep(forTimeInterval: 0.5)

        let log = Self.log(in: state)
        #expect(log.contains("honsim: started") && log.contains("version=0.1.0"), "\(log.prefix(400))")
        #expect(log.contains("write refused") && log.contains("alreadyAssigned(request"), "\(log.suffix(800))")
        #expect(log.contains("command failed kind=alreadyAssigned(request \(target.request))"))
        let personal = try Self.personalData()
        try #require(personal.count > 300, "the demo's names, phones and addresses were read")
        let leaked = personal.filter { log.contains($0) }
        #expect(leaked.isEmpty, "the log holds personal data: \(leaked.prefix(5))")
        let mode = (try FileManager.default.attributesOfItem(atPath: state.appendingPathComponent("honsim/honsim.log").path)[.posixPermissions] as? NSNumber)?.intValue
        #expect(mode == 0o600)
    }

    @Test func theLogLevelIsHonouredAndTheLogRotatesBySize() throws {
        let store = try SeededStore()
        defer { store.remove() }
        let state = try Self.stateFolder()
        defer { try? FileManager.default.removeItem(at: state) }
        let environment = ["XDG_STATE_HOME": state.path]
        #expect(try CLI.run(["check", "--store", store.path, "--log-level", "error"], environment: environment).status == 0)
        #expect(!Self.log(in: state).contains("started"), "info is below error")
        let wrong = try CLI.run(["check", "--store", store.path, "--log-level", "loud"], environment: environment)
        #expect(wrong.status != 0 && wrong.stderr.contains("--log-level: 'loud' is not one of"), "\(wrong.stderr)")

        // A log past its size is moved to honsim.log.1 and a new one begun.
        let log = state.appendingPathComponent("honsim/honsim.log").path
        try Data(repeating: UInt8(ascii: "x"), count: 1_100_000).write(to: URL(fileURLWithPath: log))
        #expect(try CLI.run(["check", "--store", store.path], environment: environment).status == 0)
        #expect(try CLI.run(["check", "--store", store.path], environment: environment).status == 0)
        let size = { (path: String) in ((try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? NSNumber)?.intValue ?? -1 }
        #expect(size(log + ".1") >= 1_100_000)
        #expect(size(log) > 0 && size(log) < 10_000)
        #expect(Self.log(in: state).components(separatedBy: "honsim: started").count - 1 == 2)
    }

    @Test func versionSaysTheBuildAndTheStoresSchema() throws {
        let store = try SeededStore()
        defer { store.remove() }
        let version = try CLI.run(["--version", "--store", store.path, "--lang", "en"])
        #expect(version.status == 0)
        let lines = version.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first == "honsim 0.1.0")
        #expect(lines.contains { $0.hasPrefix("build: ") })
        let schema = try #require(lines.first { $0.hasPrefix("store: \(store.path), schema ") })
        let numbers = schema.split(separator: " ").compactMap { Int($0) }
        #expect(numbers.count == 2 && numbers[0] == numbers[1] && numbers[0] > 0, "\(schema)")

        let missing = try CLI.run(["--version", "--store", store.folder.appendingPathComponent("none.sqlite").path, "--lang", "en"])
        #expect(missing.status == 0)
        #expect(missing.stdout.contains("honsim 0.1.0") && missing.stdout.contains("no store there yet"), "\(missing.stdout)")
    }
}
