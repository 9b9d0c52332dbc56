import Foundation
import GRDB
import HonsimCore
import PostgresNIO

/// PostgreSQL's reads of volunteers' loads and of the statistics' facts. Where a read has
/// thousands of rows it asks for one row of arrays, one per column, which the driver decodes
/// in a single pass rather than cell by cell; and the locks a write takes.
extension PGSQL {
    enum LockSpace: Int64 {
        case request = 1, volunteer = 2, store = 3, household = 4, keptFigures = 5
    }

    /// Advisory locks on records (not `FOR UPDATE`, which row-level security would turn into
    /// "not found" for a coordinator of another dong); a table lock against an import.
    func lock(_ lock: StoreLock) async throws {
        let key: (LockSpace, Int64)
        switch lock {
        case .request(let id): key = (.request, id)
        case .volunteer(let id): key = (.volunteer, id)
        case .household(let id): key = (.household, id)
        case .store: key = (.store, 0)
        case .keptFigures: key = (.keptFigures, 0)
        case .importing(let kind):
            try await lockForImport(kind)
            return
        case .savingInto(let table):
            // An import holds its table until it commits (PostgresStore+Import.swift): a save waits
            // for it, so its duplicate check sees the imported rows; an import begun later waits for the save.
            try await execute("LOCK TABLE \(table) IN ROW EXCLUSIVE MODE")
            return
        }
        try await execute("SELECT pg_advisory_xact_lock(?::int, ?::int)", [key.0.rawValue, key.1])
    }

    func storageProblems() async throws -> [InvariantViolation] { [] }

    /// The person logs in as a role of their own name, a member of `honsim_user`. Creating
    /// roles takes CREATEROLE; an admin without it has a database administrator make the role.
    func provideLogin(for name: String) async throws {
        let exists = try await one("SELECT 1 AS found FROM pg_roles WHERE rolname = ?", [name]) != nil
        let quoted = "\"" + name.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        let mayCreate = try await value("SELECT rolsuper OR rolcreaterole FROM pg_roles WHERE rolname = current_user", as: Bool.self) ?? false
        guard mayCreate else { return }
        if !exists { try await execute("CREATE ROLE \(quoted) LOGIN") }
        try await execute("GRANT honsim_user TO \(quoted)")
    }

    func volunteerLoads(for request: EscortRequest, excludingRequest: Int64, volunteerID: Int64?,
                        context: LoadContext) async throws -> [Int64: VolunteerLoad] {
        let rows = try await loadRows(for: request, excludingRequest: excludingRequest, volunteerID: volunteerID, context: context)
        var loads: [Int64: VolunteerLoad] = [:]
        for (id, span) in rows.busy { loads[id, default: VolunteerLoad()].busy.append(span) }
        for (id, isWeek, minutes) in rows.minutes {
            if isWeek { loads[id, default: VolunteerLoad()].minutesInWeek = minutes } else { loads[id, default: VolunteerLoad()].minutesInMonth = minutes }
        }
        for (id, times) in rows.escorts { loads[id, default: VolunteerLoad()].escortsWithHousehold = times }
        return loads
    }

    /// On a store's read, the week's and month's minutes come from the kept ones (KeptMinutes).
    func poolLoads(for request: EscortRequest, pool: MatchPool, context: LoadContext) async throws -> PoolLoads {
        guard let keptMinutes else {
            let rows = try await loadRows(for: request, excludingRequest: request.id, volunteerID: nil, context: context)
            var loads = PoolLoads(count: pool.count)
            for (id, span) in rows.busy { if let index = pool.index(of: id) { loads.addBusy(span, at: index) } }
            for (id, isWeek, minutes) in rows.minutes {
                guard let index = pool.index(of: id) else { continue }
                if isWeek { loads.minutesInWeek[index] = Int32(clamping: minutes) } else { loads.minutesInMonth[index] = Int32(clamping: minutes) }
            }
            for (id, times) in rows.escorts { if let index = pool.index(of: id) { loads.escortsWithHousehold[index] = Int32(clamping: times) } }
            return loads
        }
        var loads = PoolLoads(count: pool.count)
        let week = LoadPeriod.week(request.pickupAt, calendar: context.calendar)
        let month = LoadPeriod.month(request.pickupAt, calendar: context.calendar)
        // Three statements at once on the connection: the driver sends each as the one before
        // is answered, with no return to this task between.
        async let keptRows = self.keptMinutes([week, month], pool: pool, kept: keptMinutes)
        async let busyRows = busyRows(for: request, excludingRequest: request.id, volunteerID: nil, context: context)
        async let escortRows = escortRows(householdID: request.householdID, volunteerID: nil)
        let minutes = try await keptRows
        if let values = minutes[week] { loads.minutesInWeek = values }
        if let values = minutes[month] { loads.minutesInMonth = values }
        // A request being re-ranked still holds its own volunteer's minutes: take them off.
        if request.status.holdsVolunteer, let holder = request.volunteerID, let index = pool.index(of: holder) {
            loads.minutesInWeek[index] -= Int32(clamping: request.expectedMinutes)
            loads.minutesInMonth[index] -= Int32(clamping: request.expectedMinutes)
        }
        for (id, span) in try await busyRows {
            if let index = pool.index(of: id) { loads.addBusy(span, at: index) }
        }
        for (id, times) in try await escortRows {
            if let index = pool.index(of: id) { loads.escortsWithHousehold[index] = Int32(clamping: times) }
        }
        return loads
    }

