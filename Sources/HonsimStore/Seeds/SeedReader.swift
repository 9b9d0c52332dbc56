import Foundation
import HonsimCore

/// Reads the demo data: CSV files that a person can edit in a spreadsheet, with dates as day
/// offsets from today so that the demo is always current. Every problem is collected with its
/// file, line and field; nothing is returned unless the whole set is sound.
public struct SeedReader {
    public let folder: String
    public let today: CivilDate
    public let calendar: Calendar
    public let now: Date
    var issues: [DataIssue] = []

    public init(folder: String, now: Date = Date(), calendar: Calendar) {
        self.folder = folder
        self.now = now
        self.today = CivilDate(now, calendar: calendar)
        self.calendar = calendar
    }

    public static let files = ["dongs.csv", "households.csv", "volunteers.csv", "days_off.csv", "requests.csv"]

    public mutating func read() throws -> StoreData {
        let missing = SeedReader.files.filter { !FileManager.default.fileExists(atPath: path($0)) }
        if !missing.isEmpty {
            throw StoreError.invalidData(missing.map {
                DataIssue(file: $0, line: 0, field: "-", message: Phrase(ko: "파일이 없습니다 (\(folder))", en: "file not found in \(folder)"))
            })
        }
        let dongs = try readDongs(CSVTable(path: path("dongs.csv")))
        let directory = DongDirectory(dongs)
        let households = try readHouseholds(CSVTable(path: path("households.csv")), dongs: directory)
        var volunteers = try readVolunteers(CSVTable(path: path("volunteers.csv")), dongs: directory)
        try readDaysOff(CSVTable(path: path("days_off.csv")), into: &volunteers)
        let requests = try readRequests(CSVTable(path: path("requests.csv")), households: households, volunteers: volunteers)
        let eligibility = FileManager.default.fileExists(atPath: path(SeedReader.eligibilityFile))
            ? readEligibility(try CSVTable(path: path(SeedReader.eligibilityFile)), households: households) : [:]
        if !issues.isEmpty { throw StoreError.invalidData(issues) }
        var data = StoreData(dongs: dongs, households: households.values.sorted { $0.id < $1.id },
                             volunteers: volunteers.values.sorted { $0.id < $1.id }, requests: requests)
        let withFamily = Set(households.values.filter { !$0.family.isEmpty }.map(\.id))
        (data.attempts, data.bookings) = DemoDayBefore.make(requests, withFamily: withFamily, today: today, now: now, calendar: calendar)
        data.eligibility = eligibility
        data.expenses = DemoExpenses.make(requests, today: today, calendar: calendar)
        return data
    }

    private func path(_ file: String) -> String { URL(fileURLWithPath: folder).appendingPathComponent(file).path }

    mutating func issue(_ table: CSVTable, _ record: CSVTable.Record, _ field: String, ko: String, en: String) {
        issues.append(DataIssue(file: table.file, line: record.line, field: field, message: Phrase(ko: ko, en: en)))
    }

    /// Parses one field, reporting it when it does not parse; empty optional fields give nil quietly.
    mutating func field<T>(_ table: CSVTable, _ record: CSVTable.Record, _ column: String, optional: Bool = false,
                                   expected: Phrase, _ parse: (String) -> T?) -> T? {
        let text = record[column]
        if text.isEmpty && optional { return nil }
        if text.isEmpty {
            issue(table, record, column, ko: "값이 비어 있습니다", en: "value is missing")
            return nil
        }
        guard let value = parse(text) else {
            issue(table, record, column, ko: "'\(text)'은(는) \(expected.ko)이(가) 아닙니다", en: "'\(text)' is not \(expected.en)")
            return nil
        }
        return value
    }

    private mutating func checkIDs<T>(_ table: CSVTable, _ record: CSVTable.Record, id: Int64?, in existing: [Int64: T]) -> Int64? {
        guard let id else { return nil }
        if existing[id] != nil {
            issue(table, record, "id", ko: "중복된 번호입니다: \(id)", en: "duplicate id \(id)")
            return nil
        }
        return id
    }

