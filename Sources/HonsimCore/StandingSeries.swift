import Foundation

/// When a standing series' escorts happen: the weekdays, the appointment and pickup times, and
/// where to. A change from a date replaces the whole schedule from that date on.
public struct SeriesSchedule: Sendable, Hashable, Codable {
    /// In ISO order, each once.
    public var weekdays: [Weekday]
    public var appointment: ClockTime
    public var pickup: ClockTime
    public var hospital: String
    public var department: String
    public var transport: Transport
    public var purpose: Purpose
    /// From pickup until the volunteer is free again, as on a request.
    public var expectedMinutes: Int

    public init(weekdays: [Weekday], appointment: ClockTime, pickup: ClockTime, hospital: String, department: String = "",
                transport: Transport = .publicTransport, purpose: Purpose = .clinic, expectedMinutes: Int = 180) {
        self.weekdays = Array(Set(weekdays)).sorted()
        self.appointment = appointment
        self.pickup = pickup
        self.hospital = hospital
        self.department = department
        self.transport = transport
        self.purpose = purpose
        self.expectedMinutes = expectedMinutes
    }

    /// Minutes of the day the volunteer is taken up: pickup for the expected duration.
    var minutesOfDay: Range<Int> { pickup.minutes..<(pickup.minutes + expectedMinutes) }
}

/// A stretch of days on which a series does not happen (in hospital, travelling): the same
/// inclusive stretch with a reason as a volunteer's day off.
public typealias SeriesPause = DayOff

extension DayOff {
    public func contains(_ day: CivilDate) -> Bool { from <= day && day <= to }
}

/// A standing series (정기 동행): the same trip again and again (dialysis three times a week,
/// rehabilitation twice a week), kept as a record of its own. Its dates are escort requests
/// that the store makes ahead for a rolling horizon, each linked to the series and its date.
public struct StandingSeries: Sendable, Hashable, Codable, Identifiable {
    /// How far ahead a series' dates are made when the config does not say.
    public static let defaultHorizonDays = 28

    public var id: Int64
    public var householdID: Int64
    /// The household's dong when the series was made: scope goes by it, as for a request.
    public var dongCode: String
    public var schedule: SeriesSchedule
    public var pickupPlace: String
    public var returnTrip: Bool
    public var notes: String
    public var startsOn: CivilDate
    /// The last day it may happen; nil: open-ended.
    public var endsOn: CivilDate?
    public var pauses: [SeriesPause]
    /// The standing volunteer (이 일정의 담당 봉사자), preferred for its new dates.
    public var volunteerID: Int64?
    /// Every date up to this one has been made (or deliberately left out): the horizon moves on
    /// from here.
    public var madeUntil: CivilDate?
    public var version: Int
    public var createdAt: Date
    public var updatedAt: Date
    public var updatedBy: String

    public init(id: Int64 = 0, householdID: Int64, dongCode: String = "", schedule: SeriesSchedule, pickupPlace: String = "",
                returnTrip: Bool = true, notes: String = "", startsOn: CivilDate, endsOn: CivilDate? = nil, pauses: [SeriesPause] = [],
                volunteerID: Int64? = nil, madeUntil: CivilDate? = nil, version: Int = 1, createdAt: Date = Date(timeIntervalSince1970: 0),
                updatedAt: Date? = nil, updatedBy: String = "") {
        self.id = id
        self.householdID = householdID
        self.dongCode = dongCode
        self.schedule = schedule
        self.pickupPlace = pickupPlace
        self.returnTrip = returnTrip
        self.notes = notes
        self.startsOn = startsOn
        self.endsOn = endsOn
        self.pauses = pauses
        self.volunteerID = volunteerID
        self.madeUntil = madeUntil
        self.version = version
        self.createdAt = createdAt
        self.updatedAt = updatedAt ?? createdAt
        self.updatedBy = updatedBy
    }

    /// What a request of this series carries in `seriesID`.
    public var requestSeriesID: String { StandingSeries.requestSeriesID(id) }

    public static func requestSeriesID(_ id: Int64) -> String { "standing-\(id)" }

    /// The standing series a request belongs to, if any (a series made before standing series
    /// has a series id of another shape, and no record).
    public static func seriesID(of request: EscortRequest) -> Int64? {
        guard let text = request.seriesID, text.hasPrefix("standing-") else { return nil }
        return Int64(text.dropFirst("standing-".count))
    }

    public func pause(on day: CivilDate) -> SeriesPause? { pauses.first { $0.contains(day) } }

    /// Whether an escort of the series falls on `day`: within its dates, on one of its
    /// weekdays, and not paused.
    public func occurs(on day: CivilDate, calendar: Calendar) -> Bool {
        guard day >= startsOn, endsOn.map({ day <= $0 }) ?? true, pause(on: day) == nil else { return false }
        return schedule.weekdays.contains(day.weekday)
    }

