import Foundation
import HonsimCore

/// The monthly report as Markdown: tables, and text bars in a code block, which read well in a
/// terminal, in a mail and pasted into a document.
enum ReportMarkdown {
    static func render(_ report: MonthlyReport, language: Language) -> String {
        let t = { (phrase: Phrase) in phrase.text(language) }
        var out = "# \(t(ReportText.title)) — \(report.label)\n\n\(ReportText.header(report, language))\n\n"

        let columns = ReportColumns.figures(language)
        out += "## \(t(ReportText.summary))\n\n"
        out += table(header: [""] + columns.map(\.title), numeric: [false] + columns.map(\.numeric),
                     rows: report.totals.map { row in [ReportColumns.name(row, language)] + columns.map { $0.cell(row) } })

        out += "\n## \(t(ReportText.byDong))\n\n"
        out += table(header: [t(ReportText.gu), t(ReportText.dong)] + columns.map(\.title), numeric: [false, false] + columns.map(\.numeric),
                     rows: report.rows.map { row in
                         let name = ReportColumns.name(row, language)
                         let cells = [row.level == .dong ? row.gu : "", row.level == .dong ? name : "**\(name)**"]
                         return cells + columns.map { $0.cell(row) }
                     })

        out += "\n## \(t(ReportText.chart))\n\n```text\n\(bars(report))\(t(ReportText.chartLegend))\n```\n"

        out += categorySection(report, language: language)

        out += "\n## \(t(ReportText.hours))\n\n\(ReportText.hoursLine(report, language))\n\n"
        if report.topVolunteers.isEmpty {
            out += t(ReportText.noHours) + "\n"
        } else {
            out += table(header: [t(ReportText.rank), t(ReportText.volunteer), t(ReportText.dong), t(ReportText.escorts), t(ReportText.volunteerHours)],
                         numeric: [true, false, false, true, true],
                         rows: report.topVolunteers.enumerated().map { index, volunteer in
                             ["\(index + 1)", volunteer.name, volunteer.dong, "\(volunteer.escorts)", ReportFigures.hours(volunteer.minutes)]
                         })
        }

        out += "\n## \(t(ReportText.reasons))\n\n"
        if report.cancelled == 0 {
            out += t(ReportText.noCancellations) + "\n"
        } else {
            var rows = report.reasons.map { [ReportText.reasonText($0, language), "\($0.count)", share($0.count, of: report.cancelled),
                                              BarChartText.bar($0.count, of: report.reasons.first?.count ?? 1, width: 20)] }
            if report.otherReasons > 0 {
                rows.append([t(ReportText.otherReasons), "\(report.otherReasons)", share(report.otherReasons, of: report.cancelled), ""])
            }
            out += table(header: [t(ReportText.reason), t(ReportText.count), t(ReportText.share), ""], numeric: [false, true, true, false], rows: rows)
        }
        return out
    }

    /// The month's requests by eligibility category: whom the service reached.
    static func categorySection(_ report: MonthlyReport, language: Language) -> String {
        let ko = language == .ko
        let out = "\n## \(ko ? "대상 구분별" : "By eligibility category")\n\n"
        let rows = report.byCategory.withRequests
        guard !rows.isEmpty else { return out + (ko ? "요청 없음\n" : "no requests\n") }
        return out + CategoryReport.markdownTable(rows, total: report.byCategory.total, language: language)
    }

    static func share(_ count: Int, of total: Int) -> String {
        total == 0 ? "-" : "\(Int((Double(count) * 100 / Double(total)).rounded()))%"
    }

    /// A Markdown table; a | or a line break in a cell would break the table, so they are escaped.
    static func table(header: [String], numeric: [Bool], rows: [[String]]) -> String {
        let escape = { (text: String) in TerminalText.sanitize(text).replacingOccurrences(of: "|", with: "\\|") }
        var out = "| " + header.map(escape).joined(separator: " | ") + " |\n"
        out += "|" + numeric.map { $0 ? " ---: |" : " --- |" }.joined() + "\n"
        for row in rows { out += "| " + row.map(escape).joined(separator: " | ") + " |\n" }
        return out
    }

    /// One line per dong: the name padded to the widest (Hangul takes two columns), completed
    /// escorts in full blocks and the other requests shaded, scaled to the busiest dong.
    static func bars(_ report: MonthlyReport) -> String {
        let dongs = report.rows.filter { $0.level == .dong }
        let widest = dongs.map { DisplayWidth.of($0.name) }.max() ?? 0
        let most = max(1, dongs.map(\.current.requests).max() ?? 1)
        return dongs.map { row in
            let name = TerminalText.sanitize(row.name)
            let pad = String(repeating: " ", count: widest - DisplayWidth.of(name))
            let full = BarChartText.bar(row.current.completed, of: most, width: 30)
            let all = BarChartText.cells(row.current.requests, of: most, width: 30)
            let rest = String(repeating: "░", count: max(0, all - full.count))
            return "\(name)\(pad)  \(full)\(rest) \(row.current.requests) (\(row.current.completed))\n"
        }.joined()
    }
}

/// Text bars in whole block characters, so that two bars on a line add up.
enum BarChartText {
    static func cells(_ value: Int, of most: Int, width: Int) -> Int {
        guard most > 0, value > 0 else { return 0 }
        return max(1, Int((Double(value) / Double(most) * Double(width)).rounded()))
    }

    static func bar(_ value: Int, of most: Int, width: Int) -> String {
        String(repeating: "█", count: cells(value, of: most, width: width))
    }
}
