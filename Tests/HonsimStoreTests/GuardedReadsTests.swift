import Foundation
import HonsimCore
import HonsimTestServer
import Testing
@testable import HonsimStore

/// Reads guarded by the database on PostgreSQL: a coordinator's login reads the full names,
/// phones, addresses and notes of their dongs only, a viewer's and a kiosk's none; everyone
/// reads the `seen_*` views, masked by the same rule as HonsimCore's `Masking`.
@Suite("PostgreSQL: personal data only where the role may see it", .enabled(if: Backend.all.contains(.postgres)))
struct GuardedReadsTests {
    /// Household 1 (김순자) is 석수2동's, 4 (최복례) 안양2동's; volunteer 1 (정지민) 석수2동's, 2 (곽대현)
    /// 안양2동's. Park coordinates 석수2동, council is a viewer, hall the welfare center's kiosk.
    func city() async throws -> StoreFixture {
        let fixture = try await StoreFixture.make(.postgres)
        try await fixture.load([fixture.request(1, household: 1), fixture.request(4, household: 4, day: 1)])
        try await PostgresServer.shared().psql("""
            UPDATE household SET phone = '031-467-1234', address = '경기 안양시 만안구 냉천로 12', notes = '치매 초기' WHERE id = 4;
            UPDATE escort_request SET notes = '보호자 동행 원함', pickup_place = '경기 안양시 만안구 냉천로 12' WHERE id = 4;
            UPDATE volunteer SET phone = '010-2222-3333', notes = '야간 불가' WHERE id = 2;
            """, database: fixture.database ?? "")
        try await fixture.registerGuardedRoles()
        return fixture
    }

    private func lines(_ output: String) -> [String] { StoreFixture.lines(output) }

