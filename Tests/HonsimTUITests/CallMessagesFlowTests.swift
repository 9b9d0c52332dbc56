import Foundation
import HonsimCore
import Testing
@testable import HonsimStore
@testable import HonsimTUI

/// The call list's notes and reminders, through `update` and a real store seeded with the
/// demo: a note typed with a call and shown on the list; `M` saving the day's CSV in the
/// working folder; `S` without a sender saying how to do without; `S` with a sender (a script
/// of the test's own) asking first, then sending once and telling how it went.
@Suite("Call list notes and reminders", .serialized)
struct CallMessagesFlowTests {
    let store: SQLiteStore
    let folder: URL

    init() async throws {
        (store, folder) = try await DemoDashboard.store()
    }

    func sheet(_ state: AppState) -> CallSheet? {
        if case .calls(let sheet) = state.overlay { return sheet }
        return nil
    }

    var tomorrow: CivilDate { CivilDate(DemoDashboard.now, calendar: DemoDashboard.calendar).adding(days: 1, calendar: DemoDashboard.calendar) }

    /// The call list open on tomorrow, the cursor on its first escort a volunteer holds.
    func open(width: Int = 120, height: Int = 40, language: Language = .ko, sender: [String] = []) async throws -> (AppState, DayEscort) {
        var state = try await DemoDashboard.state(width: width, height: height, language: language, store: store)
        state.session.workingFolder = folder.path
        state.session.reminders = ReminderSettings(officePhone: "031-8045-1234", sender: sender, timeoutSeconds: 5)
        state = try await press(state, store: store, .character("C"))
        let list = try #require(sheet(state)?.list)
        let index = try #require(list.escorts.firstIndex { $0.request.volunteerID != nil })
        for _ in 0..<index { state = try await press(state, store: store, .down) }
        return (state, list.escorts[index])
    }

    /// A script that appends its argument and what it read to `got` in the test's folder.
    func recorder() throws -> String {
        let path = folder.appendingPathComponent("sms.sh").path, got = folder.appendingPathComponent("got").path
        try "#!/bin/sh\nprintf 'phone=%s\\n' \"$1\" >> '\(got)'\ncat >> '\(got)'\nprintf '\\n--\\n' >> '\(got)'\n"
            .write(toFile: path, atomically: true, encoding: .utf8)
        chmod(path, 0o700)
        return path
    }

    var received: String { (try? String(contentsOf: folder.appendingPathComponent("got"), encoding: .utf8)) ?? "" }

    @Test func aNoteTypedWithACallIsStoredAndShownAndEscSavesTheCallWithoutOne() async throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        var (state, escort) = try await open()
        // The demo has calls of its own already: what this test adds comes after them.
        let before = try await store.contactAttempts(requestID: escort.request.id).count
        state = try await press(state, store: store, .character("v"), .character("y"))
        #expect(sheet(state)?.note?.result == .confirmed)
        #expect(try await store.contactAttempts(requestID: escort.request.id).count == before, "nothing saved while the note is typed")
        // Keys of the list are letters of the note now: "c" does not cancel, "q" does not close.
        state = type(state, "8시 50분 도착cq")
        state = try await press(state, store: store, .backspace, .backspace, .enter)
        var attempts = Array(try await store.contactAttempts(requestID: escort.request.id).dropFirst(before))
        #expect(attempts.map(\.note) == ["8시 50분 도착"])
        #expect(sheet(state)?.note == nil && sheet(state) != nil)
        // The list was read again and may have moved the escort: the cursor goes back to it.
        var moved = try #require(sheet(state))
        moved.cursor = try #require(moved.list?.escorts.firstIndex { $0.request.id == escort.request.id })
        state.overlay = .calls(moved)
        #expect(render(state).text.contains("#\(escort.request.id) 문자: 봉사자 -, 대상자 - · 메모: 8시 50분 도착"), "\(render(state).text)")

