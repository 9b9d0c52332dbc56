import Foundation
import GRDB
import HonsimCore

/// The council's rules, written once for both backends: the rules the store holds, each
/// household's eligibility, the check that new requests pass (or pass by an override with a
/// reason), and the no-show counts behind the flags. What the rules decide is HonsimCore's
/// (`CouncilRuleCheck`); this reads the rows it decides on and writes what it allows.
extension SQLCaseStore {
    public func councilRules() async throws -> CouncilRuleBook {
        try await read { db in try await SQLCaseStore.fetchRuleBook(db) }
    }

    /// The rules as stored; the built-in defaults where the store holds none.
    static func fetchRuleBook(_ db: any StoreConnection) async throws -> CouncilRuleBook {
        var book = CouncilRuleBook()
        for row in try await db.rows("SELECT scope, rules FROM council_rules ORDER BY scope") {
            let scope: String = row["scope"], text: String = row["rules"]
            guard let rules = AuditJSON.decode(CouncilRules.self, from: text) else { continue }
            if scope.isEmpty { book.city = rules } else { book.dongs[scope] = rules }
        }
        return book
    }

    public func setCouncilRules(_ book: CouncilRuleBook) async throws {
        try await write { [self] db in
            try await authorizeAdmin(db, task: Phrase(ko: "협의체 기준을 바꾸", en: "change the council's rules"))
            let before = try await SQLCaseStore.fetchRuleBook(db)
            let now = now()
            try await db.execute("DELETE FROM council_rules")
            var rows: [[String: (any DatabaseValueConvertible)?]] = [["scope": "", "rules": AuditJSON.encode(book.city)]]
            for code in book.dongs.keys.sorted() where book.dongs[code] != book.city {
                rows.append(["scope": code, "rules": AuditJSON.encode(book.dongs[code])])
            }
            try await db.insert(into: "council_rules", rows.map { $0.merging(["updated_at": Stored.cell(now), "updated_by": user]) { $1 } })
            try await appendAudit(db, action: "rules", entity: "rules", id: "council", dongCode: nil,
                                  before: AuditJSON.encode(before), after: AuditJSON.encode(book), at: now)
        }
    }

    public func eligibility(householdIDs: Set<Int64>) async throws -> [Int64: HouseholdEligibility] {
        guard !householdIDs.isEmpty else { return [:] }
        return try await read { db in try await SQLCaseStore.fetchEligibility(db, householdIDs: householdIDs) }
    }

    /// Read from the table itself: on PostgreSQL it gives each role only the households it may see
    /// in full (migration 21), since a category has no masked form; the others are absent.
    static func fetchEligibility(_ db: any StoreConnection, householdIDs: Set<Int64>) async throws -> [Int64: HouseholdEligibility] {
        var found: [Int64: HouseholdEligibility] = [:]
        try await SQLText.forEachChunk(of: householdIDs) { marks, chunk in
            for row in try await db.rows("SELECT * FROM household_eligibility WHERE household_id IN (\(marks))", chunk) {
                found[row["household_id"]] = StoreRules.eligibility(row: row)
            }
        }
        return found
    }

    public func setEligibility(householdID: Int64, _ eligibility: HouseholdEligibility) async throws {
        try await write { [self] db in
            let household = try await SQLCaseStore.fetchHousehold(db, id: householdID)
            try await authorize(db, dongCode: household.dongCode,
                                act: Phrase(ko: "\(householdID)번 대상자의 대상 구분을 바꿀", en: "change household \(householdID)'s eligibility"))
            try await writeEligibility(db, householdID: householdID, dongCode: household.dongCode, eligibility)
        }
    }

    /// Records a household's eligibility (no row when nothing is recorded), audited.
    func writeEligibility(_ db: any StoreConnection, householdID: Int64, dongCode: String, _ eligibility: HouseholdEligibility) async throws {
        let before = try await SQLCaseStore.fetchEligibility(db, householdIDs: [householdID])[householdID]
        guard before ?? HouseholdEligibility() != eligibility else { return }
        let now = now()
        try await db.execute("DELETE FROM household_eligibility WHERE household_id = ?", [householdID])
        if !eligibility.isEmpty {
            try await db.insert(into: "household_eligibility", [
                "household_id": householdID, "categories": HouseholdEligibility.words(eligibility.categories),
                "served_elsewhere": HouseholdEligibility.words(eligibility.servedElsewhere),
                "updated_at": Stored.cell(now), "updated_by": user,
            ])
        }
        try await appendAudit(db, action: "eligibility", entity: "household", id: String(householdID), dongCode: dongCode,
                              before: AuditJSON.encode(before), after: AuditJSON.encode(eligibility), at: now)
    }

