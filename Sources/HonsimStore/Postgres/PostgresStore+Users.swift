import Foundation
import GRDB
import HonsimCore

/// Roles and dongs. The application checks first and explains a refusal in words; row-level
/// security checks again in the database (PostgresSchema.security), for any client at all.
/// `users add` also makes the person's login role, a member of `honsim_user`.
extension PostgresStore {
    public func access() async throws -> Access {
        try await read { [self] db in try await fetchAccess(db) }
    }

    func fetchAccess(_ db: PGSQL) async throws -> Access {
        guard let row = try await db.one("SELECT role, dongs FROM users WHERE name = ?", [user]),
              let role = Role(rawValue: row["role"]) else {
            return Access(user: user, role: .viewer, isRegistered: false, readOnly: readOnly)
        }
        return Access(user: user, role: role, dongCodes: Set(StoreUser.codes(row["dongs"])), readOnly: readOnly)
    }

    func authorize(_ db: PGSQL, toChange request: EscortRequest) async throws {
        try await authorize(db, dongCode: request.dongCode, act: Phrase(ko: "요청 \(request.id)번을 바꿀", en: "change request \(request.id)"))
    }

    func authorize(_ db: PGSQL, dongCode: String, act: Phrase, fullDetails: Bool = false) async throws {
        let access = try await fetchAccess(db)
        if fullDetails ? access.seesFullDetails(dongCode: dongCode) : access.canChange(dongCode: dongCode) { return }
        if access.role == .viewer { throw StoreError.access(.viewer(user: user, registered: access.isRegistered)) }
        let dongs = try await cachedDongs(db)
        let scope = dongs.dongs.filter { access.dongCodes.contains($0.code) }.map(\.name)
        throw StoreError.access(.outsideScope(user: user, act: act, dongName: dongs.dong(code: dongCode)?.name ?? dongCode, scope: scope))
    }

    func authorizeAdmin(_ db: PGSQL, task: Phrase) async throws {
        let access = try await fetchAccess(db)
        if access.canManageUsers { return }
        if access.role == .viewer { throw StoreError.access(.viewer(user: user, registered: access.isRegistered)) }
        throw StoreError.access(.adminOnly(user: user, role: access.role, task: task))
    }

    /// The role that creates a store is its first admin.
    func registerCreator(_ db: PGSQL) async throws {
        let admins = try await db.value("SELECT COUNT(*) FROM users WHERE role = 'admin'", as: Int.self) ?? 0
        guard admins == 0 else { return }
        let now = now()
        try await insert(db, StoreUser(name: user, displayName: "", role: .admin, dongCodes: [], createdAt: now, createdBy: user,
                                       updatedAt: now, updatedBy: user))
    }

    func insert(_ db: PGSQL, _ person: StoreUser) async throws {
        try await db.execute("""
            INSERT INTO users (name, display_name, role, dongs, created_at, created_by, updated_at, updated_by)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """, [person.name, person.displayName, person.role.rawValue, person.dongCodes.joined(separator: ","),
                  Stored.cell(person.createdAt), person.createdBy, Stored.cell(person.updatedAt), person.updatedBy])
    }

    public func recordPersonalDataAccess(_ record: PersonalDataAccess) async throws {
        try await write { [self] db in
            let now = now()
            switch record {
            case .details(let householdID, let requestID):
                let household = try await PostgresStore.fetchHousehold(db, id: householdID)
                try await authorize(db, dongCode: household.dongCode,
                                    act: Phrase(ko: "대상자 \(householdID)번 상세를 볼", en: "see the details of household \(householdID)"),
                                    fullDetails: true)
                try await appendAudit(db, action: "view", entity: "household", id: String(householdID), dongCode: household.dongCode,
                                      before: nil, after: requestID.map { "{\"request\":\($0)}" }, at: now)
            case .export(let kind, let rows):
                let access = try await fetchAccess(db)
                if access.role == .viewer { throw StoreError.access(.viewer(user: user, registered: access.isRegistered)) }
                try await appendAudit(db, action: "export", entity: kind, id: "\(rows) rows", dongCode: nil,
                                      before: nil, after: "{\"rows\":\(rows)}", at: now)
            }
        }
    }

