import Foundation
import GRDB
import HonsimCore

/// A person the store knows: their OS user name, the role they have, and their dongs.
public struct StoreUser: Sendable, Hashable, Codable {
    public var name: String
    public var displayName: String
    public var role: Role
    /// Dong codes, in the city's order; empty for an admin (who has every dong).
    public var dongCodes: [String]
    public var createdAt: Date
    public var createdBy: String
    public var updatedAt: Date
    public var updatedBy: String

    public init(name: String, displayName: String, role: Role, dongCodes: [String], createdAt: Date, createdBy: String,
                updatedAt: Date, updatedBy: String) {
        self.name = name
        self.displayName = displayName
        self.role = role
        self.dongCodes = dongCodes
        self.createdAt = createdAt
        self.createdBy = createdBy
        self.updatedAt = updatedAt
        self.updatedBy = updatedBy
    }

    static func codes(_ stored: String) -> [String] { stored.split(separator: ",").map(String.init) }

    init(row: some StoredRow) {
        self.init(name: row["name"], displayName: row["display_name"], role: Role(rawValue: row["role"]) ?? .viewer,
                  dongCodes: StoreUser.codes(row["dongs"]), createdAt: Stored.date(row["created_at"] as Int64),
                  createdBy: row["created_by"], updatedAt: Stored.date(row["updated_at"] as Int64), updatedBy: row["updated_by"])
    }

    /// An OS user name: what `getpwuid` gives, so no spaces, commas (the dongs column's
    /// separator) or control characters, and not absurdly long.
    public static func isValidName(_ name: String) -> Bool {
        !name.isEmpty && name.count <= 64
            && !name.unicodeScalars.contains { $0 == "," || $0.properties.isWhitespace || $0.properties.generalCategory == .control }
    }
}

/// What `updateUser` changes; nil leaves a field as it is.
public struct UserChange: Sendable, Hashable {
    public var role: Role?
    /// Dong names (current or former) or codes.
    public var dongs: [String]?
    public var displayName: String?

    public init(role: Role? = nil, dongs: [String]? = nil, displayName: String? = nil) {
        self.role = role
        self.dongs = dongs
        self.displayName = displayName
    }
}

extension SQLiteStore {
    public func users() async throws -> [StoreUser] {
        try await read { db in
            guard try db.tableExists("users") else { return [] }
            return try Row.fetchAll(db, sql: "SELECT * FROM users ORDER BY role, name").map(StoreUser.init(row:))
        }
    }

    private static let manageUsers = Phrase(ko: "사용자 관리", en: "manage users")

    @discardableResult
    public func addUser(name: String, role: Role, dongs: [String], displayName: String) async throws -> StoreUser {
        try await write { [self] db in
            try authorizeAdmin(db, task: SQLiteStore.manageUsers)
            guard StoreUser.isValidName(name) else { throw StoreError.access(.invalidUserName(name: name)) }
            if try Row.fetchOne(db, sql: "SELECT 1 FROM users WHERE name = ?", arguments: [name]) != nil {
                throw StoreError.access(.userExists(name: name))
            }
            let now = now()
            let added = StoreUser(name: name, displayName: displayName, role: role,
                                  dongCodes: try SQLiteStore.scope(try cachedDongs(db), role: role, dongs: dongs, name: name),
                                  createdAt: now, createdBy: user, updatedAt: now, updatedBy: user)
            try SQLiteStore.insert(db, added)
            try appendAudit(db, action: "user add", entity: "user", id: name, dongCode: nil, before: nil,
                            after: AuditJSON.encode(added), at: now)
            return added
        }
    }

    @discardableResult
    public func updateUser(name: String, _ change: UserChange) async throws -> StoreUser {
        try await write { [self] db in
            try authorizeAdmin(db, task: SQLiteStore.manageUsers)
            let before = try SQLiteStore.fetchUser(db, name: name)
            var after = before
            after.role = change.role ?? before.role
            after.displayName = change.displayName ?? before.displayName
            if before.role == .admin && after.role != .admin { try SQLiteStore.keepAnAdmin(db, besides: name) }
            if change.dongs != nil || after.role != before.role {
                // A new role without new dongs keeps the dongs it can keep: an admin has none.
                let dongs = change.dongs ?? (after.role == .admin ? [] : before.dongCodes)
                after.dongCodes = try SQLiteStore.scope(try cachedDongs(db), role: after.role, dongs: dongs, name: name)
            }
            after.updatedAt = now()
            after.updatedBy = user
            try db.execute(sql: """
                UPDATE users SET display_name = ?, role = ?, dongs = ?, updated_at = ?, updated_by = ? WHERE name = ?
                """, arguments: [after.displayName, after.role.rawValue, after.dongCodes.joined(separator: ","),
                                 Stored.seconds(after.updatedAt), user, name])
            try appendAudit(db, action: "user set", entity: "user", id: name, dongCode: nil, before: AuditJSON.encode(before),
                            after: AuditJSON.encode(after), at: after.updatedAt)
            return after
        }
    }

    public func removeUser(name: String) async throws {
        try await write { [self] db in
            try authorizeAdmin(db, task: SQLiteStore.manageUsers)
            let before = try SQLiteStore.fetchUser(db, name: name)
            if before.role == .admin { try SQLiteStore.keepAnAdmin(db, besides: name) }
            try db.execute(sql: "DELETE FROM users WHERE name = ?", arguments: [name])
            try appendAudit(db, action: "user remove", entity: "user", id: name, dongCode: nil,
                            before: AuditJSON.encode(before), after: nil, at: now())
        }
    }

    static func fetchUser(_ db: Database, name: String) throws -> StoreUser {
        guard let row = try Row.fetchOne(db, sql: "SELECT * FROM users WHERE name = ?", arguments: [name]) else {
            throw StoreError.access(.noSuchUser(name: name))
        }
        return StoreUser(row: row)
    }

    private static func keepAnAdmin(_ db: Database, besides name: String) throws {
        let others = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM users WHERE role = 'admin' AND name != ?", arguments: [name]) ?? 0
        if others == 0 { throw StoreError.access(.lastAdmin(name: name)) }
    }

    /// Dong names or codes as stable codes, in the city's order; every name must be a dong.
    static func scope(_ directory: DongDirectory, role: Role, dongs: [String], name: String) throws -> [String] {
        let wanted = dongs.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        if role == .admin && !wanted.isEmpty { throw StoreError.access(.adminHasEveryDong(name: name)) }
        if role == .coordinator && wanted.isEmpty { throw StoreError.access(.coordinatorNeedsDongs(name: name)) }
        var codes = Set<String>()
        for word in wanted {
            guard let dong = directory.resolve(word) else { throw StoreError.access(.unknownDong(name: word)) }
            codes.insert(dong.code)
        }
        return directory.dongs.map(\.code).filter(codes.contains)
    }
}