    /// What the council's rules say about new requests, by household, before any is made: the
    /// new-request form's check. Empty when every rule is kept.
    public func ruleFindings(for drafts: [EscortRequest]) async throws -> [Int64: [RuleFinding]] {
        try await read { [self] db in try await councilFindings(db, drafts: drafts) }
    }

    /// Each household's findings for `drafts` (numbered 1… in their order).
    func councilFindings(_ db: any StoreConnection, drafts: [EscortRequest]) async throws -> [Int64: [RuleFinding]] {
        guard !drafts.isEmpty else { return [:] }
        let book = try await SQLCaseStore.fetchRuleBook(db)
        let byHousehold = Dictionary(grouping: drafts.enumerated(), by: { $0.element.householdID })
        let households = try await SQLCaseStore.fetchHouseholds(db, ids: Set(byHousehold.keys))
        let eligibility = try await SQLCaseStore.fetchEligibility(db, householdIDs: Set(byHousehold.keys))
        var findings: [Int64: [RuleFinding]] = [:]
        for (householdID, numbered) in byHousehold {
            guard let household = households[householdID] else { continue }
            let rules = book.rules(forDong: household.dongCode)
            let adding = numbered.map { HouseholdUse(appointmentAt: $0.element.appointmentAt, minutes: $0.element.expectedMinutes, number: $0.offset + 1) }
            let existing = try await householdUses(db, householdID: householdID, years: Set(adding.map { calendar.component(.year, from: $0.appointmentAt) }))
            let found = CouncilRuleCheck.findings(rules: rules, eligibility: eligibility[householdID] ?? HouseholdEligibility(),
                                                  existing: existing, adding: adding, calendar: calendar)
            if !found.isEmpty { findings[householdID] = found }
        }
        return findings
    }

    /// A household's escorts that count against its limits, in the given calendar years:
    /// every request not cancelled, with its actual minutes once completed; those of
    /// `excluding` left out (a series' own dates, counted as the new ones).
    func householdUses(_ db: any StoreConnection, householdID: Int64, years: Set<Int>, excluding: Set<Int64> = []) async throws -> [HouseholdUse] {
        guard let first = years.min(), let last = years.max(),
              let start = calendar.date(from: DateComponents(year: first, month: 1, day: 1)),
              let end = calendar.date(from: DateComponents(year: last + 1, month: 1, day: 1))
        else { return [] }
        return try await db.rows("""
            SELECT id, appointment_at, expected_minutes, actual_minutes FROM \(db.seen(.request))
            WHERE household_id = ? AND appointment_at >= ? AND appointment_at < ? AND status != 'cancelled'
            """, [householdID, Stored.cell(start), Stored.cell(end)]).filter { !excluding.contains($0["id"] as Int64) }.map { row in
            let actual: Int? = row["actual_minutes"]
            return HouseholdUse(appointmentAt: Stored.date(row["appointment_at"]), minutes: actual ?? row["expected_minutes"])
        }
    }

    /// Inside `createRequests`: refuses new requests outside the council's rules, or, with an
    /// override, records each rule passed and the reason given (refused where the rules allow
    /// no override, or no reason is given).
    func enforceCouncilRules(_ db: any StoreConnection, drafts: [EscortRequest], override: RuleOverride?) async throws -> [Int64: [RuleFinding]] {
        let findings = try await councilFindings(db, drafts: drafts)
        for householdID in findings.keys.sorted() {
            guard let found = findings[householdID] else { continue }
            let reason = override?.reason.trimmingSpaces() ?? ""
            if reason.isEmpty || found.contains(where: { !$0.overridable }) {
                throw StoreError.outsideCouncilRules(householdID: householdID, found)
            }
        }
        return findings
    }

