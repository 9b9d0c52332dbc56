import Foundation
import HonsimCore
import Testing

/// The day before in a real terminal: a fresh demo, the dashboard in tmux, the call list of
/// tomorrow, two calls recorded, a volunteer who cannot go released and the escort reassigned
/// in the assign dialog that opens, a vehicle booking confirmed, quit, and `honsim check` clean.
/// What the screen shows is checked on the screen, what the store holds through the commands.
@Suite("The day before end to end in tmux", .serialized)
struct DayBeforeEndToEndTests {
    typealias Tmux = DashboardEndToEndTests.Tmux

    struct Escort {
        let id: Int64
        let readiness: String
        let volunteerID: Int64?
        let volunteer: String
        let transport: String
        let booking: String
        let reference: String
        let attempts: [(party: String, result: String)]
    }

    /// Tomorrow's call list as `honsim calls --format json` gives it, in the list's order.
    func callList(_ store: SeededStore) throws -> [Escort] {
        let output = try store.run(["calls", "--format", "json"]).stdout
        let json = try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any] ?? [:]
        return (json["escorts"] as? [[String: Any]] ?? []).map { row in
            Escort(id: (row["request_id"] as? NSNumber)?.int64Value ?? 0, readiness: row["readiness"] as? String ?? "",
                   volunteerID: (row["volunteer_id"] as? NSNumber)?.int64Value, volunteer: row["volunteer"] as? String ?? "",
                   transport: row["transport"] as? String ?? "", booking: row["booking"] as? String ?? "",
                   reference: row["booking_reference"] as? String ?? "",
                   attempts: (row["attempts"] as? [[String: Any]] ?? []).map { ($0["party"] as? String ?? "", $0["result"] as? String ?? "") })
        }
    }

    /// Puts the call list's cursor on `id`: to the top (`g`), then down to its row.
    func select(_ id: Int64, in list: [Escort], tmux: Tmux) throws {
        let index = try #require(list.firstIndex { $0.id == id })
        try tmux.keys("g")
        for _ in 0..<index { try tmux.keys("Down") }
    }

    /// Waits, up to 20 seconds, for the store to show what `condition` asks.
    func waitForStore(_ store: SeededStore, until condition: ([Escort]) -> Bool) throws -> [Escort] {
        let deadline = ContinuousClock.now + .seconds(20)
        var list = try callList(store)
        while ContinuousClock.now < deadline && !condition(list) {
            Thread.sleep(forTimeInterval: 0.2)
            list = try callList(store)
        }
        return list
    }

    @Test(.enabled(if: DashboardEndToEndTests.tmuxInstalled, "tmux is not installed"))
    func theCallListOfTomorrowCallsAReleaseAndReassignAndABookingThenCheckIsClean() throws {
        let store = try SeededStore()
        defer { store.remove() }
        var list = try callList(store)
        let unreached = list.filter { $0.readiness == "unreached" && $0.volunteerID != nil && $0.attempts.isEmpty }
        try #require(unreached.count >= 2, "the demo has escorts tomorrow that nobody has called yet")
        let (called, released) = (unreached[0], unreached[1])
        let toBook = try #require(list.first { $0.booking == "to_book" && $0.id != released.id && $0.id != called.id },
                                  "the demo has a vehicle to book tomorrow")

        let tmux = Tmux()
        let command = "env LANG=C.UTF-8 TERM=xterm-256color \(CLI.binary) dashboard --store \(store.path) --lang ko; echo HONSIM-EXITED $?; sleep 30"
        try tmux.start(width: 120, height: 40, command: command)
        _ = try tmux.wait { $0.last?.contains("연결됨") == true && $0.joined().contains("동별 통계") }

        // The call list of tomorrow, with the day at a glance and the vehicles to book as tasks.
        try tmux.keys("C")
        var lines = try tmux.wait { $0.joined().contains("전날 확인 전화") && $0.joined().contains("건 중") }
        let tomorrow = CivilDate(Date(), calendar: seoul).adding(days: 1, calendar: seoul)
        #expect(lines.joined().contains("\(tomorrow)"))
        #expect(lines.joined().contains("차량 예약할 일"), "the vehicles to book are listed as tasks")

        // Two calls: the volunteer, then the household, both confirmed.
        try select(called.id, in: list, tmux: tmux)
        try tmux.keys("v", "y")
        list = try waitForStore(store) { $0.first { $0.id == called.id }?.attempts.count == 1 }
        try select(called.id, in: list, tmux: tmux)
        try tmux.keys("h", "y")
        list = try waitForStore(store) { $0.first { $0.id == called.id }?.readiness == "ready" }
        let calledNow = try #require(list.first { $0.id == called.id })
        #expect(calledNow.attempts.map(\.party) == ["volunteer", "household"] && calledNow.attempts.allSatisfy { $0.result == "confirmed" })
        lines = try tmux.wait { $0.joined().contains("대상자 — 확인") }
        #expect(lines.joined().contains("#\(called.id): 대상자 — 확인"))

        // A volunteer who cannot go: released, and the assign dialog opens on the escort.
        try select(released.id, in: list, tmux: tmux)
        try tmux.keys("v", "c")
        lines = try tmux.wait { $0.joined().contains("봉사자 배정") && self.candidateNumber(in: $0, avoiding: released.volunteer) != nil }
        let number = try #require(candidateNumber(in: lines, avoiding: released.volunteer), "a candidate other than the one who cannot go")
        try tmux.keys(number)
        list = try waitForStore(store) { escorts in
            escorts.first { $0.id == released.id }.map { $0.volunteerID != nil && $0.volunteerID != released.volunteerID } ?? false
        }
        let reassigned = try #require(list.first { $0.id == released.id })
        #expect(reassigned.volunteerID != nil && reassigned.volunteerID != released.volunteerID)
        #expect(reassigned.attempts.map(\.result) == ["cancelled"], "the volunteer's call stays on the escort")
        lines = try tmux.wait { $0.joined().contains("배정했습니다") }
        #expect(lines.joined().contains("배정했습니다: #\(released.id)"))

        // A vehicle booking confirmed from the call list, with the center's reference.
        try tmux.keys("C")
        _ = try tmux.wait { $0.joined().contains("전날 확인 전화") && $0.joined().contains("건 중") }
        try select(toBook.id, in: list, tmux: tmux)
        try tmux.keys("b")
        lines = try tmux.wait { $0.joined().contains("차량 예약 — #\(toBook.id)") }
        #expect(lines.joined().contains("전화:"), "whom to call and by when")
        try tmux.keys("Right", "Right", "Enter")
        try tmux.keys("-l", "AY-E2E-1")
        try tmux.keys("Enter", "Enter")
        list = try waitForStore(store) { $0.first { $0.id == toBook.id }?.booking == "confirmed" }
        let booked = try #require(list.first { $0.id == toBook.id })
        #expect(booked.booking == "confirmed" && booked.reference == "AY-E2E-1")
        lines = try tmux.wait { $0.joined().contains("예약 확정 AY-E2E-1") && $0.joined().contains("전날 확인 전화") }
        #expect(lines.joined().contains("#\(toBook.id): 차량 예약 — 예약 확정 AY-E2E-1"), "back on the call list with the notice")

        try tmux.keys("Escape")
        _ = try tmux.wait { !$0.joined().contains("전날 확인 전화") }
        try tmux.keys("q")
        lines = try tmux.wait { $0.joined().contains("HONSIM-EXITED") }
        #expect(lines.joined().contains("HONSIM-EXITED 0"))

        let check = try store.run(["check"])
        #expect(check.status == 0, "\(check.stdout)\(check.stderr)")
        #expect(check.stdout.hasPrefix("ok:"))
        let audit = try store.run(["export", "audit"]).stdout
        #expect(audit.contains("booking") && audit.contains("call") && audit.contains("assign"))
    }

    var seoul: Calendar {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Asia/Seoul") ?? .current
        return calendar
    }

    /// The digit of the first numbered candidate in the assign dialog who is not `name`: a row
    /// of its table is the dialog's border, the number, the volunteer's name. Only the lines
    /// under the dialog's title are read, so the panes behind it do not count.
    func candidateNumber(in lines: [String], avoiding name: String) -> String? {
        guard let title = lines.firstIndex(where: { $0.contains("봉사자 배정") }) else { return nil }
        let row = /│\s*([1-9])\s+([^\s│]+)/
        for line in lines[(title + 1)...] {
            guard let match = line.firstMatch(of: row) else { continue }
            if !name.isEmpty && String(match.2) == name { continue }
            return String(match.1)
        }
        return nil
    }
}
