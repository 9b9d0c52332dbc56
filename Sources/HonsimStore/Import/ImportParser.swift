import Foundation
import HonsimCore

/// Reads the rows of a table as one kind of record. Headers may be Korean or English; every
/// cell that does not read is reported with its line and its column as the file names it, and
/// reading goes on so that one pass finds every problem.
struct ImportParser {
    let kind: ImportKind
    let dongs: DongDirectory
    let now: Date
    let calendar: Calendar
    private(set) var batch: ImportBatch
    /// Where each field's cells are in a record.
    private var columns: [ImportField: Int] = [:]

    init(kind: ImportKind, file: String, dongs: DongDirectory, now: Date, calendar: Calendar) {
        self.kind = kind
        self.dongs = dongs
        self.now = now
        self.calendar = calendar
        batch = ImportBatch(kind: kind, file: file)
    }

    var currentYear: Int { CivilDate(now, calendar: calendar).year }

    mutating func parse(_ table: CSVTable, progress: ImportProgress.Handler? = nil) -> ImportBatch {
        batch.rowCount = table.records.count
        readHeader(table.header)
        if table.records.isEmpty {
            batch.issues.append(DataIssue(file: batch.file, line: 2, field: "-", message: Phrase(
                ko: "머리글 아래에 행이 없습니다", en: "no rows below the header")))
        }
        // With a column missing every row would say so again: the header is fixed first.
        guard batch.issues.isEmpty else { return batch }
        for (index, record) in table.records.enumerated() {
            if index % 2_000 == 0 { progress?(ImportProgress(phase: .checking, done: index, total: table.records.count)) }
            if record.overflow > 0 {
                batch.issues.append(DataIssue(file: batch.file, line: record.line, field: "-", message: Phrase(
                    ko: "머리글보다 칸이 \(record.overflow)개 더 있습니다. 쉼표가 든 값은 큰따옴표로 감싸야 합니다",
                    en: "\(record.overflow) more cell(s) than the header has columns; a value holding a comma must be in double quotes")))
                continue
            }
            switch kind {
            case .households:
                if let household = household(record) { batch.households.append(ImportRow(line: record.line, record: household)) }
                if let eligibility = eligibility(record) { batch.eligibility[record.line] = eligibility }
            case .volunteers: if let volunteer = volunteer(record) { batch.volunteers.append(ImportRow(line: record.line, record: volunteer)) }
            case .requests: if let request = request(record) { batch.requests.append(ImportRow(line: record.line, record: request)) }
            }
        }
        progress?(ImportProgress(phase: .checking, done: table.records.count, total: table.records.count))
        return batch
    }

    private mutating func readHeader(_ header: [String]) {
        for (index, name) in header.enumerated() where !name.isEmpty {
            guard let field = ImportField(header: name, kind: kind) else {
                batch.ignoredColumns.append(name)
                continue
            }
            if let first = batch.columnNames[field] {
                batch.issues.append(DataIssue(file: batch.file, line: 1, field: name, message: Phrase(
                    ko: "'\(first)' 열과 같은 뜻의 열이 또 있습니다", en: "means the same as the column '\(first)'")))
                continue
            }
            columns[field] = index
            batch.columnNames[field] = name
        }
        for field in kind.required where columns[field] == nil {
            batch.issues.append(DataIssue(file: batch.file, line: 1, field: field.label,
                                          message: Phrase(ko: "필수 열이 없습니다", en: "required column is missing")))
        }
        if kind == .requests && columns[.householdID] == nil
            && [ImportField.name, .birthYear, .dong].contains(where: { columns[$0] == nil }) {
            batch.issues.append(DataIssue(file: batch.file, line: 1, field: ImportField.householdID.label, message: Phrase(
                ko: "대상자를 가리킬 열이 없습니다: 대상자번호, 또는 이름·생년·동",
                en: "no column names the household: household_id, or name, birth_year and dong")))
        }
    }

    // MARK: Cells

    func text(_ record: CSVTable.Record, _ field: ImportField) -> String { record.value(at: columns[field]) }

    func has(_ field: ImportField) -> Bool { columns[field] != nil }

    mutating func issue(_ record: CSVTable.Record, _ field: ImportField, ko: String, en: String) {
        batch.issues.append(batch.issue(record.line, field, ko: ko, en: en))
    }

    /// A value that must be there and must read.
    mutating func required<T>(_ record: CSVTable.Record, _ field: ImportField, _ expected: Expected,
                              _ parse: (String) -> T?) -> T? {
        let value = text(record, field)
        if value.isEmpty {
            issue(record, field, ko: "값이 비어 있습니다", en: "value is missing")
            return nil
        }
        return read(record, field, value, expected, parse)
    }

