import CSV
import Foundation
import HonsimCore

/// Records as a table of named columns, written as CSV (with a header) or as a JSON array
/// of objects whose keys keep the column order. Numbers stay numbers in JSON.
public struct RecordTable: Sendable {
    public enum Value: Sendable, Hashable {
        case text(String)
        case number(Int64)
        case null

        var csv: String {
            switch self {
            case .text(let text): return text
            case .number(let number): return String(number)
            case .null: return ""
            }
        }
    }

    public var columns: [String]
    public var rows: [[Value]]

    public init(columns: [String], rows: [[Value]] = []) {
        self.columns = columns
        self.rows = rows
    }

    public func csv() throws -> String {
        let stream = OutputStream(toMemory: ())
        let writer = try CSVWriter(stream: stream)
        try writer.write(row: columns)
        for row in rows { try writer.write(row: row.map(\.csv)) }
        writer.stream.close()
        let data = stream.property(forKey: .dataWrittenToMemoryStreamKey) as? Data ?? Data()
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    /// CSV for a spreadsheet program: a text cell that begins with = + - @ (or a tab or carriage
    /// return) gets a leading ' so that Excel shows it as text instead of running it as a formula;
    /// names and notes come from people and files, and a cell like =HYPERLINK(…) must stay words.
    public func spreadsheetCSV() throws -> String {
        var safe = self
        safe.rows = rows.map { row in
            row.map { value in
                guard case .text(let text) = value, let first = text.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) else { return value }
                return .text("'" + text)
            }
        }
        return try safe.csv()
    }

    public func json() -> String {
        var out = "[\n"
        for (index, row) in rows.enumerated() {
            let fields = zip(columns, row).map { column, value -> String in
                let rendered: String
                switch value {
                case .text(let text): rendered = RecordTable.quote(text)
                case .number(let number): rendered = String(number)
                case .null: rendered = "null"
                }
                return "\(RecordTable.quote(column)): \(rendered)"
            }
            out += "  {" + fields.joined(separator: ", ") + "}" + (index + 1 < rows.count ? "," : "") + "\n"
        }
        return out + "]\n"
    }

    public static func quoteJSON(_ text: String) -> String { quote(text) }

    static func quote(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 { out += String(format: "\\u%04x", scalar.value) } else { out.unicodeScalars.append(scalar) }
            }
        }
        return out + "\""
    }
}

/// The store's records as export tables. Dates in the store's time zone, ISO 8601.
public struct Exporter: Sendable {
    public let calendar: Calendar
    /// Mask names and phones by the one masking rule: for exports shown at meetings.
    public let masked: Bool
    /// Whether records of a dong (nil: of no dong, such as volunteers) go out in full.
    let reveals: @Sendable (String?) -> Bool

    public init(calendar: Calendar, masked: Bool = false) {
        self.calendar = calendar
        self.masked = masked
        reveals = { _ in !masked }
    }

    /// Masked where the person may not see in full, as on their screen: a coordinator's
    /// export shows their own dongs' households in full, a viewer's none.
    public init(calendar: Calendar, access: Access, masked: Bool = false) {
        self.calendar = calendar
        self.masked = masked
        reveals = { !masked && access.seesFullDetails(dongCode: $0) }
    }

    /// Rows of these dongs that would go out in full: what the access log records of an export.
    public func revealedCount(_ dongCodes: [String?]) -> Int { dongCodes.filter(reveals).count }

    func stamp(_ date: Date?) -> RecordTable.Value {
        guard let date else { return .null }
        return .text("\(CivilDate(date, calendar: calendar))T\(ClockTime(date, calendar: calendar))")
    }

    func name(_ text: String, full: Bool) -> RecordTable.Value { .text(full ? text : Masking.name(text)) }
    func phone(_ text: String, full: Bool) -> RecordTable.Value { .text(full ? text : Masking.phone(text)) }
    func optional(_ number: Int64?) -> RecordTable.Value { number.map(RecordTable.Value.number) ?? .null }
    func optional(_ text: String?) -> RecordTable.Value { text.map(RecordTable.Value.text) ?? .null }

