import Foundation

public enum Transport: String, Sendable, Hashable, Codable, CaseIterable {
    case publicTransport = "public_transport"
    case centerVehicle = "center_vehicle"
    case taxi
    case walk
    case volunteerCar = "volunteer_car"

    public init?(word: String) {
        let word = word.trimmingSpaces().lowercased()
        if let value = Transport(rawValue: word) { self = value; return }
        switch word {
        case "대중교통", "public": self = .publicTransport
        case "교통약자지원센터", "센터차량", "센터 차량", "center": self = .centerVehicle
        case "택시": self = .taxi
        case "도보", "on_foot": self = .walk
        case "봉사자차량", "봉사자 차량", "car": self = .volunteerCar
        default: return nil
        }
    }

    /// The volunteer must bring a car.
    public var needsVolunteerCar: Bool { self == .volunteerCar }
}

public enum Purpose: String, Sendable, Hashable, Codable, CaseIterable {
    case clinic, dialysis, rehab, tests, chemo, other

    public init?(word: String) {
        let word = word.trimmingSpaces().lowercased()
        if let value = Purpose(rawValue: word) { self = value; return }
        switch word {
        case "진료", "외래": self = .clinic
        case "투석", "혈액투석": self = .dialysis
        case "재활": self = .rehab
        case "검사": self = .tests
        case "항암": self = .chemo
        case "기타": self = .other
        default: return nil
        }
    }
}

/// What a completed escort recorded.
public struct Completion: Sendable, Hashable, Codable {
    public var actualMinutes: Int
    public var outcome: String
    /// What the doctor said that the household or family must know.
    public var doctorNotes: String
    public var followUp: Bool

    public init(actualMinutes: Int, outcome: String = "", doctorNotes: String = "", followUp: Bool = false) {
        self.actualMinutes = actualMinutes
        self.outcome = outcome
        self.doctorNotes = doctorNotes
        self.followUp = followUp
    }
}

/// A request to escort a household to hospital.
public struct EscortRequest: Sendable, Hashable, Codable, Identifiable {
    public var id: Int64
    public var householdID: Int64
    /// The household's dong when the request was made; statistics and scope go by it.
    public var dongCode: String
    public var hospital: String
    public var department: String
    public var appointmentAt: Date
    public var pickupAt: Date
    public var pickupPlace: String
    public var returnTrip: Bool
    public var transport: Transport
    public var purpose: Purpose
    /// From pickup until the volunteer is free again.
    public var expectedMinutes: Int
    public var notes: String
    public var status: RequestStatus
    public var volunteerID: Int64?
    /// Requests of one weekly series (dialysis, rehab) share this.
    public var seriesID: String?
    public var createdAt: Date
    public var assignedAt: Date?
    public var completion: Completion?
    public var cancelReason: String?
    public var version: Int
    public var updatedAt: Date
    public var updatedBy: String

    public init(
        id: Int64, householdID: Int64, dongCode: String, hospital: String, department: String = "",
        appointmentAt: Date, pickupAt: Date, pickupPlace: String = "", returnTrip: Bool = true,
        transport: Transport = .publicTransport, purpose: Purpose = .clinic, expectedMinutes: Int = 120,
        notes: String = "", status: RequestStatus = .pending, volunteerID: Int64? = nil, seriesID: String? = nil,
        createdAt: Date, assignedAt: Date? = nil, completion: Completion? = nil, cancelReason: String? = nil,
        version: Int = 1, updatedAt: Date? = nil, updatedBy: String = ""
    ) {
        self.id = id
        self.householdID = householdID
        self.dongCode = dongCode
        self.hospital = hospital
        self.department = department
        self.appointmentAt = appointmentAt
        self.pickupAt = pickupAt
        self.pickupPlace = pickupPlace
        self.returnTrip = returnTrip
        self.transport = transport
        self.purpose = purpose
        self.expectedMinutes = expectedMinutes
        self.notes = notes
        self.status = status
        self.volunteerID = volunteerID
        self.seriesID = seriesID
        self.createdAt = createdAt
        self.assignedAt = assignedAt
        self.completion = completion
        self.cancelReason = cancelReason
        self.version = version
        self.updatedAt = updatedAt ?? createdAt
        self.updatedBy = updatedBy
    }

    /// The time a volunteer is taken up: from pickup for the expected duration.
    public var span: TimeSpan { TimeSpan(start: pickupAt, minutes: expectedMinutes) }

    /// Still pending when its appointment has passed: a coordinator must close it (cancel it,
    /// or record what happened), since no volunteer can be found for it any more.
    public func isOverdue(now: Date) -> Bool { status == .pending && appointmentAt < now }

    /// Pending with the appointment within the next 48 hours: someone must be found now.
    public func isUrgent(now: Date) -> Bool {
        status == .pending && appointmentAt >= now && appointmentAt.timeIntervalSince(now) <= Urgency.window
    }
}

public enum Urgency {
    /// A pending request whose appointment is this close is urgent.
    public static let window: TimeInterval = 48 * 3600
}
