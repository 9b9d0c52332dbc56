import ArgumentParser
import Foundation
import HonsimCore
import HonsimStore

/// `honsim users`: who may do what in a store. People are OS user names, so someone who logs
/// in over SSH is recognised without a password of honsim's own.
struct UsersCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "users", abstract: "Who may do what: admins, coordinators of their dongs, and viewers.",
        discussion: """
            Roles: admin (everything, in every dong, and managing users), coordinator (changes requests of their dongs \
            and sees full personal data only there), viewer (sees, masked; changes nothing). An OS user not listed is a \
            viewer. The OS user who creates a store (honsim init, honsim demo) is its admin. Only an admin adds, changes \
            or removes users, and the last admin cannot be removed.
            """,
        subcommands: [ListUsers.self, AddUser.self, SetUser.self, RemoveUser.self, WhoAmI.self],
        defaultSubcommand: ListUsers.self)
}

/// The role and dongs options `add` and `set` share.
struct RoleOptions: ParsableArguments {
    @Option(help: ArgumentHelp("admin, coordinator, viewer or kiosk (관리자, 코디네이터, 열람자, 키오스크).", valueName: "role"))
    var role: String?
    @Option(help: ArgumentHelp("The dongs, by current or former name or code, comma-separated (repeatable).", valueName: "dongs"))
    var dongs: [String] = []
    @Option(help: ArgumentHelp("The person's name as colleagues know it.", valueName: "name"))
    var displayName: String?

    func parsedRole() throws -> Role? {
        guard let role else { return nil }
        guard let parsed = Role(word: role) else { throw StoreError.access(.unknownRole(word: role)) }
        return parsed
    }

    /// Nil when --dongs was not given; "--dongs ''" clears them.
    var parsedDongs: [String]? {
        dongs.isEmpty ? nil : dongs.flatMap { $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) } }
    }
}

/// A person's role and dongs in words: "코디네이터 — 석수2동, 충훈동".
struct UserDescription {
    let language: Language
    let dongs: DongDirectory

    func dongNames(_ codes: [String]) -> String {
        codes.map { dongs.dong(code: $0)?.name ?? $0 }.joined(separator: ", ")
    }

    func scope(role: Role, codes: [String]) -> String {
        if role == .admin { return language == .ko ? "모든 동" : "every dong" }
        if codes.isEmpty { return language == .ko ? "담당 동 없음" : "no dongs" }
        return dongNames(codes)
    }

    func line(_ user: StoreUser) -> String {
        let name = user.displayName.isEmpty ? user.name : "\(user.name) (\(TerminalText.sanitize(user.displayName)))"
        return "\(name): \(user.role.phrase.text(language)) — \(scope(role: user.role, codes: user.dongCodes))"
    }

    /// "added park (박지수): coordinator — 석수2동": what a change did, in one line.
    static func say(_ done: Phrase, _ user: StoreUser, store: any StoreReads, language: Language) async throws {
        emit(done.text(language) + UserDescription(language: language, dongs: try await store.dongs()).line(user) + "\n")
    }
}

struct ListUsers: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List the store's users, by role.")
    enum Format: String, ExpressibleByArgument, CaseIterable { case text, csv, json }
    @OptionGroup var options: StoreOptions
    @Option(help: "text, csv or json.") var format: Format = .text

    func run() async throws {
        try await reportingErrors(options.language) {
            let store = try await options.open()
            let users = try await store.users()
            let describe = UserDescription(language: options.language, dongs: try await store.dongs())
            let calendar = store.calendar
            let stamp = { (date: Date) in "\(CivilDate(date, calendar: calendar)) \(ClockTime(date, calendar: calendar))" }
            let table = RecordTable(columns: ["name", "display_name", "role", "dongs", "updated_at", "updated_by"], rows: users.map { user in
                [.text(user.name), .text(user.displayName), .text(user.role.rawValue), .text(describe.dongNames(user.dongCodes)),
                 .text(stamp(user.updatedAt)), .text(user.updatedBy)]
            })
            switch format {
            case .csv: emit(try table.csv())
            case .json: emit(table.json())
            case .text:
                let ko = options.language == .ko
                let rows = [ko ? ["이름", "표시 이름", "역할", "담당 동", "바뀐 때"] : ["name", "display name", "role", "dongs", "changed"]]
                    + users.map { user in
                        [user.name, TerminalText.sanitize(user.displayName), user.role.phrase.text(options.language),
                         describe.scope(role: user.role, codes: user.dongCodes), "\(stamp(user.updatedAt)) \(user.updatedBy)"]
                    }
                emit(TextColumns.render(rows))
                if users.isEmpty {
                    emit(ko ? "(사용자가 없습니다: 'honsim init'으로 저장소를 만든 사람이 관리자가 됩니다)\n"
                         : "(no users: whoever creates the store with 'honsim init' becomes its admin)\n")
                }
            }
        }
    }
}

