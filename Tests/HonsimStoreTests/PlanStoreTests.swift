import Foundation
import HonsimCore
import Testing
@testable import HonsimStore

/// A seeded linear congruential generator: random stores that a failure can replay.
struct SeededLCG: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        return state ^ (state >> 29)
    }
}

/// The store's plan: read in one pass, it must propose what candidates(for:) would allow,
/// never a volunteer twice, and every line must go through `assign` as it stands.
@Suite("Planning in the store")
struct PlanStoreTests {
    /// What no plan may ever do, checked against the store's own per-request ranking.
    static func expectSound(_ plan: Plan, _ store: any CaseStore) async throws {
        let volunteers = plan.proposals.map(\.candidate.id)
        #expect(Set(volunteers).count == volunteers.count, "a volunteer proposed twice")
        for proposal in plan.proposals {
            #expect(proposal.candidate.exclusions.isEmpty)
            let ranking = try await store.candidates(for: proposal.request.id)
            // The same candidate, reasons and all, as the assign dialog would show.
            #expect(ranking.eligible.contains(proposal.candidate), "request \(proposal.request.id): \(proposal.candidate.volunteer.name)")
        }
    }

    /// Accepts every line as a coordinator would, without overrides; then the store is sound.
    static func acceptAll(_ plan: Plan, _ store: any CaseStore) async throws {
        for proposal in plan.proposals {
            let assigned = try await store.assign(requestID: proposal.request.id, volunteerID: proposal.candidate.id,
                                                  expectedVersion: proposal.request.version, override: false)
            #expect(assigned.volunteerID == proposal.candidate.id)
        }
        #expect(try await store.checkInvariants().isEmpty)
    }

    @Test(arguments: Backend.all) func theCastOfTheFixture(_ backend: Backend) async throws {
        let fixture = try await StoreFixture.make(backend, user: "kim")
        defer { fixture.remove() }
        try await fixture.load([
            // 김순자 (cane) and 박영호 (wheelchair) at the same hour: only 정지민 (1) can push a
            // wheelchair, so she must go to 박영호 and someone else to 김순자.
            fixture.request(1, household: 1, hour: 10),
            fixture.request(2, household: 2, hour: 10),
            // 곽대현 (2) is already out with 최복례 at 10:30: he overlaps 10:00 and is no one's.
            fixture.request(3, household: 4, hour: 10, minutes: 90, status: .assigned, volunteer: 2),
            // 이말순 wants a woman who signs: 한수어 (3) fits best.
            fixture.request(4, household: 3, hour: 14),
            // A car trip on Tuesday: only 곽대현 has a car.
            fixture.request(5, household: 4, day: 1, hour: 9, transport: .volunteerCar),
            // Outside the window: never in the plan.
            fixture.request(6, household: 1, day: 9, hour: 10),
        ])
        let store = fixture.store
        let plan = try await store.plan(dongCodes: nil, from: fixture.at(0), until: fixture.at(day: 7, 0))
        #expect(plan.proposals.count + plan.unassigned.count == 4, "requests 1, 2, 4 and 5: pending and in the window")
        let chosen = Dictionary(uniqueKeysWithValues: plan.proposals.map { ($0.request.id, $0.candidate.id) })
        #expect(chosen[2] == 1)
        #expect(chosen[1] != nil && chosen[1] != 2)
        #expect(chosen[4] == 3)
        #expect(chosen[5] == 2)
        #expect(plan.unassigned.isEmpty)
        #expect(plan.totalScore == plan.proposals.reduce(0) { $0 + $1.candidate.score })
        #expect(plan.proposals.map(\.request.appointmentAt) == plan.proposals.map(\.request.appointmentAt).sorted())
        try await Self.expectSound(plan, store)

        // The same plan as the planner makes from the per-request rankings.
        var options: [PlanOption] = []
        for id in [Int64(1), 2, 4, 5] {
            options.append(PlanOption(request: try await store.request(id: id), candidates: try await store.candidates(for: id).eligible))
        }
        #expect(plan.objective(now: Date()) == Planner.plan(options, now: Date()).objective(now: Date()))

        try await Self.acceptAll(plan, store)
        // Nothing is left pending in the window, so a new plan is empty.
        let again = try await store.plan(dongCodes: nil, from: fixture.at(0), until: fixture.at(day: 7, 0))
        #expect(again == Plan())
    }

    @Test(arguments: Backend.all) func theDongsAndTheWindowChooseTheRequests(_ backend: Backend) async throws {
        let fixture = try await StoreFixture.make(backend)
        defer { fixture.remove() }
        try await fixture.load([
            fixture.request(1, household: 1, hour: 10),
            fixture.request(2, household: 3, hour: 12),
            fixture.request(3, household: 4, day: 2, hour: 10),
        ])
        let store = fixture.store
        // Appointments are an hour after pickup: 11:00, 13:00 and Wednesday 11:00.
        let seokSu = try await store.plan(dongCodes: [StoreFixture.seokSu2.code], from: fixture.at(0), until: fixture.at(day: 7, 0))
        #expect((seokSu.proposals.map(\.request.id) + seokSu.unassigned.map(\.id)) == [1])
        let window = try await store.plan(dongCodes: nil, from: fixture.at(11), until: fixture.at(13))
        #expect((window.proposals.map(\.request.id) + window.unassigned.map(\.id)) == [1], "from is inclusive, until exclusive")
        let none = try await store.plan(dongCodes: [], from: fixture.at(0), until: fixture.at(day: 7, 0))
        #expect(none == Plan())
    }

