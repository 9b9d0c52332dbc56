import ArgumentParser
import Foundation
import HonsimCore
import HonsimStore

struct InitCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init", abstract: "Create a case store, or migrate an older one.",
        discussion: """
            A SQLite store is its owner's alone: its folder 0700, the store and its -wal and -shm 0600, whatever \
            the umask. --group NAME shares it with that group instead (the folder 2770, the files 0660): every \
            account in the group can then read and change every record in it, whatever its role in honsim.
            """)
    @OptionGroup var options: StoreOptions
    @Option(help: ArgumentHelp("Share a SQLite store with this group of OS accounts (folder 2770, files 0660).", valueName: "group"))
    var group: String?

    func validate() throws {
        if group != nil, PostgresURL.isPostgres(options.resolvedPath().path) {
            throw ValidationError("--group shares a SQLite store's files; a PostgreSQL store is shared by its roles (honsim users add)")
        }
        // The folder becomes the group's: never a home folder, which holds far more than the store.
        let folder = URL(fileURLWithPath: options.resolvedPath().path).deletingLastPathComponent().standardizedFileURL.path
        if group != nil, folder == URL(fileURLWithPath: NSHomeDirectory()).standardizedFileURL.path {
            throw ValidationError("--group would give the group your home folder \(folder); put the shared store in a folder of its own, e.g. --store /srv/honsim/cases.sqlite")
        }
    }

    func run() async throws {
        try await reportingErrors(options.language) {
            let ko = options.language == .ko
            var sharing = StoreSharing.owner
            if let group {
                sharing = try StoreSharing.group(named: group)
                let path = options.resolvedPath().path
                try StoreFiles.prepareFolder(URL(fileURLWithPath: path).deletingLastPathComponent().path, sharing: sharing)
            }
            let store = try await options.open(create: true, sharing: sharing)
            if case .group(let name, let id) = sharing {
                // A store made before, shared now: its files too.
                try StoreFiles.share(store.location, sharing: sharing)
                emit(Self.sharingNotice(group: name, members: StoreFiles.members(of: id), folder: URL(fileURLWithPath: store.location)
                    .deletingLastPathComponent().path, ko: ko))
            }
            let counts = try await store.counts()
            emit(ko
                 ? "저장소 준비됨: \(store.location) (대상자 \(counts.households), 봉사자 \(counts.volunteers), 요청 \(counts.requests))\n"
                 : "store ready: \(store.location) (\(counts.households) households, \(counts.volunteers) volunteers, \(counts.requests) requests)\n")
            // Whoever creates a store is its admin; say who, and how to add the others.
            let admins = try await store.users().filter { $0.role == .admin }.map(\.name).joined(separator: ", ")
            emit(ko ? "관리자: \(admins) (다른 사람은 'honsim users add'로 추가)\n"
                 : "admin: \(admins) (add others with 'honsim users add')\n")
            if let warning = options.exposureWarning() { emit(warning + "\n") }
        }
    }

    /// What sharing a SQLite store with a group means, said before anything else.
    static func sharingNotice(group: String, members: [String], folder: String, ko: Bool) -> String {
        let who = members.isEmpty ? (ko ? "아직 아무도 없음" : "nobody yet") : members.joined(separator: ", ")
        return ko
            ? """
              그룹 '\(group)'과 함께 쓰는 저장소입니다(폴더 \(folder) 2770, 파일 0660). 그룹의 모든 계정(\(who))이 \
              이름·전화·주소·진료 내용을 모두 읽고 바꿀 수 있습니다: honsim의 역할은 실수를 막을 뿐, 셸을 가진 동료를 막지 못합니다. \
              동마다 권한을 나누려면 PostgreSQL 저장소를 쓰세요.\n
              """
            : """
              the store is shared with group '\(group)' (folder \(folder) 2770, files 0660): every account in it (\(who)) \
              can read and change every name, phone, address and health note; honsim's roles guard against mistakes, \
              not against a colleague with a shell. To limit people to their dongs, use a PostgreSQL store.\n
              """
    }
}

