import ArgumentParser
import Foundation
import HonsimCore
import HonsimStore

struct DashboardCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "dashboard", abstract: "Open the full-screen dashboard (the default).")
    @OptionGroup var options: StoreOptions

    func run() async throws {
        try await reportingErrors(options.language) {
            let store = try options.open()
            try await Dashboard.open(store: store, language: options.language)
        }
    }
}

/// Until the full-screen dashboard exists, a summary of what it will show.
enum Dashboard {
    static func open(store: SQLiteStore, language: Language) async throws {
        let counts = try await store.counts()
        let now = Date()
        let pending = try await store.pendingRequests(limit: 10)
        let urgent = pending.filter { $0.isUrgent(now: now) }.count
        emit(language == .ko
             ? "honsim — \(store.location)\n대상자 \(counts.households), 봉사자 \(counts.volunteers), 요청 \(counts.requests) (대기 \(counts.pending), 긴급 \(urgent))\n"
             : "honsim — \(store.location)\n\(counts.households) households, \(counts.volunteers) volunteers, \(counts.requests) requests (\(counts.pending) pending, \(urgent) urgent)\n")
    }
}
