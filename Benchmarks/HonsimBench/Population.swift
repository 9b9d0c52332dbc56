import Foundation
import HonsimCore

/// The sizes and anchors of a synthetic store.
struct GenerateSpec: Sendable {
    var dongs: Int
    var households: Int
    var volunteers: Int
    var requests: Int
    var seed: UInt64
    /// "Now" of the generated world: the past is history, the next two weeks are the queue.
    var now: Date
    var gus: Int { max(1, dongs / 20) }
}

/// Dongs, households and volunteers, with the indexes the request generator needs to pick
/// a suitable volunteer quickly. Array positions are ids minus one.
struct Population {
    var dongs: [Dong] = []
    var guOfDong: [Int] = []
    var households: [Household] = []
    var householdDong: [Int32] = []
    var volunteers: [Volunteer] = []
    var volunteersByDong: [[Int32]] = []
    var volunteersByGu: [[Int32]] = []
    /// Volunteers with the wheelchair skill, with a car, and with both: the hard filters.
    var wheelchairPool: [Int32] = []
    var carPool: [Int32] = []
    var wheelchairCarPool: [Int32] = []
    var everyone: [Int32] = []

    static func make(_ spec: GenerateSpec, calendar: Calendar, rng: inout SplitMix64) -> Population {
        var population = Population()
        population.makeDongs(spec)
        population.makeHouseholds(spec, calendar: calendar, rng: &rng)
        population.makeVolunteers(spec, calendar: calendar, rng: &rng)
        return population
    }

    private mutating func makeDongs(_ spec: GenerateSpec) {
        let perGu = max(1, (spec.dongs + spec.gus - 1) / spec.gus)
        for index in 0..<spec.dongs {
            let gu = index / perGu
            let name = SyntheticNames.dongName(index)
            // One dong in fifty was renamed, as 석수3동 became 충훈동: former names must stay searchable.
            let renamed = index % 50 == 7
            dongs.append(Dong(
                code: String(format: "%05d-%02d", 41_000 + gu, index % perGu + 1), name: name, gu: SyntheticNames.guName(gu),
                formerNames: renamed ? ["옛" + name] : [], renamedYear: renamed ? 2024 : nil))
            guOfDong.append(gu)
        }
        volunteersByDong = Array(repeating: [], count: spec.dongs)
        volunteersByGu = Array(repeating: [], count: (guOfDong.last ?? 0) + 1)
    }

    private mutating func makeHouseholds(_ spec: GenerateSpec, calendar: Calendar, rng: inout SplitMix64) {
        households.reserveCapacity(spec.households)
        householdDong.reserveCapacity(spec.households)
        let today = CivilDate(spec.now, calendar: calendar)
        for index in 0..<spec.households {
            let dong = rng.int(0..<dongs.count)
            let gender: Gender = rng.chance(0.7) ? .female : .male
            var needs = Set<Need>()
            if rng.chance(0.08) { needs.insert(.hearing) }
            if rng.chance(0.05) { needs.insert(.vision) }
            if rng.chance(0.10) { needs.insert(.cognitive) }
            if rng.chance(0.03) { needs.insert(.language) }
            let roll = rng.int(0..<100)
            let mobility: Mobility = roll < 50 ? .none : roll < 75 ? .cane : roll < 90 ? .walker : .wheelchair
            let address = "안양시 \(dongs[dong].gu) \(rng.pick(SyntheticNames.roads)) \(rng.int(1...400)), \(rng.int(101...120))동 \(rng.int(1...20))0\(rng.int(1...6))호"
            households.append(Household(
                id: Int64(index + 1), dongCode: dongs[dong].code, name: SyntheticNames.personName(gender: gender, rng: &rng),
                birthYear: rng.int(1928...1965), gender: gender, phone: rng.chance(0.9) ? SyntheticNames.phone(rng: &rng) : "",
                address: address, mobility: mobility, needs: needs,
                preferredVolunteerGender: rng.chance(0.2) ? (gender == .female ? .female : .male) : nil,
                caseManager: rng.pick(SyntheticNames.caseManagers),
                consentDate: today.adding(days: -rng.int(30...1200), calendar: calendar),
                closed: rng.chance(0.01)))
            householdDong.append(Int32(dong))
        }
    }

