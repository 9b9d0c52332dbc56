import Foundation
import GRDB
import HonsimCore

/// The run sheets of a day (동행 일지), written once for both backends. A sheet carries the
/// households' full names, phones and addresses out of the office on paper: a full view of
/// personal data. So the read and its access-log entries (one per household, from `sheet`)
/// are one transaction, as `householdRecord` does it: no caller can print first and log later.
///
/// A role that may not see a household in full gets it masked by the one masking rule rather
/// than a refusal: a viewer or a coordinator of another dong can still plan with the times,
/// places and needs, and the page says that it is masked. A read-only session cannot write the
/// access log, and so gets every household masked.
extension SQLCaseStore {
    public func runSheets(on day: CivilDate, volunteerID: Int64?) async throws -> RunSheets {
        // A viewer or a kiosk sees nothing in full and so writes nothing: a plain read.
        let seesNothingInFull = try await !access().seesFullDetails(dongCode: nil)
        if readOnly || seesNothingInFull {
            return try await read { [self] db in try await readRunSheets(db, day: day, volunteerID: volunteerID, logging: false) }
        }
        return try await write { [self] db in try await readRunSheets(db, day: day, volunteerID: volunteerID, logging: true) }
    }

    private func readRunSheets(_ db: any StoreConnection, day: CivilDate, volunteerID: Int64?, logging: Bool) async throws -> RunSheets {
        // An unknown volunteer is an error, not an empty sheet: it is a typing mistake.
        var asked: Volunteer?
        if let volunteerID { asked = try await SQLCaseStore.fetchVolunteer(db, id: volunteerID) }
        let access = try await fetchAccess(db)
        let volunteersInFull = logging && access.seesFullDetails(dongCode: nil)
        var inFull: Set<Int64> = []
        var pages = RunSheets.pages(of: try await fetchEscortDay(db, day: day), volunteerID: volunteerID)
        let now = now()
        // The access log's entries go in together, in the sheets' order: one statement rather
        // than one round trip a household.
        var views: [[(any DatabaseValueConvertible)?]] = []
        for p in pages.indices {
            for e in pages[p].escorts.indices {
                // Changed where it lies: a copy of each escort, put back, would copy every text of it twice.
                let (householdID, dongCode, requestID) = (pages[p].escorts[e].household.id, pages[p].escorts[e].household.dongCode,
                                                          pages[p].escorts[e].request.id)
                if logging && access.seesFullDetails(dongCode: dongCode) {
                    if inFull.insert(householdID).inserted {
                        views.append(auditCells(action: "view", entity: "household", id: String(householdID), dongCode: dongCode,
                                                before: nil, after: "{\"from\":\"\(AccessSource.sheet.rawValue)\",\"request\":\(requestID)}",
                                                at: now))
                    }
                } else {
                    pages[p].escorts[e] = pages[p].escorts[e].masked()
                }
                if !volunteersInFull, let volunteer = pages[p].escorts[e].volunteer { pages[p].escorts[e].volunteer = volunteer.masked() }
            }
            if !volunteersInFull { pages[p].volunteer = pages[p].volunteer.masked() }
        }
        // A city's day is thousands of entries, each in a different page of the index by
        // entity: with SQLite's small default cache, the pages would be written out and again
        // many times over before the commit.
        try await db.bulkLoad { try await appendAudits(db, views) }
        return RunSheets(day: day, pages: pages, householdsInFull: inFull, volunteersInFull: volunteersInFull,
                         volunteer: volunteersInFull ? asked : asked?.masked())
    }
}

extension DayEscort {
    /// As a role that may not see the household in full gets it: name, phone and address by the
    /// one masking rule; the household's and the request's notes and the calls' notes left out,
    /// since they may say anything about the person.
    func masked() -> DayEscort {
        var escort = self
        escort.household.name = Masking.name(household.name)
        escort.household.phone = Masking.phone(household.phone)
        escort.household.address = Masking.address(household.address)
        escort.household.family = household.family.masked
        escort.household.notes = ""
        escort.request.notes = ""
        escort.attempts = attempts.map { var attempt = $0; attempt.note = ""; return attempt }
        escort.messages = []
        return escort
    }
}

extension Volunteer {
    func masked() -> Volunteer {
        var volunteer = self
        volunteer.name = Masking.name(name)
        volunteer.phone = Masking.phone(phone)
        return volunteer
    }
}
