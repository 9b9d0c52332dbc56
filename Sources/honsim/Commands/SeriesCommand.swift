import ArgumentParser
import Foundation
import HonsimCore
import HonsimStore
import HonsimTUI

/// `honsim series`: standing series (정기 동행), the same trip again and again.
struct SeriesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "series", abstract: "Standing series: the same trip again and again (dialysis, rehabilitation).",
        discussion: """
            A series' dates are requests made ahead for a rolling horizon ([series] horizon_days in the config, 28 by \
            default), extended whenever the dashboard or a command opens the store.
            """,
        subcommands: [SeriesList.self, SeriesShow.self, SeriesNew.self, SeriesChangeCommand.self, SeriesPauseCommand.self,
                      SeriesResumeCommand.self, SeriesEndCommand.self, SeriesAssignCommand.self])
}

enum SeriesFormat: String, ExpressibleByArgument, CaseIterable { case text, json }

/// What every series command shares: the store, the output format, and the horizon.
struct SeriesOptions: ParsableArguments {
    @OptionGroup var store: StoreOptions
    @Option(help: "text or json.") var format: SeriesFormat = .text

    var language: Language { store.language }
    var horizonDays: Int { DashboardConfig.load().config.seriesHorizonDays }

    /// Runs `body` on the opened store; a refused series says which option to fix.
    func run(_ body: (any CaseStore) async throws -> String) async throws {
        try await reportingErrors(language) {
            let store = try await self.store.open()
            do {
                emit(try await body(store))
            } catch StoreError.invalidData(let issues) {
                let lines = issues.map { "honsim: series: \(SeriesOutput.option(for: $0.field)): \($0.message.text(language))" }
                FileHandle.standardError.write(Data((lines.joined(separator: "\n") + "\n").utf8))
                throw ExitCode(1)
            }
        }
    }

    func date(_ text: String, option: String, calendar: Calendar) throws -> CivilDate {
        guard let date = TypedInput.date(text, today: CivilDate(Date(), calendar: calendar), calendar: calendar) else {
            throw ValidationError("\(option) '\(text)' is not a date like 2026-12-07")
        }
        return date
    }
}

struct SeriesList: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "Every standing series, or one household's.")
    @OptionGroup var options: SeriesOptions
    @Option(help: "Only this household's series.") var household: Int64?

    func run() async throws {
        try await options.run { store in
            let list = try await store.seriesList(householdID: household)
            return options.format == .json ? SeriesOutput.json(list.map(SeriesOutput.Record.init)) : SeriesOutput.list(list, language: options.language)
        }
    }
}

struct SeriesShow: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "A series: its dates ahead with their volunteers, its changes.")
    @OptionGroup var options: SeriesOptions
    @Argument(help: "The series' id.") var id: Int64

    func run() async throws {
        try await options.run { store in
            let page = try await store.seriesPage(id: id)
            return options.format == .json ? SeriesOutput.json(SeriesOutput.Page(page, calendar: store.calendar))
                : SeriesOutput.page(page, language: options.language, calendar: store.calendar)
        }
    }
}

