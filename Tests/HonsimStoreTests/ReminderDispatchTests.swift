import Foundation
import HonsimCore
@testable import HonsimStore
import Testing

/// The reminders of a day on both backends: the list (who gets one, the texts from the
/// templates, withheld where the role may not see phones in full), saved with its access-log
/// entry and its messages recorded as prepared, and sent through a sender command that is a
/// script of the test's own: one that records what it got, one that fails, one that hangs past
/// the timeout, and one that is not there. Nothing goes over a network.
@Suite("Reminder messages")
struct ReminderDispatchTests {
    func monday(_ fixture: StoreFixture) -> CivilDate { CivilDate(fixture.monday, calendar: fixture.calendar) }

    /// Monday: #1 (김순자 of 석수2동, held by 정지민), #2 (이말순 of 평촌동, held by 한수어, no
    /// phone on the household), #3 pending; every volunteer with a phone.
    func loadDay(_ fixture: StoreFixture) async throws {
        var households = StoreFixture.households
        households[2].phone = ""
        var volunteers = StoreFixture.volunteers
        for index in volunteers.indices { volunteers[index].phone = "010-9000-000\(index + 1)" }
        try await fixture.store.load(StoreData(
            dongs: [StoreFixture.anyang2, StoreFixture.seokSu2, StoreFixture.chunghun, StoreFixture.pyeongchon],
            households: households, volunteers: volunteers,
            requests: [fixture.request(1, household: 1, day: 0, hour: 9, status: .assigned, volunteer: 1),
                       fixture.request(2, household: 3, day: 0, hour: 13, status: .assigned, volunteer: 3),
                       fixture.request(3, household: 4, day: 0, hour: 15)]),
            replacingExisting: false)
    }

    func list(_ store: any CaseStore, _ day: CivilDate, settings: ReminderSettings = ReminderSettings(officePhone: "031-8045-1234"))
        async throws -> ReminderList {
        ReminderList(day: try await store.escorts(on: day), access: try await store.access(), settings: settings,
                     calendar: store.calendar, dongs: try await store.dongs())
    }

    /// A folder of the test's own with scripts in it.
    struct Scripts {
        let folder: URL

        init() throws {
            folder = FileManager.default.temporaryDirectory.appendingPathComponent("honsim-sender-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        }

        func script(_ name: String, _ body: String) throws -> String {
            let path = folder.appendingPathComponent(name).path
            try ("#!/bin/sh\n" + body + "\n").write(toFile: path, atomically: true, encoding: .utf8)
            chmod(path, 0o700)
            return path
        }

        /// Appends each call's argument and standard input to `got`.
        func recorder() throws -> String {
            try script("record.sh", "printf 'phone=%s\\n' \"$1\" >> '\(folder.path)/got'\ncat >> '\(folder.path)/got'\nprintf '\\n--\\n' >> '\(folder.path)/got'")
        }

        var got: String { (try? String(contentsOfFile: folder.appendingPathComponent("got").path, encoding: .utf8)) ?? "" }

        func remove() { try? FileManager.default.removeItem(at: folder) }
    }

    @Test(arguments: Backend.all) func theListHasOneMessagePerSideWithAPhoneFromTheTemplates(_ backend: Backend) async throws {
        let fixture = try await StoreFixture.make(backend)
        defer { fixture.remove() }
        try await loadDay(fixture)
        var settings = ReminderSettings(officePhone: "031-8045-1234")
        settings.templates.texts[.household] = [.ko: "{name}님 {time} {place} {hospital} 문의 {office_phone}"]
        let reminders = try await list(fixture.store, monday(fixture), settings: settings)
        #expect(reminders.escortCount == 3 && reminders.withheld == 0 && reminders.withoutVolunteer == 1)
        // #1 both sides; #2 its volunteer only (the household has no phone); #3 no volunteer, no phone.
        #expect(reminders.reminders.map { "\($0.requestID) \($0.audience.rawValue)" } == ["1 volunteer", "1 household", "2 volunteer"])
        let household = try #require(reminders.reminders.first { $0.audience == .household })
        #expect(household.phone == "010-1234-5678" && household.name == "김순자")
        #expect(household.text == "김순자님 09:00  한림대학교성심병원 내과 문의 031-8045-1234")
        let volunteer = try #require(reminders.reminders.first)
        #expect(volunteer.text.contains("정지민님") && volunteer.text.contains("김순자님") && volunteer.text.contains("031-8045-1234"),
                "the built-in Korean text for volunteers: \(volunteer.text)")
        #expect(!volunteer.text.contains("{"), "every placeholder filled")
        let unset = try await list(fixture.store, monday(fixture), settings: ReminderSettings())
        #expect(unset.reminders.first?.text.contains("행정복지센터로 꼭 연락 주세요") == true, "no office phone set: the office is named")
        let csv = try reminders.csv()
        #expect(csv.hasPrefix("phone,name,text\n010-9000-0001,정지민,"))
        #expect(reminders.revealedHouseholds == [1, 3])
    }

    @Test(arguments: Backend.all) func aCoordinatorGetsTheirDongsOnlyAndAViewerNone(_ backend: Backend) async throws {
        let fixture = try await StoreFixture.make(backend)
        defer { fixture.remove() }
        try await loadDay(fixture)
        let coordinator = try await fixture.otherStore(user: "park", role: .coordinator, dongCodes: [StoreFixture.seokSu2.code])
        let theirs = try await list(coordinator, monday(fixture))
        #expect(theirs.reminders.map(\.requestID) == [1, 1], "석수2동's escort only")
        #expect(theirs.withheld == 1 && theirs.withoutVolunteer == 1, "평촌동's withheld; the pending one gets none anyway")
        let viewer = try await fixture.otherStore(user: "council", role: .viewer)
        let none = try await list(viewer, monday(fixture))
        #expect(none.reminders.isEmpty && none.withheld == 2)
        #expect(none.withheldNotice(language: .en)?.contains("2 escort(s) left out") == true)
    }

