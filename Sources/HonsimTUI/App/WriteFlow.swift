import Foundation
import HonsimCore
import HonsimStore

/// A change the dashboard asks the store to make: every one, whatever its kind, is an
/// `Effect.write` of this, sent by `AppState.send` and answered by `.written` or
/// `.writeFailed`. Each carries the version the coordinator saw, so a change made meanwhile
/// by someone else is refused, never overwritten.
public enum WriteRequest: Hashable, Sendable {
    case assign(requestID: Int64, volunteerID: Int64, expectedVersion: Int, override: Bool)
    case lifecycle(LifecycleAction, requestID: Int64, details: ActionDetails, expectedVersion: Int)
    /// New requests; past the council's rules only with an override and its reason.
    case create([EscortRequest], override: RuleOverride? = nil)
    case undo([UndoTarget])
    /// Accepted proposals of a plan, assigned one by one: each stands or fails alone.
    case assignAll([PlannedAssignment])
    /// A household or volunteer added, edited, closed or reopened, or a volunteer's hours; a
    /// household with the eligibility its form ticked (nil: left as it is), saved together.
    case save(RecordForm.Record, expectedVersion: Int?, allowDuplicate: Bool, eligibility: HouseholdEligibility? = nil)
    /// The escorts a volunteer's new hours or days off drop, back to pending.
    case release(volunteerID: Int64, requestIDs: [Int64], reason: String)
    /// A previewed file imported; the fingerprint refuses a file changed since.
    case importFile(path: String, kind: ImportKind, fingerprint: UInt64)
    /// A call about an escort, from the call list.
    case attempt(requestID: Int64, party: ContactParty, result: ContactResult, note: String)
    /// A request's vehicle booking set in the booking form.
    case booking(requestID: Int64, status: BookingStatus, reference: String, vehicle: String)
    /// A request's transport changed, after a refused booking.
    case transport(requestID: Int64, to: Transport, expectedVersion: Int)
    /// A standing series made, changed, paused, resumed, ended or given its volunteer.
    case series(SeriesWrite)
    /// A request's return trip split off as a leg of its own.
    case returnLeg(ReturnLegDraft)
    /// A leg's pickup moved (its volunteer kept where the new time fits, else released with why).
    case changeReturnLeg(legID: Int64, pickup: ClockTime?, whenCalled: Bool, minutes: Int, version: Int)
}

/// One proposal of a plan the coordinator accepted.
public struct PlannedAssignment: Hashable, Sendable {
    public var requestID: Int64
    public var volunteerID: Int64
    public var expectedVersion: Int

    public init(requestID: Int64, volunteerID: Int64, expectedVersion: Int) {
        self.requestID = requestID
        self.volunteerID = volunteerID
        self.expectedVersion = expectedVersion
    }
}

extension WriteRequest {
    var isAssign: Bool { if case .assign = self { true } else { false } }

    /// Whether `u` can take the write back. Undo restores requests to the versions before a
    /// write, so it is offered for what changes requests at a coordinator's word. Not for a
    /// household's or volunteer's record (edited again in its form; undo knows requests
    /// only), a drop-out's release (the volunteer can no longer go: undoing would book them
    /// again) or an import (households and volunteers as well as requests), nor for undo itself.
    var isUndoable: Bool {
        switch self {
        case .assign, .lifecycle, .create, .assignAll: true
        // A change of transport is not taken back by undo, which restores a request's status
        // and volunteer: it is changed again in the same list.
        case .undo, .save, .release, .importFile, .attempt, .booking, .transport, .series, .returnLeg, .changeReturnLeg: false
        }
    }
}

/// What a write changed, and for a plan, what failed.
public struct WriteResult: Sendable {
    /// The requests as written, for undo and the notice.
    public var changed: [EscortRequest]
    /// Plan proposals the store refused, each with why.
    public var failures: [String]
    /// A saved household or volunteer as the store has it now.
    public var saved: RecordForm.Record?
    /// Escorts a volunteer's saved schedule no longer allows, to release or keep.
    public var dropOuts: [EscortRequest]
    /// What an import added and changed.
    public var imported: ImportOutcome?
    /// What a series write did to the series' dates.
    public var series: SeriesOutcome?
    /// The leg a return-leg write made, and whether its volunteer could take it.
    public var returnLeg: ReturnLegOutcome?

