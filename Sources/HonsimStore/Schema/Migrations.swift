/// The SQL dialects the case store speaks: SQLite (the embedded store) and PostgreSQL (the
/// city-wide one).
enum Dialect: String, CaseIterable, Sendable {
    case sqlite, postgres
}

/// The words in which the dialects say the same column or table differently.
extension Dialect {
    /// An id the database numbers: SQLite's INTEGER PRIMARY KEY is the row's own id;
    /// PostgreSQL's BIGSERIAL draws it from a sequence.
    var id: String { self == .sqlite ? "INTEGER PRIMARY KEY" : "BIGSERIAL PRIMARY KEY" }
    /// A 64-bit integer, which every SQLite INTEGER is.
    var integer: String { self == .sqlite ? "INTEGER" : "BIGINT" }
    /// Bytes as they are (a kept ranking pool).
    var bytes: String { self == .sqlite ? "BLOB" : "BYTEA" }
    /// A flag, 0 or 1, in `column`: SQLite has no boolean to be strict about; PostgreSQL checks.
    func flag(_ column: String) -> String { self == .sqlite ? "INTEGER" : "BIGINT CHECK (\(column) IN (0, 1))" }
    /// Ends a small table read by its key: SQLite then keeps its rows in the key's order.
    var keyedTable: String { self == .sqlite ? " WITHOUT ROWID" : "" }
    /// A column named by a word PostgreSQL reserves, such as `user`.
    func reserved(_ name: String) -> String { self == .sqlite ? name : "\"\(name)\"" }
}

/// One schema change, written once for both stores: each part of it in SQLite and in
/// PostgreSQL side by side, so that a reader sees both schemas say the same thing. A part (or
/// a whole change) that exists in one dialect only says why.
struct Migration: Sendable {
    /// What a store records once this change is made in it (GRDB's `grdb_migrations` on
    /// SQLite, `schema_migrations` on PostgreSQL). Never changed once released.
    let id: String
    /// What the stores recorded for this change before there was one list: each kept a list of
    /// its own, numbered and cut differently. A store keeps the names it recorded, and they
    /// are read as the changes they stand for (`Schema.pending`).
    let formerly: [Dialect: String]
    let parts: [Part]

    init(_ id: String, formerly: [Dialect: String] = [:], _ parts: [Part]) {
        self.id = id
        self.formerly = formerly
        self.parts = parts
    }

    /// A change that only PostgreSQL needs, and why SQLite does without it.
    static func postgresOnly(_ id: String, formerly: String, because reason: String, _ statements: String...) -> Migration {
        Migration(id, formerly: [.postgres: formerly], [Part(sqlite: [], postgres: statements, oneSided: reason)])
    }

    /// The statements of this change in `dialect`, in order. Empty when the change is the other
    /// dialect's only: such a change is neither run nor recorded in this one.
    func statements(_ dialect: Dialect) -> [String] {
        parts.flatMap { part in part.statements(dialect) }
    }

    /// One object of the schema (a table, an index, a guard, a trigger) in both dialects. A
    /// string may hold several statements; the migrators run them in order.
    struct Part: Sendable {
        let sqlite: [String]
        let postgres: [String]
        /// Why only one dialect has this part; nil when both have it.
        let oneSided: String?

        func statements(_ dialect: Dialect) -> [String] {
            switch dialect {
            case .sqlite: sqlite
            case .postgres: postgres
            }
        }

        /// The same statement serves both dialects, letter for letter.
        static func same(_ sql: String) -> Part {
            Part(sqlite: [sql], postgres: [sql], oneSided: nil)
        }

        /// One statement written once, in each dialect's words where they differ
        /// (`Dialect.integer` and the like): a table's columns are listed once for both.
        static func both(_ sql: (Dialect) -> String) -> Part {
            Part(sqlite: [sql(.sqlite)], postgres: [sql(.postgres)], oneSided: nil)
        }

        /// The same object, said in each dialect.
        static func each(sqlite: String, postgres: String) -> Part {
            Part(sqlite: [sqlite], postgres: [postgres], oneSided: nil)
        }

        /// The same effect, reached by different means in each dialect.
        static func each(sqlite: [String], postgres: [String]) -> Part {
            Part(sqlite: sqlite, postgres: postgres, oneSided: nil)
        }

        /// Only SQLite has this part, for the reason given.
        static func sqliteOnly(because reason: String, _ statements: String...) -> Part {
            Part(sqlite: statements, postgres: [], oneSided: reason)
        }

        /// Only PostgreSQL has this part, for the reason given.
        static func postgresOnly(because reason: String, _ statements: String...) -> Part {
            Part(sqlite: [], postgres: statements, oneSided: reason)
        }
    }
}

/// The case store's schema: one list of changes, oldest first, which each backend's migrator
/// applies (SQLiteMigrator, PostgresMigrator) and nothing else defines. Append only: stores
/// out there have recorded every released change, so a released change is never edited. A new
/// column is a new migration at the end, written once for both:
///
///     Migration("8: household language", [
///         .both { d in "ALTER TABLE household ADD COLUMN language TEXT NOT NULL DEFAULT ''" },
///     ])
///
/// Up to 7 the list makes exactly what the stores' own lists made before (SQLite v1–v3,
/// PostgreSQL v1–v5): the same tables, columns, indexes and guards, cut the same way for both.
/// Where the two still differ beyond their dialect, a one-sided part says so.
enum Schema {
    static let defaultTravelBufferMinutes = 30
    static let travelBufferSeconds = defaultTravelBufferMinutes * 60

    static let migrations: [Migration] = [
        cases, dongsRevision, usersAndAccess, changeNotices, rowLevelSecurity, dashboardIndexes, policiesOncePerStatement,
        retention, contactAttempts, vehicleBookings, messageRecords, guardedReads,
        standingSeries, returnLegs,
        councilRules, householdEligibility, ruleOverrides, conductIndexes,
        volunteerCredentials, escortExpenses,
        newerTablesGuarded,
        householdFamilyContact,
        keptFigures,
        loadRevisions,
        callListIndexes,
        whoAsksOncePlanned,
        activeEscortsHoldTheirRequest,
        keptPool,
    ]

    /// The changes a store of `dialect` still needs, in order, given the identifiers it has
    /// recorded: its own migrations' and the former names of those. A store that recorded a
    /// name this list does not know was made by a newer honsim, and is refused.
    static func pending(_ dialect: Dialect, applied: Set<String>, location: String) throws -> [Migration] {
        let known = Set(migrations.map(\.id) + migrations.compactMap { $0.formerly[dialect] })
        if let unknown = applied.subtracting(known).sorted().last {
            throw StoreError.newerSchema(path: location, found: unknown)
        }
        return migrations.filter { migration in
            let made = applied.contains(migration.id) || migration.formerly[dialect].map(applied.contains) == true
            return !made && !migration.statements(dialect).isEmpty
        }
    }
}
