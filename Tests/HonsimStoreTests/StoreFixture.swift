import Foundation
import GRDB
import HonsimCore
import Testing
@testable import HonsimStore
import HonsimTestServer

/// A fresh store with a small cast: three dongs in two gus, four households and five
/// volunteers, and requests placed on a Monday well ahead. On SQLite, a file in its own
/// temporary folder; on PostgreSQL, a database of its own on the suite's throwaway server
/// (StoreFixture+Postgres.swift), opened as the fixture's user, who is the store's admin.
struct StoreFixture {
    let backend: Backend
    let folder: URL
    /// The SQLite file, or the PostgreSQL URL.
    let path: String
    let store: any CaseStore
    let calendar: Calendar
    /// A Monday at least a week ahead, at midnight in the store's time zone.
    let monday: Date
    /// The PostgreSQL database, on the PostgreSQL backend.
    let database: String?

    static let seokSu2 = Dong(code: "41171-11", name: "석수2동", gu: "만안구")
    static let anyang2 = Dong(code: "41171-02", name: "안양2동", gu: "만안구")
    static let chunghun = Dong(code: "41171-12", name: "충훈동", gu: "만안구", formerNames: ["석수3동"], renamedYear: 2024)
    static let pyeongchon = Dong(code: "41173-09", name: "평촌동", gu: "동안구")

    /// A SQLite store.
    init(user: String = "kim") throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("honsim-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let path = folder.appendingPathComponent("cases.sqlite").path
        self.init(backend: .sqlite, folder: folder, path: path,
                  store: try SQLiteStore(path: path, user: user, create: true, timeZone: "Asia/Seoul"), database: nil)
    }

    init(backend: Backend, folder: URL, path: String, store: any CaseStore, database: String?) {
        self.backend = backend
        self.folder = folder
        self.path = path
        self.store = store
        self.database = database
        calendar = store.calendar
        let today = CivilDate(Date(), calendar: calendar)
        let weekday = Weekday(Date(), calendar: calendar).rawValue
        monday = today.adding(days: 14 - (weekday - 1), calendar: calendar).start(in: calendar)
    }

    /// A store on `backend`.
    static func make(_ backend: Backend, user: String = "kim") async throws -> StoreFixture {
        switch backend {
        case .sqlite: return try StoreFixture(user: user)
        case .postgres: return try await makePostgres(user: user)
        }
    }

    /// The SQLite store, for the tests that are about SQLite itself.
    var sqlite: SQLiteStore {
        guard let store = store as? SQLiteStore else { preconditionFailure("a SQLite fixture") }
        return store
    }

    /// A session of `user` as they are registered (or not) in the store.
    func session(user: String, readOnly: Bool = false) async throws -> any CaseStore {
        switch backend {
        case .sqlite: return try SQLiteStore(path: path, user: user, readOnly: readOnly)
        case .postgres: return try await postgresSession(user: user, readOnly: readOnly)
        }
    }

    /// Another person's session on the same store (another process, on SQLite), registered
    /// first with `role` and `dongCodes`.
    func otherStore(user: String = "lee", role: Role = .admin, dongCodes: [String] = []) async throws -> any CaseStore {
        switch backend {
        case .sqlite: return try secondStore(user: user, role: role, dongCodes: dongCodes)
        case .postgres: return try await postgresStore(user: user, role: role, dongCodes: dongCodes)
        }
    }

    /// Another process's view of the same file, as another person, registered first with
    /// `role` and `dongCodes` (an admin by default: these tests are about concurrency).
    func secondStore(user: String = "lee", role: Role = .admin, dongCodes: [String] = []) throws -> SQLiteStore {
        try raw().write { db in
            try db.execute(sql: """
                INSERT OR REPLACE INTO users (name, role, dongs, created_at, created_by, updated_at, updated_by)
                VALUES (?, ?, ?, 0, 'test', 0, 'test')
                """, arguments: [user, role.rawValue, dongCodes.joined(separator: ",")])
        }
        return try SQLiteStore(path: path, user: user)
    }

    func at(day: Int = 0, _ hour: Int, _ minute: Int = 0) -> Date {
        monday.addingTimeInterval(TimeInterval(day * 86_400 + hour * 3600 + minute * 60))
    }

    static var allWeek: WeeklyAvailability {
        WeeklyAvailability(Weekday.allCases.map { AvailabilityWindow(weekday: $0, start: ClockTime(minutes: 0), end: ClockTime(minutes: 24 * 60)) })
    }

    static let households = [
        Household(id: 1, dongCode: seokSu2.code, name: "김순자", birthYear: 1941, gender: .female, phone: "010-1234-5678", mobility: .cane),
        Household(id: 2, dongCode: seokSu2.code, name: "박영호", birthYear: 1948, gender: .male, mobility: .wheelchair),
        Household(id: 3, dongCode: pyeongchon.code, name: "이말순", birthYear: 1939, gender: .female, needs: [.hearing], preferredVolunteerGender: .female),
        Household(id: 4, dongCode: anyang2.code, name: "최복례", birthYear: 1950, gender: .female),
    ]

