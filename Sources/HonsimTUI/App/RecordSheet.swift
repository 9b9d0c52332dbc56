import Foundation
import HonsimCore
import HonsimStore

/// The household or volunteer page, and what opens from it: the edit form, the availability
/// grid, the list of escorts a schedule change drops, and closing. One overlay holds them, so
/// Esc always goes back one step and nothing typed is lost on the way.
public struct RecordSheet: Hashable, Sendable {
    public enum Subject: Hashable, Sendable {
        case household(Int64)
        case volunteer(Int64)
    }

    public enum Mode: Hashable, Sendable {
        case page
        case form(RecordForm)
        case availability(AvailabilityGrid)
        case dropOuts(volunteerID: Int64, [EscortRequest])
        case confirmClose
    }

    /// nil for a record being added: the sheet is its form alone.
    public var subject: Subject?
    public var household: HouseholdRecord?
    public var volunteer: VolunteerRecord?
    public var mode: Mode = .page
    public var offset = 0
    public var message: String?
    public var busy = false
    /// The council's rules, read when a household form opens: the form says where they bite.
    public var rules: CouncilRuleBook?

    public init(subject: Subject?) { self.subject = subject }

    var dongCode: String? { household?.household.dongCode ?? volunteer?.volunteer.dongCode }
}

/// What the sheet reads from the store; its saves and releases are writes, sent down the
/// one write path like every other change.
public enum RecordEffect: Hashable, Sendable {
    /// `logView`: the page shows the household in full, so the access log records it.
    case loadHousehold(Int64, reveal: Reveal)
    case loadVolunteer(Int64)
    /// The council's rules, for the household form's eligibility check.
    case loadRules
}

/// What comes back.
public enum RecordEvent: Sendable {
    case householdLoaded(HouseholdRecord)
    case volunteerLoaded(VolunteerRecord)
    case rulesLoaded(CouncilRuleBook)
    case failed(RecordEffect, String)
}

extension AppState {
    /// `h`: the selected request's household page, or a new household when none is selected.
    mutating func openHouseholdPage() -> [Effect] {
        guard let request = selectedRequest, focus == .requests else { return openNewRecord(household: true) }
        overlay = .records(RecordSheet(subject: .household(request.householdID)))
        return [.records(.loadHousehold(request.householdID, reveal: reveal(of: request.householdID)))]
    }

    /// Enter on the volunteers pane.
    mutating func openVolunteerPage(_ id: Int64) -> [Effect] {
        overlay = .records(RecordSheet(subject: .volunteer(id)))
        return [.records(.loadVolunteer(id))]
    }

    /// How the page asks the store for a household: in full unless the whole screen is masked,
    /// or the role cannot see that dong in full anyway. The store decides again by role, and logs
    /// the view in the read that returns it; a household this screen has not listed (one just
    /// made) is asked for in full and left to the store.
    func reveal(of householdID: Int64) -> Reveal {
        guard !maskAll else { return .masked }
        guard let household = data?.households[householdID] else { return .full(requestID: nil) }
        return access.seesFullDetails(dongCode: household.dongCode) ? .full(requestID: nil) : .masked
    }

    mutating func openNewRecord(household: Bool) -> [Effect] {
        carryOut(RecordSheet.opening(newHousehold: household, surroundings), from: overlay)
    }

    /// A page read came back.
    mutating func recordsEvent(_ event: RecordEvent) -> [Effect] {
        guard case .records(var sheet) = overlay else { return [] }
        defer { if case .records = overlay { overlay = .records(sheet) } }
        sheet.busy = false
        switch event {
        case .householdLoaded(let record):
            sheet.household = record
            if case .form(var form) = sheet.mode, form.theirs == nil, form.message != nil {
                form.theirs = .household(record.household)
                sheet.mode = .form(form)
            }
        case .volunteerLoaded(let record):
            sheet.volunteer = record
            if case .form(var form) = sheet.mode, form.theirs == nil, form.message != nil {
                form.theirs = .volunteer(record.volunteer)
                sheet.mode = .form(form)
            }
        case .rulesLoaded(let book):
            sheet.rules = book
        case .failed(.loadRules, _):
            // The form works without them; it only cannot say where the rules bite.
            break
        case .failed(_, let message):
            showFailure(message, in: &sheet)
        }
        return []
    }

