import Foundation
import GRDB
import HonsimCore

/// Standing series, written once for both backends. A series' dates are escort requests, each
/// linked to its series and day in `series_date`, whose key (series, day) makes each date once
/// whichever process makes it: the insert of the link does nothing on a conflict, and the
/// request made for it is then taken back in the same transaction.
extension SQLCaseStore {
    static let openStatuses = "('pending', 'assigned', 'confirmed')"

    // MARK: Reading

    public func seriesList(householdID: Int64?) async throws -> [StandingSeries] {
        try await read { db in
            guard try await db.tableExists("standing_series") else { return [] }
            if let householdID {
                return try await db.rows("SELECT * FROM \(db.seen(.series)) WHERE household_id = ? ORDER BY id", [householdID])
                    .map { StandingSeries(row: $0) }
            }
            return try await db.rows("SELECT * FROM \(db.seen(.series)) ORDER BY id").map { StandingSeries(row: $0) }
        }
    }

    public func seriesPage(id: Int64) async throws -> SeriesPage {
        let today = CivilDate(now(), calendar: calendar)
        return try await read { [self] db in
            let series = try await SQLCaseStore.fetchSeries(db, id: id)
            let household = try await SQLCaseStore.fetchHousehold(db, id: series.householdID)
            let dates = try await SQLCaseStore.seriesRequests(db, seriesID: id, from: today, statuses: nil)
            let changes = try await db.rows("SELECT * FROM \(db.seen(.seriesChange)) WHERE series_id = ? ORDER BY id", [id]).map { row in
                var change = SeriesChange(kind: SeriesChange.Kind(rawValue: row["kind"]) ?? .change,
                                          from: (row["from_date"] as String?).flatMap(CivilDate.init(iso:)),
                                          to: (row["to_date"] as String?).flatMap(CivilDate.init(iso:)), detail: row["detail"],
                                          at: Stored.date(row["at"] as Int64), user: row["user"])
                if [.create, .change].contains(change.kind) { change.schedule = SeriesWords.parse(change.detail) }
                if change.kind == .assign { change.volunteerID = change.detail.split(separator: "#").last.flatMap { Int64($0) } }
                return change
            }
            var names: [Int64: String] = [:]
            for volunteerID in Set(dates.compactMap(\.volunteerID) + [series.volunteerID].compactMap { $0 } + changes.compactMap(\.volunteerID)) {
                names[volunteerID] = try? await SQLCaseStore.fetchVolunteer(db, id: volunteerID).name
            }
            var page = SeriesPage(series: series, household: household, dates: dates, volunteerNames: names, changes: changes)
            page.limits = try await seriesLimits(db, series, dates: dates)
            return page
        }
    }

    /// The standing volunteer of the series `request` is a date of, if any: a term of its score.
    static func seriesVolunteer(_ db: any StoreConnection, of request: EscortRequest) async throws -> Int64? {
        guard let seriesID = StandingSeries.seriesID(of: request) else { return nil }
        return try await db.value("SELECT volunteer_id FROM \(db.seen(.series)) WHERE id = ?", [seriesID], as: Int64.self)
    }

    static func fetchSeries(_ db: any StoreConnection, id: Int64) async throws -> StandingSeries {
        guard let row = try await db.one("SELECT * FROM \(db.seen(.series)) WHERE id = ?", [id]) else {
            throw StoreError.notFound(entity: "series", id: id)
        }
        return StandingSeries(row: row)
    }

    /// The series' requests on or after `from` (not cancelled), or only those of `statuses`.
    static func seriesRequests(_ db: any StoreConnection, seriesID: Int64, from: CivilDate, statuses: String?) async throws -> [EscortRequest] {
        try await db.rows("""
            SELECT r.* FROM series_date AS d JOIN \(db.seen(.request)) AS r ON r.id = d.request_id
            WHERE d.series_id = ? AND d.on_date >= ? AND r.status \(statuses.map { "IN \($0)" } ?? "<> 'cancelled'")
            ORDER BY r.appointment_at, r.id
            """, [seriesID, from.description]).map { EscortRequest(row: $0) }
    }

    // MARK: Writing

