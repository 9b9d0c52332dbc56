import Foundation
import GRDB
import HonsimCore

/// Repeats made before standing series (requests sharing a series id, at most 27 dates, as the
/// demo's dialysis and rehabilitation trips are seeded) become standing series: a series that
/// still has dates ahead goes on open-ended, one whose dates are all past ends on its last.
extension SQLCaseStore {
    @discardableResult
    public func adoptRepeats() async throws -> [StandingSeries] {
        try await write { [self] db in
            let now = now()
            let today = CivilDate(now, calendar: calendar)
            var groups: [String: [EscortRequest]] = [:]
            for row in try await db.rows("""
                SELECT * FROM \(db.seen(.request)) WHERE series_id IS NOT NULL AND series_id NOT LIKE 'standing-%' ORDER BY appointment_at, id
                """) {
                let request = EscortRequest(row: row)
                if let key = request.seriesID { groups[key, default: []].append(request) }
            }
            var adopted: [StandingSeries] = []
            for key in groups.keys.sorted() {
                guard let requests = groups[key], let first = requests.first, let last = requests.last else { continue }
                try await authorize(db, dongCode: first.dongCode,
                                    act: Phrase(ko: "\(first.householdID)번 대상자의 정기 일정을 만들", en: "make a standing series for household \(first.householdID)"))
                let lastDay = CivilDate(last.appointmentAt, calendar: calendar)
                let weekdays = Set(requests.map { Weekday($0.appointmentAt, calendar: calendar) })
                var series = StandingSeries(
                    householdID: last.householdID, dongCode: last.dongCode,
                    schedule: SeriesSchedule(weekdays: Array(weekdays), appointment: ClockTime(last.appointmentAt, calendar: calendar),
                                             pickup: ClockTime(last.pickupAt, calendar: calendar), hospital: last.hospital,
                                             department: last.department, transport: last.transport, purpose: last.purpose,
                                             expectedMinutes: last.expectedMinutes),
                    pickupPlace: last.pickupPlace, returnTrip: last.returnTrip, notes: last.notes,
                    startsOn: CivilDate(first.appointmentAt, calendar: calendar), endsOn: lastDay < today ? lastDay : nil,
                    madeUntil: lastDay, createdAt: now, updatedBy: user)
                var values = series.storedValues
                values["created_by"] = user
                series.id = try await db.insertReturningID(into: "standing_series", values)
                for request in requests where request.status != .cancelled {
                    try await db.execute("""
                        INSERT INTO series_date (series_id, on_date, request_id) VALUES (?, ?, ?) ON CONFLICT DO NOTHING
                        """, [series.id, CivilDate(request.appointmentAt, calendar: calendar).description, request.id])
                }
                try await db.execute("UPDATE escort_request SET series_id = ? WHERE series_id = ?", [series.requestSeriesID, key])
                try await recordChange(db, series, .create, from: series.startsOn, to: series.endsOn,
                                       detail: SeriesWords.schedule(series.schedule) + " (\(key))", at: now)
                adopted.append(series)
            }
            return adopted
        }
    }
}
