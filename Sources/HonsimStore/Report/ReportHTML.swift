import Foundation
import HonsimCore

/// The monthly report as one self-contained HTML page (no scripts, nothing fetched), with SVG
/// bar charts, that prints on A4 and opens in any browser of a council's office.
enum ReportHTML {
    static func render(_ report: MonthlyReport, language: Language) -> String {
        let t = { (phrase: Phrase) in escape(phrase.text(language)) }
        let columns = ReportColumns.figures(language)
        var body = "<h1>\(t(ReportText.title)) — \(report.label)</h1>\n"
        body += "<p class=\"meta\">\(escape(ReportText.header(report, language)))</p>\n"
        body += "<h2>\(t(ReportText.summary))</h2>\n"
        body += table(header: [""] + columns.map(\.title), numeric: [false] + columns.map(\.numeric),
                      rows: report.totals.map { row in ([ReportColumns.name(row, language)] + columns.map { $0.cell(row) }, "total") })
        body += "<h2>\(t(ReportText.byDong))</h2>\n"
        body += table(header: [ReportText.gu.text(language), ReportText.dong.text(language)] + columns.map(\.title),
                      numeric: [false, false] + columns.map(\.numeric),
                      rows: report.rows.map { row in
                          let name = ReportColumns.name(row, language)
                          return ([row.level == .dong ? row.gu : "", name] + columns.map { $0.cell(row) }, row.level == .dong ? nil : "total")
                      })
        body += "<h2>\(t(ReportText.chart))</h2>\n" + dongChart(report, language: language)
        body += "<h2>\(t(ReportText.hours))</h2>\n<p>\(escape(ReportText.hoursLine(report, language)))</p>\n"
        if report.topVolunteers.isEmpty {
            body += "<p>\(t(ReportText.noHours))</p>\n"
        } else {
            body += table(header: [ReportText.rank, ReportText.volunteer, ReportText.dong, ReportText.escorts, ReportText.volunteerHours].map { $0.text(language) },
                          numeric: [true, false, false, true, true],
                          rows: report.topVolunteers.enumerated().map { index, volunteer in
                              (["\(index + 1)", volunteer.name, volunteer.dong, "\(volunteer.escorts)", ReportFigures.hours(volunteer.minutes)], nil)
                          })
        }
        body += "<h2>\(t(ReportText.reasons))</h2>\n"
        if report.cancelled == 0 {
            body += "<p>\(t(ReportText.noCancellations))</p>\n"
        } else {
            var items = report.reasons.map { (ReportText.reasonText($0, language), $0.count) }
            if report.otherReasons > 0 { items.append((ReportText.otherReasons.text(language), report.otherReasons)) }
            body += barChart(items.map { (label: $0.0, value: $0.1, text: "\($0.1) (\(ReportMarkdown.share($0.1, of: report.cancelled)))") })
        }
        return """
            <!DOCTYPE html>
            <html lang="\(language.rawValue)">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(t(ReportText.title)) — \(report.label)</title>
            <style>
            body { font-family: "Noto Sans KR", "Malgun Gothic", "Apple SD Gothic Neo", sans-serif; margin: 2em auto; max-width: 72em; color: #222; }
            h1 { font-size: 1.5em; border-bottom: 2px solid #2a5d9f; padding-bottom: .3em; }
            h2 { font-size: 1.15em; margin-top: 1.8em; color: #2a5d9f; }
            .meta { color: #555; }
            table { border-collapse: collapse; font-size: .85em; margin: .5em 0; }
            th, td { border: 1px solid #ccc; padding: .25em .5em; }
            th { background: #eef2f8; }
            td.n { text-align: right; white-space: nowrap; }
            tr.total td { font-weight: bold; background: #f6f6f6; }
            svg text { font-size: 12px; fill: #222; }
            @media print { body { margin: 0; max-width: none; } h2 { break-after: avoid; } table, svg { break-inside: avoid; } }
            </style>
            </head>
            <body>
            \(body)</body>
            </html>

            """
    }

    /// `text` escaped (see `escape`), written at the end of `out`.
    static func append(_ text: String, to out: inout String) {
        out += escape(text)
    }

