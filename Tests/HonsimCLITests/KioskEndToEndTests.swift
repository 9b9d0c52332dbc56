import Foundation
import HonsimCore
import Testing

/// `honsim kiosk`, the built binary in tmux, beside other processes that write the store.
@Suite("Kiosk end to end in tmux", .serialized)
struct KioskEndToEndTests {
    typealias Tmux = DashboardEndToEndTests.Tmux

    static var tmuxInstalled: Bool { DashboardEndToEndTests.tmuxInstalled }

    func command(_ store: SeededStore, _ options: String) -> String {
        "env LANG=C.UTF-8 TERM=xterm-256color \(CLI.binary) kiosk --store '\(store.path)' \(options); echo KIOSK-EXITED $?; sleep 30"
    }

    func json(_ store: SeededStore, _ kind: String) throws -> [[String: Any]] {
        try JSONSerialization.jsonObject(with: Data(try store.run(["export", kind, "--format", "json"]).stdout.utf8)) as? [[String: Any]] ?? []
    }

    /// Every name and phone in the store that no kiosk screen may show. Names that also occur
    /// inside a dong's or a hospital's name (which the kiosk does show) are left out, as are
    /// one-syllable names (masked to "*").
    func personalData(_ store: SeededStore) throws -> [String] {
        let places = try json(store, "requests").compactMap { $0["hospital"] as? String } + (try json(store, "requests").compactMap { $0["dong"] as? String })
        let people = try json(store, "households") + json(store, "volunteers")
        let names = people.compactMap { $0["name"] as? String }.filter { name in name.count >= 2 && !places.contains { $0.contains(name) } }
        return names + people.compactMap { $0["phone"] as? String }.filter { !$0.isEmpty }
    }

    /// Records every capture that shows a name, a phone, or anything shaped like a phone.
    final class PrivacyWatch {
        let personal: [String]
        private(set) var captures = 0
        private(set) var leaks: [String] = []
        let phoneShape = try? NSRegularExpression(pattern: "0\\d{1,2}-\\d{3,4}-\\d{4}")

        init(_ personal: [String]) { self.personal = personal }

        func check(_ lines: [String]) {
            captures += 1
            let screen = lines.joined(separator: "\n")
            for item in personal where screen.contains(item) { leaks.append(item) }
            if let phoneShape, phoneShape.firstMatch(in: screen, range: NSRange(screen.startIndex..., in: screen)) != nil {
                leaks.append("a phone number")
            }
        }
    }

    /// Waits like `Tmux.wait`, checking every capture on the way.
    func watch(_ tmux: Tmux, _ privacy: PrivacyWatch, _ timeout: Duration = .seconds(20), until condition: ([String]) -> Bool) throws -> [String] {
        try tmux.wait(timeout) { lines in
            privacy.check(lines)
            return condition(lines)
        }
    }

    /// Today's pending requests (in Seoul), earliest first, with what the board shows of them
    /// and whether they ride in the center's vehicle.
    func todaysPending(_ store: SeededStore) throws -> [(id: Int64, time: String, household: String, byVehicle: Bool)] {
        let today = ISO8601DateFormatter.string(from: Date(), timeZone: TimeZone(identifier: "Asia/Seoul") ?? .current,
                                                formatOptions: [.withFullDate, .withDashSeparatorInDate])
        let households = Dictionary(try json(store, "households").compactMap { row -> (Int64, String)? in
            guard let id = (row["id"] as? NSNumber)?.int64Value, let name = row["name"] as? String else { return nil }
            return (id, name)
        }, uniquingKeysWith: { a, _ in a })
        return try json(store, "requests").compactMap { row in
            guard row["status"] as? String == "pending", let at = row["appointment_at"] as? String, at.hasPrefix(today),
                  let id = (row["id"] as? NSNumber)?.int64Value, let household = (row["household_id"] as? NSNumber)?.int64Value
            else { return nil }
            return (id, String(at.dropFirst(11).prefix(5)), Masking.name(households[household] ?? ""),
                    row["transport"] as? String == Transport.centerVehicle.rawValue)
        }
    }

