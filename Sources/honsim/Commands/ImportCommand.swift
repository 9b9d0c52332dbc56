import ArgumentParser
import Foundation
import HonsimCore
import HonsimStore
import HonsimTUI

extension ImportKind: ExpressibleByArgument {
    /// households|volunteers|requests, or the Korean words 대상자, 봉사자, 요청.
    public init?(argument: String) {
        switch argument.lowercased() {
        case "households", "household", "대상자": self = .households
        case "volunteers", "volunteer", "봉사자": self = .volunteers
        case "requests", "request", "요청", "동행요청": self = .requests
        default: return nil
        }
    }
}

struct ImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import", abstract: "Bring households, volunteers or requests in from a CSV or .xlsx file.",
        discussion: """
            CSV in UTF-8 (with or without a BOM), CP949/EUC-KR as Korean Excel saves it, or UTF-16 \
            ("Unicode text"); or the first sheet of an .xlsx workbook (--sheet for another). \
            Headers may be Korean or English: 이름/name, 생년/birth_year, 성별/gender, 동/dong, \
            연락처/phone, 주소/address, 이동보조/mobility, and so on (see docs/reference.md). Requests name \
            their household by 대상자번호/household_id, or by 이름, 생년 and 동, and enter as pending.

            All or nothing: every bad row is reported as file:line: column: reason (the header is \
            line 1), and then nothing is imported. --dry-run checks everything and writes nothing.
            """)

    @OptionGroup var options: StoreOptions
    @Argument(help: ArgumentHelp("What the file holds.", valueName: "households|volunteers|requests")) var kind: ImportKind
    @Argument(help: ArgumentHelp("The CSV or .xlsx file.", valueName: "file")) var file: String
    @Flag(help: "Check everything and report, but write nothing.") var dryRun = false
    @Option(help: ArgumentHelp("The sheet of an .xlsx workbook to read (default: the first).", valueName: "name")) var sheet: String?

    /// How many problems are listed before the rest are only counted.
    static let listed = 200

    func run() async throws {
        let language = options.language
        try await reportingErrors(language) { try await importFile(language) }
    }

    private func importFile(_ language: Language) async throws {
        let store = try await options.open()
        let bar = LineProgress.onTerminal(title: language == .ko ? "가져오기" : "import", language: language)
        let outcome: ImportOutcome
        do {
            defer { bar?.finish() }
            outcome = try await Importer.run(path: file, kind: kind, into: store, dryRun: dryRun, sheet: sheet, progress: bar?.handler)
        } catch StoreError.invalidData(let issues) {
            FileHandle.standardError.write(Data(ImportCommand.report(issues, file: file, dryRun: dryRun, language: language).utf8))
            throw ExitCode(1)
        }
        for note in outcome.notes(language) { FileHandle.standardError.write(Data("honsim: \(note)\n".utf8)) }
        emit(outcome.summary(language) + "\n")
    }

    /// Every problem, one a line, up to `listed`; then how many more.
    static func report(_ issues: [DataIssue], file: String, dryRun: Bool, language: Language) -> String {
        let name = URL(fileURLWithPath: file).lastPathComponent
        let count = Grouping.thousands(issues.count)
        var lines = [language == .ko
            ? "honsim: \(name): 문제 \(count)건이 있어 아무것도 가져오지 않았습니다\(dryRun ? " (--dry-run)" : "")"
            : "honsim: \(name): nothing was imported: \(count) problem(s)\(dryRun ? " (--dry-run)" : "")"]
        lines += issues.prefix(listed).map { "  " + TerminalText.sanitize($0.description(language)) }
        if issues.count > listed {
            let rest = Grouping.thousands(issues.count - listed)
            lines.append(language == .ko ? "  … 그 밖에 \(rest)건" : "  … and \(rest) more")
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
