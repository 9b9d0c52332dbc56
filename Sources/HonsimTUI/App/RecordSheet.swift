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

    public init(subject: Subject?) { self.subject = subject }

    var dongCode: String? { household?.household.dongCode ?? volunteer?.volunteer.dongCode }
}

/// Store work the sheet asks for.
public enum RecordEffect: Hashable, Sendable {
    /// `logView`: the page shows the household in full, so the access log records it.
    case loadHousehold(Int64, logView: Bool)
    case loadVolunteer(Int64)
    case save(RecordForm.Record, expectedVersion: Int?, allowDuplicate: Bool)
    case release(volunteerID: Int64, requestIDs: [Int64], reason: String)
}

/// What comes back.
public enum RecordEvent: Sendable {
    case householdLoaded(HouseholdRecord)
    case volunteerLoaded(VolunteerRecord)
    case saved(RecordForm.Record, dropOuts: [EscortRequest])
    case released([EscortRequest])
    case failed(RecordEffect, StoreError?, String)
}

extension AppState {
    /// `h`: the selected request's household page, or a new household when none is selected.
    mutating func openHouseholdPage() -> [Effect] {
        guard let request = selectedRequest, focus == .requests else { return openNewRecord(household: true) }
        overlay = .records(RecordSheet(subject: .household(request.householdID)))
        return [.records(.loadHousehold(request.householdID, logView: logsView(of: request.householdID)))]
    }

    /// Enter on the volunteers pane.
    mutating func openVolunteerPage(_ id: Int64) -> [Effect] {
        overlay = .records(RecordSheet(subject: .volunteer(id)))
        return [.records(.loadVolunteer(id))]
    }

    /// Whether the page asks the store for the household in full: unless the whole screen is
    /// masked, or the role cannot see that dong in full anyway. The store decides again by role,
    /// and logs the view in the read that returns it; a household this screen has not listed
    /// (one just made) is asked for in full and left to the store.
    func logsView(of householdID: Int64) -> Bool {
        guard !maskAll else { return false }
        guard let household = data?.households[householdID] else { return true }
        return access.seesFullDetails(dongCode: household.dongCode)
    }

    mutating func openNewRecord(household: Bool) -> [Effect] {
        guard let dongs = data?.dongs, access.role != .viewer, !access.readOnly else {
            notice = text(access.refusal(dongNames: accessDongNames))
            return []
        }
        // A coordinator's new record starts in their first dong.
        let dong = dongs.dongs.first { access.dongCodes.contains($0.code) }?.code ?? ""
        let record: RecordForm.Record = household
            ? .household(Household(id: 0, dongCode: dong, name: "", birthYear: 0, gender: .female))
            : .volunteer(Volunteer(id: 0, dongCode: dong, name: "", gender: .female))
        var sheet = RecordSheet(subject: nil)
        sheet.mode = .form(RecordForm(record, dongs: dongs, language: language))
        overlay = .records(sheet)
        return []
    }

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
        case .saved(let record, let dropOuts):
            notice = text(RecordText.saved)
            noticeRole = .ok
            switch record {
            case .household(let h): sheet.subject = .household(h.id)
            case .volunteer(let v): sheet.subject = .volunteer(v.id)
            }
            sheet.mode = dropOuts.isEmpty ? .page : .dropOuts(volunteerID: sheet.subject.flatMap {
                if case .volunteer(let id) = $0 { return id } else { return nil }
            } ?? 0, dropOuts)
            return [.load, reloadEffect(sheet)].compactMap { $0 }
        case .released(let requests):
            noticeRole = .ok
            notice = "\(text(RecordText.released)): \(requests.map { "#\($0.id)" }.joined(separator: ", "))"
            guard let first = requests.first else {
                sheet.mode = .page
                return [.load]
            }
            // Each released escort in turn in the assign dialog, urgent ones first as listed.
            assignQueue = Array(requests.dropFirst())
            overlay = .assign(AssignDialog(request: first))
            return [.load, .loadCandidates(requestID: first.id)]
        case .failed(let effect, let error, let message):
            switch sheet.mode {
            case .form(var form):
                form.message = message
                if case .likelyDuplicate? = error { form.allowDuplicate = true; form.message = message + " — " + text(RecordText.duplicateAgain) }
                sheet.mode = .form(form)
                // The newer record is read, to be shown beside what was typed.
                if case .staleRecord? = error { return [reloadEffect(sheet)].compactMap { $0 } }
            case .availability(var grid):
                grid.error = message
                sheet.mode = .availability(grid)
            default:
                if case .loadHousehold = effect { sheet.message = message } else { sheet.message = message }
            }
        }
        return []
    }

    func reloadEffect(_ sheet: RecordSheet) -> Effect? {
        switch sheet.subject {
        case .household(let id): return .records(.loadHousehold(id, logView: logsView(of: id)))
        case .volunteer(let id): return .records(.loadVolunteer(id))
        case nil: return nil
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
        let position = visibleVolunteerIndices[index]
        return data.volunteers.indices.contains(position) ? data.volunteers[position] : nil
    }
}
