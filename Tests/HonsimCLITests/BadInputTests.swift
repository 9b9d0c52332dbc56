import Foundation
import Testing

/// Each bad input gets one clear sentence, exit status 1, and no change to the store.
@Suite("Command line: bad input", .serialized)
struct BadInputTests {
    @Test func aStoreInAFolderThatDoesNotExist() throws {
        let result = try CLI.run(["init", "--store", "/no/such/folder/cases.sqlite", "--lang", "en"])
        #expect(result.status == 1)
        #expect(result.stderr == "honsim: the store's folder does not exist: /no/such/folder/cases.sqlite\n")
        let korean = try CLI.run(["init", "--store", "/no/such/folder/cases.sqlite"])
        #expect(korean.stderr.contains("저장소 폴더가 없습니다"))
    }

    @Test func aStoreThatCannotBeWritten() throws {
        let result = try CLI.run(["init", "--store", "/proc/cases.sqlite", "--lang", "en"])
        #expect(result.status == 1)
        #expect(result.stderr.hasPrefix("honsim: cannot write the store"))
    }

    @Test func aFileThatIsNotASQLiteDatabase() throws {
        let store = try SeededStore(seed: false)
        defer { store.remove() }
        let text = Data("이름,연락처\n".utf8)
        FileManager.default.createFile(atPath: store.path, contents: text)
        let result = try store.run(["check"])
        #expect(result.status == 1)
        #expect(result.stderr == "honsim: not a SQLite database: \(store.path)\n")
        #expect(FileManager.default.contents(atPath: store.path) == text)
    }

    @Test func aStoreFromANewerHonsim() throws {
        let store = try SeededStore()
        defer { store.remove() }
        let sqlite = Process()
        sqlite.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        sqlite.arguments = ["python3", "-c", "import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); c.execute(\"INSERT INTO grdb_migrations VALUES ('v99: later')\"); c.commit()", store.path]
        try sqlite.run()
        sqlite.waitUntilExit()
        let result = try store.run(["assign", "1", "1"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("newer honsim (v99: later)"))
    }

    @Test func unknownRequestsAndVolunteers() throws {
        let store = try SeededStore()
        defer { store.remove() }
        let before = try store.snapshot()
        let pending = try #require(try store.pendingWithCandidates(requests: 1, candidates: 3).first)
        let noRequest = try store.run(["assign", "999999", "1"])
        #expect(noRequest.status == 1 && noRequest.stderr == "honsim: no request with id 999999\n")
        let noVolunteer = try store.run(["assign", String(pending.request), "999999"])
        #expect(noVolunteer.status == 1 && noVolunteer.stderr == "honsim: no volunteer with id 999999\n")
        let korean = try store.run(["confirm", "999999"], lang: "ko")
        #expect(korean.stderr == "honsim: 요청 999999번이 없습니다\n")
        #expect(try store.snapshot() == before)
    }

    @Test func anIllegalLifecycleMove() throws {
        let store = try SeededStore()
        defer { store.remove() }
        let pending = try #require(try store.pendingWithCandidates(requests: 1, candidates: 3).first)
        let before = try store.snapshot()
        let result = try store.run(["start", String(pending.request)])
        #expect(result.status == 1)
        #expect(result.stderr == "honsim: request \(pending.request) is pending and cannot be started\n")
        #expect(try store.run(["complete", String(pending.request)], lang: "ko").stderr
                == "honsim: 요청 \(pending.request)번은 대기 상태라 완료할 수 없습니다\n")
        #expect(try store.snapshot() == before)
    }

    @Test func aDoubleBooking() throws {
        let store = try SeededStore()
        defer { store.remove() }
        let pending = try #require(try store.pendingWithCandidates(requests: 1, candidates: 3).first)
        let volunteer = pending.volunteers[0]
        let assigned = try store.run(["assign", String(pending.request), String(volunteer)])
        #expect(assigned.status == 0)
        #expect(assigned.stdout.hasPrefix("request \(pending.request): assigned"))
        // The same volunteer again on the same request: already assigned, by this user.
        let again = try store.run(["assign", String(pending.request), String(pending.volunteers[1])])
        #expect(again.status == 1)
        #expect(again.stderr.contains("is already assigned to"))
        #expect(try store.run(["check"]).status == 0)
    }

    @Test func seedRefusesAStoreWithDataUnlessForced() throws {
        let store = try SeededStore()
        defer { store.remove() }
        let refused = try store.run(["seed", "--dir", CLI.seeds])
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("--force"))
        let forced = try store.run(["seed", "--dir", CLI.seeds, "--force"])
        #expect(forced.status == 0)
        #expect(forced.stdout.contains("31 dongs"))
    }

    @Test func aBrokenSeedFileIsReportedByFileLineAndFieldAndLoadsNothing() throws {
        let store = try SeededStore(seed: false)
        defer { store.remove() }
        let seeds = store.folder.appendingPathComponent("seeds")
        try FileManager.default.copyItem(atPath: CLI.seeds, toPath: seeds.path)
        let households = seeds.appendingPathComponent("households.csv")
        var lines = try String(contentsOf: households, encoding: .utf8).components(separatedBy: "\n")
        lines[4] = lines[4].replacingOccurrences(of: ",여,", with: ",X,").replacingOccurrences(of: ",남,", with: ",X,")
        try lines.joined(separator: "\n").write(to: households, atomically: true, encoding: .utf8)
        let result = try store.run(["seed", "--dir", seeds.path])
        #expect(result.status == 1)
        #expect(result.stderr.contains("households.csv:5: gender: 'X' is not a gender"))
        #expect(try store.run(["export", "households"]).stdout == "id,dong,name,birth_year,gender,phone,address,mobility,needs,preferred_volunteer_gender,case_manager,consent_date,notes,closed,family_name,family_relation,family_phone\n")
    }

    /// The council's and the volunteers' columns are read as strictly: an unknown category, a
    /// household that is none and a day that is no number are named by file, line and field.
    @Test func aBrokenEligibilityOrCredentialIsNamedAndLoadsNothing() throws {
        let store = try SeededStore(seed: false)
        defer { store.remove() }
        let seeds = store.folder.appendingPathComponent("seeds")
        try FileManager.default.copyItem(atPath: CLI.seeds, toPath: seeds.path)
        try "household_id,categories,served_elsewhere\n2,기초생활수급;무료,\n9999,차상위,\n"
            .write(to: seeds.appendingPathComponent("eligibility.csv"), atomically: true, encoding: .utf8)
        let volunteers = seeds.appendingPathComponent("volunteers.csv")
        var lines = try String(contentsOf: volunteers, encoding: .utf8).components(separatedBy: "\n")
        var cells = lines[2].components(separatedBy: ",")
        cells[cells.count - 3] = "soon"
        lines[2] = cells.joined(separator: ",")
        try lines.joined(separator: "\n").write(to: volunteers, atomically: true, encoding: .utf8)
        let result = try store.run(["seed", "--dir", seeds.path])
        #expect(result.status == 1)
        #expect(result.stderr.contains("eligibility.csv:2: categories: '기초생활수급;무료' is not categories"))
        #expect(result.stderr.contains("eligibility.csv:3: household_id: no household 9999"))
        #expect(result.stderr.contains("volunteers.csv:3: insured_until_day: 'soon' is not a day offset"))
        #expect(try store.run(["export", "households"]).stdout.split(separator: "\n").count == 1)
    }
}
