import Foundation
import HonsimCore
import TOMLKit

/// The council's rules as written in TOML, under `[rules]` (the city's defaults) and
/// `[rules.dong."석수1동"]` (a dong's council, only what differs from the city's):
///
///     [rules]
///     eligible_categories = ["기초생활수급", "차상위", "사례관리 대상", "긴급 지원"]
///     uses_per_month = 4
///     [rules.dong."석수1동"]
///     uses_per_month = 6
///
/// Where they live: the store holds the rules that apply (`honsim rules import FILE` writes
/// them, an admin only), so that on a city-wide store every coordinator works by the same
/// ones and no one's local config can quietly differ. This file, or the `[rules]` section of
/// a config.toml, is only what an admin imports. A rule that makes no sense (a negative limit,
/// an unknown category) is named as file:line:key, and the built-in default (for a dong: the
/// city's value) stands in for it: the rest of the file still counts.
public struct CouncilRulesFile: Sendable, Equatable {
    public var city: CouncilRules
    /// Each dong's rules by the name written, in the file's order, with the line that names it.
    public var dongs: [(name: String, line: Int?, rules: CouncilRules)]
    public var problems: [SettingsFileError]

    public static func == (a: Self, b: Self) -> Bool {
        a.city == b.city && a.problems == b.problems
            && a.dongs.map { "\($0.name)\($0.line ?? 0)" } == b.dongs.map { "\($0.name)\($0.line ?? 0)" }
            && a.dongs.map(\.rules) == b.dongs.map(\.rules)
    }

    static let keys = ["eligible_categories", "excluded_services", "require_category", "eligibility_override", "uses_per_month",
                       "uses_per_year", "hours_per_year", "limits_override", "no_show_window_days", "no_show_threshold",
                       "late_cancel_hours", "dong"]

    /// The rules of a whole file: its `[rules]` table. A file without one holds no rules (a
    /// problem, so that importing it does not silently reset a council's rules to the defaults).
    public static func parse(_ text: String, file: String) -> CouncilRulesFile {
        let table: TOMLTable
        do {
            table = try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            return CouncilRulesFile(city: CouncilRules(), dongs: [],
                                    problems: [SettingsFileError(file: file, line: error.source.begin.line, message: "not valid TOML: \(error.description)")])
        } catch {
            return CouncilRulesFile(city: CouncilRules(), dongs: [], problems: [SettingsFileError(file: file, message: "not valid TOML: \(error)")])
        }
        guard let rules = table["rules"]?.table else {
            return CouncilRulesFile(city: CouncilRules(), dongs: [],
                                    problems: [SettingsFileError(file: file, message: "no [rules] table: nothing to import")])
        }
        return parse(rules, text: text, file: file)
    }

    /// The rules of a `[rules]` table already parsed (from a config file).
    static func parse(_ rules: TOMLTable, text: String, file: String) -> CouncilRulesFile {
        var problems: [SettingsFileError] = []
        func problem(_ path: [String], _ message: String) {
            problems.append(SettingsFileError(file: file, line: TOMLLocation.line(of: path, in: text), key: path.joined(separator: "."), message: message))
        }
        let city = rulesTable(rules, base: CouncilRules(), path: ["rules"], text: text, problem: problem)
        var dongs: [(name: String, line: Int?, rules: CouncilRules)] = []
        if let dongTable = rules["dong"] {
            if let byName = dongTable.table {
                for name in ThemeLoader.inSourceOrder(byName.keys, under: ["rules", "dong"], in: text) {
                    let path = ["rules", "dong", name]
                    guard let own = byName[name]?.table else { problem(path, "expected a table of the dong's rules, found \(byName[name]?.kindDescription ?? "nothing")"); continue }
                    dongs.append((name, TOMLLocation.line(of: path, in: text), rulesTable(own, base: city, path: path, text: text, problem: problem)))
                }
            } else {
                problem(["rules", "dong"], "expected [rules.dong.\"동 이름\"] tables, found \(dongTable.kindDescription)")
            }
        }
        return CouncilRulesFile(city: city, dongs: dongs, problems: problems)
    }