        state = try await press(state, store: store, .character("h"), .character("n"))
        state = type(state, "다시 걸기")
        state = try await press(state, store: store, .escape)
        attempts = Array(try await store.contactAttempts(requestID: escort.request.id).dropFirst(before))
        #expect(attempts.map(\.result) == [.confirmed, .noAnswer])
        #expect(attempts.last?.note == "", "Esc saves the call without the note")
    }

    @Test func mSavesTheDaysCSVInTheWorkingFolderAndTheListShowsItSaved() async throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        var (state, _) = try await open(language: .en)
        state = try await press(state, store: store, .character("M"))
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasPrefix("honsim-messages-") }
        #expect(files == ["honsim-messages-20261201.csv"])
        let path = folder.appendingPathComponent(files[0]).path
        #expect(state.notice?.hasPrefix("saved ") == true && state.notice?.contains(path) == true, "\(state.notice ?? "")")
        #expect(try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int == 0o600)
        let csv = try String(contentsOfFile: path, encoding: .utf8)
        #expect(csv.hasPrefix("phone,name,text\n"))
        let stored = try await store.messages(on: tomorrow)
        #expect(!stored.isEmpty && stored.allSatisfy { $0.state == .prepared })
        #expect(csv.split(separator: "\n").count - 1 == stored.count)
        let list = try #require(sheet(state)?.list)
        #expect(list.escorts.contains { !$0.messages.isEmpty }, "the list was read again")
        // A second save in the same minute does not overwrite the first.
        state = try await press(state, store: store, .character("M"))
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("honsim-messages-20261201-2.csv").path))
    }

    @Test func sWithoutASenderSaysHowToDoWithoutAndSendsNothing() async throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        var (state, _) = try await open()
        state = try await press(state, store: store, .character("S"))
        #expect(state.notice == UIText.messagesNoSender.ko)
        #expect(sheet(state)?.sending == nil)
        #expect(try await store.messages(on: tomorrow).isEmpty)
    }

    @Test func sAsksHowManyAndToWhomThenSendsOnceAndTellsHowItWent() async throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        var (state, _) = try await open(language: .en, sender: [try recorder()])
        state = try await press(state, store: store, .character("S"))
        let plan = try #require(sheet(state)?.sending)
        #expect(plan.volunteers > 0 && plan.households > 0 && plan.alreadySent == 0)
        #expect(render(state).text.contains("send \(plan.total) reminder(s): \(plan.volunteers) to volunteers"))
        // Any key but yes leaves everything unsent.
        state = try await press(state, store: store, .character("n"))
        #expect(state.notice == UIText.messagesNotSent.en && sheet(state)?.sending == nil)
        let nothingYet = try await store.messages(on: tomorrow)
        #expect(received.isEmpty && nothingYet.isEmpty)

        state = try await press(state, store: store, .character("S"), .character("y"))
        #expect(state.notice == "reminders: \(plan.total) sent, 0 failed, 0 skipped as already sent")
        #expect(received.components(separatedBy: "\n--\n").count - 1 == plan.total)
        let stored = try await store.messages(on: tomorrow)
        #expect(stored.count == plan.total && stored.allSatisfy { $0.state == .sent && $0.exitStatus == 0 })
        #expect(render(state).text.contains(" sent "), "the list shows the escorts' messages sent")

        state = try await press(state, store: store, .character("S"))
        #expect(state.notice == UIText.messagesAllSent.en && sheet(state)?.sending == nil, "never twice from the dashboard")
    }

    @Test(arguments: [(Language.ko, 80, 24), (.en, 120, 40)])
    func goldenWhileANoteIsTyped(_ language: Language, _ width: Int, _ height: Int) async throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        var (state, _) = try await open(width: width, height: height, language: language)
        state = try await press(state, store: store, .character("h"), .character("m"))
        state = type(state, language == .ko ? "딸에게 전달" : "told the daughter")
        assertSnapshot(render(state), named: "calls-note-\(language.rawValue)-\(width)x\(height)")
    }

    @Test(arguments: [(Language.ko, 120, 40), (.en, 80, 24)])
    func goldenOfTheConfirmationBeforeSending(_ language: Language, _ width: Int, _ height: Int) async throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        var (state, _) = try await open(width: width, height: height, language: language, sender: ["/bin/true"])
        state = try await press(state, store: store, .character("S"))
        assertSnapshot(render(state), named: "calls-send-\(language.rawValue)-\(width)x\(height)")
    }
}
