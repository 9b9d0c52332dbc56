import Foundation
@testable import HonsimCore
import Testing

/// What one request adds to the kept figures, and the histogram the medians are read from.
@Suite("Kept figures")
struct KeptFiguresTests {
    @Test func theMedianFromTheHistogramIsTheMedianOfTheValues() {
        var generator = SeededGenerator(seed: 7)
        for count in [1, 2, 3, 4, 7, 10, 51, 200] {
            let values = (0 ..< count).map { _ in Int.random(in: 0 ... 40, using: &generator) }
            var figures = KeptFigures()
            for minutes in values {
                figures.count(fact(minutesToAssign: minutes), sign: 1)
            }
            #expect(figures.medianMinutesToAssign == StatisticsAccumulator.median(values), "\(values)")
        }
        #expect(KeptFigures().medianMinutesToAssign == nil)
    }

    @Test func aRequestTakenAwayLeavesNothing() {
        var figures = KeptFigures()
        let completed = fact(status: .completed, minutesToAssign: 12, actualMinutes: 90,
                             calls: CallOutcome(confirmedDayBefore: true, unreached: false))
        figures.count(completed, sign: 1)
        #expect(figures.completed == 1 && figures.volunteerMinutes == 90 && figures.confirmedDayBefore == 1 && figures.assignMinutes == [12: 1])
        figures.count(completed, sign: -1)
        #expect(figures.isEmpty)
    }

    @Test func callsCountOnlyForEscortsThatHeldAVolunteer() {
        var figures = KeptFigures()
        figures.count(fact(status: .cancelled, calls: CallOutcome(confirmedDayBefore: true, unreached: true)), sign: 1)
        figures.count(fact(status: .pending, calls: CallOutcome(confirmedDayBefore: true, unreached: true)), sign: 1)
        #expect(figures.confirmedDayBefore == 0 && figures.unreached == 0)
        figures.count(fact(status: .noShow, calls: CallOutcome(confirmedDayBefore: false, unreached: true)), sign: 1)
        #expect(figures.unreached == 1)
    }

    @Test func theHistogramIsWrittenAndReadBack() {
        let histogram = [0: 3, 2: 1, 15: 2, 1_440: 1]
        let text = KeptHistogram.encode(histogram)
        #expect(text == "0*3,2,13*2,1425")
        #expect(KeptHistogram.decode(text) == histogram)
        #expect(KeptHistogram.decode("") == [:])
        #expect(KeptHistogram.decode("3,x") == nil, "text the store never writes is refused, not read as empty")
    }

    @Test func aRequestCountsInItsWeekMonthAndYearInItsDongGuAndTheCity() {
        let day = CivilDate(year: 2026, month: 1, day: 1)   // a Thursday: its week began in 2025
        let keys = fact(day: day).keys { $0 == "41171-11" ? "만안구" : nil }
        #expect(Set(keys.map(\.period)) == ["W2025-12-29", "M2026-01", "Y2026"])
        #expect(Set(keys.map(\.area)) == ["d:41171-11", "g:만안구", "*"])
        #expect(fact(day: day, dong: "99999-99").keys { _ in nil }.count == 6, "a dong the directory does not know has no gu")
    }

    func fact(status: RequestStatus = .assigned, day: CivilDate = CivilDate(year: 2026, month: 12, day: 7), dong: String = "41171-11",
              minutesToAssign: Int? = nil, actualMinutes: Int = 0, calls: CallOutcome = .none) -> KeptFact {
        KeptFact(dongCode: dong, status: status, day: day, householdID: 1, volunteerID: 1, minutesToAssign: minutesToAssign,
                 actualMinutes: actualMinutes, calls: calls)
    }
}
