import Foundation
import GRDB
import HonsimCore

/// The ranking pool kept by the store (`kept_pool`, migration 28), written once for both
/// backends. Every volunteer, window and day-off change moves the volunteers revision (its
/// triggers); the write transaction that finds the kept pool of another revision makes it
/// again from the rows before it commits (`foldKeptFigures`), so the kept pool and its revision
/// change with the rows or not at all. A newly opened store's first ranking then reads one
/// value of about a megabyte instead of a city's 20,000 volunteers and 70,000 windows.
///
/// Only the revision it was made at names a kept pool: a reader takes it only at the revision
/// its own read sees, so a pool of an older or newer revision is never ranked on.
extension SQLCaseStore {
    /// Makes the kept pool again from the rows, at `revision`, the volunteers revision this
    /// transaction read. A transaction that did not move the revision itself (the first write
    /// after an upgrade) may see another writer's commit between its reads on PostgreSQL: the
    /// revision is read again, and a pool it may not match is not kept. Nor does it replace a
    /// pool of a later revision that such a writer kept meanwhile (revisions only count up).
    func keepPool(_ db: any StoreConnection, revision: String) async throws {
        let pool = try await SQLCaseStore.readPool(db, dongs: try await cachedDongs(db))
        guard try await volunteersRevision(db) == revision else { return }
        try await db.execute("""
            INSERT INTO kept_pool (id, volunteers_revision, packed) VALUES (1, ?, ?)
            ON CONFLICT (id) DO UPDATE SET volunteers_revision = excluded.volunteers_revision, packed = excluded.packed
            WHERE CAST(kept_pool.volunteers_revision AS BIGINT) < CAST(excluded.volunteers_revision AS BIGINT)
            """, [revision, pool.packed()])
    }

    /// The kept pool if it was made at `revision`; nil otherwise, or if its bytes are not of
    /// this honsim's packing (a newer or older one): the ranking then reads the rows.
    func keptPool(_ db: any StoreConnection, revision: String, dongs: DongDirectory) async throws -> MatchPool? {
        try await keptPoolBytes(db, revision: revision).flatMap { MatchPool(packed: $0, dongs: dongs) }
    }

    /// The kept pool's bytes if it was made at `revision`.
    private func keptPoolBytes(_ db: any StoreConnection, revision: String) async throws -> Data? {
        try await db.value("SELECT packed FROM kept_pool WHERE volunteers_revision = ?", [revision], as: Data.self)
    }

    /// The kept pool against the rows, for `honsim check`: a pool of the store's revision must
    /// be, byte for byte, the one the rows make. One of another revision is never read.
    func keptPoolViolations(_ db: any StoreConnection) async throws -> [InvariantViolation] {
        guard try await db.tableExists("kept_pool") else { return [] }
        let revision = try await volunteersRevision(db)
        guard let packed = try await keptPoolBytes(db, revision: revision) else { return [] }
        let dongs = try await cachedDongs(db)
        guard packed != (try await SQLCaseStore.readPool(db, dongs: dongs).packed()) else { return [] }
        let detail = MatchPool(packed: packed, dongs: dongs) == nil
            ? "the kept pool of revision \(revision) cannot be read"
            : "the kept pool of revision \(revision) is not the one its volunteers, windows and days off make"
        return [InvariantViolation(rule: "kept pool", detail: detail)]
    }
}
