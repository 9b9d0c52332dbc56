import Foundation
import HonsimCore

/// A volunteer's week as a grid of days by hours, toggled from the keyboard (arrows move,
/// Space flips an hour, `a` flips a whole day), with days off typed as date ranges below it.
/// A day whose row is left as it was keeps its windows to the minute (09:30–13:00 stays so);
/// a row that was touched becomes whole hours.
public struct AvailabilityGrid: Hashable, Sendable {
    /// The hours shown: 07:00 to 21:00, which is when escorts happen.
    public static let firstHour = 7
    public static let hours = 14

    public var cells: [[Bool]]
    public var original: WeeklyAvailability
    public var day = 0
    public var hour = 0
    /// Days off as typed: `2026-12-03`, `12/3~12/5`, `내일`, comma-separated.
    public var daysOff: TextInputState
    /// The focus is on the days-off line rather than the grid.
    public var editingDaysOff = false
    public var error: String?
    var touchedDays: Set<Int> = []
    /// Each typed range's reason, kept from the record (the grid does not edit reasons).
    var reasons: [String: String] = [:]

    public init(volunteer: Volunteer) {
        original = volunteer.availability
        cells = Weekday.allCases.map { weekday in
            (0..<AvailabilityGrid.hours).map { index in
                let start = (AvailabilityGrid.firstHour + index) * 60
                return volunteer.availability.covers(weekday: weekday, startMinute: start, endMinute: start + 60)
            }
        }
        daysOff = TextInputState(text: volunteer.daysOff.map(AvailabilityGrid.text).joined(separator: ", "))
        for off in volunteer.daysOff { reasons[AvailabilityGrid.text(off)] = off.reason }
    }

    static func text(_ off: DayOff) -> String { off.from == off.to ? off.from.description : "\(off.from)~\(off.to)" }

    public mutating func toggle() {
        cells[day][hour].toggle()
        touchedDays.insert(day)
    }

    /// The whole day on, or off when it was all on.
    public mutating func toggleDay() {
        let allOn = cells[day].allSatisfy { $0 }
        cells[day] = Array(repeating: !allOn, count: AvailabilityGrid.hours)
        touchedDays.insert(day)
    }

    public mutating func move(days: Int, hours: Int) {
        day = max(0, min(6, day + days))
        hour = max(0, min(AvailabilityGrid.hours - 1, hour + hours))
    }

    /// The windows the grid now says: runs of hours on touched days, the originals elsewhere.
    public var availability: WeeklyAvailability {
        var windows: [AvailabilityWindow] = []
        for (index, weekday) in Weekday.allCases.enumerated() {
            guard touchedDays.contains(index) else {
                windows += original.windows(on: weekday)
                continue
            }
            var start: Int?
            for slot in 0...AvailabilityGrid.hours {
                let on = slot < AvailabilityGrid.hours && cells[index][slot]
                if on, start == nil { start = slot }
                if !on, let first = start {
                    windows.append(AvailabilityWindow(weekday: weekday, start: ClockTime(minutes: (AvailabilityGrid.firstHour + first) * 60),
                                                      end: ClockTime(minutes: (AvailabilityGrid.firstHour + slot) * 60)))
                    start = nil
                }
            }
        }
        return WeeklyAvailability(windows)
    }

    /// The typed days off, or nil with `error` naming the part that is not a date or a range.
    public mutating func parsedDaysOff(today: CivilDate, calendar: Calendar, language: Language) -> [DayOff]? {
        var result: [DayOff] = []
        for rawPart in daysOff.text.split(separator: ",") {
            let part = rawPart.trimmingCharacters(in: .whitespaces)
            if part.isEmpty { continue }
            let ends = part.split(separator: "~", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
            let dates = ends.map { TypedInput.date($0, today: today, calendar: calendar) }
            guard (1...2).contains(ends.count), let from = dates.first ?? nil, let to = dates.last ?? nil else {
                error = RecordText.badDayOff(part).text(language)
                return nil
            }
            guard from <= to else {
                error = RecordText.dayOffBackwards(part).text(language)
                return nil
            }
            let off = DayOff(from: from, to: to)
            result.append(DayOff(from: from, to: to, reason: reasons[AvailabilityGrid.text(off)] ?? ""))
        }
        error = nil
        return result
    }
}
