/// Where an escort request stands.
///
///     pending → assigned → confirmed → in_progress → completed
///     pending, assigned, confirmed → cancelled
///     assigned, confirmed → no_show
///     assigned, confirmed → pending (released)
public enum RequestStatus: String, Sendable, Hashable, Codable, CaseIterable {
    case pending
    case assigned
    case confirmed
    case inProgress = "in_progress"
    case completed
    case cancelled
    case noShow = "no_show"

    /// A volunteer is committed to the request: it counts for overlaps and the weekly cap.
    public var holdsVolunteer: Bool { self == .assigned || self == .confirmed || self == .inProgress }

    /// Nothing further can happen to the request.
    public var isEnd: Bool { self == .completed || self == .cancelled || self == .noShow }

    public init?(word: String) {
        let word = word.trimmingSpaces().lowercased().replacingOccurrences(of: "-", with: "_")
        if let value = RequestStatus(rawValue: word) { self = value; return }
        switch word {
        case "대기": self = .pending
        case "배정": self = .assigned
        case "확정": self = .confirmed
        case "진행중", "동행중": self = .inProgress
        case "완료": self = .completed
        case "취소": self = .cancelled
        case "불참", "노쇼": self = .noShow
        default: return nil
        }
    }
}

/// What a coordinator does to a request.
public enum LifecycleAction: String, Sendable, Hashable, Codable, CaseIterable {
    case assign
    /// The volunteer was reached by phone and will go.
    case confirm
    case start
    case complete
    /// The volunteer is taken off; the request goes back to pending.
    case release
    case cancel
    /// The household was not there.
    case noShow = "no_show"
}

public struct IllegalMove: Error, Hashable, Sendable, CustomStringConvertible {
    public let from: RequestStatus
    public let action: LifecycleAction

    public init(from: RequestStatus, action: LifecycleAction) {
        self.from = from
        self.action = action
    }

    public var description: String {
        "cannot \(action.rawValue.replacingOccurrences(of: "_", with: "-")) a request that is \(from.rawValue.replacingOccurrences(of: "_", with: " "))"
    }
}

/// The lifecycle as a state machine: the only place that knows which moves are legal.
public enum Lifecycle {
    static let edges: [RequestStatus: [LifecycleAction: RequestStatus]] = [
        .pending: [.assign: .assigned, .cancel: .cancelled],
        .assigned: [.confirm: .confirmed, .release: .pending, .cancel: .cancelled, .noShow: .noShow],
        .confirmed: [.start: .inProgress, .release: .pending, .cancel: .cancelled, .noShow: .noShow],
        .inProgress: [.complete: .completed],
        .completed: [:],
        .cancelled: [:],
        .noShow: [:],
    ]

    /// The status after `action`, or `IllegalMove` when the move is not allowed from `status`.
    public static func next(from status: RequestStatus, by action: LifecycleAction) throws(IllegalMove) -> RequestStatus {
        guard let target = edges[status]?[action] else { throw IllegalMove(from: status, action: action) }
        return target
    }

    /// The actions allowed from `status`, in a stable order, for menus and help.
    public static func actions(from status: RequestStatus) -> [LifecycleAction] {
        LifecycleAction.allCases.filter { edges[status]?[$0] != nil }
    }

    /// The statuses a request may hold in the store given whether it has a volunteer.
    public static func isConsistent(status: RequestStatus, hasVolunteer: Bool) -> Bool {
        switch status {
        case .assigned, .confirmed, .inProgress, .completed, .noShow: return hasVolunteer
        case .pending, .cancelled: return !hasVolunteer
        }
    }
}
