import Foundation
import HonsimCore

/// The monthly report as CSV for a spreadsheet: the figures of every dong, gu and the city with
/// the month before and the change as numbers of their own, then, after a blank line each, the
/// volunteers with the most hours and the cancellation reasons.
enum ReportCSV {
    static func render(_ report: MonthlyReport, language: Language) throws -> String {
        let t = { (phrase: Phrase) in phrase.text(language) }
        let before = language == .ko ? " (전월)" : " (previous)"
        let change = language == .ko ? " (증감)" : " (change)"
        let percent = { (rate: Double?) -> RecordTable.Value in rate.map { .text(String(format: "%.1f", $0 * 100)) } ?? .null }
        let hours = { (minutes: Int) -> RecordTable.Value in .text(ReportFigures.hours(minutes)) }
        var figures = RecordTable(columns: [
            t(ReportText.level), t(ReportText.gu), t(ReportText.dong),
            t(ReportText.requests), t(ReportText.requests) + before, t(ReportText.requests) + change,
            t(ReportText.completed), t(ReportText.completed) + before, t(ReportText.completed) + change,
            t(ReportText.cancelled), t(ReportText.noShows), t(ReportText.pending), t(ReportText.urgent),
            t(ReportText.rate) + " %", t(ReportText.rate) + " %" + before,
            t(ReportText.median) + (language == .ko ? " (분)" : " (min)"),
            t(ReportText.volunteerHours), t(ReportText.volunteerHours) + before,
            t(ReportText.volunteers), t(ReportText.households), t(ReportText.households) + before,
        ])
        for row in report.rows {
            let (now, then) = (row.current, row.previous)
            let number = { (value: Int) in RecordTable.Value.number(Int64(value)) }
            figures.rows.append([
                .text(ReportText.levelName(row.level).text(language)), .text(row.gu),
                .text(row.level == .dong ? row.name : ReportColumns.name(row, language)),
                number(now.requests), number(then.requests), number(now.requests - then.requests),
                number(now.completed), number(then.completed), number(now.completed - then.completed),
                number(now.cancelled), number(now.noShows), number(now.pending), number(now.urgentUnassigned),
                percent(now.fulfilmentRate), percent(then.fulfilmentRate),
                now.medianMinutesToAssign.map(number) ?? .null,
                hours(now.volunteerMinutes), hours(then.volunteerMinutes),
                number(now.activeVolunteers), number(now.householdsServed), number(then.householdsServed),
            ])
        }
        let volunteers = RecordTable(
            columns: [t(ReportText.rank), t(ReportText.volunteer), t(ReportText.dong), t(ReportText.escorts), t(ReportText.volunteerHours)],
            rows: report.topVolunteers.enumerated().map { index, volunteer in
                [.number(Int64(index + 1)), .text(volunteer.name), .text(volunteer.dong), .number(Int64(volunteer.escorts)), hours(volunteer.minutes)]
            })
        var reasons = RecordTable(columns: [t(ReportText.reason), t(ReportText.count), t(ReportText.share) + " %"],
                                  rows: report.reasons.map { [.text(ReportText.reasonText($0, language)), .number(Int64($0.count)), share($0.count, report.cancelled)] })
        if report.otherReasons > 0 {
            reasons.rows.append([.text(t(ReportText.otherReasons)), .number(Int64(report.otherReasons)), share(report.otherReasons, report.cancelled)])
        }
        return try [figures.spreadsheetCSV(), volunteers.spreadsheetCSV(), reasons.spreadsheetCSV()].joined(separator: "\n")
    }

    private static func share(_ count: Int, _ total: Int) -> RecordTable.Value {
        total == 0 ? .null : .text(String(format: "%.1f", Double(count) * 100 / Double(total)))
    }
}
