import Foundation
import HonsimCore
import HonsimStore

/// A dialog or form: its own state (the type itself), its own keys (a `DialogAction` table,
/// remappable in config.toml) and its own `update`, which reads the dashboard around it and
/// says in a `Reply` what it needs done; it changes nothing outside itself.
protocol Component {
    mutating func update(_ key: Key, _ around: Surroundings) -> Reply
}

/// What a component may read of the dashboard.
struct Surroundings {
    let language: Language
    let calendar: Calendar
    let now: Date
    let keymap: Keymap
    let data: DashboardData?
    let access: Access
    /// A write is on its way: a second one waits until it is back.
    let writeInFlight: Bool
    let householdIndex: HouseholdIndex?
    let workingFolder: String
    let scope: Set<String>
    /// The period the statistics pane shows, for the reloads a component asks for.
    let period: StatisticsPeriod
    /// A household as the forms show it: masked unless the screen may show it in full.
    let householdLabel: (Household) -> String
    /// The names of the person's own dongs, for a refusal.
    let accessDongNames: [String]
    /// The reminders' settings, for the call list's `M` and `S`.
    var reminders = ReminderSettings()

    var keys: DialogKeymaps { keymap.dialogs }

    func text(_ phrase: Phrase) -> String { phrase.text(language) }

    /// What every pane shows, read again.
    var reload: [Effect] { [.load, .loadStatistics(period)] }
}

/// What a component asks of the dashboard once it has handled a key.
struct Reply {
    var effects: [Effect] = []
    /// A change for the store, sent down the one write path (`AppState.send`).
    var write: WriteRequest?
    /// The component is done: its layer goes away.
    var close = false
    /// Another overlay takes the component's place (a page opens a new record's form).
    var replace: Overlay?
    var notice: String?
    /// The dong scope chosen in the picker.
    var scope: Set<String>?
    /// A run sheet to write, or returned sheets to type in (`SheetAsk`).
    var sheet: SheetAsk?

    /// Nothing asked: the component stays as it now is.
    static let stay = Reply()
    static func closing(_ effects: [Effect] = []) -> Reply { Reply(effects: effects, close: true) }
    static func writing(_ write: WriteRequest) -> Reply { Reply(write: write) }
}

extension Bindings where A == ListKey {
    /// Moves a dialog's cursor for a list key, ten lines to a page; false when the key is not
    /// one of the list's.
    func move(_ cursor: inout Int, last: Int, for key: Key) -> Bool {
        switch action(for: key) {
        case .up?: cursor = max(0, cursor - 1)
        case .down?: cursor = min(last, cursor + 1)
        case .pageUp?: cursor = max(0, cursor - 10)
        case .pageDown?: cursor = min(last, cursor + 10)
        case .top?: cursor = 0
        case .bottom?: cursor = last
        case nil: return false
        }
        return true
    }
}

/// The answer to "drop what was typed?" (`confirming`): `yes` closes the form, any other key
/// goes back to it; nil when nothing was asked.
func discardAnswer(_ key: Key, _ confirming: inout Bool, _ around: Surroundings) -> Reply? {
    guard confirming else { return nil }
    confirming = false
    return around.keys.form.matches(key, .yes) ? Reply.closing() : Reply.stay
}

extension FormState {
    /// A key through the form's bindings: the moves and Enter as `[keys.form]` binds them, the
    /// rest (typing, a choice's ← →, a toggle's Space) to the field. The widget's own moves
    /// answer only to the bindings, so a key taken off `next_field` no longer moves.
    mutating func handle(_ key: Key, bindings: Bindings<FormKey>) -> KeyResult {
        switch bindings.action(for: key, typing: true) {
        case .nextField?: return handle(.tab)
        case .previousField?: return handle(.backTab)
        case .submit?: return handle(.enter)
        case .back?, .yes?: return .unhandled
        case nil:
            if FormState.movingKeys.contains(key) { return .unhandled }
            return handle(key)
        }
    }

    private static let movingKeys: Set<Key> = [.tab, .backTab, .up, .down, .enter]
}

extension AppState {
    var surroundings: Surroundings {
        Surroundings(language: language, calendar: calendar, now: now, keymap: keymap, data: data, access: access,
                     writeInFlight: writing != nil, householdIndex: householdIndex, workingFolder: workingFolder,
                     scope: scope, period: period.period(now: now, calendar: calendar),
                     householdLabel: { [self] in self.householdLabel($0) }, accessDongNames: accessDongNames,
                     reminders: session.reminders)
    }