    public init(changed: [EscortRequest], failures: [String] = [], saved: RecordForm.Record? = nil, dropOuts: [EscortRequest] = [],
                imported: ImportOutcome? = nil) {
        self.changed = changed
        self.failures = failures
        self.saved = saved
        self.dropOuts = dropOuts
        self.imported = imported
    }
}

/// Why a write failed, in words, and whether trying again could help.
public struct WriteFailure: Sendable, Hashable {
    public var message: String
    /// The store was locked, gone or unwritable: the same write may succeed in a moment.
    public var retryable: Bool
    /// Another coordinator got there first: the screen must be refreshed.
    public var conflict: Bool
    /// A saved record looks like one already there: a second Enter saves it anyway.
    public var likelyDuplicate = false
    /// A saved record was changed meanwhile: the newer one is read to be shown beside it.
    public var staleRecord = false
    /// New requests outside the council's rules: each rule with its reason, for the form.
    public var ruleFindings: [RuleFinding] = []
    /// The language the message is in, for a form that says more.
    public var language: Language = .ko
    /// Bad input the store refused, by the field it names: a form shows each beside its field.
    public var fieldIssues: [String: Phrase] = [:]

    /// What a form shows under its fields: the store's words for the fields it named when it
    /// names only the form's `fields` (each is beside its field too), else the whole message.
    func formMessage(fields: Set<String>, language: Language) -> String {
        guard !fieldIssues.isEmpty, Set(fieldIssues.keys).isSubset(of: fields) else { return message }
        return fieldIssues.keys.sorted().compactMap { fieldIssues[$0]?.text(language) }.joined(separator: "; ")
    }

    public init(message: String, retryable: Bool, conflict: Bool) {
        self.message = message
        self.retryable = retryable
        self.conflict = conflict
    }

    public init(_ error: any Error, language: Language, calendar: Calendar) {
        guard let error = error as? StoreError else {
            self.init(message: String(describing: error), retryable: true, conflict: false)
            return
        }
        let message = error.message(language, calendar: calendar)
        switch error {
        case .busy, .folderMissing, .notWritable, .cannotOpen, .noStoreYet, .notADatabase, .storeGone, .disconnected:
            self.init(message: message, retryable: true, conflict: false)
        case .alreadyAssigned, .doubleBooked, .staleWrite, .illegalMove, .notFound:
            self.init(message: message, retryable: false, conflict: true)
        case .likelyDuplicate:
            self.init(message: message, retryable: false, conflict: false)
            likelyDuplicate = true
        case .staleRecord:
            self.init(message: message, retryable: false, conflict: false)
            staleRecord = true
        case .invalidData(let issues):
            self.init(message: message, retryable: false, conflict: false)
            fieldIssues = Dictionary(issues.map { ($0.field, $0.message) }, uniquingKeysWith: { first, _ in first })
        case .outsideCouncilRules(_, let findings):
            self.init(message: message, retryable: false, conflict: false)
            ruleFindings = findings
            self.language = language
        default:
            self.init(message: message, retryable: false, conflict: false)
        }
    }
}

/// The coordinator's last change, which `u` takes back.
public struct UndoRecord: Hashable, Sendable {
    public var targets: [UndoTarget]
    public var summary: String
}

/// A write that failed with no dialog of its own to show it in.
public struct WriteProblem: Hashable, Sendable {
    public var message: String
    public var retry: WriteRequest?
}

extension AppState {
    /// The lifecycle actions allowed on a request right now, as keys.
    static let lifecycleKeys: [(Action, LifecycleAction)] = [
        (.assign, .assign), (.confirm, .confirm), (.start, .start), (.complete, .complete),
        (.release, .release), (.cancel, .cancel), (.noShow, .noShow),
    ]