    /// Makes a series and its dates up to `horizonDays` ahead. Refused, naming the field, when the
    /// schedule makes no sense or overlaps another series of the same household.
    public func createSeries(_ draft: StandingSeries, horizonDays: Int) async throws -> SeriesOutcome {
        try await write { [self] db in
            let now = now()
            let today = CivilDate(now, calendar: calendar)
            try await db.lock(.household(draft.householdID))
            let household = try? await SQLCaseStore.fetchHousehold(db, id: draft.householdID)
            guard let household, !household.closed else {
                throw StoreError.invalidData([SQLCaseStore.seriesIssue("household", Phrase(
                    ko: "대상자 \(draft.householdID)번이 없거나 종결되었습니다", en: "household \(draft.householdID) does not exist or is closed"))])
            }
            try await authorize(db, dongCode: household.dongCode,
                                act: Phrase(ko: "\(household.id)번 대상자의 정기 일정을 만들", en: "make a standing series for household \(household.id)"))
            var series = draft
            series.dongCode = household.dongCode
            if series.pickupPlace.isEmpty { series.pickupPlace = household.address }
            let others = try await db.rows("SELECT * FROM \(db.seen(.series)) WHERE household_id = ?", [household.id]).map { StandingSeries(row: $0) }
                .filter { $0.endsOn.map { $0 >= today } ?? true }
            var issues = SeriesValidation.series(series, others: others)
            if series.startsOn < today { issues.append(FieldIssue(field: "from", message: Phrase(ko: "지난 날짜입니다", en: "that date has passed"))) }
            try SQLCaseStore.refuseSeries(issues)
            series.version = 1
            series.createdAt = now
            series.updatedAt = now
            series.updatedBy = user
            series.madeUntil = nil
            var values = series.storedValues
            values["created_by"] = user
            series.id = try await db.insertReturningID(into: "standing_series", values)
            try await recordChange(db, series, .create, from: series.startsOn, to: series.endsOn, detail: SeriesWords.schedule(series.schedule), at: now)
            var outcome = SeriesOutcome(series: series)
            outcome.made = try await extend(db, series, through: today.adding(days: horizonDays, calendar: calendar), at: now)
            outcome.series = try await SQLCaseStore.fetchSeries(db, id: series.id)
            outcome.limits = try await seriesLimits(db, outcome.series, dates: outcome.made)
            return outcome
        }
    }

    /// Gives the series a new schedule from `from` on. Its dates from then that still fall on
    /// one of its days are moved; an assigned one keeps its volunteer when the volunteer can
    /// still take it (the checks of a single assign), else is released with the reason; a date
    /// whose weekday is dropped is cancelled. New weekdays get their dates.
    public func changeSeries(id: Int64, from: CivilDate, schedule: SeriesSchedule, expectedVersion: Int?, horizonDays: Int) async throws
        -> SeriesOutcome {
        try await write { [self] db in
            let now = now()
            let today = CivilDate(now, calendar: calendar)
            var series = try await lockedSeries(db, id: id, expectedVersion: expectedVersion, act: Phrase(ko: "바꿀", en: "change"))
            var changed = series
            changed.schedule = schedule
            let others = try await db.rows("SELECT * FROM \(db.seen(.series)) WHERE household_id = ? AND id <> ?", [series.householdID, id])
                .map { StandingSeries(row: $0) }.filter { $0.endsOn.map { $0 >= from } ?? true }
            var issues = SeriesValidation.schedule(schedule)
            if from < today { issues.append(FieldIssue(field: "from", message: Phrase(ko: "지난 날짜부터는 바꿀 수 없습니다", en: "a change cannot start in the past"))) }
            if let other = SeriesValidation.overlapping(changed, others: others) {
                issues.append(FieldIssue(field: "time", message: Phrase(ko: "같은 대상자의 정기 일정 \(other.id)번과 시간이 겹칩니다",
                                                                       en: "overlaps the household's standing series \(other.id)")))
            }
            try SQLCaseStore.refuseSeries(issues)
            var outcome = SeriesOutcome(series: series)
            // The days before the change that are not made yet are made under the old schedule.
            let dayBefore = from.adding(days: -1, calendar: calendar)
            if (series.madeUntil ?? series.startsOn.adding(days: -1, calendar: calendar)) < dayBefore {
                outcome.made += try await extend(db, series, through: dayBefore, at: now)
                series = try await SQLCaseStore.fetchSeries(db, id: id)
                changed.madeUntil = series.madeUntil
            }
            let reason = Phrase(ko: "정기 일정 변경 (\(from)부터)", en: "series changed from \(from)")
            for request in try await SQLCaseStore.seriesRequests(db, seriesID: id, from: from, statuses: SQLCaseStore.openStatuses) {
                let day = CivilDate(request.appointmentAt, calendar: calendar)
                if changed.occurs(on: day, calendar: calendar) {
                    try await move(db, request, to: changed, on: day, reason: reason, at: now, into: &outcome)
                } else {
                    try await drop(db, request, seriesID: id, on: day, reason: reason, into: &outcome)
                }
            }
            changed.version += 1
            try await saveSeries(db, changed, at: now)
            try await recordChange(db, changed, .change, from: from, to: nil, detail: SeriesWords.schedule(schedule), at: now)
            let made = try await makeDates(db, changed, from: max(from, today), through: changed.madeUntil ?? today.adding(days: horizonDays, calendar: calendar), at: now)
            outcome.made += made
            _ = try await extend(db, try await SQLCaseStore.fetchSeries(db, id: id), through: today.adding(days: horizonDays, calendar: calendar), at: now)
            outcome.series = try await SQLCaseStore.fetchSeries(db, id: id)
            return outcome
        }
    }

