import Foundation
import HonsimCore
import HonsimStore

/// The assign dialog: a request, its ranked candidates with their reasons, and the
/// near-misses with why each is excluded. `/` searches every volunteer by name.
public struct AssignDialog: Hashable, Sendable {
    public var requestID: Int64
    /// The request as it was when the dialog opened or last refreshed: its version guards the write.
    public var request: EscortRequest
    /// nil while the candidates load.
    public var ranking: Ranking?
    /// The name being searched, while `/` is on.
    public var search: TextInputState?
    /// The search's verdicts, for the query they answer.
    public var searchResults: CandidateSearch?
    public var cursor = 0
    /// A candidate excluded only by rules a coordinator may override, waiting for y or n.
    public var confirmingOverride: Candidate?
    /// What went wrong last (a conflict, a refusal), shown above the list.
    public var message: String?
    public var retry: WriteRequest?

    /// How many candidates a search shows: a name typed in full finds one or two.
    static let searchLimit = 30

    public init(request: EscortRequest) {
        self.requestID = request.id
        self.request = request
    }

    /// The rows in order: eligible best first, then the excluded.
    public var rows: [Candidate] {
        let shown = search == nil ? ranking : searchResults?.ranking
        guard let shown else { return [] }
        return shown.eligible + shown.excluded
    }

    var isSearching: Bool { search != nil }

    mutating func failed(_ failure: WriteFailure, write: WriteRequest) {
        message = failure.message
        retry = failure.retryable ? write : nil
        confirmingOverride = nil
    }

    mutating func clampCursor() {
        cursor = max(0, min(cursor, rows.count - 1))
    }
}

/// The verdicts on the volunteers a search found, for the query they answer.
public struct CandidateSearch: Hashable, Sendable {
    public var query: String
    public var ranking: Ranking
}

extension AppState {
    mutating func handleAssignKey(_ key: Key, _ dialog: AssignDialog) -> [Effect] {
        var dialog = dialog
        defer {
            if case .assign = overlay { overlay = .assign(dialog) }
        }
        if let candidate = dialog.confirmingOverride {
            switch key {
            case .character("y"), .character("Y"), .enter:
                dialog.confirmingOverride = nil
                return assign(candidate, override: true, in: &dialog)
            default:
                dialog.confirmingOverride = nil
                return []
            }
        }
        if var search = dialog.search {
            switch key {
            case .escape:
                dialog.search = nil
                dialog.searchResults = nil
                dialog.cursor = 0
                return []
            case .enter:
                guard dialog.rows.indices.contains(dialog.cursor) else { return [] }
                return choose(dialog.rows[dialog.cursor], in: &dialog)
            case .up: dialog.cursor = max(0, dialog.cursor - 1); return []
            case .down: dialog.cursor = min(dialog.rows.count - 1, dialog.cursor + 1); return []
            default:
                guard search.handle(key) else { return [] }
                dialog.search = search
                dialog.cursor = 0
                return searchEffects(for: search.text, dialog: dialog)
            }
        }
        switch key {
        case .escape, .character("q"):
            overlay = nil
            // Skipping one of a drop-out's released escorts goes on to the next.
            return advanceAssignQueue()
        case .up, .character("k"): dialog.cursor = max(0, dialog.cursor - 1)
        case .down, .character("j"): dialog.cursor = min(max(0, dialog.rows.count - 1), dialog.cursor + 1)
        case .pageUp: dialog.cursor = max(0, dialog.cursor - 10)
        case .pageDown: dialog.cursor = min(max(0, dialog.rows.count - 1), dialog.cursor + 10)
        case .home: dialog.cursor = 0
        case .end: dialog.cursor = max(0, dialog.rows.count - 1)
        case .character("/"):
            dialog.search = TextInputState()
            dialog.searchResults = nil
            dialog.cursor = 0
        case .character("r") where dialog.retry != nil:
            let retry = dialog.retry!
            dialog.retry = nil
            dialog.message = nil
            writing = retry
            return [.write(retry)]
        case .character(let digit) where digit.isASCII && digit.isNumber && digit != "0":
            // The nth eligible candidate, as numbered on screen.
            let index = Int(String(digit))! - 1
            guard let eligible = dialog.ranking?.eligible, eligible.indices.contains(index) else { return [] }
            dialog.cursor = index
            return choose(eligible[index], in: &dialog)
        case .enter:
            guard dialog.rows.indices.contains(dialog.cursor) else { return [] }
            return choose(dialog.rows[dialog.cursor], in: &dialog)
        default: break
        }
        return []
    }

    /// Enter on a candidate: the eligible are assigned; the overridable ask first; the
    /// others cannot be, and the dialog says why.
    private mutating func choose(_ candidate: Candidate, in dialog: inout AssignDialog) -> [Effect] {
        if candidate.isEligible { return assign(candidate, override: false, in: &dialog) }
        if candidate.isOverridable {
            dialog.confirmingOverride = candidate
            dialog.message = nil
            return []
        }
        let reasons = candidate.exclusions.filter { !$0.isOverridable }
            .map { DomainPhrases.exclusion($0, calendar: calendar).text(language) }.joined(separator: ", ")
        dialog.message = "\(candidate.volunteer.name): \(text(UIText.cannotAssign)) (\(reasons))"
        return []
    }

    private mutating func assign(_ candidate: Candidate, override: Bool, in dialog: inout AssignDialog) -> [Effect] {
        guard writing == nil else { return [] }
        let write = WriteRequest.assign(requestID: dialog.requestID, volunteerID: candidate.volunteer.id,
                                        expectedVersion: dialog.request.version, override: override)
        dialog.message = nil
        dialog.retry = nil
        writing = write
        return [.write(write)]
    }

    /// Volunteers whose name, dong or skills match, found on the list already loaded; the
    /// store then judges exactly those, with every reason.
    private func searchEffects(for text: String, dialog: AssignDialog) -> [Effect] {
        guard let data, !text.trimmingCharacters(in: .whitespaces).isEmpty else { return [] }
        let query = SearchQuery(text)
        var ids: Set<Int64> = []
        for (index, search) in data.volunteerSearch.enumerated() where search.matches(query) {
            ids.insert(data.volunteers[index].id)
            if ids.count >= AssignDialog.searchLimit { break }
        }
        return [.searchCandidates(requestID: dialog.requestID, volunteerIDs: ids, query: text)]
    }

    /// Fresh candidates (after opening, or after a conflict): the request's version moves on
    /// with them, so the next assign is checked against what is on screen now.
    mutating func candidatesLoaded(_ request: EscortRequest, _ ranking: Ranking) {
        guard case .assign(var dialog) = overlay, dialog.requestID == request.id else { return }
        dialog.request = request
        dialog.ranking = ranking
        if request.status != .pending && dialog.message == nil {
            dialog.message = "\(text(UIText.noLongerPending)): \(DomainPhrases.status(request.status).text(language)) (\(request.updatedBy))"
        }
        dialog.clampCursor()
        overlay = .assign(dialog)
    }

    mutating func candidateSearchLoaded(query: String, _ ranking: Ranking) {
        guard case .assign(var dialog) = overlay, dialog.search?.text == query else { return }
        // The eligible first, best first; then the excluded by name, as the store sorted them.
        dialog.searchResults = CandidateSearch(query: query, ranking: ranking)
        dialog.clampCursor()
        overlay = .assign(dialog)
    }
}