    /// The days of the series from `first` through `last`, in order.
    public func dates(from first: CivilDate, through last: CivilDate, calendar: Calendar) -> [CivilDate] {
        var days: [CivilDate] = []
        var day = max(first, startsOn)
        let end = endsOn.map { min($0, last) } ?? last
        while day <= end {
            if occurs(on: day, calendar: calendar) { days.append(day) }
            day = day.adding(days: 1, calendar: calendar)
        }
        return days
    }

    /// The escort request of `day`, as a draft for the store.
    public func request(on day: CivilDate, calendar: Calendar, at now: Date) -> EscortRequest {
        request(on: day.start(in: calendar), at: now)
    }

    /// The same, from the moment the day starts: many series' dates fall on a few days, whose
    /// starts are worked out once (`Calendar` is slow to ask, a city's series ask it 50,000 times).
    public func request(on start: Date, at now: Date) -> EscortRequest {
        EscortRequest(
            id: 0, householdID: householdID, dongCode: dongCode, hospital: schedule.hospital, department: schedule.department,
            appointmentAt: start.addingTimeInterval(TimeInterval(schedule.appointment.minutes * 60)),
            pickupAt: start.addingTimeInterval(TimeInterval(schedule.pickup.minutes * 60)), pickupPlace: pickupPlace,
            returnTrip: returnTrip, transport: schedule.transport, purpose: schedule.purpose, expectedMinutes: schedule.expectedMinutes,
            notes: notes, seriesID: requestSeriesID, createdAt: now)
    }

    /// Whether an existing date of the series still fits the schedule it has from now on: same
    /// weekday set, times, hospital and transport as `request` already has.
    public func matches(_ request: EscortRequest, on day: CivilDate, calendar: Calendar) -> Bool {
        let draft = self.request(on: day, calendar: calendar, at: request.createdAt)
        return draft.appointmentAt == request.appointmentAt && draft.pickupAt == request.pickupAt && draft.hospital == request.hospital
            && draft.department == request.department && draft.transport == request.transport
            && draft.expectedMinutes == request.expectedMinutes
    }
}

/// What is wrong with a series, a pause or a change, by the field to fix.
public enum SeriesValidation {
    public static func schedule(_ schedule: SeriesSchedule) -> [FieldIssue] {
        var issues: [FieldIssue] = []
        if schedule.weekdays.isEmpty {
            issues.append(FieldIssue(field: "days", message: Phrase(ko: "요일을 하나 이상 고르세요", en: "choose at least one weekday")))
        }
        if schedule.hospital.trimmingSpaces().isEmpty {
            issues.append(FieldIssue(field: "hospital", message: Phrase(ko: "병원을 입력하세요", en: "the hospital is required")))
        }
        if schedule.pickup > schedule.appointment {
            issues.append(FieldIssue(field: "pickup", message: Phrase(ko: "출발 시각이 진료 시각보다 늦습니다",
                                                                     en: "the pickup is after the appointment")))
        }
        if !(30...16 * 60).contains(schedule.expectedMinutes) {
            issues.append(FieldIssue(field: "hours", message: Phrase(ko: "소요 시간은 30분에서 16시간 사이입니다",
                                                                    en: "the duration must be between 30 minutes and 16 hours")))
        }
        if schedule.pickup.minutes + schedule.expectedMinutes > 24 * 60 {
            issues.append(FieldIssue(field: "time", message: Phrase(ko: "자정을 넘기는 일정은 만들 수 없습니다",
                                                                   en: "a series cannot run past midnight")))
        }
        return issues
    }

    /// A new series: its schedule, its dates, and no overlap with the household's other series.
    public static func series(_ series: StandingSeries, others: [StandingSeries]) -> [FieldIssue] {
        var issues = schedule(series.schedule)
        if let end = series.endsOn, end < series.startsOn {
            issues.append(FieldIssue(field: "until", message: Phrase(ko: "종료일이 시작일보다 앞섭니다", en: "the end date is before the start date")))
        }
        if let other = overlapping(series, others: others) {
            issues.append(FieldIssue(field: "time", message: Phrase(
                ko: "같은 대상자의 정기 일정 \(other.id)번과 시간이 겹칩니다", en: "overlaps the household's standing series \(other.id)")))
        }
        return issues
    }

    /// The first other open series of the same household that shares a weekday, some dates and
    /// some minutes of the day with `series`.
    public static func overlapping(_ series: StandingSeries, others: [StandingSeries]) -> StandingSeries? {
        others.first { other in
            guard other.id != series.id, other.householdID == series.householdID else { return false }
            let sharedDay = !Set(other.schedule.weekdays).isDisjoint(with: series.schedule.weekdays)
            let datesMeet = (other.endsOn.map { $0 >= series.startsOn } ?? true) && (series.endsOn.map { $0 >= other.startsOn } ?? true)
            return sharedDay && datesMeet && other.schedule.minutesOfDay.overlaps(series.schedule.minutesOfDay)
        }
    }

    public static func pause(_ pause: SeriesPause) -> [FieldIssue] {
        pause.to < pause.from
            ? [FieldIssue(field: "to", message: Phrase(ko: "중지 종료일이 시작일보다 앞섭니다", en: "the pause ends before it starts"))]
            : []
    }
}
