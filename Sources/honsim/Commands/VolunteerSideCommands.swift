import ArgumentParser
import Foundation
import HonsimCore
import HonsimStore
import HonsimTUI

/// The expenses paid back with a completion, in won: `honsim complete ID --fares 2800`.
struct ExpenseOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Fares paid back (실비: 교통비), in won.", valueName: "won")) var fares: Int = 0
    @Option(help: ArgumentHelp("Parking paid back, in won.", valueName: "won")) var parking: Int = 0
    @Option(help: ArgumentHelp("Meals paid back, in won.", valueName: "won")) var meals: Int = 0

    var expenses: Expenses? {
        let found = Expenses(fares: fares, parking: parking, meals: meals)
        return found.isEmpty ? nil : found
    }

    func validate() throws {
        for issue in ExpenseRules.issues(Expenses(fares: fares, parking: parking, meals: meals)) {
            throw ValidationError("--\(issue.field) \(issue.message.en)")
        }
    }
}

extension CompleteCommand {
    /// As every move, and then the ceiling's warning, when the payment passes it.
    func run() async throws {
        try await reportingErrors(options.language) {
            let store = try await options.open()
            let request = try await store.perform(.complete, requestID: requestID, details: details, expectedVersion: nil)
            emit(await describe(request, store: store, language: options.language))
            if let paid = expenses.expenses,
               let warning = ExpenseRules.warning(paid, ceiling: try await store.volunteerSettings().expenseCeilingWon) {
                FileHandle.standardError.write(Data(("honsim: " + warning.text(options.language) + "\n").utf8))
            }
        }
    }
}

struct VolunteerCredentialsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "credentials", abstract: "Record a volunteer's training, accident insurance, background check and portal consent.",
        discussion: """
            Each date is recorded as given (2026-12-03, 12/3, 내일); "none" clears it. Without any option, shows what is \
            on record. A volunteer whose accident insurance has lapsed on an escort's day is excluded from matching; one \
            without valid training ranks lower, with the reason shown.
            """)
    @OptionGroup var options: StoreOptions
    @Argument(help: "The volunteer's id.") var volunteerID: Int64
    @Option(help: ArgumentHelp("The day the basic training was completed.", valueName: "date")) var trained: String?
    @Option(help: ArgumentHelp("The last day the accident insurance (자원봉사 상해보험) covers.", valueName: "date")) var insuredUntil: String?
    @Option(help: ArgumentHelp("The day of the background check.", valueName: "date")) var backgroundCheck: String?
    @Option(help: ArgumentHelp("The day the volunteer agreed to share their hours with the national portal.", valueName: "date"))
    var portalConsent: String?

    func run() async throws {
        let language = options.language
        try await reportingErrors(language) {
            let store = try await options.open()
            let calendar = store.calendar
            var volunteer = try await store.volunteer(id: volunteerID)
            func date(_ text: String?, _ option: String, _ current: CivilDate?) throws -> CivilDate? {
                guard let text else { return current }
                if text.lowercased() == "none" || text == "없음" { return nil }
                return try typedDate(text, option: option, calendar: calendar)
            }
            let changed = [trained, insuredUntil, backgroundCheck, portalConsent].contains { $0 != nil }
            volunteer.trainedOn = try date(trained, "--trained", volunteer.trainedOn)
            volunteer.insuredUntil = try date(insuredUntil, "--insured-until", volunteer.insuredUntil)
            volunteer.backgroundCheckedOn = try date(backgroundCheck, "--background-check", volunteer.backgroundCheckedOn)
            volunteer.portalConsentOn = try date(portalConsent, "--portal-consent", volunteer.portalConsentOn)
            if changed {
                volunteer = try await store.saveVolunteer(volunteer, expectedVersion: volunteer.version, allowDuplicate: true).volunteer
            }
            let rules = try await store.volunteerSettings().credentials
            emit(CredentialText.card(volunteer, rules: rules, today: CivilDate(Date(), calendar: calendar), calendar: calendar,
                                     language: language))
        }
    }
}

struct VolunteerExpiringCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "expiring", abstract: "Credentials that lapse within some days, or have lapsed: insurance, training, background check.",
        discussion: "Active volunteers only, soonest first. Exit status 0 whether or not anything is listed.")
    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }
    @OptionGroup var options: StoreOptions
    @Option(help: "How many days ahead.") var days: Int = 30
    @Option(help: "text or json.") var format: Format = .text

    func validate() throws {
        guard (0...3_660).contains(days) else { throw ValidationError("--days must be between 0 and 3660") }
    }

    func run() async throws {
        let language = options.language
        try await reportingErrors(language) {
            let store = try await options.open()
            let calendar = store.calendar
            let found = try await store.expiringCredentials(within: days, today: CivilDate(Date(), calendar: calendar))
            let volunteers = Dictionary(uniqueKeysWithValues: try await store.volunteers().map { ($0.id, $0) })
            let dongs = try await store.dongs()
            switch format {
            case .json:
                let table = RecordTable(columns: ["volunteer_id", "name", "dong", "credential", "valid_until", "days_left"], rows: found.map { item in
                    let volunteer = volunteers[item.volunteerID]
                    return [.number(item.volunteerID), .text(volunteer?.name ?? ""),
                            .text(volunteer.flatMap { dongs.dong(code: $0.dongCode)?.name } ?? ""), .text(item.credential.rawValue),
                            item.validUntil.map { RecordTable.Value.text($0.description) } ?? .null,
                            item.daysLeft.map { RecordTable.Value.number(Int64($0)) } ?? .null]
                })
                emit(table.json())
            case .text:
                emit(CredentialText.list(found, volunteers: volunteers, dongs: dongs, days: days, language: language))
            }
        }
    }
}