/// The schedule options of `new` and `change`.
struct ScheduleOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Weekdays, e.g. \"mon wed fri\" or \"월 수 금\".", valueName: "days")) var days: String?
    @Option(help: ArgumentHelp("Appointment time, HH:MM.", valueName: "time")) var time: String?
    @Option(help: ArgumentHelp("Pickup time, HH:MM (default: an hour before the appointment).", valueName: "time")) var pickup: String?
    @Option(help: "Hospital.") var hospital: String?
    @Option(help: "Department.") var department: String?
    @Option(help: ArgumentHelp("public_transport, center_vehicle, taxi, walk or volunteer_car.", valueName: "transport")) var transport: String?
    @Option(help: ArgumentHelp("clinic, dialysis, rehab, tests, chemo or other.", valueName: "purpose")) var purpose: String?
    @Option(help: ArgumentHelp("Hours from pickup until the volunteer is free, e.g. 3 or 2.5.", valueName: "hours")) var hours: String?

    /// `base` with what was given; a value that cannot be read names its option.
    func schedule(over base: SeriesSchedule?) throws -> SeriesSchedule {
        var weekdays = base?.weekdays ?? []
        if let days {
            guard let parsed = TypedInput.weekdays(days), !parsed.isEmpty else { throw ValidationError("--days '\(days)' is not a list of weekdays like \"mon wed fri\"") }
            weekdays = parsed
        }
        var appointment = base?.appointment
        if let time {
            guard let parsed = TypedInput.time(time) else { throw ValidationError("--time '\(time)' is not a time like 09:30") }
            appointment = parsed
        }
        guard let appointment else { throw ValidationError("--time is required") }
        var pickupTime = base.map { ClockTime(minutes: appointment.minutes - ($0.appointment.minutes - $0.pickup.minutes)) }
            ?? ClockTime(minutes: max(0, appointment.minutes - 60))
        if let pickup {
            guard let parsed = TypedInput.time(pickup) else { throw ValidationError("--pickup '\(pickup)' is not a time like 08:30") }
            pickupTime = parsed
        }
        guard let place = hospital ?? base?.hospital else { throw ValidationError("--hospital is required") }
        var chosenTransport = base?.transport ?? .publicTransport
        if let transport {
            guard let parsed = Transport(word: transport) else { throw ValidationError("--transport '\(transport)' is not one of \(Transport.allCases.map(\.rawValue).joined(separator: ", "))") }
            chosenTransport = parsed
        }
        var chosenPurpose = base?.purpose ?? .clinic
        if let purpose {
            guard let parsed = Purpose(word: purpose) else { throw ValidationError("--purpose '\(purpose)' is not one of \(Purpose.allCases.map(\.rawValue).joined(separator: ", "))") }
            chosenPurpose = parsed
        }
        var minutes = base?.expectedMinutes ?? 180
        if let hours {
            guard let parsed = TypedInput.duration(hours) else { throw ValidationError("--hours '\(hours)' is not a number of hours like 3 or 2.5") }
            minutes = parsed
        }
        return SeriesSchedule(weekdays: weekdays, appointment: appointment, pickup: pickupTime, hospital: place,
                              department: department ?? base?.department ?? "", transport: chosenTransport, purpose: chosenPurpose,
                              expectedMinutes: minutes)
    }
}

struct SeriesNew: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new", abstract: "Make a standing series and its dates ahead.",
        discussion: "Refused, naming the option, when it overlaps another series of the same household or its times make no sense.")
    @OptionGroup var options: SeriesOptions
    @Option(help: "The household's id.") var household: Int64
    @OptionGroup var schedule: ScheduleOptions
    @Option(help: ArgumentHelp("The first day, YYYY-MM-DD (default: today).", valueName: "date")) var from: String?
    @Option(help: ArgumentHelp("The last day, YYYY-MM-DD (default: none, open-ended).", valueName: "date")) var until: String?
    @Option(help: "Notes for the volunteer.") var notes: String = ""

    func run() async throws {
        let planned = try schedule.schedule(over: nil)
        if planned.weekdays.isEmpty { throw ValidationError("--days is required") }
        try await options.run { store in
            let calendar = store.calendar
            let first = try from.map { try options.date($0, option: "--from", calendar: calendar) } ?? CivilDate(Date(), calendar: calendar)
            let last = try until.map { try options.date($0, option: "--until", calendar: calendar) }
            let outcome = try await store.createSeries(StandingSeries(householdID: household, schedule: planned, notes: notes,
                                                                      startsOn: first, endsOn: last), horizonDays: options.horizonDays)
            return SeriesOutput.outcome(outcome, format: options.format, language: options.language, calendar: calendar)
        }
    }
}