    /// One scope's rules: `base` with what the table says; each key that makes no sense is a
    /// problem and keeps `base`'s value.
    private static func rulesTable(_ table: TOMLTable, base: CouncilRules, path: [String], text: String,
                                   problem: ([String], String) -> Void) -> CouncilRules {
        var rules = base
        for key in ThemeLoader.inSourceOrder(table.keys, under: path, in: text) {
            guard let value = table[key] else { continue }
            let at = path + [key]
            func found() -> String { "found \(value.kindDescription)" }
            func count(_ what: String, allowZero: Bool = true) -> Int?? {
                guard let number = value.int else { problem(at, "expected \(what) as a whole number, \(found()); the default is used"); return nil }
                if number < 0 || (!allowZero && number == 0) {
                    problem(at, "\(number) makes no sense for \(what) (\(allowZero ? "0 or more" : "1 or more")); the default is used")
                    return nil
                }
                return .some(number)
            }
            func flag() -> Bool? {
                guard let flag = value.bool else { problem(at, "expected true or false, \(found()); the default is used"); return nil }
                return flag
            }
            func words<T>(_ make: (String) -> T?, known: String) -> Set<T>? {
                guard let list = value.array else { problem(at, "expected a list like [\(known)], \(found()); the default is used"); return nil }
                var set = Set<T>()
                for item in list {
                    guard let word = item.string, let parsed = make(word) else {
                        problem(at, "\(item.string.map { "'\($0)'" } ?? item.kindDescription) is not one of \(known); the default is used")
                        return nil
                    }
                    set.insert(parsed)
                }
                return set
            }
            switch key {
            case "eligible_categories":
                rules.eligibleCategories = words(EligibilityCategory.init(word:), known: Self.categoryNames) ?? base.eligibleCategories
            case "excluded_services":
                rules.excludedServices = words(OtherService.init(word:), known: Self.serviceNames) ?? base.excludedServices
            case "require_category": rules.requireCategory = flag() ?? base.requireCategory
            case "eligibility_override": rules.eligibilityOverridable = flag() ?? base.eligibilityOverridable
            case "limits_override": rules.limitsOverridable = flag() ?? base.limitsOverridable
            // 0 is a limit too (no escorts at all); no key is no limit.
            case "uses_per_month": rules.usesPerMonth = count("uses a month") ?? base.usesPerMonth
            case "uses_per_year": rules.usesPerYear = count("uses a year") ?? base.usesPerYear
            case "hours_per_year": rules.hoursPerYear = count("hours a year") ?? base.hoursPerYear
            case "no_show_window_days": rules.noShowWindowDays = (count("days", allowZero: false) ?? nil) ?? base.noShowWindowDays
            case "no_show_threshold": rules.noShowThreshold = (count("no-shows and late cancellations", allowZero: false) ?? nil) ?? base.noShowThreshold
            case "late_cancel_hours": rules.lateCancelHours = (count("hours") ?? nil) ?? base.lateCancelHours
            case "dong" where path == ["rules"]: continue
            default:
                problem(at, "unknown rule (use \(keys.filter { $0 != "dong" }.joined(separator: ", ")))")
            }
        }
        return rules
    }

    static let categoryNames = "\"기초생활수급\", \"차상위\", \"사례관리 대상\", \"긴급 지원\", \"기타\""
    static let serviceNames = "\"장기요양 등급\", \"노인맞춤돌봄\", \"장애인활동지원\""

    /// The book the store keeps: dongs by code. A name that is no dong is a problem, and skipped.
    public func book(dongs directory: DongDirectory, file: String) -> (book: CouncilRuleBook, problems: [SettingsFileError]) {
        var book = CouncilRuleBook(city: city)
        var problems = problems
        for dong in dongs {
            guard let code = directory.resolve(dong.name)?.code else {
                problems.append(SettingsFileError(file: file, line: dong.line, key: "rules.dong.\(dong.name)", message: "no dong of that name; its rules are not used"))
                continue
            }
            book.dongs[code] = dong.rules
        }
        return (book, problems)
    }
}
