import ArgumentParser
import Foundation
import HonsimCore
import HonsimStore

/// `honsim-bench import`: a households spreadsheet as large as a city's (200,000 rows by
/// default) imported the way `honsim import` does it, each step timed: reading and decoding
/// the file, reading its rows as households, and the store's check and write in one
/// transaction. Each run starts from a new store holding only the dongs (and, with
/// --existing, that many households to check duplicates against). With `--store postgres://…`
/// the runs import into that PostgreSQL store instead, each replacing its data first.
struct ImportBenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import", abstract: "Measure importing a large households CSV (target: 200,000 rows under 10 s).")

    enum Encoding: String, ExpressibleByArgument, CaseIterable { case utf8, cp949 }

    @Option var households = 200_000
    @Option(help: "Households already in the store, checked for duplicates.") var existing = 0
    @Option var dongs = 500
    @Option(help: "The file's encoding: utf8 or cp949 (as Korean Excel saves CSV).") var encoding: Encoding = .utf8
    @Option(help: "Runs, each on a new store; the median is reported.") var runs = 3
    @Option(help: "Seed of the random generator.") var seed: UInt64 = 1
    @Flag(help: "Print the results as JSON instead of a table.") var json = false
    @Option(help: ArgumentHelp("""
        A PostgreSQL store (made by 'honsim init', the URL's role one of its admins) to import into \
        instead of a new SQLite file per run. Each run replaces its data, as 'honsim seed --force' does.
        """, valueName: "postgres://…")) var store: String?

    func validate() throws {
        guard households > 0, existing >= 0, dongs > 0, runs > 0 else { throw ValidationError("sizes must be positive") }
        if let store, !PostgresURL.isPostgres(store) { throw ValidationError("--store takes a postgres:// URL; without it each run makes a SQLite file") }
    }

    func run() async throws {
        let log = ProgressLog()
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("honsim-import-bench-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }

        var rng = SplitMix64(seed: seed)
        let spec = GenerateSpec(dongs: dongs, households: 1, volunteers: 1, requests: 0, seed: seed, now: Date())
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: SQLiteStore.defaultTimeZone) ?? .current
        let places = Population.make(spec, calendar: calendar, rng: &rng).dongs
        let (stored, text) = Self.people(households: households, existing: existing, dongs: places, rng: &rng)
        var bytes = Data(text.utf8)
        if encoding == .cp949 { bytes = try Self.iconv(bytes, to: "CP949") }
        let csv = folder.appendingPathComponent("households.csv").path
        try bytes.write(to: URL(fileURLWithPath: csv))
        log.note("\(Grouping.thousands(households)) households in \(FileSizes.human(Int64(bytes.count))) of \(encoding.rawValue) CSV; "
            + "\(Grouping.thousands(existing)) already stored; \(dongs) dongs")

        var phases: [String: [Duration]] = [:]
        var outcome: ImportOutcome?
        for run in 1...runs {
            let path = folder.appendingPathComponent("run\(run).sqlite").path
            let store = try await open(path)
            try await store.load(StoreData(dongs: places, households: stored), replacingExisting: self.store != nil)
            let started = ContinuousClock.now
            let file = try ImportFile.read(path: csv)
            let read = ContinuousClock.now
            let batch = file.parse(as: .households, dongs: try await store.dongs(), now: Date(), calendar: store.calendar)
            let parsed = ContinuousClock.now
            guard batch.issues.isEmpty else {
                throw ValidationError("the generated file has problems: \(batch.issues.prefix(3).map { $0.description(.en) })")
            }
            outcome = try await store.importRecords(batch, dryRun: false, progress: nil)
            let written = ContinuousClock.now
            phases["1 read and decode the file", default: []].append(read - started)
            phases["2 read the rows as households", default: []].append(parsed - read)
            phases["3 check and write (one transaction)", default: []].append(written - parsed)
            phases["import, all of it", default: []].append(written - started)
            log.note(String(format: "run %d: %.2f s", run, Measure.milliseconds(written - started) / 1_000))
            (store as? PostgresStore)?.close()
            for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
        }
        let rows = "\(Grouping.thousands(outcome?.count ?? 0)) rows"
        let summaries = phases.keys.sorted().map { name in
            Summary(name: name, targetMs: 10_000, result: rows, durations: phases[name] ?? [])
        }
        try Measure.report(summaries, json: json, note: store.map { "(into PostgreSQL: \((try? PostgresURL($0).display) ?? $0))" })
    }

    /// A new SQLite file, or the PostgreSQL store.
    private func open(_ path: String) async throws -> any CaseStore {
        if let store { return try await PostgresStore.open(try PostgresURL(store)) }
        return try SQLiteStore(path: path, user: "bench", create: true)
    }

    /// Distinct people (no two share a name, birth year and dong, or the import would refuse
    /// them as duplicates), the first `existing` as stored households and the rest as a CSV
    /// with Korean headers, quoted addresses holding commas, and Korean words for mobility and needs.
    static func people(households: Int, existing: Int, dongs: [Dong], rng: inout SplitMix64) -> (stored: [Household], csv: String) {
        var seen: Set<String> = []
        var stored: [Household] = []
        var csv = "이름,생년,성별,동,연락처,주소,이동보조,필요,담당자\n"
        let mobility = ["없음", "없음", "지팡이", "보행기", "휠체어"]
        let needs = ["", "", "", "청각", "시각", "인지", "청각;인지"]
        while seen.count < households + existing {
            let gender: Gender = rng.chance(0.7) ? .female : .male
            let name = SyntheticNames.personName(gender: gender, rng: &rng)
            let year = rng.int(1928...1965)
            let dong = rng.pick(dongs)
            guard seen.insert("\(name)|\(year)|\(dong.code)").inserted else { continue }
            let phone = SyntheticNames.phone(rng: &rng)
            if stored.count < existing {
                stored.append(Household(id: Int64(stored.count + 1), dongCode: dong.code, name: name, birthYear: year, gender: gender, phone: phone))
                continue
            }
            let address = "\"안양시 \(dong.gu) \(rng.pick(SyntheticNames.roads)) \(rng.int(1...400)), \(rng.int(101...120))동 \(rng.int(1...20))0\(rng.int(1...6))호\""
            csv += "\(name),\(year),\(gender == .female ? "여" : "남"),\(dong.name),\(phone),\(address),\(rng.pick(mobility)),"
                + "\(rng.pick(needs)),\(rng.pick(SyntheticNames.caseManagers))\n"
        }
        return (stored, csv)
    }

    /// The bytes in another encoding, by the system's iconv program (as a spreadsheet would save them).
    static func iconv(_ data: Data, to encoding: String) throws -> Data {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["iconv", "-f", "UTF-8", "-t", encoding]
        let input = Pipe(), output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        let writer = Thread {
            input.fileHandleForWriting.write(data)
            try? input.fileHandleForWriting.close()
        }
        writer.start()
        let converted = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw ValidationError("iconv could not convert the file to \(encoding)") }
        return converted
    }
}
