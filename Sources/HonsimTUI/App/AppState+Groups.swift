import Foundation
import HonsimCore
import HonsimStore

/// Each group's fields by name on the state, as the panes, the views and the tests read them.
extension AppState {
    // The session.
    public var language: Language { get { session.language } set { session.language = newValue } }
    public var calendar: Calendar { get { session.calendar } set { session.calendar = newValue } }
    public var keymap: Keymap { get { session.keymap } set { session.keymap = newValue } }
    public var lines: LineSet { get { session.lines } set { session.lines = newValue } }
    public var storeLabel: String { get { session.storeLabel } set { session.storeLabel = newValue } }
    public var user: String { get { session.user } set { session.user = newValue } }
    public var maskAll: Bool { get { session.maskAll } set { session.maskAll = newValue } }
    public var idleAfter: TimeInterval? { get { session.idleAfter } set { session.idleAfter = newValue } }
    public var access: Access { get { session.access } set { session.access = newValue } }
    public var workingFolder: String { get { session.workingFolder } set { session.workingFolder = newValue } }

    // The panes' settings.
    public var focus: Pane { get { panes.focus } set { panes.focus = newValue } }
    public var selection: [Pane: Int] { get { panes.selection } set { panes.selection = newValue } }
    public var filters: [Pane: String] { get { panes.filters } set { panes.filters = newValue } }
    public var requestSort: RequestSort { get { panes.requestSort } set { panes.requestSort = newValue } }
    public var volunteerSort: VolunteerSort { get { panes.volunteerSort } set { panes.volunteerSort = newValue } }
    public var statisticsSort: StatisticsSort { get { panes.statisticsSort } set { panes.statisticsSort = newValue } }
    public var period: PeriodChoice { get { panes.period } set { panes.period = newValue } }
    public var statisticsView: StatisticsView { get { panes.statisticsView } set { panes.statisticsView = newValue } }
    public var scope: Set<String> { get { panes.scope } set { panes.scope = newValue } }
    public var freeFor: (requestID: Int64, volunteerIDs: Set<Int64>)? { get { panes.freeFor } set { panes.freeFor = newValue } }

    // The layers over the panes (see ModeStack for their priority).
    public var importFlow: ImportFlow? { get { modes.importFlow } set { modes.importFlow = newValue } }
    public var filterInput: TextInputState? { get { modes.filter } set { modes.filter = newValue } }
    public var overlay: Overlay? { get { modes.overlay } set { modes.overlay = newValue } }

    // The write path.
    public var writing: WriteRequest? { get { writes.writing } set { writes.writing = newValue } }
    public var lastUndo: UndoRecord? { get { writes.lastUndo } set { writes.lastUndo = newValue } }
    public var focusAfterLoad: Int64? { get { writes.focusAfterLoad } set { writes.focusAfterLoad = newValue } }
    public var assignQueue: [EscortRequest] { get { writes.assignQueue } set { writes.assignQueue = newValue } }
    public var completionQueue: [EscortRequest] { get { writes.completionQueue } set { writes.completionQueue = newValue } }

    // What each pane lists.
    public internal(set) var visibleRequests: ListedRequests { get { rows.requests } set { rows.requests = newValue } }
    public internal(set) var visibleVolunteerIndices: [Int32] { get { rows.volunteerIndices } set { rows.volunteerIndices = newValue } }
    public internal(set) var visibleDongs: [Dong] { get { rows.dongs } set { rows.dongs = newValue } }
    public internal(set) var statisticsRows: StatisticsRows? { get { rows.statistics } set { rows.statistics = newValue } }
    public internal(set) var urgentCount: Int { get { rows.urgentCount } set { rows.urgentCount = newValue } }
}