    static let volunteers = [
        Volunteer(id: 1, dongCode: seokSu2.code, name: "정지민", gender: .female, skills: [.wheelchair], availability: allWeek),
        Volunteer(id: 2, dongCode: anyang2.code, name: "곽대현", gender: .male, hasCar: true, availability: allWeek),
        Volunteer(id: 3, dongCode: pyeongchon.code, name: "한수어", gender: .female, skills: [.signLanguage], availability: allWeek),
        Volunteer(id: 4, dongCode: seokSu2.code, name: "오주말", gender: .male,
                  availability: WeeklyAvailability([AvailabilityWindow(weekday: .sat, start: ClockTime(minutes: 540), end: ClockTime(minutes: 1080))])),
        Volunteer(id: 5, dongCode: chunghun.code, name: "윤한도", gender: .female, weeklyCapMinutes: 180, availability: allWeek),
    ]

    func request(_ id: Int64, household: Int64 = 1, day: Int = 0, hour: Int = 10, minutes: Int = 120,
                 status: RequestStatus = .pending, volunteer: Int64? = nil, transport: Transport = .publicTransport) -> EscortRequest {
        let household = StoreFixture.households.first { $0.id == household } ?? StoreFixture.households[0]
        let pickup = at(day: day, hour)
        return EscortRequest(
            id: id, householdID: household.id, dongCode: household.dongCode, hospital: "한림대학교성심병원", department: "내과",
            appointmentAt: pickup.addingTimeInterval(3600), pickupAt: pickup, transport: transport, expectedMinutes: minutes,
            status: status, volunteerID: volunteer, createdAt: Date(timeIntervalSince1970: (Date().timeIntervalSince1970 - 86_400).rounded()),
            assignedAt: volunteer == nil ? nil : Date(timeIntervalSince1970: Date().timeIntervalSince1970.rounded()), updatedBy: "seed")
    }

    /// Loads the cast and the given requests.
    func load(_ requests: [EscortRequest]) async throws {
        try await store.load(StoreData(dongs: [StoreFixture.anyang2, StoreFixture.seokSu2, StoreFixture.chunghun, StoreFixture.pyeongchon],
                                       households: StoreFixture.households, volunteers: StoreFixture.volunteers, requests: requests),
                             replacingExisting: false)
    }

    /// Raw SQL on the file, bypassing the store: for checking what is stored and for
    /// breaking invariants on purpose.
    func raw() throws -> DatabaseQueue {
        try DatabaseQueue(path: path)
    }

    func auditEntries() async throws -> Int {
        try await rawInt("SELECT COUNT(*) FROM audit") ?? 0
    }

    func remove() {
        (store as? PostgresStore)?.close()
        try? FileManager.default.removeItem(at: folder)
    }

    /// Raw SQL that bypasses the store (as the database's owner on PostgreSQL): for checking
    /// what is stored and for breaking invariants on purpose. Returns the first column.
    @discardableResult
    func rawSQL(_ sql: String) async throws -> [String] {
        switch backend {
        case .sqlite:
            return try await raw().write { db in
                try Row.fetchAll(db, sql: sql).map { row in
                    switch row.databaseValues.first?.storage ?? .null {
                    case .null, .blob: return ""
                    case .int64(let number): return String(number)
                    case .double(let number): return String(number)
                    case .string(let text): return text
                    }
                }
            }
        case .postgres:
            let output = try await PostgresServer.shared().psql(sql, database: database ?? "postgres")
            return output.split(separator: "\n", omittingEmptySubsequences: false).map(String.init).filter { !$0.isEmpty }
        }
    }

    func rawInt(_ sql: String) async throws -> Int? {
        try await rawSQL(sql).first.flatMap { Int($0) }
    }
}

/// The backends every contract test runs on. PostgreSQL is left out, with the reason printed
/// once, only where its server binaries are missing.
enum Backend: String, CaseIterable, Sendable, CustomTestStringConvertible {
    case sqlite, postgres

    static let all: [Backend] = {
        let found = PostgresServer.findBinaries()
        if found.bin == nil {
            FileHandle.standardError.write(Data("honsim: PostgreSQL contract tests skipped: \(found.reason)\n".utf8))
            return [.sqlite]
        }
        return [.sqlite, .postgres]
    }()

    var testDescription: String { rawValue }
}

/// Runs `body` and returns the StoreError it throws, or nil.
func storeError<T>(_ body: () async throws -> T) async -> StoreError? {
    do { _ = try await body() } catch let error as StoreError { return error } catch { return nil }
    return nil
}

/// Runs `body` again while it fails only for want of the store, as the dashboard does (a
/// failed read is tried again by itself, a failed write by "try again"): busy (another writer
/// held the store past its wait) or disconnected (no connection in time). Neither applied
/// anything. On a machine loaded by the whole suite a call can wait longer than a store's
/// wait; any other error, and the last of `attempts`, is thrown as it came.
func retryingWhileUnavailable<T>(attempts: Int = 5, _ body: () async throws -> T) async throws -> T {
    for _ in 1 ..< attempts {
        do {
            return try await body()
        } catch StoreError.busy, StoreError.disconnected {
            try await Task.sleep(for: .milliseconds(500))
        }
    }
    return try await body()
}