    @Test(arguments: Backend.all) func aRequestNobodyCanTakeStaysUnassigned(_ backend: Backend) async throws {
        let fixture = try await StoreFixture.make(backend)
        defer { fixture.remove() }
        // 박영호 uses a wheelchair and needs a car: nobody has both.
        try await fixture.load([fixture.request(1, household: 2, hour: 10, transport: .volunteerCar)])
        let plan = try await fixture.store.plan(dongCodes: nil, from: fixture.at(0), until: fixture.at(day: 7, 0))
        #expect(plan.proposals.isEmpty)
        #expect(plan.unassigned.map(\.id) == [1])
    }

    /// A seeded random city: more requests than volunteers can cover, busy volunteers,
    /// escorts with the same households before, weekly caps that bite.
    @Test(arguments: Backend.all, [UInt64(1), 2, 3])
    func randomStoresPlanLikeTheRankingsAndAcceptCleanly(_ backend: Backend, seed: UInt64) async throws {
        let fixture = try await StoreFixture.make(backend)
        defer { fixture.remove() }
        var g = SeededLCG(seed: seed)
        let dongs = [StoreFixture.anyang2, StoreFixture.seokSu2, StoreFixture.chunghun, StoreFixture.pyeongchon]
        let households = (1...12).map { id in
            Household(id: Int64(id), dongCode: dongs[id % 4].code, name: "대상자\(id)", birthYear: 1940, gender: .female,
                      mobility: [Mobility.none, .cane, .walker, .wheelchair][Int.random(in: 0..<4, using: &g)],
                      needs: Int.random(in: 0..<3, using: &g) == 0 ? [.hearing] : [],
                      preferredVolunteerGender: Int.random(in: 0..<4, using: &g) == 0 ? .female : nil)
        }
        let volunteers = (1...16).map { id in
            Volunteer(id: Int64(id), dongCode: dongs[Int.random(in: 0..<4, using: &g)].code, name: "봉사자\(id)",
                      gender: Bool.random(using: &g) ? .female : .male,
                      skills: Bool.random(using: &g) ? [.wheelchair] : [], hasCar: Int.random(in: 0..<3, using: &g) == 0,
                      weeklyCapMinutes: Int.random(in: 2...8, using: &g) * 60,
                      availability: WeeklyAvailability((1...5).compactMap { day in
                          Bool.random(using: &g) ? AvailabilityWindow(weekday: Weekday(rawValue: day) ?? .mon,
                                                                      start: ClockTime(minutes: 8 * 60), end: ClockTime(minutes: 18 * 60)) : nil
                      }))
        }
        var requests: [EscortRequest] = []
        var id: Int64 = 0
        func add(_ household: Int64, day: Int, hour: Int, status: RequestStatus = .pending, volunteer: Int64? = nil) {
            id += 1
            let template = fixture.request(id, household: 1, day: day, hour: hour, minutes: [60, 120, 180][Int(id) % 3],
                                           status: status, volunteer: volunteer,
                                           transport: Int.random(in: 0..<6, using: &g) == 0 ? .volunteerCar : .publicTransport)
            var request = template
            request.householdID = household
            request.dongCode = households[Int(household) - 1].dongCode
            requests.append(request)
        }
        // History: completed escorts, some with the households that ask again.
        for _ in 0..<20 {
            add(Int64.random(in: 1...12, using: &g), day: -Int.random(in: 1...6, using: &g), hour: 9,
                status: .completed, volunteer: Int64.random(in: 1...16, using: &g))
        }
        // Commitments already made this week, one per volunteer at most so none overlap.
        for volunteer in Int64(1)...4 { add(Int64.random(in: 1...12, using: &g), day: Int(volunteer), hour: 11, status: .assigned, volunteer: volunteer) }
        // The queue: more than the volunteers can take.
        for _ in 0..<22 {
            add(Int64.random(in: 1...12, using: &g), day: Int.random(in: 0...4, using: &g), hour: Int.random(in: 8...15, using: &g))
        }
        try await fixture.store.load(StoreData(dongs: dongs, households: households, volunteers: volunteers, requests: requests),
                                     replacingExisting: false)
        let store = fixture.store
        let plan = try await store.plan(dongCodes: nil, from: fixture.at(0), until: fixture.at(day: 7, 0))
        let pending = requests.filter { $0.status == .pending }
        #expect(plan.proposals.count + plan.unassigned.count == pending.count)
        #expect(!plan.proposals.isEmpty)
        try await Self.expectSound(plan, store)

        // The one-pass reads give the planner what one ranking per request would.
        var options: [PlanOption] = []
        for request in pending {
            options.append(PlanOption(request: request, candidates: try await store.candidates(for: request.id).eligible))
        }
        let now = Date()
        #expect(plan.objective(now: now) == Planner.plan(options, now: now).objective(now: now))
        #expect(plan.objective(now: now) >= Planner.greedy(options, now: now).objective(now: now))

        try await Self.acceptAll(plan, store)
        let assigned = try await store.requests(in: TimeSpan(start: fixture.at(0), end: fixture.at(day: 7, 0)))
            .filter { $0.status == .assigned }
        #expect(assigned.count == plan.proposals.count + 4)
    }
}
