import Foundation
import GRDB
import Testing

/// `honsim backup` and `honsim restore` as an office's IT person meets them: a nightly backup
/// taken while coordinators keep assigning, put back after a mishap, and every way it can go
/// wrong said in one sentence with nothing half done.
@Suite("Command line: backup and restore", .serialized)
struct BackupCommandTests {
    static func mode(_ path: String) -> Int {
        ((try? FileManager.default.attributesOfItem(atPath: path))?[.posixPermissions] as? NSNumber)?.intValue ?? -1
    }

    static func folder(_ name: String) throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("honsim-\(name)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    static func files(in folder: URL) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).sorted()
    }

    /// Four processes assign and release for a few seconds; meanwhile backups are taken into a
    /// folder that keeps two. Each backup is a store of one moment that passes `honsim check`;
    /// the last one, restored, is the store again, and the store it replaced is kept aside.
    @Test func aBackupTakenWhileFourProcessesWriteRestoresClean() throws {
        let store = try SeededStore()
        defer { store.remove() }
        let backups = try Self.folder("backups")
        defer { try? FileManager.default.removeItem(at: backups) }
        let targets = try store.pendingWithCandidates(requests: 6, candidates: 4)
        try #require(targets.count >= 3)
        let path = store.path
        let deadline = ContinuousClock.now + .seconds(5)
        let finish = ConcurrentAssignTests.startRace(targets: targets, path: path, deadline: deadline)
        var taken: [CLI.Result] = []
        var durations: [Duration] = []
        while ContinuousClock.now < deadline - .seconds(1) {
            let started = ContinuousClock.now
            taken.append(try store.run(["backup", backups.path, "--keep", "2"]))
            durations.append(ContinuousClock.now - started)
        }
        let outcomes = finish()
        print("backup under writes: \(taken.count) backups, \(durations.map { "\($0)" }), while \(outcomes.map(\.runs)) runs per process wrote")
        try #require(taken.count >= 2, "at least two backups during the race")
        #expect(outcomes.allSatisfy { $0.runs > 0 && $0.unexpected.isEmpty }, "\(outcomes.flatMap(\.unexpected).prefix(3))")
        #expect(outcomes.reduce(0) { $0 + $1.assigned } > 0, "the processes really wrote")
        for result in taken { #expect(result.status == 0, "\(result.stderr)") }
        #expect(taken.allSatisfy { $0.stdout.contains("backed up to") && $0.stdout.contains("checked") })

        // Only the newest two stay; each is the owner's alone and a store that passes check.
        let kept = Self.files(in: backups)
        #expect(kept.count == 2, "\(kept)")
        #expect(kept.allSatisfy { $0.hasPrefix("cases-") && $0.hasSuffix(".sqlite") }, "\(kept)")
        for name in kept {
            let file = backups.appendingPathComponent(name).path
            #expect(Self.mode(file) == 0o600, "\(name) is \(String(Self.mode(file), radix: 8))")
            let check = try CLI.run(["check", "--store", file, "--lang", "en"])
            #expect(check.status == 0, "\(name): \(check.stdout)")
        }

        // The newest backup put back in place of the store.
        let newest = try #require(kept.last.map { backups.appendingPathComponent($0).path })
        let backedUp = try CLI.run(["export", "assignments", "--store", newest, "--lang", "en"]).stdout
        let restore = try store.run(["restore", newest])
        #expect(restore.status == 0, "\(restore.stderr)")
        #expect(restore.stdout.contains("restored") && restore.stdout.contains("kept at"))
        let check = try store.run(["check"])
        #expect(check.status == 0, "\(check.stdout)")
        #expect(try store.run(["export", "assignments"]).stdout == backedUp, "the store is the backup again")
        let aside = Self.files(in: store.folder).filter { $0.hasPrefix("cases.sqlite.replaced-") && !$0.hasSuffix("-wal") }
        #expect(aside.count == 1, "\(Self.files(in: store.folder))")
        #expect(Self.mode(path) == 0o600)
    }

    @Test func aMissingOrFullFolderLeavesNoFileAndTheStoreUntouched() throws {
        let store = try SeededStore()
        defer { store.remove() }
        let before = try store.snapshot()
        let missing = store.folder.appendingPathComponent("no-such-folder").path
        let refused = try store.run(["backup", missing])
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("the backup folder does not exist"), "\(refused.stderr)")
        #expect(refused.stderr.split(separator: "\n").count == 1)
        #expect(!FileManager.default.fileExists(atPath: missing))

        // A folder that fills up after 256 KB (the store is larger): a file-size limit stands in for a full disk.
        let small = try Self.folder("full")
        defer { try? FileManager.default.removeItem(at: small); try? FileManager.default.removeItem(atPath: small.path + "-state") }
        let full = try CLI.run(["/bin/sh", "-c", "ulimit -f 512; exec \"$0\" \"$@\"", CLI.binary, "backup", small.path,
                                "--store", store.path, "--lang", "en"], environment: ["XDG_STATE_HOME": small.path + "-state"], viaShell: true)
        #expect(full.status == 1, "\(full.stderr)")
        #expect(full.stderr.contains("no space left in the backup folder"), "\(full.stderr)")
        #expect(Self.files(in: small).isEmpty, "no half file: \(Self.files(in: small))")
        #expect(try store.snapshot() == before)
        #expect(try store.run(["check"]).status == 0)
    }