    // MARK: Users

    public func users() async throws -> [StoreUser] {
        try await read { [self] db in try await db.rows("SELECT * FROM users ORDER BY role, name").map(StoreUser.init(row:)) }
    }

    private static let manageUsers = Phrase(ko: "사용자 관리", en: "manage users")

    @discardableResult
    public func addUser(name: String, role: Role, dongs: [String], displayName: String) async throws -> StoreUser {
        try await write { [self] db in
            try await authorizeAdmin(db, task: PostgresStore.manageUsers)
            guard StoreUser.isValidName(name) else { throw StoreError.access(.invalidUserName(name: name)) }
            if try await db.one("SELECT 1 AS found FROM users WHERE name = ?", [name]) != nil {
                throw StoreError.access(.userExists(name: name))
            }
            let now = now()
            let added = StoreUser(name: name, displayName: displayName, role: role,
                                  dongCodes: try SQLiteStore.scope(try await cachedDongs(db), role: role, dongs: dongs, name: name),
                                  createdAt: now, createdBy: user, updatedAt: now, updatedBy: user)
            try await insert(db, added)
            try await ensureLoginRole(db, name: name)
            try await appendAudit(db, action: "user add", entity: "user", id: name, dongCode: nil, before: nil,
                                  after: AuditJSON.encode(added), at: now)
            return added
        }
    }

    /// The person logs in as a role of their own name, a member of `honsim_user`. Creating
    /// roles takes CREATEROLE; an admin without it has a database administrator make the role.
    private func ensureLoginRole(_ db: PGSQL, name: String) async throws {
        let exists = try await db.one("SELECT 1 AS found FROM pg_roles WHERE rolname = ?", [name]) != nil
        let quoted = "\"" + name.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        let mayCreate = try await db.value("SELECT rolsuper OR rolcreaterole FROM pg_roles WHERE rolname = current_user", as: Bool.self) ?? false
        guard mayCreate else { return }
        if !exists { try await db.execute("CREATE ROLE \(quoted) LOGIN") }
        try await db.execute("GRANT honsim_user TO \(quoted)")
    }

    @discardableResult
    public func updateUser(name: String, _ change: UserChange) async throws -> StoreUser {
        try await write { [self] db in
            try await authorizeAdmin(db, task: PostgresStore.manageUsers)
            let before = try await fetchUser(db, name: name)
            var after = before
            after.role = change.role ?? before.role
            after.displayName = change.displayName ?? before.displayName
            if before.role == .admin && after.role != .admin { try await keepAnAdmin(db, besides: name) }
            if change.dongs != nil || after.role != before.role {
                let dongs = change.dongs ?? (after.role == .admin ? [] : before.dongCodes)
                after.dongCodes = try SQLiteStore.scope(try await cachedDongs(db), role: after.role, dongs: dongs, name: name)
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
            try await authorizeAdmin(db, task: PostgresStore.manageUsers)
            let before = try await fetchUser(db, name: name)
            if before.role == .admin { try await keepAnAdmin(db, besides: name) }
            try await db.execute("DELETE FROM users WHERE name = ?", [name])
            try await appendAudit(db, action: "user remove", entity: "user", id: name, dongCode: nil,
                                  before: AuditJSON.encode(before), after: nil, at: now())
        }
    }

    private func fetchUser(_ db: PGSQL, name: String) async throws -> StoreUser {
        guard let row = try await db.one("SELECT * FROM users WHERE name = ?", [name]) else {
            throw StoreError.access(.noSuchUser(name: name))
        }
        return StoreUser(row: row)
    }

    private func keepAnAdmin(_ db: PGSQL, besides name: String) async throws {
        let others = try await db.value("SELECT COUNT(*) FROM users WHERE role = 'admin' AND name != ?", [name], as: Int.self) ?? 0
        if others == 0 { throw StoreError.access(.lastAdmin(name: name)) }
    }
}
