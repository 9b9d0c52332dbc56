import Foundation
import HonsimCore
import HonsimStore

/// The store work behind the household and volunteer pages.
enum RecordWork {
    static func event(for effect: RecordEffect, store: any CaseStore, language: Language) async -> RecordEvent {
        do {
            switch effect {
            case .loadHousehold(let id, let logView):
                // In full only where the role allows, and then logged by the very read that returns it.
                return .householdLoaded(try await store.householdRecord(id: id, reveal: logView ? .full(requestID: nil) : .masked))
            case .loadVolunteer(let id):
                return .volunteerLoaded(try await store.volunteerRecord(id: id))
            case .save(.household(let household), let version, let allowDuplicate):
                return .saved(.household(try await store.saveHousehold(household, expectedVersion: version, allowDuplicate: allowDuplicate)),
                              dropOuts: [])
            case .save(.volunteer(let volunteer), let version, let allowDuplicate):
                let saved = try await store.saveVolunteer(volunteer, expectedVersion: version, allowDuplicate: allowDuplicate)
                return .saved(.volunteer(saved.volunteer), dropOuts: saved.dropOuts)
            case .release(let volunteerID, let ids, let reason):
                return .released(try await store.releaseDropOuts(volunteerID: volunteerID, requestIDs: ids, reason: reason))
            }
        } catch {
            return .failed(effect, error as? StoreError, DashboardLoader.describe(error, language: language, calendar: store.calendar))
        }
    }
}
