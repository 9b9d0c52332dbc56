import Foundation
import HonsimCore
import HonsimStore

/// A standing series' page (`S` on a request of the series): the series, its dates ahead with
/// their volunteers, its standing volunteer, its changes, and what the last change did to its
/// dates. Its keys open the forms that change it (`[keys.series]`); each form is checked as
/// it is typed, and the store checks again and names the field it refuses.
public struct SeriesSheet: Hashable, Sendable {
    public var seriesID: Int64
    /// nil while the page is read.
    public var page: SeriesPage?
    /// How far the page is scrolled.
    public var offset = 0
    public var form: SeriesForm?
    /// What the last write did to the dates (released, cannot take…), listed on the page.
    public var outcome: SeriesOutcome?

    public init(seriesID: Int64) {
        self.seriesID = seriesID
    }
}

/// A write to a series, as the dashboard sends it down the one write path.
public enum SeriesWrite: Hashable, Sendable {
    case create(StandingSeries)
    case change(id: Int64, from: CivilDate, schedule: SeriesSchedule, version: Int)
    case pause(id: Int64, from: CivilDate, to: CivilDate, reason: String, version: Int)
    case resume(id: Int64, on: CivilDate, version: Int)
    case end(id: Int64, last: CivilDate, reason: String, version: Int)
    case assign(id: Int64, volunteerID: Int64, version: Int)

    func run(on store: any CaseStore, horizonDays: Int) async throws -> SeriesOutcome {
        switch self {
        case .create(let series): try await store.createSeries(series, horizonDays: horizonDays)
        case .change(let id, let from, let schedule, let version):
            try await store.changeSeries(id: id, from: from, schedule: schedule, expectedVersion: version, horizonDays: horizonDays)
        case .pause(let id, let from, let to, let reason, let version):
            try await store.pauseSeries(id: id, from: from, to: to, reason: reason, expectedVersion: version)
        case .resume(let id, let on, let version): try await store.resumeSeries(id: id, on: on, expectedVersion: version)
        case .end(let id, let last, let reason, let version):
            try await store.endSeries(id: id, lastDay: last, reason: reason, expectedVersion: version)
        case .assign(let id, let volunteerID, let version): try await store.assignSeries(id: id, volunteerID: volunteerID, expectedVersion: version)
        }
    }
}

extension SeriesSheet: Component {
    mutating func update(_ key: Key, _ around: Surroundings) -> Reply {
        if var open = form {
            let reply = open.update(key, around, series: page?.series)
            form = reply.close ? nil : open
            var passed = reply
            passed.close = false
            return passed
        }
        if around.keys.list.move(&offset, last: 500, for: key) { return .stay }
        guard let action = around.keys.series.action(for: key) else { return .stay }
        if action == .close { return .closing() }
        guard let series = page?.series, let kind = action.form else { return .stay }
        guard around.access.canChange(dongCode: series.dongCode), !around.access.readOnly else {
            var reply = Reply.stay
            reply.notice = around.access.refusal(dongNames: around.accessDongNames).text(around.language)
            return reply
        }
        form = SeriesForm(kind: kind, series: series, language: around.language, today: CivilDate(around.now, calendar: around.calendar))
        return .stay
    }
}

extension AppState {
    /// `S`: the page of the selected request's series.
    mutating func openSeriesPage() -> [Effect] {
        guard focus == .requests, let request = selectedRequest, let id = StandingSeries.seriesID(of: request) else {
            notice = text(SeriesText.notASeries)
            return []
        }
        overlay = .series(SeriesSheet(seriesID: id))
        return [.loadSeries(id)]
    }

    mutating func seriesLoaded(_ page: SeriesPage) {
        guard case .series(var sheet) = overlay, sheet.seriesID == page.series.id else { return }
        sheet.page = page
        overlay = .series(sheet)
    }

    /// A series write came back: the page lists what it did to the dates and is read again; a
    /// series made from the new-request form closes the form and selects its first date.
    mutating func seriesWritten(_ write: SeriesWrite, _ result: WriteResult) -> [Effect] {
        // Past a household's limit the series is made all the same, and the notice says so.
        noticeRole = (result.series?.limits.isEmpty ?? true) ? .ok : .warning
        notice = seriesSummary(result)
        var effects: [Effect] = [.load, .loadStatistics(period.period(now: now, calendar: calendar))]
        switch overlay {
        case .series(var sheet):
            sheet.form = nil
            sheet.outcome = result.series
            overlay = .series(sheet)
            effects.append(.loadSeries(sheet.seriesID))
        case .newRequest:
            overlay = nil
            focusAfterLoad = result.series?.made.first?.id
        default: break
        }
        return effects
    }

    mutating func seriesWriteFailed(_ write: WriteRequest, _ failure: WriteFailure) -> [Effect] {
        switch overlay {
        case .series(var sheet) where sheet.form != nil:
            guard var open = sheet.form else { return [] }
            open.message = failure.formMessage(fields: Set(open.form.fields.map(\.key)), language: language)
            // Each field the store names gets its words beside it (an overlap with another series: the time).
            for (field, phrase) in failure.fieldIssues where open.form.index(of: field) != nil {
                open.form.setError(field, phrase.text(language))
            }
            open.form.focusFirstError()
            sheet.form = open
            overlay = .series(sheet)
        case .newRequest(var form):
            form.message = failure.message
            overlay = .newRequest(form)
        default:
            overlay = .problem(WriteProblem(message: failure.message, retry: failure.retryable ? write : nil))
        }
        return failure.conflict ? [.load] : []
    }

    func seriesSummary(_ result: WriteResult) -> String {
        guard let outcome = result.series else { return text(SeriesText.saved) }
        let counts: [(Phrase, Int)] = [
            (SeriesText.made, outcome.made.count), (SeriesText.assigned, outcome.assigned.count),
            (SeriesText.released, outcome.released.count), (SeriesText.cancelled, outcome.cancelled.count),
            (SeriesText.cannotTake, outcome.cannotTake.count),
        ]
        let limits = outcome.limits.map { "! \(text(SeriesText.limitFlag)): \(text(SeriesLimitDates.phrase($0)))" }
        return (["\(text(SeriesText.saved)) #\(outcome.series.id)"] + counts.filter { $0.1 > 0 }.map { "\(text($0.0)) \($0.1)" } + limits)
            .joined(separator: " · ")
    }
}
