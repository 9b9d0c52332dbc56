import Foundation
import HonsimCore

/// Values as people type them into Korean spreadsheets: 2026. 12. 3., 오후 2:30, 1시간 30분,
/// 1012345678 (a phone number whose leading 0 Excel dropped).
enum SpreadsheetValues {
    /// 2026-12-03, 2026.12.03, 2026/12/03, 2026. 12. 3., 2026년 12월 3일, 20261203; a time may
    /// follow (2026-12-03 10:30), which is returned too.
    static func date(_ text: String) -> (date: CivilDate, time: ClockTime?)? {
        let trimmed = text.trimmingSpaces()
        if let date = civil(trimmed) { return (date, nil) }
        // A time after the date: try each space (or an ISO T) as the boundary, from the right,
        // since "2026. 12. 3. 오후 2:30" has spaces on both sides of it.
        var end = trimmed.endIndex
        while let boundary = trimmed[..<end].lastIndex(where: { $0 == " " || $0 == "T" }) {
            if let date = civil(String(trimmed[..<boundary])), let clock = time(String(trimmed[trimmed.index(after: boundary)...])) {
                return (date, clock)
            }
            end = boundary
        }
        return nil
    }

    private static func civil(_ text: String) -> CivilDate? {
        let compact = text.filter { !$0.isWhitespace }
        if compact.count == 8, compact.allSatisfy({ $0.isASCIIDigitCharacter }) {
            let digits = Array(compact)
            return CivilDate(iso: "\(String(digits[0..<4]))-\(String(digits[4..<6]))-\(String(digits[6..<8]))")
        }
        var parts: [String] = []
        var current = ""
        for character in compact {
            if character.isASCIIDigitCharacter { current.append(character); continue }
            guard ["-", ".", "/", "년", "월", "일"].contains(character) else { return nil }
            if !current.isEmpty { parts.append(current); current = "" }
        }
        if !current.isEmpty { parts.append(current) }
        guard parts.count == 3, parts[0].count == 4 else { return nil }
        return CivilDate(iso: parts.joined(separator: "-"))
    }

    /// 10:30, 10:30:00, 9:05, 오전 10:30, 오후 2:30, 2:30 PM, 14시 30분, 14시.
    static func time(_ text: String) -> ClockTime? {
        var rest = text.trimmingSpaces().lowercased()
        var afternoon: Bool?
        for (marker, pm) in [("오전", false), ("오후", true), ("am", false), ("pm", true), ("a.m.", false), ("p.m.", true)] {
            if rest.hasPrefix(marker) { afternoon = pm; rest = String(rest.dropFirst(marker.count)) } else if rest.hasSuffix(marker) {
                afternoon = pm
                rest = String(rest.dropLast(marker.count))
            }
        }
        rest = rest.trimmingSpaces()
        var hour: Int?, minute = 0
        if rest.contains("시") {
            let pieces = rest.replacingOccurrences(of: "분", with: "").split(separator: "시", omittingEmptySubsequences: false)
            guard pieces.count == 2 else { return nil }
            hour = Int(pieces[0].trimmingSpaces())
            let minutes = pieces[1].trimmingSpaces()
            if minutes == "반" { minute = 30 } else if !minutes.isEmpty {
                guard let value = Int(minutes) else { return nil }
                minute = value
            }
        } else {
            let pieces = rest.split(separator: ":", omittingEmptySubsequences: false)
            // Seconds are allowed and dropped: Excel writes 14:30:00.
            guard (2...3).contains(pieces.count), pieces.allSatisfy({ !$0.isEmpty && $0.allSatisfy({ $0.isASCIIDigitCharacter }) }),
                  pieces[1].count == 2 else { return nil }
            hour = Int(pieces[0])
            minute = Int(pieces[1]) ?? -1
        }
        guard var hour, (0...59).contains(minute) else { return nil }
        if let afternoon {
            guard (1...12).contains(hour) else { return nil }
            hour = hour % 12 + (afternoon ? 12 : 0)
        }
        guard (0...23).contains(hour) else { return nil }
        return ClockTime(minutes: hour * 60 + minute)
    }

    /// A birth year: 1941, 1941년, a whole birth date (1941-03-02, 19410302), or 410302 as
    /// resident numbers begin (two-digit years are 19xx unless that would be in the future).
    static func birthYear(_ text: String, currentYear: Int) -> Int? {
        let compact = text.trimmingSpaces()
        let digits = compact.hasSuffix("년") ? String(compact.dropLast()) : compact
        if digits.count == 4, digits.allSatisfy({ $0.isASCIIDigitCharacter }) { return Int(digits) }
        if digits.count == 6, digits.allSatisfy({ $0.isASCIIDigitCharacter }), let yy = Int(digits.prefix(2)) {
            return 1900 + yy + (1900 + yy + 100 <= currentYear ? 100 : 0)
        }
        return date(compact)?.date.year
    }

