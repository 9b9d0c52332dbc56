import Foundation
import HonsimCore
import HonsimStore

/// What comes into `update`.
public enum AppEvent: Sendable {
    case key(Key)
    case resize(width: Int, height: Int)
    /// The clock moved on (about once a second).
    case tick(Date)
    /// Another process (or this one) changed the store.
    case storeChanged
    /// Both parts of the panes' data at once.
    case loaded(DashboardData)
    /// The requests pane's read came back; the volunteers' may still be on its way.
    case requestsLoaded(RequestsPart)
    case volunteersLoaded(VolunteerRoster)
    /// One of the panes' reads failed; the others fill regardless.
    case partFailed(DashboardPart, String)
    case statisticsLoaded(StatisticsData)
    case categoryStatisticsLoaded(CategoryStatistics)
    case freeVolunteersLoaded(requestID: Int64, volunteerIDs: Set<Int64>)
    case failed(String)
    case candidatesLoaded(EscortRequest, Ranking)
    case candidateSearchLoaded(query: String, Ranking)
    case written(WriteRequest, WriteResult)
    case writeFailed(WriteRequest, WriteFailure)
    case householdsLoaded([Household])
    case activityLoaded(AuditQuery, [AuditEntry])
    case planLoaded(PlanQuery, Plan)
    /// The escorts of a day, for the call list.
    case callsLoaded(EscortDay)
    /// A standing series' page.
    case seriesLoaded(SeriesPage)
    /// An import preview or an export came back.
    case files(FileEvent)
    /// A household or volunteer page was read.
    case records(RecordEvent)
    /// A request's household, read (and logged) for its details.
    case detailsLoaded(requestID: Int64, HouseholdRecord)
    /// The day's reminders were saved or sent.
    case messages(MessageEvent)
}

/// What `update` asks the runtime to do; `EffectInterpreter` carries out every one, and the
/// results come back as events. Every change to the store is a `.write`.
public enum Effect: Hashable, Sendable {
    /// Read again what the requests and volunteer panes show: the runtime makes it the two
    /// reads below, each answered on its own.
    case load
    case loadRequests
    case loadVolunteers
    case loadStatistics(StatisticsPeriod)
    /// The statistics by eligibility category, of these dongs (nil: all).
    case loadCategoryStatistics(StatisticsPeriod, dongCodes: Set<String>?)
    case loadFreeVolunteers(requestID: Int64, span: TimeSpan)
    case loadCandidates(requestID: Int64)
    case searchCandidates(requestID: Int64, volunteerIDs: Set<Int64>, query: String)
    case write(WriteRequest)
    case loadHouseholds
    case loadActivity(AuditQuery, limit: Int)
    case loadPlan(PlanQuery)
    /// The escorts of a day with their calls, for the call list: its first screen
    /// (`CallSheet.firstScreen` escorts and the whole day's counts), the rest after it.
    case loadCalls(CivilDate)
    /// Every escort of the day, after its first screen.
    case loadWholeCalls(CivilDate)
    /// A standing series' page.
    case loadSeries(Int64)
    case quit
    /// A request's household in full, for its details: the store logs the view (개인정보 열람
    /// 기록) in the very read that returns it, and the details show it once it has come.
    case loadDetails(householdID: Int64, requestID: Int64)
    /// Preview a file to import, or write a pane's CSV.
    case files(FileEffect)
    /// Read a household's or volunteer's page.
    case records(RecordEffect)
    /// Save or send the day's reminders.
    case messages(MessageEffect)
}

/// How long a row another process changed stays marked.
let changeMarkSeconds: TimeInterval = 3

/// The dashboard's only state transition: pure, so every key flow is tested without a terminal.
public func update(_ state: AppState, _ event: AppEvent) -> (AppState, [Effect]) {
    let inputs = Pane.allCases.map(state.rowInputs)
    var (next, effects) = transition(state, event)
    effects += next.categoryEffects(before: state, effects: effects)
    var stale: Set<Pane>
    switch event {
    case .loaded, .requestsLoaded: stale = Set(Pane.allCases)
    case .volunteersLoaded: stale = [.volunteers]
    case .statisticsLoaded: stale = [.statistics]
    default: stale = Set(Pane.allCases.filter { next.rowInputs($0) != inputs[$0.rawValue] })
    }
    // Typing one more character of a volunteer filter can only narrow the list, so the list
    // on screen is filtered again rather than all twenty thousand volunteers.
    let before = inputs[Pane.volunteers.rawValue], after = next.rowInputs(.volunteers)
    if stale.contains(.volunteers), let old = before.filter, !old.isEmpty, let new = after.filter, new.hasPrefix(old),
       RowInputs(filter: new, sort: before.sort, scope: before.scope, extra: before.extra) == after {
        next.narrowVolunteers()
        stale.remove(.volunteers)
        next.clampSelections()
    }
    if !stale.isEmpty {
        next.refreshRows(stale)
        next.clampSelections()
    }
    if event.bringsRequests, let id = next.focusAfterLoad {
        next.focusAfterLoad = nil
        if let index = next.visibleRequests.firstIndex(where: { $0.id == id }) {
            next.focus = .requests
            next.selection[.requests] = index
        }
    }
    // Time, data and scope move the count; working it out here keeps it off every frame.
    switch event {
    case .loaded, .requestsLoaded, .tick: next.urgentCount = next.computeUrgentCount()
    default: if stale.contains(.requests) { next.urgentCount = next.computeUrgentCount() }
    }
    return (next, effects)
}

