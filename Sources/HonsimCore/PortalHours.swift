import Foundation

/// The hours for the national volunteer portal (1365 자원봉사포털), checked as the portal
/// checks them before they are uploaded: only completed escorts; at most 8 hours a day for one
/// volunteer (the rest is reported, never exported silently); activities older than 3 months
/// apart (the portal no longer takes them as this month's); and only volunteers who agreed that
/// their hours be shared, the others listed as missing consent.
public enum PortalHours {
    public static let dailyLimitMinutes = 8 * 60
    public static let lateAfterMonths = 3

    /// One completed escort as the portal counts it.
    public struct Activity: Sendable, Hashable {
        public var requestID: Int64
        public var volunteerID: Int64
        public var day: CivilDate
        public var startedAt: Date
        public var minutes: Int
        public var dongCode: String

        public init(requestID: Int64, volunteerID: Int64, day: CivilDate, startedAt: Date, minutes: Int, dongCode: String) {
            self.requestID = requestID
            self.volunteerID = volunteerID
            self.day = day
            self.startedAt = startedAt
            self.minutes = minutes
            self.dongCode = dongCode
        }
    }

    /// One volunteer's day as exported: the escorts of the day and the minutes the portal takes.
    public struct Row: Sendable, Hashable {
        public var volunteerID: Int64
        public var day: CivilDate
        public var escorts: Int
        public var minutes: Int
    }

    /// A day past the limit: what was done, and the minutes left out of the export.
    public struct OverLimit: Sendable, Hashable {
        public var volunteerID: Int64
        public var day: CivilDate
        public var minutes: Int
        public var excessMinutes: Int
    }

    /// A volunteer without consent on record, with what they did: not exported.
    public struct MissingConsent: Sendable, Hashable {
        public var volunteerID: Int64
        public var escorts: Int
        public var minutes: Int
    }

    public struct Export: Sendable, Hashable {
        public var rows: [Row] = []
        public var overLimit: [OverLimit] = []
        /// Completed more than 3 months before today: listed, not exported.
        public var tooOld: [Activity] = []
        public var missingConsent: [MissingConsent] = []
    }

    /// Checks `activities` (completed escorts only: the caller reads no others) against the
    /// portal's rules. `consented` holds the volunteers with consent on record by `today`.
    public static func prepare(_ activities: [Activity], consented: Set<Int64>, today: CivilDate, calendar: Calendar) -> Export {
        var export = Export()
        let oldest = CredentialRules.add(months: -lateAfterMonths, to: today, calendar: calendar)
        var missing: [Int64: (escorts: Int, minutes: Int)] = [:]
        var days: [Int64: [CivilDate: (escorts: Int, minutes: Int)]] = [:]
        for activity in activities.sorted(by: { ($0.day, $0.volunteerID, $0.requestID) < ($1.day, $1.volunteerID, $1.requestID) }) {
            guard consented.contains(activity.volunteerID) else {
                let sum = missing[activity.volunteerID] ?? (0, 0)
                missing[activity.volunteerID] = (sum.escorts + 1, sum.minutes + activity.minutes)
                continue
            }
            if activity.day < oldest {
                export.tooOld.append(activity)
                continue
            }
            let sum = days[activity.volunteerID]?[activity.day] ?? (0, 0)
            days[activity.volunteerID, default: [:]][activity.day] = (sum.escorts + 1, sum.minutes + activity.minutes)
        }
        for (volunteerID, byDay) in days {
            for (day, sum) in byDay {
                export.rows.append(Row(volunteerID: volunteerID, day: day, escorts: sum.escorts, minutes: min(sum.minutes, dailyLimitMinutes)))
                if sum.minutes > dailyLimitMinutes {
                    export.overLimit.append(OverLimit(volunteerID: volunteerID, day: day, minutes: sum.minutes,
                                                      excessMinutes: sum.minutes - dailyLimitMinutes))
                }
            }
        }
        export.rows.sort { ($0.day, $0.volunteerID) < ($1.day, $1.volunteerID) }
        export.overLimit.sort { ($0.day, $0.volunteerID) < ($1.day, $1.volunteerID) }
        export.missingConsent = missing.map { MissingConsent(volunteerID: $0.key, escorts: $0.value.escorts, minutes: $0.value.minutes) }.sorted { $0.volunteerID < $1.volunteerID }
        return export
    }
}