    /// Records each rule a household's new requests passed by override: a limit on the requests
    /// past it (`numbers`, 1… among all `created`), eligibility on all of the household's. The
    /// audit entry is the override's own, so that the request's last change stays its creation.
    func recordOverrides(_ db: any StoreConnection, householdID: Int64, findings: [RuleFinding], created: [EscortRequest],
                         reason: String, at now: Date) async throws {
        for finding in findings {
            let targets = finding.numbers.isEmpty ? created.filter { $0.householdID == householdID }
                : finding.numbers.compactMap { created.indices.contains($0 - 1) ? created[$0 - 1] : nil }
            for request in targets {
                let recorded = RecordedOverride(requestID: request.id, rule: finding.rule, detail: finding.phrase.ko, reason: reason, at: now, by: user)
                try await db.insert(into: "rule_override", [
                    "request_id": request.id, "rule": recorded.rule, "detail": recorded.detail, "reason": reason,
                    "at": Stored.cell(now), "by_user": user,
                ])
                try await appendAudit(db, action: "override", entity: "rule_override", id: String(request.id), dongCode: request.dongCode,
                                      before: nil, after: AuditJSON.encode(recorded), at: now)
            }
        }
    }

    /// An import of requests that the council's rules refuse imports nothing: each row outside
    /// them is named by its line, with the rule and by how much (an import has no override;
    /// the form makes such a request one at a time, with a reason).
    func refusePastCouncilRules(_ db: any StoreConnection, _ checked: ImportCheck.Checked, batch: ImportBatch) async throws {
        guard !checked.requests.isEmpty else { return }
        let findings = try await councilFindings(db, drafts: checked.requests.map(\.record))
        guard !findings.isEmpty else { return }
        var issues: [DataIssue] = []
        for (householdID, found) in findings {
            for finding in found {
                let rows = finding.numbers.isEmpty ? checked.requests.filter { $0.record.householdID == householdID }
                    : finding.numbers.compactMap { checked.requests.indices.contains($0 - 1) ? checked.requests[$0 - 1] : nil }
                var unnumbered = finding
                unnumbered.numbers = []
                let field = batch.column(finding.numbers.isEmpty ? .householdID : .appointmentDate)
                issues += rows.map { DataIssue(file: batch.file, line: $0.line, field: field, message: unnumbered.phrase) }
            }
        }
        throw StoreError.invalidData(issues.sorted { ($0.line, $0.field) < ($1.line, $1.field) })
    }

    /// The overrides recorded for these requests, by request: on PostgreSQL, of the requests whose
    /// dong the role sees in full (migration 21), as a reason in a coordinator's words has no masked form.
    public func ruleOverrides(requestIDs: Set<Int64>) async throws -> [Int64: [RecordedOverride]] {
        guard !requestIDs.isEmpty else { return [:] }
        return try await read { db in
            var found: [Int64: [RecordedOverride]] = [:]
            try await SQLText.forEachChunk(of: requestIDs) { marks, chunk in
                for row in try await db.rows("SELECT * FROM rule_override WHERE request_id IN (\(marks)) ORDER BY id", chunk) {
                    found[row["request_id"], default: []].append(RecordedOverride(
                        requestID: row["request_id"], rule: row["rule"], detail: row["detail"], reason: row["reason"],
                        at: Stored.date(row["at"]), by: row["by_user"]))
                }
            }
            return found
        }
    }

    // MARK: No-shows and late cancellations

    /// A household's standing under its council's rules: eligibility, uses against the limits
    /// (as of `now`), no-shows and late cancellations over the window, and whether it is flagged.
    public func householdStanding(id: Int64) async throws -> HouseholdStanding {
        try await read { [self] db in
            let household = try await SQLCaseStore.fetchHousehold(db, id: id)
            let standing = try await readStanding(db, of: household)
            return try await fetchAccess(db).seesFullDetails(dongCode: household.dongCode) ? standing : standing.masked()
        }
    }

