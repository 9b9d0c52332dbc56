import ArgumentParser
import Foundation
import HonsimCore
import HonsimStore
import HonsimTUI

/// Parses a date as a person types it (2026-12-03, 12/3, 내일), against the store's today.
func typedDate(_ text: String, option: String, calendar: Calendar) throws -> CivilDate {
    guard let date = TypedInput.date(text, today: CivilDate(Date(), calendar: calendar), calendar: calendar) else {
        throw ValidationError("\(option) '\(text)' is not a date like 2026-12-03, 12/3 or 내일")
    }
    return date
}

struct VolunteerCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "volunteer", abstract: "A volunteer's record: days off, and the page the dashboard shows.",
        subcommands: [VolunteerOffCommand.self, VolunteerShowCommand.self, VolunteerCredentialsCommand.self, VolunteerExpiringCommand.self,
                      VolunteerRulesCommand.self])
}

struct HouseholdCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "household", abstract: "A household's record, as the dashboard's page shows it.",
        subcommands: [HouseholdShowCommand.self])
}

struct VolunteerOffCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "off", abstract: "Record days off; list the escorts they collide with, and with --release return those to pending.",
        discussion: """
            The escorts listed are those the volunteer holds (assigned or confirmed, not begun) on the days off, urgent ones \
            (appointment within 48 hours) first. --release puts them back to pending with the reason, in one transaction; find \
            someone else with `honsim suggest ID` and `honsim assign`, or the dashboard's assign dialog. Exit status 3 when \
            escorts collide and were not released.
            """)
    @OptionGroup var options: StoreOptions
    @Argument(help: "The volunteer's id.") var volunteerID: Int64
    @Option(help: ArgumentHelp("First day off (2026-12-03, 12/3, 내일).", valueName: "date")) var from: String
    @Option(help: ArgumentHelp("Last day off, inclusive (default: the first).", valueName: "date")) var to: String?
    @Option(help: "Why (kept with the day off).") var reason: String = ""
    @Flag(help: "Return the colliding escorts to pending.") var release = false

    func run() async throws {
        let language = options.language
        let ko = language == .ko
        try await reportingErrors(language) {
            let store = try await options.open()
            let calendar = store.calendar
            let first = try typedDate(from, option: "--from", calendar: calendar)
            let last = try to.map { try typedDate($0, option: "--to", calendar: calendar) } ?? first
            guard first <= last else { throw ValidationError("--to \(last) is before --from \(first)") }
            var volunteer = try await store.volunteer(id: volunteerID)
            // The same days recorded twice (a script run again) are kept once.
            if !volunteer.daysOff.contains(where: { $0.from == first && $0.to == last }) {
                volunteer.daysOff.append(DayOff(from: first, to: last, reason: reason))
            }
            try await store.saveVolunteer(volunteer, expectedVersion: volunteer.version, allowDuplicate: true)
            // Everything held on those days, whether recorded now or by an earlier run: a
            // script may look first and release on a second run.
            let now = Date()
            let held = try await store.volunteerRecord(id: volunteerID).escorts.filter { request in
                let day = CivilDate(request.pickupAt, calendar: calendar)
                return DropOuts.isHeld(request, now: now) && first <= day && day <= last
            }
            let dropOuts = DropOuts.ordered(held, now: now)
            let name = TerminalText.sanitize(volunteer.name)
            let range = first == last ? "\(first)" : "\(first)–\(last)"
            emit(ko ? "\(name)(#\(volunteerID)) 봉사자 휴무 \(range)를 기록했습니다.\n" : "recorded days off \(range) for \(name) (#\(volunteerID)).\n")
            guard !dropOuts.isEmpty else {
                emit(ko ? "겹치는 동행이 없습니다.\n" : "no escorts collide.\n")
                return
            }
            let access = try await store.access()
            let households = try await store.households(ids: Set(dropOuts.map(\.householdID)))
            let dongs = try await store.dongs()
            emit(ko ? "겹치는 동행 \(dropOuts.count)건(긴급 먼저):\n" : "\(dropOuts.count) escort(s) collide (urgent first):\n")
            for request in dropOuts {
                let household = households[request.householdID]
                let full = household.map { access.seesFullDetails(dongCode: $0.dongCode) } ?? false
                let person = household.map { full ? TerminalText.sanitize($0.name) : Masking.name(TerminalText.sanitize($0.name)) } ?? "?"
                let urgent = request.appointmentAt.timeIntervalSince(now) <= Urgency.window ? (ko ? " [긴급]" : " [urgent]") : ""
                emit("  #\(request.id) \(RecordPage.when(request.pickupAt, calendar)) \(person) \(dongs.dong(code: request.dongCode)?.name ?? "") "
                     + "\(TerminalText.sanitize(request.hospital))\(urgent)\n")
            }
            guard release else {
                emit(ko ? "--release를 주면 대기로 돌립니다.\n" : "pass --release to return them to pending.\n")
                throw ExitCode(3)
            }
            let why = reason.isEmpty ? (ko ? "봉사자 휴무 \(range)" : "volunteer off \(range)") : reason
            let released = try await store.releaseDropOuts(volunteerID: volunteerID, requestIDs: dropOuts.map(\.id), reason: why)
            emit(ko ? "대기로 돌렸습니다: \(released.map { "#\($0.id)" }.joined(separator: ", "))\n"
                    : "returned to pending: \(released.map { "#\($0.id)" }.joined(separator: ", "))\n")
        }
    }
}

