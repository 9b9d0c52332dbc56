import Foundation
import HonsimCore
@testable import HonsimStore
@testable import HonsimTUI

/// The Anyang demo data in a real store, read as the dashboard reads it, at a fixed moment so
/// golden snapshots stay put: Monday 2026-11-30 10:00 in Seoul.
enum DemoDashboard {
    static let calendar: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Asia/Seoul") ?? .current
        calendar.firstWeekday = 2
        return calendar
    }()

    static let now: Date = CivilDate(year: 2026, month: 11, day: 30).start(in: calendar).addingTimeInterval(10 * 3600)

    static var seeds: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("seeds").path
    }

    /// A seeded store in a temporary folder; the caller removes the folder.
    static func store(user: String = "kim") async throws -> (SQLiteStore, URL) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("honsim-tui-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        // The store's clock stands at the demo's moment too, so what it stamps is what the goldens show.
        let store = try SQLiteStore(path: folder.appendingPathComponent("cases.sqlite").path, user: user, create: true,
                                    timeZone: "Asia/Seoul", clock: { now })
        var reader = SeedReader(folder: seeds, now: now, calendar: store.calendar)
        try await store.load(reader.read(), replacingExisting: false)
        return (store, folder)
    }

    /// Another coordinator's process on the same file, registered by the store's admin.
    static func secondStore(_ store: SQLiteStore, user: String = "lee") async throws -> SQLiteStore {
        try await store.addUser(name: user, role: .admin, dongs: [], displayName: "")
        return try SQLiteStore(path: store.location, user: user, clock: { now })
    }

    /// A state as the runner has it after its first loads.
    static func state(width: Int, height: Int, language: Language = .ko, store: SQLiteStore,
                      access: Access = .unrestricted(user: "kim")) async throws -> AppState {
        var state = AppState(width: width, height: height, language: language, calendar: store.calendar, now: now,
                             storeLabel: "cases.sqlite", user: access.user)
        state.access = access
        state = update(state, .loaded(try await DashboardLoader.load(store, now: now))).0
        let period = state.period.period(now: now, calendar: store.calendar)
        let report = try await store.statistics(for: period, now: now)
        let weekly = try await store.weeklyRequestCounts(weeks: 12, now: now)
        state = update(state, .statisticsLoaded(StatisticsData(report: report, weekly: weekly))).0
        return state
    }
}

/// Feeds keys through `update` one by one, as the runner does.
func press(_ state: AppState, _ keys: Key...) -> (AppState, [Effect]) {
    var state = state
    var effects: [Effect] = []
    for key in keys {
        let (next, produced) = update(state, .key(key))
        state = next
        effects += produced
    }
    return (state, effects)
}

func type(_ state: AppState, _ text: String) -> AppState {
    var state = state
    for character in text { state = update(state, .key(.character(character))).0 }
    return state
}

/// Does what `update` asks of the store, as the runner does, and feeds each result back
/// through `update` until nothing is left to do: key flows that reach a real store.
func settle(_ state: AppState, _ effects: [Effect], store: SQLiteStore) async throws -> AppState {
    var state = state
    var queue = effects
    while !queue.isEmpty {
        let effect = queue.removeFirst()
        // What the runner does: the one interpreter turns the effect into its event.
        let event = await EffectInterpreter(store: store, language: state.language, now: state.now).run(effect)
        if let event {
            let (next, more) = update(state, event)
            state = next
            queue += more
        }
    }
    return state
}

/// Presses keys one by one, letting the store answer after each.
func press(_ state: AppState, store: SQLiteStore, _ keys: Key...) async throws -> AppState {
    var state = state
    for key in keys {
        let (next, effects) = update(state, .key(key))
        state = try await settle(next, effects, store: store)
    }
    return state
}

/// Types text one character at a time, letting the store answer after each.
func type(_ state: AppState, store: SQLiteStore, _ text: String) async throws -> AppState {
    var state = state
    for character in text {
        state = try await press(state, store: store, .character(character))
    }
    return state
}

/// Clears the focused field (Ctrl-U) and types `text` into it.
func retype(_ state: AppState, store: SQLiteStore, _ text: String) async throws -> AppState {
    try await type(try await press(state, store: store, .control("u")), store: store, text)
}

/// Opens the new-request form on `household`, for 12/1 at 07:10 at `hospital`, repeating on
/// `days` with no end date, and saves it: a standing series made from the dashboard.
func makeRepeatingRequest(_ state: AppState, store: SQLiteStore, household: Int64, hospital: String, days: String) async throws
    -> AppState {
    var state = try await press(state, store: store, .character("n"))
    state = try await type(state, store: store, "#\(household)")
    state = try await press(state, store: store, .tab)
    state = try await type(state, store: store, "12/1")
    state = try await press(state, store: store, .tab)
    state = try await type(state, store: store, "07:10")
    state = try await press(state, store: store, .tab, .tab)
    state = try await type(state, store: store, hospital)
    state = try await press(state, store: store, .tab, .tab, .tab, .tab, .tab)
    state = try await type(state, store: store, days)
    return try await press(state, store: store, .tab, .tab, .enter)
}
