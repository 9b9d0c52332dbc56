import Foundation
import HonsimCore

/// The run sheets as one self-contained HTML page (inline CSS, no script, nothing fetched) that
/// prints one volunteer to an A4 page: black on white, meaning carried by words and borders
/// only, never by colour, and Korean fonts named with their fallbacks.
extension RunSheetDocument {
    public func html() -> String {
        let title = ReportHTML.escape("\(t(RunSheetText.title)) — \(dayLabel)")
        let body = emptyMessage.map { "<p class=\"empty\">\(ReportHTML.escape($0))</p>\n" } ?? pagesHTML()
        return """
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
            \(body)</body>
            </html>

            """
    }

    /// Every volunteer's page; the boxes to fill in, the same under every escort, made once.
    private func pagesHTML() -> String {
        let fillIn = fillInHTML()
        return sheets.pages.map { pageHTML($0, fillIn: fillIn) }.joined()
    }

    private func pageHTML(_ page: RunSheets.Page, fillIn: String) -> String {
        let e = ReportHTML.escape
        var out = "<section class=\"page\">\n<header>\n<h1>\(e(t(RunSheetText.title))) — \(e(dayLabel))</h1>\n"
        out += "<p class=\"volunteer\">\(e(volunteerLine(page)))</p>\n"
        out += "<p class=\"note\">\(e(t(RunSheetText.confidential)))</p>\n"
        if isMasked(page) { out += "<p class=\"masked\">\(e(t(RunSheetText.masked)))</p>\n" }
        out += "</header>\n"
        for (index, escort) in page.escorts.enumerated() {
            let facts = facts(escort, number: index + 1)
            out += "<article class=\"escort\">\n<h2>\(e(facts.heading))</h2>\n<table class=\"facts\">\n"
            out += factRows(facts.lines) + "</table>\n" + fillIn + "</article>\n"
        }
        return out + "</section>\n"
    }

    /// Two short facts share a row, so that two escorts fit one A4 page; a long one has its own.
    private func factRows(_ lines: [(label: String, value: String)]) -> String {
        let e = ReportHTML.escape
        let isShort = { (line: (label: String, value: String)) in DisplayWidth.of(line.value) <= RunSheetDocument.shortFact }
        var out = "", index = 0
        while index < lines.count {
            let line = lines[index]
            if index + 1 < lines.count, isShort(line), isShort(lines[index + 1]) {
                let next = lines[index + 1]
                out += "<tr><th>\(e(line.label))</th><td>\(e(line.value))</td><th>\(e(next.label))</th><td>\(e(next.value))</td></tr>\n"
                index += 2
            } else {
                out += "<tr><th>\(e(line.label))</th><td colspan=\"3\">\(e(line.value))</td></tr>\n"
                index += 1
            }
        }
        return out
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
