import Foundation
import GRDB
import HonsimCore

/// Roles and dongs, enforced inside every write transaction: the store, not only the screen,
/// refuses what a person may not do, and explains a refusal in words. The row is read in the
/// transaction itself, so a change an admin makes counts at once for every running dashboard.
/// On PostgreSQL, row-level security checks again in the database, for any client at all.
extension SQLCaseStore {
    public func access() async throws -> Access {
        try await read { [self] db in try await fetchAccess(db) }
    }

    func fetchAccess(_ db: any StoreConnection) async throws -> Access {
        // The owner of a PostgreSQL store's tables is its admin whatever the users table says, as
        // the database itself takes them to be (`honsim_is_admin`): nobody can lock the owner out.
        if try await db.ownsStore() { return Access(user: user, role: .admin, readOnly: readOnly) }
        guard try await hasUsers(db),
              let row = try await db.one("SELECT role, dongs FROM users WHERE name = ?", [user]),
              let role = Role(rawValue: row["role"]) else {
            return Access(user: user, role: .viewer, isRegistered: false, readOnly: readOnly)
        }
        return Access(user: user, role: role, dongCodes: Set(StoreUser.codes(row["dongs"])), readOnly: readOnly)
    }

    /// Whether the store has its users table. Opening a store for writing migrates it, so only a
    /// store opened read-only may predate the table (its reader is a viewer anyway): every write
    /// asks for access, and asks nothing more for it.
    private func hasUsers(_ db: any StoreConnection) async throws -> Bool {
        if !readOnly { return true }
        return try await db.tableExists("users")
    }

    func authorize(_ db: any StoreConnection, toChange request: EscortRequest) async throws {
        try await authorize(db, dongCode: request.dongCode, act: Phrase(ko: "요청 \(request.id)번을 바꿀", en: "change request \(request.id)"))
    }

    func authorize(_ db: any StoreConnection, dongCode: String, act: Phrase, fullDetails: Bool = false) async throws {
        let access = try await fetchAccess(db)
        if fullDetails ? access.seesFullDetails(dongCode: dongCode) : access.canChange(dongCode: dongCode) { return }
        if access.role == .viewer { throw StoreError.access(.viewer(user: user, registered: access.isRegistered)) }
        let dongs = try await cachedDongs(db)
        let scope = dongs.dongs.filter { access.dongCodes.contains($0.code) }.map(\.name)
        throw StoreError.access(.outsideScope(user: user, act: act, dongName: dongs.dong(code: dongCode)?.name ?? dongCode, scope: scope))
    }

    func authorizeAdmin(_ db: any StoreConnection, task: Phrase) async throws {
        let access = try await fetchAccess(db)
        if access.canManageUsers { return }
        if access.role == .viewer { throw StoreError.access(.viewer(user: user, registered: access.isRegistered)) }
        throw StoreError.access(.adminOnly(user: user, role: access.role, task: task))
    }

    /// Who creates a store (the OS user, or the login role) is its admin, unless it has one
    /// already (an older store migrated by `init`). The row itself records who and when; every
    /// later change to the users goes to the audit log, so a new store's audit log still begins
    /// with its data.
    func registerCreator(_ db: any StoreConnection) async throws {
        let admins = try await db.value("SELECT COUNT(*) FROM users WHERE role = 'admin'", as: Int.self) ?? 0
        guard admins == 0 else { return }
        let now = now()
        try await insert(db, StoreUser(name: user, displayName: "", role: .admin, dongCodes: [], createdAt: now, createdBy: user,
                                       updatedAt: now, updatedBy: user))
    }

    func insert(_ db: any StoreConnection, _ person: StoreUser) async throws {
        try await db.execute(StoreUser.insertSQL, person.insertValues)
    }

    /// 개인정보 열람 기록: records holding personal data left the store unmasked in an export.
    /// Written like any other audit entry, by the person's own session; a read-only session
    /// cannot write it, and so exports nothing in full.
    public func recordExport(kind: String, rows: Int, householdIDs: [Int64], from source: AccessSource) async throws {
        try await write { [self] db in
            let access = try await fetchAccess(db)
            if access.role == .viewer { throw StoreError.access(.viewer(user: user, registered: access.isRegistered)) }
            let households = householdIDs.map(String.init).joined(separator: ",")
            try await appendAudit(db, action: "export", entity: kind, id: "\(rows) rows", dongCode: nil, before: nil,
                                  after: "{\"rows\":\(rows),\"from\":\"\(source.rawValue)\",\"households\":[\(households)]}", at: now())
        }
    }

