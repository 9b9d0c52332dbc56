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

    /// The one INSERT of a user, with `insertValues`, for both backends.
    static let insertSQL = """
        INSERT INTO users (name, display_name, role, dongs, created_at, created_by, updated_at, updated_by)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?)
        """

    var insertValues: [(any DatabaseValueConvertible)?] {
        [name, displayName, role.rawValue, dongCodes.joined(separator: ","), Stored.seconds(createdAt), createdBy,
         Stored.seconds(updatedAt), updatedBy]
    }

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
