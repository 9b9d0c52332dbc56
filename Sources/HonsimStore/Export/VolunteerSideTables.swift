import Foundation
import HonsimCore

/// The volunteers' side as tables: the month's expenses and the hours for the national portal.
/// Volunteers belong to no household's dong: their names go out as the exporter reveals
/// records of no dong (in full, unless asked masked).
extension Exporter {
    /// One row per escort with expenses, with the ceiling it passed, if any.
    public func expenses(_ report: ExpenseReport, dongs: DongDirectory) -> RecordTable {
        RecordTable(columns: ["date", "request_id", "volunteer_id", "name", "dong", "fares", "parking", "meals", "total", "over_ceiling"],
                    rows: report.lines.map { line in
            [.text(line.day.description), .number(line.requestID), .number(line.volunteerID), name(line.volunteerName, full: reveals(nil)),
             .text(dongs.dong(code: line.dongCode)?.name ?? line.dongCode), .number(Int64(line.expenses.fares)),
             .number(Int64(line.expenses.parking)), .number(Int64(line.expenses.meals)), .number(Int64(line.expenses.total)),
             line.overCeiling.map { RecordTable.Value.number(Int64($0)) } ?? .null]
        })
    }

    /// The rows the portal takes: one per volunteer and day, at most 8 hours. The portal's own
    /// upload layout is not public; these columns say plainly what each holds.
    public func portalHours(_ export: PortalHours.Export, names: [Int64: String]) -> RecordTable {
        RecordTable(columns: ["volunteer_id", "name", "date", "activity", "escorts", "minutes", "hours"], rows: export.rows.map { row in
            [.number(row.volunteerID), name(names[row.volunteerID] ?? "#\(row.volunteerID)", full: reveals(nil)), .text(row.day.description),
             .text("병원 동행"), .number(Int64(row.escorts)), .number(Int64(row.minutes)),
             .text(String(format: "%.2f", Double(row.minutes) / 60))]
        })
    }

    /// Everything the portal's checks found, as one JSON object: what goes out, and apart from
    /// it the days over 8 hours, the activities too old, and the volunteers without consent.
    public func portalJSON(_ export: PortalHours.Export, month: String, names: [Int64: String]) -> String {
        func person(_ id: Int64) -> String {
            let value = name(names[id] ?? "#\(id)", full: reveals(nil))
            if case .text(let text) = value { return RecordTable.quoteJSON(text) }
            return "null"
        }
        let rows = portalHours(export, names: names).json().trimmingCharacters(in: .whitespacesAndNewlines)
        let over = export.overLimit.map {
            "{\"volunteer_id\": \($0.volunteerID), \"name\": \(person($0.volunteerID)), \"date\": \"\($0.day)\", \"minutes\": \($0.minutes), "
                + "\"excess_minutes\": \($0.excessMinutes)}"
        }
        let old = export.tooOld.map {
            "{\"volunteer_id\": \($0.volunteerID), \"name\": \(person($0.volunteerID)), \"date\": \"\($0.day)\", \"request_id\": \($0.requestID), "
                + "\"minutes\": \($0.minutes)}"
        }
        let missing = export.missingConsent.map {
            "{\"volunteer_id\": \($0.volunteerID), \"name\": \(person($0.volunteerID)), \"escorts\": \($0.escorts), \"minutes\": \($0.minutes)}"
        }
        func list(_ items: [String]) -> String { items.isEmpty ? "[]" : "[\n    " + items.joined(separator: ",\n    ") + "\n  ]" }
        return "{\n  \"month\": \"\(month)\",\n  \"rows\": \(rows.replacingOccurrences(of: "\n", with: "\n  ")),\n"
            + "  \"over_daily_limit\": \(list(over)),\n  \"too_old\": \(list(old)),\n  \"missing_consent\": \(list(missing))\n}\n"
    }
}