    /// A value that may be left empty (nil then, quietly) but must read when given.
    mutating func optional<T>(_ record: CSVTable.Record, _ field: ImportField, _ expected: Expected,
                              _ parse: (String) -> T?) -> T? {
        let value = text(record, field)
        return value.isEmpty ? nil : read(record, field, value, expected, parse)
    }

    private mutating func read<T>(_ record: CSVTable.Record, _ field: ImportField, _ value: String, _ expected: Expected,
                                  _ parse: (String) -> T?) -> T? {
        if let parsed = parse(value) { return parsed }
        let shown = Expected.show(value)
        issue(record, field, ko: "\(expected.ko): '\(shown)'\(expected.example.map { " (예: \($0))" } ?? "")",
              en: "\(expected.en): '\(shown)'\(expected.example.map { " (like \($0))" } ?? "")")
        return nil
    }

    /// Adds the domain's own validation of a row, on the columns it names, but for columns
    /// already reported since `start` (the record was built with stand-ins for those). True when
    /// the row has no problem at all.
    mutating func validation(_ record: CSVTable.Record, _ problems: [FieldIssue], since start: Int) -> Bool {
        let reported = Set(batch.issues[start...].map(\.field))
        for problem in problems {
            let column = ImportField(rawValue: problem.field).map(batch.column) ?? problem.field
            if !reported.contains(column) {
                batch.issues.append(DataIssue(file: batch.file, line: record.line, field: column, message: problem.message))
            }
        }
        return batch.issues.count == start
    }

    /// A dong by its current or former name or its code; "석수2동 행정복지센터" and
    /// "안양시 만안구 석수2동" name it too.
    static func dong(_ text: String, in dongs: DongDirectory) -> Dong? {
        if let dong = dongs.resolve(text) { return dong }
        var trimmed = text
        for suffix in ["행정복지센터", "주민센터", "주민자치센터"] where trimmed.hasSuffix(suffix) {
            trimmed = String(trimmed.dropLast(suffix.count)).trimmingSpaces()
        }
        if let dong = dongs.resolve(trimmed) { return dong }
        return trimmed.split(separator: " ").last.flatMap { dongs.resolve(String($0)) }
    }

    /// All words of a list cell, or nil when one of them is not understood.
    static func list<T>(_ text: String, _ word: (String) -> T?) -> Set<T>? {
        let words = SpreadsheetValues.words(text)
        let parsed = words.compactMap(word)
        return parsed.count == words.count ? Set(parsed) : nil
    }

    // MARK: Households and volunteers

    mutating func household(_ record: CSVTable.Record) -> Household? {
        let (dongs, year, start) = (self.dongs, currentYear, batch.issues.count)
        let name = required(record, .name, .name) { $0 }
        let birthYear = required(record, .birthYear, .year) { SpreadsheetValues.birthYear($0, currentYear: year) }
        let gender = required(record, .gender, .gender, Gender.init(word:))
        let dong = required(record, .dong, .dong) { ImportParser.dong($0, in: dongs) }
        let mobility = optional(record, .mobility, .mobility, Mobility.init(word:))
        let needs = optional(record, .needs, .needs) { ImportParser.list($0, Need.init(word:)) }
        let preferred = optional(record, .preferredVolunteerGender, .preference, ImportParser.preference)
        let consent = optional(record, .consentDate, .date) { SpreadsheetValues.date($0)?.date }
        // Stand-ins where a cell did not read, so that validation still looks at the others.
        let household = Household(
            id: 0, dongCode: dong?.code ?? "", name: name ?? "", birthYear: birthYear ?? year, gender: gender ?? .female,
            phone: SpreadsheetValues.phone(text(record, .phone)), address: text(record, .address), mobility: mobility ?? .none,
            needs: needs ?? [], preferredVolunteerGender: preferred ?? nil, caseManager: text(record, .caseManager),
            consentDate: consent, notes: text(record, .notes),
            family: FamilyContact(name: text(record, .familyName), relation: text(record, .familyRelation),
                                  phone: SpreadsheetValues.phone(text(record, .familyPhone))))
        return validation(record, Validation.household(household, dongs: dongs, currentYear: year), since: start) ? household : nil
    }

    /// A preferred volunteer gender, where 무관 (no matter) is an answer too.
    static func preference(_ text: String) -> Gender?? {
        if ["무관", "상관없음", "상관 없음", "없음", "-", "any"].contains(text.lowercased()) { return .some(nil) }
        return Gender(word: text).map { .some($0) }
    }

