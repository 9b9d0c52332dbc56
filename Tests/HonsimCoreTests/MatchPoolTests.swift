import Foundation
import Testing
@testable import HonsimCore

/// Ranking over a `MatchPool` reads the rule table as numbers; `evaluate` (the assign check)
/// reads it as reasons in words. On random volunteers, households, requests and loads both
/// must agree with `ReferenceMatching`, the rules worked out on the unpacked records, on
/// every verdict, and the ranking must be the order the documented keys give.
@Suite("Ranking over a prepared pool")
struct MatchPoolTests {
    // A dong outside the directory too: it has no gu, so it is never "same gu".
    static let dongCodes = [seokSu2.code, anyang2.code, pyeongchon.code, "99999-01"]

    static func volunteer(_ id: Int64, _ g: inout SeededGenerator) -> Volunteer {
        var skills = Set<Skill>()
        if Int.random(in: 0..<3, using: &g) == 0 { skills.insert(.wheelchair) }
        if Int.random(in: 0..<5, using: &g) == 0 { skills.insert(.signLanguage) }
        if Int.random(in: 0..<5, using: &g) == 0 { skills.insert(.careWorker) }
        if Int.random(in: 0..<6, using: &g) == 0 { skills.insert(.language("vi")) }
        var windows: [AvailabilityWindow] = []
        for day in Weekday.allCases where Int.random(in: 0..<2, using: &g) == 0 {
            let start = Int.random(in: 12...30, using: &g) * 30
            windows.append(AvailabilityWindow(weekday: day, start: ClockTime(minutes: start),
                                              end: ClockTime(minutes: min(1440, start + Int.random(in: 2...16, using: &g) * 30))))
        }
        var daysOff: [DayOff] = []
        if Int.random(in: 0..<4, using: &g) == 0 {
            let from = CivilDate(year: 2026, month: 11, day: Int.random(in: 27...30, using: &g))
            daysOff.append(DayOff(from: from, to: CivilDate(year: 2026, month: 12, day: Int.random(in: 1...3, using: &g))))
        }
        return Volunteer(id: id, dongCode: dongCodes.randomElement(using: &g) ?? seokSu2.code, name: "봉사자\(id)",
                         gender: Bool.random(using: &g) ? .female : .male, skills: skills, hasCar: Bool.random(using: &g),
                         weeklyCapMinutes: Int.random(in: 1...10, using: &g) * 60, availability: WeeklyAvailability(windows),
                         daysOff: daysOff, closed: Int.random(in: 0..<15, using: &g) == 0,
                         // Credentials around the escort's day: lapsed, valid, or not on record.
                         trainedOn: [nil, CivilDate(year: 2024, month: 11, day: 30), CivilDate(year: 2024, month: 12, day: 1)]
                            .randomElement(using: &g) ?? nil,
                         insuredUntil: [nil, CivilDate(year: 2026, month: 11, day: 29), CivilDate(year: 2026, month: 11, day: 30)]
                            .randomElement(using: &g) ?? nil)
    }

    static func load(for request: EscortRequest, _ g: inout SeededGenerator) -> VolunteerLoad {
        var busy: [TimeSpan] = []
        if Int.random(in: 0..<6, using: &g) == 0 {
            // Near the request: sometimes within the travel buffer, sometimes just clear of it.
            let offset = TimeInterval(Int.random(in: -8...8, using: &g) * 30 * 60)
            busy.append(TimeSpan(start: request.pickupAt.addingTimeInterval(offset), minutes: Int.random(in: 1...4, using: &g) * 60))
        }
        return VolunteerLoad(busy: busy, minutesInWeek: Int.random(in: 0...12, using: &g) * 30,
                             minutesInMonth: Int.random(in: 0...30, using: &g) * 45,
                             escortsWithHousehold: Int.random(in: 0..<4, using: &g) == 0 ? Int.random(in: 1...6, using: &g) : 0)
    }

