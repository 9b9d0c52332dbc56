import Foundation
import HonsimCore
import HonsimStore

/// A pane written out as CSV by `E`: its rows as they are listed (scope, filter and sort
/// applied), with names masked wherever the screen masks them. The file begins with a UTF-8
/// byte-order mark, without which Korean Excel opens Hangul as mojibake.
public struct PaneExport: Hashable, Sendable {
    /// Where to write: the dashboard's working folder.
    public var folder: String
    /// honsim-requests-20261130-1000.csv; the runner adds -2, -3 … rather than overwrite a file.
    public var fileName: String
    public var contents: String
    public var rows: Int
    /// The households whose names the file holds in full: recorded in the access log before
    /// the file is written.
    public var revealedHouseholds: [Int64] = []
}

extension AppState {
    mutating func exportFocusedPane() -> (AppState, [Effect]) {
        guard data != nil else {
            notice = text(Phrase(ko: "아직 자료를 불러오는 중입니다", en: "still loading"))
            return (self, [])
        }
        let table = paneTable(focus)
        guard let csv = try? table.spreadsheetCSV() else {
            notice = text(Phrase(ko: "CSV를 만들 수 없습니다", en: "cannot make the CSV"))
            return (self, [])
        }
        let day = CivilDate(now, calendar: calendar), time = ClockTime(now, calendar: calendar)
        let stamp = String(format: "%04d%02d%02d-%02d%02d", day.year, day.month, day.day, time.minutes / 60, time.minutes % 60)
        let name = ["requests", "volunteers", "statistics"][focus.rawValue]
        var export = PaneExport(folder: workingFolder, fileName: "honsim-\(name)-\(stamp).csv", contents: "\u{FEFF}" + csv,
                                rows: table.rows.count)
        if focus == .requests {
            let households = data?.households ?? [:]
            export.revealedHouseholds = Array(Set(visibleRequests.compactMap { households[$0.householdID] }.filter(showsFullDetails).map(\.id))).sorted()
        }
        return (self, [.files(.export(export))])
    }

    /// The focused pane's rows as a table, in the dashboard's language.
    func paneTable(_ pane: Pane) -> RecordTable {
        let t = { (phrase: Phrase) in phrase.text(language) }
        let stamp = { (date: Date) in "\(CivilDate(date, calendar: calendar)) \(ClockTime(date, calendar: calendar))" }
        switch pane {
        case .requests:
            let households = data?.households ?? [:]
            return RecordTable(
                columns: ["#", t(UIText.colWhen), t(UIText.colHousehold), t(UIText.colDong), t(UIText.colHospital),
                          t(UIText.labelTransport), t(UIText.colNeeds), t(UIText.colStatus)],
                rows: visibleRequests.map { request in
                    let household = households[request.householdID]
                    let status = request.isUrgent(now: now) ? t(UIText.urgent) : DomainPhrases.status(request.status).text(language)
                    return [.number(request.id), .text(stamp(request.appointmentAt)), .text(householdName(household)),
                            .text(dongName(request.dongCode)), .text([request.hospital, request.department].filter { !$0.isEmpty }.joined(separator: " ")),
                            .text(DomainPhrases.transport(request.transport).text(language)),
                            .text(needTags(household).joined(separator: ", ")), .text(status)]
                })
        case .volunteers:
            let summaries = data?.summaries ?? [:]
            return RecordTable(
                columns: ["#", t(UIText.colName), t(UIText.colDong), t(UIText.colSkills), t(ExportText.car),
                          t(UIText.colAssignments), t(UIText.colHours)],
                rows: visibleVolunteers.map { volunteer in
                    let summary = summaries[volunteer.id] ?? VolunteerSummary()
                    return [.number(volunteer.id), .text(maskAll ? Masking.name(volunteer.name) : volunteer.name),
                            .text(dongName(volunteer.dongCode)),
                            .text(volunteer.skills.sorted().map { DomainPhrases.skill($0).text(language) }.joined(separator: ", ")),
                            .text(t(volunteer.hasCar ? UIText.yes : UIText.no)), .number(Int64(summary.assignmentsThisWeek)),
                            .text(oneDecimal(Double(summary.minutesThisMonth) / 60))]
                })
        case .statistics:
            if statisticsView == .byCategory { return categoryTable() }
            let rows = statisticsRows ?? StatisticsRows(labels: [], figures: [], trends: [], totalRows: [])
            let label = period.period(now: now, calendar: calendar).label
            return RecordTable(
                columns: [t(ExportText.period), t(UIText.colDong), t(UIText.colRequests), t(UIText.colCompleted), t(UIText.colCancelled),
                          t(UIText.colNoShows), t(UIText.colPending), t(UIText.colUrgent), t(UIText.colRate) + " %",
                          t(UIText.colMedian) + (language == .ko ? " (분)" : " (min)"), t(UIText.colHoursGiven), t(UIText.colActive),
                          t(UIText.colServed)],
                rows: zip(rows.labels, rows.figures).map { name, figures in
                    let number = { (value: Int) in RecordTable.Value.number(Int64(value)) }
                    return [.text(label), .text(name), number(figures.requests), number(figures.completed), number(figures.cancelled),
                            number(figures.noShows), number(figures.pending), number(figures.urgentUnassigned),
                            figures.fulfilmentRate.map { .text(oneDecimal($0 * 100)) } ?? .null,
                            figures.medianMinutesToAssign.map(number) ?? .null, .text(oneDecimal(Double(figures.volunteerMinutes) / 60)),
                            number(figures.activeVolunteers), number(figures.householdsServed)]
                })
        }
    }
}

enum ExportText {
    static let car = Phrase(ko: "차량", en: "car")
    static let period = Phrase(ko: "기간", en: "period")
}