    static func escape(_ text: String) -> String {
        // Most text has nothing to escape: a day's run sheets pass tens of thousands of values here.
        let clean = TerminalText.sanitize(text)
        if !clean.utf8.contains(where: { $0 == UInt8(ascii: "&") || $0 == UInt8(ascii: "<") || $0 == UInt8(ascii: ">") || $0 == UInt8(ascii: "\"") }) {
            return clean
        }
        var out = ""
        for character in clean {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            default: out.append(character)
            }
        }
        return out
    }

    static func table(header: [String], numeric: [Bool], rows: [(cells: [String], rowClass: String?)]) -> String {
        var out = "<table>\n<tr>" + header.map { "<th>\(escape($0))</th>" }.joined() + "</tr>\n"
        for row in rows {
            out += "<tr\(row.rowClass.map { " class=\"\($0)\"" } ?? "")>"
            out += zip(row.cells, numeric).map { cell, isNumber in "<td\(isNumber ? " class=\"n\"" : "")>\(escape(cell))</td>" }.joined()
            out += "</tr>\n"
        }
        return out + "</table>\n"
    }

    /// Every dong's requests as a pale bar with its completed escorts in a dark one over it.
    static func dongChart(_ report: MonthlyReport, language: Language) -> String {
        let dongs = report.rows.filter { $0.level == .dong }
        let most = Double(max(1, dongs.map(\.current.requests).max() ?? 1))
        let (label, plot, rowHeight) = (120.0, 480.0, 20.0)
        let height = Double(dongs.count) * rowHeight + 30
        let completed = escape(ReportText.completed.text(language)), requests = escape(ReportText.requests.text(language))
        let allRequests = escape(ReportText.allRequests.text(language))
        var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(Int(label + plot + 110))\" height=\"\(Int(height))\" role=\"img\" aria-label=\"\(escape(ReportText.chart.text(language)))\">\n"
        for (index, row) in dongs.enumerated() {
            let y = Double(index) * rowHeight
            let all = plot * Double(row.current.requests) / most, done = plot * Double(row.current.completed) / most
            svg += "<g><title>\(escape(row.name)): \(requests) \(row.current.requests), \(completed) \(row.current.completed)</title>"
            svg += "<text x=\"\(Int(label - 6))\" y=\"\(f(y + 14))\" text-anchor=\"end\">\(escape(row.name))</text>"
            svg += "<rect x=\"\(Int(label))\" y=\"\(f(y + 3))\" width=\"\(f(all))\" height=\"14\" fill=\"#b8cce8\"/>"
            svg += "<rect x=\"\(Int(label))\" y=\"\(f(y + 3))\" width=\"\(f(done))\" height=\"14\" fill=\"#2a5d9f\"/>"
            svg += "<text x=\"\(f(label + all + 6))\" y=\"\(f(y + 14))\">\(row.current.requests) (\(row.current.completed))</text></g>\n"
        }
        let legendY = Double(dongs.count) * rowHeight + 18
        svg += "<rect x=\"\(Int(label))\" y=\"\(f(legendY - 10))\" width=\"12\" height=\"12\" fill=\"#2a5d9f\"/><text x=\"\(Int(label + 16))\" y=\"\(f(legendY))\">\(completed)</text>"
        svg += "<rect x=\"\(Int(label + 90))\" y=\"\(f(legendY - 10))\" width=\"12\" height=\"12\" fill=\"#b8cce8\"/><text x=\"\(Int(label + 106))\" y=\"\(f(legendY))\">\(allRequests)</text>\n"
        return svg + "</svg>\n"
    }

    /// Horizontal bars with their labels on the left and their figures on the right.
    static func barChart(_ items: [(label: String, value: Int, text: String)]) -> String {
        let most = Double(max(1, items.map(\.value).max() ?? 1))
        let (label, plot, rowHeight) = (200.0, 360.0, 22.0)
        var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(Int(label + plot + 110))\" height=\"\(Int(Double(items.count) * rowHeight + 4))\" role=\"img\">\n"
        for (index, item) in items.enumerated() {
            let y = Double(index) * rowHeight, width = plot * Double(item.value) / most
            svg += "<text x=\"\(Int(label - 6))\" y=\"\(f(y + 15))\" text-anchor=\"end\">\(escape(item.label))</text>"
            svg += "<rect x=\"\(Int(label))\" y=\"\(f(y + 4))\" width=\"\(f(width))\" height=\"14\" fill=\"#d9822b\"/>"
            svg += "<text x=\"\(f(label + width + 6))\" y=\"\(f(y + 15))\">\(escape(item.text))</text>\n"
        }
        return svg + "</svg>\n"
    }

    /// A coordinate with one decimal: enough for a screen, and the same text on every machine.
    private static func f(_ value: Double) -> String {
        let tenths = Int((value * 10).rounded())
        return "\(tenths / 10).\(abs(tenths % 10))"
    }
}
