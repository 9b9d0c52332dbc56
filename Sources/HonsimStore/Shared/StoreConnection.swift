import Foundation
import GRDB
import HonsimCore

/// What a store operation needs of its backend: one connection, inside a read or a write
/// transaction. Every operation (SQLCaseStore and its extensions) is written once against
/// this; SQLite (`SQLiteConnection`) and PostgreSQL (`PGSQL`) each supply it, with the
/// dialect's SQL only where the two dialects differ.
///
/// Statements take `?` placeholders and values as GRDB `DatabaseValueConvertible`s, and rows
/// come back as `StoredRow`s, so the same decoders read both (RowDecoding.swift).
protocol StoreConnection: Sendable {
    /// The rows of a query, all of them.
    func rows(_ sql: String, _ values: [(any DatabaseValueConvertible)?]) async throws -> [StoredCells]
    /// Each row in turn, none kept: what a city has tens of thousands of is folded as it comes.
    /// `body` has run for every row when this returns.
    func forEachRow(_ sql: String, _ values: [(any DatabaseValueConvertible)?], _ body: @escaping (any StoredRow) throws -> Void) async throws
    /// Many rows of plain columns, none NULL (the SQL coalesces them), in no particular order,
    /// each read by position: `SELECT columns clause`, where the clause has no ORDER BY. SQLite
    /// steps them; PostgreSQL sends each column as one array, which its driver hands over many
    /// times faster than as rows (a city's 20,000 volunteers: BulkRows.swift).
    func forEachBulkRow(_ columns: [BulkColumn], _ clause: String, _ values: [(any DatabaseValueConvertible)?],
                        _ body: @escaping (any StoredRow) throws -> Void) async throws
    /// Runs a statement to its end.
    func execute(_ sql: String, _ values: [(any DatabaseValueConvertible)?]) async throws
    /// Many rows into one table, in as few statements as the backend takes.
    func insert(into table: String, columns: [String], rows: [[(any DatabaseValueConvertible)?]]) async throws
    /// Many new records into one table under its next ids, in as few statements as the backend
    /// takes; their ids, in the order of `rows`.
    func insertReturningIDs(into table: String, columns: [String], rows: [[(any DatabaseValueConvertible)?]]) async throws -> [Int64]
    /// Waits for, then holds until the transaction ends, the right to change what `lock` names.
    func lock(_ lock: StoreLock) async throws
    /// Whether the store has this table: one opened read-only is not migrated and may predate it.
    func tableExists(_ name: String) async throws -> Bool
    /// Two reads that do not wait on each other. PostgreSQL's driver sends the second the
    /// moment the first is answered, with no return to the calling task between, which on a
    /// warm ranking is most of a statement's cost; SQLite, in the process, runs them in turn.
    /// Reads only: which of the two the server sees first is not said.
    func both<A: Sendable, B: Sendable>(_ first: @escaping @Sendable (any StoreConnection) async throws -> A,
                                        _ second: @escaping @Sendable (any StoreConnection) async throws -> B) async throws -> (A, B)

    // MARK: The dialect's reads, where the fastest SQL differs

    /// `INDEXED BY name` where the dialect lets a query name its index (SQLite's planner can
    /// pick a worse one for the dashboard's reads), else nothing.
    func indexHint(_ name: String) -> String

    /// What a read of personal records names: the table itself on SQLite, which has no login
    /// roles (whoever opens the file reads it all, and the screen masks); on PostgreSQL the
    /// table's `seen_` view, in which the database masks every row the role may not see in full.
    func seen(_ records: PersonalRecords) -> String

    /// `column` among ids bound as one value, `SQLText.idList(ids)`: one statement and one plan
    /// for any number of ids, where `IN (?, ?, …)` took a statement for every 500 and each was
    /// planned anew. SQLite reads the list with `json_each`, PostgreSQL as an array.
    func among(_ column: String) -> String

    /// Whether this login owns the store's tables, and so is its admin whatever the users table
    /// says (PostgreSQL). A SQLite file has no owner in the store's sense: false.
    func ownsStore() async throws -> Bool

