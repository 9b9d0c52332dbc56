import Foundation

/// The run sheets (동행 일지) of a day: one page per volunteer, each of their escorts in pickup
/// order, as the volunteer takes them out and brings them back filled in by hand.
public struct RunSheets: Sendable, Hashable {
    /// One volunteer's page.
    public struct Page: Sendable, Hashable {
        public var volunteer: Volunteer
        /// By pickup time.
        public var escorts: [DayEscort]

        public init(volunteer: Volunteer, escorts: [DayEscort]) {
            self.volunteer = volunteer
            self.escorts = escorts
        }
    }

    public var day: CivilDate
    /// By volunteer name, then id: the order the sheets are printed and typed back in.
    public var pages: [Page]
    /// The households shown in full (recorded in the access log); the others come masked.
    public var householdsInFull: Set<Int64>
    /// Volunteers' names and phones in full.
    public var volunteersInFull: Bool
    /// The one volunteer asked for, if any (masked like the pages): an empty sheet then says
    /// whose it is.
    public var volunteer: Volunteer?

    public init(day: CivilDate, pages: [Page], householdsInFull: Set<Int64>, volunteersInFull: Bool, volunteer: Volunteer? = nil) {
        self.day = day
        self.pages = pages
        self.householdsInFull = householdsInFull
        self.volunteersInFull = volunteersInFull
        self.volunteer = volunteer
    }

    /// The escorts of a day that someone holds, grouped into pages: of one volunteer only
    /// when `volunteerID` is given. Cancelled escorts are not on the call list and so not here;
    /// a released one has no volunteer and no page.
    public static func pages(of day: EscortDay, volunteerID: Int64? = nil) -> [Page] {
        // Each escort copied once, onto its page; pages and escorts then sorted where they lie.
        var pages: [Page] = []
        var pageOf: [Int64: Int] = [:]
        for escort in day.escorts {
            guard let volunteer = escort.volunteer, volunteerID == nil || volunteer.id == volunteerID else { continue }
            if let index = pageOf[volunteer.id] {
                pages[index].escorts.append(escort)
            } else {
                pageOf[volunteer.id] = pages.count
                pages.append(Page(volunteer: volunteer, escorts: [escort]))
            }
        }
        for index in pages.indices where pages[index].escorts.count > 1 {
            pages[index].escorts.sort { ($0.request.pickupAt, $0.request.id) < ($1.request.pickupAt, $1.request.id) }
        }
        pages.sort { ($0.volunteer.name, $0.volunteer.id) < ($1.volunteer.name, $1.volunteer.id) }
        return pages
    }

    /// The day's escorts in the sheets' order (by volunteer, then pickup): how a stack of
    /// returned sheets is typed back in.
    public static func sheetOrder(_ day: EscortDay) -> [DayEscort] {
        pages(of: day).flatMap(\.escorts)
    }

    /// The household's needs a volunteer must know on the way: mobility, then hearing,
    /// vision, cognition, language.
    public static func needs(of household: Household) -> (mobility: Mobility?, needs: [Need]) {
        (household.mobility == .none ? nil : household.mobility, Need.allCases.filter(household.needs.contains))
    }
}
