import Foundation
import GRDB
import HonsimCore

/// Roles and dongs, enforced inside every write transaction: the store, not only the screen,
/// refuses what a person may not do. The row is read in the transaction itself, so a change
/// an admin makes counts at once for every running dashboard.
extension SQLiteStore {
    public func access() async throws -> Access {
        try await read { [self] db in try SQLiteStore.fetchAccess(db, user: user, readOnly: readOnly) }
    }

    static func fetchAccess(_ db: Database, user: String, readOnly: Bool) throws -> Access {
        // A store opened read-only may predate the users table; its reader is a viewer anyway.
        guard try db.tableExists("users"),
              let row = try Row.fetchOne(db, sql: "SELECT role, dongs FROM users WHERE name = ?", arguments: [user]),
              let role = Role(rawValue: row["role"]) else {
            return Access(user: user, role: .viewer, isRegistered: false, readOnly: readOnly)
        }
        return Access(user: user, role: role, dongCodes: Set(StoreUser.codes(row["dongs"])), readOnly: readOnly)
    }

    /// Refuses a change to `request` unless this user may change requests of its dong.
    func authorize(_ db: Database, toChange request: EscortRequest) throws {
        try authorize(db, dongCode: request.dongCode, act: Phrase(ko: "요청 \(request.id)번을 바꿀", en: "change request \(request.id)"))
    }

    /// Refuses unless this user may act on records of `dongCode`. `act` says what in the
    /// refusal; `fullDetails` asks whether they may see a household in full rather than change it.
    func authorize(_ db: Database, dongCode: String, act: Phrase, fullDetails: Bool = false) throws {
        let access = try SQLiteStore.fetchAccess(db, user: user, readOnly: readOnly)
        if fullDetails ? access.seesFullDetails(dongCode: dongCode) : access.canChange(dongCode: dongCode) { return }
        throw StoreError.access(try refusal(db, access: access, dongCode: dongCode, act: act))
    }

    func authorizeAdmin(_ db: Database, task: Phrase) throws {
        let access = try SQLiteStore.fetchAccess(db, user: user, readOnly: readOnly)
        if access.canManageUsers { return }
        if access.role == .viewer { throw StoreError.access(.viewer(user: user, registered: access.isRegistered)) }
        throw StoreError.access(.adminOnly(user: user, role: access.role, task: task))
    }

    private func refusal(_ db: Database, access: Access, dongCode: String, act: Phrase) throws -> AccessProblem {
        if access.role == .viewer { return .viewer(user: user, registered: access.isRegistered) }
        let dongs = try cachedDongs(db)
        let scope = dongs.dongs.filter { access.dongCodes.contains($0.code) }.map(\.name)
        return .outsideScope(user: user, act: act, dongName: dongs.dong(code: dongCode)?.name ?? dongCode, scope: scope)
    }

    /// The OS user who creates a store is its admin, unless it has one already (an older
    /// store migrated by `init`). The row itself records who and when; every later change to
    /// the users goes to the audit log, so a new store's audit log still begins with its data.
    static func registerCreator(_ db: Database, user: String, at now: Date) throws {
        let admins = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM users WHERE role = 'admin'") ?? 0
        guard admins == 0 else { return }
        try insert(db, StoreUser(name: user, displayName: "", role: .admin, dongCodes: [], createdAt: now, createdBy: user,
                                 updatedAt: now, updatedBy: user))
    }

    static func insert(_ db: Database, _ person: StoreUser) throws {
        try db.execute(sql: """
            INSERT INTO users (name, display_name, role, dongs, created_at, created_by, updated_at, updated_by)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [person.name, person.displayName, person.role.rawValue, person.dongCodes.joined(separator: ","),
                             Stored.seconds(person.createdAt), person.createdBy, Stored.seconds(person.updatedAt), person.updatedBy])
    }

    // MARK: The access log

    /// 개인정보 열람 기록: who saw which household's full details, or took personal data out
    /// in an export. Written like any other audit entry, by the person's own session; a
    /// read-only session cannot write it, and so never shows full details.
    public func recordPersonalDataAccess(_ record: PersonalDataAccess) async throws {
        try await write { [self] db in
            let now = now()
            switch record {
            case .details(let householdID, let requestID):
                let household = try SQLiteStore.fetchHousehold(db, id: householdID)
                try authorize(db, dongCode: household.dongCode,
                              act: Phrase(ko: "대상자 \(householdID)번 상세를 볼", en: "see the details of household \(householdID)"),
                              fullDetails: true)
                try appendAudit(db, action: "view", entity: "household", id: String(householdID), dongCode: household.dongCode,
                                before: nil, after: requestID.map { "{\"request\":\($0)}" }, at: now)
            case .export(let kind, let rows):
                let access = try SQLiteStore.fetchAccess(db, user: user, readOnly: readOnly)
                if access.role == .viewer { throw StoreError.access(.viewer(user: user, registered: access.isRegistered)) }
                try appendAudit(db, action: "export", entity: kind, id: "\(rows) rows", dongCode: nil,
                                before: nil, after: "{\"rows\":\(rows)}", at: now)
            }
        }
    }
}

/// One entry of the access log.
public enum PersonalDataAccess: Sendable, Hashable {
    /// A household's full details were shown (from a request's details, when given).
    case details(householdID: Int64, requestID: Int64?)
    /// Records holding personal data left the store unmasked.
    case export(kind: String, rows: Int)
}