    /// Pauses the series from `from` to `to` (in hospital, travelling): its dates then are
    /// cancelled with the reason, their volunteers freed, and none is made until it ends.
    public func pauseSeries(id: Int64, from: CivilDate, to: CivilDate, reason: String, expectedVersion: Int?) async throws -> SeriesOutcome {
        try await write { [self] db in
            let now = now()
            let today = CivilDate(now, calendar: calendar)
            var series = try await lockedSeries(db, id: id, expectedVersion: expectedVersion, act: Phrase(ko: "중지할", en: "pause"))
            let pause = SeriesPause(from: from, to: to, reason: SeriesWords.oneLine(reason))
            var issues = SeriesValidation.pause(pause)
            if from < today { issues.append(FieldIssue(field: "from", message: Phrase(ko: "지난 날짜입니다", en: "that date has passed"))) }
            try SQLCaseStore.refuseSeries(issues)
            var outcome = SeriesOutcome(series: series)
            let words = Phrase(ko: "정기 일정 일시 중지 \(from)~\(to)\(pause.reason.isEmpty ? "" : ": " + pause.reason)",
                               en: "series paused \(from) to \(to)\(pause.reason.isEmpty ? "" : ": " + pause.reason)")
            for request in try await SQLCaseStore.seriesRequests(db, seriesID: id, from: from, statuses: SQLCaseStore.openStatuses) {
                let day = CivilDate(request.appointmentAt, calendar: calendar)
                if pause.contains(day) { try await drop(db, request, seriesID: id, on: day, reason: words, into: &outcome) }
            }
            series.pauses.append(pause)
            series.pauses.sort { $0.from < $1.from }
            series.version += 1
            try await saveSeries(db, series, at: now)
            try await recordChange(db, series, .pause, from: from, to: to, detail: pause.reason, at: now)
            outcome.series = try await SQLCaseStore.fetchSeries(db, id: id)
            return outcome
        }
    }

    /// Ends every pause of the series from `on`: the dates it left out from then on are made again.
    public func resumeSeries(id: Int64, on day: CivilDate, expectedVersion: Int?) async throws -> SeriesOutcome {
        try await write { [self] db in
            let now = now()
            let today = CivilDate(now, calendar: calendar)
            var series = try await lockedSeries(db, id: id, expectedVersion: expectedVersion, act: Phrase(ko: "재개할", en: "resume"))
            if day < today {
                try SQLCaseStore.refuseSeries([FieldIssue(field: "from", message: Phrase(ko: "지난 날짜입니다", en: "that date has passed"))])
            }
            guard series.pauses.contains(where: { $0.to >= day }) else {
                try SQLCaseStore.refuseSeries([FieldIssue(field: "from", message: Phrase(ko: "\(day) 이후에 중지된 기간이 없습니다",
                                                                                        en: "the series is not paused on or after \(day)"))])
                return SeriesOutcome(series: series)
            }
            let dayBefore = day.adding(days: -1, calendar: calendar)
            series.pauses = series.pauses.compactMap { pause in
                guard pause.to >= day else { return pause }
                guard pause.from < day else { return nil }
                return SeriesPause(from: pause.from, to: dayBefore, reason: pause.reason)
            }
            series.version += 1
            try await saveSeries(db, series, at: now)
            try await recordChange(db, series, .resume, from: day, to: nil, detail: "", at: now)
            var outcome = SeriesOutcome(series: series)
            if let madeUntil = series.madeUntil, madeUntil >= day {
                outcome.made = try await makeDates(db, series, from: day, through: madeUntil, at: now)
            }
            outcome.series = try await SQLCaseStore.fetchSeries(db, id: id)
            return outcome
        }
    }