    /// On SQLite the change comes through the file's change feed; on PostgreSQL through
    /// LISTEN/NOTIFY, to a session the server itself keeps read-only.
    @Test(.enabled(if: tmuxInstalled, "tmux is not installed"), arguments: SeededStore.backends)
    func anotherProcessesChangeShowsByItselfAndNoNameOrPhoneEverShows(_ backend: String) throws {
        let store = try SeededStore(backend: backend)
        defer { store.remove() }
        let privacy = PrivacyWatch(try personalData(store))
        #expect(privacy.personal.count > 500)
        // Which of today's escorts is first depends on the hour the test runs: one that does not
        // ride in the center's vehicle where there is one (see the expected status below).
        let pending = try todaysPending(store)
        let target = try #require(pending.first { !$0.byVehicle } ?? pending.first, "the demo has pending escorts today")
        let tmux = Tmux()
        try tmux.start(width: 120, height: 50, command: command(store, "--views board"))
        let row = { (lines: [String]) in lines.first { $0.contains("\(target.time) \(target.household)") } }
        var lines = try watch(tmux, privacy) { row($0) != nil && $0.joined().contains("연결됨") }
        let before = try #require(row(lines))
        #expect(before.contains("대기") || before.contains("긴급") || (target.byVehicle && before.contains("차량 미확정")))

        // Another process writes: an assignment to its best candidate, or, when nobody can
        // go today, a cancellation. Either changes the row's status.
        let suggestion = try store.run(["suggest", String(target.id), "--format", "json", "--limit", "1"]).stdout
        let candidate = ((try? JSONSerialization.jsonObject(with: Data(suggestion.utf8))) as? [[String: Any]] ?? [])
            .first { $0["eligible"] as? Bool == true }?["volunteer_id"] as? NSNumber
        let write = candidate.map { ["assign", String(target.id), $0.stringValue] } ?? ["cancel", String(target.id), "--reason", "test"]
        #expect(try store.run(write).status == 0)
        // The change feed brings it without a key; how fast is `honsim-bench shown`'s business.
        // An assigned ride in the center's vehicle not yet booked shows 차량 미확정 in place of 배정.
        let expected = candidate == nil ? ["취소"] : target.byVehicle ? ["배정", "차량 미확정"] : ["배정"]
        let changed = { (row: String?) in expected.contains { row?.contains($0) == true } }
        lines = try watch(tmux, privacy, .seconds(10)) { changed(row($0)) }
        let after = try #require(row(lines))
        #expect(changed(after), "the row did not change: \(after)")
        // An assigned volunteer appears by initials (ㄱ to ㅎ), never by name.
        if candidate != nil { #expect(after.unicodeScalars.contains { (0x3131...0x314E).contains($0.value) }) }

        // A resize to the smallest size it supports: still masked, still the same board.
        try tmux.resize(width: 80, height: 24)
        lines = try watch(tmux, privacy) { $0.count == 24 && $0.last?.contains("읽기 전용") == true }
        for _ in 0..<20 {
            privacy.check(try tmux.screen())
            Thread.sleep(forTimeInterval: 0.05)
        }
        #expect(privacy.captures > 20)
        #expect(privacy.leaks.isEmpty, "shown on the kiosk: \(Set(privacy.leaks).sorted())")
        try tmux.keys("q")
        _ = try tmux.wait { $0.joined().contains("끝낼까요") }
        try tmux.keys("y")
        lines = try tmux.wait { $0.joined().contains("KIOSK-EXITED") }
        #expect(lines.joined().contains("KIOSK-EXITED 0"))
    }

    @Test(.enabled(if: tmuxInstalled, "tmux is not installed"))
    func itRotatesEveryViewChangesNothingWhateverIsPressedAndNeverShowsAName() throws {
        let store = try SeededStore()
        defer { store.remove() }
        let privacy = PrivacyWatch(try personalData(store))
        let unchanged = try store.snapshot()
        let tmux = Tmux()
        try tmux.start(width: 100, height: 30, command: command(store, "--rotate 3 --lang en"))
        var seen = Set<String>()
        _ = try watch(tmux, privacy, .seconds(30)) { lines in
            for title in ["Today's escorts", "This month", "By dong"] where lines.count > 1 && lines[1].contains(title) { seen.insert(title) }
            return seen.count == 3
        }
        #expect(seen.count == 3)
        // Keys that change things in the dashboard do nothing here.
        for key in ["a", "Enter", "d", "r", "Escape", "Tab", "1", "/", "c", "Up", "Space", "u"] { try tmux.keys(key) }
        let lines = try watch(tmux, privacy) { $0.last?.contains("read-only") == true }
        #expect(!lines.joined().contains("Close the kiosk"))
        #expect(privacy.leaks.isEmpty, "shown on the kiosk: \(Set(privacy.leaks).sorted())")
        #expect(try store.snapshot() == unchanged, "the kiosk changed the store")
        try tmux.keys("q")
        _ = try tmux.wait { $0.joined().contains("Close the kiosk screen?") }
        try tmux.keys("n")
        _ = try tmux.wait { !$0.joined().contains("Close the kiosk screen?") }
        try tmux.keys("q", "y")
        #expect(try tmux.wait { $0.joined().contains("KIOSK-EXITED") }.joined().contains("KIOSK-EXITED 0"))
    }

    @Test(.enabled(if: tmuxInstalled, "tmux is not installed"))
    func itSaysWhenTheStoreIsGoneAndComesBackWithIt() throws {
        let store = try SeededStore()
        defer { store.remove() }
        let tmux = Tmux()
        try tmux.start(width: 80, height: 24, command: command(store, "--views board"))
        _ = try tmux.wait { $0.last?.contains("연결됨") == true }
        let away = store.path + ".away"
        try FileManager.default.moveItem(atPath: store.path, toPath: away)
        var lines = try tmux.wait { $0.last?.contains("저장소에 연결되지 않음") == true }
        #expect(lines.last?.contains("마지막 갱신") == true, "the time of the figures still on screen")
        #expect(lines.joined().contains("오늘의 동행"))
        try FileManager.default.moveItem(atPath: away, toPath: store.path)
        lines = try tmux.wait { $0.last?.contains("연결됨") == true }
        #expect(lines.last?.contains("연결됨") == true)
        try tmux.keys("q", "y")
        #expect(try tmux.wait { $0.joined().contains("KIOSK-EXITED") }.joined().contains("KIOSK-EXITED 0"))
    }

    /// `honsim kiosk` with no store named, where only the demo has been made: it shows the
    /// demo; and where there is nothing at all, it says so in the chosen language.
    @Test(.enabled(if: tmuxInstalled, "tmux is not installed"))
    func withOnlyTheDemoTheKioskShowsTheDemo() throws {
        // Digits only in the folder's name, so that the Latin words on screen are the path's known ones.
        let data = FileManager.default.temporaryDirectory.appendingPathComponent("honsim-kiosk-\(UInt32.random(in: 0...UInt32.max))")
        defer { try? FileManager.default.removeItem(at: data) }
        let folder = data.appendingPathComponent("honsim")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let seeded = try CLI.run(["seed", "--store", folder.appendingPathComponent("demo.sqlite").path, "--dir", CLI.seeds])
        #expect(seeded.status == 0)
        let tmux = Tmux()
        try tmux.start(width: 120, height: 40, command: "env LANG=C.UTF-8 TERM=xterm-256color XDG_DATA_HOME=\(data.path) HONSIM_STORE= "
            + "\(CLI.binary) kiosk --lang ko; echo KIOSK-EXITED $?; sleep 30")
        let lines = try tmux.wait { $0.joined().contains("혼심 · 병원 동행 현황") && $0.last?.contains("연결됨") == true }
        #expect(lines.last?.contains("연결됨") == true)
        #expect(!lines.joined().contains("저장소에 연결되지 않음"))

        // Nothing made yet: the reason, in Korean, and how to make or name a store.
        try FileManager.default.removeItem(at: folder.appendingPathComponent("demo.sqlite"))
        let empty = Tmux()
        try empty.start(width: 120, height: 40, command: "env LANG=C.UTF-8 TERM=xterm-256color XDG_DATA_HOME=\(data.path) HONSIM_STORE= "
            + "\(CLI.binary) kiosk --lang ko; echo KIOSK-EXITED $?; sleep 30")
        let missing = try empty.wait { $0.joined().contains("아직 저장소가 없습니다") }
        let text = missing.joined(separator: "\n")
        #expect(text.contains("아직 저장소가 없습니다"))
        #expect(!text.contains("no store there yet"))
        // Only the path and the command are in Latin letters.
        let allowed: Set<String> = ["tmp", "honsim", "kiosk", "cases", "sqlite", "init", "store"]
        let latin = text.split { !($0.isASCII && $0.isLetter) }.map(String.init).filter { $0.count >= 2 && !allowed.contains($0) }
        #expect(latin.isEmpty, "English words on the Korean kiosk: \(latin)")
    }
}
