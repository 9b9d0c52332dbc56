import Foundation
import HonsimCore
import HonsimStore

public enum RequestSort: Int, CaseIterable, Sendable {
    /// Pending first (the urgent ones at the top), then the rest, each by time: the first row
    /// is the next request that needs a volunteer.
    case toDo
    case appointment, dong, status
    var phrase: Phrase {
        switch self {
        case .toDo: Phrase(ko: "할 일순", en: "to do first")
        case .appointment: Phrase(ko: "일시순", en: "by time")
        case .dong: Phrase(ko: "동순", en: "by dong")
        case .status: Phrase(ko: "상태순", en: "by status")
        }
    }
}

public enum VolunteerSort: Int, CaseIterable, Sendable {
    case name, dong, fewestHours, mostAssignments
    var phrase: Phrase {
        switch self {
        case .name: Phrase(ko: "이름순", en: "by name")
        case .dong: Phrase(ko: "동순", en: "by dong")
        case .fewestHours: Phrase(ko: "시간 적은 순", en: "fewest hours")
        case .mostAssignments: Phrase(ko: "배정 많은 순", en: "most escorts")
        }
    }
}

public struct RowInputs: Equatable, Sendable {
    var filter: String?
    var sort: Int
    var scope: Set<String>
    var extra: Int64
}

public struct StatisticsSort: Hashable, Sendable {
    public enum Column: Int, CaseIterable, Sendable {
        case dong, requests, completed, cancelled, noShows, pending, urgent, rate, median, hours, volunteers, households
    }
    public var column: Column
    public var descending: Bool
}

/// What each pane lists, after scope, filter and sort: shared by `update` (to move the
/// selection) and `view` (to draw), so both always agree.
extension AppState {
    /// Full names and phones only for households in the dongs chosen on screen, and only
    /// where the person's role allows (a coordinator's own dongs; never a viewer).
    func showsFullDetails(of household: Household) -> Bool {
        !maskAll && (scope.isEmpty || scope.contains(household.dongCode)) && access.seesFullDetails(dongCode: household.dongCode)
    }

    func householdName(_ household: Household?) -> String {
        guard let household else { return "?" }
        return showsFullDetails(of: household) ? household.name : Masking.name(household.name)
    }

    func dongName(_ code: String) -> String { data?.dongs.dong(code: code)?.name ?? code }

    func inScope(_ dongCode: String) -> Bool { scope.isEmpty || scope.contains(dongCode) }

    func needTags(_ household: Household?) -> [String] {
        guard let household else { return [] }
        var tags: [String] = []
        if household.mobility != .none { tags.append(DomainPhrases.mobility(household.mobility).text(language)) }
        tags += household.needs.sorted().map { DomainPhrases.need($0).text(language) }
        return tags
    }

    /// Works out what each pane lists. `update` calls it when the data or a filter, sort or
    /// scope changes, so drawing a frame or moving the selection never re-sorts thousands of rows.
    mutating func refreshRows(_ panes: Set<Pane> = Set(Pane.allCases)) {
        if panes.contains(.requests) { visibleRequests = computeVisibleRequests() }
        if panes.contains(.volunteers) { visibleVolunteerIndices = computeVisibleVolunteers() }
        if panes.contains(.statistics) {
            visibleDongs = computeVisibleDongs()
            statisticsRows = computeStatisticsRows()
        }
    }

    /// What each pane's list depends on; when that changes, only that list is worked out anew.
    func rowInputs(_ pane: Pane) -> RowInputs {
        switch pane {
        case .requests: RowInputs(filter: filters[.requests], sort: requestSort.rawValue, scope: scope, extra: 0)
        case .volunteers: RowInputs(filter: filters[.volunteers], sort: volunteerSort.rawValue, scope: scope,
                                    extra: freeFor.map { $0.requestID * 100_003 + Int64($0.volunteerIDs.count) } ?? -1)
        case .statistics: RowInputs(filter: filters[.statistics], sort: statisticsSort.column.rawValue * 2 + (statisticsSort.descending ? 1 : 0),
                                    scope: scope, extra: 0)
        }
    }

