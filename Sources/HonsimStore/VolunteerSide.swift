import Foundation
import HonsimCore

/// The volunteers' side of the service: credentials that run out, the expenses (실비) paid
/// with escorts, and the hours for the national volunteer portal.
public protocol VolunteerSide: StoreIdentity {
    /// The council's settings for credentials and expenses, as the store keeps them.
    func volunteerSettings() async throws -> VolunteerSettings
    /// Admins only; audited.
    func setVolunteerSettings(_ settings: VolunteerSettings) async throws
    /// Credentials of active volunteers that lapse within `days` of `today`, or have lapsed,
    /// soonest first.
    func expiringCredentials(within days: Int, today: CivilDate) async throws -> [CredentialExpiry]
    /// What a completed escort paid back, if anything was recorded.
    func expenses(requestID: Int64) async throws -> Expenses?
    /// A month's expenses by escort, with the ceiling and what passed it.
    func expenseReport(year: Int, month: Int) async throws -> ExpenseReport
    /// A month's completed escorts checked as the national portal checks them.
    func portalHours(year: Int, month: Int, today: CivilDate) async throws -> PortalHours.Export
}
