import Foundation
import HonsimCore
import Testing
@testable import HonsimStore
@testable import HonsimTUI

/// `I` and `E` through `update`, on the demo store, with previews read from real files by the
/// store's own dry run; and golden snapshots of the import dialog.
@Suite("Dashboard import and export", .serialized)
struct ImportFlowTests {
    let store: SQLiteStore
    let folder: URL

    init() async throws {
        (store, folder) = try await DemoDashboard.store()
    }

    func state(_ width: Int = 120, _ height: Int = 40, language: Language = .ko) async throws -> AppState {
        var state = try await DemoDashboard.state(width: width, height: height, language: language, store: store)
        state.workingFolder = "/home/kim"
        return state
    }

    /// A file as Excel saves "CSV UTF-8" (with a byte-order mark), one row sound and, unless
    /// `clean`, one with two problems.
    func file(clean: Bool) throws -> String {
        var text = "이름,생년,성별,동,연락처,주소,나이\n김영희,1944,여,석수3동,01022223333,\"안양시 만안구 석수로 12, 101동\",82\n"
        if !clean { text += "박철수,19x0,남,없는동,,,\n" }
        let path = folder.appendingPathComponent(clean ? "명단.csv" : "명단-틀림.csv").path
        try (Data([0xEF, 0xBB, 0xBF]) + Data(text.utf8)).write(to: URL(fileURLWithPath: path))
        return path
    }

    /// The state after `I`, a path, Enter, and the preview the runner would post.
    func previewing(_ path: String, from start: AppState) async throws -> AppState {
        var state = press(start, .character("I")).0
        state = type(state, path)
        let (reading, effects) = press(state, .enter)
        #expect(effects == [.files(.preview(path: path, kind: nil))])
        let preview = try await Importer.preview(path: path, kind: nil, store: store, now: DemoDashboard.now)
        return update(reading, .files(.previewed(preview))).0
    }