    @Test("numbers and words agree on 200 random requests of 150 volunteers each")
    func poolAgreesWithEvaluate() throws {
        var g = SeededGenerator(seed: 424_242)
        var eligibleSeen = 0, excludedSeen = 0
        for round in 0..<200 {
            let household = Household(
                id: 1, dongCode: Self.dongCodes.randomElement(using: &g) ?? seokSu2.code, name: "김순자", birthYear: 1942,
                gender: .female, mobility: Mobility.allCases.randomElement(using: &g) ?? .none,
                needs: Set(Need.allCases.filter { _ in Int.random(in: 0..<3, using: &g) == 0 }),
                preferredVolunteerGender: [nil, Gender.female, Gender.male].randomElement(using: &g) ?? nil)
            // 2026-11-30 is a Monday; late pickups cross midnight and are never covered.
            let pickup = at(2026, 11, Int.random(in: 28...30, using: &g), Int.random(in: 6...22, using: &g), [0, 30].randomElement(using: &g) ?? 0)
            let request = EscortRequest(id: Int64(round), householdID: 1, dongCode: household.dongCode, hospital: "한림대학교성심병원",
                                        appointmentAt: pickup.addingTimeInterval(3600), pickupAt: pickup,
                                        transport: Transport.allCases.randomElement(using: &g) ?? .taxi,
                                        expectedMinutes: Int.random(in: 2...10, using: &g) * 30, createdAt: pickup)
            let volunteers = (1...150).map { Self.volunteer(Int64($0), &g) }
            var loads: [Int64: VolunteerLoad] = [:]
            for volunteer in volunteers where Int.random(in: 0..<5, using: &g) != 0 { loads[volunteer.id] = Self.load(for: request, &g) }
            let matcher = Matcher(request: request, household: household, dongs: directory, calendar: seoul)

            let pool = MatchPool(volunteers: volunteers, dongs: directory)
            let poolLoads = PoolLoads(loads, pool: pool)
            let reference = volunteers.map {
                ReferenceMatching.evaluate(matcher, $0, load: loads[$0.id] ?? VolunteerLoad(), dongs: directory, calendar: seoul)
            }
            for (index, candidate) in reference.enumerated() {
                #expect(matcher.evaluate(candidate.volunteer, load: loads[candidate.id] ?? VolunteerLoad()) == candidate)
                #expect(matcher.evaluate(pool: pool, index: index, volunteer: candidate.volunteer, loads: poolLoads) == candidate)
            }
            var verdicts: [Int: Matcher.Verdict] = [:]
            matcher.judge(pool, poolLoads) { verdicts[$0.index] = $0 }
            for (index, candidate) in reference.enumerated() {
                let verdict = verdicts[index]
                #expect(verdict?.exclusions == candidate.exclusions.count, "exclusions of \(candidate.volunteer.name)")
                #expect(verdict?.overridable == candidate.exclusions.allSatisfy { ReferenceMatching.overridable.contains($0.rule) })
                #expect(verdict?.score == candidate.score, "score of \(candidate.volunteer.name): \(candidate.terms)")
                #expect(poolLoads.load(at: index) == loads[candidate.id] ?? VolunteerLoad())
            }

            // The ranking: the eligible by score, fewer minutes, id; the near-misses by
            // overridable, fewer exclusions, score, id.
            let ranking = matcher.rank(pool: pool, loads: poolLoads, nearMissLimit: 20)
            let eligible = reference.filter(\.isEligible).sorted {
                ($0.score, -$0.minutesInMonth, -$0.id) > ($1.score, -$1.minutesInMonth, -$1.id)
            }
            let excluded = reference.filter { !$0.isEligible }.sorted {
                let a = ($0.isOverridable ? 0 : 1, $0.exclusions.count, -$0.score, $0.id)
                let b = ($1.isOverridable ? 0 : 1, $1.exclusions.count, -$1.score, $1.id)
                return a < b
            }
            #expect(ranking.eligible == eligible)
            #expect(ranking.excluded == Array(excluded.prefix(20)))
            #expect(matcher.eligibleScores(pool: pool, loads: poolLoads).map { $0.score } == reference.filter(\.isEligible).map(\.score))

            // The same pool from the ranking columns alone, given the windows and days off
            // volunteer by volunteer in another order, ranks the same once the records are given.
            let columnsPool = Self.columnsPool(volunteers, &g)
            let columnsLoads = PoolLoads(loads, pool: columnsPool)
            let byID = Dictionary(uniqueKeysWithValues: volunteers.map { ($0.id, $0) })
            let shortlist = matcher.shortlist(pool: columnsPool, loads: columnsLoads, nearMissLimit: 20)
            #expect(shortlist.volunteerIDs(in: columnsPool) == (ranking.eligible + ranking.excluded).map(\.id))
            #expect(matcher.ranking(shortlist, pool: columnsPool, loads: columnsLoads) { byID[columnsPool.volunteerIDs[$0]] } == ranking)

            // Kept as bytes, as a store keeps it: the same bytes whatever order the rows came in,
            // and the pool read back from them ranks the same and gives each record's windows.
            let packed = columnsPool.packed()
            #expect(packed == pool.packed())
            let unpacked = try #require(MatchPool(packed: packed, dongs: directory))
            #expect(unpacked.packed() == packed)
            let unpackedLoads = PoolLoads(loads, pool: unpacked)
            let unpackedShortlist = matcher.shortlist(pool: unpacked, loads: unpackedLoads, nearMissLimit: 20)
            #expect(matcher.ranking(unpackedShortlist, pool: unpacked, loads: unpackedLoads) { byID[unpacked.volunteerIDs[$0]] } == ranking)
            for volunteer in volunteers {
                #expect(unpacked.index(of: volunteer.id).map(unpacked.availability(at:)) == volunteer.availability)
            }
            eligibleSeen += eligible.count
            excludedSeen += excluded.count
        }
        // Both sides of the verdict were exercised, many times over.
        #expect(eligibleSeen > 200 && excludedSeen > 10_000)
    }

