import Foundation
import HonsimCore
import HonsimStore

/// The store work behind the effects of dialogs and forms, each ending in the event that
/// brings its result (or its failure, in words) back to `update`.
enum StoreWork {
    static func event(for effect: Effect, store: any CaseStore, language: Language) async -> AppEvent? {
        let describe = { (error: any Error) in DashboardLoader.describe(error, language: language, calendar: store.calendar) }
        switch effect {
        case .loadCandidates(let requestID):
            do {
                let request = try await store.request(id: requestID)
                return .candidatesLoaded(request, try await store.candidates(for: requestID))
            } catch { return .failed(describe(error)) }
        case .searchCandidates(let requestID, let ids, let query):
            do { return .candidateSearchLoaded(query: query, try await store.candidates(for: requestID, among: ids)) } catch {
                return .failed(describe(error))
            }
        case .write(let write):
            do { return .written(write, try await execute(write, on: store, language: language)) } catch {
                return .writeFailed(write, WriteFailure(error, language: language, calendar: store.calendar))
            }
        case .loadHouseholds:
            do { return .householdsLoaded(try await store.households()) } catch { return .failed(describe(error)) }
        case .loadActivity(let query, let limit):
            do { return .activityLoaded(query, try await store.auditLog(matching: query, limit: limit)) } catch {
                return .failed(describe(error))
            }
        case .loadPlan(let query):
            do { return .planLoaded(query, try await store.plan(dongCodes: query.dongCodes, from: query.from, until: query.until)) } catch {
                return .failed(describe(error))
            }
        case .records(let work):
            return .records(await RecordWork.event(for: work, store: store, language: language))
        case .load, .loadStatistics, .loadFreeVolunteers, .recordDetailView, .files, .quit:
            return nil
        }
    }

    static func execute(_ write: WriteRequest, on store: any CaseStore, language: Language) async throws -> WriteResult {
        switch write {
        case .assign(let requestID, let volunteerID, let version, let override):
            return WriteResult(changed: [try await store.assign(requestID: requestID, volunteerID: volunteerID,
                                                                expectedVersion: version, override: override)])
        case .lifecycle(let action, let requestID, let details, let version):
            return WriteResult(changed: [try await store.perform(action, requestID: requestID, details: details, expectedVersion: version)])
        case .create(let drafts):
            return WriteResult(changed: try await store.createRequests(drafts))
        case .undo(let targets):
            return WriteResult(changed: try await store.undo(targets))
        case .assignAll(let plan):
            // Each proposal on its own: one taken meanwhile by another coordinator must not
            // keep the others from being assigned.
            var result = WriteResult(changed: [])
            for item in plan {
                do {
                    result.changed.append(try await store.assign(requestID: item.requestID, volunteerID: item.volunteerID,
                                                                 expectedVersion: item.expectedVersion, override: false))
                } catch {
                    result.failures.append("#\(item.requestID): " + DashboardLoader.describe(error, language: language, calendar: store.calendar))
                }
            }
            return result
        }
    }
}
