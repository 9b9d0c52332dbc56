import Foundation
import Testing
@testable import HonsimCore

/// The rule table is the one place the matching rules are written: ranking's numbers, the
/// near-misses' reasons, the store's assign check and whether an exclusion may be overridden
/// all come from one entry per rule. Each test fails if a rule is missing from the table,
/// written twice, or read differently by one of them. Fixtures from `MatchingTests`.
@Suite("The rule table")
struct MatchRuleTableTests {
    typealias M = MatchingTests

    /// Records which rules the table consults, in order, whatever the verdict.
    struct Catalog: RuleReader {
        var rules: [MatchRule] = []
        mutating func filter<Found>(_ rule: MatchRule, overridable: Bool, found: Found?, because: (Found) -> Exclusion) { rules.append(rule) }
        mutating func term(_ rule: MatchRule, applies: Bool, points: Int, because: () -> ScoreTerm.Reason) {
            rules.append(rule)
        }
    }

    struct Fixture {
        var volunteer: Volunteer
        var load = VolunteerLoad()
        var matcher = M.matcher()
    }

    /// For each filter, a volunteer who fails that filter and no other.
    static let failing: [MatchRule: Fixture] = {
        let day = CivilDate(year: 2026, month: 11, day: 30)
        return [
            .closed: Fixture(volunteer: M.volunteer(1, closed: true)),
            .overlap: Fixture(volunteer: M.volunteer(1), load: VolunteerLoad(busy: [M.span(9, 0, 10, 0)])),
            .wheelchairSkill: Fixture(volunteer: M.volunteer(1), matcher: M.matcher(household: M.household(mobility: .wheelchair))),
            .car: Fixture(volunteer: M.volunteer(1), matcher: M.matcher(request: M.request(transport: .volunteerCar))),
            .availability: Fixture(volunteer: M.volunteer(1, availability: "tue 09:00-13:00")),
            .dayOff: Fixture(volunteer: M.volunteer(1, daysOff: [DayOff(from: day, to: day)])),
            .genderPreference: Fixture(volunteer: M.volunteer(1, gender: .male), matcher: M.matcher(household: M.household(preferred: .female))),
            .weeklyCap: Fixture(volunteer: M.volunteer(1, cap: 480), load: VolunteerLoad(minutesInWeek: 470)),
            .insurance: Fixture(volunteer: M.insured(M.volunteer(1), until: day.adding(days: -1, calendar: seoul))),
        ]
    }()

    /// For each term of the score, an eligible volunteer it applies to.
    static let scoring: [MatchRule: Fixture] = [
        .sameDong: Fixture(volunteer: M.volunteer(1)),
        .sameGu: Fixture(volunteer: M.volunteer(1, dong: anyang2)),
        .escortedBefore: Fixture(volunteer: M.volunteer(1), load: VolunteerLoad(escortsWithHousehold: 2)),
        .hoursThisMonth: Fixture(volunteer: M.volunteer(1), load: VolunteerLoad(minutesInMonth: 150)),
        .signLanguage: Fixture(volunteer: M.volunteer(1, skills: [.signLanguage]), matcher: M.matcher(household: M.household(needs: [.hearing]))),
        .speaksLanguage: Fixture(volunteer: M.volunteer(1, skills: [.language("vi")]), matcher: M.matcher(household: M.household(needs: [.language]))),
        .careWorker: Fixture(volunteer: M.volunteer(1, skills: [.careWorker]), matcher: M.matcher(household: M.household(needs: [.vision]))),
        .wheelchairCapable: Fixture(volunteer: M.volunteer(1, skills: [.wheelchair]), matcher: M.matcher(household: M.household(mobility: .walker))),
        .hasCar: Fixture(volunteer: M.volunteer(1, hasCar: true), matcher: M.matcher(request: M.request(transport: .volunteerCar))),
        .seriesVolunteer: Fixture(volunteer: M.volunteer(1), matcher: {
            var matcher = M.matcher()
            matcher.seriesVolunteerID = 1
            return matcher
        }()),
        // A soft exclusion: a term whose points count against the volunteer.
        .training: Fixture(volunteer: M.volunteer(1, trainedOn: nil)),
    ]

    static func table(_ fixture: Fixture) -> RuleTable {
        let pool = MatchPool(volunteers: [fixture.volunteer], dongs: directory)
        return RuleTable(fixture.matcher, pool: pool, loads: PoolLoads([fixture.volunteer.id: fixture.load], pool: pool))
    }

    static func tally(_ fixture: Fixture) -> RuleTally {
        var tally = RuleTally()
        table(fixture).apply(0, &tally)
        return tally
    }

    @Test("every rule has exactly one entry, filters first, in the order reasons are listed")
    func oneEntryPerRule() {
        for fixture in Array(Self.failing.values) + Array(Self.scoring.values) {
            var catalog = Catalog()
            Self.table(fixture).apply(0, &catalog)
            #expect(catalog.rules == MatchRule.allCases)
        }
        #expect(MatchRule.allCases.prefix { $0.isFilter }.count == MatchRule.allCases.filter(\.isFilter).count)
        #expect(Set(Self.failing.keys) == Set(MatchRule.allCases.filter(\.isFilter)), "a fixture for every filter")
        #expect(Set(Self.scoring.keys) == Set(MatchRule.allCases.filter { !$0.isFilter }), "a fixture for every term")
    }

