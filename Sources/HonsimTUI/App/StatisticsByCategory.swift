import Foundation
import HonsimCore
import HonsimStore

/// What the statistics pane shows: the period's figures by dong (with gu and city totals), or
/// by the households' eligibility categories. `v` switches between them.
public enum StatisticsView: Int, CaseIterable, Sendable {
    case byDong, byCategory
}

/// The period's figures by eligibility category, for the dongs they were read for (nil: all).
public struct CategoryStatistics: Sendable {
    public var period: StatisticsPeriod
    public var dongCodes: Set<String>?
    public var breakdown: CategoryBreakdown

    public init(period: StatisticsPeriod, dongCodes: Set<String>?, breakdown: CategoryBreakdown) {
        self.period = period
        self.dongCodes = dongCodes
        self.breakdown = breakdown
    }
}

/// The words of the pane by category.
public enum CategoryText {
    public static let title = Phrase(ko: "구분별 통계", en: "By category")
    public static let colCategory = Phrase(ko: "대상 구분", en: "category")
    public static let colHouseholds = Phrase(ko: "대상자", en: "people")
    /// Volunteer hours, as the per-dong "봉사시간": short, so that every figure fits beside the requests pane.
    public static let colHours = Phrase(ko: "시간", en: "hours")
    public static let colShare = Phrase(ko: "요청 비율", en: "share")
    public static let total = CategoryBreakdown.totalName
    public static let note = CategoryBreakdown.countingNote
    public static let scopedDongs = Phrase(ko: "고른 동", en: "dongs chosen")
    public static let switchToCategory = Phrase(ko: "구분별", en: "by category")
    public static let switchToDong = Phrase(ko: "동별", en: "by dong")

    static let all = [title, colCategory, colHouseholds, colHours, colShare, total, note, scopedDongs, switchToCategory, switchToDong]
}

extension AppState {
    /// The figures the pane by category needs now: the period on screen, the dongs in scope.
    var categoryQuery: (period: StatisticsPeriod, dongCodes: Set<String>?) {
        (period.period(now: now, calendar: calendar), scope.isEmpty ? nil : scope)
    }

    /// The figures by category when they are the ones asked for now; nil while they are read.
    var currentCategoryStatistics: CategoryStatistics? {
        guard let loaded = categoryStatistics else { return nil }
        let query = categoryQuery
        return loaded.period == query.period && loaded.dongCodes == query.dongCodes ? loaded : nil
    }

    /// Rows of the pane by category: every category, "not recorded", then the total.
    var categoryRowCount: Int { EligibilityCategory.allCases.count + 2 }

    /// A key's word in the status bar: for `v`, the view it switches to.
    func hintPhrase(_ action: Action) -> Phrase {
        guard action == .statisticsView else { return action.phrase }
        return statisticsView == .byDong ? CategoryText.switchToCategory : CategoryText.switchToDong
    }

    /// The tab's and the frame's name of a pane, as it shows now.
    func paneTitle(_ pane: Pane) -> Phrase {
        pane == .statistics && statisticsView == .byCategory ? CategoryText.title : pane.title
    }

    /// `v`: the other view of the statistics, in focus.
    mutating func switchStatisticsView() {
        statisticsView = statisticsView == .byDong ? .byCategory : .byDong
        focus = .statistics
        selection[.statistics] = 0
    }

    /// What the pane by category must read after a transition: on switching to it, and, while
    /// it shows, whenever the per-dong figures are read again (another period, a change in the
    /// store, `r`) or the dongs in scope change.
    func categoryEffects(before: AppState, effects: [Effect]) -> [Effect] {
        guard statisticsView == .byCategory else { return [] }
        let query = categoryQuery
        let load = Effect.loadCategoryStatistics(query.period, dongCodes: query.dongCodes)
        if effects.contains(load) { return [] }
        let rereads = effects.contains { if case .loadStatistics = $0 { true } else { false } }
        let moved = before.statisticsView != .byCategory || before.scope != scope
        return rereads || moved ? [load] : []
    }
}

