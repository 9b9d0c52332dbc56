import Foundation
import HonsimCore
import HonsimStore

/// One escort of today as the hall sees it. Masked when it is made, from the store's records,
/// so the kiosk never holds a full name in memory, let alone draws one.
public struct KioskBoardRow: Sendable, Hashable {
    public var requestID: Int64
    public var appointmentAt: Date
    /// 홍*동, by the one masking rule.
    public var household: String
    public var dong: String
    public var hospital: String
    /// ㅈ*ㅁ: the volunteer's initials (`Masking.initials`); empty while nobody is assigned.
    public var volunteer: String
    public var status: RequestStatus
    public var urgent: Bool
    /// Inside its booking deadline without a confirmed vehicle: 차량 미확정 on the board.
    public var vehicleUnconfirmed: Bool = false
    public var version: Int
}

/// A dong's figures for the month, for the bars.
public struct KioskDongRow: Sendable, Hashable {
    public var code: String
    public var name: String
    public var gu: String
    public var figures: AreaStatistics
}

/// Everything the kiosk shows, read in one go; nothing in it is personal.
/// All the kiosk needs of a store: the reads of its boards and the notices that keep them live.
/// It never writes, so it is handed nothing that could.
public typealias KioskStore = StoreReads & ChangeFeed & BookingReads

public struct KioskData: Sendable {
    public var board: [KioskBoardRow]
    public var month: StatisticsPeriod
    public var city: AreaStatistics
    /// Each gu's figures, in the city's order of its dongs.
    public var gus: [(name: String, figures: AreaStatistics)]
    public var dongs: [KioskDongRow]
    public var loadedAt: Date

    public init(board: [KioskBoardRow], month: StatisticsPeriod, city: AreaStatistics, gus: [(name: String, figures: AreaStatistics)],
                dongs: [KioskDongRow], loadedAt: Date) {
        self.board = board
        self.month = month
        self.city = city
        self.gus = gus
        self.dongs = dongs
        self.loadedAt = loadedAt
    }
}

/// Reads what the kiosk shows: today's escorts and this month's figures.
public enum KioskLoader {
    public static func load(_ store: any KioskStore, now: Date, vehicleRules: VehicleRules = .anyang) async throws -> KioskData {
        let calendar = store.calendar
        let today = CivilDate(now, calendar: calendar)
        let span = TimeSpan(start: today.start(in: calendar), end: today.adding(days: 1, calendar: calendar).start(in: calendar))
        let requests = try await store.requests(in: span)
        let households = try await store.households(ids: Set(requests.map(\.householdID)))
        let assigned = Set(requests.compactMap(\.volunteerID))
        // Only the initials of today's volunteers are kept, not the list.
        var initials: [Int64: String] = [:]
        if !assigned.isEmpty {
            for volunteer in try await store.volunteers() where assigned.contains(volunteer.id) {
                initials[volunteer.id] = Masking.initials(volunteer.name)
            }
        }
        let directory = try await store.dongs()
        let bookings = try await store.bookings(requestIDs: Set(requests.filter(\.transport.needsBooking).map(\.id)))
        let board = requests.map { request in
            KioskBoardRow(
                requestID: request.id, appointmentAt: request.appointmentAt,
                household: Masking.name(households[request.householdID]?.name ?? ""),
                dong: directory.dong(code: request.dongCode)?.name ?? request.dongCode,
                hospital: request.hospital, volunteer: request.volunteerID.flatMap { initials[$0] } ?? "",
                status: request.status, urgent: request.isUrgent(now: now),
                vehicleUnconfirmed: vehicleRules.needsBooking(request, booking: bookings[request.id], now: now, calendar: calendar),
                version: request.version)
        }
        let month = StatisticsPeriod.thisMonth(now: now, calendar: calendar)
        let report = try await store.statistics(for: month, now: now)
        var gus: [String] = []
        for dong in directory.dongs where !gus.contains(dong.gu) { gus.append(dong.gu) }
        return KioskData(
            board: board, month: month, city: report.city,
            gus: gus.map { ($0, report.byGu[$0] ?? AreaStatistics()) },
            dongs: directory.dongs.map { KioskDongRow(code: $0.code, name: $0.name, gu: $0.gu, figures: report.byDong[$0.code] ?? AreaStatistics()) },
            loadedAt: now)
    }
}