    public func households(_ households: [Household], dongs: DongDirectory) -> RecordTable {
        RecordTable(columns: ["id", "dong", "name", "birth_year", "gender", "phone", "address", "mobility", "needs",
                              "preferred_volunteer_gender", "case_manager", "consent_date", "notes", "closed",
                              "family_name", "family_relation", "family_phone"],
                    rows: households.map { h in
            let full = reveals(h.dongCode)
            return [.number(h.id), .text(dongs.dong(code: h.dongCode)?.name ?? h.dongCode), name(h.name, full: full), .number(Int64(h.birthYear)),
             .text(DomainPhrases.gender(h.gender).ko), phone(h.phone, full: full), .text(full ? h.address : Masking.address(h.address)),
             .text(h.mobility.rawValue), .text(h.needs.sorted().map(\.rawValue).joined(separator: ";")),
             optional(h.preferredVolunteerGender.map { DomainPhrases.gender($0).ko }), .text(h.caseManager),
             optional(h.consentDate?.description), .text(full ? h.notes : ""), .number(h.closed ? 1 : 0),
             name(h.family.name, full: full), .text(h.family.relation), phone(h.family.phone, full: full)]
        })
    }

    public func volunteers(_ volunteers: [Volunteer], dongs: DongDirectory) -> RecordTable {
        RecordTable(columns: ["id", "dong", "name", "gender", "phone", "skills", "has_car", "weekly_cap_hours", "availability",
                              "days_off", "notes", "closed"],
                    rows: volunteers.map { v in
            let full = reveals(nil)
            return [.number(v.id), .text(dongs.dong(code: v.dongCode)?.name ?? v.dongCode), name(v.name, full: full), .text(DomainPhrases.gender(v.gender).ko),
             phone(v.phone, full: full), .text(v.skills.sorted().map(\.description).joined(separator: ";")), .text(v.hasCar ? "yes" : "no"),
             .number(Int64(v.weeklyCapMinutes / 60)), .text(v.availability.description),
             .text(v.daysOff.map { "\($0.from)..\($0.to)" }.joined(separator: ";")), .text(full ? v.notes : ""),
             .number(v.closed ? 1 : 0)]
        })
    }

    public func requests(_ requests: [EscortRequest], dongs: DongDirectory) -> RecordTable {
        RecordTable(columns: ["id", "household_id", "dong", "hospital", "department", "appointment_at", "pickup_at", "pickup_place",
                              "return_trip", "transport", "purpose", "expected_minutes", "status", "volunteer_id", "series",
                              "created_at", "assigned_at", "actual_minutes", "outcome", "doctor_notes", "follow_up",
                              "cancel_reason", "notes", "version", "updated_at", "updated_by"],
                    rows: requests.map { r in
            let full = reveals(r.dongCode)
            return [.number(r.id), .number(r.householdID), .text(dongs.dong(code: r.dongCode)?.name ?? r.dongCode), .text(r.hospital),
             .text(r.department), stamp(r.appointmentAt), stamp(r.pickupAt), .text(r.pickupPlace), .text(r.returnTrip ? "yes" : "no"),
             .text(r.transport.rawValue), .text(r.purpose.rawValue), .number(Int64(r.expectedMinutes)), .text(r.status.rawValue),
             optional(r.volunteerID), optional(r.seriesID), stamp(r.createdAt), stamp(r.assignedAt),
             optional(r.completion.map { Int64($0.actualMinutes) }), optional(r.completion?.outcome),
             full ? optional(r.completion?.doctorNotes) : .null, optional(r.completion.map { $0.followUp ? "yes" : "no" }),
             optional(r.cancelReason), .text(full ? r.notes : ""), .number(Int64(r.version)), stamp(r.updatedAt), .text(r.updatedBy)]
        })
    }

    public func assignments(_ assignments: [Assignment]) -> RecordTable {
        RecordTable(columns: ["id", "request_id", "volunteer_id", "household_id", "starts_at", "ends_at", "state", "minutes",
                              "assigned_at", "assigned_by", "ended_at", "ended_by", "reason"],
                    rows: assignments.map { a in
            [.number(a.id), .number(a.requestID), .number(a.volunteerID), .number(a.householdID), stamp(a.span.start),
             stamp(a.span.end), .text(a.state.rawValue), .number(Int64(a.minutes)), stamp(a.assignedAt), .text(a.assignedBy),
             stamp(a.endedAt), optional(a.endedBy), optional(a.reason)]
        })
    }

    public func audit(_ entries: [AuditEntry]) -> RecordTable {
        RecordTable(columns: ["id", "at", "user", "action", "entity", "entity_id", "dong_code", "before", "after"],
                    rows: entries.map { e in
            [.number(e.id), stamp(e.at), .text(e.user), .text(e.action), .text(e.entity), .text(e.entityID),
             optional(e.dongCode), optional(reveals(e.dongCode) ? e.before : nil), optional(reveals(e.dongCode) ? e.after : nil)]
        })
    }
}
