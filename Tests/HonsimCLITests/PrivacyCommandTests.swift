import Foundation
import HonsimCore
import Testing

/// The store at rest, a shared store, purges and the access log, through the built binary as a
/// person would run it (from a shell with its own umask).
@Suite("Command line: data at rest and privacy", .serialized)
struct PrivacyCommandTests {
    static func mode(_ path: String) -> mode_t {
        var info = stat()
        return stat(path, &info) == 0 ? info.st_mode & 0o7777 : 0
    }

    /// `honsim ARGUMENTS` from a shell whose umask is `mask`.
    static func underUmask(_ mask: String, _ arguments: [String], environment: [String: String] = [:]) throws -> CLI.Result {
        try CLI.run(arguments, environment: environment, umask: mask)
    }

    static func temporaryFolder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("honsim-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    @Test(arguments: ["0000", "0022", "0777"]) func initAndDemoMakeTheOwnersFolderAndFilesWhateverTheUmask(_ mask: String) throws {
        let home = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: home) }
        let data = home.appendingPathComponent("data").path
        let made = try Self.underUmask(mask, ["init", "--lang", "en"], environment: ["XDG_DATA_HOME": data])
        #expect(made.status == 0, "\(made.stderr)")
        #expect(Self.mode(data + "/honsim") == 0o700)
        #expect(Self.mode(data + "/honsim/cases.sqlite") == 0o600)
        #expect(!made.stdout.contains("warning"))
        let seeded = try Self.underUmask(mask, ["seed", "--dir", CLI.seeds], environment: ["XDG_DATA_HOME": data])
        #expect(seeded.status == 0, "\(seeded.stderr)")
        for file in ["cases.sqlite", "cases.sqlite-wal", "cases.sqlite-shm"] where FileManager.default.fileExists(atPath: data + "/honsim/" + file) {
            #expect(Self.mode(data + "/honsim/" + file) == 0o600, "\(file)")
        }
        let checked = try Self.underUmask(mask, ["check", "--lang", "en"], environment: ["XDG_DATA_HOME": data])
        #expect(checked.status == 0 && checked.stdout.hasPrefix("ok:"))
    }

    @Test func initCheckAndTheDashboardSayWhenOthersCanReadTheStore() throws {
        let store = try SeededStore()
        defer { store.remove() }
        #expect(!(try store.run(["check"]).stdout.contains("warning")))
        chmod(store.path, 0o644)
        let checked = try store.run(["check"])
        #expect(checked.status == 0)
        #expect(checked.stdout.hasPrefix("warning: every account on this machine can read the store's names, phones and health notes"))
        #expect(checked.stdout.contains("chmod 600 \(store.path)"))
        let again = try store.run(["init"], lang: "ko")
        #expect(again.stdout.contains("경고: 이 컴퓨터의 모든 계정이 저장소의 이름·전화·진료 내용을 읽을 수 있습니다"))
        chmod(store.path, 0o600)
        #expect(!(try store.run(["check"]).stdout.contains("warning")))
    }

    @Test func initWithAGroupSharesTheStoreOutLoudAndAnUnknownGroupChangesNothing() throws {
        let group = "honsim\(UInt16.random(in: 1000...65000))"
        try #require(Self.system("/usr/sbin/groupadd", [group]) == 0)
        defer { _ = Self.system("/usr/sbin/groupdel", [group]) }
        let id = try #require(getgrnam(group)).pointee.gr_gid
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let shared = folder.appendingPathComponent("shared").path
        let path = shared + "/cases.sqlite"

        let made = try Self.underUmask("0077", ["init", "--store", path, "--group", group, "--lang", "en"])
        #expect(made.status == 0, "\(made.stderr)")
        #expect(made.stdout.hasPrefix("the store is shared with group '\(group)' (folder \(shared) 2770, files 0660): every account in it"))
        #expect(made.stdout.contains("not against a colleague with a shell"))
        var info = stat()
        stat(shared, &info)
        #expect(Self.mode(shared) == 0o2770 && info.st_gid == id)
        stat(path, &info)
        #expect(Self.mode(path) == 0o660 && info.st_gid == id)
        #expect(try CLI.run(["seed", "--store", path, "--dir", CLI.seeds]).status == 0)
        let checked = try CLI.run(["check", "--store", path, "--lang", "en"])
        #expect(checked.status == 0 && !checked.stdout.contains("warning"), "\(checked.stdout)")
        chmod(path, 0o664)
        #expect(try CLI.run(["check", "--store", path, "--lang", "en"]).stdout.hasPrefix("warning: every account on this machine"))

        let elsewhere = folder.appendingPathComponent("other").path
        let unknown = try CLI.run(["init", "--store", elsewhere + "/cases.sqlite", "--group", "no-such-group-honsim", "--lang", "en"])
        #expect(unknown.status == 1)
        #expect(unknown.stderr == "honsim: there is no group 'no-such-group-honsim' on this machine; nothing was made: create it with 'groupadd no-such-group-honsim', add the people who share the store, and try again\n")
        #expect(!FileManager.default.fileExists(atPath: elsewhere))
    }

    @Test func exportsReportsAndTheAccessLogWrittenToAFileAreTheOwnersAloneWhateverTheUmask() throws {
        let store = try SeededStore()
        defer { store.remove() }
        let out = store.folder.appendingPathComponent("out").path
        try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
        let month = String(ISO8601DateFormatter.string(from: Date(), timeZone: TimeZone(identifier: "Asia/Seoul") ?? .current,
                                                       formatOptions: [.withFullDate, .withDashSeparatorInDate]).prefix(7))
        let commands: [(String, [String])] = [
            ("households.csv", ["export", "households"]), ("report.md", ["report", "--month", month]), ("access.csv", ["access-log", "--format", "csv"]),
            ("hours.csv", ["hours", "--month", month, "--format", "csv"]), ("hours.txt", ["hours", "--month", month]),
        ]
        for (file, arguments) in commands {
            let path = out + "/" + file
            let written = try Self.underUmask("0000", arguments + ["--store", store.path, "--output", path])
            #expect(written.status == 0 && written.stdout.isEmpty, "\(written.stderr)")
            #expect(Self.mode(path) == 0o600, "\(file)")
            #expect(try String(contentsOfFile: path, encoding: .utf8) == (try CLI.run(arguments + ["--store", store.path])).stdout)
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: out).sorted() == ["access.csv", "hours.csv", "hours.txt", "households.csv", "report.md"])
        let nowhere = try store.run(["export", "households", "--output", out + "/missing/h.csv"])
        #expect(nowhere.status == 1 && nowhere.stderr.hasPrefix("honsim: could not write the file (No such file or directory); nothing half-written was left"))
    }

    @Test func aPurgeOfADayToComeIsRefusedInOneSentenceAndADryRunChangesNothing() throws {
        let store = try SeededStore()
        defer { store.remove() }
        let before = try store.snapshot()
        let future = try store.run(["purge", "--closed-before", "2999-01-01"])
        #expect(future.status == 1)
        #expect(future.stderr == "honsim: 2999-01-01 is still to come, so nothing was purged: give --closed-before today or a day past\n")
        let bad = try store.run(["purge", "--closed-before", "yesterday"])
        #expect(bad.status != 0 && bad.stderr.contains("--closed-before 'yesterday' is not a date like 2021-12-31"))
        let dry = try store.run(["purge", "--dry-run"], lang: "ko")
        #expect(dry.status == 0, "\(dry.stderr)")
        #expect(dry.stdout.contains("이전에 종결된 대상자를 파기하면: 대상자 ") && dry.stdout.contains("아무것도 바꾸지 않았습니다(--dry-run)"))
        #expect(try store.snapshot() == before)
    }

    @Test(arguments: SeededStore.backends) func theAccessLogListsViewsAndExportsByMonthUserAndHousehold(_ backend: String) throws {
        let store = try SeededStore(backend: backend)
        defer { store.remove() }
        #expect(try store.run(["household", "show", "1"]).status == 0)
        #expect(try store.run(["export", "households"]).status == 0)
        #expect(try store.run(["household", "show", "1", "--masked"]).status == 0)
        let month = String(ISO8601DateFormatter.string(from: Date(), timeZone: TimeZone(identifier: "Asia/Seoul") ?? .current,
                                                       formatOptions: [.withFullDate, .withDashSeparatorInDate]).prefix(7))
        let text = try store.run(["access-log", "--month", month])
        #expect(text.status == 0, "\(text.stderr)")
        let lines = text.stdout.split(separator: "\n").map(String.init)
        #expect(lines.count == 3, "\(text.stdout)")
        #expect(lines.first?.contains("command line  viewed household 1") == true)
        #expect(lines.dropFirst().first?.contains("export  exported ") == true)
        #expect(lines.last == "2 view(s) and export(s)")

        let csv = try store.run(["access-log", "--household", "1", "--format", "csv"])
        let rows = csv.stdout.split(separator: "\n").map(String.init)
        #expect(rows.first == "at,user,action,from,entity,households,rows,dong,request")
        #expect(rows.count == 3 && rows[1].contains(",view,command,household,1,1,"))
        #expect(try store.run(["access-log", "--user", "nobody-at-all"]).stdout == "0 view(s) and export(s)\n")
        #expect(try store.run(["access-log", "--month", "2020-01"], lang: "ko").stdout == "열람·내보내기 0건\n")
        let badMonth = try store.run(["access-log", "--month", "11월"])
        #expect(badMonth.status != 0 && badMonth.stderr.contains("--month '11월' is not a month like 2026-11"))
    }

    static func system(_ tool: String, _ arguments: [String]) -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return -1 }
        process.waitUntilExit()
        return process.terminationStatus
    }
}
