import Foundation
import HonsimCore
import HonsimStore

public enum RequestSort: Int, CaseIterable, Sendable {
    case appointment, urgency, dong, status
    var phrase: Phrase {
        switch self {
        case .appointment: Phrase(ko: "일시순", en: "by time")
        case .urgency: Phrase(ko: "긴급순", en: "urgent first")
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
    /// Full names and phones only for households in the coordinator's dongs.
    func showsFullDetails(of household: Household) -> Bool {
        !maskAll && (scope.isEmpty || scope.contains(household.dongCode))
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

    public var visibleRequests: [EscortRequest] {
        guard let data else { return [] }
        let query = filters[.requests] ?? ""
        var rows = data.requests.filter { inScope($0.dongCode) }
        if !query.isEmpty {
            rows = rows.filter { request in
                let household = data.households[request.householdID]
                let dong = data.dongs.dong(code: request.dongCode)
                // Only what is on screen is searchable: a masked name must not be findable.
                let fields = [householdName(household), request.hospital, request.department,
                              DomainPhrases.status(request.status).text(language)] + (dong?.allNames ?? []) + needTags(household)
                return SearchMatch.matches(query, in: fields)
            }
        }
        switch requestSort {
        case .appointment: break
        case .urgency: rows = rows.enumerated().sorted { a, b in
            let ua = a.element.isUrgent(now: now), ub = b.element.isUrgent(now: now)
            return ua != ub ? ua : a.offset < b.offset
        }.map(\.element)
        case .dong: rows = rows.enumerated().sorted { a, b in
            let da = dongName(a.element.dongCode), db = dongName(b.element.dongCode)
            return da != db ? da < db : a.offset < b.offset
        }.map(\.element)
        case .status: rows = rows.enumerated().sorted { a, b in
            let sa = RequestStatus.allCases.firstIndex(of: a.element.status) ?? 0
            let sb = RequestStatus.allCases.firstIndex(of: b.element.status) ?? 0
            return sa != sb ? sa < sb : a.offset < b.offset
        }.map(\.element)
        }
        return rows
    }

    public var visibleVolunteers: [Volunteer] {
        guard let data else { return [] }
        let query = filters[.volunteers] ?? ""
        var rows = data.volunteers.filter { !$0.closed && inScope($0.dongCode) }
        if let free = freeFor { rows = rows.filter { free.volunteerIDs.contains($0.id) } }
        if !query.isEmpty {
            rows = rows.filter { volunteer in
                let dong = data.dongs.dong(code: volunteer.dongCode)
                let fields = [volunteer.name] + (dong?.allNames ?? []) + volunteer.skills.map { DomainPhrases.skill($0).text(language) }
                return SearchMatch.matches(query, in: fields)
            }
        }
        let summary = { (id: Int64) in data.summaries[id] ?? VolunteerSummary() }
        switch volunteerSort {
        case .name: rows.sort { ($0.name, $0.id) < ($1.name, $1.id) }
        case .dong: rows.sort { (dongName($0.dongCode), $0.name) < (dongName($1.dongCode), $1.name) }
        case .fewestHours: rows.sort { (summary($0.id).minutesThisMonth, $0.id) < (summary($1.id).minutesThisMonth, $1.id) }
        case .mostAssignments: rows.sort { (summary($0.id).assignmentsThisWeek, $1.id) > (summary($1.id).assignmentsThisWeek, $0.id) }
        }
        return rows
    }

    /// The dongs in scope, filtered and sorted by the chosen column.
    public var visibleDongs: [Dong] {
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
        case .volunteers: visibleVolunteers.count
        case .statistics: visibleDongs.count
        }
    }

    public var selectedRequest: EscortRequest? {
        let rows = visibleRequests
        let index = selected(.requests)
        return rows.indices.contains(index) ? rows[index] : nil
    }

    public var urgentCount: Int {
        (data?.requests ?? []).filter { inScope($0.dongCode) && $0.isUrgent(now: now) }.count
    }
}
