import Foundation
import GRDB
import HonsimCore

/// The volunteers' side, written once for both backends: the council's settings for
/// credentials and expenses, what expires soon, the expenses recorded with a completion, the
/// month's expense report and the hours checked for the national portal. The decisions are
/// HonsimCore's (`Credentials`, `ExpenseRules`, `PortalHours`).
extension SQLCaseStore {
    /// The credential rules as a store's `meta` sets them; a value that is not a number (or
    /// is negative) leaves the built-in default.
    static func credentialRules(_ meta: [String: String]) -> CredentialRules {
        let defaults = CredentialRules()
        func months(_ key: String, _ fallback: Int) -> Int { Int(meta[key] ?? "").flatMap { $0 > 0 ? $0 : nil } ?? fallback }
        return CredentialRules(insuranceLapseOverridable: meta["insurance_lapse_overridable"] == "1",
                               trainingValidMonths: months("training_valid_months", defaults.trainingValidMonths),
                               backgroundCheckValidMonths: months("background_check_valid_months", defaults.backgroundCheckValidMonths))
    }

    public func volunteerSettings() async throws -> VolunteerSettings {
        try await read { [self] db in try await readVolunteerSettings(db) }
    }

    func readVolunteerSettings(_ db: any StoreConnection) async throws -> VolunteerSettings {
        var meta: [String: String] = [:]
        for row in try await db.rows("""
            SELECT key, value FROM meta WHERE key IN ('insurance_lapse_overridable', 'training_valid_months',
                'background_check_valid_months', 'expense_ceiling_won')
            """) {
            meta[row["key"]] = row["value"] as String
        }
        return VolunteerSettings(credentials: SQLCaseStore.credentialRules(meta),
                                 expenseCeilingWon: Int(meta["expense_ceiling_won"] ?? "").flatMap { $0 >= 0 ? $0 : nil }
                                     ?? VolunteerSettings.defaultExpenseCeilingWon)
    }

    /// Admins only: the settings every process reads. The rules a running process ranks with
    /// are read when it opens the store; the others on each use.
    public func setVolunteerSettings(_ settings: VolunteerSettings) async throws {
        try await write { [self] db in
            try await authorizeAdmin(db, task: Phrase(ko: "봉사자 규칙을 바꾸는 일", en: "changing the volunteer rules"))
            let before = try await readVolunteerSettings(db)
            let values: [(String, String)] = [
                ("insurance_lapse_overridable", settings.credentials.insuranceLapseOverridable ? "1" : "0"),
                ("training_valid_months", String(settings.credentials.trainingValidMonths)),
                ("background_check_valid_months", String(settings.credentials.backgroundCheckValidMonths)),
                ("expense_ceiling_won", String(settings.expenseCeilingWon)),
            ]
            for (key, value) in values {
                try await db.execute("""
                    INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value
                    """, [key, value])
            }
            try await appendAudit(db, action: "settings", entity: "volunteer_settings", id: "", dongCode: nil,
                                  before: before.auditText, after: settings.auditText, at: now())
        }
    }

    /// Credentials that lapse within `days` of `today`, or have lapsed, for active volunteers.
    public func expiringCredentials(within days: Int, today: CivilDate) async throws -> [CredentialExpiry] {
        try await read { [self] db in
            let settings = try await readVolunteerSettings(db)
            return Credentials.expiring(try await cachedVolunteers(db), today: today, within: days, rules: settings.credentials,
                                        calendar: calendar)
        }
    }

    /// Records what an escort paid back, with its completion, in the completion's transaction.
    func recordExpenses(_ db: any StoreConnection, _ expenses: Expenses?, request: EscortRequest, at now: Date) async throws {
        guard let expenses, !expenses.isEmpty, let volunteerID = request.volunteerID else { return }
        let issues = ExpenseRules.issues(expenses)
        if !issues.isEmpty {
            throw StoreError.invalidData(issues.map { DataIssue(file: "request", line: Int(request.id), field: $0.field, message: $0.message) })
        }
        try await db.execute("DELETE FROM escort_expense WHERE request_id = ?", [request.id])
        try await db.insert(into: "escort_expense", [
            "request_id": request.id, "volunteer_id": volunteerID, "fares": expenses.fares, "parking": expenses.parking,
            "meals": expenses.meals, "recorded_at": Stored.cell(now), "recorded_by": user,
        ])
    }