private func transition(_ state: AppState, _ event: AppEvent) -> (AppState, [Effect]) {
    var state = state
    // A key on the hidden screen only brings it back.
    if case .key = event, state.idle.key() { return (state, []) }
    switch event {
    case .resize(let width, let height):
        state.width = width
        state.height = height
        return (state, [])
    case .tick(let now):
        state.now = now
        state.idle.tick(now, limit: state.idleAfter)
        state.changed = state.changed.filter { $0.value > now }
        if state.retryDue(now) { return transition(state, .storeChanged) }
        return (state, [])
    case .storeChanged:
        var effects: [Effect] = [.load, .loadStatistics(state.period.period(now: state.now, calendar: state.calendar))]
        // An open dialog follows the store too: another coordinator may have taken a candidate.
        switch state.overlay {
        case .assign(let dialog) where state.writing == nil: effects.append(.loadCandidates(requestID: dialog.requestID))
        case .activity(let log): effects.append(.loadActivity(log.query(dongs: state.data?.dongs), limit: ActivityLog.limit))
        case .calls(let sheet): effects.append(sheet.reload)
        case .series(let sheet): effects.append(.loadSeries(sheet.seriesID))
        default: break
        }
        return (state, effects)
    case .loaded(let data):
        state.everythingArrived(data)
        return (state, [])
    case .requestsLoaded(let part):
        state.requestsArrived(part)
        return (state, [])
    case .volunteersLoaded(let roster):
        state.rosterArrived(roster)
        return (state, [])
    case .partFailed(let part, let message):
        state.partFailed(part, message)
        return (state, [])
    case .candidatesLoaded(let request, let ranking):
        state.candidatesLoaded(request, ranking)
        return (state, [])
    case .candidateSearchLoaded(let query, let ranking):
        state.candidateSearchLoaded(query: query, ranking)
        return (state, [])
    case .written(let write, let result):
        let effects = state.written(write, result)
        return (state, effects)
    case .writeFailed(let write, let failure):
        let effects = state.writeFailed(write, failure)
        return (state, effects)
    case .householdsLoaded(let households):
        state.householdsLoaded(households)
        return (state, [])
    case .activityLoaded(let query, let entries):
        state.activityLoaded(query, entries)
        return (state, [])
    case .planLoaded(let query, let plan):
        state.planLoaded(query, plan)
        return (state, [])
    case .callsLoaded(let day):
        let effects = state.callsLoaded(day)
        return (state, effects)
    case .messages(let event):
        let effects = state.messagesDone(event)
        return (state, effects)
    case .seriesLoaded(let page):
        state.seriesLoaded(page)
        return (state, [])
    case .statisticsLoaded(let statistics):
        state.statistics = statistics
        state.loads.statistics = .ready
        return (state, [])
    case .categoryStatisticsLoaded(let statistics):
        state.categoryStatistics = statistics
        return (state, [])
    case .freeVolunteersLoaded(let requestID, let ids):
        state.freeFor = (requestID, ids)
        state.selection[.volunteers] = 0
        return (state, [])
    case .failed(let message):
        state.storeProblem = message
        return (state, [])
    case .files(let event):
        return state.receive(event)
    case .records(let event):
        let effects = state.recordsEvent(event)
        return (state, effects)
    case .detailsLoaded(let requestID, let record):
        // Shown only if these details are still open: otherwise the read is logged, not shown.
        if case .requestDetails(requestID, _) = state.overlay { state.overlay = .requestDetails(requestID: requestID, shown: record) }
        return (state, [])
    case .key(let key):
        state.notice = nil
        state.noticeRole = .warning
        return state.handle(key)
    }
}

extension AppEvent {
    /// The requests pane's data came with this event.
    var bringsRequests: Bool {
        switch self {
        case .loaded, .requestsLoaded: true
        default: false
        }
    }
}

extension AppState {
    /// Requests whose version moved, or that appeared, are marked for a moment, but not on
    /// the first load: then everything is new.
    mutating func markChanges(from old: DashboardData?, to new: DashboardData) {
        guard let old else { return }
        let versions = Dictionary(old.requests.map { ($0.id, $0.version) }, uniquingKeysWith: { a, _ in a })
        for request in new.requests where versions[request.id] != request.version {
            changed[request.id] = now.addingTimeInterval(changeMarkSeconds)
        }
    }

    mutating func clampSelections() {
        for pane in Pane.allCases {
            let count = rowCount(pane)
            selection[pane] = max(0, min(selected(pane), count - 1))
        }
    }

