import Foundation
import GRDB
import HonsimCore

/// What `honsim check` finds wrong with standing series, and how a series is stored: kept apart
/// from the series' reads and writes (SQLCaseStore+Series.swift).
extension SQLCaseStore {
    /// What `honsim check` finds wrong with the series: a date made twice, a link to another
    /// series' request or to another day, an open date in a pause or after the end.
    func seriesViolations(_ db: any StoreConnection) async throws -> [InvariantViolation] {
        guard try await db.tableExists("standing_series") else { return [] }
        var found: [InvariantViolation] = []
        var byID: [Int64: StandingSeries] = [:]
        for row in try await db.rows("SELECT * FROM \(db.seen(.series))") {
            let series = StandingSeries(row: row)
            byID[series.id] = series
        }
        var openDays: [String: Int64] = [:]
        for row in try await db.rows("""
            SELECT d.series_id, d.on_date, r.id, r.series_id AS request_series, r.appointment_at, r.status
            FROM series_date AS d JOIN \(db.seen(.request)) AS r ON r.id = d.request_id
            """) {
            let seriesID: Int64 = row["series_id"], requestID: Int64 = row["id"], onDate: String = row["on_date"]
            let requestSeries: String? = row["request_series"]
            let day = CivilDate(Stored.date(row["appointment_at"] as Int64), calendar: calendar)
            let status = RequestStatus(rawValue: row["status"]) ?? .pending
            if requestSeries != StandingSeries.requestSeriesID(seriesID) || day.description != onDate {
                found.append(InvariantViolation(rule: "series date", detail: "series \(seriesID) \(onDate) links request \(requestID) of \(requestSeries ?? "no series") on \(day)"))
            }
            guard [.pending, .assigned, .confirmed].contains(status), let series = byID[seriesID] else { continue }
            if let pause = series.pause(on: day) {
                found.append(InvariantViolation(rule: "series pause", detail: "series \(seriesID): request \(requestID) on \(day) is open in the pause \(pause.from)–\(pause.to)"))
            }
            if let end = series.endsOn, day > end {
                found.append(InvariantViolation(rule: "series end", detail: "series \(seriesID): request \(requestID) on \(day) is open after its end \(end)"))
            }
            openDays["\(seriesID) \(day)", default: 0] += 1
        }
        for row in try await db.rows("""
            SELECT r.series_id, r.appointment_at, COUNT(*) AS n FROM \(db.seen(.request)) AS r
            WHERE r.series_id LIKE 'standing-%' AND r.status IN \(SQLCaseStore.openStatuses)
            GROUP BY r.series_id, r.appointment_at HAVING COUNT(*) > 1
            """) {
            found.append(InvariantViolation(rule: "series date", detail: "\(row["series_id"] as String) has \(row["n"] as Int) open requests at the same time"))
        }
        return found
    }
}

/// A series' schedule and notes as the history and the audit put them.
enum SeriesWords {
    static func schedule(_ schedule: SeriesSchedule) -> String {
        "\(schedule.weekdays.map(\.token).joined(separator: " ")) \(schedule.pickup)→\(schedule.appointment) \(schedule.hospital)"
            + (schedule.department.isEmpty ? "" : " \(schedule.department)") + " \(schedule.transport.rawValue) \(schedule.expectedMinutes)min"
    }

    /// `schedule(_:)` read back: weekday tokens, `pickup→appointment`, the place, the transport's
    /// token and `Nmin`; nil for text it did not write.
    static func parse(_ detail: String) -> SeriesChangeSchedule? {
        var words = detail.split(separator: " ").map(String.init)
        var weekdays: [Weekday] = []
        while let first = words.first, let day = Weekday.allCases.first(where: { $0.token == first }) {
            weekdays.append(day)
            words.removeFirst()
        }
        guard !weekdays.isEmpty, words.count >= 3, let times = words.first?.split(separator: "→"), times.count == 2,
              let pickup = TypedInput.time(String(times[0])), let appointment = TypedInput.time(String(times[1])),
              let last = words.last, last.hasSuffix("min"), let minutes = Int(last.dropLast(3)),
              let transport = Transport(rawValue: words[words.count - 2])
        else { return nil }
        return SeriesChangeSchedule(weekdays: weekdays, pickup: pickup, appointment: appointment,
                                    place: words.dropFirst().dropLast(2).joined(separator: " "), transport: transport, expectedMinutes: minutes)
    }

    /// Free text kept on one line, without the separators the pauses are stored with.
    static func oneLine(_ text: String) -> String {
        text.replacingOccurrences(of: "\t", with: " ").replacingOccurrences(of: "\n", with: " ").trimmingSpaces()
    }
}

extension StandingSeries {
    init(row: some StoredRow) {
        let weekdays = Stored.words(row["weekdays"]).compactMap { Int($0).flatMap(Weekday.init(rawValue:)) }
        let schedule = SeriesSchedule(
            weekdays: weekdays, appointment: ClockTime(minutes: row["appointment_minute"]), pickup: ClockTime(minutes: row["pickup_minute"]),
            hospital: row["hospital"], department: row["department"],
            transport: Transport(rawValue: row["transport"]) ?? .publicTransport, purpose: Purpose(rawValue: row["purpose"]) ?? .other,
            expectedMinutes: row["expected_minutes"])
        let pauses = (row["pauses"] as String).split(separator: "\n").compactMap { line -> SeriesPause? in
            let parts = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard parts.count >= 2, let from = CivilDate(iso: parts[0]), let to = CivilDate(iso: parts[1]) else { return nil }
            return SeriesPause(from: from, to: to, reason: parts.count > 2 ? parts[2] : "")
        }
        self.init(
            id: row["id"], householdID: row["household_id"], dongCode: row["dong_code"], schedule: schedule, pickupPlace: row["pickup_place"],
            returnTrip: (row["return_trip"] as Int64) != 0, notes: row["notes"], startsOn: CivilDate(iso: row["starts_on"]) ?? CivilDate(year: 1970, month: 1, day: 1),
            endsOn: (row["ends_on"] as String?).flatMap(CivilDate.init(iso:)), pauses: pauses, volunteerID: row["volunteer_id"],
            madeUntil: (row["made_until"] as String?).flatMap(CivilDate.init(iso:)), version: row["version"],
            createdAt: Stored.date(row["created_at"] as Int64), updatedAt: Stored.date(row["updated_at"] as Int64), updatedBy: row["updated_by"])
    }

    var storedValues: [String: (any DatabaseValueConvertible)?] {
        [
            "id": id, "household_id": householdID, "dong_code": dongCode,
            "weekdays": schedule.weekdays.map { String($0.rawValue) }.joined(separator: ";"),
            "appointment_minute": schedule.appointment.minutes, "pickup_minute": schedule.pickup.minutes, "hospital": schedule.hospital,
            "department": schedule.department, "transport": schedule.transport.rawValue, "purpose": schedule.purpose.rawValue,
            "expected_minutes": schedule.expectedMinutes, "pickup_place": pickupPlace, "return_trip": returnTrip ? 1 : 0, "notes": notes,
            "starts_on": startsOn.description, "ends_on": endsOn?.description,
            "pauses": pauses.map { "\($0.from)\t\($0.to)\t\(SeriesWords.oneLine($0.reason))" }.joined(separator: "\n"),
            "volunteer_id": volunteerID, "made_until": madeUntil?.description, "version": version,
            "created_at": Stored.cell(createdAt), "updated_at": Stored.cell(updatedAt), "updated_by": updatedBy,
        ]
    }
}
