import Foundation
import HonsimCore

/// Statistics kept by the store (KeptFigures), written once for both backends: every write
/// transaction ends by folding what its triggers noted in `kept_journal` into `kept_figure`,
/// so the figures change with the rows or not at all; the statistics pane reads one row per
/// area of its period instead of every request of it.
///
/// The distinct counts keep no list of members: when a request's volunteer or served household
/// comes or goes, the requests of that one volunteer or household in the periods concerned are
/// read through their indexes, and say whether someone else still counts them. A kept list
/// would have held a row for every volunteer and household in every week, month and year of
/// every dong, gu and the city: tens of millions of rows for a city's store.
extension SQLCaseStore {
    /// Below this many journalled requests a transaction's changes are always folded.
    static let keptRebuildThreshold = 20_000

    /// What the kept figures were computed for: the calendar's zone decides the periods and the
    /// dongs revision the gus. A store whose figures say otherwise is recomputed at its next write.
    func keptFiguresState(_ db: any StoreConnection) async throws -> String {
        keptFiguresState(dongsRevision: try await db.value("SELECT value FROM meta WHERE key = 'dongs_revision'", as: String.self) ?? "")
    }

    func keptFiguresState(dongsRevision: String) -> String { "1|\(calendar.timeZone.identifier)|\(dongsRevision)" }

    /// Whether the kept figures are those of the rows: computed for this store as it is, and
    /// nothing written since that its own transaction did not fold in (a statement typed into
    /// psql leaves its journal behind until the next honsim write).
    func keptFiguresCurrent(_ db: any StoreConnection) async throws -> Bool {
        guard try await db.tableExists("kept_figure") else { return false }
        let kept = try await db.value("SELECT value FROM meta WHERE key = 'kept_figures'", as: String.self)
        guard kept == (try await keptFiguresState(db)) else { return false }
        return try await db.one("SELECT request_id FROM kept_journal LIMIT 1") == nil
    }

    /// Called at the end of every write transaction: the requests it changed, their figures
    /// taken away as they were and added as they are; and the kept ranking pool made again if
    /// the volunteers changed (SQLCaseStore+KeptPool).
    func foldKeptFigures(_ db: any StoreConnection) async throws {
        // One read on every write: whether anything was journalled, whether the figures were
        // computed for the store as it is, and whether the kept pool is of its volunteers.
        guard let state = try await db.one("""
            SELECT (SELECT value FROM meta WHERE key = 'kept_figures') AS kept,
                   (SELECT value FROM meta WHERE key = 'dongs_revision') AS dongs,
                   EXISTS (SELECT 1 FROM kept_journal) AS journalled,
                   (SELECT value FROM meta WHERE key = 'volunteers_revision') AS volunteers,
                   (SELECT volunteers_revision FROM kept_pool) AS pool
            """) else { return }
        if let volunteers = state["volunteers"] as String?, volunteers != state["pool"] as String? {
            try await keepPool(db, revision: volunteers)
        }
        let current = (state["kept"] as String?) == keptFiguresState(dongsRevision: state["dongs"] as String? ?? "")
        guard !current || (state["journalled"] as Bool) else { return }
        // Two writers' folds would each read a figure and write it back: they take turns, at the
        // very end of their transactions, for as long as the fold takes.
        try await db.lock(.keptFigures)
        let stale = (try await db.value("SELECT value FROM meta WHERE key = 'kept_figures'", as: String.self)) != (try await keptFiguresState(db))
        let journalled = try await db.value("SELECT COUNT(*) FROM kept_journal", as: Int.self) ?? 0
        // Counting afresh reads every request three times (weeks, months, years); folding
        // costs a few reads per change. A load that wrote most of the store is counted afresh; a
        // city's standing series extended by a week (tens of thousands of dates) is folded.
        var mostOfTheStore = false
        if journalled > Self.keptRebuildThreshold {
            mostOfTheStore = journalled * 2 > (try await db.value("SELECT COUNT(*) FROM \(db.seen(.request))", as: Int.self) ?? 0)
        }
        if stale || mostOfTheStore {
            try await rebuildKeptFigures(db)
            return
        }
        let directory = try await cachedDongs(db)
        let changes = try await journalledChanges(db)
        var deltas: [KeptKey: KeptFigures] = [:]
        let guOf = directory.guOf
        for change in changes {
            for (fact, sign) in [(change.before, -1), (change.after, 1)] {
                guard let fact else { continue }
                for key in fact.keys(guOf: guOf) { deltas[key, default: KeptFigures()].count(fact, sign: sign) }
            }
        }
        try await countDistinct(db, changes: changes, guOf: guOf, into: &deltas)
        try await applyKeptDeltas(db, deltas)
        try await db.execute("DELETE FROM kept_journal", [])
    }

