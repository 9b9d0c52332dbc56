import Foundation
import HonsimCore
import Testing
@testable import HonsimStore

/// A household list's optional family-contact columns, under Korean or English headers: read
/// into the household, and a bad phone in them named by file, line and column, nothing imported.
@Suite("Importing households with their family contact")
struct ImportFamilyContactTests {
    @Test(arguments: Backend.all) func koreanHeadersBringTheFamilyContactAndItsPhoneIsWrittenTheOneWay(_ backend: Backend) async throws {
        let fixture = try await StoreFixture.make(backend)
        defer { fixture.remove() }
        try await fixture.loadCast()
        let path = try fixture.file("대상자.csv", utf8: """
            이름,생년,성별,동,연락처,가족 이름,가족 관계,가족 연락처
            김영희,1944,여,석수2동,010-2222-3333,박은정,딸,01055556666
            박철수,1950,남,평촌동,,,,

            """)
        let outcome = try await fixture.importFile(path, .households)
        #expect(outcome.count == 2)
        let households = try await fixture.store.households()
        #expect(households.first { $0.name == "김영희" }?.family == FamilyContact(name: "박은정", relation: "딸", phone: "010-5555-6666"))
        #expect(households.first { $0.name == "박철수" }?.family.isEmpty == true)
    }

    @Test(arguments: Backend.all) func englishHeadersToo(_ backend: Backend) async throws {
        let fixture = try await StoreFixture.make(backend)
        defer { fixture.remove() }
        try await fixture.loadCast()
        let path = try fixture.file("households.csv", utf8: """
            name,birth_year,gender,dong,family_name,family_relation,family_phone
            김영희,1944,여,석수2동,박은정,이웃,031-467-1234

            """)
        _ = try await fixture.importFile(path, .households)
        #expect(try await fixture.store.households().first { $0.name == "김영희" }?.family
                == FamilyContact(name: "박은정", relation: "이웃", phone: "031-467-1234"))
    }

    @Test(arguments: Backend.all) func aBadFamilyPhoneIsNamedByFileLineAndColumnAndNothingIsImported(_ backend: Backend) async throws {
        let fixture = try await StoreFixture.make(backend)
        defer { fixture.remove() }
        try await fixture.loadCast()
        let audit = try await fixture.auditEntries()
        let path = try fixture.file("family.csv", utf8: """
            이름,생년,성별,동,보호자,관계,보호자 연락처
            김영희,1944,여,석수2동,박은정,딸,010-5555-6666
            박철수,1950,남,평촌동,박민수,아들,5555

            """)
        let issues = try #require(await importIssues { try await fixture.importFile(path, .households) })
        #expect(issues.map { $0.description(.en) } == ["family.csv:3: 보호자 연락처: not a phone number: 5555"])
        #expect(issues.map { $0.description(.ko) } == ["family.csv:3: 보호자 연락처: 전화번호 형식이 아닙니다: 5555"])
        #expect(try await fixture.count("household") == 4)
        #expect(try await fixture.auditEntries() == audit)
    }
}