    /// Rows in a page of the focused pane: the pane's height less its frame and header.
    var pageSize: Int {
        switch layout {
        case .threePanes: return max(1, (focus == .requests ? height - 2 : (height - 2) / 2) - 3)
        case .tabs: return max(1, height - 3 - 3)
        case .tooSmall: return 1
        }
    }

    /// A key for the panes, when no layer of `modes` is open: the main keymap's actions.
    mutating func handlePaneKey(_ key: Key) -> (AppState, [Effect]) {
        guard let action = keymap.action(for: key) else { return (self, []) }
        if let refused = refuseIfNotAllowed(action) { return refused }
        if let part = stillLoading(action) {
            // Waiting: press again in a moment. Failed: what failed, and how to read it again.
            notice = loads[part] == .waiting ? text(LoadingText.stillLoading(part))
                : "\(text(part.pane.title)) — \(waitingText(part) ?? "")"
            noticeRole = .muted
            return (self, [])
        }
        switch action {
        // Each mutates first, then returns: `(self, f())` would copy self before f ran.
        case .assign, .confirm, .start, .complete, .release, .cancel, .noShow:
            let effects = startLifecycle(action)
            return (self, effects)
        case .undo:
            let effects = startUndo()
            return (self, effects)
        case .newRequest:
            let effects = data == nil ? [] : openRequestForm()
            return (self, effects)
        case .activity:
            let effects = openActivity()
            return (self, effects)
        case .plan:
            let effects = data == nil ? [] : openPlan()
            return (self, effects)
        case .calls:
            let effects = openCalls()
            return (self, effects)
        case .booking:
            let effects = openBooking()
            return (self, effects)
        case .series:
            let effects = openSeriesPage()
            return (self, effects)
        case .returnLeg:
            let effects = openReturnLeg()
            return (self, effects)
        case .quit:
            // Nothing in the dashboard is unsaved yet, so q quits at once.
            quit = true
            return (self, [.quit])
        case .help: overlay = .help(offset: 0)
        case .credentials: overlay = .credentials(offset: 0)
        case .statisticsView: switchStatisticsView()
        case .nextPane: focus = Pane(rawValue: (focus.rawValue + 1) % 3) ?? .requests
        case .previousPane: focus = Pane(rawValue: (focus.rawValue + 2) % 3) ?? .requests
        case .requestsPane: focus = .requests
        case .volunteersPane: focus = .volunteers
        case .statisticsPane: focus = .statistics
        case .up: move(by: -1)
        case .down: move(by: 1)
        case .pageUp: move(by: -pageSize)
        case .pageDown: move(by: pageSize)
        case .top: move(to: 0)
        case .bottom: move(to: rowCount(focus) - 1)
        case .open:
            if focus == .requests, let request = selectedRequest {
                overlay = .requestDetails(requestID: request.id)
                return (self, detailsEffects(opening: request))
            }
            if focus == .volunteers, let volunteer = selectedVolunteer {
                let effects = openVolunteerPage(volunteer.id)
                return (self, effects)
            }
        case .filter: filterInput = TextInputState(text: filters[focus] ?? "")
        case .sort: cycleSort()
        case .scope:
            let dongs = data?.dongs.dongs ?? []
            overlay = .scopePicker(selected: scope.isEmpty ? Set(dongs.map(\.code)) : scope, cursor: 0)
        case .refresh: return (self, [.load, .loadStatistics(period.period(now: now, calendar: calendar))])
        case .previousPeriod, .nextPeriod:
            let step = action == .nextPeriod ? 1 : -1
            let count = PeriodChoice.allCases.count
            period = PeriodChoice(rawValue: (period.rawValue + step + count) % count) ?? .thisMonth
            return (self, [.loadStatistics(period.period(now: now, calendar: calendar))])
        case .freeOnly:
            if freeFor != nil {
                freeFor = nil
            } else if let request = selectedRequest {
                return (self, [.loadFreeVolunteers(requestID: request.id, span: request.span)])
            }
        case .back:
            if freeFor != nil { freeFor = nil } else if filters[focus] != nil { filters[focus] = nil }
        case .importFile: return startImport()
        case .exportPane: return exportFocusedPane()
        case .household:
            let effects = data == nil ? [] : openHouseholdPage()
            return (self, effects)
        case .runSheet:
            return (self, sheetForSelection())
        }
        return (self, [])
    }

    mutating func move(by delta: Int) { move(to: selected(focus) + delta) }

    mutating func move(to index: Int) {
        selection[focus] = max(0, min(index, rowCount(focus) - 1))
    }

    mutating func cycleSort() {
        switch focus {
        case .requests: requestSort = RequestSort(rawValue: (requestSort.rawValue + 1) % RequestSort.allCases.count) ?? .appointment
        case .volunteers: volunteerSort = VolunteerSort(rawValue: (volunteerSort.rawValue + 1) % VolunteerSort.allCases.count) ?? .name
        case .statistics:
            let next = (statisticsSort.column.rawValue + 1) % StatisticsSort.Column.allCases.count
            let column = StatisticsSort.Column(rawValue: next) ?? .requests
            statisticsSort = StatisticsSort(column: column, descending: column != .dong)
        }
        selection[focus] = 0
    }
}