    /// A save or a release came back: the page shows the record as saved, the escorts its new
    /// hours drop, or, after a release, each released escort in turn in the assign dialog.
    mutating func recordWritten(_ write: WriteRequest, _ result: WriteResult) -> [Effect] {
        // A volunteer who cannot go, released from the call list: the escort opens in the assign dialog.
        if case .release = write, case .calls = overlay, let first = result.changed.first {
            noticeRole = .ok
            notice = writeSummary(write, result)
            assignQueue = Array(result.changed.dropFirst())
            overlay = .assign(AssignDialog(request: first))
            return [.load, .loadCandidates(requestID: first.id)]
        }
        // A page closed meanwhile has nothing to show it on; the change feed reloads the panes.
        guard case .records(var sheet) = overlay else { return [] }
        noticeRole = .ok
        notice = writeSummary(write, result)
        defer { if case .records = overlay { overlay = .records(sheet) } }
        sheet.busy = false
        if case .release = write {
            guard let first = result.changed.first else {
                sheet.mode = .page
                return [.load]
            }
            // Each released escort in turn in the assign dialog, urgent ones first as listed.
            assignQueue = Array(result.changed.dropFirst())
            overlay = .assign(AssignDialog(request: first))
            return [.load, .loadCandidates(requestID: first.id)]
        }
        switch result.saved {
        case .household(let h)?: sheet.subject = .household(h.id)
        case .volunteer(let v)?: sheet.subject = .volunteer(v.id)
        case nil: break
        }
        let volunteerID: Int64? = if case .volunteer(let id)? = sheet.subject { id } else { nil }
        sheet.mode = result.dropOuts.isEmpty ? .page : .dropOuts(volunteerID: volunteerID ?? 0, result.dropOuts)
        return [.load, sheet.reloadEffect].compactMap { $0 }
    }

    /// A save or a release failed: the form keeps what was typed and says why; a likely
    /// duplicate asks for a second Enter; a record changed meanwhile is read to be shown beside.
    mutating func recordWriteFailed(_ write: WriteRequest, _ failure: WriteFailure) -> [Effect] {
        guard case .records(var sheet) = overlay else {
            overlay = .problem(WriteProblem(message: failure.message, retry: failure.retryable ? write : nil))
            return []
        }
        defer { if case .records = overlay { overlay = .records(sheet) } }
        sheet.busy = false
        if case .form(var form) = sheet.mode {
            form.message = failure.message
            if failure.likelyDuplicate { form.allowDuplicate = true; form.message = failure.message + " — " + text(RecordText.duplicateAgain) }
            sheet.mode = .form(form)
            // The newer record is read, to be shown beside what was typed.
            if failure.staleRecord { return [sheet.reloadEffect].compactMap { $0 } }
            return []
        }
        showFailure(failure.message, in: &sheet)
        return []
    }

    private func showFailure(_ message: String, in sheet: inout RecordSheet) {
        switch sheet.mode {
        case .form(var form):
            form.message = message
            sheet.mode = .form(form)
        case .availability(var grid):
            grid.error = message
            sheet.mode = .availability(grid)
        case .page, .dropOuts, .confirmClose:
            sheet.message = message
        }
    }

    /// After an assign dialog closes, written or skipped: the next escort a drop-out released.
    mutating func advanceAssignQueue() -> [Effect] {
        guard !assignQueue.isEmpty else { return [] }
        let next = assignQueue.removeFirst()
        overlay = .assign(AssignDialog(request: next))
        return [.loadCandidates(requestID: next.id)]
    }
}

extension AppState {
    /// The volunteer under the cursor in the volunteers pane.
    var selectedVolunteer: Volunteer? {
        let index = selected(.volunteers)
        guard let data, visibleVolunteerIndices.indices.contains(index) else { return nil }
        let position = Int(visibleVolunteerIndices[index])
        return data.volunteers.indices.contains(position) ? data.volunteers[position] : nil
    }
}
