import Foundation
import HonsimCore

/// What a privacy officer needs of a store: destroying personal details no longer needed
/// (개인정보 파기) and reading who saw whose (개인정보 열람 기록).
public protocol StorePrivacy: StoreIdentity {
    /// Anonymises in place the households closed before `closedBefore` (and not purged yet) and
    /// their escorts' personal details: names, phones, addresses, notes, what the doctor said,
    /// and the copies of them the audit log keeps. Dongs, dates, statuses and minutes stay, so
    /// every statistic and every volunteer's hours stay whole. Admins only; refused, changing
    /// nothing, for a date in the future or when one of those households still has open
    /// requests. A dry run counts and changes nothing. One audit entry, with the counts.
    func purge(closedBefore: Date, dryRun: Bool) async throws -> PurgeOutcome
    /// The access log's entries (views and exports of personal data in full), oldest first.
    func accessLog(_ query: AccessLogQuery) async throws -> [AccessLogEntry]
}

/// What a purge did, or would do.
public struct PurgeOutcome: Sendable, Hashable {
    public var households: Int
    public var requests: Int
    public var auditEntries: Int
    public var dryRun: Bool

    public init(households: Int, requests: Int, auditEntries: Int, dryRun: Bool) {
        self.households = households
        self.requests = requests
        self.auditEntries = auditEntries
        self.dryRun = dryRun
    }
}

/// What a purge leaves in place of a household's name: the row stays, for the statistics.
public enum Purged {
    public static let name = "(파기됨)"
    /// What the audit log keeps of a purged record's before and after.
    static let auditText = "{\"purged\":true}"
}

/// Why a purge was refused.
public enum PurgeRefusal: Sendable, Hashable {
    /// Nothing can have been closed in the future.
    case futureDate(CivilDate)
    /// A household closed before the date still has requests not ended (an import or an older
    /// release may leave one so): its escorts' details are still needed.
    case openRequests(householdID: Int64, count: Int)
}

/// Where personal data was seen or taken in full.
public enum AccessSource: String, Sendable, Hashable, CaseIterable, Codable {
    /// A household's details or page on the dashboard.
    case dashboard
    /// `honsim household ID` on the command line.
    case command
    /// `honsim export`, or a pane saved as CSV.
    case export
    /// A household's or volunteer's sheet written to a file.
    case sheet

    public var phrase: Phrase {
        switch self {
        case .dashboard: Phrase(ko: "대시보드", en: "dashboard")
        case .command: Phrase(ko: "명령줄", en: "command line")
        case .export: Phrase(ko: "내보내기", en: "export")
        case .sheet: Phrase(ko: "시트", en: "sheet")
        }
    }
}

/// Which access-log entries to read.
public struct AccessLogQuery: Sendable, Hashable {
    /// When, [start, end); nil: all time.
    public var span: TimeSpan?
    /// Exactly this user.
    public var user: String?
    /// Entries that showed this household: its views, and the exports that held it.
    public var householdID: Int64?

    public init(span: TimeSpan? = nil, user: String? = nil, householdID: Int64? = nil) {
        self.span = span
        self.user = user
        self.householdID = householdID
    }
}

/// One view or export of personal data in full.
public struct AccessLogEntry: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable { case view, export }

    public var at: Date
    public var user: String
    public var kind: Kind
    public var source: AccessSource
    /// What was seen: "household" for a view, the export's kind (households, volunteers…).
    public var entity: String
    /// The household viewed, or those an export held in full (empty when the log does not say:
    /// exports logged before it did, and volunteers).
    public var householdIDs: [Int64]
    /// Records that left in full (1 for a view).
    public var rows: Int
    public var dongCode: String?
    /// The request whose details showed the household, when it was.
    public var requestID: Int64?
}
