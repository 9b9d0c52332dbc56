import Foundation
import Testing
@testable import HonsimCore

@Suite("Validation")
struct ValidationTests {
    static func household(
        dong: String = seokSu2.code, name: String = "홍길동", birthYear: Int = 1942, phone: String = "010-1234-5678"
    ) -> Household {
        Household(id: 1, dongCode: dong, name: name, birthYear: birthYear, gender: .female, phone: phone)
    }

    static func volunteer(
        dong: String = anyang2.code, name: String = "김솔", phone: String = "010-9876-5432", cap: Int = 480, daysOff: [DayOff] = []
    ) -> Volunteer {
        Volunteer(id: 1, dongCode: dong, name: name, gender: .male, phone: phone, weeklyCapMinutes: cap, daysOff: daysOff)
    }

    static func request(
        hospital: String = "한림대학교성심병원", pickup: Date = at(2026, 11, 30, 9, 0), appointment: Date = at(2026, 11, 30, 10, 0),
        minutes: Int = 120, status: RequestStatus = .pending, volunteer: Int64? = nil
    ) -> EscortRequest {
        EscortRequest(id: 1, householdID: 1, dongCode: seokSu2.code, hospital: hospital, appointmentAt: appointment,
                      pickupAt: pickup, expectedMinutes: minutes, status: status, volunteerID: volunteer,
                      createdAt: at(2026, 11, 20, 9, 0))
    }

    static func fields(_ issues: [FieldIssue]) -> [String] { issues.map(\.field) }

    // MARK: Phones

    @Test("Korean phone numbers, with or without hyphens, and empty", arguments: [
        "", "  ", "010-1234-5678", "01012345678", "02-123-4567", "02-1234-5678", "021234567", "0212345678",
        "031-123-4567", "031-1234-5678", "0311234567", "03112345678", " 010-1234-5678 ",
    ])
    func phoneAccepted(phone: String) {
        #expect(Validation.isPhone(phone))
    }

    @Test("anything else is not a phone number", arguments: [
        "010-1234-567", "010-12345-678", "010-12-345678", "0101-234-5678", "010 1234 5678", "010.1234.5678",
        "1012345678", "01012345", "010123456789", "010--12345678", "-010-1234-5678", "010-1234-5678-",
        "010-1234-56-78", "phone", "010-abcd-5678", "+82-10-1234-5678", "０１０-１２３４-５６７８",
    ])
    func phoneRejected(phone: String) {
        #expect(!Validation.isPhone(phone))
    }

    // MARK: Households

    @Test("a valid household has no issues")
    func validHousehold() {
        #expect(Validation.household(Self.household(), dongs: directory, currentYear: 2026).isEmpty)
        #expect(Validation.household(Self.household(phone: ""), dongs: directory, currentYear: 2026).isEmpty)
    }

    @Test("each bad household field is named", arguments: [
        (household(name: "  "), "name"),
        (household(dong: "41171-99"), "dong"),
        (household(birthYear: 1905), "birth_year"),
        (household(birthYear: 2027), "birth_year"),
        (household(phone: "010-1234"), "phone"),
    ])
    func householdIssue(household: Household, field: String) {
        #expect(Self.fields(Validation.household(household, dongs: directory, currentYear: 2026)) == [field])
    }

    @Test("birth years from 120 years ago up to this year are fine")
    func birthYearBounds() {
        #expect(Validation.household(Self.household(birthYear: 1906), dongs: directory, currentYear: 2026).isEmpty)
        #expect(Validation.household(Self.household(birthYear: 2026), dongs: directory, currentYear: 2026).isEmpty)
    }

    @Test("every problem is reported, with both languages")
    func allHouseholdIssues() {
        let issues = Validation.household(Self.household(dong: "x", name: "", birthYear: 3000, phone: "abc"), dongs: directory, currentYear: 2026)
        #expect(Self.fields(issues) == ["name", "dong", "birth_year", "phone"])
        #expect(issues[1].message.ko == "없는 동입니다: x")
        #expect(issues[1].message.en == "unknown dong: x")
        #expect(issues[0].description == "name: name is empty")
        #expect(issues[3].description == "phone: not a phone number: abc")
    }

    @Test("a dong is stored by its code; a name is not a code")
    func dongMustBeCode() {
        // DongDirectory.dong(code:) looks in the same table as resolve(_:), which also holds names.
        #expect(directory.dong(code: "석수2동") == nil)
        #expect(Self.fields(Validation.household(Self.household(dong: "석수2동"), dongs: directory, currentYear: 2026)) == ["dong"])
    }