struct VolunteerRulesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rules", abstract: "The council's rules for credentials and expenses, kept in the store; shown, or changed by an admin.",
        discussion: """
            Every process that opens the store reads them: the assign check applies the insurance rule inside its \
            transaction. A dashboard already open ranks with the rules it opened with until it is started again.
            """)
    enum Lapse: String, ExpressibleByArgument, CaseIterable { case exclude, overridable }
    @OptionGroup var options: StoreOptions
    @Option(help: "A lapsed insurance: exclude (never sent), or overridable (sent after a confirmation).") var insuranceLapse: Lapse?
    @Option(help: ArgumentHelp("Months the basic training stays valid.", valueName: "months")) var trainingMonths: Int?
    @Option(help: ArgumentHelp("Months a background check stays valid.", valueName: "months")) var backgroundCheckMonths: Int?
    @Option(help: ArgumentHelp("What one escort may pay back, in won; past it the hours may not count as volunteering.", valueName: "won"))
    var expenseCeiling: Int?

    func validate() throws {
        if let trainingMonths, !(1...240).contains(trainingMonths) { throw ValidationError("--training-months must be between 1 and 240") }
        if let backgroundCheckMonths, !(1...240).contains(backgroundCheckMonths) {
            throw ValidationError("--background-check-months must be between 1 and 240")
        }
        if let expenseCeiling, expenseCeiling < 0 { throw ValidationError("--expense-ceiling must be 0 or more") }
    }

    func run() async throws {
        let ko = options.language == .ko
        try await reportingErrors(options.language) {
            let store = try await options.open()
            var settings = try await store.volunteerSettings()
            if let insuranceLapse { settings.credentials.insuranceLapseOverridable = insuranceLapse == .overridable }
            if let trainingMonths { settings.credentials.trainingValidMonths = trainingMonths }
            if let backgroundCheckMonths { settings.credentials.backgroundCheckValidMonths = backgroundCheckMonths }
            if let expenseCeiling { settings.expenseCeilingWon = expenseCeiling }
            if insuranceLapse != nil || trainingMonths != nil || backgroundCheckMonths != nil || expenseCeiling != nil {
                try await store.setVolunteerSettings(settings)
            }
            let c = settings.credentials
            emit(ko ? """
                상해보험 만료: \(c.insuranceLapseOverridable ? "확인 후 배정 가능 (overridable)" : "배정 불가 (exclude)")
                기본 교육 유효: \(c.trainingValidMonths)개월
                범죄경력 조회 유효: \(c.backgroundCheckValidMonths)개월
                동행 1건 실비 한도: \(ExpenseRules.won(settings.expenseCeilingWon))

                """ : """
                lapsed insurance: \(c.insuranceLapseOverridable ? "overridable" : "exclude")
                training valid: \(c.trainingValidMonths) months
                background check valid: \(c.backgroundCheckValidMonths) months
                expense ceiling per escort: \(ExpenseRules.grouped(settings.expenseCeilingWon)) won

                """)
        }
    }
}

struct ExpensesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "expenses", abstract: "A month's expenses paid back to volunteers (실비), by volunteer and by dong.",
        discussion: """
            Expenses are recorded with the completion of an escort (`honsim complete ID --fares N`, or the dashboard's \
            completion form). A payment past the ceiling per escort (`honsim volunteer rules`) is marked: then the hours \
            may not count as volunteering. CSV and JSON have one row per escort.
            """)
    enum Format: String, ExpressibleByArgument, CaseIterable { case text, csv, json }
    @OptionGroup var options: StoreOptions
    @Option(help: ArgumentHelp("The month.", valueName: "YYYY-MM")) var month: String
    @Option(help: "text, csv or json.") var format: Format = .text
    @OptionGroup var output: OutputOption

    func validate() throws {
        guard HoursCommand.parse(month) != nil else { throw ValidationError("--month '\(month)' is not a month like 2026-11") }
    }

    func run() async throws {
        let language = options.language
        try await reportingErrors(language) {
            guard let (year, number) = HoursCommand.parse(month) else { return }
            let store = try await options.open()
            let report = try await store.expenseReport(year: year, month: number)
            let dongs = try await store.dongs()
            let table = Exporter(calendar: store.calendar).expenses(report, dongs: dongs)
            switch format {
            case .csv: try output.write(try table.spreadsheetCSV())
            case .json: try output.write(table.json())
            case .text: try output.write(ExpenseText.report(report, dongs: dongs, language: language))
            }
        }
    }
}

extension HoursCommand {
    /// The portal's rows, and apart from them what its checks leave out, each in words.
    func writePortal(_ store: any CaseStore, year: Int, month number: Int, json: Bool) async throws {
        let calendar = store.calendar
        let export = try await store.portalHours(year: year, month: number, today: CivilDate(Date(), calendar: calendar))
        let names = Dictionary(uniqueKeysWithValues: try await store.volunteers().map { ($0.id, $0.name) })
        let exporter = Exporter(calendar: calendar)
        if json {
            try output.write(exporter.portalJSON(export, month: month, names: names))
            return
        }
        try output.write(try exporter.portalHours(export, names: names).spreadsheetCSV())
        let notes = PortalText.leftOut(export, names: names, language: options.language)
        if !notes.isEmpty { FileHandle.standardError.write(Data(notes.utf8)) }
    }
}
