import ArgumentParser
import Foundation
import HonsimCore
import HonsimStore
import HonsimTUI

/// `honsim rules`: the council's rules the store holds. Everyone reads them; an admin writes
/// them, from a TOML file (or the `[rules]` section of config.toml), so that a city-wide store
/// has one set of rules for every coordinator.
struct RulesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rules", abstract: "The council's rules: eligibility, limits per household, no-show flags.",
        discussion: """
            The store holds the rules that apply: the city's defaults and each dong council's own. An admin writes them with \
            'honsim rules import FILE' (a [rules] table, and [rules.dong."석수1동"] for a dong's differences); a rule \
            that makes no sense is named as file:line:key and the built-in default is used for it.
            """,
        subcommands: [RulesShowCommand.self, RulesImportCommand.self, HouseholdEligibilityCommand.self],
        defaultSubcommand: RulesShowCommand.self)
}

struct RulesShowCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "The rules that apply, the city's and each dong's.")
    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }
    @OptionGroup var options: StoreOptions
    @Option(help: "text or json.") var format: Format = .text

    func run() async throws {
        try await reportingErrors(options.language) {
            let store = try await options.open(readOnly: true)
            let book = try await store.councilRules()
            let dongs = try await store.dongs()
            switch format {
            case .json: emit(RulesText.json(book, dongs: dongs) + "\n")
            case .text: emit(RulesText.text(book, dongs: dongs, language: options.language))
            }
        }
    }
}

struct RulesImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import", abstract: "Replace the store's rules with those of a TOML file (admins only).",
        discussion: """
            FILE holds a [rules] table and [rules.dong."NAME"] tables (config.toml's own [rules] section when FILE is not \
            given). Each rule that makes no sense is named as file:line:key and the built-in default stands in for it. \
            With --dry-run nothing is written. Example: honsim rules import council-rules.toml --dry-run
            """)
    @OptionGroup var options: StoreOptions
    @Argument(help: ArgumentHelp("The rules file; config.toml when not given.", valueName: "file")) var file: String?
    @Flag(help: "Check the file and show the rules it gives; write nothing.") var dryRun = false

    func run() async throws {
        let path = file ?? DashboardConfig.defaultPath()
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
            FileHandle.standardError.write(Data("honsim: \(path): cannot be read as UTF-8 text\n".utf8))
            throw ExitCode(1)
        }
        let parsed = CouncilRulesFile.parse(text, file: path)
        try await reportingErrors(options.language) {
            let store = try await options.open(readOnly: dryRun)
            let dongs = try await store.dongs()
            let (book, problems) = parsed.book(dongs: dongs, file: path)
            for problem in problems { FileHandle.standardError.write(Data("honsim: \(problem)\n".utf8)) }
            if problems.contains(where: { $0.key == nil }) { throw ExitCode(1) }
            if !dryRun { try await store.setCouncilRules(book) }
            emit(RulesText.text(book, dongs: dongs, language: options.language))
            let ko = options.language == .ko
            emit(dryRun ? (ko ? "(시험: 저장하지 않았습니다)\n" : "(dry run: nothing written)\n")
                 : (ko ? "협의체 기준을 저장했습니다.\n" : "the council's rules are saved.\n"))
        }
    }
}

struct HouseholdEligibilityCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eligibility", abstract: "A household's categories, services elsewhere, uses against its limits and no-shows.",
        discussion: """
            Categories: 기초생활수급, 차상위, 사례관리 대상, 긴급 지원, 기타 (or basic_livelihood, near_poverty, case_managed, \
            emergency, other). Served elsewhere: 장기요양 등급, 노인맞춤돌봄, 장애인활동지원. Given, they replace what is \
            recorded ("" clears). Example: honsim rules eligibility 12 --categories 기초생활수급,사례관리
            """)
    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }
    @OptionGroup var options: StoreOptions
    @Argument(help: "The household's id.") var householdID: Int64
    @Option(help: ArgumentHelp("Categories, comma-separated.", valueName: "list")) var categories: String?
    @Option(help: ArgumentHelp("Services that serve the household elsewhere, comma-separated.", valueName: "list")) var servedElsewhere: String?
    @Option(help: "text or json.") var format: Format = .text

    func run() async throws {
        try await reportingErrors(options.language) {
            let store = try await options.open()
            if categories != nil || servedElsewhere != nil {
                var eligibility = try await store.eligibility(householdIDs: [householdID])[householdID] ?? HouseholdEligibility()
                if let categories {
                    eligibility.categories = try words(categories, field: "--categories", as: EligibilityCategory.init(word:))
                }
                if let servedElsewhere {
                    eligibility.servedElsewhere = try words(servedElsewhere, field: "--served-elsewhere", as: OtherService.init(word:))
                }
                try await store.setEligibility(householdID: householdID, eligibility)
            }
            let standing = try await store.householdStanding(id: householdID)
            switch format {
            case .json: emit(RulesText.json(standing) + "\n")
            case .text: emit(RulesText.standing(standing, language: options.language).map { $0 + "\n" }.joined())
            }
        }
    }

    private func words<T>(_ text: String, field: String, as make: (String) -> T?) throws -> Set<T> {
        switch HouseholdEligibility.parse(text, as: make) {
        case .success(let set): return set
        case .failure(let unknown):
            throw StoreError.invalidData([DataIssue(file: "command line", line: 1, field: field,
                                                    message: Phrase(ko: "'\(unknown.word)'은(는) 알 수 없는 구분입니다", en: "'\(unknown.word)' is not a known category"))])
        }
    }
}

