import Foundation
import GRDB
import HonsimCore

extension SQLiteStore {
    /// Appends a batch under new ids in one IMMEDIATE transaction. Inside it, with the write
    /// lock held, the rows are checked against what is stored (duplicates, the households that
    /// requests name); any problem, the file's own included, refuses the whole batch. One audit
    /// entry records the import: the file, the count and the ids, which find the rows themselves
    /// (each row also carries who wrote it and when). A dry run makes the same checks on a
    /// snapshot and holds no lock, so a preview never keeps other coordinators waiting.
    public func importRecords(_ batch: ImportBatch, dryRun: Bool, progress: ImportProgress.Handler?) async throws -> ImportOutcome {
        if dryRun {
            return try await read { [self] db in
                try authorizeImport(db, try check(db, batch), batch)
                let first = try nextID(db, batch.kind)
                return ImportOutcome(kind: batch.kind, file: batch.file, count: batch.recordCount,
                                     ids: batch.recordCount == 0 ? nil : first...(first + Int64(batch.recordCount) - 1), dryRun: true)
            }
        }
        return try await write { [self] db in
            let now = now()
            let requests = try check(db, batch)
            try authorizeImport(db, requests, batch)
            let ids = try write(db, batch, requests: requests, at: now, progress: progress)
            try appendAudit(db, action: "import", entity: batch.kind.entity, id: ids.map { "\($0.lowerBound)-\($0.upperBound)" } ?? "-",
                            dongCode: nil, before: nil,
                            after: AuditJSON.encode(ImportAudit(file: batch.file, rows: batch.recordCount,
                                                                firstID: ids?.lowerBound, lastID: ids?.upperBound)),
                            at: now)
            return ImportOutcome(kind: batch.kind, file: batch.file, count: batch.recordCount, ids: ids, dryRun: false)
        }
    }

    private struct ImportAudit: Encodable {
        let file: String
        let rows: Int
        let firstID: Int64?
        let lastID: Int64?
    }

    /// Every problem of the batch, its own and those only the store can see, thrown together by
    /// line; or the batch's requests with their households found.
    /// Whoever imports must be allowed to change every dong the records belong to: a
    /// coordinator imports their own dongs' lists, an admin anyone's, a viewer nothing.
    private func authorizeImport(_ db: Database, _ requests: [ImportRow<EscortRequest>], _ batch: ImportBatch) throws {
        let dongs = Set(batch.households.map(\.record.dongCode) + batch.volunteers.map(\.record.dongCode) + requests.map(\.record.dongCode))
        for dong in dongs.sorted() {
            try authorize(db, dongCode: dong, act: Phrase(ko: "\(batch.file) 파일을 가져올", en: "import \(batch.file)"))
        }
    }

    private func check(_ db: Database, _ batch: ImportBatch) throws -> [ImportRow<EscortRequest>] {
        var issues = batch.issues
        var requests: [ImportRow<EscortRequest>] = []
        switch batch.kind {
        case .households:
            let stored = try storedHouseholdIdentities(db)
            issues += ImportIdentity.duplicates(in: batch.households, batch: batch, field: .name, key: {
                ImportIdentity.Household(name: $0.name, birthYear: $0.birthYear, dongCode: $0.dongCode)
            }, stored: { stored[$0] })
        case .volunteers:
            let stored = try storedVolunteerIdentities(db)
            issues += ImportIdentity.duplicates(in: batch.volunteers, batch: batch, field: .name, key: {
                ImportIdentity.Volunteer(name: $0.name, phone: $0.phone)
            }, stored: { stored[$0] })
        case .requests:
            let resolved = try resolveHouseholds(db, batch)
            issues += resolved.issues
            requests = resolved.rows
            let stored = try storedRequestTimes(db, requests.map(\.record))
            issues += ImportIdentity.duplicates(in: requests, batch: batch, field: .appointmentDate, key: {
                ImportIdentity.Request(householdID: $0.householdID, appointment: Stored.seconds($0.appointmentAt))
            }, stored: { stored[$0] })
        }
        guard issues.isEmpty else {
            throw StoreError.invalidData(issues.enumerated().sorted { ($0.element.line, $0.offset) < ($1.element.line, $1.offset) }.map(\.element))
        }
        return requests
    }

    /// The first id after every stored one of the kind's table.
    private func nextID(_ db: Database, _ kind: ImportKind) throws -> Int64 {
        let table: String
        switch kind {
        case .households: table = "household"
        case .volunteers: table = "volunteer"
        case .requests: table = "escort_request"
        }
        return (try Int64.fetchOne(db, sql: "SELECT MAX(id) FROM \(table)") ?? 0) + 1
    }

