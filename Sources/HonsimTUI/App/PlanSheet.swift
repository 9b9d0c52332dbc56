import Foundation
import HonsimCore
import HonsimStore

/// Suggest a plan (`p`): for the pending requests of the next days in the dong scope, the
/// assignment of volunteers with the highest total score that keeps every rule. The
/// coordinator accepts it whole, in part (Space unticks a line), or not at all.
public struct PlanSheet: Hashable, Sendable {
    /// How many days ahead the plan looks, from now.
    public var days: Int
    /// nil while the plan is worked out.
    public var plan: Plan?
    /// Requests whose proposal is ticked for accepting.
    public var ticked: Set<Int64> = []
    public var cursor = 0

    static let dayRange = 1...14
    public static let defaultDays = 3

    public init(days: Int = PlanSheet.defaultDays) {
        self.days = days
    }

    /// The proposals ticked, as writes: each guarded by the version the plan was made from.
    var accepted: [PlannedAssignment] {
        (plan?.proposals ?? []).filter { ticked.contains($0.request.id) }.map {
            PlannedAssignment(requestID: $0.request.id, volunteerID: $0.candidate.volunteer.id, expectedVersion: $0.request.version)
        }
    }

    /// Lines on screen: the proposals, then the requests nobody was left for.
    var rowCount: Int { (plan?.proposals.count ?? 0) + (plan?.unassigned.count ?? 0) }
}

/// What a plan is asked for: the dongs in scope (nil: all) and the window of appointments.
public struct PlanQuery: Hashable, Sendable {
    public var dongCodes: Set<String>?
    public var from: Date
    public var until: Date
    public var days: Int
}

extension AppState {
    func planEffect(_ sheet: PlanSheet) -> Effect {
        .loadPlan(PlanQuery(dongCodes: scope.isEmpty ? nil : scope, from: now,
                            until: now.addingTimeInterval(TimeInterval(sheet.days * 86_400)), days: sheet.days))
    }

    mutating func openPlan() -> [Effect] {
        let sheet = PlanSheet()
        overlay = .plan(sheet)
        return [planEffect(sheet)]
    }

    mutating func handlePlanKey(_ key: Key, _ current: PlanSheet) -> [Effect] {
        var sheet = current
        defer { if case .plan = overlay { overlay = .plan(sheet) } }
        let proposals = sheet.plan?.proposals ?? []
        switch key {
        case .escape, .character("q"), .character("p"):
            overlay = nil
        case .up, .character("k"): sheet.cursor = max(0, sheet.cursor - 1)
        case .down, .character("j"): sheet.cursor = min(max(0, sheet.rowCount - 1), sheet.cursor + 1)
        case .pageUp: sheet.cursor = max(0, sheet.cursor - 10)
        case .pageDown: sheet.cursor = min(max(0, sheet.rowCount - 1), sheet.cursor + 10)
        case .character(" "):
            guard proposals.indices.contains(sheet.cursor) else { return [] }
            let id = proposals[sheet.cursor].request.id
            if sheet.ticked.contains(id) { sheet.ticked.remove(id) } else { sheet.ticked.insert(id) }
            sheet.cursor = min(max(0, sheet.rowCount - 1), sheet.cursor + 1)
        case .character("a"):
            sheet.ticked = sheet.ticked.count == proposals.count ? [] : Set(proposals.map(\.request.id))
        case .character("+"), .character("]"), .right:
            guard sheet.days < PlanSheet.dayRange.upperBound else { return [] }
            sheet.days += 1
            sheet.plan = nil
            return [planEffect(sheet)]
        case .character("-"), .character("["), .left:
            guard sheet.days > PlanSheet.dayRange.lowerBound else { return [] }
            sheet.days -= 1
            sheet.plan = nil
            return [planEffect(sheet)]
        case .enter:
            let accepted = sheet.accepted
            guard writing == nil, !accepted.isEmpty else { return [] }
            let write = WriteRequest.assignAll(accepted)
            writing = write
            return [.write(write)]
        default: break
        }
        return []
    }

    /// A fresh plan arrives with every proposal ticked: accepting it whole is one key.
    mutating func planLoaded(_ query: PlanQuery, _ plan: Plan) {
        guard case .plan(var sheet) = overlay, sheet.days == query.days, sheet.plan == nil else { return }
        sheet.plan = plan
        sheet.ticked = Set(plan.proposals.map(\.request.id))
        sheet.cursor = min(sheet.cursor, max(0, sheet.rowCount - 1))
        overlay = .plan(sheet)
    }
}