    @Test(arguments: Backend.all) func aSavedListIsLoggedFirstAndItsMessagesRecordedAsPrepared(_ backend: Backend) async throws {
        let fixture = try await StoreFixture.make(backend)
        defer { fixture.remove() }
        try await loadDay(fixture)
        let day = monday(fixture)
        let reminders = try await list(fixture.store, day)
        let path = fixture.folder.appendingPathComponent("messages.csv").path
        let count = try await ReminderDispatch(store: fixture.store).save(reminders, contents: { try $0.csv() }) {
            try PrivateFile.write($0, to: path)
        }
        #expect(count == 3)
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        #expect((attributes[.posixPermissions] as? Int) == 0o600)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == (try reminders.csv()))
        let stored = try await fixture.store.messages(on: day)
        #expect(stored.map(\.state) == [.prepared, .prepared, .prepared])
        #expect(Set(stored.map(\.phone)) == ["010-9000-0001", "010-1234-5678", "010-9000-0003"])
        let log = try await fixture.store.auditLog(in: nil, limit: 10)
        let export = try #require(log.first { $0.action == "export" })
        #expect(export.entity == "messages \(day)" && export.after?.contains("\"households\":[1,3]") == true)
        #expect(log.firstIndex { $0.action == "export" }! > log.firstIndex { $0.action == "message" }!, "logged before the messages")
    }

    @Test(arguments: Backend.all) func theSenderGetsEachTextOnItsInputAndThePhoneAsItsArgumentOnce(_ backend: Backend) async throws {
        let fixture = try await StoreFixture.make(backend)
        defer { fixture.remove() }
        let scripts = try Scripts()
        defer { scripts.remove() }
        try await loadDay(fixture)
        let day = monday(fixture)
        let sender = SenderCommand(program: try scripts.recorder(), timeout: 10)
        let dispatch = ReminderDispatch(store: fixture.store)
        var report = try await dispatch.send(try await list(fixture.store, day), with: sender, resend: false)
        #expect(report.sent == 3 && report.failed == 0 && report.skipped == 0)
        let first = try await list(fixture.store, day).reminders
        #expect(scripts.got == first.map { "phone=\($0.phone)\n\($0.text)\n--\n" }.joined())
        var stored = try await fixture.store.messages(on: day)
        #expect(stored.map(\.state) == [.sent, .sent, .sent] && stored.allSatisfy { $0.exitStatus == 0 })

        // Sent already: not again, unless asked.
        report = try await dispatch.send(try await list(fixture.store, day), with: sender, resend: false)
        #expect(report.sent == 0 && report.skipped == 3)
        #expect(scripts.got.components(separatedBy: "--\n").count - 1 == 3, "nothing ran the second time")
        report = try await dispatch.send(try await list(fixture.store, day), with: sender, resend: true)
        #expect(report.sent == 3)
        stored = try await fixture.store.messages(on: day)
        #expect(stored.filter { $0.state == .sent }.count == 6)
        #expect(scripts.got.components(separatedBy: "--\n").count - 1 == 6)
    }

    @Test(arguments: Backend.all) func aFailingHangingOrMissingSenderIsReportedPerMessageAndNothingRecordedAsSent(_ backend: Backend) async throws {
        let fixture = try await StoreFixture.make(backend)
        defer { fixture.remove() }
        let scripts = try Scripts()
        defer { scripts.remove() }
        try await loadDay(fixture)
        let day = monday(fixture)
        let dispatch = ReminderDispatch(store: fixture.store)

        let failing = SenderCommand(program: try scripts.script("fail.sh", "cat > /dev/null\necho 'gateway: quota exceeded' >&2\nexit 1"), timeout: 10)
        var report = try await dispatch.send(try await list(fixture.store, day), with: failing, resend: false)
        #expect(report.failed == 3 && report.sent == 0)
        let line = try #require(report.lines.first)
        #expect(line.outcome == .failed(.failed(status: 1, message: "gateway: quota exceeded")))
        #expect(line.describe(.en).hasSuffix("sender failed (exit status 1): gateway: quota exceeded"))

        let hanging = SenderCommand(program: try scripts.script("hang.sh", "exec sleep 30"), timeout: 1)
        let one = try await list(fixture.store, day)
        var firstOnly = one
        firstOnly.keepOnly([one.reminders[0]])
        report = try await dispatch.send(firstOnly, with: hanging, resend: false)
        #expect(report.lines.map(\.outcome) == [.failed(.timedOut(seconds: 1))])
        #expect(report.lines[0].describe(.ko).contains("1초 안에 끝나지 않아"))

        let missing = SenderCommand(program: scripts.folder.appendingPathComponent("no-such-sender").path, timeout: 10)
        report = try await dispatch.send(firstOnly, with: missing, resend: false)
        guard case .failed(.missing(let reason)) = report.lines[0].outcome else { Issue.record("expected missing, got \(report.lines)"); return }
        #expect(reason.contains("no-such-sender"))

        let stored = try await fixture.store.messages(on: day)
        #expect(stored.count == 5 && stored.allSatisfy { $0.state == .failed }, "nothing recorded as sent")
        #expect(stored.map(\.exitStatus) == [1, 1, 1, nil, nil])
        #expect(stored[3].detail.contains("did not finish within 1 s"))
        // A failed message is still due: the next send tries it again.
        let again = try await list(fixture.store, day)
        #expect(again.reminders.allSatisfy { !again.wasSent($0) })
    }
}
