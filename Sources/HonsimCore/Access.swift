import Foundation

/// What a person may do with the store: their role and, for a coordinator, their dongs.
/// The store enforces it on every write; the dashboard uses the same rules to mask, to
/// grey out the help, and to refuse a key before it reaches the store.
public enum Role: String, Sendable, Hashable, Codable, CaseIterable {
    /// Everything, in every dong, and managing who may do what.
    case admin
    /// Changes requests of their dongs, and sees full personal data only there.
    case coordinator
    /// Sees, masked, and changes nothing. An OS user the store does not know is a viewer.
    case viewer
    /// A kiosk's login: a viewer whose role is named for what it is, so a store's users list says
    /// which login a public display uses. On PostgreSQL it reads masked views only, like a viewer.
    case kiosk

    public var phrase: Phrase {
        switch self {
        case .admin: Phrase(ko: "관리자", en: "admin")
        case .coordinator: Phrase(ko: "코디네이터", en: "coordinator")
        case .viewer: Phrase(ko: "열람자", en: "viewer")
        case .kiosk: Phrase(ko: "키오스크", en: "kiosk")
        }
    }

    /// Accepts the English names and the Korean words, as a person types them.
    public init?(word: String) {
        switch word.trimmingCharacters(in: .whitespaces).lowercased() {
        case "admin", "관리자": self = .admin
        case "coordinator", "코디네이터", "담당자": self = .coordinator
        case "viewer", "열람자": self = .viewer
        case "kiosk", "키오스크": self = .kiosk
        default: return nil
        }
    }
}

/// One person's access: who they are, the role the store gives them, their dongs, and
/// whether this session is read-only (`--readonly`, the kiosk), which makes anyone a viewer.
public struct Access: Sendable, Hashable {
    /// The OS user name: the one the audit log records, so SSH sessions work naturally.
    public var user: String
    /// The role in the store's users table; viewer for a user the table does not hold.
    public var registeredRole: Role
    /// Dong codes a coordinator (or viewer) looks after; an admin's is every dong.
    public var dongCodes: Set<String>
    /// False for an OS user the users table does not hold.
    public var isRegistered: Bool
    /// A read-only session: the store is open read-only, whatever the role.
    public var readOnly: Bool

    public init(user: String, role: Role, dongCodes: Set<String> = [], isRegistered: Bool = true, readOnly: Bool = false) {
        self.user = user
        self.registeredRole = role
        self.dongCodes = dongCodes
        self.isRegistered = isRegistered
        self.readOnly = readOnly
    }

    /// Everything allowed: what a session has before it knows better (tests, a fresh state).
    public static func unrestricted(user: String = "") -> Access { Access(user: user, role: .admin) }

    /// The role that counts in this session: `--readonly` makes anyone a viewer, and a kiosk's
    /// login is one.
    public var role: Role { readOnly || registeredRole == .kiosk ? .viewer : registeredRole }

    /// May this session change a record of `dongCode`? A record tied to no dong (the store
    /// as a whole, a volunteer) needs an admin.
    public func canChange(dongCode: String?) -> Bool {
        switch role {
        case .admin: return true
        case .coordinator: return dongCode.map(dongCodes.contains) ?? false
        case .viewer, .kiosk: return false
        }
    }

    /// May this session see the full name, phone, address and notes of a household of
    /// `dongCode`? Only a session that can also write the access log may (a read-only one
    /// cannot), so a viewer sees everything masked. Data tied to no dong (volunteers) is
    /// full for admins and coordinators.
    public func seesFullDetails(dongCode: String?) -> Bool {
        switch role {
        case .admin: return true
        case .coordinator: return dongCode.map(dongCodes.contains) ?? true
        case .viewer, .kiosk: return false
        }
    }

    public var canManageUsers: Bool { role == .admin }

    /// Every dong is this session's to change.
    public var coversEveryDong: Bool { role == .admin }
}
