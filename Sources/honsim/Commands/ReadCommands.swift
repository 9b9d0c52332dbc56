import ArgumentParser
import Foundation
import HonsimCore
import HonsimStore

struct ExportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export", abstract: "Write records as CSV or JSON, to standard output or a file of your own (--output).",
        discussion: """
            --from and --to (YYYY-MM-DD, inclusive) select requests and assignments by appointment day and the audit log by day.
            Names, phones, addresses and notes are masked where your role does not show them in full (a coordinator's \
            own dongs only; a viewer's none), and everywhere with --masked. An export of households or volunteers \
            with names and phones in full is recorded in the access log first.
            """)

    enum Kind: String, ExpressibleByArgument, CaseIterable { case households, volunteers, requests, assignments, audit }
    enum Format: String, ExpressibleByArgument, CaseIterable { case csv, json }

    @OptionGroup var options: StoreOptions
    @Argument(help: ArgumentHelp("What to export.", valueName: Kind.allCases.map(\.rawValue).joined(separator: "|"))) var kind: Kind
    @Option(help: "csv or json.") var format: Format = .csv
    @Option(help: ArgumentHelp("First day, YYYY-MM-DD.", valueName: "date")) var from: String?
    @Option(help: ArgumentHelp("Last day, YYYY-MM-DD.", valueName: "date")) var to: String?
    @Flag(help: "Mask names, phones, addresses and notes, for meetings.") var masked = false
    @OptionGroup var output: OutputOption

    func validate() throws {
        for (name, value) in [("--from", from), ("--to", to)] {
            if let value, CivilDate(iso: value) == nil { throw ValidationError("\(name) '\(value)' is not a date like 2026-11-29") }
        }
    }

    func run() async throws {
        try await reportingErrors(options.language) {
            let store = try await options.open()
            let calendar = store.calendar
            let first = from.flatMap(CivilDate.init(iso:))?.start(in: calendar) ?? Date(timeIntervalSince1970: 0)
            let last = to.flatMap(CivilDate.init(iso:))?.adding(days: 1, calendar: calendar).start(in: calendar)
                ?? Date(timeIntervalSince1970: 32_503_680_000)
            let span = TimeSpan(start: first, end: last)
            let exporter = Exporter(calendar: calendar, access: try await store.access(), masked: masked)
            let dongs = try await store.dongs()
            let table: RecordTable
            // The dongs of the people's records, for the access log: how many go out in full, and
            // which households.
            var rowDongs: [String?] = []
            var householdIDs: [Int64] = []
            switch kind {
            case .households:
                let households = try await store.households()
                (table, rowDongs) = (exporter.households(households, dongs: dongs), households.map(\.dongCode))
                householdIDs = households.filter { exporter.revealedCount([$0.dongCode]) > 0 }.map(\.id)
            case .volunteers:
                let volunteers = try await store.volunteers()
                (table, rowDongs) = (exporter.volunteers(volunteers, dongs: dongs), volunteers.map { _ in nil })
            case .requests:
                table = exporter.requests(try await store.requests(in: span), dongs: dongs)
            case .assignments: table = exporter.assignments(try await store.assignments(in: span))
            case .audit: table = exporter.audit(try await store.auditLog(in: span, limit: nil))
            }
            // Recorded before anything is written out: if it cannot be logged, it does not leave.
            let revealed = exporter.revealedCount(rowDongs)
            if revealed > 0 { try await store.recordExport(kind: kind.rawValue, rows: revealed, householdIDs: householdIDs, from: .export) }
            try output.write(format == .csv ? try table.csv() : table.json())
        }
    }
}

struct SuggestCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "suggest", abstract: "Rank the candidate volunteers for a request, with the reasons.")
    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

    @OptionGroup var options: StoreOptions
    @Argument(help: "The request's id.") var requestID: Int64
    @Option(help: "text or json.") var format: Format = .text
    @Option(help: "How many candidates, and as many near-misses, to list.") var limit = 10

    func run() async throws {
        try await reportingErrors(options.language) {
            let store = try await options.open()
            let ranking = try await store.candidates(for: requestID, eligibleLimit: max(0, limit))
            let dongs = try await store.dongs()
            let eligible = Array(ranking.eligible.prefix(limit)), excluded = Array(ranking.excluded.prefix(limit))
            let renderer = CandidateRenderer(language: options.language, calendar: store.calendar, dongs: dongs)
            switch format {
            case .json: emit(renderer.json(eligible: eligible, excluded: excluded))
            case .text:
                let request = try await store.request(id: requestID)
                emit(renderer.text(request: request, eligible: eligible, excluded: excluded, totalEligible: ranking.eligibleCount))
            }
        }
    }
}

/// Candidates as a person reads them, or as JSON for scripts.
struct CandidateRenderer {
    let language: Language
    let calendar: Calendar
    let dongs: DongDirectory

    func reasons(_ candidate: Candidate) -> [String] {
        DomainPhrases.reasons(of: candidate, language: language, withPoints: true)
    }

    func exclusions(_ candidate: Candidate) -> [String] {
        DomainPhrases.exclusions(of: candidate, calendar: calendar, language: language)
    }

    func text(request: EscortRequest, eligible: [Candidate], excluded: [Candidate], totalEligible: Int) -> String {
        let when = "\(CivilDate(request.appointmentAt, calendar: calendar)) \(ClockTime(request.appointmentAt, calendar: calendar))"
        let dong = dongs.dong(code: request.dongCode)?.name ?? request.dongCode
        var out = language == .ko
            ? "요청 \(request.id)번 — \(when) \(request.hospital) (\(dong)), 후보 \(totalEligible)명\n"
            : "request \(request.id) — \(when) \(request.hospital) (\(dong)), \(totalEligible) candidate(s)\n"
        for (rank, candidate) in eligible.enumerated() {
            let name = TerminalText.sanitize(candidate.volunteer.name)
            let home = dongs.dong(code: candidate.volunteer.dongCode)?.name ?? ""
            out += String(format: "%2d. ", rank + 1) + "#\(candidate.volunteer.id) \(name) (\(home)) \(candidate.score)점 — "
                + reasons(candidate).joined(separator: ", ") + "\n"
        }
        if !excluded.isEmpty {
            out += language == .ko ? "제외:\n" : "excluded:\n"
            for candidate in excluded {
                out += "    #\(candidate.volunteer.id) \(TerminalText.sanitize(candidate.volunteer.name)) — "
                    + exclusions(candidate).joined(separator: ", ") + "\n"
            }
        }
        return out
    }

    func json(eligible: [Candidate], excluded: [Candidate]) -> String {
        func entry(_ candidate: Candidate, rank: Int?) -> String {
            let reasons = reasons(candidate).map(RecordTable.quoteJSON).joined(separator: ", ")
            let exclusions = exclusions(candidate).map(RecordTable.quoteJSON).joined(separator: ", ")
            return "  {\"rank\": \(rank.map(String.init) ?? "null"), \"volunteer_id\": \(candidate.volunteer.id), "
                + "\"name\": \(RecordTable.quoteJSON(candidate.volunteer.name)), \"score\": \(candidate.score), "
                + "\"eligible\": \(candidate.isEligible), \"overridable\": \(candidate.isOverridable), "
                + "\"reasons\": [\(reasons)], \"exclusions\": [\(exclusions)]}"
        }
        let entries = eligible.enumerated().map { entry($1, rank: $0 + 1) } + excluded.map { entry($0, rank: nil) }
        return "[\n" + entries.joined(separator: ",\n") + "\n]\n"
    }
}