    /// Whether an action has something to act on now: a lifecycle key only where the move
    /// is legal for the selected request, undo only after a change of one's own.
    func isAvailable(_ action: Action) -> Bool {
        if let move = AppState.lifecycleKeys.first(where: { $0.0 == action })?.1 {
            guard focus == .requests, let request = selectedRequest else { return false }
            return Lifecycle.actions(from: request.status).contains(move)
        }
        switch action {
        case .undo: return lastUndo != nil
        case .newRequest, .activity, .plan: return data != nil
        default: return true
        }
    }

    /// Available now and allowed to this person: what the help shows enabled and the status
    /// bar offers.
    func canUse(_ action: Action) -> Bool {
        isAvailable(action) && access.allows(action, dongCode: selectedRequest?.dongCode)
    }

    /// A lifecycle key on the selected request: assign opens the dialog, confirm and start
    /// write at once (undo takes them back), the others ask for their details first.
    mutating func startLifecycle(_ action: Action) -> [Effect] {
        guard isAvailable(action), let request = selectedRequest,
              let move = AppState.lifecycleKeys.first(where: { $0.0 == action })?.1
        else {
            if action != .assign || focus == .requests { notice = text(UIText.notNow) }
            return []
        }
        switch move {
        case .assign:
            overlay = .assign(AssignDialog(request: request))
            return [.loadCandidates(requestID: request.id)]
        case .confirm, .start:
            return send(.lifecycle(move, requestID: request.id, details: ActionDetails(), expectedVersion: request.version))
        case .complete, .release, .cancel, .noShow:
            overlay = .action(ActionForm(action: move, request: request, language: language))
            return []
        }
    }

    mutating func startUndo() -> [Effect] {
        guard let lastUndo else {
            notice = text(UIText.nothingToUndo)
            return []
        }
        return send(.undo(lastUndo.targets))
    }

    /// The one path of a change: whatever its kind, a write is sent from here, and one at a
    /// time; its answer comes back to `written` or `writeFailed`.
    mutating func send(_ write: WriteRequest) -> [Effect] {
        writing = write
        return [.write(write)]
    }

    /// A write came back. The dialog that asked closes; the status bar says what changed and,
    /// where undo makes sense, that `u` takes it back; every pane reloads.
    mutating func written(_ write: WriteRequest, _ result: WriteResult) -> [Effect] {
        writing = nil
        // A problem box that offered the retry has done its work.
        if case .problem = overlay { overlay = nil }
        switch write {
        case .save, .release: return recordWritten(write, result)
        case .importFile: return importWritten(result)
        case .attempt(let requestID, let party, let result, _): return attemptWritten(requestID: requestID, party: party, result: result)
        case .booking(let requestID, let status, let reference, _): return bookingWritten(requestID: requestID, status: status, reference: reference)
        case .transport: return transportWritten(result)
        case .series(let write): return seriesWritten(write, result)
        case .returnLeg, .changeReturnLeg: return returnLegWritten(write, result)
        case .assign, .lifecycle, .create, .undo, .assignAll: break
        }
        let summary = writeSummary(write, result)
        noticeRole = result.failures.isEmpty ? .ok : .warning
        if case .undo = write {
            lastUndo = nil
            notice = summary
        } else if write.isUndoable {
            let targets = result.changed.map { UndoTarget(requestID: $0.id, version: $0.version) }
            lastUndo = targets.isEmpty ? nil : UndoRecord(targets: targets, summary: summary)
            notice = targets.isEmpty ? summary : "\(summary) · \(undoHint)"
        }
        switch overlay {
        case .assign, .action, .newRequest: overlay = nil
        case .plan:
            // What the store refused (taken meanwhile by another coordinator) is listed; the rest is done.
            overlay = result.failures.isEmpty ? nil : .problem(WriteProblem(message: ([summary] + result.failures).joined(separator: "\n"), retry: nil))
        default: break
        }
        // The new request is selected, so the coordinator can assign it at once.
        if case .create(let drafts, _) = write, drafts.count >= 1, let first = result.changed.first {
            focusAfterLoad = first.id
        }
        // A drop-out's next released escort, if any, opens in the dialog.
        var next = write.isAssign ? advanceAssignQueue() : []
        // The next returned sheet's escort, if any, opens in the completion form.
        if case .lifecycle(.complete, _, _, _) = write { next += advanceCompletionQueue() }
        return [.load, .loadStatistics(period.period(now: now, calendar: calendar))] + next
    }

