import Foundation
import HonsimCore
import HonsimStore

extension RunCommand {
    /// The call list of a day (`C`, `honsim calls`): every escort of the day with its household,
    /// volunteer, calls, booking and messages. Each iteration reads another of the next fourteen
    /// days, so no day is read from a warm page cache alone.
    func measureCallList(_ opened: any CaseStore) async throws -> Summary {
        let calendar = opened.calendar
        let tomorrow = CivilDate(Date(), calendar: calendar).adding(days: 1, calendar: calendar)
        let days = (0..<14).map { tomorrow.adding(days: $0, calendar: calendar) }
        return try await Measure.run("call list of a day", targetMs: Self.queryTargetMs, warmups: warmups, iterations: iterations,
                                     describe: { (day: EscortDay) in "\(day.escorts.count) escorts, \(day.summary.ready) ready" }) { index in
            try await opened.escorts(on: days[index % days.count])
        }
    }
}