    private func write(_ db: Database, _ batch: ImportBatch, requests: [ImportRow<EscortRequest>], at now: Date,
                       progress: ImportProgress.Handler?) throws -> ClosedRange<Int64>? {
        let first = try nextID(db, batch.kind)
        let total = batch.recordCount
        guard total > 0 else { return nil }
        // A large import overflows SQLite's default 2 MB page cache within its one transaction.
        try db.execute(sql: "PRAGMA cache_size = -262144")
        defer { try? db.execute(sql: "PRAGMA cache_size = -2000") }
        let stamp: [String: (any DatabaseValueConvertible)?] = ["updated_at": Stored.seconds(now), "updated_by": user]
        let report = { (done: Int) in
            if done % 1_000 == 0 || done == total { progress?(ImportProgress(phase: .writing, done: done, total: total)) }
        }
        if !batch.households.isEmpty {
            // One prepared statement with the columns in a fixed order: building a dictionary of
            // values per row costs more than SQLite's own work at this size.
            let insert = try db.makeStatement(sql: """
                INSERT INTO household (id, dong_code, name, birth_year, gender, phone, address, mobility, needs,
                    preferred_volunteer_gender, case_manager, consent_date, notes, closed, version, updated_at, updated_by)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
            let (updatedAt, updatedBy) = (Stored.seconds(now).databaseValue, user.databaseValue)
            for (offset, row) in batch.households.enumerated() {
                let h = row.record
                try insert.execute(arguments: StatementArguments([
                    (first + Int64(offset)).databaseValue, h.dongCode.databaseValue, h.name.databaseValue, h.birthYear.databaseValue,
                    h.gender.rawValue.databaseValue, h.phone.databaseValue, h.address.databaseValue, h.mobility.rawValue.databaseValue,
                    Stored.text(h.needs).databaseValue, (h.preferredVolunteerGender?.rawValue).databaseValue,
                    h.caseManager.databaseValue, (h.consentDate?.description).databaseValue, h.notes.databaseValue,
                    h.closed.databaseValue, h.version.databaseValue, updatedAt, updatedBy,
                ] as [DatabaseValue]))
                report(offset + 1)
            }
        }
        for (offset, row) in batch.volunteers.enumerated() {
            var volunteer = row.record
            volunteer.id = first + Int64(offset)
            try insertVolunteer(db, volunteer, stamp: stamp)
            report(offset + 1)
        }
        for (offset, row) in requests.enumerated() {
            var request = row.record
            request.id = first + Int64(offset)
            request.createdAt = now
            request.updatedAt = now
            request.updatedBy = user
            try insertRequest(db, request)
            report(offset + 1)
        }
        return first...(first + Int64(total) - 1)
    }

    // MARK: What is stored

    private func storedHouseholdIdentities(_ db: Database) throws -> [ImportIdentity.Household: Int64] {
        var stored: [ImportIdentity.Household: Int64] = [:]
        let rows = try Row.fetchCursor(db, sql: "SELECT id, name, birth_year, dong_code FROM household")
        while let row = try rows.next() {
            stored[ImportIdentity.Household(name: row[1], birthYear: row[2], dongCode: row[3])] = row[0]
        }
        return stored
    }

    private func storedVolunteerIdentities(_ db: Database) throws -> [ImportIdentity.Volunteer: Int64] {
        var stored: [ImportIdentity.Volunteer: Int64] = [:]
        let rows = try Row.fetchCursor(db, sql: "SELECT id, name, phone FROM volunteer")
        while let row = try rows.next() { stored[ImportIdentity.Volunteer(name: row[1], phone: row[2])] = row[0] }
        return stored
    }

    /// Requests not cancelled in the span of the batch's appointments: a cancelled one may be booked again.
    private func storedRequestTimes(_ db: Database, _ requests: [EscortRequest]) throws -> [ImportIdentity.Request: Int64] {
        guard let earliest = requests.map(\.appointmentAt).min(), let latest = requests.map(\.appointmentAt).max() else { return [:] }
        var stored: [ImportIdentity.Request: Int64] = [:]
        let rows = try Row.fetchCursor(db, sql: """
            SELECT id, household_id, appointment_at FROM escort_request
            WHERE appointment_at >= ? AND appointment_at <= ? AND status <> 'cancelled'
            """, arguments: [Stored.seconds(earliest), Stored.seconds(latest)])
        while let row = try rows.next() { stored[ImportIdentity.Request(householdID: row[1], appointment: row[2])] = row[0] }
        return stored
    }

    private struct StoredHousehold {
        let id: Int64
        let name: String
        let dongCode: String
        let closed: Bool
    }

    /// Finds each request's household, by id or by name, birth year and dong, and fills in the
    /// household and its dong. A household that is missing, closed, or not the only match is a problem.
    private func resolveHouseholds(_ db: Database, _ batch: ImportBatch) throws -> (rows: [ImportRow<EscortRequest>], issues: [DataIssue]) {
        var byID: [Int64: StoredHousehold] = [:]
        var byIdentity: [ImportIdentity.Household: [StoredHousehold]] = [:]
        var wantedNames: Set<String> = []
        var wantedIDs: [Int64] = []
        for row in batch.requests {
            switch row.record.household {
            case .id(let id, _): wantedIDs.append(id)
            case .identity(let name, _, _): wantedNames.insert(ImportIdentity.compact(name))
            }
        }
        let ids = Array(Set(wantedIDs)).sorted()
        for start in stride(from: 0, to: ids.count, by: 500) {
            let chunk = Array(ids[start..<min(start + 500, ids.count)])
            let rows = try Row.fetchAll(db, sql: "SELECT id, name, dong_code, closed FROM household WHERE id IN (\(chunk.map { _ in "?" }.joined(separator: ",")))",
                                        arguments: StatementArguments(chunk))
            for row in rows { byID[row[0]] = StoredHousehold(id: row[0], name: row[1], dongCode: row[2], closed: row[3]) }
        }
        if !wantedNames.isEmpty {
            // One pass over the households: a lookup per name would scan the table each time.
            let rows = try Row.fetchCursor(db, sql: "SELECT id, name, birth_year, dong_code, closed FROM household ORDER BY id")
            while let row = try rows.next() {
                let name: String = row[1]
                guard wantedNames.contains(ImportIdentity.compact(name)) else { continue }
                let household = StoredHousehold(id: row[0], name: name, dongCode: row[3], closed: row[4])
                byIdentity[ImportIdentity.Household(name: name, birthYear: row[2], dongCode: row[3]), default: []].append(household)
            }
        }
        var resolved: [ImportRow<EscortRequest>] = []
        var issues: [DataIssue] = []
        for row in batch.requests {
            let household: StoredHousehold
            let field: ImportField
            switch row.record.household {
            case .id(let id, let name):
                field = .householdID
                guard let found = byID[id] else {
                    issues.append(batch.issue(row.line, field, ko: "저장소에 대상자 \(id)번이 없습니다", en: "no household \(id) in the store"))
                    continue
                }
                if let name, ImportIdentity.compact(name) != ImportIdentity.compact(found.name) {
                    issues.append(batch.issue(row.line, .name, ko: "대상자 \(id)번의 이름은 '\(found.name)'입니다(파일에는 '\(Expected.show(name))')",
                                              en: "household \(id) is named '\(found.name)', not '\(Expected.show(name))'"))
                    continue
                }
                household = found
            case .identity(let name, let birthYear, let dongCode):
                field = .name
                let matches = byIdentity[ImportIdentity.Household(name: name, birthYear: birthYear, dongCode: dongCode)] ?? []
                let dong = (try? cachedDongs(db).dong(code: dongCode)?.name) ?? dongCode
                guard let found = matches.first else {
                    issues.append(batch.issue(row.line, field, ko: "저장소에 없는 대상자입니다: \(Expected.show(name))(\(birthYear), \(dong))",
                                              en: "no household \(Expected.show(name)) (\(birthYear), \(dong)) in the store"))
                    continue
                }
                guard matches.count == 1 else {
                    let list = matches.map { "\($0.id)" }.joined(separator: ", ")
                    issues.append(batch.issue(row.line, field, ko: "같은 이름·생년·동의 대상자가 여럿입니다(\(list)번): 대상자번호로 적어 주세요",
                                              en: "several households match (\(list)); give the household_id instead"))
                    continue
                }
                household = found
            }
            if household.closed {
                issues.append(batch.issue(row.line, field, ko: "대상자 \(household.id)번은 종결된 사례입니다", en: "household \(household.id) is closed"))
                continue
            }
            var request = row.record.request
            request.householdID = household.id
            request.dongCode = household.dongCode
            resolved.append(ImportRow(line: row.line, record: request))
        }
        return (resolved, issues)
    }
}
