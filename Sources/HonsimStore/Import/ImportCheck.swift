import Foundation
import HonsimCore

/// What an import decides against the store, the same on every backend. The store looks up,
/// in its own SQL and inside its own transaction, what `wanted` names (`Facts`); this finds
/// the duplicates of stored records and the households that requests name, and says which
/// dongs the importer must be allowed to change. Nothing here reads or writes a database.
struct ImportCheck: Sendable {
    let batch: ImportBatch

    /// What the store must look up for a requests file: the households named by id, the names
    /// (spaces taken out) of those named by name, birth year and dong, and the span of the
    /// appointments, in seconds since 1970.
    struct Wanted: Sendable {
        var householdIDs: [Int64] = []
        var householdNames: Set<String> = []
        var appointments: ClosedRange<Int64>?
    }

    struct StoredHousehold: Sendable {
        let id: Int64
        let name: String
        let birthYear: Int
        let dongCode: String
        let closed: Bool
    }

    struct StoredVolunteer: Sendable {
        let id: Int64
        let name: String
        let phone: String
    }

    /// A request that is not cancelled: a cancelled one may be booked again.
    struct StoredRequest: Sendable {
        let id: Int64
        let householdID: Int64
        let appointment: Int64
    }

    /// What the store holds, as far as the batch needs it, in id order.
    struct Facts: Sendable {
        var dongs: DongDirectory
        /// A households file: every stored household.
        var households: [StoredHousehold] = []
        /// A volunteers file: every stored volunteer.
        var volunteers: [StoredVolunteer] = []
        /// A requests file: the households `Wanted.householdIDs` names, those whose name (spaces
        /// aside) is among `Wanted.householdNames`, and the open requests in `Wanted.appointments`.
        var householdsByID: [StoredHousehold] = []
        var householdsByName: [StoredHousehold] = []
        var requests: [StoredRequest] = []

        init(dongs: DongDirectory) { self.dongs = dongs }
    }

    /// The batch's requests with their households found, and the dongs the records belong to.
    struct Checked: Sendable {
        var requests: [ImportRow<EscortRequest>]
        var dongs: [String]
    }

    init(_ batch: ImportBatch) { self.batch = batch }

    var kind: ImportKind { batch.kind }

    /// The table the kind's records go to.
    var table: String {
        switch batch.kind {
        case .households: "household"
        case .volunteers: "volunteer"
        case .requests: "escort_request"
        }
    }

    /// What an importer who may not change a dong is refused, in the refusal's words.
    var act: Phrase { Phrase(ko: "\(batch.file) 파일을 가져올", en: "import \(batch.file)") }

    var wanted: Wanted {
        var wanted = Wanted()
        var ids: Set<Int64> = []
        for row in batch.requests {
            switch row.record.household {
            case .id(let id, _): ids.insert(id)
            case .identity(let name, _, _): wanted.householdNames.insert(ImportIdentity.compact(name))
            }
        }
        wanted.householdIDs = ids.sorted()
        let times = batch.requests.map { Stored.seconds($0.record.request.appointmentAt) }
        if let earliest = times.min(), let latest = times.max() { wanted.appointments = earliest...latest }
        return wanted
    }