    @Test func restoreRefusesAStrangerANewerStoreAndAStoreInUse() throws {
        let store = try SeededStore()
        defer { store.remove() }
        let files = try Self.folder("restore")
        defer { try? FileManager.default.removeItem(at: files) }
        let before = try store.snapshot()
        let untouched = { () throws -> Bool in
            try store.snapshot() == before && Self.files(in: store.folder).allSatisfy { !$0.contains("replaced") && !$0.contains("restoring") }
        }

        let text = files.appendingPathComponent("notes.txt").path
        try "not a store".write(toFile: text, atomically: true, encoding: .utf8)
        let other = files.appendingPathComponent("other.sqlite").path
        try DatabaseQueue(path: other).write { db in try db.execute(sql: "CREATE TABLE t (x INTEGER)") }
        for file in [text, other, files.appendingPathComponent("missing.sqlite").path] {
            let result = try store.run(["restore", file])
            #expect(result.status == 1)
            #expect(result.stderr.contains("not a honsim store or backup; nothing was replaced"), "\(result.stderr)")
            #expect(try untouched())
        }

        // A backup of a store that a newer honsim has migrated.
        let newer = files.appendingPathComponent("newer.sqlite").path
        #expect(try store.run(["backup", newer]).status == 0)
        try DatabaseQueue(path: newer).write { db in
            try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('99: a change from the future')")
        }
        let refused = try store.run(["restore", newer])
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("made by a newer honsim"), "\(refused.stderr)")
        #expect(try untouched())

        // A dashboard has the store open: nothing is replaced until it closes.
        let backup = files.appendingPathComponent("good.sqlite").path
        #expect(try store.run(["backup", backup]).status == 0)
        let tmux = DashboardEndToEndTests.Tmux()
        try tmux.start(width: 120, height: 40, command: "env LANG=C.UTF-8 TERM=xterm-256color \(CLI.binary) dashboard --store \(store.path) --lang en; sleep 30")
        _ = try tmux.wait { $0.last?.contains("connected") == true }
        let busy = try store.run(["restore", backup])
        #expect(busy.status == 1)
        #expect(busy.stderr.contains("the store is open in another process"), "\(busy.stderr)")
        #expect(try untouched())
        try tmux.keys("q")
        _ = try tmux.wait { !$0.joined().contains("connected") }
        Thread.sleep(forTimeInterval: 0.5)
        let restored = try store.run(["restore", backup])
        #expect(restored.status == 0, "\(restored.stderr)")
    }

    /// On PostgreSQL the server's own pg_dump, custom format; without it, what to install.
    @Test(.enabled(if: SeededStore.backends.contains("postgres"), "no PostgreSQL server binaries"))
    func aPostgresStoreIsDumpedWithPgDump() throws {
        let store = try SeededStore(backend: "postgres")
        defer { store.remove() }
        let dumps = try Self.folder("dumps")
        defer { try? FileManager.default.removeItem(at: dumps) }
        let dumped = try store.run(["backup", dumps.path])
        try #require(dumped.status == 0, "\(dumped.stderr)")
        let files = Self.files(in: dumps)
        #expect(files.count == 1 && files[0].hasSuffix(".pgdump"), "\(files)")
        let file = dumps.appendingPathComponent(files[0]).path
        #expect(Self.mode(file) == 0o600)
        #expect(FileManager.default.contents(atPath: file)?.prefix(5) == Data("PGDMP".utf8), "pg_dump's custom format")

        let without = try CLI.run(["backup", dumps.path, "--store", store.path, "--lang", "en"], environment: ["PATH": "/nonexistent"])
        #expect(without.status == 1)
        #expect(without.stderr.contains("pg_dump is not installed"), "\(without.stderr)")
        #expect(Self.files(in: dumps).count == 1)
        let restore = try store.run(["restore", file])
        #expect(restore.status == 1 && restore.stderr.contains("pg_restore"), "\(restore.stderr)")
    }
}