    @Test func aCoordinatorSelectsFullDetailsOfTheirDongsOnlyAndTheRestMasked() async throws {
        let fixture = try await city()
        defer { fixture.remove() }
        // The tables give park only 석수2동's rows: 안양2동's name and phone cannot be selected.
        #expect(try lines(fixture.psql(as: "park", "SELECT name, phone FROM household WHERE id = 4")).isEmpty)
        #expect(try lines(fixture.psql(as: "park", "SELECT name FROM household ORDER BY id")) == ["김순자", "박영호"])
        #expect(try lines(fixture.psql(as: "park", "SELECT notes FROM escort_request WHERE id = 4")).isEmpty)
        #expect(try lines(fixture.psql(as: "park", "SELECT name, phone FROM volunteer WHERE id = 2")).isEmpty)
        // The views give every row: park's dongs in full, the others masked by the one rule.
        #expect(try lines(fixture.psql(as: "park", "SELECT name, phone FROM seen_household WHERE id = 1")) == ["김순자|010-1234-5678"])
        #expect(try lines(fixture.psql(as: "park", "SELECT name, phone, address, notes FROM seen_household WHERE id = 4"))
                == ["최*례|031-***-1234|경기 안양시 ***|"])
        #expect(try lines(fixture.psql(as: "park", "SELECT pickup_place, notes FROM seen_request WHERE id = 4")) == ["경기 안양시 ***|"])
        #expect(try lines(fixture.psql(as: "park", "SELECT name, phone, notes FROM seen_volunteer WHERE id = 2")) == ["곽*현|010-****-3333|"])
        // The audit log holds records before and after: park reads none of 안양2동's.
        #expect(try lines(fixture.psql(as: "park", "SELECT count(*) FROM audit WHERE dong_code = '\(StoreFixture.anyang2.code)'")) == ["0"])
    }

    @Test(arguments: ["council", "hall"])
    func aViewerAndTheKioskSelectNoFullNameAtAll(_ user: String) async throws {
        let fixture = try await city()
        defer { fixture.remove() }
        for table in ["household", "volunteer", "escort_request"] {
            #expect(try lines(fixture.psql(as: user, "SELECT count(*) FROM \(table)")) == ["0"], "\(table)")
        }
        #expect(try lines(fixture.psql(as: user, "SELECT name, phone FROM seen_household ORDER BY id"))
                == ["김*자|010-****-5678", "박*호|", "이*순|", "최*례|031-***-1234"])
        #expect(try lines(fixture.psql(as: user, "SELECT name FROM seen_volunteer WHERE id IN (1, 2) ORDER BY id")) == ["정*민", "곽*현"])
        #expect(try lines(fixture.psql(as: user, "SELECT count(*) FROM seen_household WHERE name IN ('김순자', '최복례')")) == ["0"])
        // Nor can the masked form be got round through the store's own functions or the audit log.
        #expect(try lines(fixture.psql(as: user, "SELECT count(*) FROM audit WHERE after LIKE '%김순자%'")) == ["0"])
        let session = try await fixture.postgresSession(user: user, readOnly: user == "hall")
        defer { session.close() }
        #expect(try await session.household(id: 1).name == "김*자")
        #expect(try await session.counts().households == 4)
    }

    /// A call's note is as personal as the request's notes: every call is read, its note only
    /// where the request's dong is the role's in full.
    @Test func aCallsNoteIsReadOnlyWhereItsRequestIsSeenInFull() async throws {
        let fixture = try await city()
        defer { fixture.remove() }
        try await fixture.store.recordAttempt(requestID: 1, party: .household, result: .confirmed, note: "딸 010-5555-6666이 받음")
        try await fixture.store.recordAttempt(requestID: 4, party: .family, result: .askedToChange, note: "아드님이 오후로 바꾸길 원함")
        #expect(try lines(fixture.psql(as: "park", "SELECT request_id FROM contact_attempt ORDER BY request_id")) == ["1"])
        #expect(try lines(fixture.psql(as: "park", "SELECT request_id, result, note FROM seen_contact_attempt ORDER BY request_id"))
                == ["1|confirmed|딸 010-5555-6666이 받음", "4|asked_to_change|"])
        for user in ["council", "hall"] {
            #expect(try lines(fixture.psql(as: user, "SELECT count(*) FROM contact_attempt")) == ["0"], "\(user)")
            #expect(try lines(fixture.psql(as: user, "SELECT count(*) FROM seen_contact_attempt WHERE note != ''")) == ["0"], "\(user)")
            #expect(try lines(fixture.psql(as: user, "SELECT count(*) FROM seen_contact_attempt")) == ["2"], "\(user)")
        }
    }

    /// The dashboard reads the same views: what a session's store calls return is what the
    /// database lets the role see, and a coordinator's full-record read still logs its view.
    @Test func theStoreReadsWhatTheDatabaseLetsTheRoleSee() async throws {
        let fixture = try await city()
        defer { fixture.remove() }
        let park = try await fixture.postgresSession(user: "park", readOnly: false)
        defer { park.close() }
        let households = try await park.households()
        #expect(households.map(\.name) == ["김순자", "박영호", "이*순", "최*례"])
        #expect(households.last?.address == "경기 안양시 ***")
        #expect(try await park.volunteers().first { $0.id == 2 }?.phone == "010-****-3333")
        #expect(try await park.request(id: 4).notes.isEmpty)
        #expect(try await park.request(id: 1).householdID == 1)
        let open = try await park.householdRecord(id: 1, reveal: .full(requestID: 1))
        #expect(open.isFull && open.household.name == "김순자")
        let masked = try await park.householdRecord(id: 4, reveal: .full(requestID: 4))
        #expect(!masked.isFull && masked.household.name == "최*례")
        let views = try await fixture.store.auditLog(in: nil, limit: nil).filter { $0.action == "view" }
        #expect(views.map(\.entityID) == ["1"])
        // Statistics count every dong's requests, through the views, whoever asks.
        #expect(try await park.counts().requests == 2)
    }

    /// Each view has its table's columns in the table's order, so a column added to a table
    /// later is not silently missing from what the screens read.
    @Test func theViewsHaveTheirTablesColumns() async throws {
        let fixture = try await StoreFixture.make(.postgres)
        defer { fixture.remove() }
        for (table, view) in [("household", "seen_household"), ("volunteer", "seen_volunteer"), ("escort_request", "seen_request"),
                              ("contact_attempt", "seen_contact_attempt"), ("escort_expense", "seen_escort_expense"),
                              ("message_record", "seen_message_record"), ("standing_series", "seen_standing_series"),
                              ("series_change", "seen_series_change")] {
            let columns = { (relation: String) in try PostgresServer.shared().psql("""
                SELECT string_agg(column_name, ',' ORDER BY ordinal_position) FROM information_schema.columns WHERE table_name = '\(relation)'
                """, database: fixture.database ?? "") }
            #expect(try columns(view) == columns(table), "\(view)")
        }
    }

    /// Names and phones as offices write them, masked in SQL and in Swift: the same forms.
    @Test func maskingInSQLIsMaskingInHonsimCore() async throws {
        let fixture = try await StoreFixture.make(.postgres)
        defer { fixture.remove() }
        let names = ["홍길동", "김솔", "김", "", "남궁민수", "남궁 민수", "황보석준", "선우용녀", "제갈공명님", "Maria Santos", " 홍길동\t",
                     "\u{3000}박지수", "이 솔", "홍*동", "남궁*수", "김*", "*",
                     "\u{1112}\u{1169}\u{11BC}\u{1100}\u{1175}\u{11AF}\u{1103}\u{1169}\u{11BC}", // 홍길동, decomposed into jamo
                     "Nguyễn Thị Lan", "O'Brien"]
        let phones = ["010-1234-5678", "01012345678", "02-123-4567", "021234567", "0212345678", "010 1234 5678", "010.1234.5678",
                      "+82 10-1234-5678", "1588-1234", "", "  ", "010-****-5678", "031-1234-567", "123", "내선 123", "0101234567",
                      "(031) 123-4567", "010--1234--5678", " 010-1234-5678 ", "010-1234-5678 (딸)", "010123456789012"]
        let addresses = ["경기 안양시 만안구 석수동 123", "안양시 만안구", "", "   ", "경기  안양시  만안구 1", "경기 안양시 ***", "자택"]
        #expect(try sqlMasked("honsim_mask_name", names, fixture) == names.map(Masking.name))
        #expect(try sqlMasked("honsim_mask_phone", phones, fixture) == phones.map(Masking.phone))
        #expect(try sqlMasked("honsim_mask_address", addresses, fixture) == addresses.map(Masking.address))
    }

    /// `function` applied to each value in SQL; results come back hex-encoded, so that no
    /// space, tab or bar is lost between psql and the test.
    private func sqlMasked(_ function: String, _ values: [String], _ fixture: StoreFixture) throws -> [String] {
        let literals = values.map { "'" + $0.replacingOccurrences(of: "'", with: "''") + "'" }.joined(separator: ", ")
        let output = try PostgresServer.shared().psql("""
            SELECT encode(convert_to(\(function)(value), 'UTF8'), 'hex') || '.' FROM unnest(ARRAY[\(literals)]::text[]) WITH ORDINALITY AS v(value, n) ORDER BY n
            """, database: fixture.database ?? "")
        return output.split(separator: "\n").map { line in
            let hex = Array(line.dropLast())
            let bytes = stride(from: 0, to: hex.count, by: 2).compactMap { UInt8(String(hex[$0..<$0 + 2]), radix: 16) }
            return String(decoding: bytes, as: UTF8.self)
        }
    }
}