    func computeVisibleRequests() -> ListedRequests {
        guard let data else { return ListedRequests() }
        let query = SearchQuery(filters[.requests] ?? "")
        let requests = data.requests
        // Positions are filtered and sorted by small keys: requests are large to move around.
        var rows = requests.indices.filter { index in
            guard inScope(requests[index].dongCode) else { return false }
            guard !query.isEmpty else { return true }
            // Only what is on screen is searchable: a masked name must not be findable.
            let showsFull = data.households[requests[index].householdID].map(showsFullDetails(of:)) ?? false
            return data.requestSearch.matches(requests[index].id, query, showsFull: showsFull)
        }
        let key: ((Int) -> Int)?
        switch requestSort {
        case .appointment: key = nil  // loaded in appointment order
        case .toDo: key = { requests[$0].isUrgent(now: now) ? 0 : requests[$0].status == .pending ? 1 : 2 }
        case .dong:
            let byName = (data.dongs.dongs.map(\.name)).sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
            let rank = Dictionary(byName.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
            key = { rank[dongName(requests[$0].dongCode)] ?? .max }
        case .status: key = { RequestStatus.allCases.firstIndex(of: requests[$0].status) ?? 0 }
        }
        if let key { rows = rows.map { (key($0), $0) }.sorted { $0 < $1 }.map(\.1) }
        return ListedRequests(requests, positions: rows)
    }

    /// The volunteers the pane lists, in order.
    public var visibleVolunteers: [Volunteer] {
        guard let volunteers = data?.volunteers else { return [] }
        return visibleVolunteerIndices.map { volunteers[Int($0)] }
    }

    /// Keeps the listed volunteers that still match the (longer) filter.
    mutating func narrowVolunteers() {
        guard let data else { return }
        let query = SearchQuery(filters[.volunteers] ?? "")
        visibleVolunteerIndices = visibleVolunteerIndices.filter { data.volunteerSearch.matches(Int($0), query) }
    }

    func computeVisibleVolunteers() -> [Int32] {
        guard let data else { return [] }
        let query = SearchQuery(filters[.volunteers] ?? "")
        let volunteers = data.volunteers
        // Positions, not volunteers, are filtered, in an order worked out at load.
        let order = data.volunteerOrder(volunteerSort)
        let search = data.volunteerSearch
        return volunteers.withUnsafeBufferPointer { buffer in
            order.filter { position in
                let index = Int(position)
                guard !buffer[index].closed, scope.isEmpty || scope.contains(buffer[index].dongCode) else { return false }
                if let free = freeFor, !free.volunteerIDs.contains(buffer[index].id) { return false }
                return query.isEmpty || search.matches(index, query)
            }
        }
    }

    /// The dongs in scope, filtered and sorted by the chosen column.
    func computeVisibleDongs() -> [Dong] {
        guard let data else { return [] }
        let query = filters[.statistics] ?? ""
        var dongs = data.dongs.dongs.filter { inScope($0.code) && (query.isEmpty || SearchMatch.matches(query, in: $0.allNames + [$0.gu])) }
        guard let report = statistics?.report else { return dongs }
        let figure = { (dong: Dong) -> Double in
            let s = report.byDong[dong.code] ?? AreaStatistics()
            switch statisticsSort.column {
            case .dong: return 0
            case .requests: return Double(s.requests)
            case .completed: return Double(s.completed)
            case .cancelled: return Double(s.cancelled)
            case .noShows: return Double(s.noShows)
            case .pending: return Double(s.pending)
            case .urgent: return Double(s.urgentUnassigned)
            case .rate: return s.fulfilmentRate ?? -1
            case .median: return Double(s.medianMinutesToAssign ?? -1)
            case .hours: return Double(s.volunteerMinutes)
            case .volunteers: return Double(s.activeVolunteers)
            case .households: return Double(s.householdsServed)
            }
        }
        if statisticsSort.column == .dong {
            if statisticsSort.descending { dongs.reverse() }
        } else {
            dongs = dongs.enumerated().sorted { a, b in
                let fa = figure(a.element), fb = figure(b.element)
                if fa != fb { return statisticsSort.descending ? fa > fb : fa < fb }
                return a.offset < b.offset
            }.map(\.element)
        }
        return dongs
    }

    func rowCount(_ pane: Pane) -> Int {
        switch pane {
        case .requests: visibleRequests.count
        case .volunteers: visibleVolunteerIndices.count
        case .statistics: statisticsView == .byCategory ? categoryRowCount : visibleDongs.count
        }
    }

    public var selectedRequest: EscortRequest? {
        let rows = visibleRequests
        let index = selected(.requests)
        return rows.indices.contains(index) ? rows[index] : nil
    }

    func computeUrgentCount() -> Int {
        (data?.requests ?? []).filter { inScope($0.dongCode) && $0.isUrgent(now: now) }.count
    }
}