    /// One request as a transaction found it and left it (nil where it did not exist).
    struct KeptChange {
        var id: Int64
        var before: KeptFact?
        var after: KeptFact?
    }

    /// The journal's requests, each with its row before the transaction and now, and what its
    /// calls came to before (as last counted) and now.
    private func journalledChanges(_ db: any StoreConnection) async throws -> [KeptChange] {
        let columns = Schema.keptColumns
        var days = KeptDays(calendar: calendar)
        var changes: [KeptChange] = []
        var pickups: [Int64: Int64] = [:]
        for row in try await db.rows("""
            SELECT j.request_id, j.state, \(columns.map { "j.\($0)" }.joined(separator: ", ")), \(columns.map { "r.\($0)" }.joined(separator: ", "))
            FROM kept_journal AS j LEFT JOIN \(db.seen(.request)) AS r ON r.id = j.request_id ORDER BY j.request_id
            """) {
            let id: Int64 = row[0]
            let state: String = row[1]
            let now = KeptRow(row, from: 2 + columns.count)
            let before = state == "old" ? KeptRow(row, from: 2) : state == "touched" ? now : nil
            if let now { pickups[id] = now.pickupAt }
            changes.append(KeptChange(id: id, before: before?.fact(days: &days, calls: .none),
                                      after: now?.fact(days: &days, calls: .none)))
        }
        let ids = changes.map(\.id)
        var former: [Int64: CallOutcome] = [:]
        try await SQLText.forEachChunk(of: ids) { marks, chunk in
            for row in try await db.rows("SELECT request_id, confirmed_day_before, unreached FROM kept_call_outcome WHERE request_id IN (\(marks))", chunk) {
                former[row[0]] = CallOutcome(confirmedDayBefore: (row[1] as Int64) != 0, unreached: (row[2] as Int64) != 0)
            }
        }
        let outcomes = try await callOutcomes(db, pickups: pickups)
        try await SQLText.forEachChunk(of: ids) { marks, chunk in
            try await db.execute("DELETE FROM kept_call_outcome WHERE request_id IN (\(marks))", chunk)
        }
        try await insertCallOutcomes(db, outcomes)
        return changes.map { change in
            var change = change
            change.before?.calls = former[change.id] ?? .none
            change.after?.calls = outcomes[change.id] ?? .none
            return change
        }
    }

    /// What the calls of each request came to, for those of `pickups` (request → pickup) with any.
    func callOutcomes(_ db: any StoreConnection, pickups: [Int64: Int64]) async throws -> [Int64: CallOutcome] {
        var attempts: [Int64: [ContactAttempt]] = [:]
        try await SQLText.forEachChunk(of: pickups.keys) { marks, chunk in
            for row in try await db.rows("""
                SELECT id, request_id, party, result, note, at, called_by FROM \(db.seen(.call))
                WHERE request_id IN (\(marks)) ORDER BY request_id, at, id
                """, chunk) {
                attempts[row["request_id"], default: []].append(ContactAttempt(row: row))
            }
        }
        var days = KeptDays(calendar: calendar)
        return attempts.reduce(into: [:]) { outcomes, entry in
            guard let pickup = pickups[entry.key] else { return }
            let outcome = CallOutcome(entry.value, pickupAt: Stored.date(pickup), dayStart: days.start(of: pickup))
            if outcome != .none { outcomes[entry.key] = outcome }
        }
    }

