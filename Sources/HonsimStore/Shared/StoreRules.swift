import Foundation
import GRDB
import HonsimCore

/// The store's own rules, shared by both backends and belonging to neither: what an assign,
/// a lifecycle move, an undo or a new request decides once the rows are read, and how rows
/// become records. Pure functions; the operations (SQLCaseStore) read and write around them.
enum StoreRules {
    /// The time zone a new store reckons days, weeks and months in.
    static let defaultTimeZone = "Asia/Seoul"
    /// How many excluded volunteers a ranking lists: enough for any dialog, few enough that
    /// ranking 20,000 volunteers does not build 19,000 candidates nobody reads.
    static let nearMissLimit = 50

    /// What an assign decides once the request, the volunteer and their load are read: a clash
    /// (which the caller names, by the other request), a refusal for the rules, or the request
    /// as assigned and whether an override was needed.
    static func judgeAssign(_ before: EscortRequest, to volunteer: Volunteer, matcher: Matcher, load: VolunteerLoad, override: Bool,
                            at now: Date, by user: String) throws -> (after: EscortRequest, overridden: Bool, clash: TimeSpan?) {
        let target: RequestStatus
        do throws(IllegalMove) { target = try Lifecycle.next(from: before.status, by: .assign) } catch {
            throw StoreError.illegalMove(requestID: before.id, error)
        }
        if let clash = load.busy.first(where: { $0.conflicts(with: before.span, buffer: matcher.rules.travelBuffer) }) {
            return (before, false, clash)
        }
        let exclusions = matcher.evaluate(volunteer, load: load).exclusions
        if !exclusions.isEmpty && (!override || exclusions.contains(where: { !$0.isOverridable })) {
            throw StoreError.excluded(volunteerName: volunteer.name, exclusions)
        }
        var after = before
        after.status = target
        after.volunteerID = volunteer.id
        after.assignedAt = now
        after.version += 1
        after.updatedAt = now
        after.updatedBy = user
        return (after, !exclusions.isEmpty, nil)
    }

    /// How a lifecycle move ends the request's active assignment, if it does, and what it
    /// changes on the request besides its status.
    static func assignmentEnding(_ action: LifecycleAction, before: EscortRequest, after: inout EscortRequest,
                                 details: ActionDetails) -> (state: Assignment.State?, minutes: Int?) {
        switch action {
        case .release:
            after.volunteerID = nil
            after.assignedAt = nil
            return (.released, nil)
        case .cancel:
            after.volunteerID = nil
            after.cancelReason = details.reason ?? ""
            return (before.status.holdsVolunteer ? .cancelled : nil, nil)
        case .noShow:
            return (.noShow, nil)
        case .complete:
            let completion = Completion(actualMinutes: details.actualMinutes ?? before.expectedMinutes, outcome: details.outcome,
                                        doctorNotes: details.doctorNotes, followUp: details.followUp)
            after.completion = completion
            return (.completed, completion.actualMinutes)
        case .confirm, .start, .assign:
            return (nil, nil)
        }
    }

    /// The request as the undo of `last` (its latest audit entry) restores it, or nil when
    /// `last` created it and the undo removes it. Refused when the change was someone else's
    /// or is itself an undo.
    static func undoing(_ last: AuditEntry, of current: EscortRequest, at now: Date, by user: String) throws -> EscortRequest? {
        guard last.user == user else {
            throw StoreError.cannotUndo(requestID: current.id, reason: .someoneElses(user: last.user, at: last.at))
        }
        if last.action == "create" { return nil }
        guard last.action != "undo" && !last.action.hasPrefix("undo "),
              let before = AuditJSON.decode(EscortRequest.self, from: last.before)
        else { throw StoreError.cannotUndo(requestID: current.id, reason: .nothingToUndo) }
        var after = before
        after.version = current.version + 1
        after.updatedAt = now
        after.updatedBy = user
        return after
    }

    /// A draft as a new pending request. The dong is the household's at the time of the
    /// request: statistics and scope go by it.
    static func newRequest(from draft: EscortRequest, dongCode: String?, at now: Date, by user: String) -> EscortRequest {
        var request = draft
        request.dongCode = dongCode ?? draft.dongCode
        request.status = .pending
        request.volunteerID = nil
        request.assignedAt = nil
        request.completion = nil
        request.cancelReason = nil
        request.createdAt = now
        request.updatedAt = now
        request.updatedBy = user
        request.version = 1
        return request
    }

    /// What is wrong with a new request, located as "new request N" (the Nth date of a series).
    static func draftIssues(_ draft: EscortRequest, household: Household?, now: Date, number: Int) -> [DataIssue] {
        let issue = { (field: String, message: Phrase) in DataIssue(file: "new request", line: number, field: field, message: message) }
        var issues = Validation.request(draft).map { issue($0.field, $0.message) }
        if household == nil || household?.closed == true {
            issues.append(issue("household", Phrase(ko: "대상자 \(draft.householdID)번이 없거나 종결되었습니다",
                                                    en: "household \(draft.householdID) does not exist or is closed")))
        }
        if draft.appointmentAt < now {
            issues.append(issue("date", Phrase(ko: "지난 시각입니다", en: "that time has passed")))
        }
        return issues
    }

