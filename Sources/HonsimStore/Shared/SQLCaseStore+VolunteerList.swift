import Foundation
import GRDB
import HonsimCore

/// The volunteers prepared for ranking as a store keeps them: with the dongs they were prepared
/// with and the volunteers revision they are of, which the records of a ranking must match.
struct KeptPool: Sendable {
    let pool: MatchPool
    let dongs: DongDirectory
    let volunteersRevision: String
}

/// The volunteers as the store keeps them in memory: the whole list for the screens that show
/// it, and the ranking pool, made from the ranking's own columns. Each is read again only when
/// a volunteer, a window or a day off changed (`volunteers_revision`; the pool also `dongs_revision`).
extension SQLCaseStore {
    /// The whole volunteer list. It is in id order; `StoreRules.volunteer(withID:in:)` finds one
    /// by binary search, so the cache holds no second copy of a city's volunteers keyed by id.
    func cachedVolunteers(_ db: any StoreConnection) async throws -> [Volunteer] {
        let revision = try await volunteersRevision(db)
        if let cached = volunteerCache.withLock({ $0 }), cached.revision == revision { return cached.list }
        // Room for exactly the list: grown by doubling, 20,000 volunteers would take room for
        // 32,768 for as long as the list is kept, and two buffers at once while it grows.
        let count = try await db.value("SELECT COUNT(*) FROM \(db.seen(.volunteer))", as: Int.self) ?? 0
        let list = try await SQLCaseStore.readVolunteers(db, .all(capacity: count))
        volunteerCache.withLock { $0 = (revision, list) }
        return list
    }

    /// The full records of the volunteers with these ids, of the pool's: from the
    /// kept list when it is current. Else the first ranking at a revision looks them up by id:
    /// it shows a few hundred to a few thousand of a city's 20,000, and reading all of them
    /// would be most of its time. A second means more will follow, and the whole list is read
    /// and kept for them.
    func volunteerRecords(_ db: any StoreConnection, ids: [Int64], of kept: KeptPool) async throws -> VolunteerRecords {
        let revision = kept.volunteersRevision
        var list: [Volunteer] = []
        if let cached = volunteerCache.withLock({ $0 }), cached.revision == revision {
            list = cached.list
        } else if recordsReadByID.withLock({ $0 }) == revision {
            list = try await cachedVolunteers(db)
        } else {
            list = try await SQLCaseStore.readVolunteers(db, .chosen(ids, pool: kept.pool))
            recordsReadByID.withLock { $0 = revision }
        }
        return VolunteerRecords(list: list)
    }

    /// The volunteers prepared for ranking, with the dongs they were prepared with, made again
    /// only when a volunteer or a dong changed: one look at both revisions answers for both.
    func cachedPool(_ db: any StoreConnection) async throws -> KeptPool {
        var revision: [String: String] = [:]
        for row in try await db.rows("SELECT key, value FROM meta WHERE key IN ('volunteers_revision', 'dongs_revision')") {
            revision[row["key"]] = row["value"] as String
        }
        let volunteers = revision["volunteers_revision"] ?? "", revisions = "\(revision["dongs_revision"] ?? "")/\(volunteers)"
        if let cached = poolCache.withLock({ $0 }), cached.revisions == revisions { return cached.kept }
        let dongs = try await cachedDongs(db)
        // The kept list, when it is current, is the cheaper source (a dashboard has read it for
        // its volunteers pane); then the pool the store keeps (SQLCaseStore+KeptPool); a store
        // that has neither reads the ranking's columns alone.
        let pool: MatchPool
        if let list = volunteerCache.withLock({ $0 }), list.revision == volunteers {
            pool = MatchPool(volunteers: list.list, dongs: dongs)
        } else if let kept = try await keptPool(db, revision: volunteers, dongs: dongs) {
            pool = kept
        } else {
            pool = try await SQLCaseStore.readPool(db, dongs: dongs)
        }
        let kept = KeptPool(pool: pool, dongs: dongs, volunteersRevision: volunteers)
        poolCache.withLock { $0 = (revisions, kept) }
        return kept
    }