    /// Ends the series after `lastDay` (nil: today): its later dates are cancelled.
    public func endSeries(id: Int64, lastDay: CivilDate?, reason: String, expectedVersion: Int?) async throws -> SeriesOutcome {
        try await write { [self] db in
            let now = now()
            let today = CivilDate(now, calendar: calendar)
            var series = try await lockedSeries(db, id: id, expectedVersion: expectedVersion, act: Phrase(ko: "종료할", en: "end"))
            let last = lastDay ?? today
            var issues: [FieldIssue] = []
            if last < today.adding(days: -1, calendar: calendar) {
                issues.append(FieldIssue(field: "until", message: Phrase(ko: "지난 날짜입니다", en: "that date has passed")))
            }
            if last < series.startsOn.adding(days: -1, calendar: calendar) {
                issues.append(FieldIssue(field: "until", message: Phrase(ko: "종료일이 시작일보다 앞섭니다", en: "the end date is before the start date")))
            }
            try SQLCaseStore.refuseSeries(issues)
            var outcome = SeriesOutcome(series: series)
            let note = SeriesWords.oneLine(reason)
            let words = Phrase(ko: "정기 일정 종료 (\(last)까지)\(note.isEmpty ? "" : ": " + note)",
                               en: "series ended after \(last)\(note.isEmpty ? "" : ": " + note)")
            for request in try await SQLCaseStore.seriesRequests(db, seriesID: id, from: last.adding(days: 1, calendar: calendar),
                                                                 statuses: SQLCaseStore.openStatuses) {
                try await drop(db, request, seriesID: id, on: CivilDate(request.appointmentAt, calendar: calendar), reason: words, into: &outcome)
            }
            // A series ended before its first day keeps a valid record, with no day in it.
            if last < series.startsOn { series.startsOn = last }
            series.endsOn = last
            series.version += 1
            try await saveSeries(db, series, at: now)
            try await recordChange(db, series, .end, from: nil, to: last, detail: note, at: now)
            outcome.series = try await SQLCaseStore.fetchSeries(db, id: id)
            return outcome
        }
    }

    /// Makes `volunteerID` the series' standing volunteer and assigns them every pending date
    /// ahead they can take, each checked as a single assign is; the others are listed with why.
    public func assignSeries(id: Int64, volunteerID: Int64, expectedVersion: Int?) async throws -> SeriesOutcome {
        try await write { [self] db in
            let now = now()
            let today = CivilDate(now, calendar: calendar)
            var series = try await lockedSeries(db, id: id, expectedVersion: expectedVersion, act: Phrase(ko: "배정할", en: "assign"))
            let volunteer = try await SQLCaseStore.fetchVolunteer(db, id: volunteerID)
            var outcome = SeriesOutcome(series: series)
            for request in try await SQLCaseStore.seriesRequests(db, seriesID: id, from: today, statuses: SQLCaseStore.openStatuses)
            where request.appointmentAt > now {
                if request.volunteerID == volunteerID { outcome.kept.append(request); continue }
                do {
                    outcome.assigned.append(try await assign(db, requestID: request.id, volunteerID: volunteerID, expectedVersion: nil, override: false))
                } catch let error as StoreError {
                    outcome.cannotTake.append(SeriesDateNote(request: request, reason: Phrase(
                        ko: error.message(.ko, calendar: calendar), en: error.message(.en, calendar: calendar))))
                }
            }
            series.volunteerID = volunteerID
            series.version += 1
            try await saveSeries(db, series, at: now)
            try await recordChange(db, series, .assign, from: today, to: nil, detail: "\(volunteer.name) #\(volunteerID)", at: now)
            outcome.series = try await SQLCaseStore.fetchSeries(db, id: id)
            return outcome
        }
    }

