import Foundation
import Logging

/// What the store tells the log: slow calls, refused writes, lost and regained connections,
/// failures. Never a person's name, phone or address: an error is logged by its kind and the
/// ids it carries, not by its sentence (which names the volunteer it is about).
enum StoreLog {
    static let logger = Logger(label: "honsim.store")
    /// A call that takes longer than this is worth a line.
    static let slowCall: Duration = .milliseconds(500)

    /// Runs a store call, timing it and logging what went wrong.
    static func observed<T>(_ kind: String, store: SQLCaseStore, _ call: () async throws -> T) async throws -> T {
        let started = ContinuousClock.now
        do {
            let result = try await call()
            let elapsed = ContinuousClock.now - started
            if elapsed > slowCall {
                logger.warning("slow store call", metadata: ["call": "\(kind)", "ms": "\(elapsed.milliseconds)", "store": "\(store.backendName)"])
            }
            if store.disconnected.withLock({ was in defer { was = false }; return was }) {
                logger.notice("reconnected to the store", metadata: ["store": "\(store.backendName)"])
            }
            return result
        } catch {
            log(error, call: kind, store: store)
            throw error
        }
    }

    private static func log(_ error: any Error, call: String, store: SQLCaseStore) {
        guard let error = error as? StoreError else {
            logger.error("store call failed", metadata: ["call": "\(call)", "error": "\(type(of: error))"])
            return
        }
        let metadata: Logger.Metadata = ["call": "\(call)", "kind": "\(error.logKind)", "store": "\(store.backendName)"]
        switch error {
        case .disconnected:
            if !store.disconnected.withLock({ was in defer { was = true }; return was }) {
                logger.warning("disconnected from the store", metadata: metadata)
            }
        case .alreadyAssigned, .doubleBooked, .staleWrite, .staleRecord, .illegalMove, .excluded, .access, .integrity,
             .cannotUndo, .likelyDuplicate, .openRequests, .notEmpty:
            logger.notice("write refused", metadata: metadata)
        case .notFound, .invalidData:
            logger.info("store call refused", metadata: metadata)
        default:
            logger.error("store call failed", metadata: metadata)
        }
    }
}

extension StoreError {
    /// The error's kind and the ids it carries, without the names in its sentence.
    public var logKind: String {
        switch self {
        case .alreadyAssigned(let id, _, _, _): "alreadyAssigned(request \(id))"
        case .doubleBooked(_, let other, _): "doubleBooked(other request \(other))"
        case .illegalMove(let id, let move): "illegalMove(request \(id), \(move.from) → \(move.action))"
        case .staleWrite(let entity, let id, _, _, _): "staleWrite(\(entity) \(id))"
        case .staleRecord(let entity, let id, _, _): "staleRecord(\(entity) \(id))"
        case .notFound(let entity, let id): "notFound(\(entity) \(id))"
        case .openRequests(let id, let count): "openRequests(household \(id), \(count))"
        case .likelyDuplicate(let entity, let id, _): "likelyDuplicate(\(entity) \(id))"
        case .invalidData(let issues): "invalidData(\(issues.count) problem(s))"
        // Every other case carries no personal data beyond its kind; the label is enough.
        default: Mirror(reflecting: self).children.first?.label ?? "\(self)"
        }
    }
}

extension Duration {
    var milliseconds: Int64 { components.seconds * 1000 + components.attoseconds / 1_000_000_000_000_000 }
}