    /// Every problem of the batch, its own and those only the store's facts show, thrown
    /// together by line; or the records as they will be written.
    func run(_ facts: Facts) throws -> Checked {
        var issues = batch.issues
        var requests: [ImportRow<EscortRequest>] = []
        switch batch.kind {
        case .households:
            var stored: [ImportIdentity.Household: Int64] = [:]
            for household in facts.households { stored[identity(household)] = household.id }
            issues += ImportIdentity.duplicates(in: batch.households, batch: batch, field: .name, key: {
                ImportIdentity.Household(name: $0.name, birthYear: $0.birthYear, dongCode: $0.dongCode)
            }, stored: { stored[$0] })
        case .volunteers:
            var stored: [ImportIdentity.Volunteer: Int64] = [:]
            for volunteer in facts.volunteers { stored[ImportIdentity.Volunteer(name: volunteer.name, phone: volunteer.phone)] = volunteer.id }
            issues += ImportIdentity.duplicates(in: batch.volunteers, batch: batch, field: .name, key: {
                ImportIdentity.Volunteer(name: $0.name, phone: $0.phone)
            }, stored: { stored[$0] })
        case .requests:
            let resolved = resolveHouseholds(facts)
            issues += resolved.issues
            requests = resolved.rows
            var stored: [ImportIdentity.Request: Int64] = [:]
            for request in facts.requests { stored[ImportIdentity.Request(householdID: request.householdID, appointment: request.appointment)] = request.id }
            issues += ImportIdentity.duplicates(in: requests, batch: batch, field: .appointmentDate, key: {
                ImportIdentity.Request(householdID: $0.householdID, appointment: Stored.seconds($0.appointmentAt))
            }, stored: { stored[$0] })
        }
        guard issues.isEmpty else {
            throw StoreError.invalidData(issues.enumerated().sorted { ($0.element.line, $0.offset) < ($1.element.line, $1.offset) }.map(\.element))
        }
        let dongs = Set(batch.households.map(\.record.dongCode) + batch.volunteers.map(\.record.dongCode) + requests.map(\.record.dongCode))
        return Checked(requests: requests, dongs: dongs.sorted())
    }

    private func identity(_ household: StoredHousehold) -> ImportIdentity.Household {
        ImportIdentity.Household(name: household.name, birthYear: household.birthYear, dongCode: household.dongCode)
    }

    /// Finds each request's household, by id or by name, birth year and dong, and fills in the
    /// household and its dong. A household that is missing, closed, or not the only match is a problem.
    private func resolveHouseholds(_ facts: Facts) -> (rows: [ImportRow<EscortRequest>], issues: [DataIssue]) {
        var byID: [Int64: StoredHousehold] = [:]
        for household in facts.householdsByID { byID[household.id] = household }
        var byIdentity: [ImportIdentity.Household: [StoredHousehold]] = [:]
        for household in facts.householdsByName { byIdentity[identity(household), default: []].append(household) }
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
                let dong = facts.dongs.dong(code: dongCode)?.name ?? dongCode
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

    // MARK: After the check

    /// The ids the records get, consecutive from `first` (the first after every stored one).
    func ids(first: Int64) -> ClosedRange<Int64>? {
        batch.recordCount == 0 ? nil : first...(first + Int64(batch.recordCount) - 1)
    }

    func outcome(first: Int64, dryRun: Bool) -> ImportOutcome {
        ImportOutcome(kind: batch.kind, file: batch.file, count: batch.recordCount, ids: ids(first: first), dryRun: dryRun)
    }

    /// The one audit entry of an import: its entity id is the range of ids, and it records the
    /// file, the count and the ids, which find the rows themselves.
    func audit(ids: ClosedRange<Int64>?) -> (entityID: String, after: String?) {
        (ids.map { "\($0.lowerBound)-\($0.upperBound)" } ?? "-",
         AuditJSON.encode(ImportAudit(file: batch.file, rows: batch.recordCount, firstID: ids?.lowerBound, lastID: ids?.upperBound)))
    }

    private struct ImportAudit: Encodable {
        let file: String
        let rows: Int
        let firstID: Int64?
        let lastID: Int64?
    }

    /// The volunteers as they are written, each with its id.
    func volunteers(first: Int64) -> [Volunteer] {
        batch.volunteers.enumerated().map { offset, row in
            var volunteer = row.record
            volunteer.id = first + Int64(offset)
            return volunteer
        }
    }

    /// The requests as they are written, each with its id, made now by the importer.
    func requests(_ checked: Checked, first: Int64, at now: Date, by user: String) -> [EscortRequest] {
        checked.requests.enumerated().map { offset, row in
            var request = row.record
            request.id = first + Int64(offset)
            request.createdAt = now
            request.updatedAt = now
            request.updatedBy = user
            return request
        }
    }

    /// How often the progress handler hears of the rows written.
    static let progressStep = 1_000

    /// Tells `progress` of every `progressStep`th row written, and of the last.
    func reporter(_ progress: ImportProgress.Handler?) -> (Int) -> Void {
        let total = batch.recordCount
        return { done in
            if done % ImportCheck.progressStep == 0 || done == total { progress?(ImportProgress(phase: .writing, done: done, total: total)) }
        }
    }
}