    /// A key for the overlay on top: its component handles it, and its reply is carried out.
    mutating func handleOverlayKey(_ key: Key, _ overlay: Overlay) -> [Effect] {
        let around = surroundings
        func run<C: Component>(_ component: C, _ wrap: (C) -> Overlay) -> Reply {
            var component = component
            let reply = component.update(key, around)
            self.overlay = wrap(component)
            return reply
        }
        let reply: Reply
        switch overlay {
        case .help(let offset): reply = run(HelpScreen(offset: offset)) { .help(offset: $0.offset) }
        case .requestDetails(let id, let shown): reply = run(DetailsView(requestID: id)) { .requestDetails(requestID: $0.requestID, shown: shown) }
        case .scopePicker(let chosen, let cursor):
            reply = run(ScopePicker(selected: chosen, cursor: cursor)) { .scopePicker(selected: $0.selected, cursor: $0.cursor) }
        case .assign(let dialog): reply = run(dialog, Overlay.assign)
        case .action(let form): reply = run(form, Overlay.action)
        case .newRequest(let form): reply = run(form, Overlay.newRequest)
        case .activity(let log): reply = run(log, Overlay.activity)
        case .plan(let sheet): reply = run(sheet, Overlay.plan)
        case .problem(let problem): reply = run(problem, Overlay.problem)
        case .records(let sheet): reply = run(sheet, Overlay.records)
        case .calls(let sheet): reply = run(sheet, Overlay.calls)
        case .booking(let form): reply = run(form, Overlay.booking)
        case .transport(let choice): reply = run(choice, Overlay.transport)
        case .series(let sheet): reply = run(sheet, Overlay.series)
        case .credentials(let offset): reply = run(CredentialsList(offset: offset)) { .credentials(offset: $0.offset) }
        case .returnLeg(let form): reply = run(form, Overlay.returnLeg)
        }
        return carryOut(reply, from: overlay)
    }

    /// Does what a component's reply asks, in one place for all of them.
    mutating func carryOut(_ reply: Reply, from overlay: Overlay?) -> [Effect] {
        if let scope = reply.scope { self.scope = scope }
        if let notice = reply.notice { self.notice = notice }
        if reply.close { self.overlay = nil }
        if let replacement = reply.replace { self.overlay = replacement }
        var effects = reply.effects
        if let write = reply.write { effects += send(write) }
        if let ask = reply.sheet { effects += carryOut(ask) }
        // Skipping one of a drop-out's released escorts goes on to the next.
        if reply.close, case .assign? = overlay { effects += advanceAssignQueue() }
        // Esc on a returned sheet's completion form stops typing in the rest.
        if reply.close, case .action? = overlay { completionQueue = [] }
        return effects
    }
}

/// The `?` help, scrolled by `offset` lines.
struct HelpScreen: Component {
    var offset: Int

    mutating func update(_ key: Key, _ around: Surroundings) -> Reply {
        let list = around.keys.list.action(for: key)
        if list == .down { offset += 1; return .stay }
        if list == .up { offset = max(0, offset - 1); return .stay }
        let main = around.keymap.action(for: key)
        if around.keys.help.matches(key, .close) || main == .help || main == .quit { return .closing() }
        return .stay
    }
}

/// A request's details.
struct DetailsView: Component {
    var requestID: Int64

    mutating func update(_ key: Key, _ around: Surroundings) -> Reply {
        around.keys.details.matches(key, .close) || around.keymap.action(for: key) == .quit ? .closing() : .stay
    }
}

/// The dong scope picker: Space ticks a dong, `a` all or none, Enter applies.
struct ScopePicker: Component {
    var selected: Set<String>
    var cursor: Int

    mutating func update(_ key: Key, _ around: Surroundings) -> Reply {
        let dongs = around.data?.dongs.dongs ?? []
        switch around.keys.list.action(for: key) {
        case .down?: cursor = min(cursor + 1, max(0, dongs.count - 1)); return .stay
        case .up?: cursor = max(cursor - 1, 0); return .stay
        case .pageUp?, .pageDown?, .top?, .bottom?, nil: break
        }
        switch around.keys.scope.action(for: key) {
        case .toggle?:
            if dongs.indices.contains(cursor) {
                let code = dongs[cursor].code
                if selected.contains(code) { selected.remove(code) } else { selected.insert(code) }
            }
        case .all?: selected = selected.count == dongs.count ? [] : Set(dongs.map(\.code))
        case .accept?:
            // Every dong, or none, means no restriction.
            var reply = Reply.closing()
            reply.scope = selected.count == dongs.count ? [] : selected
            return reply
        case .close?: return .closing()
        case nil: break
        }
        return .stay
    }
}

/// The box that says a write failed: Enter tries again when that can help, Esc closes.
extension WriteProblem: Component {
    mutating func update(_ key: Key, _ around: Surroundings) -> Reply {
        switch around.keys.problem.action(for: key) {
        case .retry?:
            guard let retry else { return .closing() }
            return .writing(retry)
        case .close?: return .closing()
        case nil: return .stay
        }
    }
}
