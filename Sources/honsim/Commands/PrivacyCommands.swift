import ArgumentParser
import Foundation
import HonsimCore
import HonsimStore
import HonsimTUI

/// 개인정보 파기: anonymises what is no longer needed, keeping the statistics whole.
struct PurgeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "purge", abstract: "Destroy the personal details of households closed before a day (개인정보 파기).",
        discussion: """
            Households closed before the day, and their escorts, lose their names, phones, addresses, notes \
            and what the doctor said, in place, with the copies the audit log kept: dongs, dates, statuses, \
            volunteers and minutes stay, so every statistic, report and volunteer's hours stay the same. \
            Without --closed-before, the day is today less retention_years from config.toml (default \
            \(DashboardConfig.defaultRetentionYears)). Admins only; one audit entry with the counts. Refused, \
            changing nothing, for a day still to come or when such a household has open requests.
            """)
    @OptionGroup var options: StoreOptions
    @Option(name: .customLong("closed-before"), help: ArgumentHelp("Households closed before this day, YYYY-MM-DD.", valueName: "date"))
    var closedBefore: String?
    @Flag(name: .customLong("dry-run"), help: "Count what would be destroyed; change nothing.") var dryRun = false
    @Option(help: ArgumentHelp("A config file instead of $XDG_CONFIG_HOME/honsim/config.toml.", valueName: "path")) var config: String?

    func validate() throws {
        if let closedBefore, CivilDate(iso: closedBefore) == nil {
            throw ValidationError("--closed-before '\(closedBefore)' is not a date like 2021-12-31")
        }
    }

    func run() async throws {
        try await reportingErrors(options.language) {
            let (settings, settingsError) = DashboardConfig.load(path: config)
            if let settingsError {
                FileHandle.standardError.write(Data("honsim: \(settingsError); nothing was purged\n".utf8))
                throw ExitCode(1)
            }
            let store = try await options.open()
            let calendar = store.calendar
            let day = closedBefore.flatMap(CivilDate.init(iso:)) ?? Self.retentionStart(years: settings.retentionYears, calendar: calendar)
            let outcome = try await store.purge(closedBefore: day.start(in: calendar), dryRun: dryRun)
            let ko = options.language == .ko
            let counts = ko
                ? "대상자 \(outcome.households), 요청 \(outcome.requests), 감사 기록 \(outcome.auditEntries)"
                : "\(outcome.households) household(s), \(outcome.requests) request(s), \(outcome.auditEntries) audit entr(ies)"
            if outcome.dryRun {
                emit(ko ? "\(day) 이전에 종결된 대상자를 파기하면: \(counts). 아무것도 바꾸지 않았습니다(--dry-run)\n"
                     : "purging households closed before \(day) would anonymise \(counts); nothing was changed (--dry-run)\n")
            } else {
                emit(ko ? "\(day) 이전에 종결된 대상자의 개인정보를 파기했습니다: \(counts). 통계와 봉사 시간은 그대로입니다\n"
                     : "anonymised the households closed before \(day): \(counts); statistics and volunteer hours are unchanged\n")
            }
        }
    }

    /// Today, `years` years ago (the 28th for a 29 February).
    static func retentionStart(years: Int, now: Date = Date(), calendar: Calendar) -> CivilDate {
        let today = CivilDate(now, calendar: calendar)
        return CivilDate(year: today.year - years, month: today.month, day: today.month == 2 && today.day == 29 ? 28 : today.day)
    }
}

/// 개인정보 열람 기록: who saw or took whose personal data in full, when, and from where.
struct AccessLogCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "access-log", abstract: "Who viewed or exported whose personal data in full (개인정보 열람 기록).",
        discussion: """
            Each view of a household's full details (on the dashboard or with 'honsim household') and each \
            export that held names and phones in full, oldest first: when, who, from where, what, and which \
            households. For the privacy officer's yearly check.
            """)
    enum Format: String, ExpressibleByArgument, CaseIterable { case text, csv }

    @OptionGroup var options: StoreOptions
    @Option(help: ArgumentHelp("Only this month, YYYY-MM.", valueName: "YYYY-MM")) var month: String?
    @Option(help: ArgumentHelp("Only this user (OS user or login role).", valueName: "name")) var user: String?
    @Option(help: ArgumentHelp("Only what showed this household.", valueName: "id")) var household: Int64?
    @Option(help: "text or csv.") var format: Format = .text
    @OptionGroup var output: OutputOption

    func validate() throws {
        if let month, StatisticsPeriod(month: month) == nil { throw ValidationError("--month '\(month)' is not a month like 2026-11") }
    }

    func run() async throws {
        try await reportingErrors(options.language) {
            let store = try await options.open(readOnly: true)
            let calendar = store.calendar
            let span = month.flatMap { StatisticsPeriod(month: $0) }?.range(calendar: calendar)
            let entries = try await store.accessLog(AccessLogQuery(span: span, user: user, householdID: household))
            let table = AccessLogTable(language: options.language, calendar: calendar)
            try output.write(format == .csv ? try table.table(entries).spreadsheetCSV() : table.text(entries))
        }
    }
}

/// The access log as lines to read or as a table for a spreadsheet.
struct AccessLogTable {
    let language: Language
    let calendar: Calendar

    private var ko: Bool { language == .ko }

    func when(_ date: Date) -> String { "\(CivilDate(date, calendar: calendar)) \(ClockTime(date, calendar: calendar))" }

    func what(_ entry: AccessLogEntry) -> String {
        switch entry.kind {
        case .view:
            let household = entry.householdIDs.first.map(String.init) ?? "?"
            let request = entry.requestID.map { ko ? " (요청 \($0)번)" : " (request \($0))" } ?? ""
            return ko ? "대상자 \(household)번 열람\(request)" : "viewed household \(household)\(request)"
        case .export:
            // A city's export holds thousands: the first few, and how many more (the CSV has them all).
            let ids = entry.householdIDs.map(String.init)
            let listed = ids.count <= 8 ? ids.joined(separator: ", ") : ids.prefix(5).joined(separator: ", ") + ", … +\(ids.count - 5)"
            let households = ids.isEmpty ? "" : (ko ? " — 대상자 " : " — households ") + listed
            return (ko ? "\(entry.entity) \(entry.rows)건 내보냄" : "exported \(entry.rows) \(entry.entity)") + households
        }
    }

    func text(_ entries: [AccessLogEntry]) -> String {
        var lines = entries.map { entry in
            "\(when(entry.at))  \(TerminalText.sanitize(entry.user))  \(entry.source.phrase.text(language))  \(what(entry))"
        }
        lines.append(ko ? "열람·내보내기 \(entries.count)건" : "\(entries.count) view(s) and export(s)")
        return lines.joined(separator: "\n") + "\n"
    }

    func table(_ entries: [AccessLogEntry]) -> RecordTable {
        RecordTable(
            columns: ["at", "user", "action", "from", "entity", "households", "rows", "dong", "request"],
            rows: entries.map { entry in
                [.text(when(entry.at)), .text(entry.user), .text(entry.kind.rawValue), .text(entry.source.rawValue), .text(entry.entity),
                 .text(entry.householdIDs.map(String.init).joined(separator: " ")), .number(Int64(entry.rows)),
                 entry.dongCode.map(RecordTable.Value.text) ?? .null, entry.requestID.map(RecordTable.Value.number) ?? .null]
            })
    }
}
