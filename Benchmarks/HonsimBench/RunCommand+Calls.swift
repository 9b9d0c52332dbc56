import Foundation
import HonsimCore
import HonsimStore
import HonsimTUI

extension RunCommand {
    /// The call list of a day (`C`): what it reads before it is shown (the day's order and
    /// counts, and its first screen of escorts whole), then the whole day (what follows at once,
    /// and what `honsim calls`, the reminders and the run sheets read). Each iteration reads
    /// another of the next fourteen days, so no day is read from a warm page cache alone.
    func measureCallList(_ opened: any CaseStore) async throws -> [Summary] {
        let calendar = opened.calendar
        let tomorrow = CivilDate(Date(), calendar: calendar).adding(days: 1, calendar: calendar)
        let days = (0..<14).map { tomorrow.adding(days: $0, calendar: calendar) }
        let describe = { (day: EscortDay) in "\(day.summary.total) escorts, \(day.summary.ready) ready, \(day.escorts.count) read whole" }
        return [
            try await Measure.run("call list of a day, first screen", targetMs: Self.queryTargetMs, warmups: warmups, iterations: iterations,
                                  describe: describe) { index in
                try await opened.escorts(on: days[index % days.count], detailing: CallSheet.firstScreen)
            },
            try await Measure.run("call list of a day, whole", targetMs: Self.queryTargetMs, warmups: warmups, iterations: iterations,
                                  describe: describe) { index in
                try await opened.escorts(on: days[index % days.count])
            },
        ]
    }
}