    private mutating func readDongs(_ table: CSVTable) throws -> [Dong] {
        issues += table.missingColumns(["code", "name", "gu"])
        var dongs: [Dong] = []
        for record in table.records {
            guard let code = field(table, record, "code", expected: Phrase(ko: "동 코드", en: "a dong code"), { $0 }),
                  let name = field(table, record, "name", expected: Phrase(ko: "동 이름", en: "a dong name"), { $0 }),
                  let gu = field(table, record, "gu", expected: Phrase(ko: "구 이름", en: "a gu name"), { $0 }) else { continue }
            if dongs.contains(where: { $0.code == code || $0.name == name }) {
                issue(table, record, "code", ko: "중복된 동입니다: \(name)", en: "duplicate dong \(name)")
                continue
            }
            let year = field(table, record, "renamed_year", optional: true, expected: Phrase(ko: "연도", en: "a year")) { Int($0) }
            dongs.append(Dong(code: code, name: name, gu: gu, formerNames: Stored.words(record["former_names"]), renamedYear: year))
        }
        return dongs
    }

    private mutating func readHouseholds(_ table: CSVTable, dongs: DongDirectory) throws -> [Int64: Household] {
        issues += table.missingColumns(["id", "dong", "name", "birth_year", "gender"])
        var households: [Int64: Household] = [:]
        for record in table.records {
            let id = checkIDs(table, record, id: field(table, record, "id", expected: Phrase(ko: "번호", en: "a number")) { Int64($0) }, in: households)
            let dong = field(table, record, "dong", expected: Phrase(ko: "있는 동", en: "a known dong"), dongs.resolve)
            let name = field(table, record, "name", expected: Phrase(ko: "이름", en: "a name")) { $0 }
            let birthYear = field(table, record, "birth_year", expected: Phrase(ko: "생년(네 자리)", en: "a four-digit year")) { Int($0) }
            let gender = field(table, record, "gender", expected: Phrase(ko: "성별(남/여)", en: "a gender (남/여, M/F)"), Gender.init(word:))
            let mobility = field(table, record, "mobility", optional: true, expected: Phrase(ko: "이동보조(없음/지팡이/보행기/휠체어)", en: "a mobility (none, cane, walker, wheelchair)"), Mobility.init(word:))
            let needs = field(table, record, "needs", optional: true, expected: Phrase(ko: "필요(청각/시각/인지/언어)", en: "needs (hearing, vision, cognitive, language)")) { text in
                let words = Stored.words(text)
                let parsed = words.compactMap(Need.init(word:))
                return parsed.count == words.count ? Set(parsed) : nil
            }
            let preferred = field(table, record, "preferred_volunteer_gender", optional: true, expected: Phrase(ko: "성별(남/여)", en: "a gender"), Gender.init(word:))
            let consentDay = field(table, record, "consent_day", optional: true, expected: Phrase(ko: "오늘 기준 일수", en: "a day offset")) { Int($0) }
            guard let id, let dong, let name, let birthYear, let gender else { continue }
            let household = Household(
                id: id, dongCode: dong.code, name: name, birthYear: birthYear, gender: gender, phone: record["phone"],
                address: record["address"], mobility: mobility ?? .none, needs: needs ?? [], preferredVolunteerGender: preferred,
                caseManager: record["case_manager"], consentDate: consentDay.map { today.adding(days: $0, calendar: calendar) },
                notes: record["notes"],
                family: FamilyContact(name: record["family_name"], relation: record["family_relation"], phone: record["family_phone"]))
            for problem in Validation.household(household, dongs: dongs, currentYear: today.year) {
                issue(table, record, problem.field, ko: problem.message.ko, en: problem.message.en)
            }
            households[id] = household
        }
        return households
    }

