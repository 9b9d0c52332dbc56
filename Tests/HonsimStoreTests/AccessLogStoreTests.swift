import Foundation
import HonsimCore
import Testing
@testable import HonsimStore

/// The privacy officer's view (개인정보 열람 기록) on both stores: who saw or took whose
/// personal data in full, when and from where, filtered by month, user and household.
@Suite("Access log")
struct AccessLogStoreTests {
    @Test(arguments: Backend.all) func viewsAndExportsAreListedWithWhereFromAndFilterByUserHouseholdAndMonth(_ backend: Backend) async throws {
        let fixture = try await StoreFixture.make(backend, user: "kim")
        defer { fixture.remove() }
        try await fixture.load([fixture.request(1, household: 1), fixture.request(3, household: 3, day: 1)])
        // kim (admin): a request's details on the dashboard, a household page on the command line, an export.
        _ = try await fixture.store.householdRecord(id: 1, reveal: .full(requestID: 1))
        _ = try await fixture.store.householdRecord(id: 3, reveal: .full(requestID: nil, from: .command))
        try await fixture.store.recordExport(kind: "households", rows: 2, householdIDs: [1, 4], from: .export)
        // park (a coordinator of 석수2동) sees household 1 in full; household 3 comes masked and is not logged.
        let park = try await fixture.otherStore(user: "park", role: .coordinator, dongCodes: [StoreFixture.seokSu2.code])
        _ = try await park.householdRecord(id: 1, reveal: .full(requestID: nil))
        _ = try await park.householdRecord(id: 3, reveal: .full(requestID: 3))
        // Not personal data: an assignment is in the audit log, not in the access log.
        try await fixture.store.assign(requestID: 1, volunteerID: 1, expectedVersion: nil, override: false)

        let all = try await fixture.store.accessLog(AccessLogQuery())
        #expect(all.map(\.user) == ["kim", "kim", "kim", "park"])
        #expect(all.map(\.kind) == [.view, .view, .export, .view])
        #expect(all.map(\.source) == [.dashboard, .command, .export, .dashboard])
        #expect(all.map(\.householdIDs) == [[1], [3], [1, 4], [1]])
        #expect(all[0].requestID == 1 && all[0].dongCode == StoreFixture.seokSu2.code && all[2].rows == 2 && all[2].entity == "households")

        #expect(try await fixture.store.accessLog(AccessLogQuery(user: "park")).map(\.householdIDs) == [[1]])
        #expect(try await fixture.store.accessLog(AccessLogQuery(householdID: 1)).map(\.user) == ["kim", "kim", "park"])
        #expect(try await fixture.store.accessLog(AccessLogQuery(householdID: 4)).map(\.kind) == [.export])
        #expect(try await fixture.store.accessLog(AccessLogQuery(householdID: 2)).isEmpty)
        let now = Date()
        let thisMonth = StatisticsPeriod.thisMonth(now: now, calendar: fixture.calendar)
        #expect(try await fixture.store.accessLog(AccessLogQuery(span: thisMonth.range(calendar: fixture.calendar))).count == 4)
        let lastMonth = thisMonth.previous(calendar: fixture.calendar).range(calendar: fixture.calendar)
        #expect(try await fixture.store.accessLog(AccessLogQuery(span: lastMonth)).isEmpty)
        (park as? PostgresStore)?.close()
    }

    /// Entries written before the source was recorded read as what they were.
    @Test func entriesOfAnEarlierReleaseReadAsTheirSource() {
        let view = AuditEntry(at: Date(), user: "kim", action: "view", entity: "household", entityID: "7", after: "{\"request\":9}")
        let command = AuditEntry(at: Date(), user: "kim", action: "view", entity: "household", entityID: "8")
        let export = AuditEntry(at: Date(), user: "kim", action: "export", entity: "volunteers", entityID: "3 rows", after: "{\"rows\":3}")
        #expect(AccessLogEntry(view)?.source == .dashboard && AccessLogEntry(view)?.requestID == 9)
        #expect(AccessLogEntry(command)?.source == .command && AccessLogEntry(command)?.householdIDs == [8])
        #expect(AccessLogEntry(export)?.source == .export && AccessLogEntry(export)?.rows == 3)
        #expect(AccessLogEntry(AuditEntry(at: Date(), user: "kim", action: "assign", entity: "request", entityID: "1")) == nil)
    }
}