    @Test("which filters may be overridden is said once, by the rule", arguments: MatchRule.allCases.filter(\.isFilter))
    func overridableFromTheRule(rule: MatchRule) {
        #expect(rule.isOverridable == ReferenceMatching.overridable.contains(rule))
        let fixture = Self.failing[rule]
        let exclusions = fixture.map { $0.matcher.evaluate($0.volunteer, load: $0.load).exclusions } ?? []
        #expect(exclusions.count == 1)
        #expect(exclusions.allSatisfy { $0.rule == rule && $0.isOverridable == rule.isOverridable })
    }

    @Test("a failed filter reads the same in the ranking, the near-misses and the assign check",
          arguments: MatchRule.allCases.filter(\.isFilter))
    func filterReadsAlike(rule: MatchRule) throws {
        let fixture = try #require(Self.failing[rule])
        // The assign check: the store refuses unless every exclusion may be overridden.
        let checked = fixture.matcher.evaluate(fixture.volunteer, load: fixture.load)
        #expect(checked.exclusions.map(\.rule) == [rule])
        #expect(checked.isOverridable == rule.isOverridable)
        #expect(!checked.isEligible)
        // The ranking's numbers: one exclusion, overridable as the rule says.
        let tally = Self.tally(fixture)
        #expect(tally.exclusions == 1 && tally.overridable == rule.isOverridable)
        #expect(tally.score == checked.score)
        // The near-miss the coordinator reads is the assign check's verdict, word for word.
        let ranking = fixture.matcher.rank([(fixture.volunteer, fixture.load)])
        #expect(ranking.eligible.isEmpty)
        #expect(ranking.excluded == [checked])
    }

    @Test("a term of the score reads the same in the ranking and in the reasons",
          arguments: MatchRule.allCases.filter { !$0.isFilter })
    func termReadsAlike(rule: MatchRule) throws {
        let fixture = try #require(Self.scoring[rule])
        let candidate = fixture.matcher.evaluate(fixture.volunteer, load: fixture.load)
        #expect(candidate.isEligible)
        #expect(candidate.terms.contains { $0.reason.rule == rule && ($0.points > 0) == (rule != .training) })
        #expect(Set(candidate.terms.map(\.reason.rule)).count == candidate.terms.count, "no term twice")
        let tally = Self.tally(fixture)
        #expect(tally.exclusions == 0 && tally.score == candidate.score)
        #expect(fixture.matcher.rank([(fixture.volunteer, fixture.load)]).eligible == [candidate])
        #expect(candidate == ReferenceMatching.evaluate(fixture.matcher, fixture.volunteer, load: fixture.load,
                                                        dongs: directory, calendar: seoul))
    }

    @Test("a lapsed insurance is overridable exactly when the council's rule says so, in ranking and in the check")
    func insuranceByTheCouncilsRule() throws {
        let day = CivilDate(year: 2026, month: 11, day: 29)
        for overridable in [false, true] {
            var rules = MatchRules()
            rules.credentials.insuranceLapseOverridable = overridable
            let matcher = Matcher(request: M.request(), household: M.household(), dongs: directory, calendar: seoul, rules: rules)
            let fixture = Fixture(volunteer: M.insured(M.volunteer(1), until: day), matcher: matcher)
            let checked = matcher.evaluate(fixture.volunteer, load: fixture.load)
            #expect(checked.exclusions == [.insuranceLapsed(validUntil: day, overridable: overridable)])
            #expect(checked.isOverridable == overridable)
            let tally = Self.tally(fixture)
            #expect(tally.exclusions == 1 && tally.overridable == overridable)
            #expect(checked == ReferenceMatching.evaluate(matcher, fixture.volunteer, load: fixture.load, dongs: directory, calendar: seoul))
        }
        // Insured through the escort's day, or with nothing on record: not excluded.
        for volunteer in [M.insured(M.volunteer(1), until: CivilDate(year: 2026, month: 11, day: 30)), M.volunteer(1)] {
            #expect(M.matcher().evaluate(volunteer, load: VolunteerLoad()).isEligible)
        }
    }

    @Test("training counts for the council's months, to the day")
    func trainingValidity() {
        let onTheDay = CivilDate(year: 2024, month: 12, day: 1)
        var trained = M.volunteer(1, trainedOn: onTheDay)
        // Valid 24 months: through 2026-11-30, the escort's day.
        #expect(!M.matcher().evaluate(trained, load: VolunteerLoad()).terms.contains { $0.reason == .trainingMissing })
        trained.trainedOn = CivilDate(year: 2024, month: 11, day: 30)
        #expect(M.matcher().evaluate(trained, load: VolunteerLoad()).terms.contains { $0.reason == .trainingMissing })
    }

    @Test("an exclusion that may be overridden and one that may not: the verdict follows the stricter")
    func mixedVerdict() throws {
        let both = M.volunteer(1, availability: "tue 09:00-13:00", closed: true)
        let fixture = Fixture(volunteer: both)
        let candidate = fixture.matcher.evaluate(both, load: fixture.load)
        #expect(candidate.exclusions.map(\.rule) == [.closed, .availability])
        #expect(!candidate.isOverridable)
        let tally = Self.tally(fixture)
        #expect(tally.exclusions == 2 && !tally.overridable)
    }
}
