import ArgumentParser
import Foundation
import HonsimCore
import HonsimStore
import HonsimTUI

struct MessagesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "messages", abstract: "The reminder messages of a day, for a bulk-SMS service or the sender command.",
        discussion: """
            One message per side (volunteer, household) of each escort whose appointment falls on --day (tomorrow by \
            default) that has a phone, from the [messages] texts in config.toml. --format csv (the default) gives the \
            columns bulk-SMS web services take: phone, name, text. Only escorts of dongs you may see in full and change \
            are listed: a masked phone sends nothing. The list holds full phones: it is recorded in the access log first, \
            and a file written with --output is readable by you alone. Each message is recorded as prepared.
            --send runs the [messages] sender once per message (the text on standard input, the phone as its last \
            argument) and records each as sent or failed with its exit status; a message already sent for the same \
            escort, side and day is skipped unless --resend.
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable { case csv, text, json }

    @OptionGroup var options: StoreOptions
    @Option(help: ArgumentHelp("The day, YYYY-MM-DD (default: tomorrow).", valueName: "date")) var day: String?
    @Option(help: "csv, text or json.") var format: Format = .csv
    @OptionGroup var output: OutputOption
    @Flag(help: "Send each message with the [messages] sender command.") var send = false
    @Flag(help: "With --send: send again what was already sent.") var resend = false
    @Option(help: ArgumentHelp("A config file instead of $XDG_CONFIG_HOME/honsim/config.toml.", valueName: "path")) var config: String?

    func validate() throws {
        if let day, CivilDate(iso: day) == nil { throw ValidationError("--day '\(day)' is not a date like 2026-11-29") }
        if resend && !send { throw ValidationError("--resend goes with --send") }
        if send && output.output != nil { throw ValidationError("--send sends the messages; --output saves them: choose one") }
    }

    func run() async throws {
        let language = options.language
        let ko = language == .ko
        let (settings, settingsError) = DashboardConfig.load(path: config)
        for warning in settings.warnings { say("\(warning)") }
        if let settingsError {
            // Without the file the sender is not known: nothing is sent on a guess.
            say("\(settingsError); " + (send ? "nothing was sent" : "using the default texts"))
            if send { throw ExitCode(1) }
        }
        try await reportingErrors(language) {
            let store = try await options.open()
            let calendar = store.calendar
            let date = day.flatMap(CivilDate.init(iso:)) ?? CivilDate(Date(), calendar: calendar).adding(days: 1, calendar: calendar)
            let list = ReminderList(day: try await store.escorts(on: date), access: try await store.access(), settings: settings.reminders,
                                    calendar: calendar, dongs: try await store.dongs())
            if let withheld = list.withheldNotice(language: language) { say(withheld) }
            guard list.escortCount > 0 else { return say(ko ? "\(date): 이 날에는 동행이 없습니다" : "\(date): no escorts on this day") }
            guard !list.reminders.isEmpty else {
                if list.withheld > 0 {
                    say(ko ? "\(date): 전화번호를 전부 볼 수 있는 동행이 없어 문자 목록을 만들 수 없습니다(동 담당 코디네이터만 만들 수 있습니다)"
                        : "\(date): no escort whose phones you may see in full: only a coordinator of the dong can make the list")
                    throw ExitCode(1)
                }
                return say(ko ? "\(date): 전화번호가 있는 동행이 없습니다" : "\(date): no escort with a phone on file")
            }
            let dispatch = ReminderDispatch(store: store)
            if send { return try await sendAll(list, dispatch: dispatch, settings: settings.reminders, language: language) }
            let render: (ReminderList) throws -> String = { list in
                switch format {
                case .csv: try list.csv()
                case .json: list.json()
                case .text: list.text(language: language)
                }
            }
            if let path = output.output {
                let count = try await dispatch.save(list, contents: render) { try PrivateFile.write($0, to: path) }
                return say(ko ? "문자 \(count)건을 \(path)에 저장했습니다" : "saved \(count) message(s) to \(path)")
            }
            // Logged before it is shown: what cannot be logged does not leave.
            try await dispatch.logExport(list, kind: "messages \(date)")
            emit(try render(list))
            // A preview for a person is not a list handed to a service.
            if format != .text { try await dispatch.recordPrepared(list) }
        }
    }

    private func sendAll(_ list: ReminderList, dispatch: ReminderDispatch, settings: ReminderSettings, language: Language) async throws {
        guard let sender = SenderCommand(settings) else {
            say(language == .ko ? "보내기 프로그램이 설정되지 않았습니다: config.toml 의 [messages] sender"
                : "no sender is set: [messages] sender in config.toml")
            throw ExitCode(1)
        }
        let report = try await dispatch.send(list, with: sender, resend: resend) { line in
            emit(line.describe(language) + "\n")
        }
        emit(report.summary(language) + "\n")
        if report.failed > 0 { throw ExitCode(1) }
    }

    private func say(_ text: String) {
        FileHandle.standardError.write(Data("honsim: \(text)\n".utf8))
    }
}