    /// Minutes: 120, 120분, 90 min, 2시간, 1시간 30분, 1:30.
    static func minutes(_ text: String) -> Int? {
        let compact = text.lowercased().filter { !$0.isWhitespace }
        if let whole = Int(compact) { return whole }
        for suffix in ["분", "min", "mins", "minutes", "m"] where compact.hasSuffix(suffix) && !compact.contains("시간") {
            if let whole = Int(compact.dropLast(suffix.count)) { return whole }
        }
        if compact.contains("시간") {
            let pieces = compact.replacingOccurrences(of: "분", with: "").components(separatedBy: "시간")
            guard pieces.count == 2, let hours = Int(pieces[0]) else { return nil }
            if pieces[1].isEmpty { return hours * 60 }
            if pieces[1] == "반" { return hours * 60 + 30 }
            guard let minutes = Int(pieces[1]) else { return nil }
            return hours * 60 + minutes
        }
        let pieces = compact.split(separator: ":")
        if pieces.count == 2, let hours = Int(pieces[0]), pieces[1].count == 2, let minutes = Int(pieces[1]) { return hours * 60 + minutes }
        return nil
    }

    /// A whole number of hours, 8 or 8시간 or 8h.
    static func hours(_ text: String) -> Int? {
        let compact = text.lowercased().filter { !$0.isWhitespace }
        for suffix in ["시간", "hours", "hour", "h"] where compact.hasSuffix(suffix) { return Int(compact.dropLast(suffix.count)) }
        return Int(compact)
    }

    /// A phone number written the one way honsim keeps them (010-1234-5678), or the text as it
    /// was when it is not a Korean number (validation then names it). Dots and spaces become
    /// hyphens; a mobile number whose leading 0 a spreadsheet dropped (1012345678) gets it back.
    static func phone(_ text: String) -> String {
        let trimmed = text.trimmingSpaces()
        if isHyphenated(trimmed) { return trimmed }
        let groups = trimmed.split(whereSeparator: { "-. ()".contains($0) }).map(String.init)
        guard !groups.isEmpty, groups.allSatisfy({ $0.allSatisfy({ $0.isASCIIDigitCharacter }) }) else { return trimmed }
        if groups.count == 3 && groups[0].hasPrefix("0") { return groups.joined(separator: "-") }
        guard groups.count == 1 else { return trimmed }
        var digits = groups[0]
        if digits.count == 10 && digits.hasPrefix("10") { digits = "0" + digits }
        guard digits.hasPrefix("0"), (9...11).contains(digits.count) else { return trimmed }
        let characters = Array(digits)
        let area = digits.hasPrefix("02") ? 2 : 3
        let middle = digits.count - area - 4
        return [characters[0..<area], characters[area..<(area + middle)], characters[(area + middle)...]]
            .map { String($0) }.joined(separator: "-")
    }

    /// Already 0XX-XXXX-XXXX: digits in three groups, the first beginning with 0. Checked on the
    /// bytes, since most cells of a large file are like this.
    private static func isHyphenated(_ text: String) -> Bool {
        var groups = 1, digitsInGroup = 0
        for (index, byte) in text.utf8.enumerated() {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                if index == 0 && byte != UInt8(ascii: "0") { return false }
                digitsInGroup += 1
            case UInt8(ascii: "-"):
                guard digitsInGroup > 0 else { return false }
                groups += 1
                digitsInGroup = 0
            default: return false
            }
        }
        return groups == 3 && digitsInGroup > 0
    }

    /// Words of a list cell: 청각;시각, 청각, 시각, 청각·시각, 청각/시각, one per line.
    static func words(_ text: String) -> [String] {
        text.split(whereSeparator: { ";,/·、\n".contains($0) }).map { $0.trimmingSpaces() }.filter { !$0.isEmpty }
    }

    /// Weekly windows as a volunteer list writes them: 월 09:00-13:00, 수 14:00~18:00 or
    /// 월요일 9:00-13:00 on separate lines.
    static func availability(_ text: String) throws(WeeklyAvailability.ParseError) -> WeeklyAvailability {
        var normalized = text
        for (from, to) in [("요일", ""), ("~", "-"), ("–", "-"), ("—", "-"), (",", ";"), ("\n", ";"), ("\r", "")] {
            normalized = normalized.replacingOccurrences(of: from, with: to)
        }
        // "월 09:00 - 13:00": no spaces around the dash, as the parser wants one space per window.
        normalized = normalized.replacingOccurrences(of: " - ", with: "-")
        return try WeeklyAvailability(parsing: normalized)
    }
}

extension Character {
    var isASCIIDigitCharacter: Bool { isASCII && isNumber }
}
