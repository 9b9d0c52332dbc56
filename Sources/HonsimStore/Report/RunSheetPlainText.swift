import Foundation
import HonsimCore

/// The run sheets as plain text for a printer: at most 80 columns counted by display width
/// (Hangul takes two), a form feed between volunteers, boxes drawn with ASCII so that any
/// printer and any font prints them.
///
/// A whole city's day is thousands of pages: the text is written into one string as it is
/// laid out, with what is the same on every page (the rules, the labels' columns, the boxes to
/// fill in) made once for the day rather than once a line.
extension RunSheetDocument {
    public static let textWidth = 80
    /// Labels take this many columns; values are wrapped in what is left.
    static let labelWidth = 14
    static let labelIndent = "  "
    static let valueWidth = textWidth - labelIndent.count - labelWidth

    public func text() -> String {
        if let empty = emptyMessage { return empty + "\n" }
        var layout = TextLayout()
        // The boxes to fill in are the same under every escort: made once for the whole day.
        let fillIn = fillInText(&layout)
        let title = TextLayout.line("\(t(RunSheetText.title)) — \(dayLabel)")
        let confidential = TextLayout.line(t(RunSheetText.confidential)), masked = TextLayout.line(t(RunSheetText.masked))
        let pageRule = String(repeating: "=", count: RunSheetDocument.textWidth) + "\n"
        let escortRule = String(repeating: "-", count: RunSheetDocument.textWidth) + "\n"
        var out = ""
        out.reserveCapacity(sheets.pages.reduce(0) { $0 + 400 + $1.escorts.count * 1_900 })
        for (pageIndex, page) in sheets.pages.enumerated() {
            if pageIndex > 0 { out += "\u{0C}" }
            out += title
            out += TextLayout.line(volunteerLine(page))
            out += confidential
            if isMasked(page) { out += masked }
            out += pageRule
            for facts in laidOut[pageIndex] {
                out += TextLayout.line(facts.heading)
                for line in facts.lines { layout.appendLabelled(line.label, line.value, to: &out) }
                out += fillIn
                out += escortRule
            }
        }
        return out
    }

    private func fillInText(_ layout: inout TextLayout) -> String {
        let rule = TextLayout.line("  " + String(repeating: "_", count: RunSheetDocument.textWidth - 2))
        let time = "[  :  ]"
        let times = "\(t(RunSheetText.actualPickup)) \(time)  \(t(RunSheetText.actualArrival)) \(time)  \(t(RunSheetText.actualBack)) \(time)"
        let outcomes: [Phrase] = [RunSheetText.outcomeDone, RunSheetText.outcomeNoShow, RunSheetText.outcomeCancelled, RunSheetText.outcomeOther]
        let outcome = outcomes.map { "[ ] " + t($0) }.joined(separator: "  ") + " ________"
        let followUp = "[ ] \(t(RunSheetText.followUpNeeded))  [ ] \(t(RunSheetText.followUpNone))  ____________________"
        let signature = "\(t(RunSheetText.signVolunteer)) ______________  \(t(RunSheetText.signHousehold)) ______________"
        var out = TextLayout.line("  -- \(t(RunSheetText.fillIn)) --")
        layout.appendLabelled(t(RunSheetText.actualTimes), times, to: &out)
        layout.appendLabelled(t(RunSheetText.minutes), "[      ]", to: &out)
        layout.appendLabelled(t(RunSheetText.outcome), outcome, to: &out)
        out += TextLayout.line("  " + t(RunSheetText.doctor)) + rule + rule
        layout.appendLabelled(t(RunSheetText.followUp), followUp, to: &out)
        layout.appendLabelled(t(RunSheetText.signature), signature, to: &out)
        return out
    }
}

/// Lines of the text form: each cut to the page's width and ended by a newline; a label padded
/// to its column once for the day, not once an escort.
struct TextLayout {
    /// Each label's first-line head (indent and padded label) and the blank of the same width
    /// that goes before the value's further lines.
    private var heads: [String: (head: String, blank: String, width: Int)] = [:]

    /// One line of the page: cut to the width, then its newline.
    static func line(_ text: String) -> String {
        TerminalText.truncate(text, width: RunSheetDocument.textWidth) + "\n"
    }

    /// `label` in its column, `value` wrapped beside it. What fits stays as it is (the boxes'
    /// spaces with it); longer text folds between words. Trailing spaces are dropped.
    mutating func appendLabelled(_ label: String, _ value: String, to out: inout String) {
        let (head, blank, headWidth) = columns(of: label)
        let width = DisplayWidth.of(value)
        if width <= RunSheetDocument.valueWidth {
            // Measured once: the line fits when the head and the value do together (taking out
            // control characters only narrows the value).
            append(head, TerminalText.sanitize(value), to: &out, fits: headWidth + width <= RunSheetDocument.textWidth)
            return
        }
        let wrapped = TerminalText.wrap(value, width: RunSheetDocument.valueWidth)
        guard !wrapped.isEmpty else { return append(head, "", to: &out, fits: false) }
        for (index, part) in wrapped.enumerated() { append(index == 0 ? head : blank, part, to: &out, fits: false) }
    }

    private mutating func columns(of label: String) -> (head: String, blank: String, width: Int) {
        if let known = heads[label] { return known }
        let head = RunSheetDocument.labelIndent + TerminalText.pad(label, width: RunSheetDocument.labelWidth)
        let width = DisplayWidth.of(head)
        let made = (head: head, blank: String(repeating: " ", count: width), width: width)
        heads[label] = made
        return made
    }

    private func append(_ head: String, _ value: String, to out: inout String, fits: Bool) {
        var text = head + value
        // A last byte other than a space means no trailing space: the common case, without
        // finding the last grapheme.
        if text.utf8.last == UInt8(ascii: " ") { while text.last == " " { text.removeLast() } }
        out += fits ? text : TerminalText.truncate(text, width: RunSheetDocument.textWidth)
        out += "\n"
    }
}