struct AddUser: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add", abstract: "Add a person by OS user name (admins only).",
        discussion: "Example: honsim users add park --role coordinator --dongs 석수2동,충훈동 --display-name 박지수")
    @OptionGroup var options: StoreOptions
    @Argument(help: "The OS user name (as `whoami` prints it).") var name: String
    @OptionGroup var role: RoleOptions

    func run() async throws {
        try await reportingErrors(options.language) {
            guard let parsed = try role.parsedRole() else { throw ValidationError("--role is required: admin, coordinator, viewer or kiosk") }
            let store = try await options.open()
            let added = try await store.addUser(name: name, role: parsed, dongs: role.parsedDongs ?? [], displayName: role.displayName ?? "")
            try await UserDescription.say(Phrase(ko: "추가했습니다: ", en: "added "), added, store: store, language: options.language)
        }
    }
}

struct SetUser: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "set", abstract: "Change a person's role, dongs or display name (admins only).",
        discussion: "Only what is given changes. Example: honsim users set park --dongs 석수2동")
    @OptionGroup var options: StoreOptions
    @Argument(help: "The OS user name.") var name: String
    @OptionGroup var role: RoleOptions

    func run() async throws {
        try await reportingErrors(options.language) {
            let change = UserChange(role: try role.parsedRole(), dongs: role.parsedDongs, displayName: role.displayName)
            guard change != UserChange() else { throw ValidationError("nothing to change: give --role, --dongs or --display-name") }
            let store = try await options.open()
            let changed = try await store.updateUser(name: name, change)
            try await UserDescription.say(Phrase(ko: "바꿨습니다: ", en: "changed "), changed, store: store, language: options.language)
        }
    }
}

struct RemoveUser: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "remove", abstract: "Remove a person (admins only); they become a viewer. Never the last admin.")
    @OptionGroup var options: StoreOptions
    @Argument(help: "The OS user name.") var name: String

    func run() async throws {
        try await reportingErrors(options.language) {
            let store = try await options.open()
            try await store.removeUser(name: name)
            emit(options.language == .ko ? "지웠습니다: \(name) (이제 열람자)\n" : "removed \(name) (now a viewer)\n")
        }
    }
}

struct WhoAmI: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "whoami", abstract: "Your role and dongs in this store.")
    @OptionGroup var options: StoreOptions

    func run() async throws {
        try await reportingErrors(options.language) {
            let store = try await options.open()
            let access = try await store.access()
            let describe = UserDescription(language: options.language, dongs: try await store.dongs())
            // A kiosk's login says what it is, though it counts as a viewer everywhere.
            let role = access.registeredRole == .kiosk ? Role.kiosk : access.role
            var line = "\(access.user): \(role.phrase.text(options.language)) — "
                + describe.scope(role: role, codes: describe.dongs.dongs.map(\.code).filter(access.dongCodes.contains))
            if !access.isRegistered {
                line += options.language == .ko ? " (사용자 목록에 없음)" : " (not among the store's users)"
            }
            emit(line + "\n")
        }
    }
}

/// Plain columns lined up by display width, for a person reading a terminal (Hangul is two
/// columns wide, so counting characters would not line them up).
enum TextColumns {
    static func render(_ rows: [[String]]) -> String {
        let count = rows.map(\.count).max() ?? 0
        let widths = (0..<count).map { column in rows.map { column < $0.count ? DisplayWidth.of($0[column]) : 0 }.max() ?? 0 }
        return rows.map { row in
            row.enumerated().map { column, cell in
                column == row.count - 1 ? cell : cell + String(repeating: " ", count: widths[column] - DisplayWidth.of(cell))
            }.joined(separator: "  ")
        }.joined(separator: "\n") + "\n"
    }
}
