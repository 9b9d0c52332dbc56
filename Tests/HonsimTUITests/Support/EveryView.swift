import Foundation
import HonsimCore
@testable import HonsimStore
@testable import HonsimTUI

/// Every screen a person can meet, on the demo data: each pane at each layout, the overlays,
/// dialogs, forms and pages the keys open, and each kiosk view with its questions and troubles.
/// Tests that must hold on every screen (contrast, ASCII) walk this list rather than pick.
enum EveryView {
    /// A screen by name, drawn by a theme.
    struct Screen {
        let name: String
        let draw: (Theme) -> Canvas
    }

    static func dashboard(store: SQLiteStore, language: Language, lines: LineSet = .unicode) async throws -> [Screen] {
        var screens: [Screen] = []
        func add(_ name: String, _ state: AppState) {
            screens.append(Screen(name: "dashboard \(name) (\(language))") { renderFrame(state, theme: $0) })
        }
        func base(_ width: Int, _ height: Int) async throws -> AppState {
            var state = try await DemoDashboard.state(width: width, height: height, language: language, store: store)
            state.lines = lines
            return state
        }
        let wide = try await base(120, 40)
        add("120x40", wide)
        add("200x60", try await base(200, 60))
        let tabs = try await base(80, 24)
        for pane in Pane.allCases {
            add("80x24 \(pane)", press(tabs, .character(Character(String(pane.rawValue + 1)))).0)
        }
        add("79x24 too small", try await base(79, 24))
        add("help", press(wide, .character("?")).0)
        add("help 80x24", press(tabs, .character("?")).0)
        add("scope picker", press(wide, .character("d"), .down, .character(" ")).0)
        add("filter", type(press(wide, .character("/")).0, "ㅅㅅ"))
        var noticed = wide
        noticed.notice = "honsim: a notice"
        add("notice", noticed)
        // The volunteers pane focused, a row selected beyond the first.
        add("volunteers focused", press(wide, .character("2"), .down, .down).0)
        // Keys that open something the store answers.
        for (name, keys) in [("details", [Key.enter]), ("assign", [.character("a")]), ("new request", [.character("n")]),
                             ("plan", [.character("p")]), ("activity", [.character("l")]),
                             ("household page", [.character("h")]), ("import", [.character("I")]),
                             ("availability", [.character("2"), .enter])] {
            var state = wide
            for key in keys {
                let (next, effects) = update(state, .key(key))
                state = try await settle(next, effects, store: store)
            }
            add(name, state)
        }
        return screens
    }

    static func kiosk(store: SQLiteStore, language: Language, lines: LineSet = .unicode) async throws -> [Screen] {
        var screens: [Screen] = []
        func add(_ name: String, _ state: KioskState) {
            screens.append(Screen(name: "kiosk \(name) (\(language))") { renderKiosk(state, theme: $0) })
        }
        let data = try await KioskLoader.load(store, now: DemoDashboard.now)
        for (width, height) in [(160, 48), (80, 24)] {
            var state = KioskState(width: width, height: height, language: language, calendar: store.calendar,
                                   now: DemoDashboard.now, lines: lines)
            add("\(width)x\(height) loading", state)
            state = kioskUpdate(state, .loaded(data)).0
            for screen in state.screens where screen.page == 0 {
                while state.screen != screen { state = kioskUpdate(state, .tick(state.now.addingTimeInterval(state.rotateSeconds))).0 }
                add("\(width)x\(height) \(screen.view)", state)
            }
            add("\(width)x\(height) quit question", kioskUpdate(state, .key(.character("q"))).0)
            add("\(width)x\(height) store unreachable", kioskUpdate(state, .failed("cannot open the store")).0)
            var never = KioskState(width: width, height: height, language: language, calendar: store.calendar,
                                   now: DemoDashboard.now, lines: lines)
            never = kioskUpdate(never, .failed("cannot open the store")).0
            add("\(width)x\(height) never reached", never)
        }
        return screens
    }
}