    /// A write failed. A dialog keeps what was typed and shows why; a conflict reloads what
    /// changed; a store that was locked or gone offers to try again.
    mutating func writeFailed(_ write: WriteRequest, _ failure: WriteFailure) -> [Effect] {
        writing = nil
        switch write {
        case .save, .release: return recordWriteFailed(write, failure)
        case .importFile: return importFailed(failure.message)
        case .booking, .transport: return bookingWriteFailed(write, failure)
        case .series: return seriesWriteFailed(write, failure)
        case .returnLeg, .changeReturnLeg: return returnLegFailed(write, failure)
        case .assign, .lifecycle, .create, .undo, .assignAll, .attempt: break
        }
        var effects: [Effect] = failure.conflict ? [.load] : []
        switch overlay {
        case .assign(var dialog):
            dialog.failed(failure, write: write)
            overlay = .assign(dialog)
            effects.append(.loadCandidates(requestID: dialog.requestID))
        case .action(var form):
            form.failed(failure, write: write)
            overlay = .action(form)
        case .newRequest(var form):
            form.failed(failure, write: write)
            overlay = .newRequest(form)
        default:
            overlay = .problem(WriteProblem(message: failure.message, retry: failure.retryable ? write : nil))
        }
        return effects
    }

    var undoHint: String {
        "\(keymap.label(.undo).split(separator: " ").first ?? "u") \(text(UIText.undoHint))"
    }

    func writeSummary(_ write: WriteRequest, _ result: WriteResult) -> String {
        let t = { (phrase: Phrase) in self.text(phrase) }
        let volunteerName = { (id: Int64?) in id.flatMap { id in self.data?.volunteers.first { $0.id == id }?.name } ?? "" }
        switch write {
        case .assign(let requestID, let volunteerID, _, let override):
            return "\(t(override ? UIText.assignedOverride : UIText.assigned)): #\(requestID) → \(volunteerName(volunteerID))"
        case .lifecycle(let action, let requestID, _, _):
            return "#\(requestID): \(DomainPhrases.action(action).text(language)) \(t(UIText.done))"
        case .create:
            let ids = result.changed.map { "#\($0.id)" }
            return "\(t(UIText.requestCreated)): \(ids.count <= 3 ? ids.joined(separator: ", ") : "\(ids[0]) … \(ids[ids.count - 1]) (\(ids.count))")"
        case .undo(let targets):
            return "\(t(UIText.undone)): \(targets.map { "#\($0.requestID)" }.joined(separator: ", "))"
        case .assignAll:
            let failed = result.failures.isEmpty ? "" : " · \(t(UIText.planFailed)) \(result.failures.count)"
            return "\(t(UIText.planAccepted)) \(result.changed.count)\(failed)"
        case .save:
            return t(RecordText.saved)
        case .release:
            return "\(t(RecordText.released)): \(result.changed.map { "#\($0.id)" }.joined(separator: ", "))"
        case .importFile:
            // The import dialog shows what was added and changed, line by line.
            return ""
        case .attempt(let requestID, let party, let result, _):
            return "#\(requestID): \(DomainPhrases.party(party).text(language)) — \(DomainPhrases.result(result).text(language))"
        case .booking(let requestID, let status, _, _):
            return "#\(requestID): \(t(UIText.bookingTitle)) — \(DomainPhrases.booking(status).text(language))"
        case .transport(let requestID, let transport, _):
            return "#\(requestID): \(t(UIText.transportChanged)) — \(DomainPhrases.transport(transport).text(language))"
        case .series:
            return seriesSummary(result)
        case .returnLeg, .changeReturnLeg:
            return returnLegSummary(write, result)
        }
    }
}