    func planLoads(for requests: [EscortRequest], pool: MatchPool, context: LoadContext) async throws -> PlanLoads {
        let window = PlanLoads.window(requests, buffer: context.rules.travelBuffer)
        var busy: [(volunteer: Int64, start: Int64, end: Int64)] = []
        try await forEachRow("""
            SELECT volunteer_id, starts_at, ends_at FROM assignment WHERE state = 'active' AND starts_at > ? AND starts_at < ?
            ORDER BY starts_at
            """, [window.low, window.high]) { busy.append(($0[0], $0[1], $0[2])) }
        let periods = PlanLoads.periods(requests, calendar: context.calendar).sorted()
        let minutes = if let keptMinutes {
            try await self.keptMinutes(periods, pool: pool, kept: keptMinutes)
        } else {
            try await minutesByPeriod(periods).mapValues { PlanLoads.byIndex($0, pool: pool) }
        }
        var escorts: [(household: Int64, volunteer: Int64, times: Int)] = []
        try await forEachRow("""
            SELECT household_id, volunteer_id, COUNT(*) AS n FROM assignment
            WHERE household_id = ANY (string_to_array(?, ',')::bigint[]) AND state = 'completed' GROUP BY household_id, volunteer_id
            """, [Set(requests.map(\.householdID)).map(String.init).joined(separator: ",")]) { escorts.append(($0[0], $0[1], $0[2])) }
        return PlanLoads(pool: pool, travelBuffer: context.rules.travelBuffer, calendar: context.calendar, busy: busy,
                         minutes: minutes, escorts: escorts)
    }

    /// One row of two arrays for the whole city, each window packed into one number (weekday,
    /// start and end minute: 3, 11 and 11 bits): a hundred thousand rows cell by cell took the
    /// driver longer than every other read of the dashboard's opening.
    func availabilityWindows() async throws -> [Int64: [AvailabilityWindow]] {
        let rows = try await stream("""
            SELECT coalesce(array_agg(volunteer_id::bigint), '{}'),
                   coalesce(array_agg((weekday * 4194304 + start_minute * 2048 + end_minute)::bigint), '{}')
            FROM availability_window
            """)
        var windows: [Int64: [AvailabilityWindow]] = [:]
        for try await (volunteers, packed) in rows.decode(([Int64], [Int64]).self) {
            for (volunteer, window) in zip(volunteers, packed) {
                guard let weekday = Weekday(rawValue: Int(window >> 22)) else { continue }
                windows[volunteer, default: []].append(AvailabilityWindow(
                    weekday: weekday, start: ClockTime(minutes: Int((window >> 11) & 2047)), end: ClockTime(minutes: Int(window & 2047))))
            }
        }
        return windows
    }

    /// Each query's rows as one row of arrays, one array a column, in the query's order: the
    /// driver took longer to hand over the rows one by one (tens of thousands for a city's
    /// week) than the server to find them.
    func foldVolunteerSummaries(_ queries: (loads: StoredQuery, escorts: StoredQuery, busy: StoredQuery),
                                into folding: inout VolunteerSummaryReads.Folding) async throws {
        func arrays(_ query: StoredQuery, _ columns: String) -> String {
            "SELECT \(columns) FROM (\(query.sql)) AS q"
        }
        let loads = try await stream(arrays(queries.loads, """
            coalesce(array_agg(volunteer_id::bigint), '{}'), coalesce(array_agg(period), '{}'), coalesce(array_agg(minutes::bigint), '{}')
            """), queries.loads.arguments)
        for try await (volunteers, periods, minutes) in loads.decode(([Int64], [String], [Int64]).self) {
            for index in volunteers.indices { folding.addLoad(volunteer: volunteers[index], period: periods[index], minutes: minutes[index]) }
        }
        let escorts = try await stream(arrays(queries.escorts, """
            coalesce(array_agg(volunteer_id::bigint), '{}'), coalesce(array_agg(n::bigint), '{}')
            """), queries.escorts.arguments)
        for try await (volunteers, counts) in escorts.decode(([Int64], [Int64]).self) {
            for index in volunteers.indices { folding.addEscorts(volunteer: volunteers[index], count: counts[index]) }
        }
        // In order of time, which the busy strip relies on. Each aggregate sorts its own input:
        // the key is every column, so rows that tie in it are the same in all three arrays.
        let order = "ORDER BY starts_at, volunteer_id, ends_at"
        let busy = try await stream(arrays(queries.busy, """
            coalesce(array_agg(volunteer_id::bigint \(order)), '{}'), coalesce(array_agg(starts_at::bigint \(order)), '{}'),
            coalesce(array_agg(ends_at::bigint \(order)), '{}')
            """), queries.busy.arguments)
        for try await (volunteers, starts, ends) in busy.decode(([Int64], [Int64], [Int64]).self) {
            for index in volunteers.indices { folding.addBusy(volunteer: volunteers[index], start: starts[index], end: ends[index]) }
        }
    }

