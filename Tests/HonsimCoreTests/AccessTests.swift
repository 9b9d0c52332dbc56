import Testing
@testable import HonsimCore

@Suite("Access: what each role may change and see")
struct AccessTests {
    static let seokSu2 = "41171-11", pyeongchon = "41173-09"

    @Test func anAdminChangesAndSeesEverything() {
        let admin = Access(user: "kim", role: .admin)
        #expect(admin.canChange(dongCode: Self.seokSu2) && admin.canChange(dongCode: Self.pyeongchon) && admin.canChange(dongCode: nil))
        #expect(admin.seesFullDetails(dongCode: Self.pyeongchon) && admin.canManageUsers && admin.coversEveryDong)
    }

    @Test func aCoordinatorChangesAndSeesInFullOnlyTheirDongs() {
        let park = Access(user: "park", role: .coordinator, dongCodes: [Self.seokSu2])
        #expect(park.canChange(dongCode: Self.seokSu2) && !park.canChange(dongCode: Self.pyeongchon))
        #expect(!park.canChange(dongCode: nil), "what belongs to no dong (the whole store) is an admin's")
        #expect(park.seesFullDetails(dongCode: Self.seokSu2) && !park.seesFullDetails(dongCode: Self.pyeongchon))
        #expect(park.seesFullDetails(dongCode: nil), "volunteers belong to no dong: coordinators work with all of them")
        #expect(!park.canManageUsers && !park.coversEveryDong)
    }

    @Test func aViewerChangesNothingAndSeesEverythingMasked() {
        for viewer in [Access(user: "council", role: .viewer, dongCodes: [Self.seokSu2]),
                       Access(user: "guest", role: .viewer, isRegistered: false)] {
            #expect(!viewer.canChange(dongCode: Self.seokSu2) && !viewer.canChange(dongCode: nil))
            #expect(!viewer.seesFullDetails(dongCode: Self.seokSu2) && !viewer.seesFullDetails(dongCode: nil))
            #expect(!viewer.canManageUsers)
        }
    }

    @Test("read-only makes anyone a viewer", arguments: Role.allCases)
    func readOnlyMakesAViewer(role: Role) {
        let session = Access(user: "kim", role: role, dongCodes: [Self.seokSu2], readOnly: true)
        #expect(session.role == .viewer && session.registeredRole == role)
        #expect(!session.canChange(dongCode: Self.seokSu2) && !session.seesFullDetails(dongCode: Self.seokSu2))
        #expect(!session.canManageUsers)
    }

    @Test("roles are read from English and Korean words", arguments: [
        ("admin", Role.admin), ("관리자", .admin), (" Coordinator ", .coordinator), ("코디네이터", .coordinator),
        ("viewer", .viewer), ("열람자", .viewer),
    ])
    func roleWords(word: String, role: Role) {
        #expect(Role(word: word) == role)
    }

    @Test func anUnknownRoleWordIsNil() {
        #expect(Role(word: "root") == nil && Role(word: "") == nil)
    }
}
