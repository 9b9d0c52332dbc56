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

extension AssignDialog: Component {
    mutating func update(_ key: Key, _ around: Surroundings) -> Reply {
        let keys = around.keys.assign
        if let candidate = confirmingOverride {
            confirmingOverride = nil
            return keys.matches(key, .override) ? assign(candidate, override: true, around) : .stay
        }
        if var search {
            // Typing a name: letters are the name; ↑ ↓ move, Enter chooses, Esc ends the search.
            if keys.matches(key, .close, typing: true) {
                self.search = nil
                searchResults = nil
                cursor = 0
                return .stay
            }
            if keys.matches(key, .choose, typing: true) {
                guard rows.indices.contains(cursor) else { return .stay }
                return choose(rows[cursor], around)
            }
            switch around.keys.list.action(for: key, typing: true) {
            case .up?: cursor = max(0, cursor - 1); return .stay
            case .down?: cursor = min(rows.count - 1, cursor + 1); return .stay
            case .pageUp?, .pageDown?, .top?, .bottom?, nil: break
            }
            guard search.handle(key) else { return .stay }
            self.search = search
            cursor = 0
            return Reply(effects: searchEffects(for: search.text, around))
        }
        if around.keys.list.move(&cursor, last: max(0, rows.count - 1), for: key) { return .stay }
        switch keys.action(for: key) {
        case .close?: return .closing()
        case .search?:
            search = TextInputState()
            searchResults = nil
            cursor = 0
            return .stay
        case .retry?:
            guard let retry else { return .stay }
            self.retry = nil
            message = nil
            return .writing(retry)
        case .choose?:
            guard rows.indices.contains(cursor) else { return .stay }
            return choose(rows[cursor], around)
        case .override?, nil: break
        }
        // The nth eligible candidate, as numbered on screen.
        if case .character(let digit) = key, digit.isASCII, let number = digit.wholeNumberValue, number > 0 {
            guard let eligible = ranking?.eligible, eligible.indices.contains(number - 1) else { return .stay }
            cursor = number - 1
            return choose(eligible[number - 1], around)
        }
        return .stay
    }

    /// Enter on a candidate: the eligible are assigned; the overridable ask first; the
    /// others cannot be, and the dialog says why.
    private mutating func choose(_ candidate: Candidate, _ around: Surroundings) -> Reply {
        if candidate.isEligible { return assign(candidate, override: false, around) }
        if candidate.isOverridable {
            confirmingOverride = candidate
            message = nil
            return .stay
        }
        let reasons = candidate.exclusions.filter { !$0.isOverridable }
            .map { DomainPhrases.exclusion($0, calendar: around.calendar).text(around.language) }.joined(separator: ", ")
        message = "\(candidate.volunteer.name): \(around.text(UIText.cannotAssign)) (\(reasons))"
        return .stay
    }

    private mutating func assign(_ candidate: Candidate, override: Bool, _ around: Surroundings) -> Reply {
        guard !around.writeInFlight else { return .stay }
        message = nil
        retry = nil
        return .writing(.assign(requestID: requestID, volunteerID: candidate.volunteer.id,
                                expectedVersion: request.version, override: override))
    }

    /// Volunteers whose name, dong or skills match, found on the list already loaded; the
    /// store then judges exactly those, with every reason.
    private func searchEffects(for text: String, _ around: Surroundings) -> [Effect] {
        guard let data = around.data, !text.trimmingCharacters(in: .whitespaces).isEmpty else { return [] }
        let query = SearchQuery(text)
        var ids: Set<Int64> = []
        // In name order, as the pane lists them, so a long match keeps the first by name.
        for index in data.volunteerOrder(.name).lazy.map({ Int($0) }) where data.volunteerSearch.matches(index, query) {
            ids.insert(data.volunteers[index].id)
            if ids.count >= AssignDialog.searchLimit { break }
        }
        return [.searchCandidates(requestID: requestID, volunteerIDs: ids, query: text)]
    }
}

extension AppState {
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