    /// A month of a city is tens of thousands of rows. Decoding them one row at a time cost
    /// the driver six times what the server spent; as one row of arrays, one per column, it
    /// decodes each column in a single pass.
    func addRequestFacts(in range: TimeSpan, to accumulator: inout StatisticsAccumulator) async throws {
        let rows = try await stream("""
            SELECT array_agg(dong_code), array_agg(status), array_agg(appointment_at), array_agg(household_id),
                   array_agg(coalesce(volunteer_id, 0)),
                   -- GREATEST skips NULLs: a request never assigned must stay without a time to assign.
                   array_agg(CASE WHEN assigned_at IS NULL THEN -1 ELSE greatest(0, assigned_at - created_at) / 60 END),
                   array_agg(coalesce(actual_minutes, 0))
            FROM \(seen(.request)) WHERE appointment_at >= ? AND appointment_at < ?
            """, [Stored.cell(range.start), Stored.cell(range.end)])
        for try await (dongs, statuses, appointments, households, volunteers, assignMinutes, actualMinutes)
            in rows.decode(([String]?, [String]?, [Int64]?, [Int64]?, [Int64]?, [Int64]?, [Int64]?).self) {
            guard let dongs, let statuses, let appointments, let households, let volunteers, let assignMinutes, let actualMinutes
            else { continue }
            for index in dongs.indices {
                let status = RequestStatus(rawValue: statuses[index]) ?? .pending
                accumulator.add(RequestFact(
                    dongCode: dongs[index], status: status, appointmentAt: Stored.date(appointments[index]),
                    minutesToAssign: assignMinutes[index] < 0 ? nil : Int(assignMinutes[index]),
                    volunteerID: volunteers[index] == 0 ? nil : volunteers[index], householdID: households[index],
                    volunteerMinutes: status == .completed ? Int(actualMinutes[index]) : 0))
            }
        }
    }

    // MARK: The pieces

    /// The commitments that matter for one request, as rows: active escorts near it, minutes
    /// in its week and month, completed escorts with its household (optionally one volunteer's).
    private func loadRows(for request: EscortRequest, excludingRequest: Int64, volunteerID: Int64?, context: LoadContext) async throws
        -> (busy: [(Int64, TimeSpan)], minutes: [(Int64, Bool, Int)], escorts: [(Int64, Int)]) {
        let busy = try await busyRows(for: request, excludingRequest: excludingRequest, volunteerID: volunteerID, context: context)
        let holder = request.status.holdsVolunteer ? request.volunteerID : nil
        var minutes: [(Int64, Bool, Int)] = []
        let week = LoadPeriod.week(request.pickupAt, calendar: context.calendar)
        let month = LoadPeriod.month(request.pickupAt, calendar: context.calendar)
        for (period, loads) in try await minutesByPeriod([week, month], volunteerID: volunteerID) {
            for (id, value) in loads { minutes.append((id, period == week, id == holder ? value - request.expectedMinutes : value)) }
        }
        return (busy, minutes, try await escortRows(householdID: request.householdID, volunteerID: volunteerID))
    }

    /// Active escorts near the request that clash with it, optionally one volunteer's.
    private func busyRows(for request: EscortRequest, excludingRequest: Int64, volunteerID: Int64?, context: LoadContext) async throws
        -> [(Int64, TimeSpan)] {
        let span = request.span
        let rules = context.rules
        let buffer = Int64(rules.travelBuffer)
        // The volunteer is bound, not written into the text: one text, prepared once (PreparedReads).
        let filter = volunteerID == nil ? "" : "AND volunteer_id = ?"
        var busy: [(Int64, TimeSpan)] = []
        // A city's busy hour is about a thousand escorts: as three arrays, not a thousand rows.
        try await forEachBulkRow([.integer("volunteer_id"), .integer("starts_at"), .integer("ends_at")], """
            FROM assignment
            WHERE state = 'active' AND starts_at > ? AND starts_at < ? AND ends_at > ? AND request_id <> ? \(filter)
            """, [Stored.seconds(span.start) - 86_400, Stored.seconds(span.end) + buffer, Stored.seconds(span.start) - buffer - 1,
                  excludingRequest] + (volunteerID.map { [$0] } ?? [])) { row in
            let clash = TimeSpan(start: Stored.date(row[1] as Int64), end: Stored.date(row[2] as Int64))
            if clash.conflicts(with: span, buffer: rules.travelBuffer) { busy.append((row[0], clash)) }
        }
        return busy
    }

