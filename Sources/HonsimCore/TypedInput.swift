import Foundation

/// What coordinators type into forms, read the ways people write it in Korean offices:
/// `2026-12-03`, `12-3`, `12/3`, `12.3`, `12월 3일`, `오늘`, `내일`; `10:30`, `1030`, `10시 30분`,
/// `오후 2시`; durations as `3`, `2:30`, `2.5`, `90분`; weekdays as `월 수 금` or `mon,wed`.
public enum TypedInput {
    public static func date(_ text: String, today: CivilDate, calendar: Calendar) -> CivilDate? {
        let word = text.trimmingCharacters(in: .whitespaces).lowercased()
        switch word {
        case "오늘", "today": return today
        case "내일", "tomorrow": return today.adding(days: 1, calendar: calendar)
        case "모레": return today.adding(days: 2, calendar: calendar)
        default: break
        }
        if let iso = CivilDate(iso: word) { return iso }
        let numbers = word.split { !($0.isASCII && $0.isNumber) }.compactMap { Int($0) }
        let year: Int, month: Int, day: Int
        switch numbers.count {
        case 2:
            (month, day) = (numbers[0], numbers[1])
            // A month already past this year means next year's: nobody books an escort backwards.
            year = month < today.month ? today.year + 1 : today.year
        case 3 where numbers[0] >= 1000:
            (year, month, day) = (numbers[0], numbers[1], numbers[2])
        default:
            return nil
        }
        return CivilDate(iso: String(format: "%04d-%02d-%02d", year, month, day))
    }

    public static func time(_ text: String) -> ClockTime? {
        var word = text.trimmingCharacters(in: .whitespaces).lowercased()
        var afternoon = false
        for prefix in ["오후", "pm"] where word.hasPrefix(prefix) || word.hasSuffix(prefix) {
            afternoon = true
            word = word.replacingOccurrences(of: prefix, with: "")
        }
        for prefix in ["오전", "am"] { word = word.replacingOccurrences(of: prefix, with: "") }
        word = word.trimmingCharacters(in: .whitespaces)
        let hour: Int, minute: Int
        if let clock = ClockTime(word) {
            (hour, minute) = (clock.minutes / 60, clock.minutes % 60)
        } else if word.count == 4, word.allSatisfy({ $0.isASCII && $0.isNumber }), let value = Int(word) {
            (hour, minute) = (value / 100, value % 100)
        } else if word.contains("시") {
            let numbers = word.split { !($0.isASCII && $0.isNumber) }.compactMap { Int($0) }
            guard (1...2).contains(numbers.count) else { return nil }
            if word.contains("반") && numbers.count == 1 { (hour, minute) = (numbers[0], 30) } else { (hour, minute) = (numbers[0], numbers.count == 2 ? numbers[1] : 0) }
        } else if word.count <= 2, let value = Int(word) {
            (hour, minute) = (value, 0)
        } else {
            return nil
        }
        let hours = afternoon && hour < 12 ? hour + 12 : hour
        guard (0...23).contains(hours), (0...59).contains(minute) else { return nil }
        return ClockTime(minutes: hours * 60 + minute)
    }

    /// Minutes of a duration given in hours (`3`, `2.5`, `2:30`) or in minutes (`90분`, `90m`).
    public static func duration(_ text: String) -> Int? {
        let word = text.trimmingCharacters(in: .whitespaces).lowercased()
        if word.hasSuffix("분") || word.hasSuffix("m") || word.hasSuffix("min") {
            return Int(word.trimmingCharacters(in: CharacterSet(charactersIn: "0123456789").inverted))
        }
        if let clock = ClockTime(word) { return clock.minutes }
        let hours = word.replacingOccurrences(of: "시간", with: "").replacingOccurrences(of: "h", with: "")
        guard let value = Double(hours), value > 0 else { return nil }
        return Int((value * 60).rounded())
    }

    /// Weekdays in a list (`월 수 금`, `월수금`, `mon,wed,fri`); nil when any word is not a day.
    public static func weekdays(_ text: String) -> [Weekday]? {
        let word = text.trimmingCharacters(in: .whitespaces)
        guard !word.isEmpty else { return [] }
        let pieces: [String]
        if word.allSatisfy({ "월화수목금토일".contains($0) }) {
            pieces = word.map(String.init)
        } else {
            pieces = word.split(whereSeparator: { $0 == "," || $0 == " " || $0 == "·" }).map(String.init)
        }
        var days: [Weekday] = []
        for piece in pieces {
            guard let day = Weekday(word: piece) else { return nil }
            if !days.contains(day) { days.append(day) }
        }
        return days.sorted { $0.rawValue < $1.rawValue }
    }
}
