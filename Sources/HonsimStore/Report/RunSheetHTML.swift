import Foundation
import HonsimCore

/// The run sheets as one self-contained HTML page (inline CSS, no script, nothing fetched) that
/// prints one volunteer to an A4 page: black on white, meaning carried by words and borders
/// only, never by colour, and Korean fonts named with their fallbacks. Written into one string
/// as it is laid out: a city's day is thousands of pages.
extension RunSheetDocument {
    public func html() -> String {
        let title = ReportHTML.escape("\(t(RunSheetText.title)) — \(dayLabel)")
        var out = """
            <!DOCTYPE html>
            <html lang="\(language.rawValue)">
            <head>
            <meta charset="utf-8">
            <title>\(title)</title>
            <style>
            \(RunSheetDocument.css)
            </style>
            </head>
            <body>

            """
        if let empty = emptyMessage {
            out += "<p class=\"empty\">\(ReportHTML.escape(empty))</p>\n"
        } else {
            out.reserveCapacity(out.utf8.count + sheets.pages.reduce(0) { $0 + 600 + $1.escorts.count * 2_200 })
            appendPages(to: &out)
        }
        out += "</body>\n</html>\n"
        return out
    }

    /// Every volunteer's page, written into `out`; what is the same on every page (the header's
    /// words, the boxes to fill in under every escort) made once for the day.
    private func appendPages(to out: inout String) {
        let e = ReportHTML.escape
        let fillIn = fillInHTML()
        let opening = "<section class=\"page\">\n<header>\n<h1>\(e(t(RunSheetText.title))) — \(e(dayLabel))</h1>\n"
        let confidential = "<p class=\"note\">\(e(t(RunSheetText.confidential)))</p>\n"
        let masked = "<p class=\"masked\">\(e(t(RunSheetText.masked)))</p>\n"
        for (pageIndex, page) in sheets.pages.enumerated() {
            out += opening
            out += "<p class=\"volunteer\">"
            ReportHTML.append(volunteerLine(page), to: &out)
            out += "</p>\n"
            out += confidential
            if isMasked(page) { out += masked }
            out += "</header>\n"
            for facts in laidOut[pageIndex] {
                out += "<article class=\"escort\">\n<h2>"
                ReportHTML.append(facts.heading, to: &out)
                out += "</h2>\n<table class=\"facts\">\n"
                appendFactRows(facts.lines, to: &out)
                out += "</table>\n"
                out += fillIn
                out += "</article>\n"
            }
            out += "</section>\n"
        }
    }

    /// Two short facts share a row, so that two escorts fit one A4 page; a long one has its own.
    private func appendFactRows(_ lines: [(label: String, value: String)], to out: inout String) {
        let isShort = { (line: (label: String, value: String)) in DisplayWidth.of(line.value) <= RunSheetDocument.shortFact }
        var index = 0
        while index < lines.count {
            let line = lines[index]
            out += "<tr><th>"
            ReportHTML.append(line.label, to: &out)
            out += "</th>"
            if index + 1 < lines.count, isShort(line), isShort(lines[index + 1]) {
                let next = lines[index + 1]
                out += "<td>"
                ReportHTML.append(line.value, to: &out)
                out += "</td><th>"
                ReportHTML.append(next.label, to: &out)
                out += "</th><td>"
                ReportHTML.append(next.value, to: &out)
                out += "</td></tr>\n"
                index += 2
            } else {
                out += "<td colspan=\"3\">"
                ReportHTML.append(line.value, to: &out)
                out += "</td></tr>\n"
                index += 1
            }
        }
    }

    /// A fact this wide (display columns) or less shares its row with the next short one.
    static let shortFact = 34

    private func fillInHTML() -> String {
        let e = { (phrase: Phrase) in ReportHTML.escape(self.t(phrase)) }
        let box = "<span class=\"box\"></span>"
        let time = "<span class=\"time\">&nbsp;&nbsp;:&nbsp;&nbsp;</span>"
        let outcomes = [RunSheetText.outcomeDone, RunSheetText.outcomeNoShow, RunSheetText.outcomeCancelled, RunSheetText.outcomeOther]
            .map { "\(box) \(e($0))" }.joined(separator: " ")
        return """
            <table class="fill">
            <caption>\(e(RunSheetText.fillIn))</caption>
            <tr><th>\(e(RunSheetText.actualTimes))</th><td>\(e(RunSheetText.actualPickup)) \(time) \(e(RunSheetText.actualArrival)) \(time) \
            \(e(RunSheetText.actualBack)) \(time)</td><th>\(e(RunSheetText.minutes))</th><td class="write"></td></tr>
            <tr><th>\(e(RunSheetText.outcome))</th><td colspan="3">\(outcomes) <span class="line"></span></td></tr>
            <tr><th>\(e(RunSheetText.doctor))</th><td colspan="3" class="tall"></td></tr>
            <tr><th>\(e(RunSheetText.followUp))</th><td colspan="3">\(box) \(e(RunSheetText.followUpNeeded)) \(box) \
            \(e(RunSheetText.followUpNone)) <span class="line"></span></td></tr>
            <tr class="sign"><th>\(e(RunSheetText.signature))</th><td>\(e(RunSheetText.signVolunteer))</td><th>\(e(RunSheetText.signHousehold))</th><td class="write"></td></tr>
            </table>

            """
    }

    static let css = """
        @page { size: A4; margin: 12mm 12mm 14mm 12mm; }
        * { box-sizing: border-box; }
        body { font-family: "Noto Sans CJK KR", "Noto Sans KR", "NanumGothic", "Malgun Gothic", "Apple SD Gothic Neo", sans-serif;
               font-size: 9.5pt; line-height: 1.3; color: #000; background: #fff; margin: 0; }
        .page { width: 186mm; margin: 0 auto; padding: 4mm 0; page-break-after: always; break-after: page; }
        .page:last-child { page-break-after: auto; break-after: auto; }
        header { border-bottom: 2pt solid #000; margin-bottom: 3mm; }
        h1 { font-size: 15pt; margin: 0 0 1mm 0; }
        h2 { font-size: 11.5pt; margin: 0 0 1mm 0; border-bottom: 1pt solid #000; }
        p { margin: 0 0 1mm 0; }
        .volunteer { font-size: 11.5pt; font-weight: bold; }
        .note, .masked { font-size: 9pt; }
        .masked { font-weight: bold; border: 1pt dashed #000; padding: 1mm 2mm; }
        .escort { margin-bottom: 3mm; break-inside: avoid; page-break-inside: avoid; }
        table { width: 100%; border-collapse: collapse; }
        th, td { border: 0.75pt solid #000; padding: 0.6mm 1.5mm; text-align: left; vertical-align: top; }
        .facts th { width: 22mm; font-weight: bold; background: #fff; }
        .fill { margin-top: 1.5mm; }
        .fill caption { text-align: left; font-weight: bold; font-size: 9.5pt; padding: 0.5mm 0; }
        .fill th { width: 22mm; font-weight: normal; }
        .fill td.write { width: 40mm; }
        .fill td.tall { height: 17mm; }
        .fill tr.sign td, .fill tr.sign th { height: 10mm; }
        .box { display: inline-block; width: 3.2mm; height: 3.2mm; border: 0.75pt solid #000; vertical-align: -0.4mm; }
        .time { display: inline-block; min-width: 12mm; border-bottom: 0.75pt solid #000; text-align: center; }
        .line { display: inline-block; min-width: 30mm; border-bottom: 0.75pt solid #000; }
        .empty { font-size: 12pt; margin: 10mm; }
        """
}