    // MARK: Users

    public func users() async throws -> [StoreUser] {
        try await read { [self] db in
            guard try await hasUsers(db) else { return [] }
            return try await db.rows("SELECT * FROM users ORDER BY role, name").map { StoreUser(row: $0) }
        }
    }

    private static let manageUsers = Phrase(ko: "사용자 관리", en: "manage users")

    @discardableResult
    public func addUser(name: String, role: Role, dongs: [String], displayName: String) async throws -> StoreUser {
        try await write { [self] db in
            try await authorizeAdmin(db, task: SQLCaseStore.manageUsers)
            guard StoreUser.isValidName(name) else { throw StoreError.access(.invalidUserName(name: name)) }
            if try await db.one("SELECT 1 AS found FROM users WHERE name = ?", [name]) != nil {
                throw StoreError.access(.userExists(name: name))
            }
            let now = now()
            let added = StoreUser(name: name, displayName: displayName, role: role,
                                  dongCodes: try StoreRules.scope(try await cachedDongs(db), role: role, dongs: dongs, name: name),
                                  createdAt: now, createdBy: user, updatedAt: now, updatedBy: user)
            try await insert(db, added)
            try await db.provideLogin(for: name)
            try await appendAudit(db, action: "user add", entity: "user", id: name, dongCode: nil, before: nil,
                                  after: AuditJSON.encode(added), at: now)
            return added
        }
    }

    @discardableResult
    public func updateUser(name: String, _ change: UserChange) async throws -> StoreUser {
        try await write { [self] db in
            try await authorizeAdmin(db, task: SQLCaseStore.manageUsers)
            let before = try await fetchUser(db, name: name)
            var after = before
            after.role = change.role ?? before.role
            after.displayName = change.displayName ?? before.displayName
            if before.role == .admin && after.role != .admin { try await keepAnAdmin(db, besides: name) }
            if change.dongs != nil || after.role != before.role {
                let dongs = change.dongs ?? (after.role == .admin ? [] : before.dongCodes)
                after.dongCodes = try StoreRules.scope(try await cachedDongs(db), role: after.role, dongs: dongs, name: name)
            }
            after.updatedAt = now()
            after.updatedBy = user
            try await db.execute("UPDATE users SET display_name = ?, role = ?, dongs = ?, updated_at = ?, updated_by = ? WHERE name = ?",
                                 [after.displayName, after.role.rawValue, after.dongCodes.joined(separator: ","),
                                  Stored.cell(after.updatedAt), user, name])
            try await appendAudit(db, action: "user set", entity: "user", id: name, dongCode: nil, before: AuditJSON.encode(before),
                                  after: AuditJSON.encode(after), at: after.updatedAt)
            return after
        }
    }

    public func removeUser(name: String) async throws {
        try await write { [self] db in
            try await authorizeAdmin(db, task: SQLCaseStore.manageUsers)
            let before = try await fetchUser(db, name: name)
            if before.role == .admin { try await keepAnAdmin(db, besides: name) }
            try await db.execute("DELETE FROM users WHERE name = ?", [name])
            try await appendAudit(db, action: "user remove", entity: "user", id: name, dongCode: nil,
                                  before: AuditJSON.encode(before), after: nil, at: now())
        }
    }

    private func fetchUser(_ db: any StoreConnection, name: String) async throws -> StoreUser {
        guard let row = try await db.one("SELECT * FROM users WHERE name = ?", [name]) else {
            throw StoreError.access(.noSuchUser(name: name))
        }
        return StoreUser(row: row)
    }

    private func keepAnAdmin(_ db: any StoreConnection, besides name: String) async throws {
        let others = try await db.value("SELECT COUNT(*) FROM users WHERE role = 'admin' AND name != ?", [name], as: Int.self) ?? 0
        if others == 0 { throw StoreError.access(.lastAdmin(name: name)) }
    }
}