extension PaneViews {
    /// The period's requests by eligibility category for the dongs in scope: requests,
    /// completed, no-shows, cancelled, hours, households and each row's share of the requests,
    /// the total below, and a note on how households of several categories are counted.
    func drawCategoryStatistics(into canvas: inout Canvas, rect: Rect) {
        let period = state.period.period(now: state.now, calendar: state.calendar)
        // The dongs counted are the scope's, which the title bar names; "dongs chosen" says so here.
        let scoped = state.scope.isEmpty ? "" : " · \(state.text(CategoryText.scopedDongs))"
        let badge = "[ \(state.text(state.period.phrase)) \(period.label)\(scoped) ]"
        let inner = PaneFrame.draw(into: &canvas, rect: rect, title: "\(Pane.statistics.rawValue + 1) \(state.text(CategoryText.title))",
                                   focused: state.focus == .statistics, badge: badge, lines: state.lines, theme: theme)
        guard let loaded = state.currentCategoryStatistics else {
            table(.statistics, into: &canvas, rect: inner, columns: [], count: 0, rowRole: { _ in nil }, empty: state.text(UIText.loading))
            return
        }
        let breakdown = loaded.breakdown
        let rows = breakdown.rows + [breakdown.total]
        let totalRow = rows.count - 1
        let name = { (i: Int) in i == totalRow ? state.text(CategoryText.total) : state.text(rows[i].name) }
        let number = { (value: Int) in String(value) }
        let share = { (i: Int) -> Double in breakdown.total.requests == 0 ? 0 : Double(rows[i].requests) / Double(breakdown.total.requests) }
        let nameWidth = state.language == .ko ? 13 : 17
        let columns = [
            PaneColumn(column: TableColumn(title: state.text(CategoryText.colCategory), width: .fixed(nameWidth)), priority: 100, value: name),
            PaneColumn(column: TableColumn(title: state.text(UIText.colRequests), width: .fixed(5), alignment: .right), priority: 95) { number(rows[$0].requests) },
            PaneColumn(column: TableColumn(title: state.text(UIText.colCompleted), width: .fixed(5), alignment: .right), priority: 90) { number(rows[$0].completed) },
            PaneColumn(column: TableColumn(title: state.text(UIText.colNoShows), width: .fixed(5), alignment: .right), priority: 70) { number(rows[$0].noShows) },
            PaneColumn(column: TableColumn(title: state.text(UIText.colCancelled), width: .fixed(5), alignment: .right), priority: 65) { number(rows[$0].cancelled) },
            PaneColumn(column: TableColumn(title: state.text(CategoryText.colHours), width: .fixed(6), alignment: .right), priority: 80) {
                state.compactHours(rows[$0].minutes)
            },
            PaneColumn(column: TableColumn(title: state.text(CategoryText.colHouseholds), width: .fixed(6), alignment: .right), priority: 85) {
                number(rows[$0].households)
            },
            PaneColumn(column: TableColumn(title: state.text(CategoryText.colShare), width: .fixed(6), alignment: .right), priority: 50) {
                $0 == totalRow ? "" : "\(Int((share($0) * 100).rounded()))%"
            },
            PaneColumn(column: TableColumn(title: "", width: .fixed(10)), priority: 40,
                       value: { $0 == totalRow ? "" : BarChart.bar(fraction: share($0), width: 10, lines: state.lines) }, role: { _ in .chartBar }),
        ]
        // The note under the table, when the pane has room for both.
        let note = TerminalText.wrap(state.text(CategoryText.note), width: max(1, inner.width - 1))
        let (tableRect, noteRect) = inner.height >= rows.count + 2 + note.count ? inner.splitTop(inner.height - note.count) : (inner, Rect(x: 0, y: 0, width: 0, height: 0))
        table(.statistics, into: &canvas, rect: tableRect, columns: columns, count: rows.count,
              rowRole: { $0 == totalRow ? .accent : rows[$0].requests == 0 ? .muted : nil }, empty: emptyMessage)
        for (offset, line) in note.enumerated() where offset < noteRect.height {
            canvas.write(line, x: noteRect.x, y: noteRect.y + offset, style: theme.style(.muted), clip: noteRect)
        }
    }
}

extension AppState {
    /// Hours to one decimal under a thousand, whole above: a city's year still fits six columns.
    func compactHours(_ minutes: Int) -> String {
        minutes < 60_000 ? oneDecimal(Double(minutes) / 60) : String(Int((Double(minutes) / 60).rounded()))
    }

    /// The pane by category as `E` saves it: what it shows, the total included.
    func categoryTable() -> RecordTable {
        let t = { (phrase: Phrase) in phrase.text(language) }
        let label = period.period(now: now, calendar: calendar).label
        guard let breakdown = currentCategoryStatistics?.breakdown else { return RecordTable(columns: [], rows: []) }
        let number = { (value: Int) in RecordTable.Value.number(Int64(value)) }
        return RecordTable(
            columns: [t(ExportText.period), t(CategoryText.colCategory), t(UIText.colRequests), t(UIText.colCompleted), t(UIText.colNoShows),
                      t(UIText.colCancelled), t(UIText.colHoursGiven), t(CategoryText.colHouseholds)],
            rows: (breakdown.rows + [breakdown.total]).enumerated().map { index, row in
                [.text(label), .text(index == breakdown.rows.count ? t(CategoryText.total) : t(row.name)), number(row.requests),
                 number(row.completed), number(row.noShows), number(row.cancelled), .text(oneDecimal(Double(row.minutes) / 60)),
                 number(row.households)]
            })
    }
}
