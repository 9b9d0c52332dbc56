import Foundation
import Testing

/// `honsim series`: processes racing to make a series' dates ahead, the commands' text and
/// JSON, bad input named by its option, and a dialysis series end to end in tmux.
@Suite("Command line: standing series", .serialized)
struct SeriesCommandTests {
    /// A config folder whose config.toml sets the series horizon.
    static func config(horizonDays: Int, in folder: URL) throws -> [String: String] {
        let home = folder.appendingPathComponent("config-\(horizonDays)")
        try FileManager.default.createDirectory(at: home.appendingPathComponent("honsim"), withIntermediateDirectories: true)
        try "[series]\nhorizon_days = \(horizonDays)\n".write(to: home.appendingPathComponent("honsim/config.toml"), atomically: true, encoding: .utf8)
        return ["XDG_CONFIG_HOME": home.path]
    }

    static func json(_ text: String) throws -> [String: Any] {
        (try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any]) ?? [:]
    }

    static var tomorrow: String { day(after: 1) }

    static func day(after days: Int) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Asia/Seoul") ?? .current
        let day = calendar.dateComponents([.year, .month, .day], from: Date().addingTimeInterval(TimeInterval(days) * 86_400))
        return String(format: "%04d-%02d-%02d", day.year ?? 0, day.month ?? 0, day.day ?? 0)
    }

    /// A series of household 1 from tomorrow, every day at dawn unless told otherwise, so that
    /// every date of the horizon is one of its dates.
    func newSeries(_ store: SeededStore, environment: [String: String], days: String = "mon tue wed thu fri sat sun",
                   time: String = "06:00", pickup: String = "05:30", hours: String = "1", hospital: String = "새벽투석의원") throws -> Int64 {
        let made = try CLI.run(["series", "new", "--household", "1", "--days", days, "--time", time, "--pickup", pickup, "--hours", hours,
                                "--hospital", hospital, "--purpose", "dialysis", "--from", SeriesCommandTests.tomorrow, "--format", "json",
                                "--store", store.path, "--lang", "en"], environment: environment)
        try #require(made.status == 0, "\(made.stderr)")
        let outcome = try SeriesCommandTests.json(made.stdout)
        let series = try #require(outcome["series"] as? [String: Any])
        return try #require((series["id"] as? NSNumber)?.int64Value)
    }

    @Test(arguments: SeededStore.backends)
    func processesOpeningTheStoreAtOnceMakeEachDateOnce(backend: String) throws {
        let store = try SeededStore(backend: backend)
        defer { store.remove() }
        // Made with a one-day horizon: the rest of the six weeks is left to the racing processes.
        let short = try SeriesCommandTests.config(horizonDays: 1, in: store.folder)
        let id = try newSeries(store, environment: short)
        let long = try SeriesCommandTests.config(horizonDays: 42, in: store.folder)
        let results = Locked<[CLI.Result]>([])
        DispatchQueue.concurrentPerform(iterations: 4) { _ in
            // Any command opens the store and extends the horizon first.
            if let result = try? CLI.run(["series", "list", "--store", store.path, "--lang", "en"], environment: long) {
                results.withLock { $0.append(result) }
            }
        }
        let finished = results.withLock { $0 }
        #expect(finished.count == 4 && finished.allSatisfy { $0.status == 0 && !$0.crashed }, "\(finished.map(\.stderr))")
        let page = try SeriesCommandTests.json(try store.run(["series", "show", String(id), "--format", "json"]).stdout)
        let dates = try #require(page["dates"] as? [[String: Any]])
        let days = dates.compactMap { ($0["pickup_at"] as? String)?.prefix(10) }
        // Tomorrow through 42 days from today: 42 dates, each once.
        #expect(days.count == 42)
        #expect(Set(days).count == days.count)
        let check = try store.run(["check"])
        #expect(check.status == 0, "\(check.stdout)\(check.stderr)")
    }

    @Test func eachSubcommandHasHelpAndBadInputNamesItsOption() throws {
        for sub in ["list", "show", "new", "change", "pause", "resume", "end", "assign"] {
            let help = try CLI.run(["series", sub, "--help"])
            #expect(help.status == 0 && help.stdout.contains("USAGE"), "series \(sub) --help: \(help.stderr)")
        }
        let store = try SeededStore()
        defer { store.remove() }
        let environment = try SeriesCommandTests.config(horizonDays: 14, in: store.folder)
        let id = try newSeries(store, environment: environment)
        // The same household at 06:30 overlaps the dawn series: refused, naming --time, nothing made.
        let before = try store.snapshot()
        let overlap = try CLI.run(["series", "new", "--household", "1", "--days", "wed", "--time", "06:30", "--pickup", "06:00",
                                   "--hospital", "다른의원", "--store", store.path, "--lang", "en"], environment: environment)
        #expect(overlap.status == 1)
        #expect(overlap.stderr.contains("--time") && overlap.stderr.contains("overlaps the household's standing series \(id)"), "\(overlap.stderr)")
        // A pause that ends before it starts: refused, naming --to.
        let backwards = try store.run(["series", "pause", String(id), "--from", "2099-01-10", "--to", "2099-01-03"])
        #expect(backwards.status == 1 && backwards.stderr.contains("--to") && backwards.stderr.contains("ends before it starts"), "\(backwards.stderr)")
        // A pickup after the appointment: refused, naming --pickup.
        let late = try store.run(["series", "change", String(id), "--from", SeriesCommandTests.tomorrow, "--pickup", "07:00"])
        #expect(late.status == 1 && late.stderr.contains("--pickup"), "\(late.stderr)")
        let unreadable = try store.run(["series", "new", "--household", "1", "--days", "someday", "--time", "10:00", "--hospital", "x"])
        #expect(unreadable.status != 0 && unreadable.stderr.contains("--days"), "\(unreadable.stderr)")
        #expect(try store.snapshot() == before)
        // The listing, in Korean text and in JSON.
        let korean = try store.run(["series", "list"], lang: "ko")
        #expect(korean.stdout.contains("#\(id) 대상자 #1 투석") && korean.stdout.contains("종료일 없음"), "\(korean.stdout)")
        let list = try JSONSerialization.jsonObject(with: Data(try store.run(["series", "list", "--format", "json"]).stdout.utf8)) as? [[String: Any]]
        #expect(list?.first?["ends_on"] == nil && list?.first?["purpose"] as? String == "dialysis")
    }

    @Test func aReturnLegIsARequestOfItsOwnAndAPickupBeforeTheAppointmentIsRefused() throws {
        let store = try SeededStore()
        defer { store.remove() }
        let environment = try SeriesCommandTests.config(horizonDays: 7, in: store.folder)
        let id = try newSeries(store, environment: environment, days: "mon tue wed thu fri sat sun", time: "10:00", pickup: "09:00",
                               hours: "3", hospital: "귀가시험병원")
        let page = try SeriesCommandTests.json(try store.run(["series", "show", String(id), "--format", "json"]).stdout)
        let outbound = try #require((page["dates"] as? [[String: Any]])?.first?["request_id"] as? NSNumber).stringValue
        let before = try store.snapshot()
        let early = try store.run(["return-leg", outbound, "--pickup", "09:30"])
        #expect(early.status == 1 && early.stderr.contains("--pickup") && early.stderr.contains("before the appointment"), "\(early.stderr)")
        #expect(try store.snapshot() == before)
        let made = try store.run(["return-leg", outbound, "--when-called", "--format", "json"])
        #expect(made.status == 0, "\(made.stderr)")
        let leg = try SeriesCommandTests.json(made.stdout)
        #expect(leg["when_called"] as? Bool == true && leg["status"] as? String == "pending")
        #expect((leg["pickup_at"] as? String)?.hasSuffix("11:00") == true, "\(leg)")
        let again = try store.run(["return-leg", outbound, "--pickup", "13:00"])
        #expect(again.status == 1 && again.stderr.contains("REQUEST"), "\(again.stderr)")
        #expect(try store.run(["check"]).status == 0)
    }

    @Test func aSeriesPastTheHouseholdsLimitIsMadeAndSaysSoWithTheDates() throws {
        let store = try SeededStore()
        defer { store.remove() }
        let rules = store.folder.appendingPathComponent("rules.toml").path
        try Data("[rules]\nuses_per_month = 2\n".utf8).write(to: URL(fileURLWithPath: rules))
        #expect(try store.run(["rules", "import", rules]).status == 0)
        let environment = try SeriesCommandTests.config(horizonDays: 14, in: store.folder)
        let made = try CLI.run(["series", "new", "--household", "1", "--days", "mon wed fri", "--time", "06:00", "--pickup", "05:30",
                                "--hours", "1", "--hospital", "새벽투석의원", "--purpose", "dialysis", "--from", SeriesCommandTests.tomorrow,
                                "--store", store.path, "--lang", "en"], environment: environment)
        // Made all the same: dialysis cannot wait; the limit is a flag with the counts and the dates.
        #expect(made.status == 0, "\(made.stderr)")
        #expect(made.stdout.contains("dates made"), "\(made.stdout)")
        #expect(made.stdout.contains("! past the household's limit (the series goes on): passes the limit of 2 uses in "), "\(made.stdout)")
        #expect(made.stdout.contains("  dates past it: "), "\(made.stdout)")
        let id = try #require(try store.run(["series", "list"]).stdout.split(separator: "\n").last?.split(separator: " ").first.map { String($0.dropFirst()) })
        let page = try SeriesCommandTests.json(try store.run(["series", "show", id, "--format", "json"]).stdout)
        let limits = try #require(page["limits"] as? [[String: Any]])
        #expect(limits.contains { $0["rule"] as? String == "uses_per_month" && (($0["dates"] as? [String])?.isEmpty == false) }, "\(limits)")
    }

    @Test(.enabled(if: DashboardEndToEndTests.tmuxInstalled, "tmux is not installed"))
    func aDialysisSeriesGetsAVolunteerIsPausedForTwoWeeksAndTheStoreStaysSound() throws {
        let store = try SeededStore()
        defer { store.remove() }
        let environment = try SeriesCommandTests.config(horizonDays: 28, in: store.folder)
        // Dialysis on Mondays, Wednesdays and Fridays, open-ended.
        let id = try newSeries(store, environment: environment, days: "mon wed fri", time: "10:00", pickup: "09:00", hours: "3",
                               hospital: "정기투석병원")
        // The best candidate for its first date becomes its standing volunteer.
        let page = try SeriesCommandTests.json(try store.run(["series", "show", String(id), "--format", "json"]).stdout)
        let first = try #require((page["dates"] as? [[String: Any]])?.first?["request_id"] as? NSNumber)
        let suggested = try JSONSerialization.jsonObject(with: Data(try store.run(["suggest", first.stringValue, "--format", "json", "--limit", "1"]).stdout.utf8))
        let volunteer = try #require(((suggested as? [[String: Any]])?.first?["volunteer_id"] as? NSNumber)?.int64Value)
        // Two weeks in hospital from a week ahead: the week before stays on the dashboard's list.
        let pauseFrom = SeriesCommandTests.day(after: 8), pauseTo = SeriesCommandTests.day(after: 21)
        let tmux = DashboardEndToEndTests.Tmux()
        let common = "--store \(store.path) --lang en"
        let script = "\(CLI.binary) series assign \(id) \(volunteer) \(common) > /dev/null; echo ASSIGN-EXITED $?; "
            + "\(CLI.binary) series pause \(id) --from \(pauseFrom) --to \(pauseTo) --reason 입원 \(common); echo PAUSE-EXITED $?; "
            + "\(CLI.binary) check \(common); echo CHECK-EXITED $?; sleep 30"
        try tmux.start(width: 120, height: 40, command: "env LANG=C.UTF-8 XDG_CONFIG_HOME=\(environment["XDG_CONFIG_HOME"] ?? "") sh -c '\(script)'")
        let lines = try tmux.wait(.seconds(90)) { $0.joined().contains("CHECK-EXITED") }
        let screen = lines.joined(separator: "\n")
        #expect(screen.contains("ASSIGN-EXITED 0"), "\(screen)")
        #expect(screen.contains("dates released") && screen.contains("series paused") && screen.contains("입원"), "\(screen)")
        #expect(screen.contains("PAUSE-EXITED 0") && screen.contains("CHECK-EXITED 0"), "\(screen)")
        // No open date falls in the two weeks; the others keep the standing volunteer where they could take them.
        let after = try SeriesCommandTests.json(try store.run(["series", "show", String(id), "--format", "json"]).stdout)
        let dates = try #require(after["dates"] as? [[String: Any]])
        #expect(!dates.isEmpty)
        let days = dates.map { String(($0["pickup_at"] as? String ?? "").prefix(10)) }
        #expect(!days.contains { $0 >= pauseFrom && $0 <= pauseTo }, "\(days)")
        #expect(days.contains { $0 < pauseFrom } && days.contains { $0 > pauseTo }, "\(days)")
        #expect(dates.contains { ($0["volunteer_id"] as? NSNumber)?.int64Value == volunteer }, "\(dates)")
        let record = try #require(after["series"] as? [String: Any])
        #expect((record["pauses"] as? [[String: String]])?.first?["reason"] == "입원")
        #expect((record["volunteer_id"] as? NSNumber)?.int64Value == volunteer)

        // The dashboard: one of its dates, then S, shows the series' page with the pause.
        let dashboard = DashboardEndToEndTests.Tmux()
        try dashboard.start(width: 120, height: 40, command: "env LANG=C.UTF-8 TERM=xterm-256color XDG_CONFIG_HOME=\(environment["XDG_CONFIG_HOME"] ?? "") "
            + "\(CLI.binary) dashboard \(common); echo HONSIM-EXITED $?; sleep 30")
        _ = try dashboard.wait(.seconds(60)) { $0.joined().contains("1 Requests") && $0.joined().contains("connected") }
        try dashboard.keys("/")
        try dashboard.keys("-l", "정기투석병원")
        try dashboard.keys("Enter")
        _ = try dashboard.wait(.seconds(60)) { $0.joined().contains("/정기투석병원") }
        try dashboard.keys("S")
        let shown = try dashboard.wait(.seconds(60)) { $0.joined().contains("Standing series #\(id)") && $0.joined().contains("Paused") }
        let pageText = shown.joined(separator: "\n")
        #expect(pageText.contains("Standing series #\(id)") && pageText.contains("Paused: \(pauseFrom) ~ \(pauseTo) (입원)"), "\(pageText)")
        #expect(pageText.contains("paused") && pageText.contains("volunteer set"), "\(pageText)")
        try dashboard.keys("Escape")
        // L on that date: its way home as a leg of its own, picked up when the hospital calls,
        // with the same volunteer; listed as its own row beside its marked way there.
        try dashboard.keys("L")
        _ = try dashboard.wait(.seconds(60)) { $0.joined().contains("Return leg — #") }
        try dashboard.keys("Right")
        for _ in 0..<4 { try dashboard.keys("Enter") }
        let split = try dashboard.wait(.seconds(60)) { $0.joined().contains("return leg made") }
        #expect(split.contains { $0.contains("return 정기투석병원") && !$0.contains("+return") }, "\(split.joined(separator: "\n"))")
        #expect(split.contains { $0.contains("+return 정기투석병원") }, "\(split.joined(separator: "\n"))")
        try dashboard.keys("q")
        _ = try dashboard.wait { $0.joined().contains("HONSIM-EXITED") }
        let checked = try store.run(["check"])
        #expect(checked.status == 0, "\(checked.stdout)\(checked.stderr)")
    }
}

/// A value shared by the racing threads.
final class Locked<Value>: @unchecked Sendable {
    private var value: Value
    private let lock = NSLock()
    init(_ value: Value) { self.value = value }
    func withLock<T>(_ body: (inout Value) -> T) -> T {
        lock.lock()
        defer { lock.unlock() }
        return body(&value)
    }
}