    // MARK: The pieces

    func lockedSeries(_ db: any StoreConnection, id: Int64, expectedVersion: Int?, act: Phrase) async throws -> StandingSeries {
        let peek = try await SQLCaseStore.fetchSeries(db, id: id)
        try await db.lock(.household(peek.householdID))
        let series = try await SQLCaseStore.fetchSeries(db, id: id)
        try await authorize(db, dongCode: series.dongCode, act: Phrase(ko: "정기 일정 \(id)번을 \(act.ko)", en: "\(act.en) standing series \(id)"))
        if let expectedVersion, expectedVersion != series.version {
            throw StoreError.staleWrite(entity: "series", id: id, changedBy: series.updatedBy, changedAt: series.updatedAt, nowStatus: "")
        }
        return series
    }

    func saveSeries(_ db: any StoreConnection, _ series: StandingSeries, at now: Date) async throws {
        var values = series.storedValues
        values["updated_at"] = Stored.cell(now)
        values["updated_by"] = user
        values.removeValue(forKey: "created_at")
        try await db.update("standing_series", id: series.id, values)
    }

    func recordChange(_ db: any StoreConnection, _ series: StandingSeries, _ kind: SeriesChange.Kind, from: CivilDate?, to: CivilDate?,
                      detail: String, at now: Date) async throws {
        try await db.execute("""
            INSERT INTO series_change (series_id, kind, from_date, to_date, detail, at, "user") VALUES (?, ?, ?, ?, ?, ?, ?)
            """, [series.id, kind.rawValue, from?.description, to?.description, detail, Stored.cell(now), user])
        try await appendAudit(db, action: "series \(kind.rawValue)", entity: "series", id: String(series.id), dongCode: series.dongCode,
                              before: nil, after: AuditJSON.encode(series), at: now)
    }

    /// A date that stays in the series under a new schedule: its time and place move; its
    /// volunteer stays when still free and allowed then, else is released with `reason`.
    private func move(_ db: any StoreConnection, _ request: EscortRequest, to series: StandingSeries, on day: CivilDate, reason: Phrase,
                      at now: Date, into outcome: inout SeriesOutcome) async throws {
        guard !series.matches(request, on: day, calendar: calendar) else {
            if request.volunteerID != nil { outcome.kept.append(request) }
            return
        }
        let draft = series.request(on: day, calendar: calendar, at: now)
        var moved = request
        moved.hospital = draft.hospital
        moved.department = draft.department
        moved.appointmentAt = draft.appointmentAt
        moved.pickupAt = draft.pickupAt
        moved.transport = draft.transport
        moved.purpose = draft.purpose
        moved.expectedMinutes = draft.expectedMinutes
        let (written, refusal) = try await reschedule(db, from: request, to: moved, reason: reason, action: "series change", at: now)
        if let refusal {
            outcome.released.append(SeriesDateNote(request: written, reason: Phrase(ko: "\(reason.ko): \(refusal.ko)", en: "\(reason.en): \(refusal.en)")))
        } else if written.volunteerID != nil {
            outcome.kept.append(written)
        }
    }

    /// A date no longer in the series: cancelled with `reason` (its volunteer freed, and listed).
    private func drop(_ db: any StoreConnection, _ request: EscortRequest, seriesID: Int64, on day: CivilDate, reason: Phrase,
                      into outcome: inout SeriesOutcome) async throws {
        _ = try await applyLifecycle(db, .cancel, requestID: request.id, details: ActionDetails(reason: reason.ko),
                                     expectedVersion: nil, checkAccess: true)
        // The date may be made again (a resumed pause): the link goes, the cancelled request stays.
        try await db.execute("DELETE FROM series_date WHERE series_id = ? AND on_date = ?", [seriesID, day.description])
        let note = SeriesDateNote(request: request, reason: reason)
        if request.volunteerID != nil { outcome.released.append(note) } else { outcome.cancelled.append(note) }
    }

    static func seriesIssue(_ field: String, _ message: Phrase) -> DataIssue {
        DataIssue(file: "series", line: 1, field: field, message: message)
    }

    static func refuseSeries(_ issues: [FieldIssue]) throws {
        guard !issues.isEmpty else { return }
        throw StoreError.invalidData(issues.map { seriesIssue($0.field, $0.message) })
    }
}