    mutating func volunteer(_ record: CSVTable.Record) -> Volunteer? {
        let (dongs, start) = (self.dongs, batch.issues.count)
        let name = required(record, .name, .name) { $0 }
        let dong = required(record, .dong, .dong) { ImportParser.dong($0, in: dongs) }
        let gender = required(record, .gender, .gender, Gender.init(word:))
        let skills = optional(record, .skills, .skills) { ImportParser.list($0, ImportParser.skill) }
        let hasCar = optional(record, .hasCar, .flag, Flag.parse)
        let cap = optional(record, .weeklyCapHours, .hours, SpreadsheetValues.hours)
        var availability = WeeklyAvailability()
        let hours = text(record, .availability)
        if !hours.isEmpty {
            do { availability = try SpreadsheetValues.availability(hours) } catch {
                issue(record, .availability, ko: "활동 시간을 읽을 수 없습니다: '\(Expected.show(hours))' (예: 월 09:00-13:00, 수 14:00-18:00)",
                      en: "cannot read the hours '\(Expected.show(hours))': \(error) (like mon 09:00-13:00, wed 14:00-18:00)")
            }
        }
        let trained = optional(record, .trainedOn, .date) { SpreadsheetValues.date($0)?.date }
        let insured = optional(record, .insuredUntil, .date) { SpreadsheetValues.date($0)?.date }
        let checked = optional(record, .backgroundCheckedOn, .date) { SpreadsheetValues.date($0)?.date }
        let consent = optional(record, .portalConsentOn, .date) { SpreadsheetValues.date($0)?.date }
        let volunteer = Volunteer(
            id: 0, dongCode: dong?.code ?? "", name: name ?? "", gender: gender ?? .female,
            phone: SpreadsheetValues.phone(text(record, .phone)),
            skills: skills ?? [], hasCar: hasCar ?? false, weeklyCapMinutes: (cap ?? 8) * 60, availability: availability,
            notes: text(record, .notes), trainedOn: trained, insuredUntil: insured, backgroundCheckedOn: checked, portalConsentOn: consent)
        return validation(record, Validation.volunteer(volunteer, dongs: dongs), since: start) ? volunteer : nil
    }

    /// Skills as honsim writes them, or a spoken language in Korean (영어, 중국어, 베트남어…).
    static func skill(_ word: String) -> Skill? {
        if let skill = Skill(word: word) { return skill }
        let languages = ["영어": "en", "중국어": "zh", "베트남어": "vi", "일본어": "ja", "러시아어": "ru", "태국어": "th",
                         "몽골어": "mn", "우즈베크어": "uz", "우즈벡어": "uz", "캄보디아어": "km", "크메르어": "km",
                         "필리핀어": "tl", "타갈로그어": "tl", "네팔어": "ne", "인도네시아어": "id"]
        return languages[word].map(Skill.language)
    }
}

/// What a cell should have held, for the message when it does not read.
struct Expected {
    let ko: String
    let en: String
    let example: String?

    static let name = Expected(ko: "이름이 아닙니다", en: "not a name", example: nil)
    static let year = Expected(ko: "생년이 아닙니다", en: "not a birth year", example: "1948")
    static let gender = Expected(ko: "성별이 아닙니다", en: "not a gender", example: "남, 여")
    static let dong = Expected(ko: "없는 동입니다", en: "unknown dong", example: nil)
    static let mobility = Expected(ko: "이동보조가 아닙니다", en: "not a mobility", example: "없음, 지팡이, 보행기, 휠체어")
    static let needs = Expected(ko: "필요 지원이 아닙니다", en: "not a list of needs", example: "청각, 시각, 인지, 언어")
    static let preference = Expected(ko: "성별이 아닙니다", en: "not a gender", example: "남, 여, 무관")
    static let date = Expected(ko: "날짜가 아닙니다", en: "not a date", example: "2026-12-03")
    static let time = Expected(ko: "시각이 아닙니다", en: "not a time", example: "10:30, 오후 2:30")
    static let skills = Expected(ko: "기술이 아닙니다", en: "not a list of skills", example: "휠체어, 수어, 요양보호사, 영어")
    static let flag = Expected(ko: "예/아니오가 아닙니다", en: "not yes or no", example: "예, 아니오")
    static let hours = Expected(ko: "시간 수가 아닙니다", en: "not a number of hours", example: "8")
    static let minutes = Expected(ko: "소요 시간이 아닙니다", en: "not a duration", example: "120, 2시간 30분")
    static let number = Expected(ko: "번호가 아닙니다", en: "not a number", example: "12")
    static let transport = Expected(ko: "교통수단이 아닙니다", en: "not a transport", example: "대중교통, 센터차량, 택시, 도보, 봉사자차량")
    static let purpose = Expected(ko: "목적이 아닙니다", en: "not a purpose", example: "진료, 투석, 재활, 검사, 항암, 기타")

    /// A cell as a message quotes it: no control characters, and not a whole paragraph.
    static func show(_ value: String) -> String {
        let clean = TerminalText.sanitize(value)
        return clean.count > 40 ? String(clean.prefix(39)) + "…" : clean
    }
}
