import Foundation
import HonsimCore
import Testing

/// `honsim users` and the roles it gives, through the built binary. The tests run as one OS
/// user, the store's creator: to act as a coordinator it first makes another admin, then
/// steps down itself, as a real admin handing over would.
@Suite("Command line: users and roles", .serialized)
struct UsersCommandTests {
    /// The OS user the binary runs as, found the way the store finds it.
    static let me: String = {
        guard let entry = getpwuid(geteuid()), let name = entry.pointee.pw_name else { return "unknown" }
        return String(cString: name)
    }()

    func users(_ store: SeededStore) throws -> [[String: Any]] {
        try JSONSerialization.jsonObject(with: Data(try store.run(["users", "list", "--format", "json"]).stdout.utf8)) as? [[String: Any]] ?? []
    }

    /// Pending requests by dong name, from the export.
    func pending(_ store: SeededStore) throws -> [(id: Int64, dong: String)] {
        let rows = try JSONSerialization.jsonObject(with: Data(try store.run(["export", "requests", "--format", "json"]).stdout.utf8)) as? [[String: Any]] ?? []
        return rows.compactMap { row in
            guard row["status"] as? String == "pending", let id = (row["id"] as? NSNumber)?.int64Value, let dong = row["dong"] as? String
            else { return nil }
            return (id, dong)
        }
    }

    @Test func theCreatorIsTheAdminAndAddsAndChangesPeople() throws {
        let store = try SeededStore()
        defer { store.remove() }
        let whoami = try store.run(["users", "whoami"], lang: "ko")
        #expect(whoami.stdout == "\(Self.me): 관리자 — 모든 동\n")
        let added = try store.run(["users", "add", "park", "--role", "코디네이터", "--dongs", "석수2동,석수3동", "--display-name", "박지수"], lang: "ko")
        #expect(added.status == 0)
        #expect(added.stdout == "추가했습니다: park (박지수): 코디네이터 — 석수2동, 충훈동\n")
        #expect(try store.run(["users", "add", "council", "--role", "viewer"]).status == 0)
        let set = try store.run(["users", "set", "park", "--dongs", "평촌동"])
        #expect(set.stdout == "changed park (박지수): coordinator — 평촌동\n")
        let listed = try users(store)
        #expect(listed.compactMap { $0["name"] as? String } == [Self.me, "park", "council"])
        #expect(listed.first { $0["name"] as? String == "park" }?["dongs"] as? String == "평촌동")
        let text = try store.run(["users"], lang: "ko").stdout
        #expect(text.hasPrefix("이름"))
        #expect(text.contains("park  ") && text.contains("박지수") && text.contains("평촌동"))
        #expect(try store.run(["users", "remove", "council"]).stdout == "removed council (now a viewer)\n")
        let audit = try store.run(["export", "audit"]).stdout
        #expect(audit.contains(",user add,user,park,") && audit.contains(",user set,user,park,") && audit.contains(",user remove,user,council,"))
    }

    @Test func badInputIsNamedInEitherLanguageAndChangesNothing() throws {
        let store = try SeededStore()
        defer { store.remove() }
        let before = try store.run(["users", "list", "--format", "csv"]).stdout
        let cases: [([String], String, String)] = [
            (["users", "add", "lee", "--role", "boss"], "역할은 admin(관리자), coordinator(코디네이터), viewer(열람자), kiosk(키오스크) 중 하나입니다: 'boss' (--role)",
             "a role is admin, coordinator, viewer or kiosk, not 'boss' (--role)"),
            (["users", "add", "lee", "--role", "coordinator", "--dongs", "석수2동,석수9동"], "없는 동입니다: 석수9동 (--dongs)", "no dong named 석수9동 (--dongs)"),
            (["users", "add", "lee", "--role", "coordinator"], "코디네이터에게는 담당 동이 있어야 합니다: --dongs를 주세요 (lee)",
             "a coordinator needs dongs: give --dongs (lee)"),
            (["users", "add", Self.me, "--role", "viewer"], "이미 있는 사용자입니다: \(Self.me) (바꾸려면 'honsim users set')",
             "user \(Self.me) already exists; change them with 'honsim users set'"),
            (["users", "set", "nobody", "--role", "viewer"], "없는 사용자입니다: nobody ('honsim users list'로 확인하세요)",
             "no user nobody in this store (see 'honsim users list')"),
            (["users", "remove", Self.me], "\(Self.me) 님은 마지막 관리자라 지우거나 역할을 바꿀 수 없습니다. 먼저 다른 관리자를 추가하세요",
             "\(Self.me) is the last admin and cannot be removed or given another role; add another admin first"),
        ]
        for (arguments, korean, english) in cases {
            let ko = try store.run(arguments, lang: "ko"), en = try store.run(arguments, lang: "en")
            #expect(ko.status == 1 && ko.stderr == "honsim: \(korean)\n")
            #expect(en.status == 1 && en.stderr == "honsim: \(english)\n")
        }
        #expect(try store.run(["users", "list", "--format", "csv"]).stdout == before)
    }

