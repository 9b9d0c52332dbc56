import Foundation
import HonsimCore

/// The run sheets as plain text for a printer: at most 80 columns counted by display width
/// (Hangul takes two), a form feed between volunteers, boxes drawn with ASCII so that any
/// printer and any font prints them.
extension RunSheetDocument {
    public static let textWidth = 80
    /// Labels take this many columns; values are wrapped in what is left.
    static let labelWidth = 14

    public func text() -> String {
        if let empty = emptyMessage { return empty + "\n" }
        // The boxes to fill in are the same under every escort: made once for the whole day.
        let fillIn = fillInText()
        return sheets.pages.map { pageText($0, fillIn: fillIn) }.joined(separator: "\u{0C}")
    }

    private func pageText(_ page: RunSheets.Page, fillIn: [String]) -> String {
        let width = RunSheetDocument.textWidth
        var lines = ["\(t(RunSheetText.title)) — \(dayLabel)", volunteerLine(page), t(RunSheetText.confidential)]
        if isMasked(page) { lines.append(t(RunSheetText.masked)) }
        lines.append(String(repeating: "=", count: width))
        for (index, escort) in page.escorts.enumerated() {
            let facts = facts(escort, number: index + 1)
            lines.append(facts.heading)
            for line in facts.lines { lines += labelled(line.label, line.value) }
            lines += fillIn
            lines.append(String(repeating: "-", count: width))
        }
        return lines.map { TerminalText.truncate($0, width: width) }.joined(separator: "\n") + "\n"
    }

    /// `label` in its column, `value` wrapped beside it.
    private func labelled(_ label: String, _ value: String) -> [String] {
        let indent = "  ", valueWidth = RunSheetDocument.textWidth - indent.count - RunSheetDocument.labelWidth
        // What fits stays as it is (the boxes' spaces with it); longer text folds between words.
        let wrapped = DisplayWidth.of(value) <= valueWidth ? [TerminalText.sanitize(value)] : TerminalText.wrap(value, width: valueWidth)
        let head = indent + TerminalText.pad(label, width: RunSheetDocument.labelWidth)
        let blank = String(repeating: " ", count: DisplayWidth.of(head))
        return (wrapped.isEmpty ? [""] : wrapped).enumerated().map { line in
            var text = (line.offset == 0 ? head : blank) + line.element
            while text.last == " " { text.removeLast() }
            return text
        }
    }

    private func fillInText() -> [String] {
        let rule = "  " + String(repeating: "_", count: RunSheetDocument.textWidth - 2)
        let time = "[  :  ]"
        let times = "\(t(RunSheetText.actualPickup)) \(time)  \(t(RunSheetText.actualArrival)) \(time)  \(t(RunSheetText.actualBack)) \(time)"
        let outcomes: [Phrase] = [RunSheetText.outcomeDone, RunSheetText.outcomeNoShow, RunSheetText.outcomeCancelled, RunSheetText.outcomeOther]
        let outcome = outcomes.map { "[ ] " + t($0) }.joined(separator: "  ") + " ________"
        let followUp = "[ ] \(t(RunSheetText.followUpNeeded))  [ ] \(t(RunSheetText.followUpNone))  ____________________"
        let signature = "\(t(RunSheetText.signVolunteer)) ______________  \(t(RunSheetText.signHousehold)) ______________"
        var lines = ["  -- \(t(RunSheetText.fillIn)) --"]
        lines += labelled(t(RunSheetText.actualTimes), times)
        lines += labelled(t(RunSheetText.minutes), "[      ]")
        lines += labelled(t(RunSheetText.outcome), outcome)
        lines += ["  " + t(RunSheetText.doctor), rule, rule]
        lines += labelled(t(RunSheetText.followUp), followUp)
        lines += labelled(t(RunSheetText.signature), signature)
        return lines
    }
}
