import Foundation
import HonsimCore
@testable import HonsimStore
import Testing

/// A volunteer is looked up by id in the store's list, in id order, first where the id's
/// distance from the first id says, then by halving: ids with gaps (a purged volunteer, an
/// import that numbered from elsewhere) must find the same volunteer or none.
@Suite("A volunteer found by id in the store's list")
struct VolunteerLookupTests {
    func list(_ ids: [Int64]) -> [Volunteer] {
        ids.map { Volunteer(id: $0, dongCode: StoreFixture.seokSu2.code, name: "봉사자 \($0)", gender: .female) }
    }

    @Test("dense ids, ids with gaps, a list starting past 1, and ids before, between and after")
    func foundOrNone() {
        for ids: [Int64] in [[1, 2, 3, 4, 5], [1, 2, 4, 7, 8, 20], [100, 101, 103], [5], []] {
            let volunteers = list(ids)
            for wanted in Int64(-1)...25 {
                #expect(StoreRules.volunteer(withID: wanted, in: volunteers)?.id == (ids.contains(wanted) ? wanted : nil), "\(wanted) in \(ids)")
            }
            for wanted in ids where wanted > 25 {
                #expect(StoreRules.volunteer(withID: wanted, in: volunteers)?.name == "봉사자 \(wanted)")
            }
        }
    }
}