    /// Completed escorts with the household, per volunteer (optionally one).
    private func escortRows(householdID: Int64, volunteerID: Int64?) async throws -> [(Int64, Int)] {
        var escorts: [(Int64, Int)] = []
        try await forEachRow("""
            SELECT volunteer_id, COUNT(*) AS n FROM assignment
            WHERE household_id = ? AND state = 'completed' \(volunteerID == nil ? "" : "AND volunteer_id = ?") GROUP BY volunteer_id
            """, [householdID] + (volunteerID.map { [$0] } ?? [])) { escorts.append(($0[0], $0[1])) }
        return escorts
    }

    /// Each volunteer's minutes in the given periods (`W…` weeks, `M…` months), optionally one
    /// volunteer's. A month of a city is about 20,000 rows a period: read as one row of two
    /// arrays per period. Every aggregate of a group is fed the same rows in the same order, so
    /// the arrays line up.
    private func minutesByPeriod(_ periods: [String], volunteerID: Int64? = nil) async throws
        -> [String: [(volunteer: Int64, minutes: Int)]] {
        let rows = try await stream("""
            SELECT period, array_agg(volunteer_id), array_agg(minutes) FROM volunteer_load
            WHERE period = ANY (string_to_array(?, ',')) \(volunteerID == nil ? "" : "AND volunteer_id = ?") GROUP BY period
            """, [periods.joined(separator: ",")] + (volunteerID.map { [$0] } ?? []))
        var result: [String: [(volunteer: Int64, minutes: Int)]] = [:]
        for try await (period, volunteers, minutes) in rows.decode((String, [Int64], [Int64]).self) {
            result[period] = zip(volunteers, minutes).map { (volunteer: $0, minutes: Int($1)) }
        }
        return result
    }
}

extension PGSQL {
    /// PostgreSQL's planner chooses its indexes itself.
    func indexHint(_ name: String) -> String { "" }

    func among(_ column: String) -> String { "\(column) = ANY (string_to_array(?, ',')::bigint[])" }

    /// The views of migrations 12 and 21, which mask what the login's role may not see in full.
    func seen(_ records: PersonalRecords) -> String {
        switch records {
        case .household: "seen_household"
        case .volunteer: "seen_volunteer"
        case .request: "seen_request"
        case .call: "seen_contact_attempt"
        case .expense: "seen_escort_expense"
        case .message: "seen_message_record"
        case .series: "seen_standing_series"
        case .seriesChange: "seen_series_change"
        }
    }

    /// A member of the role that owns `users` (its owner, or a superuser). No row when the
    /// store has no users table yet (a read-only session of an older store).
    func ownsStore() async throws -> Bool {
        try await value("SELECT pg_has_role(current_user, relowner, 'MEMBER') FROM pg_class WHERE oid = to_regclass('users')",
                        as: Bool.self) ?? false
    }
}

extension PGSQL {
    func bulkLoad<T>(_ body: () async throws -> T) async throws -> T { try await body() }

    /// Records written under their own ids leave the id sequences behind; move them past.
    func idsWritten() async throws {
        for table in ["household", "volunteer", "escort_request", "day_off", "assignment", "contact_attempt", "message_record", "audit",
                      "standing_series", "series_change", "rule_override"] {
            try await execute("SELECT setval(pg_get_serial_sequence('\(table)', 'id'), GREATEST((SELECT MAX(id) FROM \(table)), 1), (SELECT MAX(id) FROM \(table)) IS NOT NULL)", [])
        }
    }
}

extension PGSQL {
    func tableExists(_ name: String) async throws -> Bool {
        try await value("SELECT to_regclass(?) IS NOT NULL", [name], as: Bool.self) ?? false
    }

    /// At once on the one connection: the driver queues the second statement and sends it as
    /// soon as the first is answered.
    func both<A: Sendable, B: Sendable>(_ first: @escaping @Sendable (any StoreConnection) async throws -> A,
                                        _ second: @escaping @Sendable (any StoreConnection) async throws -> B) async throws -> (A, B) {
        async let a = first(self)
        async let b = second(self)
        return try await (a, b)
    }
}