    func readStanding(_ db: any StoreConnection, of household: Household) async throws -> HouseholdStanding {
        let id = household.id
        let rules = try await SQLCaseStore.fetchRuleBook(db).rules(forDong: household.dongCode)
        let now = now()
        let eligibility = try await SQLCaseStore.fetchEligibility(db, householdIDs: [id])[id] ?? HouseholdEligibility()
        let uses = try await householdUses(db, householdID: id, years: [calendar.component(.year, from: now)])
        let conduct = try await householdConduct(db, householdID: id, rules: rules, now: now)
        return HouseholdStanding(eligibility: eligibility, finding: CouncilRuleCheck.eligibility(eligibility, rules: rules),
                                 usage: CouncilRuleCheck.usage(rules: rules, existing: uses, at: now, calendar: calendar),
                                 conduct: conduct, flagged: conduct.isFlagged(threshold: rules.noShowThreshold))
    }

    /// A household's no-shows (by appointment) and late cancellations (cancelled less than the
    /// council's hours before the appointment, by when cancelled) over the window.
    func householdConduct(_ db: any StoreConnection, householdID: Int64, rules: CouncilRules, now: Date) async throws -> ConductCounts {
        let since = Stored.seconds(now) - Int64(rules.noShowWindowDays) * 86_400
        let row = try await db.one("""
            SELECT COALESCE(SUM(CASE WHEN status = 'no_show' AND appointment_at >= ? THEN 1 ELSE 0 END), 0) AS no_shows,
                   COALESCE(SUM(CASE WHEN status = 'cancelled' AND updated_at >= ? AND updated_at > appointment_at - ? THEN 1 ELSE 0 END), 0) AS late
            FROM \(db.seen(.request)) WHERE household_id = ? AND appointment_at >= ?
            """, [since, since, Int64(rules.lateCancelHours) * 3600, householdID, since - Int64(rules.lateCancelHours) * 3600])
        let noShows: Int? = row?["no_shows"], late: Int? = row?["late"]
        return ConductCounts(noShows: noShows ?? 0, lateCancellations: late ?? 0, windowDays: rules.noShowWindowDays)
    }

    /// Volunteers' drop-outs over their dongs' windows: released after the pickup (a no-show)
    /// or less than the council's hours before it (late). Undone assigns do not count.
    public func volunteerConduct(ids: Set<Int64>) async throws -> [Int64: ConductCounts] {
        guard !ids.isEmpty else { return [:] }
        return try await read { [self] db in
            try await volunteerConduct(db, ids: ids, book: try await SQLCaseStore.fetchRuleBook(db), now: now())
        }
    }

    /// `dongs`, each volunteer's dong where the caller knows it (a ranking does), spares the
    /// read of the volunteers' table for them.
    func volunteerConduct(_ db: any StoreConnection, ids: Set<Int64>, dongs: [Int64: String]? = nil, book: CouncilRuleBook,
                          now: Date) async throws -> [Int64: ConductCounts] {
        // The widest window of any council, then each volunteer's own dong's window and hours.
        let widest = ([book.city] + Array(book.dongs.values)).map(\.noShowWindowDays).max() ?? book.city.noShowWindowDays
        let since = Stored.seconds(now) - Int64(widest) * 86_400
        let (dongColumn, join) = dongs == nil ? ("v.dong_code", "JOIN \(db.seen(.volunteer)) AS v ON v.id = a.volunteer_id") : ("''", "")
        var counts: [Int64: ConductCounts] = [:]
        // The ids as one value: a ranking shows up to thousands, in one statement of one text.
        try await db.forEachRow("""
            SELECT a.volunteer_id, a.starts_at, a.ended_at, \(dongColumn)
            FROM assignment AS a \(join)
            WHERE \(db.among("a.volunteer_id")) AND a.state = 'released' AND a.ended_at >= ? AND (a.reason IS NULL OR a.reason != 'undo')
            """, [SQLText.idList(ids), since]) { row in
            let volunteerID = row.integer(0)
            let rules = book.rules(forDong: dongs?[volunteerID] ?? row.text(3))
            let startsAt = row.integer(1), endedAt = row.integer(2)
            guard endedAt >= Stored.seconds(now) - Int64(rules.noShowWindowDays) * 86_400 else { return }
            var count = counts[volunteerID] ?? ConductCounts(windowDays: rules.noShowWindowDays)
            if endedAt >= startsAt {
                count.noShows += 1
            } else if endedAt > startsAt - Int64(rules.lateCancelHours) * 3600 {
                count.lateCancellations += 1
            } else {
                return
            }
            counts[volunteerID] = count
        }
        return counts
    }