struct SeriesChangeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "change", abstract: "Change a series from a date on: days, times, hospital, transport.",
        discussion: """
            Assigned dates keep their volunteer where the change still fits them (the checks of a single assign); the \
            others are released with the reason and listed.
            """)
    @OptionGroup var options: SeriesOptions
    @Argument(help: "The series' id.") var id: Int64
    @Option(help: ArgumentHelp("From this day on, YYYY-MM-DD.", valueName: "date")) var from: String
    @OptionGroup var schedule: ScheduleOptions

    func run() async throws {
        try await options.run { store in
            let calendar = store.calendar
            let day = try options.date(from, option: "--from", calendar: calendar)
            let current = try await store.seriesPage(id: id).series
            let outcome = try await store.changeSeries(id: id, from: day, schedule: try schedule.schedule(over: current.schedule),
                                                       expectedVersion: current.version, horizonDays: options.horizonDays)
            return SeriesOutput.outcome(outcome, format: options.format, language: options.language, calendar: calendar)
        }
    }
}

struct SeriesPauseCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pause", abstract: "Pause a series from a day to a day (in hospital, travelling): its dates then are released.")
    @OptionGroup var options: SeriesOptions
    @Argument(help: "The series' id.") var id: Int64
    @Option(help: ArgumentHelp("The first day paused, YYYY-MM-DD.", valueName: "date")) var from: String
    @Option(help: ArgumentHelp("The last day paused, YYYY-MM-DD.", valueName: "date")) var to: String
    @Option(help: "Why (입원, 여행…).") var reason: String = ""

    func run() async throws {
        try await options.run { store in
            let calendar = store.calendar
            let outcome = try await store.pauseSeries(id: id, from: try options.date(from, option: "--from", calendar: calendar),
                                                      to: try options.date(to, option: "--to", calendar: calendar), reason: reason, expectedVersion: nil)
            return SeriesOutput.outcome(outcome, format: options.format, language: options.language, calendar: calendar)
        }
    }
}

struct SeriesResumeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "resume", abstract: "End a series' pause from a day on: the dates it left out are made again.")
    @OptionGroup var options: SeriesOptions
    @Argument(help: "The series' id.") var id: Int64
    @Option(help: ArgumentHelp("From this day, YYYY-MM-DD (default: today).", valueName: "date")) var on: String?

    func run() async throws {
        try await options.run { store in
            let calendar = store.calendar
            let day = try on.map { try options.date($0, option: "--on", calendar: calendar) } ?? CivilDate(Date(), calendar: calendar)
            let outcome = try await store.resumeSeries(id: id, on: day, expectedVersion: nil)
            return SeriesOutput.outcome(outcome, format: options.format, language: options.language, calendar: calendar)
        }
    }
}

struct SeriesEndCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "end", abstract: "End a series: its dates after the last day are cancelled.")
    @OptionGroup var options: SeriesOptions
    @Argument(help: "The series' id.") var id: Int64
    @Option(help: ArgumentHelp("The last day, YYYY-MM-DD (default: today).", valueName: "date")) var last: String?
    @Option(help: "Why.") var reason: String = ""

    func run() async throws {
        try await options.run { store in
            let calendar = store.calendar
            let outcome = try await store.endSeries(id: id, lastDay: try last.map { try options.date($0, option: "--last", calendar: calendar) },
                                                    reason: reason, expectedVersion: nil)
            return SeriesOutput.outcome(outcome, format: options.format, language: options.language, calendar: calendar)
        }
    }
}

struct SeriesAssignCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "assign", abstract: "Give a series its standing volunteer: every date ahead they can take is assigned.",
        discussion: "Each date is checked as a single assign is; the dates they cannot take are listed with why, to assign one by one.")
    @OptionGroup var options: SeriesOptions
    @Argument(help: "The series' id.") var id: Int64
    @Argument(help: "The volunteer's id.") var volunteerID: Int64

    func run() async throws {
        try await options.run { store in
            let outcome = try await store.assignSeries(id: id, volunteerID: volunteerID, expectedVersion: nil)
            return SeriesOutput.outcome(outcome, format: options.format, language: options.language, calendar: store.calendar)
        }
    }
}