struct VolunteerShowCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show", abstract: "A volunteer's details, next assignments, hours by month and escort history.")
    @OptionGroup var options: StoreOptions
    @Argument(help: "The volunteer's id.") var volunteerID: Int64

    func run() async throws {
        try await reportingErrors(options.language) {
            let store = try await options.open()
            let record = try await store.volunteerRecord(id: volunteerID)
            let access = try await store.access()
            let page = RecordPage.volunteer(record, dongs: try await store.dongs(), fullHousehold: { access.seesFullDetails(dongCode: $0.dongCode) },
                                            now: Date(), calendar: store.calendar, language: options.language)
            emit(page.text)
        }
    }
}

struct HouseholdShowCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show", abstract: "A household's details, next appointments, the doctor's words, its volunteers and escort history.",
        discussion: "Masked unless your role shows the household's dong in full (or with --masked); a full view goes to the access log first.")
    @OptionGroup var options: StoreOptions
    @Argument(help: "The household's id.") var householdID: Int64
    @Flag(help: "Mask the name, phone and address.") var masked = false

    func run() async throws {
        try await reportingErrors(options.language) {
            let store = try await options.open()
            // In full only where the role allows, and then logged by the very read that returns it.
            let record = try await store.householdRecord(id: householdID, reveal: masked ? .masked : .full(requestID: nil, from: .command))
            emit(RecordPage.household(record, dongs: try await store.dongs(), full: record.isFull, now: Date(), calendar: store.calendar,
                                      language: options.language).text)
        }
    }
}

struct HoursCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "hours", abstract: "Each volunteer's completed escorts and hours in a month, for the national volunteer portal.",
        discussion: "Hours are the actual minutes recorded at completion. CSV has one row per escort, for a spreadsheet.")
    enum Format: String, ExpressibleByArgument, CaseIterable { case text, csv, portal, portalJSON = "portal-json" }
    @OptionGroup var options: StoreOptions
    @Option(help: ArgumentHelp("The month.", valueName: "YYYY-MM")) var month: String
    @Option(help: """
        text or csv; portal: the rows the national volunteer portal takes (CSV), with what its checks leave out on \
        standard error; portal-json: all of it as one JSON object.
        """) var format: Format = .text
    @OptionGroup var output: OutputOption

    func validate() throws {
        guard HoursCommand.parse(month) != nil else { throw ValidationError("--month '\(month)' is not a month like 2026-11") }
    }

    static func parse(_ text: String) -> (year: Int, month: Int)? {
        let parts = text.split(separator: "-")
        guard parts.count == 2, parts[0].count == 4, let year = Int(parts[0]), let month = Int(parts[1]), (1...12).contains(month) else { return nil }
        return (year, month)
    }

    func run() async throws {
        let ko = options.language == .ko
        try await reportingErrors(options.language) {
            guard let (year, number) = HoursCommand.parse(month) else { return }
            let store = try await options.open()
            if format == .portal || format == .portalJSON {
                return try await writePortal(store, year: year, month: number, json: format == .portalJSON)
            }
            let hours = try await store.volunteerHours(year: year, month: number)
            let dongs = try await store.dongs()
            let calendar = store.calendar
            if format == .csv {
                try output.write(try Exporter(calendar: calendar).hours(hours, dongs: dongs).spreadsheetCSV())
                return
            }
            var text = ko ? "\(month) 봉사 시간 — \(hours.count)명\n" : "\(month) volunteer hours — \(hours.count) volunteer(s)\n"
            for volunteer in hours {
                let dong = dongs.dong(code: volunteer.dongCode)?.name ?? ""
                text += "\(TerminalText.sanitize(volunteer.name)) (#\(volunteer.volunteerID), \(dong)): \(volunteer.escorts.count)\(ko ? "회" : " escort(s)") · "
                    + "\(RecordPage.hours(volunteer.minutes))\(ko ? "시간" : " h")\n"
                for escort in volunteer.escorts {
                    text += "  \(RecordPage.when(escort.start, calendar))  \(escort.minutes)\(ko ? "분" : " min")  #\(escort.requestID) "
                        + "\(TerminalText.sanitize(escort.hospital))\n"
                }
            }
            let total = hours.reduce(0) { $0 + $1.minutes }
            text += ko ? "합계 \(RecordPage.hours(total))시간\n" : "total \(RecordPage.hours(total)) h\n"
            try output.write(text)
        }
    }
}
