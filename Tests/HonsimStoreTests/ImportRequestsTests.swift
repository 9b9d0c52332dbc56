import Foundation
import HonsimCore
import Testing
@testable import HonsimStore

/// Requests name their household by id or by name, birth year and dong; volunteers bring
/// their weekly hours as people write them.
@Suite("Importing requests and volunteers")
struct ImportRequestsTests {
    /// 2026. 12. 3. as Korean Excel shows a date, for a day `offset` days after the fixture's Monday.
    func excelDate(_ fixture: StoreFixture, _ offset: Int) -> String {
        let day = CivilDate(fixture.at(day: offset, 0), calendar: fixture.calendar)
        return "\(day.year). \(day.month). \(day.day)."
    }

    func iso(_ fixture: StoreFixture, _ offset: Int) -> String {
        CivilDate(fixture.at(day: offset, 0), calendar: fixture.calendar).description
    }

    @Test(arguments: Backend.all) func byIDOrByNameBirthYearAndDongWithDefaultsForWhatIsLeftOut(_ backend: Backend) async throws {
        let fixture = try await StoreFixture.make(backend)
        defer { fixture.remove() }
        try await fixture.loadCast()
        let path = try fixture.file("동행요청.csv", utf8: """
            대상자번호,이름,생년,동,병원,진료과,진료일,진료시각,출발시각,교통,목적,예상 소요(분)
            1,김순자,,,한림대병원,내과,\(iso(fixture, 2)),10:30,9:40,대중교통,진료,150
            ,이말순,1939,평촌동,안양샘병원,신장내과,\(excelDate(fixture, 3)),오후 2:00,,센터차량,투석,
            """)
        let outcome = try await fixture.importFile(path, .requests)
        #expect(outcome.count == 2 && outcome.ids == 1...2)
        let first = try await fixture.store.request(id: 1)
        #expect(first.householdID == 1 && first.dongCode == StoreFixture.seokSu2.code && first.status == .pending)
        #expect(first.appointmentAt == fixture.at(day: 2, 10, 30) && first.pickupAt == fixture.at(day: 2, 9, 40))
        #expect(first.hospital == "한림대병원" && first.department == "내과" && first.expectedMinutes == 150 && first.transport == .publicTransport)
        let second = try await fixture.store.request(id: 2)
        #expect(second.householdID == 3 && second.dongCode == StoreFixture.pyeongchon.code)
        // Pickup an hour ahead and five hours for dialysis, when the file does not say.
        #expect(second.appointmentAt == fixture.at(day: 3, 14) && second.pickupAt == fixture.at(day: 3, 13))
        #expect(second.purpose == .dialysis && second.expectedMinutes == 300 && second.transport == .centerVehicle && second.returnTrip)
        #expect(second.updatedBy == "kim" && second.volunteerID == nil)
        #expect(try await fixture.store.checkInvariants().isEmpty)
        // The same file again: every request is already there.
        let issues = try #require(await importIssues { try await fixture.importFile(path, .requests) })
        #expect(issues.map { $0.description(.en) } == [
            "동행요청.csv:2: 진료일: already in the store: request 1 (same household and appointment time)",
            "동행요청.csv:3: 진료일: already in the store: request 2 (same household and appointment time)",
        ])
    }

    @Test(arguments: Backend.all) func aDateWithItsTimeInOneCell(_ backend: Backend) async throws {
        let fixture = try await StoreFixture.make(backend)
        defer { fixture.remove() }
        try await fixture.loadCast()
        let path = try fixture.file("requests.csv", utf8: """
            household_id,hospital,appointment,expected_minutes
            4,Sam Hospital,\(iso(fixture, 1)) 11:00,2시간 30분
            """)
        _ = try await fixture.importFile(path, nil)
        let request = try await fixture.store.request(id: 1)
        #expect(request.appointmentAt == fixture.at(day: 1, 11) && request.expectedMinutes == 150)
    }

    @Test(arguments: Backend.all) func householdsThatCannotBeFoundAndRequestsThatCannotBe(_ backend: Backend) async throws {
        let fixture = try await StoreFixture.make(backend)
        defer { fixture.remove() }
        try await fixture.loadCast()
        let past = CivilDate(Date().addingTimeInterval(-2 * 86_400), calendar: fixture.calendar)
        let path = try fixture.file("requests.csv", utf8: """
            대상자번호,대상자,생년,동,병원,진료일,진료시각,출발시각,예상소요
            99,,,,병원,\(iso(fixture, 1)),10:00,,
            2,김순자,,,병원,\(iso(fixture, 1)),10:00,,
            ,홍길동,1940,석수2동,병원,\(iso(fixture, 1)),10:00,,
            4,,,,병원,\(past),10:00,,
            4,,,,병원,\(iso(fixture, 1)),10:00,11:00,
            4,,,,,\(iso(fixture, 1)),25:00,,5
            3,,,,병원,\(iso(fixture, 2)),09:00,,
            3,,,,병원,\(iso(fixture, 2)),09:00,,
            """)
        let issues = try #require(await importIssues { try await fixture.importFile(path, .requests) })
        #expect(issues.map { $0.description(.en) } == [
            "requests.csv:2: 대상자번호: no household 99 in the store",
            "requests.csv:3: 대상자: household 2 is named '박영호', not '김순자'",
            "requests.csv:4: 대상자: no household 홍길동 (1940, 석수2동) in the store",
            "requests.csv:5: 진료일: the appointment is in the past: \(past) 10:00",
            "requests.csv:6: 출발시각: pickup is after the appointment",
            "requests.csv:7: 병원: value is missing",
            "requests.csv:7: 진료시각: not a time: '25:00' (like 10:30, 오후 2:30)",
            "requests.csv:7: 예상소요: expected duration must be 10 min to 16 h",
            "requests.csv:9: 진료일: duplicates line 8 (same household and appointment time)",
        ])
        #expect(try await fixture.count("escort_request") == 0)
    }

    @Test(arguments: Backend.all) func aRequestsFileWithNoWayToNameTheHousehold(_ backend: Backend) async throws {
        let fixture = try await StoreFixture.make(backend)
        defer { fixture.remove() }
        try await fixture.loadCast()
        let path = try fixture.file("requests.csv", utf8: "이름,병원,진료일,진료시각\n김순자,병원,\(iso(fixture, 1)),10:00\n")
        let issues = try #require(await importIssues { try await fixture.importFile(path, .requests) })
        #expect(issues.map { $0.description(.ko) } == ["requests.csv:1: 대상자번호/household_id: 대상자를 가리킬 열이 없습니다: 대상자번호, 또는 이름·생년·동"])
    }

    @Test(arguments: Backend.all) func volunteersWithHoursSkillsAndACarAsAnOfficeWritesThem(_ backend: Backend) async throws {
        let fixture = try await StoreFixture.make(backend)
        defer { fixture.remove() }
        try await fixture.loadCast()
        let path = try fixture.file("봉사자.csv", utf8: """
            이름,성별,동,연락처,기술,차량,주간한도,활동시간
            정수민,여,평촌동,010-1111-2222,"휠체어, 영어",있음,10시간,"월요일 09:00~13:00
            수 14:00-18:00"
            도우미,남,안양2동,,,,,
            """)
        let outcome = try await fixture.importFile(path, nil)
        #expect(outcome.kind == .volunteers && outcome.ids == 6...7)
        let jung = try await fixture.store.volunteer(id: 6)
        #expect(jung.name == "정수민" && jung.gender == .female && jung.dongCode == StoreFixture.pyeongchon.code)
        #expect(jung.skills == [.wheelchair, .language("en")] && jung.hasCar && jung.weeklyCapMinutes == 600)
        #expect(jung.availability.description == "mon 09:00-13:00;wed 14:00-18:00")
        let helper = try await fixture.store.volunteer(id: 7)
        #expect(helper.weeklyCapMinutes == 480 && helper.availability.windows.isEmpty && !helper.hasCar)
        // The volunteer list the dashboard caches sees the new volunteers at once.
        #expect(try await fixture.store.volunteers().count == 7)
    }

    @Test(arguments: Backend.all) func aVolunteerWithTheSameNameAndPhoneIsADuplicate(_ backend: Backend) async throws {
        let fixture = try await StoreFixture.make(backend)
        defer { fixture.remove() }
        try await fixture.loadCast()
        // 곽대현 is volunteer 2, with no phone; the same name with a phone is someone else.
        let path = try fixture.file("volunteers.csv", utf8: """
            name,gender,dong,phone,availability
            곽대현,M,안양2동,,mon 09:00-12:00
            곽대현,M,안양2동,010-5555-6666,tue 25:00-26:00
            곽대현,M,안양2동,01055556666,
            """)
        let issues = try #require(await importIssues { try await fixture.importFile(path, .volunteers) })
        #expect(issues.map { $0.description(.en) } == [
            "volunteers.csv:2: name: already in the store: volunteer 2 (same name and phone)",
            "volunteers.csv:3: availability: cannot read the hours 'tue 25:00-26:00': 'tue 25:00-26:00' is not a window like 'mon 09:00-13:00' (like mon 09:00-13:00, wed 14:00-18:00)",
        ])
        #expect(try await fixture.count("volunteer") == 5)
    }
}
