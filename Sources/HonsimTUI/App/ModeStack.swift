import Foundation
import HonsimCore

/// The layers over the panes that take keys before them. Several can be open at once (a
/// write sent before `/` was pressed can fail into a problem box under the filter being
/// typed; an import can be opened over such a box), so which one has the keys is a stated
/// priority, highest first:
///
/// 1. the import dialog (`I`): while it is open it has every key, and an import under way
///    cannot be left;
/// 2. the filter being typed (`/`): its letters must never reach a dialog below;
/// 3. the overlay (help, details, the scope picker, every dialog, form and page);
/// 4. the panes, through the main keymap.
///
/// Drawing goes the other way: the panes, the filter line in its pane, the overlay, then the
/// import dialog on top, so what has the keys is always what is seen on top.
public struct ModeStack: Sendable {
    public var importFlow: ImportFlow?
    public var filter: TextInputState?
    public var overlay: Overlay?

    public init() {}

    /// The layer that takes the next key; nil: the panes.
    var top: Mode? {
        if let importFlow { return .importing(importFlow) }
        if let filter { return .filtering(filter) }
        if let overlay { return .overlay(overlay) }
        return nil
    }

    enum Mode {
        case importing(ImportFlow)
        case filtering(TextInputState)
        case overlay(Overlay)
    }
}

/// The pane filter being typed: the pane narrows as each key comes in; Enter keeps it, Esc
/// drops it (`[keys.filter]`).
struct FilterInput: Component {
    var input: TextInputState
    /// What the pane is narrowed by once the key is handled; nil: no filter.
    var applied: String?

    mutating func update(_ key: Key, _ around: Surroundings) -> Reply {
        switch around.keys.filter.action(for: key, typing: true) {
        case .keep?: return .closing()
        case .drop?:
            applied = nil
            return .closing()
        case nil:
            _ = input.handle(key)
            applied = input.text.isEmpty ? nil : input.text
            return .stay
        }
    }
}

extension AppState {
    /// A key for whichever layer is on top (see `ModeStack`), or for the panes.
    mutating func handle(_ key: Key) -> (AppState, [Effect]) {
        switch modes.top {
        case .importing(var flow)?:
            var reply = flow.update(key, surroundings)
            importFlow = reply.close ? nil : flow
            reply.close = false
            let effects = carryOut(reply, from: nil)
            return (self, effects)
        case .filtering(let input)?:
            var filter = FilterInput(input: input, applied: filters[focus])
            let reply = filter.update(key, surroundings)
            filterInput = reply.close ? nil : filter.input
            filters[focus] = filter.applied
            selection[focus] = 0
            return (self, [])
        case .overlay(let overlay)?:
            let effects = handleOverlayKey(key, overlay)
            return (self, effects)
        case nil:
            return handlePaneKey(key)
        }
    }
}