    func volunteersRevision(_ db: any StoreConnection) async throws -> String {
        try await db.value("SELECT value FROM meta WHERE key = 'volunteers_revision'", as: String.self) ?? ""
    }

    /// What ranking reads of every volunteer, and nothing else: no names, phones or notes.
    /// Volunteers and windows are bulk reads (a pool takes them in any order); days off are few
    /// (a few thousand in a city) and come in the order a day held by two is named by.
    static func readPool(_ db: any StoreConnection, dongs: DongDirectory) async throws -> MatchPool {
        let count = try await db.value("SELECT COUNT(*) FROM \(db.seen(.volunteer))", as: Int.self) ?? 0
        let builder = Box(MatchPool.Builder(capacity: count)), skills = Box(Stored.SkillSets())
        try await db.forEachBulkRow(Self.rankingColumns, "FROM \(db.seen(.volunteer))", []) { row in
            builder.value.add(MatchPool.Columns(
                id: row.integer(0), dongCode: row.text(1), gender: Gender(rawValue: row.text(2)) ?? .female,
                skills: skills.value(row.text(3)), hasCar: row.integer(4) != 0, weeklyCapMinutes: Int(row.integer(5)),
                closed: row.integer(6) != 0, trainedOn: CivilDate(iso: row.text(7)), insuredUntil: CivilDate(iso: row.text(8))))
        }
        // Each window as one number (weekday, start and end minute in bits of 11): 70,000 of them
        // are half the arrays on PostgreSQL.
        try await db.forEachBulkRow([.integer("volunteer_id"), .integer("weekday * 4194304 + start_minute * 2048 + end_minute")],
                                    "FROM availability_window", []) { row in
            let window = row.integer(1)
            builder.value.addWindow(of: row.integer(0), weekday: Int(window >> 22), start: Int((window >> 11) & 2047), end: Int(window & 2047))
        }
        try await db.forEachRow("SELECT volunteer_id, from_date, to_date FROM day_off ORDER BY from_date", []) { row in
            guard let from = CivilDate(iso: row.text(1)), let to = CivilDate(iso: row.text(2)) else { return }
            builder.value.addDayOff(of: row.integer(0), from: from, to: to)
        }
        return builder.value.build(dongs: dongs)
    }

    /// What ranking reads of a volunteer, in the order `readPool` decodes it.
    private static let rankingColumns: [BulkColumn] = [
        .integer("id"), .text("dong_code"), .text("gender"), .text("skills"), .integer("has_car"), .integer("weekly_cap_minutes"),
        .integer("closed"), .text("COALESCE(trained_on, '')"), .text("COALESCE(insured_until, '')"),
    ]

    /// The ids a bulk read of the whole list takes at a time.
    static let bulkStretch: Int64 = 5_000

    /// A volunteer's columns, in the order the decoder reads them.
    private static let volunteerColumns: [BulkColumn] = [
        .integer("id"), .text("dong_code"), .text("name"), .text("gender"), .text("phone"), .text("skills"), .integer("has_car"),
        .integer("weekly_cap_minutes"), .text("notes"), .integer("closed"), .integer("version"),
        .text("COALESCE(trained_on, '')"), .text("COALESCE(insured_until, '')"), .text("COALESCE(background_checked_on, '')"),
        .text("COALESCE(portal_consent_on, '')"),
    ]

    /// Which volunteers a read of full records takes.
    enum Selection {
        /// Every one, into a list with room for `capacity`.
        case all(capacity: Int)
        /// These, each looked up by id, their windows taken from a pool of the same revision,
        /// which holds them already: a city's are 70,000 rows.
        case chosen([Int64], pool: MatchPool)
    }