    func insertCallOutcomes(_ db: any StoreConnection, _ outcomes: [Int64: CallOutcome]) async throws {
        guard !outcomes.isEmpty else { return }
        try await db.insert(into: "kept_call_outcome", columns: ["request_id", "confirmed_day_before", "unreached"],
                            rows: outcomes.sorted { $0.key < $1.key }.map { [$0.key, $0.value.confirmedDayBefore ? 1 : 0, $0.value.unreached ? 1 : 0] })
    }

    /// The distinct volunteers and households of each period and area the changes touch: for
    /// every volunteer or household a change counts before or after, their other requests of
    /// those periods say where they still count.
    private func countDistinct(_ db: any StoreConnection, changes: [KeptChange], guOf: (String) -> String?,
                               into deltas: inout [KeptKey: KeptFigures]) async throws {
        let changed = Set(changes.map(\.id))
        let facts = changes.flatMap { [$0.before, $0.after].compactMap { $0 } }
        guard let first = facts.map(\.day).min(), let last = facts.map(\.day).max() else { return }
        // Every period of a changed day lies within its year and its week.
        let from = Stored.seconds(min(CivilDate(year: first.year, month: 1, day: 1), first.adding(days: -7, calendar: calendar)).start(in: calendar))
        let until = Stored.seconds(max(CivilDate(year: last.year + 1, month: 1, day: 1), last.adding(days: 8, calendar: calendar)).start(in: calendar))
        for member in KeptMember.allCases {
            let ids = Set(facts.compactMap { member.id(of: $0) })
            guard !ids.isEmpty else { continue }
            var others: [KeptFact] = []
            var days = KeptDays(calendar: calendar)
            try await SQLText.forEachChunk(of: ids) { marks, chunk in
                for row in try await db.rows("""
                    SELECT id, \(Schema.keptColumns.joined(separator: ", ")) FROM \(db.seen(.request)) \(db.indexHint(member.index))
                    WHERE \(member.column) IN (\(marks)) AND appointment_at >= ? AND appointment_at < ?
                    """, chunk + [from, until]) where !changed.contains(row[0]) {
                    if let fact = KeptRow(row, from: 1)?.fact(days: &days, calls: .none) { others.append(fact) }
                }
            }
            func places(_ facts: [KeptFact]) -> [Int64: Set<KeptKey>] {
                facts.reduce(into: [:]) { places, fact in
                    if let id = member.id(of: fact) { places[id, default: []].formUnion(fact.keys(guOf: guOf)) }
                }
            }
            let before = places(others + changes.compactMap(\.before)), after = places(others + changes.compactMap(\.after))
            for id in ids {
                let was = before[id] ?? [], is_ = after[id] ?? []
                for key in is_.subtracting(was) { member.add(1, to: &deltas[key, default: KeptFigures()]) }
                for key in was.subtracting(is_) { member.add(-1, to: &deltas[key, default: KeptFigures()]) }
            }
        }
    }