    /// The commitments that bear on one request, by volunteer (all, or only `volunteerID`):
    /// active escorts that clash with it, minutes in its week and month (its own volunteer's
    /// less its own), completed escorts with its household.
    func volunteerLoads(for request: EscortRequest, excludingRequest: Int64, volunteerID: Int64?,
                        context: LoadContext) async throws -> [Int64: VolunteerLoad]
    /// The same for every volunteer of `pool`, by pool index: the ranking's input.
    func poolLoads(for request: EscortRequest, pool: MatchPool, context: LoadContext) async throws -> PoolLoads
    /// Every volunteer's commitments for all the requests of a plan, read once.
    func planLoads(for requests: [EscortRequest], pool: MatchPool, context: LoadContext) async throws -> PlanLoads
    /// The facts of every request whose appointment falls in `range`, into `accumulator`.
    func addRequestFacts(in range: TimeSpan, to accumulator: inout StatisticsAccumulator) async throws
    /// Every volunteer's weekly windows, by volunteer: a city's are a hundred thousand rows.
    func availabilityWindows() async throws -> [Int64: [AvailabilityWindow]]
    /// The rows of the volunteers pane's three summary queries, folded: a city's are tens of
    /// thousands, which PostgreSQL's driver hands over slowest one by one.
    func foldVolunteerSummaries(_ queries: (loads: StoredQuery, escorts: StoredQuery, busy: StoredQuery),
                                into folding: inout VolunteerSummaryReads.Folding) async throws
    /// What the database itself finds wrong with its files and keys (SQLite's own checks).
    func storageProblems() async throws -> [InvariantViolation]
    /// On a server where each person logs in as themselves, makes `name`'s login.
    func provideLogin(for name: String) async throws
    /// Runs `body`, a load of a whole city in one transaction: SQLite widens its page cache
    /// for it and narrows it again afterwards, whatever the outcome.
    func bulkLoad<T>(_ body: () async throws -> T) async throws -> T
    /// After a load wrote records under ids of their own: PostgreSQL sets its id sequences to
    /// the highest; SQLite's rowids follow by themselves.
    func idsWritten() async throws
    /// After an import wrote `table`'s records up to id `last`: PostgreSQL moves the table's
    /// sequence past it, never back; SQLite's rowids follow by themselves.
    func advanceIDs(of table: String, past last: Int64) async throws

    // MARK: Imports

    /// What an import's check needs of the store (ImportCheck.Facts), read in its transaction.
    func importFacts(for check: ImportCheck, dongs: DongDirectory) async throws -> ImportCheck.Facts
    /// Imported households, a chunk at a time, under ids from `first`: the one table where an
    /// import runs to hundreds of thousands of rows, written the fastest way each dialect has.
    func insertHouseholds(_ rows: ArraySlice<ImportRow<Household>>, first: Int64, at now: Date, by user: String) async throws
}

/// What a write may need to hold while it reads what it checks. PostgreSQL takes these as
/// advisory or table locks; SQLite needs none of them, since a writer holds the whole file from
/// BEGIN IMMEDIATE until it commits.
enum StoreLock: Sendable, Hashable {
    /// One record, so two coordinators changing it queue and the second sees the first's result.
    case request(Int64), volunteer(Int64), household(Int64)
    /// The whole store (a load that replaces everything).
    case store
    /// A record of this table is about to be saved: an import of the table that is under way is
    /// waited for, so the save's duplicate check sees its rows.
    case savingInto(String)
    /// An import of this kind is about to check its rows against the store: a second import, or
    /// a save of the same kind, waits until it commits.
    case importing(ImportKind)
    /// The kept statistics, folded at the end of each write (SQLCaseStore+KeptFigures).
    case keptFigures
}

/// What the dialect's load reads need to know of the store.
struct LoadContext: Sendable {
    let calendar: Calendar
    let rules: MatchRules
}

extension StoreConnection {
    func rows(_ sql: String) async throws -> [StoredCells] { try await rows(sql, []) }
    func execute(_ sql: String) async throws { try await execute(sql, []) }

    func rows(_ query: StoredQuery) async throws -> [StoredCells] { try await rows(query.sql, query.arguments) }

    func one(_ sql: String, _ values: [(any DatabaseValueConvertible)?] = []) async throws -> StoredCells? {
        try await rows(sql, values).first
    }

    /// The first column of the first row.
    func value<T: DatabaseValueConvertible>(_ sql: String, _ values: [(any DatabaseValueConvertible)?] = [], as type: T.Type = T.self) async throws -> T? {
        guard let row = try await one(sql, values) else { return nil }
        return row[0] as T?
    }