    @Test("bytes cut short, of another version, with more after them or naming a dong they lack are not read as a pool")
    func packedBytesThatDoNotHoldTogether() throws {
        var g = SeededGenerator(seed: 7)
        let packed = MatchPool(volunteers: (1...20).map { Self.volunteer(Int64($0), &g) }, dongs: directory).packed()
        #expect(MatchPool(packed: packed, dongs: directory)?.count == 20)
        #expect(MatchPool(packed: packed.prefix(packed.count - 1), dongs: directory) == nil)
        #expect(MatchPool(packed: packed + [0], dongs: directory) == nil)
        var otherVersion = packed
        otherVersion[otherVersion.startIndex] = MatchPool.packingVersion + 1
        #expect(MatchPool(packed: otherVersion, dongs: directory) == nil)
        #expect(MatchPool(packed: Data(), dongs: directory) == nil)
        // The first volunteer's dong (after the version, the four counts, the dongs and the
        // ids, two bytes of flags and four of weekly cap) made one past the last dong.
        let dongs = MatchPool(packed: packed, dongs: directory)?.dongNumbers.count ?? 0
        var offset = 1 + 16
        for _ in 0..<dongs {
            offset += 2 + Int(packed[packed.startIndex + offset]) + Int(packed[packed.startIndex + offset + 1]) * 256
        }
        offset += 20 * 8 + 2 + 4
        var unknownDong = packed
        unknownDong[unknownDong.startIndex + offset] = UInt8(dongs)
        #expect(MatchPool(packed: unknownDong, dongs: directory) == nil)
    }

    /// A pool built from columns, as a store reads them: windows in shuffled order, days off
    /// volunteer by volunteer (each one's in its own order) with the volunteers shuffled.
    static func columnsPool(_ volunteers: [Volunteer], _ g: inout SeededGenerator) -> MatchPool {
        var builder = MatchPool.Builder(capacity: volunteers.count)
        for volunteer in volunteers { builder.add(MatchPool.Columns(volunteer)) }
        var windows = volunteers.flatMap { volunteer in volunteer.availability.windows.map { (volunteer.id, $0) } }
        windows.shuffle(using: &g)
        for (id, window) in windows {
            builder.addWindow(of: id, weekday: window.weekday.rawValue, start: window.start.minutes, end: window.end.minutes)
        }
        for volunteer in volunteers.shuffled(using: &g) {
            for off in volunteer.daysOff { builder.addDayOff(of: volunteer.id, from: off.from, to: off.to) }
        }
        let pool = builder.build(dongs: directory)
        #expect(pool.records.isEmpty && pool.count == volunteers.count)
        return pool
    }

    @Test("a pool finds its volunteers by id, with compact ids and with scattered ones")
    func indexByID() {
        let compact = MatchPool(volunteers: (1...50).map { MatchingTests.volunteer(Int64($0)) }, dongs: directory)
        #expect(compact.index(of: 1) == 0 && compact.index(of: 50) == 49)
        #expect(compact.index(of: 0) == nil && compact.index(of: 51) == nil && compact.index(of: -3) == nil)
        let scattered = MatchPool(volunteers: [7, 1_000_000, 3].map { MatchingTests.volunteer(Int64($0)) }, dongs: directory)
        #expect(scattered.index(of: 1_000_000) == 1 && scattered.index(of: 3) == 2)
        #expect(scattered.index(of: 8) == nil)
        #expect(MatchPool(volunteers: [], dongs: directory).index(of: 1) == nil)
    }
}