    /// A record's problems, found by Validation, as the store refuses them.
    static func refuse(_ issues: [FieldIssue], entity: String, id: Int64) throws {
        guard !issues.isEmpty else { return }
        throw StoreError.invalidData(issues.map { DataIssue(file: entity, line: Int(id), field: $0.field, message: $0.message) })
    }

    /// The audit log's word for a save: made, closed, reopened or edited.
    static func recordAction(before: Bool?, after: Bool) -> String {
        switch (before, after) {
        case (nil, _): return "create"
        case (false?, true): return "close"
        case (true?, false): return "reopen"
        default: return "edit"
        }
    }

    /// A request as stored, with the state of the assignment its status implies, if any.
    static func storedForm(of request: EscortRequest) -> (EscortRequest, Assignment.State?) {
        var request = request
        // A completed escort always records its minutes; the expected ones stand in when unknown.
        if request.status == .completed && request.completion == nil {
            request.completion = Completion(actualMinutes: request.expectedMinutes)
        }
        switch request.status {
        case .assigned, .confirmed, .inProgress: return (request, .active)
        case .completed: return (request, .completed)
        case .noShow: return (request, .noShow)
        case .pending, .cancelled: return (request, nil)
        }
    }

    /// Dong names or codes as stable codes, in the city's order; every name must be a dong.
    static func scope(_ directory: DongDirectory, role: Role, dongs: [String], name: String) throws -> [String] {
        let wanted = dongs.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        if role == .admin && !wanted.isEmpty { throw StoreError.access(.adminHasEveryDong(name: name)) }
        if role == .coordinator && wanted.isEmpty { throw StoreError.access(.coordinatorNeedsDongs(name: name)) }
        var codes = Set<String>()
        for word in wanted {
            guard let dong = directory.resolve(word) else { throw StoreError.access(.unknownDong(name: word)) }
            codes.insert(dong.code)
        }
        return directory.dongs.map(\.code).filter(codes.contains)
    }

    /// The volunteer with `id` in a list in id order. Ids are handed out in order and a
    /// volunteer is closed rather than deleted, so an id's place is nearly always its distance
    /// from the first: one look, where a binary search through a city's list (megabytes of
    /// records) misses the processor's cache at each of its fifteen steps.
    static func volunteer(withID id: Int64, in list: [Volunteer]) -> Volunteer? {
        if let first = list.first?.id, id >= first, id - first < Int64(list.count), list[Int(id - first)].id == id {
            return list[Int(id - first)]
        }
        var low = 0, high = list.count
        while low < high {
            let middle = (low + high) / 2
            if list[middle].id < id { low = middle + 1 } else { high = middle }
        }
        return low < list.count && list[low].id == id ? list[low] : nil
    }

    static func window(row: some StoredRow) -> AvailabilityWindow? {
        guard let weekday = Weekday(rawValue: row["weekday"]) else { return nil }
        return AvailabilityWindow(weekday: weekday, start: ClockTime(minutes: row["start_minute"]), end: ClockTime(minutes: row["end_minute"]))
    }

    static func dayOff(row: some StoredRow) -> DayOff? {
        guard let from = CivilDate(iso: row["from_date"]), let to = CivilDate(iso: row["to_date"]) else { return nil }
        return DayOff(from: from, to: to, reason: row["reason"])
    }

    /// Chooses among every pending request's eligible volunteers; `records` gives the full
    /// records of the volunteers chosen.
    static func plan(_ requests: [EscortRequest], households: [Int64: Household], pool: MatchPool, dongs: DongDirectory,
                     loads: PlanLoads, calendar: Calendar, rules: MatchRules, now: Date,
                     records: ([Int64]) async throws -> [Int64: Volunteer]) async throws -> Plan {
        var matchers: [Matcher] = []
        var choices: [[Planner.Choice]] = []
        for request in requests {
            // As candidates(for:) does: a request's household must exist (a foreign key).
            guard let household = households[request.householdID] else {
                throw StoreError.notFound(entity: "household", id: request.householdID)
            }
            let matcher = Matcher(request: request, household: household, dongs: dongs, calendar: calendar, rules: rules)
            matchers.append(matcher)
            choices.append(matcher.eligibleScores(pool: pool, loads: loads.of(request)).map {
                Planner.Choice(volunteerID: pool.volunteerIDs[$0.index], score: $0.score)
            })
        }
        let picks = Planner.choose(requests: requests, choices: choices, now: now)
        // Full candidates, with their reasons in words, only for what was chosen.
        let chosen = zip(picks, choices).compactMap { pick, list in pick.map { list[$0].volunteerID } }
        let volunteers = try await records(chosen)
        return try Planner.assemble(requests, picks: picks) { row, choice in
            let id = choices[row][choice].volunteerID
            guard let index = pool.index(of: id), let volunteer = volunteers[id] else {
                throw StoreError.notFound(entity: "volunteer", id: id)
            }
            return matchers[row].evaluate(pool: pool, index: index, volunteer: volunteer, loads: loads.of(requests[row]))
        }
    }
}
