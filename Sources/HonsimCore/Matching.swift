import Foundation

/// What the store knows about a volunteer's commitments, as matching needs it.
public struct VolunteerLoad: Sendable, Hashable {
    /// Active assignments of the volunteer on other requests.
    public var busy: [TimeSpan]
    /// Minutes given or promised in the week of the request (Monday to Sunday).
    public var minutesInWeek: Int
    /// Minutes given or promised in the month of the request.
    public var minutesInMonth: Int
    /// Completed escorts of this volunteer with this household.
    public var escortsWithHousehold: Int

    public init(busy: [TimeSpan] = [], minutesInWeek: Int = 0, minutesInMonth: Int = 0, escortsWithHousehold: Int = 0) {
        self.busy = busy
        self.minutesInWeek = minutesInWeek
        self.minutesInMonth = minutesInMonth
        self.escortsWithHousehold = escortsWithHousehold
    }
}

/// Why a volunteer cannot take a request. Some a coordinator may override after a
/// confirmation (they phoned the volunteer); the others never: a double booking is never possible.
public enum Exclusion: Sendable, Hashable {
    case closed
    case overlap(TimeSpan)
    case needsWheelchairSkill
    case needsCar
    case outsideAvailability
    case dayOff(CivilDate)
    case genderPreference(Gender)
    case weeklyCap(usedMinutes: Int, capMinutes: Int)
    /// The accident insurance ran out before the escort's day; whether an override may still
    /// send the volunteer is the council's setting (`CredentialRules`), carried here.
    case insuranceLapsed(validUntil: CivilDate, overridable: Bool)

    /// Whether a coordinator may override it: said once, by its rule in the table (or, for
    /// the insurance, by the council's setting the table read).
    public var isOverridable: Bool {
        if case .insuranceLapsed(_, let overridable) = self { return overridable }
        return rule.isOverridable
    }
}

/// One term of a candidate's score, with the points it gave.
public struct ScoreTerm: Sendable, Hashable {
    public enum Reason: Sendable, Hashable {
        case sameDong
        case sameGu
        case escortedBefore(times: Int)
        case hoursThisMonth(minutes: Int)
        case signLanguage
        case speaksLanguage
        case careWorker
        case wheelchairCapable
        case hasCar
        /// The standing volunteer of the request's series (이 일정의 담당 봉사자).
        case seriesVolunteer
        /// A soft exclusion: no valid basic training on the escort's day (never recorded, or
        /// older than the council's validity). Negative points, shown with its reason.
        case trainingMissing
    }

    public var reason: Reason
    public var points: Int

    public init(_ reason: Reason, points: Int) {
        self.reason = reason
        self.points = points
    }
}

/// A volunteer considered for a request, with the reasons for the verdict.
public struct Candidate: Sendable, Hashable, Identifiable {
    public var volunteer: Volunteer
    public var score: Int
    public var terms: [ScoreTerm]
    public var exclusions: [Exclusion]
    public var minutesInMonth: Int

    public var id: Int64 { volunteer.id }
    public var isEligible: Bool { exclusions.isEmpty }
    /// Excluded only by rules a coordinator may override.
    public var isOverridable: Bool { !exclusions.isEmpty && exclusions.allSatisfy(\.isOverridable) }
}

/// The candidates for one request: the eligible ranked best first, then the near-misses.
public struct Ranking: Sendable, Hashable {
    /// The best of the eligible, best first: all of them, or as many as the ranking was asked
    /// for (a city has more than a thousand for a weekday morning, and nobody reads them all).
    public var eligible: [Candidate]
    public var excluded: [Candidate]
    /// How many volunteers keep every rule, listed in `eligible` or not.
    public var eligibleCount: Int
    /// No-shows and late cancellations past the council's threshold (CouncilRules.swift).
    public var conduct = ConductFlags()

    public init(eligible: [Candidate], excluded: [Candidate], eligibleCount: Int? = nil, conduct: ConductFlags = ConductFlags()) {
        self.eligible = eligible
        self.excluded = excluded
        self.eligibleCount = eligibleCount ?? eligible.count
        self.conduct = conduct
    }

    /// How many of the eligible a ranking lists unless asked for another number: more than a
    /// coordinator pages through (the search reaches anyone else by name).
    public static let listedEligible = 100

    /// Whether some eligible volunteers are counted but not listed.
    public var listsFewerThanEligible: Bool { eligibleCount > eligible.count }
}

public struct MatchRules: Sendable, Hashable {
    /// Travel time kept free between two escorts of one volunteer.
    public var travelBuffer: TimeInterval
    /// The council's rules for volunteers' credentials.
    public var credentials: CredentialRules

    public init(travelBufferMinutes: Int = 30, credentials: CredentialRules = CredentialRules()) {
        self.travelBuffer = TimeInterval(travelBufferMinutes * 60)
        self.credentials = credentials
    }
}