struct SeedCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "seed", abstract: "Load the Anyang demo data into a store.",
        discussion: "Refuses a store that already holds data unless given --force. The audit log is kept either way.")
    @OptionGroup var options: StoreOptions
    @Option(help: ArgumentHelp("Folder of the demo CSV files.", valueName: "folder")) var dir: String?
    @Flag(help: "Replace the data of a store that already holds some.") var force = false

    func run() async throws {
        try await reportingErrors(options.language) {
            let store = try await options.open(create: true)
            let counts = try await Seeding.seed(store, folder: dir, replacing: force)
            emit(options.language == .ko
                 ? "씨앗 자료를 넣었습니다: 동 \(counts.dongs), 대상자 \(counts.households), 봉사자 \(counts.volunteers), 요청 \(counts.requests) → \(store.location)\n"
                 : "seeded \(counts.dongs) dongs, \(counts.households) households, \(counts.volunteers) volunteers, \(counts.requests) requests into \(store.location)\n")
        }
    }
}

struct DemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo", abstract: "Open the dashboard on a demo store (made and seeded on first use).",
        discussion: "The demo store lives in the data folder as demo.sqlite; --reset makes it anew, dated today.")
    @OptionGroup var options: StoreOptions
    @OptionGroup var display: DisplayOptions
    @Flag(help: "Make the demo store anew from the seeds.") var reset = false
    @Option(help: ArgumentHelp("Folder of the demo CSV files.", valueName: "folder")) var dir: String?

    func run() async throws {
        try await reportingErrors(options.language) {
            var options = options
            if options.store == nil {
                try DataFolder.make(DataFolder.path())
                options.store = DataFolder.path() + "/demo.sqlite"
            }
            let store = try await options.open(create: true)
            let counts = try await store.counts()
            if reset || counts.isEmpty {
                _ = try await Seeding.seed(store, folder: dir, replacing: true)
            }
            // Made and seeded as its creator; then, if asked, looked at through a read-only connection.
            let shown = display.readonly ? try await options.open(readOnly: true) : store
            try await Dashboard.open(store: shown, options: options, display: display)
        }
    }
}

/// Finds and loads the demo seeds.
enum Seeding {
    static func seed(_ store: any StoreImport & StoreReads & StandingSeriesStore, folder: String?, replacing: Bool) async throws -> StoreCounts {
        let folder = try folder ?? locateSeeds()
        var reader = SeedReader(folder: folder, calendar: store.calendar)
        let data = try reader.read()
        try await store.load(data, replacingExisting: replacing)
        // The demo's dialysis and rehabilitation trips are standing series, their dates made ahead.
        try await store.adoptRepeats()
        await SeriesHorizon.extend(store)
        return try await store.counts()
    }

    static func locateSeeds() throws -> String {
        if let found = PackageFolder.find("seeds") { return found }
        throw StoreError.invalidData([DataIssue(file: "seeds/dongs.csv", line: 0, field: "-", message: Phrase(
            ko: "씨앗 자료 폴더를 찾지 못했습니다. --dir로 알려 주세요", en: "cannot find the seeds folder; give it with --dir"))])
    }
}

struct CheckCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check", abstract: "Verify every invariant of the store; exit 1 on a violation.")
    @OptionGroup var options: StoreOptions

    func run() async throws {
        try await reportingErrors(options.language) {
            let store = try await options.open()
            // Said first, whatever the invariants: it is about who can read the file.
            if let warning = options.exposureWarning() { emit(warning + "\n") }
            let violations = try await store.checkInvariants()
            let counts = try await store.counts()
            if violations.isEmpty {
                emit(options.language == .ko
                     ? "이상 없음: 요청 \(counts.requests), 배정 \(counts.assignments), 감사 기록 \(counts.auditEntries)\n"
                     : "ok: \(counts.requests) requests, \(counts.assignments) assignments, \(counts.auditEntries) audit entries\n")
                return
            }
            for violation in violations { emit("\(violation)\n") }
            emit(options.language == .ko ? "위반 \(violations.count)건\n" : "\(violations.count) violation(s)\n")
            throw ExitCode(1)
        }
    }
}
