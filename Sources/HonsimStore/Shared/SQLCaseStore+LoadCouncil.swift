import Foundation
import GRDB
import HonsimCore

extension SQLCaseStore {
    /// A load's households' eligibility, stamped as the load, and its completed escorts'
    /// expenses, recorded with each completion for the escort's volunteer as the `o` form does.
    func insertCouncilSide(_ db: any StoreConnection, _ data: StoreData, at now: Date) async throws {
        try await db.insert(into: "household_eligibility", data.eligibility.sorted { $0.key < $1.key }.map { id, eligibility in
            ["household_id": id, "categories": HouseholdEligibility.words(eligibility.categories),
             "served_elsewhere": HouseholdEligibility.words(eligibility.servedElsewhere), "updated_at": Stored.cell(now), "updated_by": user]
        })
        let requests = Dictionary(data.requests.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        try await db.insert(into: "escort_expense", data.expenses.sorted { $0.key < $1.key }.compactMap { id, expenses in
            guard let request = requests[id], let volunteerID = request.volunteerID else { return nil }
            return ["request_id": id, "volunteer_id": volunteerID, "fares": expenses.fares, "parking": expenses.parking,
                    "meals": expenses.meals, "recorded_at": Stored.cell(request.updatedAt), "recorded_by": request.updatedBy]
        })
    }
}