    /// The flags the assign dialog shows beside a ranking: the household's and those of the
    /// volunteers listed (by id, with their dongs, whose councils' thresholds apply).
    func conductFlags(_ db: any StoreConnection, request: EscortRequest, volunteers: [Int64: String]) async throws -> ConductFlags {
        try await conductFlags(db, try await householdConduct(db, of: request), volunteers: volunteers)
    }

    /// What a ranking's flags need before it ranks: the rule book and the household's counts,
    /// read while the loads are (`StoreConnection.both`).
    struct HouseholdConduct: Sendable {
        let book: CouncilRuleBook
        let counts: ConductCounts
        let now: Date
        let flagged: Bool
    }

    func householdConduct(_ db: any StoreConnection, of request: EscortRequest) async throws -> HouseholdConduct {
        let book = try await SQLCaseStore.fetchRuleBook(db)
        let now = now()
        let rules = book.rules(forDong: request.dongCode)
        let counts = try await householdConduct(db, householdID: request.householdID, rules: rules, now: now)
        return HouseholdConduct(book: book, counts: counts, now: now, flagged: counts.isFlagged(threshold: rules.noShowThreshold))
    }

    /// The flags from the household's side and the listed volunteers' counts.
    func conductFlags(_ db: any StoreConnection, _ household: HouseholdConduct, volunteers: [Int64: String]) async throws -> ConductFlags {
        let book = household.book
        let counts = try await volunteerConduct(db, ids: Set(volunteers.keys), dongs: volunteers, book: book, now: household.now)
        return ConductFlags(
            household: household.flagged ? household.counts : nil,
            volunteers: counts.filter { id, count in
                count.isFlagged(threshold: book.rules(forDong: volunteers[id] ?? "").noShowThreshold)
            })
    }
}

extension StoreRules {
    /// The volunteers of a ranking whose no-show counts are read: those it lists (the best
    /// eligible and the near-misses), not every eligible volunteer of a city.
    static func shownVolunteers(_ ranking: Ranking) -> [Int64: String] {
        Dictionary((ranking.eligible + ranking.excluded).map { ($0.volunteer.id, $0.volunteer.dongCode) },
                   uniquingKeysWith: { first, _ in first })
    }

    /// The same before the ranking is made, from its shortlist and the records it is made of,
    /// so that their counts are read while it is made.
    static func shownVolunteers(_ list: Matcher.Shortlist, pool: MatchPool, records: VolunteerRecords) -> [Int64: String] {
        let listed = (list.eligible + list.nearMisses).compactMap { records[pool.volunteerIDs[$0]] }
        return Dictionary(listed.map { ($0.id, $0.dongCode) }, uniquingKeysWith: { first, _ in first })
    }

    static func eligibility(row: some StoredRow) -> HouseholdEligibility {
        let categories: String = row["categories"], services: String = row["served_elsewhere"]
        return HouseholdEligibility(
            categories: (try? HouseholdEligibility.parse(categories, as: EligibilityCategory.init(word:)).get()) ?? [],
            servedElsewhere: (try? HouseholdEligibility.parse(services, as: OtherService.init(word:)).get()) ?? [])
    }
}

extension SQLCaseStore {
    /// The eligibility of imported households, under the ids they were given (in file order from `first`).
    func insertImportedEligibility(_ db: any StoreConnection, _ batch: ImportBatch, first: Int64, at now: Date) async throws {
        guard !batch.eligibility.isEmpty else { return }
        var rows: [[String: (any DatabaseValueConvertible)?]] = []
        for (offset, row) in batch.households.enumerated() {
            guard let eligibility = batch.eligibility[row.line] else { continue }
            rows.append(["household_id": first + Int64(offset), "categories": HouseholdEligibility.words(eligibility.categories),
                         "served_elsewhere": HouseholdEligibility.words(eligibility.servedElsewhere),
                         "updated_at": Stored.cell(now), "updated_by": user])
        }
        try await db.insert(into: "household_eligibility", rows)
    }
}
