import Foundation
import Testing
@testable import HonsimCore

/// A household's family contact: checked as the household's phone is, masked by the one rule
/// (name and phone; the relation names nobody), and written on one line.
@Suite("The family contact")
struct FamilyContactTests {
    @Test func itsPhoneIsCheckedAsTheHouseholdsIsAndNamedByItsOwnField() {
        let dongs = DongDirectory([Dong(code: "41171-11", name: "석수2동", gu: "만안구")])
        var household = Household(id: 1, dongCode: "41171-11", name: "김순자", birthYear: 1941, gender: .female,
                                  family: FamilyContact(name: "박은정", relation: "딸", phone: "010-5555-6666"))
        #expect(Validation.household(household, dongs: dongs, currentYear: 2026).isEmpty)
        household.family.phone = "5555"
        #expect(Validation.household(household, dongs: dongs, currentYear: 2026).map(\.field) == ["family_phone"])
        household.family = FamilyContact()
        #expect(Validation.household(household, dongs: dongs, currentYear: 2026).isEmpty, "none recorded is fine")
    }

    @Test func maskedByTheOneRuleAndWrittenOnOneLine() {
        let family = FamilyContact(name: "남궁민수", relation: "조카", phone: "031-467-9876")
        #expect(family.masked == FamilyContact(name: "남궁*수", relation: "조카", phone: "031-***-9876"))
        #expect(family.masked.masked == family.masked, "masking twice changes nothing")
        #expect(family.line == "남궁민수 (조카) 031-467-9876")
        #expect(FamilyContact(name: "박은정").line == "박은정")
        #expect(FamilyContact().isEmpty && FamilyContact().line.isEmpty && !family.isEmpty)
    }
}