    private mutating func readVolunteers(_ table: CSVTable, dongs: DongDirectory) throws -> [Int64: Volunteer] {
        issues += table.missingColumns(["id", "dong", "name", "gender", "weekly_cap_hours", "availability"])
        var volunteers: [Int64: Volunteer] = [:]
        for record in table.records {
            let id = checkIDs(table, record, id: field(table, record, "id", expected: Phrase(ko: "번호", en: "a number")) { Int64($0) }, in: volunteers)
            let dong = field(table, record, "dong", expected: Phrase(ko: "있는 동", en: "a known dong"), dongs.resolve)
            let name = field(table, record, "name", expected: Phrase(ko: "이름", en: "a name")) { $0 }
            let gender = field(table, record, "gender", expected: Phrase(ko: "성별(남/여)", en: "a gender (남/여, M/F)"), Gender.init(word:))
            let skills = field(table, record, "skills", optional: true, expected: Phrase(ko: "기술 목록", en: "a list of skills")) { text in
                let words = Stored.words(text)
                let parsed = words.compactMap(Skill.init(word:))
                return parsed.count == words.count ? Set(parsed) : nil
            }
            let hasCar = field(table, record, "has_car", optional: true, expected: Phrase(ko: "예/아니오", en: "yes or no"), Flag.parse)
            let cap = field(table, record, "weekly_cap_hours", expected: Phrase(ko: "시간 수", en: "a number of hours")) { Int($0) }
            var availability: WeeklyAvailability?
            do { availability = try WeeklyAvailability(parsing: record["availability"]) } catch {
                issue(table, record, "availability", ko: "활동 시간 형식 오류 (예: mon 09:00-13:00;wed 14:00-18:00): \(error)", en: error.description)
            }
            guard let id, let dong, let name, let gender, let cap, let availability else { continue }
            var volunteer = Volunteer(
                id: id, dongCode: dong.code, name: name, gender: gender, phone: record["phone"], skills: skills ?? [],
                hasCar: hasCar ?? false, weeklyCapMinutes: cap * 60, availability: availability, notes: record["notes"])
            credentials(table, record, of: &volunteer)
            for problem in Validation.volunteer(volunteer, dongs: dongs) {
                issue(table, record, problem.field, ko: problem.message.ko, en: problem.message.en)
            }
            volunteers[id] = volunteer
        }
        return volunteers
    }

    private mutating func readDaysOff(_ table: CSVTable, into volunteers: inout [Int64: Volunteer]) throws {
        issues += table.missingColumns(["volunteer_id", "from_day", "to_day"])
        for record in table.records {
            let id = field(table, record, "volunteer_id", expected: Phrase(ko: "봉사자 번호", en: "a volunteer id")) { Int64($0) }
            let from = field(table, record, "from_day", expected: Phrase(ko: "오늘 기준 일수", en: "a day offset")) { Int($0) }
            let to = field(table, record, "to_day", expected: Phrase(ko: "오늘 기준 일수", en: "a day offset")) { Int($0) }
            guard let id, let from, let to else { continue }
            guard volunteers[id] != nil else {
                issue(table, record, "volunteer_id", ko: "없는 봉사자입니다: \(id)", en: "no volunteer \(id)")
                continue
            }
            guard from <= to else {
                issue(table, record, "to_day", ko: "종료일이 시작일보다 앞섭니다", en: "ends before it starts")
                continue
            }
            volunteers[id]?.daysOff.append(DayOff(from: today.adding(days: from, calendar: calendar),
                                                  to: today.adding(days: to, calendar: calendar), reason: record["reason"]))
        }
    }

    func at(day offset: Int, _ time: ClockTime) -> Date {
        today.adding(days: offset, calendar: calendar).start(in: calendar).addingTimeInterval(TimeInterval(time.minutes * 60))
    }
}

/// yes/no in the words spreadsheets use.
enum Flag {
    static func parse(_ text: String) -> Bool? {
        switch text.trimmingSpaces().lowercased() {
        case "yes", "y", "true", "1", "예", "네", "o", "있음": return true
        case "no", "n", "false", "0", "아니오", "아니요", "x", "없음", "": return false
        default: return nil
        }
    }
}