    @Test func aCoordinatorChangesOnlyTheirDongsAndSeesOnlyThemInFull() throws {
        let store = try SeededStore()
        defer { store.remove() }
        // Hand over: another admin first, then this user becomes coordinator of 석수2동.
        #expect(try store.run(["users", "add", "chief", "--role", "admin"]).status == 0)
        #expect(try store.run(["users", "set", Self.me, "--role", "coordinator", "--dongs", "석수2동"]).status == 0)
        #expect(try store.run(["users", "whoami"]).stdout == "\(Self.me): coordinator — 석수2동\n")

        let requests = try pending(store)
        let own = try #require(requests.first { $0.dong == "석수2동" })
        let other = try #require(requests.first { $0.dong != "석수2동" })
        let before = try store.snapshot()
        let refused = try store.run(["cancel", String(other.id), "--reason", "x"], lang: "ko")
        #expect(refused.status == 1)
        #expect(refused.stderr == "honsim: \(Self.me) 님은 석수2동 담당이라 \(other.dong)의 요청 \(other.id)번을 바꿀 수 없습니다\n")
        #expect(try store.snapshot() == before)
        #expect(try store.run(["cancel", String(own.id), "--reason", "가족 동행"]).status == 0)

        // Only an admin manages users; a coordinator cannot make themselves one.
        let promote = try store.run(["users", "set", Self.me, "--role", "admin"])
        #expect(promote.status == 1 && promote.stderr == "honsim: only an admin may manage users (\(Self.me) is a coordinator)\n")

        // The export shows 석수2동's households in full and the others masked, and is logged.
        let households = try JSONSerialization.jsonObject(with: Data(try store.run(["export", "households", "--format", "json"]).stdout.utf8)) as? [[String: Any]] ?? []
        let mine = households.filter { $0["dong"] as? String == "석수2동" }, others = households.filter { $0["dong"] as? String != "석수2동" }
        #expect(!mine.isEmpty && others.count > 100)
        #expect(mine.allSatisfy { !($0["name"] as? String ?? "*").contains("*") })
        #expect(others.allSatisfy { ($0["name"] as? String ?? "").contains("*") })
        #expect(others.allSatisfy { ($0["phone"] as? String).map { $0.isEmpty || $0.contains("*") } ?? false })
        let audit = try store.run(["export", "audit"]).stdout
        #expect(audit.contains(",\(Self.me),export,households,\(mine.count) rows,"))
        // --masked masks even their own.
        let masked = try store.run(["export", "households", "--masked", "--format", "json"]).stdout
        #expect(!mine.contains { masked.contains("\"\($0["name"] as? String ?? "")\"") })
    }

    @Test(.enabled(if: DashboardEndToEndTests.tmuxInstalled, "tmux is not installed"))
    func aReadOnlyDashboardIsAViewerWithEveryNameMasked() throws {
        let store = try SeededStore()
        defer { store.remove() }
        let households = try JSONSerialization.jsonObject(with: Data(try store.run(["export", "households", "--format", "json"]).stdout.utf8)) as? [[String: Any]] ?? []
        // Volunteers' names are shown to a viewer; a household of the same name is not looked for.
        let volunteers = try JSONSerialization.jsonObject(with: Data(try store.run(["export", "volunteers", "--format", "json"]).stdout.utf8)) as? [[String: Any]] ?? []
        let volunteerNames = Set(volunteers.compactMap { $0["name"] as? String })
        let names = households.compactMap { $0["name"] as? String }.filter { $0.count >= 2 && !volunteerNames.contains($0) }
        let phones = households.compactMap { $0["phone"] as? String }.filter { !$0.isEmpty }
        let tmux = DashboardEndToEndTests.Tmux()
        try tmux.start(width: 120, height: 40, command: "env LANG=C.UTF-8 TERM=xterm-256color \(CLI.binary) dashboard --readonly --store \(store.path); echo HONSIM-EXITED $?; sleep 30")
        var lines = try tmux.wait { $0.last?.contains("읽기 전용") == true && $0.joined().contains("월화수목금토일") && !$0.joined().contains("불러오는 중") }
        #expect(lines.last?.contains("\(Self.me) · 열람자 · 읽기 전용") == true)
        #expect(lines.joined().contains("*"), "masked names are on screen")
        let shown = lines.joined()
        #expect(names.filter { shown.contains($0) }.isEmpty)
        try tmux.keys("Enter")
        lines = try tmux.wait { $0.joined().contains("요청 상세") }
        let screen = lines.joined()
        #expect(names.filter { screen.contains($0) }.isEmpty && phones.filter { screen.contains($0) }.isEmpty)
        try tmux.keys("Escape", "q")
        #expect(try tmux.wait { $0.joined().contains("HONSIM-EXITED") }.joined().contains("HONSIM-EXITED 0"))
        // Opening details read-only left nothing in the access log: it could not have.
        #expect(!(try store.run(["export", "audit"]).stdout.contains(",view,household,")))
    }

    @Test func initNamesTheAdmin() throws {
        let store = try SeededStore(seed: false)
        defer { store.remove() }
        let result = try store.run(["init"], lang: "ko")
        #expect(result.status == 0)
        #expect(result.stdout.contains("관리자: \(Self.me)"))
    }
}