    /// Adds the deltas to the kept rows they concern, period by period, and writes them back;
    /// a row that comes to count nothing goes.
    private func applyKeptDeltas(_ db: any StoreConnection, _ deltas: [KeptKey: KeptFigures]) async throws {
        let byPeriod = Dictionary(grouping: deltas.keys.sorted(), by: \.period)
        for period in byPeriod.keys.sorted() {
            let areas = (byPeriod[period] ?? []).map(\.area)
            var kept: [String: KeptFigures] = [:]
            for chunk in stride(from: 0, to: areas.count, by: 400).map({ Array(areas[$0 ..< min($0 + 400, areas.count)]) }) {
                for row in try await db.rows("""
                    SELECT \(KeptRecord.columns) FROM kept_figure WHERE period = ? AND area IN (\(SQLText.marks(chunk.count)))
                    """, [period] + chunk) {
                    let record = KeptRecord(row)
                    kept[record.area] = record.figures
                }
            }
            var records: [KeptRecord] = []
            for area in areas {
                guard let delta = deltas[KeptKey(period: period, area: area)] else { continue }
                var figures = kept[area] ?? KeptFigures()
                figures.absorb(delta)
                if !figures.isEmpty { records.append(KeptRecord(period: period, area: area, figures: figures)) }
            }
            for chunk in stride(from: 0, to: areas.count, by: 400).map({ Array(areas[$0 ..< min($0 + 400, areas.count)]) }) {
                try await db.execute("DELETE FROM kept_figure WHERE period = ? AND area IN (\(SQLText.marks(chunk.count)))", [period] + chunk)
            }
            try await KeptRecord.insert(records, into: db)
        }
    }
}

/// The two distinct counts, each read through the index of its own column.
enum KeptMember: CaseIterable {
    case volunteer, household

    var column: String { self == .volunteer ? "volunteer_id" : "household_id" }
    var index: String { self == .volunteer ? "request_by_volunteer" : "request_by_household" }

    func id(of fact: KeptFact) -> Int64? { self == .volunteer ? fact.activeVolunteer : fact.servedHousehold }

    func add(_ count: Int, to figures: inout KeptFigures) {
        if self == .volunteer { figures.volunteers += count } else { figures.households += count }
    }
}

/// A request's counted columns, read from a row at `from` in `Schema.keptColumns`' order; nil
/// where the row has none (a LEFT JOIN that found nothing, an image the journal did not keep).
struct KeptRow {
    var dongCode: String
    var status: RequestStatus
    var appointmentAt: Int64
    var pickupAt: Int64
    var householdID: Int64
    var volunteerID: Int64?
    var assignedAt: Int64?
    var createdAt: Int64
    var actualMinutes: Int?

    init?(_ row: some StoredRow, from first: Int) {
        guard let status = (row[first + 1] as String?).flatMap(RequestStatus.init(rawValue:)) else { return nil }
        dongCode = row[first]
        self.status = status
        appointmentAt = row[first + 2]
        pickupAt = row[first + 3]
        householdID = row[first + 4]
        volunteerID = row[first + 5]
        assignedAt = row[first + 6]
        createdAt = row[first + 7]
        actualMinutes = row[first + 8]
    }

    func fact(days: inout KeptDays, calls: CallOutcome) -> KeptFact {
        KeptFact(dongCode: dongCode, status: status, day: days.day(of: appointmentAt), householdID: householdID,
                 volunteerID: volunteerID, minutesToAssign: assignedAt.map { Int(max(0, $0 - createdAt) / 60) },
                 actualMinutes: actualMinutes ?? 0, calls: calls)
    }
}

/// The day a stored time falls on in the store's zone, remembering the last day's bounds: rows
/// read in time order ask the calendar once a day, not once a row.
struct KeptDays {
    let calendar: Calendar
    private var last: (start: Int64, end: Int64, day: CivilDate)?

    init(calendar: Calendar) { self.calendar = calendar }

    mutating func day(of seconds: Int64) -> CivilDate {
        if let last, seconds >= last.start, seconds < last.end { return last.day }
        let day = CivilDate(Stored.date(seconds), calendar: calendar)
        last = (Stored.seconds(day.start(in: calendar)), Stored.seconds(day.adding(days: 1, calendar: calendar).start(in: calendar)), day)
        return day
    }

    mutating func start(of seconds: Int64) -> Date {
        let day = day(of: seconds)
        return Stored.date(last?.start ?? Stored.seconds(day.start(in: calendar)))
    }
}

extension DongDirectory {
    /// The gu of each dong the directory knows, for the kept figures' areas.
    var guOf: (String) -> String? {
        let gus = Dictionary(dongs.map { ($0.code, $0.gu) }, uniquingKeysWith: { first, _ in first })
        return { gus[$0] }
    }
}
