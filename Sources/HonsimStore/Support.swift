import Foundation
import HonsimCore

/// A value guarded by a lock, for the few caches that background tasks share.
final class Locked<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Value

    init(_ value: Value) { self.value = value }

    func withLock<T>(_ body: (inout Value) throws -> T) rethrows -> T {
        lock.lock()
        defer { lock.unlock() }
        return try body(&value)
    }
}

/// Who is at the keyboard: the OS user, as the audit log records it.
public enum OSUser {
    public static var current: String {
        if let pw = getpwuid(geteuid()), let name = pw.pointee.pw_name { return String(cString: name) }
        return ProcessInfo.processInfo.environment["USER"] ?? "unknown"
    }
}

/// The week and month an escort counts toward, in the store's calendar.
enum LoadPeriod {
    static func week(_ date: Date, calendar: Calendar) -> String {
        let day = CivilDate(date, calendar: calendar)
        let monday = day.adding(days: -(Weekday(date, calendar: calendar).rawValue - 1), calendar: calendar)
        return "W\(monday)"
    }

    static func month(_ date: Date, calendar: Calendar) -> String {
        let day = CivilDate(date, calendar: calendar)
        return String(format: "M%04d-%02d", day.year, day.month)
    }
}

/// Compact JSON of a record for the audit log's before and after.
enum AuditJSON {
    static func encode<T: Encodable>(_ value: T?) -> String? {
        guard let value else { return nil }
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(value) else { return nil }
        return String(decoding: data, as: UTF8.self)
    }

    static func decode<T: Decodable>(_ type: T.Type, from text: String?) -> T? {
        guard let text else { return nil }
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return try? decoder.decode(type, from: Data(text.utf8))
    }
}

extension AuditEntry {
    /// The request as it was before the change, when the entry is about a request.
    public var requestBefore: EscortRequest? { entity == "request" ? AuditJSON.decode(EscortRequest.self, from: before) : nil }
    /// The request as the change left it.
    public var requestAfter: EscortRequest? { entity == "request" ? AuditJSON.decode(EscortRequest.self, from: after) : nil }
}
