import Foundation
import HonsimCore

extension PaneViews {
    /// Per-dong figures for the period, with gu and city totals below, a bar of the
    /// fulfilment rate, and the weekly requests as a sparkline.
    func drawStatistics(into canvas: inout Canvas, rect: Rect) {
        if state.statisticsView == .byCategory { return drawCategoryStatistics(into: &canvas, rect: rect) }
        let dongs = state.visibleDongs
        let period = state.period.period(now: state.now, calendar: state.calendar)
        let badge = "[ \(state.text(state.period.phrase)) \(period.label) ]"
        let inner = filterLine(.statistics, into: &canvas, inner: frame(.statistics, into: &canvas, rect: rect, count: dongs.count, badge: badge))
        guard let rows = state.statisticsRows else {
            table(.statistics, into: &canvas, rect: inner, columns: [], count: 0, rowRole: { _ in nil },
                  empty: state.waitingText(.statistics) ?? state.text(UIText.loading))
            return
        }
        let labels = rows.labels, figures = rows.figures, trends = rows.trends, totalRows = rows.totalRows
        let number = { (value: Int) in String(value) }
        let rate = { (i: Int) in figures[i].fulfilmentRate.map { "\(Int(($0 * 100).rounded()))%" } ?? "-" }
        let sorted = state.statisticsSort
        let heading = { (column: StatisticsSort.Column, phrase: Phrase) -> String in
            state.text(phrase) + (sorted.column == column ? (sorted.descending ? "↓" : "↑") : "")
        }
        let columns = [
            PaneColumn(column: TableColumn(title: heading(.dong, UIText.colDong), width: .fixed(11)), priority: 100) { labels[$0] },
            PaneColumn(column: TableColumn(title: heading(.requests, UIText.colRequests), width: .fixed(5), alignment: .right), priority: 95) { number(figures[$0].requests) },
            PaneColumn(column: TableColumn(title: heading(.completed, UIText.colCompleted), width: .fixed(5), alignment: .right), priority: 90) { number(figures[$0].completed) },
            PaneColumn(column: TableColumn(title: heading(.cancelled, UIText.colCancelled), width: .fixed(5), alignment: .right), priority: 60) { number(figures[$0].cancelled) },
            PaneColumn(column: TableColumn(title: heading(.noShows, UIText.colNoShows), width: .fixed(5), alignment: .right), priority: 55) { number(figures[$0].noShows) },
            PaneColumn(column: TableColumn(title: heading(.pending, UIText.colPending), width: .fixed(5), alignment: .right), priority: 85) { number(figures[$0].pending) },
            PaneColumn(column: TableColumn(title: heading(.urgent, UIText.colUrgent), width: .fixed(5), alignment: .right), priority: 88,
                       value: { number(figures[$0].urgentUnassigned) }, role: { figures[$0].urgentUnassigned > 0 ? .urgent : nil }),
            PaneColumn(column: TableColumn(title: heading(.rate, UIText.colRate), width: .fixed(6), alignment: .right), priority: 87, value: rate),
            PaneColumn(column: TableColumn(title: "", width: .fixed(10)), priority: 80,
                       value: { BarChart.bar(fraction: figures[$0].fulfilmentRate ?? 0, width: 10, lines: state.lines) }, role: { _ in .chartBar }),
            PaneColumn(column: TableColumn(title: heading(.median, UIText.colMedian), width: .fixed(10), alignment: .right), priority: 50) {
                figures[$0].medianMinutesToAssign.map(compactDuration) ?? "-"
            },
            PaneColumn(column: TableColumn(title: heading(.hours, UIText.colHoursGiven), width: .fixed(8), alignment: .right), priority: 70) {
                oneDecimal(Double(figures[$0].volunteerMinutes) / 60)
            },
            PaneColumn(column: TableColumn(title: heading(.volunteers, UIText.colActive), width: .fixed(6), alignment: .right), priority: 45) { number(figures[$0].activeVolunteers) },
            PaneColumn(column: TableColumn(title: heading(.households, UIText.colServed), width: .fixed(6), alignment: .right), priority: 44) { number(figures[$0].householdsServed) },
            PaneColumn(column: TableColumn(title: state.text(UIText.weeklyTrend), width: .fixed(12)), priority: 78,
                       value: { Sparkline.render(trends[$0].map(Double.init), width: 12, lines: state.lines) }, role: { _ in .sparkline }),
        ]
        table(.statistics, into: &canvas, rect: inner, columns: columns, count: labels.count,
              rowRole: { totalRows.contains($0) ? .accent : nil }, empty: emptyMessage)
    }

    /// Minutes under an hour, else hours to one decimal: fits a narrow column in both languages.
    private func compactDuration(_ minutes: Int) -> String {
        if minutes < 60 { return state.language == .ko ? "\(minutes)분" : "\(minutes) min" }
        let hours = oneDecimal(Double(minutes) / 60)
        return state.language == .ko ? "\(hours)시간" : "\(hours) h"
    }


}

/// What the statistics pane lists: the dongs in scope, then each gu's total and the city's
/// (exact figures, not sums). Worked out in `update` when the figures, scope, filter or sort
/// change, not on every frame: a city has 500 dongs.
public struct StatisticsRows: Sendable {
    var labels: [String]
    var figures: [AreaStatistics]
    var trends: [[Int]]
    var totalRows: Set<Int>
}

extension AppState {
    func computeStatisticsRows() -> StatisticsRows? {
        guard let report = statistics?.report else { return nil }
        let dongs = visibleDongs
        var rows = StatisticsRows(labels: dongs.map(\.name), figures: dongs.map { report.byDong[$0.code] ?? AreaStatistics() },
                                  trends: dongs.map { statistics?.weekly[$0.code] ?? [] }, totalRows: [])
        guard scope.isEmpty && (filters[.statistics] ?? "").isEmpty else { return rows }
        for gu in report.byGu.keys.sorted() {
            rows.totalRows.insert(rows.labels.count)
            rows.labels.append("\(gu) \(text(UIText.total))")
            rows.figures.append(report.byGu[gu] ?? AreaStatistics())
            let members = (data?.dongs.dongs ?? []).filter { $0.gu == gu }.map(\.code)
            rows.trends.append(Self.sumTrends(members.map { statistics?.weekly[$0] ?? [] }))
        }
        rows.totalRows.insert(rows.labels.count)
        rows.labels.append(text(UIText.city))
        rows.figures.append(report.city)
        rows.trends.append(Self.sumTrends(Array(statistics?.weekly.values ?? [:].values)))
        return rows
    }

    static func sumTrends(_ series: [[Int]]) -> [Int] {
        guard let length = series.map(\.count).max() else { return [] }
        return (0..<length).map { week in series.reduce(0) { $0 + (week < $1.count ? $1[week] : 0) } }
    }
}