    /// The expenses recorded with a completed escort, if any.
    public func expenses(requestID: Int64) async throws -> Expenses? {
        try await read { db in
            try await db.one("SELECT fares, parking, meals FROM \(db.seen(.expense)) WHERE request_id = ?", [requestID]).map {
                Expenses(fares: $0["fares"], parking: $0["parking"], meals: $0["meals"])
            }
        }
    }

    /// The month's expenses, escort by escort, with the ceiling and what passed it.
    public func expenseReport(year: Int, month: Int) async throws -> ExpenseReport {
        try await read { [self] db in
            let settings = try await readVolunteerSettings(db)
            let volunteers = try await cachedVolunteers(db)
            let rows = try await db.rows("""
                SELECT e.request_id, e.volunteer_id, e.fares, e.parking, e.meals, a.starts_at, r.dong_code
                FROM \(db.seen(.expense)) AS e JOIN assignment AS a ON a.request_id = e.request_id AND a.state = 'completed'
                JOIN \(db.seen(.request)) AS r ON r.id = e.request_id
                WHERE a.month_key = ? ORDER BY a.starts_at, e.request_id
                """, [String(format: "M%04d-%02d", year, month)])
            let lines = rows.map { row in
                let expenses = Expenses(fares: row["fares"], parking: row["parking"], meals: row["meals"])
                let volunteerID: Int64 = row["volunteer_id"]
                return ExpenseLine(requestID: row["request_id"], day: CivilDate(Stored.date(row["starts_at"] as Int64), calendar: calendar),
                                   volunteerID: volunteerID,
                                   volunteerName: StoreRules.volunteer(withID: volunteerID, in: volunteers)?.name ?? "#\(volunteerID)",
                                   dongCode: row["dong_code"], expenses: expenses,
                                   overCeiling: ExpenseRules.excess(expenses, ceiling: settings.expenseCeilingWon))
            }
            return ExpenseReport(month: String(format: "%04d-%02d", year, month), ceiling: settings.expenseCeilingWon, lines: lines)
        }
    }

    /// The month's completed escorts, checked as the national portal checks them.
    public func portalHours(year: Int, month: Int, today: CivilDate) async throws -> PortalHours.Export {
        try await read { [self] db in
            let volunteers = try await cachedVolunteers(db)
            let consented = Set(volunteers.filter { $0.portalConsentOn.map { $0 <= today } ?? false }.map(\.id))
            let activities = try await db.rows("""
                SELECT a.volunteer_id, a.request_id, a.starts_at, a.minutes, r.dong_code
                FROM assignment AS a JOIN \(db.seen(.request)) AS r ON r.id = a.request_id
                WHERE a.state = 'completed' AND r.status = 'completed' AND a.month_key = ? ORDER BY a.starts_at, a.request_id
                """, [String(format: "M%04d-%02d", year, month)]).map { row in
                let start = Stored.date(row["starts_at"] as Int64)
                return PortalHours.Activity(requestID: row["request_id"], volunteerID: row["volunteer_id"], day: CivilDate(start, calendar: calendar),
                                            startedAt: start, minutes: row["minutes"], dongCode: row["dong_code"])
            }
            return PortalHours.prepare(activities, consented: consented, today: today, calendar: calendar)
        }
    }
}

/// The council's settings for the volunteers' side, kept in the store.
public struct VolunteerSettings: Sendable, Hashable {
    public var credentials: CredentialRules
    /// What one escort may pay back, in won.
    public var expenseCeilingWon: Int

    public static let defaultExpenseCeilingWon = 20_000

    public init(credentials: CredentialRules = CredentialRules(), expenseCeilingWon: Int = VolunteerSettings.defaultExpenseCeilingWon) {
        self.credentials = credentials
        self.expenseCeilingWon = expenseCeilingWon
    }

    var auditText: String {
        "{\"insurance_lapse_overridable\":\(credentials.insuranceLapseOverridable),\"training_valid_months\":\(credentials.trainingValidMonths),"
            + "\"background_check_valid_months\":\(credentials.backgroundCheckValidMonths),\"expense_ceiling_won\":\(expenseCeilingWon)}"
    }
}
