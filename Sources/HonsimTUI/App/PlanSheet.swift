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

extension PlanSheet: Component {
    /// The plan for the dongs in scope and the days chosen.
    static func effect(days: Int, scope: Set<String>, now: Date) -> Effect {
        .loadPlan(PlanQuery(dongCodes: scope.isEmpty ? nil : scope, from: now,
                            until: now.addingTimeInterval(TimeInterval(days * 86_400)), days: days))
    }

    mutating func update(_ key: Key, _ around: Surroundings) -> Reply {
        let proposals = plan?.proposals ?? []
        let last = max(0, rowCount - 1)
        if around.keys.list.move(&cursor, last: last, for: key) { return .stay }
        switch around.keys.plan.action(for: key) {
        case .close?: return .closing()
        case .tick?:
            guard proposals.indices.contains(cursor) else { return .stay }
            let id = proposals[cursor].request.id
            if ticked.contains(id) { ticked.remove(id) } else { ticked.insert(id) }
            cursor = min(last, cursor + 1)
        case .all?:
            ticked = ticked.count == proposals.count ? [] : Set(proposals.map(\.request.id))
        case .moreDays?:
            guard days < PlanSheet.dayRange.upperBound else { return .stay }
            days += 1
            plan = nil
            return Reply(effects: [PlanSheet.effect(days: days, scope: around.scope, now: around.now)])
        case .fewerDays?:
            guard days > PlanSheet.dayRange.lowerBound else { return .stay }
            days -= 1
            plan = nil
            return Reply(effects: [PlanSheet.effect(days: days, scope: around.scope, now: around.now)])
        case .accept?:
            guard !around.writeInFlight, !accepted.isEmpty else { return .stay }
            return .writing(.assignAll(accepted))
        case nil: break
        }
        return .stay
    }
}

extension AppState {
    mutating func openPlan() -> [Effect] {
        let sheet = PlanSheet()
        overlay = .plan(sheet)
        return [PlanSheet.effect(days: sheet.days, scope: scope, now: now)]
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