    @Test("the directory resolves codes, current and former names")
    func dongDirectory() {
        let renamed = Dong(code: "41171-12", name: "충훈동", gu: "만안구", formerNames: ["석수3동"], renamedYear: 2024)
        let dongs = DongDirectory([seokSu2, renamed])
        #expect(dongs.resolve("41171-11") == seokSu2)
        #expect(dongs.resolve("석수2동") == seokSu2)
        #expect(dongs.resolve(" 석수 2동 ") == seokSu2)
        #expect(dongs.resolve("석수3동") == renamed)
        #expect(dongs.resolve("충훈동") == renamed)
        #expect(dongs.resolve("석수1동") == nil)
        #expect(dongs.gu(of: "41171-12") == "만안구")
        #expect(renamed.allNames == ["충훈동", "석수3동"])
        // A current name wins over another dong's former name.
        let clash = DongDirectory([Dong(code: "A", name: "갑동", gu: "g", formerNames: ["을동"]), Dong(code: "B", name: "을동", gu: "g")])
        #expect(clash.resolve("을동")?.code == "B")
    }

    // MARK: Volunteers

    @Test("a valid volunteer has no issues")
    func validVolunteer() {
        #expect(Validation.volunteer(Self.volunteer(), dongs: directory).isEmpty)
        #expect(Validation.volunteer(Self.volunteer(cap: 1), dongs: directory).isEmpty)
        #expect(Validation.volunteer(Self.volunteer(cap: 3600), dongs: directory).isEmpty)
    }

    @Test("each bad volunteer field is named", arguments: [
        (volunteer(name: ""), "name"),
        (volunteer(dong: "평촌"), "dong"),
        (volunteer(phone: "1234"), "phone"),
        (volunteer(cap: 0), "weekly_cap_hours"),
        (volunteer(cap: -60), "weekly_cap_hours"),
        (volunteer(cap: 3601), "weekly_cap_hours"),
        (volunteer(daysOff: [DayOff(from: CivilDate(year: 2026, month: 12, day: 5), to: CivilDate(year: 2026, month: 12, day: 4))]), "days_off"),
    ])
    func volunteerIssue(volunteer: Volunteer, field: String) {
        #expect(Self.fields(Validation.volunteer(volunteer, dongs: directory)) == [field])
    }

    @Test("each backwards day off is reported; a one-day day off is fine")
    func daysOff() {
        let day = CivilDate(year: 2026, month: 12, day: 5)
        let back = DayOff(from: day, to: CivilDate(year: 2026, month: 12, day: 1))
        let issues = Validation.volunteer(Self.volunteer(daysOff: [DayOff(from: day, to: day), back, back]), dongs: directory)
        #expect(Self.fields(issues) == ["days_off", "days_off"])
        #expect(issues[0].message.en == "day off ends before it starts: 2026-12-05–2026-12-01")
    }

    // MARK: Requests

    @Test("a valid request has no issues")
    func validRequest() {
        #expect(Validation.request(Self.request()).isEmpty)
        #expect(Validation.request(Self.request(pickup: at(2026, 11, 30, 10, 0))).isEmpty, "pickup at the appointment")
        #expect(Validation.request(Self.request(minutes: 10)).isEmpty)
        #expect(Validation.request(Self.request(minutes: 960)).isEmpty)
        #expect(Validation.request(Self.request(status: .confirmed, volunteer: 4)).isEmpty)
    }

    @Test("each bad request field is named", arguments: [
        (request(hospital: " "), "hospital"),
        (request(pickup: at(2026, 11, 30, 10, 1)), "pickup_time"),
        (request(minutes: 9), "expected_minutes"),
        (request(minutes: 961), "expected_minutes"),
        (request(status: .assigned), "volunteer_id"),
        (request(status: .completed), "volunteer_id"),
        (request(status: .pending, volunteer: 3), "volunteer_id"),
        (request(status: .cancelled, volunteer: 3), "volunteer_id"),
    ])
    func requestIssue(request: EscortRequest, field: String) {
        #expect(Self.fields(Validation.request(request)) == [field])
    }

    @Test("the volunteer issue says which way it is wrong")
    func volunteerIDMessages() {
        let missing = Validation.request(Self.request(status: .assigned))
        #expect(missing.first?.message.ko == "배정 상태에는 봉사자가 필요합니다")
        let extra = Validation.request(Self.request(status: .pending, volunteer: 3))
        #expect(extra.first?.message.ko == "대기 상태에는 봉사자가 없어야 합니다")
    }
}