    /// INSERT of one record's column values.
    func insert(into table: String, _ values: [String: (any DatabaseValueConvertible)?]) async throws {
        let columns = values.keys.sorted()
        try await insert(into: table, columns: columns, rows: [columns.map { values[$0] ?? nil }])
    }

    /// Many records' column values: those with the same columns go in together, in their order.
    func insert(into table: String, _ records: [[String: (any DatabaseValueConvertible)?]]) async throws {
        var groups: [[String]: [[String: (any DatabaseValueConvertible)?]]] = [:]
        var order: [[String]] = []
        for record in records {
            let columns = record.keys.sorted()
            if groups[columns] == nil { order.append(columns) }
            groups[columns, default: []].append(record)
        }
        for columns in order {
            try await insert(into: table, columns: columns, rows: (groups[columns] ?? []).map { record in columns.map { record[$0] ?? nil } })
        }
    }

    /// INSERT of a new record under the next id of its table (both dialects have RETURNING).
    func insertReturningID(into table: String, _ values: [String: (any DatabaseValueConvertible)?]) async throws -> Int64 {
        var values = values
        values.removeValue(forKey: "id")
        let columns = values.keys.sorted()
        guard let id = try await value("""
            INSERT INTO \(table) (\(columns.map(SQLText.quoted).joined(separator: ", "))) VALUES (\(SQLText.marks(columns.count))) RETURNING id
            """, columns.map { values[$0] ?? nil }, as: Int64.self)
        else { throw StoreError.integrity(reason: "no id for a new \(table) row") }
        return id
    }

    /// UPDATE of a record's columns by id.
    func update(_ table: String, id: Int64, _ values: [String: (any DatabaseValueConvertible)?]) async throws {
        let columns = values.keys.filter { $0 != "id" }.sorted()
        try await execute("UPDATE \(table) SET \(columns.map { "\(SQLText.quoted($0)) = ?" }.joined(separator: ", ")) WHERE id = ?",
                          columns.map { values[$0] ?? nil } + [id])
    }
}

/// Pieces of SQL text that both dialects read the same way.
enum SQLText {
    /// A column name in double quotes, as both dialects take it (`user` is a keyword in one).
    static func quoted(_ name: String) -> String { "\"\(name)\"" }

    /// `alias.column, …`: a table's columns in a join, in their order.
    static func columns(_ names: [String], of alias: String) -> String { names.map { "\(alias).\($0)" }.joined(separator: ", ") }

    /// Ids as the one value `among` binds: `1,2,3`.
    static func idList(_ ids: some Collection<Int64>) -> String { ids.map(String.init).joined(separator: ",") }

    /// `?, ?, …`, `count` of them.
    static func marks(_ count: Int) -> String { Array(repeating: "?", count: count).joined(separator: ", ") }

    /// The ids in order, 500 at a time: a statement takes a limited number of parameters
    /// (SQLite's limit is the lower), so `IN (?, ?, …)` asks for one chunk at a time.
    static func chunks(of ids: some Collection<Int64>) -> [[Int64]] {
        let sorted = ids.sorted()
        return stride(from: 0, to: sorted.count, by: 500).map { Array(sorted[$0..<min($0 + 500, sorted.count)]) }
    }

    /// Runs `body` on each of the `chunks`, with the chunk's `?, ?, …` and its values.
    static func forEachChunk(of ids: some Collection<Int64>, _ body: (String, [(any DatabaseValueConvertible)?]) async throws -> Void)
        async rethrows {
        for chunk in chunks(of: ids) { try await body(marks(chunk.count), chunk) }
    }

    /// A LIKE pattern matching `text` anywhere, with its own % and _ taken literally.
    static func likePattern(_ text: String) -> String {
        "%" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "%", with: "\\%")
            .replacingOccurrences(of: "_", with: "\\_") + "%"
    }
}

/// The tables that hold personal data (names, phones, addresses, notes, what the doctor said)
/// and are read by every role, masked where the role may not see them (migrations 12 and 21).
/// A household's eligibility and the overrides of the council's rules have no masked form: their
/// tables themselves give each role only what it may see.
enum PersonalRecords: String, Sendable {
    case household, volunteer, request = "escort_request", call = "contact_attempt"
    case expense = "escort_expense", message = "message_record", series = "standing_series", seriesChange = "series_change"
}
