import Foundation
import Testing

/// `honsim messages` through the built binary, on a seeded demo store: tomorrow's reminders as
/// the CSV a bulk-SMS service takes, saved to a private file and logged; a day with nothing; a
/// template with an unknown placeholder named as file:line:key; the sender run per message
/// (a script of the test's own), never twice; and a viewer refused.
@Suite("honsim messages", .serialized)
struct MessagesCommandTests {
    static let me: String = {
        guard let entry = getpwuid(geteuid()), let name = entry.pointee.pw_name else { return "unknown" }
        return String(cString: name)
    }()

    func config(_ store: SeededStore, _ text: String) throws -> String {
        let path = store.folder.appendingPathComponent("config.toml").path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test func tomorrowsListAsCSVInAPrivateFileLoggedAndRecordedAsPrepared() throws {
        let store = try SeededStore()
        defer { store.remove() }
        let settings = try config(store, "[messages]\noffice_phone = \"031-8045-1234\"\n")
        let output = store.folder.appendingPathComponent("sms.csv").path
        let saved = try store.run(["messages", "--config", settings, "--output", output])
        #expect(saved.status == 0, "\(saved.stderr)")
        #expect(saved.stderr.contains("saved ") && saved.stderr.contains(output))
        let csv = try String(contentsOfFile: output, encoding: .utf8)
        let rows = csv.split(separator: "\n")
        #expect(rows.first == "phone,name,text")
        #expect(rows.count > 2)
        #expect(rows.dropFirst().allSatisfy { $0.hasPrefix("010-") && !$0.contains("****") }, "full phones for an admin")
        #expect(csv.contains("031-8045-1234") && !csv.contains("{"), "the office phone in, every placeholder filled")
        let mode = try FileManager.default.attributesOfItem(atPath: output)[.posixPermissions] as? Int
        #expect(mode == 0o600)
        let audit = try store.run(["export", "audit"]).stdout
        #expect(audit.contains("export,messages "), "the export is in the access log")
        #expect(audit.contains("message,message,"), "each message recorded")

        let json = try store.run(["messages", "--format", "json", "--config", settings])
        let objects = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
        #expect(objects.count == rows.count - 1 && objects.allSatisfy { $0["sent"] as? String == "no" })

        let empty = try store.run(["messages", "--day", "2001-01-01"], lang: "ko")
        #expect(empty.status == 0 && empty.stdout.isEmpty && empty.stderr == "honsim: 2001-01-01: 이 날에는 동행이 없습니다\n")
        let bad = try store.run(["messages", "--resend"])
        #expect(bad.status != 0 && bad.stderr.contains("--resend goes with --send"))
    }

    @Test func anUnknownPlaceholderIsNamedByFileLineAndKeyAndTheDefaultIsUsed() throws {
        let store = try SeededStore()
        defer { store.remove() }
        let settings = try config(store, """
            [messages]
            office_phone = "031-8045-1234"

            [messages.household]
            ko = "{household}님 내일 {tiem}에 뵙겠습니다"
            """)
        let result = try store.run(["messages", "--format", "text", "--config", settings], lang: "ko")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("\(settings):5: messages.household.ko: unknown placeholder {tiem}"))
        #expect(result.stdout.contains("동행 봉사자") && !result.stdout.contains("{tiem}"), "the built-in text instead")
    }

    @Test func theSenderGetsEachMessageOnceAndAFailureIsReported() throws {
        let store = try SeededStore()
        defer { store.remove() }
        let got = store.folder.appendingPathComponent("got").path
        let sender = store.folder.appendingPathComponent("sms.sh").path
        try "#!/bin/sh\nprintf 'phone=%s\\n' \"$1\" >> '\(got)'\ncat >> '\(got)'\nprintf '\\n--\\n' >> '\(got)'\n"
            .write(toFile: sender, atomically: true, encoding: .utf8)
        chmod(sender, 0o700)
        let settings = try config(store, "[messages]\nsender = \"\(sender)\"\ntimeout_seconds = 5\n")
        let listed = try store.run(["messages", "--config", settings]).stdout.split(separator: "\n").count - 1
        let sent = try store.run(["messages", "--send", "--config", settings])
        #expect(sent.status == 0, "\(sent.stderr)")
        #expect(sent.stdout.hasSuffix("\(listed) sent, 0 failed, 0 skipped as already sent\n"))
        let received = try String(contentsOfFile: got, encoding: .utf8)
        #expect(received.components(separatedBy: "\n--\n").count - 1 == listed)
        #expect(received.hasPrefix("phone=010-"))

        let again = try store.run(["messages", "--send", "--config", settings])
        #expect(again.status == 0 && again.stdout.hasSuffix("0 sent, 0 failed, \(listed) skipped as already sent\n"))
        #expect(try String(contentsOfFile: got, encoding: .utf8) == received, "nothing sent twice")

        let failing = try config(store, "[messages]\nsender = [\"/bin/sh\", \"-c\", \"echo no route >&2; exit 3\", \"sms\"]\n")
        let failed = try store.run(["messages", "--send", "--resend", "--config", failing])
        #expect(failed.status == 1)
        #expect(failed.stdout.contains("sender failed (exit status 3): no route"))
        let missing = try config(store, "[messages]\nsender = \"\(store.folder.path)/no-such-sms\"\n")
        let none = try store.run(["messages", "--send", "--resend", "--config", missing])
        #expect(none.status == 1 && none.stdout.contains("the sender cannot be run: ") && none.stdout.contains("no-such-sms"))
        #expect(try store.run(["check"]).status == 0)
    }

    @Test func aViewerIsRefusedForTheListHoldsFullPhones() throws {
        let store = try SeededStore()
        defer { store.remove() }
        #expect(try store.run(["users", "add", "chief", "--role", "admin"]).status == 0)
        #expect(try store.run(["users", "set", Self.me, "--role", "viewer"]).status == 0)
        let refused = try store.run(["messages"])
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("no escort whose phones you may see in full"))
        #expect(refused.stdout.isEmpty)
    }
}