    /// Volunteers in id order, with their windows and days off. Rows are read by column
    /// position: a city has tens of thousands.
    static func readVolunteers(_ db: any StoreConnection, _ selection: Selection) async throws -> [Volunteer] {
        var chosen: [(any DatabaseValueConvertible)?]?, capacity = 0, pool: MatchPool?
        var windows: [Int64: [AvailabilityWindow]] = [:]
        switch selection {
        case .all(let count):
            capacity = count
            windows = try await db.availabilityWindows()
        case .chosen(let ids, let kept):
            (chosen, capacity, pool) = ([SQLText.idList(ids)], ids.count, kept)
        }
        var daysOff: [Int64: [DayOff]] = [:]
        for row in try await db.rows("SELECT * FROM day_off\(chosen == nil ? "" : " WHERE \(db.among("volunteer_id"))") ORDER BY from_date",
                                     chosen ?? []) {
            if let off = StoreRules.dayOff(row: row) { daysOff[row["volunteer_id"], default: []].append(off) }
        }
        // A pass reads a stretch of ids at a time: PostgreSQL's arrays of a stretch are held only
        // while its records are made, where a whole city's took 6 MB more at the peak.
        var reads: [(clause: String, values: [(any DatabaseValueConvertible)?])] = []
        if let chosen {
            reads = [("FROM \(db.seen(.volunteer)) WHERE \(db.among("id"))", chosen)]
        } else {
            let bounds = try await db.one("SELECT COALESCE(MIN(id), 0), COALESCE(MAX(id), -1) FROM \(db.seen(.volunteer))")
            let low = bounds?.integer(0) ?? 0, high = bounds?.integer(1) ?? -1
            for start in stride(from: low, through: high, by: Int(Self.bulkStretch)) {
                reads.append(("FROM \(db.seen(.volunteer)) WHERE id >= ? AND id < ?", [start, start + Self.bulkStretch]))
            }
        }
        let list = Box([Volunteer]()), skills = Box(Stored.SkillSets())
        list.value.reserveCapacity(capacity)
        for read in reads {
            try await db.forEachBulkRow(Self.volunteerColumns, read.clause, read.values) { [windows, daysOff, pool] row in
                let id = row.integer(0)
                list.value.append(Volunteer(
                    id: id, dongCode: row.text(1), name: row.text(2), gender: Gender(rawValue: row.text(3)) ?? .female, phone: row.text(4),
                    skills: skills.value(row.text(5)), hasCar: row.integer(6) != 0, weeklyCapMinutes: Int(row.integer(7)),
                    availability: pool.map { $0.index(of: id).map($0.availability(at:)) ?? WeeklyAvailability() }
                        ?? WeeklyAvailability(windows[id] ?? []), daysOff: daysOff[id] ?? [], notes: row.text(8),
                    closed: row.integer(9) != 0, version: Int(row.integer(10)),
                    trainedOn: CivilDate(iso: row.text(11)), insuredUntil: CivilDate(iso: row.text(12)),
                    backgroundCheckedOn: CivilDate(iso: row.text(13)), portalConsentOn: CivilDate(iso: row.text(14))))
            }
        }
        // A bulk read comes in no particular order; sorting what is in order already is one pass.
        list.value.sort { $0.id < $1.id }
        return list.value
    }
}

/// The records a ranking shows, found by id in a list sorted by id: the kept list itself when
/// it is current, so a ranking of thousands copies each record once, into its candidate, and
/// builds no table of them first.
struct VolunteerRecords: Sendable {
    let list: [Volunteer]

    subscript(id: Int64) -> Volunteer? { StoreRules.volunteer(withID: id, in: list) }

    /// The records of `ids` by id, for a caller that keeps them.
    func byID(_ ids: [Int64]) -> [Int64: Volunteer] {
        Dictionary(ids.compactMap { id in self[id].map { (id, $0) } }, uniquingKeysWith: { first, _ in first })
    }
}
