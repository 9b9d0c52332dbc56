import ArgumentParser
import Foundation
import HonsimCore
import HonsimStore

/// Prints a request's new state in one line.
func describe(_ request: EscortRequest, store: any StoreReads, language: Language) async -> String {
    let status = DomainPhrases.status(request.status).text(language)
    var volunteer = ""
    if let id = request.volunteerID, let found = try? await store.volunteer(id: id) { volunteer = " — \(found.name) (#\(id))" }
    return language == .ko ? "요청 \(request.id)번: \(status)\(volunteer)\n" : "request \(request.id): \(status)\(volunteer)\n"
}

struct AssignCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "assign", abstract: "Assign a volunteer to a pending request.",
        discussion: "Rules a coordinator may override (hours, day off, gender preference, weekly cap) need --override; a double booking is never possible.")
    @OptionGroup var options: StoreOptions
    @Argument(help: "The request's id.") var requestID: Int64
    @Argument(help: "The volunteer's id.") var volunteerID: Int64
    @Option(help: "Fail unless the request is still at this version (what the caller saw).") var expectVersion: Int?
    @Flag(help: "Accept exclusions a coordinator may override.") var override = false

    func run() async throws {
        try await reportingErrors(options.language) {
            let store = try await options.open()
            let request = try await store.assign(requestID: requestID, volunteerID: volunteerID, expectedVersion: expectVersion, override: override)
            emit(await describe(request, store: store, language: options.language))
        }
    }
}

/// The lifecycle moves other than assign share their shape: a request id, and maybe a reason.
protocol LifecycleMove: AsyncParsableCommand {
    static var action: LifecycleAction { get }
    var options: StoreOptions { get }
    var requestID: Int64 { get }
    var details: ActionDetails { get }
}

extension LifecycleMove {
    func run() async throws {
        try await reportingErrors(options.language) {
            let store = try await options.open()
            let request = try await store.perform(Self.action, requestID: requestID, details: details, expectedVersion: nil)
            emit(await describe(request, store: store, language: options.language))
        }
    }
}

struct ConfirmCommand: LifecycleMove {
    static let configuration = CommandConfiguration(commandName: "confirm", abstract: "Confirm an assigned request (the volunteer was reached).")
    static let action = LifecycleAction.confirm
    @OptionGroup var options: StoreOptions
    @Argument(help: "The request's id.") var requestID: Int64
    var details: ActionDetails { ActionDetails() }
}

struct StartCommand: LifecycleMove {
    static let configuration = CommandConfiguration(commandName: "start", abstract: "Mark a confirmed escort as under way.")
    static let action = LifecycleAction.start
    @OptionGroup var options: StoreOptions
    @Argument(help: "The request's id.") var requestID: Int64
    var details: ActionDetails { ActionDetails() }
}

struct CompleteCommand: LifecycleMove {
    static let configuration = CommandConfiguration(commandName: "complete", abstract: "Record a finished escort.")
    static let action = LifecycleAction.complete
    @OptionGroup var options: StoreOptions
    @Argument(help: "The request's id.") var requestID: Int64
    @Option(help: "Actual minutes, pickup to return (default: the expected minutes).") var minutes: Int?
    @Option(help: "How it went.") var outcome: String = ""
    @Option(help: "What the doctor said that the household or family must know.") var doctorNotes: String = ""
    @Flag(help: "A follow-up is needed.") var followUp = false
    @OptionGroup var expenses: ExpenseOptions

    var details: ActionDetails {
        ActionDetails(actualMinutes: minutes, outcome: outcome, doctorNotes: doctorNotes, followUp: followUp, expenses: expenses.expenses)
    }

    func validate() throws {
        if let minutes, minutes <= 0 || minutes > 24 * 60 { throw ValidationError("--minutes must be between 1 and 1440") }
    }
}

struct ReleaseCommand: LifecycleMove {
    static let configuration = CommandConfiguration(commandName: "release", abstract: "Take the volunteer off a request; it goes back to pending.")
    static let action = LifecycleAction.release
    @OptionGroup var options: StoreOptions
    @Argument(help: "The request's id.") var requestID: Int64
    @Option(help: "Why.") var reason: String = ""
    var details: ActionDetails { ActionDetails(reason: reason) }
}

struct CancelCommand: LifecycleMove {
    static let configuration = CommandConfiguration(commandName: "cancel", abstract: "Cancel a request.")
    static let action = LifecycleAction.cancel
    @OptionGroup var options: StoreOptions
    @Argument(help: "The request's id.") var requestID: Int64
    @Option(help: "Why.") var reason: String = ""
    var details: ActionDetails { ActionDetails(reason: reason) }
}

struct NoShowCommand: LifecycleMove {
    static let configuration = CommandConfiguration(commandName: "no-show", abstract: "Record that the household was not there.")
    static let action = LifecycleAction.noShow
    @OptionGroup var options: StoreOptions
    @Argument(help: "The request's id.") var requestID: Int64
    @Option(help: "What happened.") var reason: String = ""
    var details: ActionDetails { ActionDetails(reason: reason) }
}
