import Foundation
import GRDB
import HonsimCore

extension SQLCaseStore {
    /// Appends a batch under new ids in one transaction. Inside it, with the import's locks held
    /// (`StoreLock.importing`), the rows are checked against what is stored (duplicates, the
    /// households that requests name); any problem, the file's own included, refuses the whole
    /// batch. One audit entry records the import: the file, the count and the ids, which find
    /// the rows themselves (each row also carries who wrote it and when). A dry run makes the
    /// same checks on one snapshot and holds no lock, so a preview never keeps other
    /// coordinators waiting.
    public func importRecords(_ batch: ImportBatch, dryRun: Bool, progress: ImportProgress.Handler?) async throws -> ImportOutcome {
        let check = ImportCheck(batch)
        if dryRun {
            return try await engine.snapshot { [self] db in
                let checked = try check.run(try await db.importFacts(for: check, dongs: try await cachedDongs(db)))
                try await authorizeImport(db, checked, check)
                try await refusePastCouncilRules(db, checked, batch: batch)
                return check.outcome(first: try await nextID(db, check), dryRun: true)
            }
        }
        return try await write { [self] db in
            try await db.lock(.importing(check.kind))
            let now = now()
            let checked = try check.run(try await db.importFacts(for: check, dongs: try await cachedDongs(db)))
            try await authorizeImport(db, checked, check)
            try await refusePastCouncilRules(db, checked, batch: batch)
            let first = try await nextID(db, check)
            try await write(db, check, checked, first: first, at: now, progress: progress)
            let ids = check.ids(first: first)
            if let ids { try await db.advanceIDs(of: check.table, past: ids.upperBound) }
            let audit = check.audit(ids: ids)
            try await appendAudit(db, action: "import", entity: batch.kind.entity, id: audit.entityID, dongCode: nil, before: nil,
                                  after: audit.after, at: now)
            return check.outcome(first: first, dryRun: false)
        }
    }

    /// Whoever imports must be allowed to change every dong the records belong to: a
    /// coordinator imports their own dongs' lists, an admin anyone's, a viewer nothing.
    private func authorizeImport(_ db: any StoreConnection, _ checked: ImportCheck.Checked, _ check: ImportCheck) async throws {
        for dong in checked.dongs { try await authorize(db, dongCode: dong, act: check.act) }
    }

    /// The first id after every stored one of the kind's table.
    private func nextID(_ db: any StoreConnection, _ check: ImportCheck) async throws -> Int64 {
        // Every row's id counts, also those of dongs the importer's role does not see in full.
        let table = PersonalRecords(rawValue: check.table).map(db.seen) ?? check.table
        return try await db.value("SELECT COALESCE(MAX(id), 0) + 1 AS next FROM \(table)", as: Int64.self) ?? 1
    }

    /// A chunk at a time, so the progress handler hears of every `ImportCheck.progressStep`
    /// rows: households the dialect's fastest way, volunteers and requests as a load writes them,
    /// with their windows, days off and assignments.
    private func write(_ db: any StoreConnection, _ check: ImportCheck, _ checked: ImportCheck.Checked, first: Int64, at now: Date,
                       progress: ImportProgress.Handler?) async throws {
        let batch = check.batch
        guard batch.recordCount > 0 else { return }
        let report = check.reporter(progress)
        /// `body` on each chunk of `count` rows in turn, then the progress up to its end.
        func inSteps(_ count: Int, _ body: (Range<Int>) async throws -> Void) async throws {
            for start in stride(from: 0, to: count, by: ImportCheck.progressStep) {
                let chunk = start..<min(start + ImportCheck.progressStep, count)
                try await body(chunk)
                report(chunk.upperBound)
            }
        }
        let stamp: [String: (any DatabaseValueConvertible)?] = ["updated_at": Stored.cell(now), "updated_by": user]
        let volunteers = check.volunteers(first: first)
        let requests = check.requests(checked, first: first, at: now, by: user)
        try await db.bulkLoad {
            try await inSteps(batch.households.count) { chunk in
                try await db.insertHouseholds(batch.households[chunk], first: first + Int64(chunk.lowerBound), at: now, by: user)
            }
            try await insertImportedEligibility(db, batch, first: first, at: now)
            try await inSteps(volunteers.count) { chunk in
                let chunk = Array(volunteers[chunk])
                try await db.insert(into: "volunteer", chunk.map { $0.storedValues.merging(stamp) { $1 } })
                try await insertSchedules(db, chunk)
            }
            try await inSteps(requests.count) { chunk in try await insertRequests(db, Array(requests[chunk])) }
        }
    }
}