/// The rules and a household's standing as the command line prints them.
enum RulesText {
    static func text(_ book: CouncilRuleBook, dongs: DongDirectory, language: Language) -> String {
        var lines = [(language == .ko ? "시 기본 기준" : "the city's defaults")] + describe(book.city, language: language).map { "  " + $0 }
        for code in book.dongs.keys.sorted() {
            guard let rules = book.dongs[code] else { continue }
            let name = dongs.dong(code: code)?.name ?? code
            let differences = describe(rules, language: language).filter { !describe(book.city, language: language).contains($0) }
            lines.append(name + (language == .ko ? " 협의체 (시 기준과 다른 것)" : " council (where it differs)"))
            lines += differences.map { "  " + $0 }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func describe(_ rules: CouncilRules, language: Language) -> [String] {
        let ko = language == .ko
        func limit(_ value: Int?, _ unit: String) -> String { value.map { "\($0)\(unit)" } ?? (ko ? "없음" : "none") }
        func yes(_ flag: Bool) -> String { flag ? (ko ? "예" : "yes") : (ko ? "아니요" : "no") }
        let categories = CouncilRulePhrases.list(rules.eligibleCategories, CouncilRulePhrases.category).text(language)
        let services = CouncilRulePhrases.list(rules.excludedServices, CouncilRulePhrases.service).text(language)
        return ko ? [
            "대상 구분: \(categories)", "제외(타 서비스 이용): \(services.isEmpty ? "없음" : services)",
            "구분 기록 필수: \(yes(rules.requireCategory))", "대상 외 예외 승인: \(yes(rules.eligibilityOverridable))",
            "월 이용 한도: \(limit(rules.usesPerMonth, "회"))", "연 이용 한도: \(limit(rules.usesPerYear, "회"))",
            "연 이용 시간 한도: \(limit(rules.hoursPerYear, "시간"))", "한도 초과 예외 승인: \(yes(rules.limitsOverridable))",
            "불참·늦은 취소: 최근 \(rules.noShowWindowDays)일 \(rules.noShowThreshold)회부터 표시, \(rules.lateCancelHours)시간 전 이후 취소는 늦은 취소",
        ] : [
            "eligible categories: \(categories)", "excluded (served elsewhere): \(services.isEmpty ? "none" : services)",
            "category required: \(yes(rules.requireCategory))", "override of eligibility: \(yes(rules.eligibilityOverridable))",
            "uses per month: \(limit(rules.usesPerMonth, ""))", "uses per year: \(limit(rules.usesPerYear, ""))",
            "hours per year: \(limit(rules.hoursPerYear, " h"))", "override of limits: \(yes(rules.limitsOverridable))",
            "no-shows and late cancellations: flagged from \(rules.noShowThreshold) in \(rules.noShowWindowDays) days; "
                + "late: less than \(rules.lateCancelHours) h before",
        ]
    }

    static func json(_ book: CouncilRuleBook, dongs: DongDirectory) -> String {
        struct Named: Encodable { let city: CouncilRules; let dongs: [String: CouncilRules] }
        var named: [String: CouncilRules] = [:]
        for (code, rules) in book.dongs { named[dongs.dong(code: code)?.name ?? code] = rules }
        return encode(Named(city: book.city, dongs: named))
    }

    static func json(_ standing: HouseholdStanding) -> String { encode(standing) }

    private static func encode<T: Encodable>(_ value: T) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        return (try? encoder.encode(value)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
    }

    static func standing(_ standing: HouseholdStanding, language: Language) -> [String] {
        let ko = language == .ko
        // A role that may not see the household in full is told so, not shown an empty list.
        let eligibility = standing.isMasked ? (ko ? "보이지 않음 (이 대상자의 동 담당자와 관리자만 봅니다)" : "not shown (only the household's dong's coordinators and admins see it)")
            : CouncilRulePhrases.eligibility(standing.eligibility).text(language)
        var lines = [(ko ? "대상 구분: " : "eligibility: ") + eligibility]
        if let finding = standing.finding { lines.append((ko ? "협의체 기준: " : "council rules: ") + finding.phrase.text(language)) }
        lines.append((ko ? "이용: " : "uses: ") + standing.usage.phrase.text(language))
        lines.append((standing.flagged ? "⚑ " : "") + standing.conduct.phrase.text(language))
        return lines
    }
}