    @Test func iAsksForAPathWhichKeysTypeIntoWithoutReachingThePanes() async throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let start = try await state()
        var (state, effects) = press(start, .character("I"), .character("q"), .character("2"), .tab)
        guard case .askingPath(let input)? = state.importFlow?.stage else { Issue.record("no path prompt"); return }
        #expect(input.text == "q2" && !state.quit && effects.isEmpty && state.focus == .requests)
        #expect(state.importFlow?.kind == .households)
        state = press(state, .backspace, .backspace).0
        state = type(state, "명단.csv")
        (state, effects) = press(state, .enter)
        // A relative path is taken from the folder the dashboard was started in.
        #expect(effects == [.files(.preview(path: "/home/kim/명단.csv", kind: .households))])
        // The file cannot be read: the prompt comes back with the path and the reason.
        state = update(state, .files(.importFailed("no such file: /home/kim/명단.csv"))).0
        guard case .askingPath(let again)? = state.importFlow?.stage else { Issue.record("no prompt after a failure"); return }
        #expect(again.text == "명단.csv" && state.importFlow?.problem == "no such file: /home/kim/명단.csv")
        #expect(press(state, .escape).0.importFlow == nil)
    }

    @Test func aPreviewWithProblemsCannotBeImportedAndScrollsItsProblems() async throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let state = try await previewing(try file(clean: false), from: try await state())
        guard case .preview(let preview, 0)? = state.importFlow?.stage else { Issue.record("no preview"); return }
        #expect(preview.kind == .households && preview.encoding == .utf8BOM && preview.rows == 2 && preview.sample.count == 2)
        #expect(preview.issues.map { $0.description(.en) } == [
            "명단-틀림.csv:3: 생년: not a birth year: '19x0' (like 1948)",
            "명단-틀림.csv:3: 동: unknown dong: '없는동'",
        ])
        #expect(preview.ignoredColumns == ["나이"] && !preview.canImport)
        let (pressed, effects) = press(state, .enter)
        #expect(effects.isEmpty)
        guard case .preview? = pressed.importFlow?.stage else { Issue.record("Enter left the preview"); return }
        guard case .preview(_, 1)? = press(state, .down).0.importFlow?.stage else { Issue.record("↓ did not scroll"); return }
        // Tab reads the file again as the next kind.
        let (other, reread) = press(state, .tab)
        #expect(reread == [.files(.preview(path: preview.path, kind: .volunteers))])
        #expect(other.importFlow?.kind == .volunteers)
        // Nothing was written by previewing.
        #expect(try await store.counts().households == 398)
    }

    @Test func aCleanPreviewImportsOnEnterAndTheDashboardReloads() async throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = try file(clean: true)
        var state = try await previewing(path, from: try await state())
        guard case .preview(let preview, _)? = state.importFlow?.stage else { Issue.record("no preview"); return }
        #expect(preview.canImport && preview.outcome?.ids == 399...399)
        var effects: [Effect]
        (state, effects) = press(state, .enter)
        #expect(effects == [.write(.importFile(path: path, kind: .households, fingerprint: preview.fingerprint))])
        // An import under way cannot be called off.
        #expect(press(state, .escape).0.importFlow != nil)
        let outcome = try await Importer.run(path: path, kind: .households, into: store, dryRun: false, expectedFingerprint: preview.fingerprint)
        let write = WriteRequest.importFile(path: path, kind: .households, fingerprint: preview.fingerprint)
        state = update(state, .written(write, WriteResult(changed: [], imported: outcome))).0
        guard case .done? = state.importFlow?.stage else { Issue.record("no result"); return }
        (state, effects) = press(state, .enter)
        #expect(state.importFlow == nil)
        #expect(effects.first == .load && effects.count == 2)
        #expect(try await store.household(id: 399).name == "김영희")
    }

    @Test func aFileChangedAfterItsPreviewIsNotImported() async throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = try file(clean: true)
        let preview = try await Importer.preview(path: path, kind: nil, store: store, now: DemoDashboard.now)
        try Data("이름,생년,성별,동\n다른사람,1950,남,평촌동\n".utf8).write(to: URL(fileURLWithPath: path))
        await #expect(throws: StoreError.self) {
            try await Importer.run(path: path, kind: .households, into: store, dryRun: false, expectedFingerprint: preview.fingerprint)
        }
        #expect(try await store.counts().households == 398)
    }

    @Test func eSavesTheFocusedPaneAsItIsListedAndSaysWhere() async throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let start = try await state()
        let (state, effects) = press(start, .character("E"))
        guard case .files(.export(let export))? = effects.first else { Issue.record("no export"); return }
        #expect(export.folder == "/home/kim" && export.fileName == "honsim-requests-20261130-1000.csv")
        #expect(export.contents.hasPrefix("\u{FEFF}#,일시,대상자,동,병원,교통,필요,상태\n"))
        #expect(export.rows == start.visibleRequests.count)
        let first = try #require(start.visibleRequests.first)
        #expect(export.contents.contains("\n\(first.id),2026-"))
        let saved = update(state, .files(.exported(path: "/home/kim/honsim-requests-20261130-1000.csv", rows: export.rows))).0
        #expect(saved.notice == "CSV로 저장했습니다 (\(export.rows)행): /home/kim/honsim-requests-20261130-1000.csv")

        // Masked on screen, masked in the file.
        var masked = start
        masked.maskAll = true
        guard case .files(.export(let hidden))? = press(masked, .character("E")).1.first else { Issue.record("no export"); return }
        let names = start.visibleRequests.compactMap { start.data?.households[$0.householdID]?.name }
        #expect(!names.isEmpty && !names.contains { hidden.contents.contains($0) })

        // The statistics pane: its dongs, then the gu and city totals.
        guard case .files(.export(let figures))? = press(start, .character("3"), .character("E")).1.first else { Issue.record("no export"); return }
        #expect(figures.fileName == "honsim-statistics-20261130-1000.csv" && figures.rows == 31 + 2 + 1)
        #expect(figures.contents.contains("\n2026-11,안양시,"))
    }

    @Test func aCellThatLooksLikeAFormulaIsSavedAsText() async throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        var state = try await state()
        guard var data = state.data else { Issue.record("no data"); return }
        data.requests[0].hospital = "=HYPERLINK(\"http://x\",\"병원\")"
        state = update(state, .loaded(data)).0
        guard case .files(.export(let export))? = press(state, .character("E")).1.first else { Issue.record("no export"); return }
        #expect(export.contents.contains(#""'=HYPERLINK(""http://x"",""병원"")"#))
        #expect(!export.contents.contains(#","=HYPERLINK"#))
    }

    @Test func theWriterNeverOverwritesAndKeepsTheFilePrivate() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let export = PaneExport(folder: folder.path, fileName: "honsim-requests-20261130-1000.csv", contents: "\u{FEFF}a,b\n1,2\n", rows: 1)
        let first = try PaneExportWriter.write(export)
        let second = try PaneExportWriter.write(export)
        #expect(first.hasSuffix("/honsim-requests-20261130-1000.csv") && second.hasSuffix("/honsim-requests-20261130-1000-2.csv"))
        #expect(FileManager.default.contents(atPath: second)?.starts(with: [0xEF, 0xBB, 0xBF]) == true)
        let permissions = try FileManager.default.attributesOfItem(atPath: first)[.posixPermissions] as? NSNumber
        #expect(permissions?.intValue == 0o600)
    }

    /// A pane saved with `E` that holds households' names in full goes to the access log first,
    /// as an export naming those households; a masked screen's export holds none and logs nothing.
    @Test func aSavedPaneWithNamesInFullIsInTheAccessLog() async throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        var state = try await state()
        state.session.workingFolder = folder.path
        guard case .files(.export(let export))? = press(state, .character("E")).1.first else { Issue.record("no export"); return }
        let shown = Set(state.visibleRequests.map(\.householdID))
        #expect(!export.revealedHouseholds.isEmpty && Set(export.revealedHouseholds) == shown)
        let event = await EffectInterpreter(store: store, language: .ko, now: state.now).run(.files(.export(export)))
        guard case .files(.exported(let path, _))? = event else { Issue.record("not written: \(String(describing: event))"); return }
        #expect((try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? NSNumber)?.intValue == 0o600)
        let logged = try await store.accessLog(AccessLogQuery())
        #expect(logged.map(\.kind) == [.export] && logged.first?.source == .export && logged.first?.entity == "requests")
        #expect(logged.first?.householdIDs == export.revealedHouseholds && logged.first?.user == "kim")

        state.maskAll = true
        guard case .files(.export(let masked))? = press(state, .character("E")).1.first else { Issue.record("no export"); return }
        #expect(masked.revealedHouseholds.isEmpty)
    }

    @Test(arguments: Language.allCases)
    func snapshotsOfTheImportDialog(language: Language) async throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let start = try await state(language: language)
        assertSnapshot(render(type(press(start, .character("I")).0, "명단.csv")), named: "import-path-\(language)-120x40")
        let problems = try await previewing(try file(clean: false), from: start)
        assertSnapshot(render(problems), named: "import-preview-problems-\(language)-120x40")
        let clean = try await previewing(try file(clean: true), from: start)
        assertSnapshot(render(clean), named: "import-preview-\(language)-120x40")
        var small = problems
        small.width = 80
        small.height = 24
        assertSnapshot(render(small), named: "import-preview-problems-\(language)-80x24")
    }
}
