import Foundation
import HonsimCore

extension Exporter {
    /// One row per completed escort, for recording hours in the national volunteer portal.
    public func hours(_ hours: [VolunteerHours], dongs: DongDirectory) -> RecordTable {
        RecordTable(columns: ["volunteer_id", "name", "dong", "date", "start", "minutes", "hours", "request_id", "hospital"],
                    rows: hours.flatMap { volunteer in volunteer.escorts.map { escort in
            [.number(volunteer.volunteerID), name(volunteer.name, full: reveals(nil)),
             .text(dongs.dong(code: volunteer.dongCode)?.name ?? volunteer.dongCode),
             .text(CivilDate(escort.start, calendar: calendar).description), .text(ClockTime(escort.start, calendar: calendar).description),
             .number(Int64(escort.minutes)), .text(String(format: "%.2f", Double(escort.minutes) / 60)), .number(escort.requestID),
             .text(escort.hospital)]
        } })
    }
}
