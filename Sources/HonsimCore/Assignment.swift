import Foundation

/// A volunteer's commitment to one request. A request has at most one active assignment;
/// released and ended ones stay as history.
public struct Assignment: Sendable, Hashable, Codable, Identifiable {
    public enum State: String, Sendable, Hashable, Codable, CaseIterable {
        /// The request is assigned, confirmed or in progress.
        case active
        case completed
        case released
        case cancelled
        case noShow = "no_show"
    }

    public var id: Int64
    public var requestID: Int64
    public var volunteerID: Int64
    public var householdID: Int64
    public var span: TimeSpan
    public var state: State
    public var assignedAt: Date
    public var assignedBy: String
    public var endedAt: Date?
    public var endedBy: String?
    public var reason: String?
    /// Minutes the volunteer gave: expected while active, actual once completed.
    public var minutes: Int

    public init(
        id: Int64, requestID: Int64, volunteerID: Int64, householdID: Int64, span: TimeSpan, state: State,
        assignedAt: Date, assignedBy: String, endedAt: Date? = nil, endedBy: String? = nil, reason: String? = nil,
        minutes: Int? = nil
    ) {
        self.id = id
        self.requestID = requestID
        self.volunteerID = volunteerID
        self.householdID = householdID
        self.span = span
        self.state = state
        self.assignedAt = assignedAt
        self.assignedBy = assignedBy
        self.endedAt = endedAt
        self.endedBy = endedBy
        self.reason = reason
        self.minutes = minutes ?? span.minutes
    }
}

/// One entry of the audit log: who did what, when, with the row before and after.
public struct AuditEntry: Sendable, Hashable, Codable, Identifiable {
    public var id: Int64
    public var at: Date
    /// The OS user who made the change.
    public var user: String
    public var action: String
    public var entity: String
    public var entityID: String
    /// The affected request's dong, when there is one, so the log can be filtered by dong.
    public var dongCode: String?
    /// JSON of the row before and after; nil for a creation or a deletion.
    public var before: String?
    public var after: String?

    public init(
        id: Int64 = 0, at: Date, user: String, action: String, entity: String, entityID: String,
        dongCode: String? = nil, before: String? = nil, after: String? = nil
    ) {
        self.id = id
        self.at = at
        self.user = user
        self.action = action
        self.entity = entity
        self.entityID = entityID
        self.dongCode = dongCode
        self.before = before
        self.after = after
    }
}
