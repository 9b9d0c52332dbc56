import Foundation
import GRDB
import PostgresNIO

/// Named statements for the reads a session repeats, so that PostgreSQL parses and plans each
/// once per connection instead of at every call. A warm ranking is nine short reads, and
/// parsing and planning them anew was most of the time the server spent on it
/// (docs/benchmarks.md, "PostgreSQL's warm ranking").
///
/// postgres-nio prepares a statement only for a type that names its SQL
/// (`PostgresPreparedStatement`), while the store's SQL is made at run time, written once for
/// both backends. So a fixed number of slot types are given texts as the process first runs
/// them: each of the first `capacity` distinct texts owns one slot, and its name on every
/// connection, for the life of the process. A slot's text never changes, so a connection that
/// prepared it once runs it by name from then on. Texts beyond the capacity run unnamed, as
/// before: slower, never wrong.
///
/// Only reads outside a transaction use it (`PGSQL.preparesReads`): their texts are the same at
/// every call (ids are bound as one list, `among`), where a write's are often made for its rows.
enum PreparedReads {
    /// Slots for the process's distinct texts; a power of two, as the slot types are its bits.
    static let capacity = 512
    /// Texts with more parameters than this are made for their rows (`IN (?, ?, …)`) and seldom
    /// repeat: they run unnamed rather than take slots.
    static let mostParameters = 16

    struct Registry {
        var slots: [String: Int] = [:]
        var texts: [String] = []
        /// Each slot's statement name: its number and a hash of its key, so that a name never
        /// means another text, even to a server session another process used before.
        var names: [String] = []
        /// Slots whose statement the server no longer takes as prepared: run unnamed from then on.
        var retired: Set<Int> = []
        let capacity: Int

        /// The slot of `key`, given it if it is new and a slot is free; nil if it runs unnamed.
        mutating func slot(for key: String, text: String) -> Int? {
            if let slot = slots[key] { return retired.contains(slot) ? nil : slot }
            guard texts.count < capacity else { return nil }
            texts.append(text)
            names.append("honsim_read_\(texts.count - 1)_" + String(Registry.hash(key), radix: 16))
            slots[key] = texts.count - 1
            return texts.count - 1
        }

        /// FNV-1a over the key's bytes: the same in every process, unlike `Hasher`.
        static func hash(_ key: String) -> UInt64 {
            key.utf8.reduce(0xcbf2_9ce4_8422_2325 as UInt64) { ($0 ^ UInt64($1)) &* 0x100_0000_01b3 }
        }
    }

    private static let registry = Locked(Registry(capacity: capacity))

    /// The slot of `sql` with values of these kinds, given it if it is new and a slot is free.
    /// The kinds are part of the key: the server fixes each parameter's type when it prepares,
    /// from the first values bound, so a text bound with other kinds is another statement.
    static func slot(for sql: String, _ values: [(any DatabaseValueConvertible)?]) -> Int? {
        guard values.count <= mostParameters else { return nil }
        return registry.withLock { $0.slot(for: key(sql, values), text: sql) }
    }

    static func key(_ sql: String, _ values: [(any DatabaseValueConvertible)?]) -> String {
        var key = sql
        key.append("\u{1}")
        for value in values {
            switch value?.databaseValue.storage ?? .null {
            case .null: key.append("n")
            case .int64: key.append("i")
            case .double: key.append("d")
            case .string: key.append("s")
            case .blob: key.append("b")
            }
        }
        return key
    }

    static func text(ofSlot slot: Int) -> String {
        registry.withLock { $0.texts[slot] }
    }

    static func name(ofSlot slot: Int) -> String {
        registry.withLock { $0.names[slot] }
    }

    /// After the server refused a named statement: whether to run it again unnamed at once.
    /// The slot is retired whatever the error, as the connection keeps an error met while
    /// preparing for the name's life (a lock or statement timeout during a migration, say) and
    /// would answer every later run with it; the text runs unnamed from then on. It is run again
    /// at once only where the error says the prepared statement is out of date or was never made
    /// (the schema changed under it, or it named what a migration adds later): another error is
    /// the statement's own, and is thrown.
    static func retire(_ slot: Int, after error: any Error) -> Bool {
        guard let error = error as? PSQLError, let state = error.serverInfo?[.sqlState] else { return false }
        registry.withLock { _ = $0.retired.insert(slot) }
        return staleStates.contains(state)
    }

    /// feature_not_supported ("cached plan must not change result type"),
    /// invalid_sql_statement_name, undefined table, column and function.
    private static let staleStates: Set<String> = ["0A000", "26000", "42P01", "42703", "42883"]

    /// Runs `binds` through the statement of `slot` on `connection`, preparing it there first
    /// if this connection has not yet.
    static func execute(slot: Int, binds: PostgresBindings, on connection: PostgresConnection,
                        logger: Logger) async throws -> StatementRows {
        try await execute(SlotRoot.self, bits: capacity.trailingZeroBitCount, number: capacity + slot,
                          binds: binds, on: connection, logger: logger)
    }

    /// Walks the bits of `number` below its leading one, a slot type for each: the type it ends
    /// at is the slot's own, which is what postgres-nio keys a prepared statement by.
    private static func execute<Slot: StatementSlot>(_: Slot.Type, bits: Int, number: Int, binds: PostgresBindings,
                                                     on connection: PostgresConnection, logger: Logger) async throws -> StatementRows {
        if bits == 0 {
            return try await connection.execute(SlotStatement<Slot>(binds: binds), logger: logger)
        }
        if (number >> (bits - 1)) & 1 == 0 {
            return try await execute(Even<Slot>.self, bits: bits - 1, number: number, binds: binds, on: connection, logger: logger)
        }
        return try await execute(Odd<Slot>.self, bits: bits - 1, number: number, binds: binds, on: connection, logger: logger)
    }
}

/// The rows of a statement, prepared or not.
typealias StatementRows = AsyncThrowingMapSequence<PostgresRowSequence, PostgresRow>

/// A slot's type: its number in binary, one type per bit under a leading one, so that any of
/// `PreparedReads.capacity` slots is reached in a few steps.
protocol StatementSlot { static var number: Int { get } }
enum SlotRoot: StatementSlot { static var number: Int { 1 } }
enum Even<Parent: StatementSlot>: StatementSlot { static var number: Int { Parent.number * 2 } }
enum Odd<Parent: StatementSlot>: StatementSlot { static var number: Int { Parent.number * 2 + 1 } }

/// The statement of one slot: its text as the registry holds it, its parameter types those of
/// the values first bound (postgres-nio's default), its rows handed back as they are.
struct SlotStatement<Slot: StatementSlot>: PostgresPreparedStatement {
    static var slot: Int { Slot.number - PreparedReads.capacity }
    static var name: String { PreparedReads.name(ofSlot: slot) }
    static var sql: String { PreparedReads.text(ofSlot: slot) }
    let binds: PostgresBindings

    func makeBindings() throws -> PostgresBindings { binds }
    func decodeRow(_ row: PostgresRow) throws -> PostgresRow { row }
}
