import Foundation
import HonsimCore
import Testing
@testable import HonsimStore
@testable import HonsimTUI

/// The keys of dialogs and forms: their own tables in config.toml, used through `update`,
/// and listed in the help.
@Suite("Dialog and form keys", .serialized)
struct DialogKeysTests {
    let store: SQLiteStore
    let folder: URL

    init() async throws {
        (store, folder) = try await DemoDashboard.store()
    }

    func state(language: Language = .ko) async throws -> AppState {
        try await DemoDashboard.state(width: 120, height: 40, language: language, store: store)
    }

    static let config = """
        [keys.assign]
        search = "s"
        close = ["esc", "ctrl-g"]

        [keys.form]
        submit = "ctrl-s"
        """

    @Test func aRemappedAssignKeyAndFormKeyWorkThroughUpdate() async throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let config = try DashboardConfig.parse(Self.config, file: "config.toml")
        #expect(config.keys["assign.search"] == [.character("s")])
        #expect(config.keys["form.submit"] == [.control("s")])
        #expect(Keymap.unknownActions(in: config.keys).isEmpty)
        var start = try await state()
        start.keymap = Keymap(overrides: config.keys)
        let request = try #require(start.selectedRequest)
        #expect(request.status == .pending)

        // The assign dialog: `s` now searches by name and `/` no longer does; ctrl-g closes it.
        let (dialog, effects) = press(start, .character("a"))
        guard case .assign(let opened)? = dialog.overlay else { Issue.record("no assign dialog"); return }
        #expect(opened.search == nil && effects == [.loadCandidates(requestID: request.id)])
        guard case .assign(let searching)? = press(dialog, .character("s")).0.overlay else { Issue.record("the dialog closed"); return }
        #expect(searching.search != nil)
        guard case .assign(let notSearching)? = press(dialog, .character("/")).0.overlay else { Issue.record("the dialog closed"); return }
        #expect(notSearching.search == nil)
        #expect(press(dialog, .control("g")).0.overlay == nil)
        // In the search field `s` is a letter of the name again.
        guard case .assign(let typed)? = press(dialog, .character("s"), .character("s")).0.overlay else { Issue.record("closed"); return }
        #expect(typed.search?.text == "s")

        // A form: Enter no longer saves a cancellation; ctrl-s does, down the write path.
        var form = press(start, .character("x")).0
        guard case .action? = form.overlay else { Issue.record("no cancel form"); return }
        form = type(form, "입원")
        let (afterEnter, enterEffects) = press(form, .enter)
        #expect(enterEffects.isEmpty && afterEnter.writing == nil)
        guard case .action? = afterEnter.overlay else { Issue.record("Enter closed the form"); return }
        let (sent, saveEffects) = press(form, .control("s"))
        let write = WriteRequest.lifecycle(.cancel, requestID: request.id, details: ActionDetails(reason: "입원"), expectedVersion: request.version)
        #expect(saveEffects == [.write(write)] && sent.writing == write)
        // And the store takes it, as with the default keys.
        let done = try await settle(sent, saveEffects, store: store)
        #expect(done.overlay == nil)
        #expect(try await store.request(id: request.id).status == .cancelled)
    }

    @Test func theDefaultsAreTheKeysTheDialogsAlwaysHad() {
        let keys = Keymap().dialogs
        #expect(keys.assign.action(for: .character("/")) == .search)
        #expect(keys.assign.action(for: .character("q")) == .close)
        #expect(keys.form.action(for: .enter) == .submit)
        #expect(keys.form.action(for: .tab) == .nextField && keys.form.action(for: .down) == .nextField)
        #expect(keys.plan.action(for: .character("p")) == .close)
        #expect(keys.activity.action(for: .character("l")) == .close)
        #expect(keys.record.action(for: .character("e")) == .edit)
        #expect(keys.importing.action(for: .tab) == .kind)
        // While typing, a letter is text whatever it is bound to.
        #expect(keys.assign.action(for: .character("q"), typing: true) == nil)
        #expect(keys.assign.action(for: .escape, typing: true) == .close)
    }

    @Test func unknownTablesAndActionsAreReported() {
        let unknown = Keymap.unknownActions(in: ["assign.serch": [.character("s")], "nowhere.close": [.escape], "jump": [.character("z")],
                                                 "plan.accept": [.enter]])
        #expect(unknown == ["assign.serch", "jump", "nowhere.close"])
    }

    @Test func aBadKeyInADialogTableIsNamedWithItsLine() {
        #expect(throws: ConfigError.self) { try DashboardConfig.parse("[keys.form]\nsubmit = 5\n", file: "config.toml") }
        do {
            _ = try DashboardConfig.parse("[keys.form]\nsubmit = \"hyper-s\"\n", file: "config.toml")
            Issue.record("accepted a key that is not one")
        } catch {
            #expect(error.description.hasPrefix("config.toml:2: keys.form.submit: 'hyper-s' is not a key"))
        }
    }

    @Test func theHelpListsEveryDialogTableWithItsKeysAsRemapped() async throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        var start = try await state(language: .en)
        start.keymap = Keymap(overrides: try DashboardConfig.parse(Self.config, file: "config.toml").keys)
        start.height = 400
        let text = renderFrame(press(start, .character("?")).0, theme: .mono).text
        for heading in ["The assign dialog", "Forms", "The plan sheet", "The activity log", "Household, volunteer pages",
                        "Importing a file", "Lists in dialogs", "Typing a filter", "A failed change", "The weekly hours grid"] {
            #expect(text.contains(heading), "the help lacks \(heading)")
        }
        let shows = { (pattern: String) in text.range(of: pattern, options: .regularExpression) != nil }
        #expect(shows(#" s +search volunteers by name"#))
        #expect(shows(#" Ctrl-S +save \(on the last field\)"#))
        #expect(shows(#" Esc Ctrl-G +close, or end a search"#))
    }

    @Test func everyDialogKeyHasBothLanguagesAndAKey() {
        let sections = Keymap().dialogs.helpSections(.ko) + Keymap().dialogs.helpSections(.en)
        #expect(sections.count == 32)
        for entry in sections.flatMap(\.entries) {
            #expect(!entry.keys.isEmpty && !entry.description.isEmpty)
        }
        #expect(Set(Keymap().dialogs.helpSections(.ko).map(\.heading)).count == 16)
    }
}