/// Matching: hard filters first, then a score, and every candidate with its reasons.
public struct Matcher: Sendable {
    public let request: EscortRequest
    public let household: Household
    public let rules: MatchRules
    let dongs: DongDirectory
    let calendar: Calendar
    let span: TimeSpan
    let householdGu: String?
    // The request's day, weekday and minutes, worked out once rather than per volunteer.
    let dayNumber: Int32
    let weekday: Int16
    let startMinute: Int
    let endMinute: Int
    let withinOneDay: Bool
    /// Training recorded before this day (as a pool day number) has lapsed by the escort.
    let trainingCutoff: Int32
    // What the household needs, as masks of the volunteer flags of a `MatchPool` that answer
    // it: a rule reads `flags & mask`, arithmetic rather than a branch per volunteer, which a
    // random pool would mispredict often. An empty mask is a need the household does not have.
    let wheelchairSkillNeeded: UInt16
    let carNeeded: UInt16
    let signingWanted: UInt16
    let languageWanted: UInt16
    let careWanted: UInt16
    let walkingAidWanted: UInt16
    /// The wanted gender fails when `flags & genderMask != wantedMaleFlag`; no preference, no mask.
    let genderMask: UInt16
    let wantedMaleFlag: UInt16
    /// The standing volunteer of the series the request is a date of, preferred for it.
    public var seriesVolunteerID: Int64?

    public init(request: EscortRequest, household: Household, dongs: DongDirectory, calendar: Calendar, rules: MatchRules = MatchRules()) {
        typealias Flag = MatchPool.Flag
        self.request = request
        self.household = household
        self.rules = rules
        self.dongs = dongs
        self.calendar = calendar
        self.span = request.span
        self.householdGu = dongs.gu(of: household.dongCode)
        self.dayNumber = MatchPool.dayNumber(CivilDate(request.pickupAt, calendar: calendar))
        self.weekday = Int16(Weekday(request.pickupAt, calendar: calendar).rawValue)
        self.startMinute = ClockTime(request.pickupAt, calendar: calendar).minutes
        self.endMinute = startMinute + request.expectedMinutes
        self.withinOneDay = calendar.isDate(span.start, inSameDayAs: span.end.addingTimeInterval(-1))
        self.trainingCutoff = MatchPool.dayNumber(rules.credentials.trainingCutoff(on: CivilDate(request.pickupAt, calendar: calendar), calendar: calendar))
        let needs = household.needs, mobility = household.mobility, wanted = household.preferredVolunteerGender
        self.wheelchairSkillNeeded = mobility == .wheelchair ? Flag.wheelchair : 0
        self.carNeeded = request.transport.needsVolunteerCar ? Flag.car : 0
        self.signingWanted = needs.contains(.hearing) ? Flag.signLanguage : 0
        self.languageWanted = needs.contains(.language) ? Flag.language : 0
        self.careWanted = needs.contains(.cognitive) || needs.contains(.vision) ? Flag.careWorker : 0
        self.walkingAidWanted = mobility == .walker || mobility == .wheelchair ? Flag.wheelchair : 0
        self.genderMask = wanted == nil ? 0 : Flag.male
        self.wantedMaleFlag = wanted == .male ? Flag.male : 0
    }

    /// Weights of the score. Same dong matters most: the volunteer knows the streets and
    /// can get there on foot.
    public enum Points {
        public static let sameDong = 30
        public static let sameGu = 10
        public static let escortedBeforeFirst = 10
        public static let escortedBeforeEach = 5
        public static let escortedBeforeMax = 20
        public static let fewHoursMax = 20
        public static let fewHoursPerHour = 2
        public static let signLanguage = 15
        public static let speaksLanguage = 15
        public static let careWorker = 10
        public static let wheelchairCapable = 5
        public static let hasCar = 10
        /// Above the same dong: the household knows them, and the series keeps its person.
        public static let seriesVolunteer = 35
        public static let trainingMissing = -15
    }

    /// One volunteer's verdict with every reason: what the store's assign check reads. The
    /// same rule table as ranking, over a pool of that one volunteer.
    public func evaluate(_ volunteer: Volunteer, load: VolunteerLoad) -> Candidate {
        let pool = MatchPool(volunteers: [volunteer], dongs: dongs)
        return evaluate(pool: pool, index: 0, volunteer: volunteer, loads: PoolLoads([volunteer.id: load], pool: pool))
    }

    /// Ranks the pool. `nearMissLimit` keeps only the best of the excluded, so that a city of
    /// volunteers does not build a list nobody reads.
    public func rank(_ pool: [(Volunteer, VolunteerLoad)], nearMissLimit: Int = .max) -> Ranking {
        let loads = Dictionary(pool.map { ($0.0.id, $0.1) }, uniquingKeysWith: { first, _ in first })
        return rank(volunteers: pool.map(\.0), loads: loads, nearMissLimit: nearMissLimit)
    }

    /// The same, with the loads by volunteer id (a missing one is no load at all).
    public func rank(volunteers: [Volunteer], loads: [Int64: VolunteerLoad], eligibleLimit: Int = .max, nearMissLimit: Int = .max) -> Ranking {
        let pool = MatchPool(volunteers: volunteers, dongs: dongs)
        return rank(pool: pool, loads: PoolLoads(loads, pool: pool), eligibleLimit: eligibleLimit, nearMissLimit: nearMissLimit)
    }
}