    private mutating func makeVolunteers(_ spec: GenerateSpec, calendar: Calendar, rng: inout SplitMix64) {
        volunteers.reserveCapacity(spec.volunteers)
        let today = CivilDate(spec.now, calendar: calendar)
        for index in 0..<spec.volunteers {
            let dong = rng.int(0..<dongs.count)
            let gender: Gender = rng.chance(0.65) ? .female : .male
            var skills = Set<Skill>()
            if rng.chance(0.22) { skills.insert(.wheelchair) }
            if rng.chance(0.03) { skills.insert(.signLanguage) }
            if rng.chance(0.10) { skills.insert(.careWorker) }
            if rng.chance(0.03) { skills.insert(.language(rng.pick(SyntheticNames.languages))) }
            var daysOff: [DayOff] = []
            if rng.chance(0.10) {
                let from = today.adding(days: -rng.int(1...300), calendar: calendar)
                daysOff.append(DayOff(from: from, to: from.adding(days: rng.int(0...6), calendar: calendar), reason: "여행"))
            }
            if rng.chance(0.06) {
                let from = today.adding(days: rng.int(0...13), calendar: calendar)
                daysOff.append(DayOff(from: from, to: from.adding(days: rng.int(0...4), calendar: calendar), reason: "가족 행사"))
            }
            let volunteer = Volunteer(
                id: Int64(index + 1), dongCode: dongs[dong].code, name: SyntheticNames.personName(gender: gender, rng: &rng),
                gender: gender, phone: SyntheticNames.phone(rng: &rng), skills: skills, hasCar: rng.chance(0.25),
                weeklyCapMinutes: rng.int(4...20) * 60, availability: Population.weeklyWindows(rng: &rng),
                daysOff: daysOff, closed: rng.chance(0.03))
            volunteers.append(volunteer)
            let slot = Int32(index)
            volunteersByDong[dong].append(slot)
            volunteersByGu[guOfDong[dong]].append(slot)
            everyone.append(slot)
            let wheelchair = skills.contains(.wheelchair)
            if wheelchair { wheelchairPool.append(slot) }
            if volunteer.hasCar { carPool.append(slot) }
            if wheelchair && volunteer.hasCar { wheelchairCarPool.append(slot) }
        }
    }

    /// 2–5 windows on distinct days between 07:00 and 19:00; weekdays mostly, as retirees
    /// and homemakers volunteer, with some weekends from people who work.
    static func weeklyWindows(rng: inout SplitMix64) -> WeeklyAvailability {
        var days = Set<Weekday>()
        let wanted = rng.int(2...5)
        while days.count < wanted {
            let day = rng.chance(0.88) ? Weekday(rawValue: rng.int(1...5)) : Weekday(rawValue: rng.int(6...7))
            if let day { days.insert(day) }
        }
        // Sorted: a Set's order changes from run to run, and the draws below must not.
        return WeeklyAvailability(days.sorted().map { day in
            let start = rng.int(14...28) * 30  // 07:00 to 14:00
            let end = min(19 * 60, start + rng.int(6...18) * 30)
            return AvailabilityWindow(weekday: day, start: ClockTime(minutes: start), end: ClockTime(minutes: end))
        })
    }

    /// The volunteers that meet a request's hard filters (wheelchair skill, car).
    func pool(wheelchair: Bool, car: Bool) -> [Int32] {
        switch (wheelchair, car) {
        case (true, true): return wheelchairCarPool
        case (true, false): return wheelchairPool
        case (false, true): return carPool
        case (false, false): return everyone
        }
    }

    func isSuitable(_ slot: Int, wheelchair: Bool, car: Bool) -> Bool {
        let volunteer = volunteers[slot]
        return (!wheelchair || volunteer.skills.contains(.wheelchair)) && (!car || volunteer.hasCar)
    }
}
