import Foundation
import Testing
@testable import HonsimCore

/// The call list's order is applied to the day's escorts in place, cycle by cycle: it must put
/// every element where a plain copy in that order would.
@Suite("The day's escorts put in order in place")
struct EscortDayOrderTests {
    @Test("every permutation of a few, and seeded permutations of many, land as a copy in order would")
    func arrangeMatchesACopyInOrder() {
        func check(_ order: [Int]) {
            let values = order.indices.map { "escort \($0) " + String(repeating: "가", count: $0 % 7) }
            var arranged = values
            EscortDay.arrange(&arranged, as: order)
            #expect(arranged == order.map { values[$0] }, "order \(order.prefix(12))")
        }
        func permutations(_ items: [Int]) -> [[Int]] {
            guard let first = items.first else { return [[]] }
            return permutations(Array(items.dropFirst())).flatMap { rest in (0...rest.count).map { var p = rest; p.insert(first, at: $0); return p } }
        }
        for size in 0...5 { permutations(Array(0..<size)).forEach(check) }
        var generator = SeededGenerator(seed: 20261206)
        for size in [17, 256, 3_862] { check(Array(0..<size).shuffled(using: &generator)) }
    }
}
